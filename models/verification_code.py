"""The 核验码 printed on documents that travel on paper: its letters, its check character, its digest.

A code is twelve characters in three groups, e.g. "MK7Q-M2XD-P9AE":

    kind (1) | locator (4) | digest (6) | check (1)

- *kind*: which document it is (M 会议记录, P 公开栏, A 民主评议结果, F 备案回执);
- *locator*: the first 20 bits of the record's id (a UUID), enough to find the
  few records that start the same way among a township's tens of thousands;
- *digest*: 30 bits of SHA-256 over the document kind, the record id, its change
  number (the highest `seq` of the record and the children the paper prints) and
  the canonical rows of exactly those records;
- *check*: Luhn mod 32 over the eleven before, so any one mistyped character
  and nearly every swap of two neighbours is told as 核验码有误, not as "does
  not match" (tests/unit/test_verification_code.py tries them all).

The alphabet has 32 characters without 0, O, 1 and I (read out over the phone,
copied by hand from a poster). Everything here is pure: the rows come from the
caller (desktop.services.verification_code reads them from the database).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
LENGTH = 12
_LOCATOR_CHARS, _DIGEST_CHARS = 4, 6
_DOMAIN = "cunwu-paper-v1"

MEETING, POSTER, APPRAISAL, FILING = "M", "P", "A", "F"
KINDS = (MEETING, POSTER, APPRAISAL, FILING)


class CodeError(ValueError):
    """The text typed is not a 核验码 (wrong length, letters outside the alphabet, wrong check character)."""


@dataclass(frozen=True)
class ParsedCode:
    """What a well-formed code says: the document kind, the id prefix to look for, the digest to compare."""

    kind: str
    id_prefix: str  # five lowercase hex digits: the first 20 bits of the record id
    digest: str  # six alphabet characters


def _encode(value: int, chars: int) -> str:
    out = []
    for _ in range(chars):
        out.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def _decode(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 32 + _VALUE[ch]
    return value


def check_character(body: str) -> str:
    """Luhn mod 32 over `body`: catches any single wrong character and any swap of two neighbours."""
    factor, total = 2, 0
    for ch in reversed(body):
        addend = factor * _VALUE[ch]
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return ALPHABET[(32 - total % 32) % 32]


def digest(kind: str, record_id: str, seq: int, rows: Sequence[tuple[str, Sequence[Any]]]) -> str:
    """Six characters of SHA-256 over the document: kind, id, change number and (table, row values) sorted."""
    body = json.dumps([_DOMAIN, kind, record_id, seq, sorted([t, list(r)] for t, r in rows)],
                      ensure_ascii=False, separators=(",", ":"), default=str)
    value = int.from_bytes(hashlib.sha256(body.encode("utf-8")).digest()[:4], "big") >> 2  # 30 bits
    return _encode(value, _DIGEST_CHARS)


def make(kind: str, record_id: str, seq: int, rows: Sequence[tuple[str, Sequence[Any]]]) -> str:
    """The grouped code ("MK7Q-M2XD-P9AE") of a document printed from these rows."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    # ValueError for an id that does not start with five hex digits (every synced id is a UUID)
    locator = _encode(int(record_id.replace("-", "")[:5], 16), _LOCATOR_CHARS)
    body = kind + locator + digest(kind, record_id, seq, rows)
    return group(body + check_character(body))


def group(code: str) -> str:
    """Twelve characters as three groups of four."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def normalize(text: str) -> str:
    """What a person typed, as the bare code: upper case, no spaces or dashes; O read as 0 is not guessed."""
    return "".join(ch for ch in text.upper() if ch not in " -—_\t\u3000")


def parse(text: str) -> ParsedCode:
    """The parts of a typed code; CodeError if it cannot be one (including a failed check character)."""
    code = normalize(text)
    if len(code) != LENGTH or any(ch not in _VALUE for ch in code):
        raise CodeError(code)
    if check_character(code[:-1]) != code[-1] or code[0] not in KINDS:
        raise CodeError(code)
    prefix = f"{_decode(code[1:1 + _LOCATOR_CHARS]):05x}"
    return ParsedCode(code[0], prefix, code[1 + _LOCATOR_CHARS:-1])
