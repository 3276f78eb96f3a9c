"""The 核验码 itself (models.verification_code): grouping, parsing, and the typos its check character catches."""

from __future__ import annotations

import uuid

import pytest

from models import verification_code as vc


def _code(seq: int = 7, rows=(("meeting", [("title", "两委会")]),)) -> tuple[str, str]:
    record_id = str(uuid.UUID(int=0x3150D << 108 | 12345))
    return record_id, vc.make(vc.MEETING, record_id, seq, list(rows))


def test_a_code_is_three_groups_in_the_alphabet_and_parses_back():
    record_id, code = _code()
    assert len(code) == 14 and code[4] == code[9] == "-"
    assert set(code.replace("-", "")) <= set(vc.ALPHABET) and not set("01OI") & set(code)
    parsed = vc.parse(code)
    assert parsed.kind == vc.MEETING and parsed.id_prefix == record_id[:5]
    assert vc.parse(f"  {code.lower().replace('-', ' ')} ") == parsed


def test_the_digest_follows_the_change_number_and_the_content():
    _, code = _code()
    assert _code(seq=8)[1] != code
    assert _code(rows=(("meeting", [("title", "两委会议")]),))[1] != code
    assert _code()[1] == code


def test_every_single_typo_and_almost_every_swap_is_caught():
    for _ in range(20):
        body = vc.normalize(vc.make(vc.POSTER, str(uuid.uuid4()), 1, []))
        for i in range(len(body)):
            for ch in vc.ALPHABET:
                if ch != body[i]:
                    with pytest.raises(vc.CodeError):
                        vc.parse(body[:i] + ch + body[i + 1:])
    swaps = missed = 0
    for _ in range(300):
        body = vc.normalize(vc.make(vc.POSTER, str(uuid.uuid4()), 1, []))
        for i in range(len(body) - 1):
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2:]
            if swapped != body:
                swaps += 1
                try:
                    vc.parse(swapped)
                    missed += 1
                except vc.CodeError:
                    pass
    assert missed / swaps < 0.01


@pytest.mark.parametrize("text", ["", "MK7Q-M2XD", "MK7Q-M2XD-P9AE-XXXX", "0K7Q-M2XD-P9AE", "ZZZZ-ZZZZ-ZZZZ"])
def test_what_is_not_a_code_is_refused(text):
    with pytest.raises(vc.CodeError):
        vc.parse(text)
