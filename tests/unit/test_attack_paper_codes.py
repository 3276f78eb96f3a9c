"""Issue 16, "an audit that someone else holds" (3): printed documents carry a 核验码 the township can check.

Each document kind is printed at the village (the code read off the printed
HTML), the village's package is imported at the township, and the code is
typed in there: it matches; after the village changes the record and sends it
again, the old paper no longer matches; a typo is caught by the check character.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop import cli
from models.db import close_database
from tests.support.paper_codes import codes as _codes
from tests.support.paper_codes import printed_at_village as _printed_at_village
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair


def _verify(site, code: str) -> tuple[int, dict]:
    close_database()
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = cli.main(["--data-dir", str(site.paths.data_dir), "--json", "verify", code])
    return status, json.loads(out.getvalue().strip().splitlines()[-1])


@pytest.fixture
def sent(tmp_path, qapp):
    """The demo village's documents printed, its package imported at the township."""
    township, village, usb = make_pair(tmp_path, years=1)
    printed = _printed_at_village(village)
    import_into(township, export_to(village, usb).path)
    return township, village, usb, printed


def test_each_printed_kind_matches_at_the_township(sent):
    """Issue 16: "Printed documents that travel on paper (会议记录, the 公开栏 poster, 民主评议 results …) carry a short 核验码 … the township can type it in to see whether that paper matches what it holds"."""
    township, village, _usb, printed = sent
    for kind, (_record, code) in printed.items():
        status, out = _verify(township, code)
        assert status == 0 and out["match"] is True and out["status"] == "match", (kind, out)
        assert out["village"] == "青山村" and out["title"]
        assert "与本机收到的青山村第 1 号数据包中的记录一致" in out["reason"]
        status, out = _verify(village, code)  # the village checks its own paper as well
        assert status == 0 and out["match"] is True and "与本机保存的记录一致" in out["reason"]


def test_a_record_changed_after_printing_no_longer_matches(sent):
    """Issue 16: the paper must not match a record the village altered after printing (re-synced): "does not match"."""
    from desktop.services import record_store
    from desktop.services.session import cli_session
    from models.disclosure.records import FinancialLine, FinancialPosting

    township, village, usb, printed = sent
    item_id, code = printed["P"]
    village.use()
    posting = FinancialPosting.get(FinancialPosting.item_id == item_id)
    line = FinancialLine.live().where(FinancialLine.posting == posting.id).first()
    record_store.update(cli_session("village"), line, expense_fen=line.expense_fen + 100_000)
    close_database()
    import_into(township, export_to(village, usb).path)
    status, out = _verify(township, code)
    assert status == 1 and out["match"] is False and out["status"] == "mismatch"
    assert out["reason"].startswith("纸上的内容与本机保存的不一致:可能纸质件被改动,或村里打印后又修改了记录")
    assert f"本机保存的是变更序号 {out['seq']} 的版本" in out["reason"]


def test_a_typo_in_the_code_is_told_as_a_typo(sent):
    """Issue 16 (核验码): a mistyped code says 核验码有误 (a check character), never "does not match"."""
    township, _village, _usb, printed = sent
    code = printed["M"][1]
    typo = code[:5] + ("X" if code[5] != "X" else "Y") + code[6:]
    status, out = _verify(township, typo)
    assert status == 1 and out["status"] == "bad_code" and out["reason"].startswith("核验码有误")
    swapped = code[:6] + code[7] + code[6] + code[8:] if code[6] != code[7] else code[:1] + code[2] + code[1] + code[3:]
    assert _verify(township, swapped)[1]["status"] == "bad_code"
    status, out = _verify(township, code.lower().replace("-", " "))  # as a person may type it
    assert status == 0 and out["match"] is True


def test_a_paper_not_received_yet_is_unknown(tmp_path, qapp):
    """Issue 16 (核验码): a paper whose record has not arrived is "unknown", not a forgery."""
    township, village, _usb = make_pair(tmp_path, years=1)
    code = _printed_at_village(village)["M"][1]
    status, out = _verify(township, code)
    assert status == 1 and out["status"] == "unknown" and "还没有" in out["reason"]


def test_filing_receipt_matches_at_the_township_and_at_the_village(sent):
    """Issue 16: the township's 备案回执 carries a 核验码 too; the village checks it after the return package."""
    from desktop.reports import filing_receipt
    from desktop.services import review_service
    from desktop.services.session import cli_session

    township, village, usb, _printed = sent
    township.use()
    rows = [r for r in review_service.filing_register() if r.filing_id is None]
    assert rows, "the demo village has an adopted text to file"
    voted = date.fromisoformat(rows[0].voted_on)
    filing = review_service.record_filing(cli_session("township"), rows[0].version_id, voted, voted)
    html = filing_receipt.receipt_html(filing.id)
    assert "村规民约备案回执" in html and "青山村" in html
    code = _codes(html)[0]
    close_database()
    status, out = _verify(township, code)
    assert status == 0 and out["match"] and "与本机保存的记录一致" in out["reason"]
    import_into(village, export_to(township, usb, recipient_code=VILLAGE_CODE).path)
    status, out = _verify(village, code)
    assert status == 0 and out["match"] and "第 1 号数据包" in out["reason"], out


def test_a_match_on_a_village_whose_audit_was_rewritten_says_so(sent):
    """Issue 16: the code is tied to the audit the township witnesses — a match against a village whose chain was found rewritten carries a warning."""
    from models.sync.records import WITNESS_BROKEN, WITNESS_THEIRS, AuditWitness

    township, _village, _usb, printed = sent
    township.use()
    AuditWitness.create(peer_code=VILLAGE_CODE, side=WITNESS_THEIRS, package_number=2, count=10, hash="0" * 64,
                        status=WITNESS_BROKEN, reason="rows removed")
    status, out = _verify(township, printed["M"][1])
    assert status == 0 and out["match"] is True
    assert out["warnings"] and "审计记录" in out["warnings"][0] and "第 2 号数据包" in out["warnings"][0]
