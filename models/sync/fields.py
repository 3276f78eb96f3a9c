"""What the values of an incoming record may be, and what a package may not bring in.

A package is signed by the sender's key, so it cannot be forged on the way;
but the sender's own copy of the software may be old, buggy or tampered with,
and the receiving side must still only store what its own screens could have
stored. The importer checks each incoming row with `problem` (a value
outside its field's rules refuses the whole package) and passes the register
tables' text through `mask_id_numbers`: the software never stores a 公民身份号码
(the 花名册 import takes only the birth date and sex from one), so a number
typed into a 备注 on the village's side is masked on arrival and the import
says so, rather than refusing a whole package for one note.

Only the fields whose rules are not enforced by SQLite itself are listed
(issue 15's register, terms and sign-off columns); the foreign keys are the
importer's own check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from models.entities import GENDERS, LEFT_KINDS
from models.field_labels import field_label
from models.kinship import RELATIONS

Check = Callable[[Any], bool]


def _text(limit: int | None = None, required: bool = False) -> Check:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        if required and not value.strip():
            return False
        return limit is None or len(value) <= limit
    return check


def _day_or_blank(value: Any) -> bool:
    if value == "":
        return True
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _int_between(low: int, high: int, nullable: bool = True) -> Check:
    def check(value: Any) -> bool:
        if value is None:
            return nullable
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return check


def _one_of(codes, blank: bool = True) -> Check:
    allowed = frozenset(codes)
    return lambda value: (blank and value == "") or (isinstance(value, str) and value in allowed)


def _key(nullable: bool) -> Check:
    return lambda value: (nullable and value is None) or (isinstance(value, str) and 0 < len(value) <= 36)


#: table -> column -> rule (the label a person reads is in `models.field_labels`).
RULES: dict[str, dict[str, Check]] = {
    "village_group": {
        "name": _text(32, required=True),
        "position": _int_between(-10**6, 10**6, nullable=False),
        "note": _text(),
    },
    "household": {
        "number": _text(32),
        "village_group": _text(32),
        "address": _text(128),
        "note": _text(),
    },
    "person": {
        "name": _text(32, required=True),
        "gender": _one_of(GENDERS, blank=False),
        "birth_year": _int_between(1850, 2200),
        "birth_month": _int_between(1, 12),
        "household_id": _key(nullable=True),
        "household_relation": _text(16),
        "left_on": _day_or_blank,
        "left_kind": _one_of(LEFT_KINDS),
        "left_reason": _text(),
    },
    "person_role": {
        "start_date": _day_or_blank,
        "end_date": _day_or_blank,
        "end_reason": _text(),
        "scope": _text(32),
    },
    "represented_household": {
        "role_id": _key(nullable=False),
        "household_id": _key(nullable=False),
    },
    "kinship": {
        "relation": _one_of(RELATIONS, blank=False),
    },
    "committee_member": {
        "left_on": _day_or_blank,
        "left_reason": _text(),
    },
    "supervision_matter": {
        "answered_by": _text(64),
        "closed_by": _text(64),
    },
    "voucher_review": {
        "recorded_by": _text(64),
    },
    "disclosure_item": {
        "submitted_by": _text(64),
    },
}


def column_checks(table: str, columns: list[str]) -> list[tuple[int, str, Check]]:
    """(index in `columns`, label, rule) of each column of `table` that has a rule."""
    rules = RULES.get(table, {})
    return [(i, field_label(table, c), rules[c]) for i, c in enumerate(columns) if c in rules]


def problem(checks: list[tuple[int, str, Check]], row: list[Any]) -> tuple[str, Any] | None:
    """(label, value) of the first value of `row` outside its rule, or None."""
    for i, label, check in checks:
        if not check(row[i]):
            return label, row[i]
    return None


def left_pair_problem(columns: list[str], row: list[Any]) -> bool:
    """Whether a person row has a leaving date without its kind, or a kind without a date."""
    try:
        on, kind = row[columns.index("left_on")], row[columns.index("left_kind")]
    except ValueError:
        return False
    return bool(on) != bool(kind)


def shown(value: Any) -> str:
    """A value as a refusal quotes it: short, and never a 公民身份号码."""
    text = mask_id_numbers(str(value))[0] if value is not None else "空"
    return text if len(text) <= 20 else text[:20] + "…"


# --- 公民身份号码 -------------------------------------------------------------------------------

#: Tables whose text is about villagers: their text columns are searched for ID numbers.
REGISTER_TABLES = frozenset({"village_group", "household", "person", "person_role", "represented_household",
                             "kinship", "committee_member"})
#: Columns that are never free text (keys and stamps).
_NOT_TEXT = frozenset({"id", "owner", "seq", "updated_at", "deleted"})
#: An 18-character 公民身份号码 (17 digits and a digit or X), not part of a longer run of digits.
#: Full-width digits count: a note may be typed with a Chinese input method.
_ID = re.compile(r"(?<![0-9０-９])[0-9０-９]{17}[0-9０-９XxＸｘ](?![0-9０-９A-Za-z])")
MASK = "*" * 18


def _carries_a_birth_date(number: str) -> bool:
    """Whether characters 7–14 are a date from 1900 on.

    Then it is an ID number (even with a typo elsewhere in it), not an
    all-digit 统一社会信用代码 or account number of the same length.
    """
    digits = number.translate(_HALF_WIDTH)
    try:
        born = date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    return born.year >= 1900


_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def mask_id_numbers(text: str) -> tuple[str, int]:
    """`text` with every 18-character ID number replaced by `MASK`, and how many there were."""
    count = 0

    def mask(match: re.Match) -> str:
        nonlocal count
        if not _carries_a_birth_date(match.group()):
            return match.group()
        count += 1
        return MASK

    return _ID.sub(mask, text), count


def text_columns(table: str, columns: list[str]) -> list[int]:
    """Indexes of the columns of a register table that can hold free text (none for other tables)."""
    if table not in REGISTER_TABLES:
        return []
    return [i for i, c in enumerate(columns) if c not in _NOT_TEXT and not c.endswith("_id")]
