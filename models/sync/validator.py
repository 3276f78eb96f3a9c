"""Every field of every incoming row, checked against its model before anything is written.

A package is signed, so nobody changed it on the way; but the sender's copy
of the software may be old, buggy or tampered with, and one value our own
screens could never have stored (an `escalated_on` of "2026-02-30", text in
an integer column, `deleted = "yes"`, an integer SQLite cannot hold) used to
reach the township's database and break its 合规看板 and reports until the
village sent a fix. So each column of each synced table gets a check derived
from its peewee field (`model._meta.sorted_fields`): a column added to a
model is covered the day it is added, and a test walks every field of every
synced model to prove it.

What the field type gives:

- IntegerField: an int (never a bool, never a float such as NaN or Infinity)
  within SQLite's 64 bits; counts are never negative; money (`*_fen`, integer
  分) within the app's own cap `MAX_FEN`; years within 1850–2200.
- BooleanField (`deleted` among them): 0 or 1 (or JSON true/false), nothing else.
- CharField: text of at most `max_length` characters; a 10-character column
  is a date and must be a real day (YYYY-MM-DD); `updated_at`/`*_at` is a
  timestamp in the app's format (`models.clock.now_utc`, microseconds
  optional: the readers take both); the columns listed
  in `ENUMS` take only their codes; a 附件's 文件校验值 is a SHA-256 (`HASHES`)
  and its file name a bare name (`FILE_NAMES`): both become paths on the
  receiving PC.
- TextField: text (with a generous cap: a payload of one huge note is not a
  record anyone typed); the two that hold a JSON list (`JSON_LISTS`) must
  hold one, of short texts, since their readers parse it.
- ForeignKeyField: a record id (text of 1–36 characters).

A blank value is accepted where the model's default is blank (a date not yet
known), NULL only where the field is nullable. A column that is NOT NULL and
has no default must be present in the package (an older or tampered sender
leaving it out would otherwise end in an IntegrityError).

The hand-written `models.sync.fields.RULES` stay: they are stricter rules of
some columns (a 姓名 may not be blank, a 出生月份 is 1–12) and are checked
after these.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import BooleanField, CharField, Field, ForeignKeyField, IntegerField, TextField

from models.disclosure.catalogue import CATEGORIES, PERIODS
from models.disclosure.money import MAX_FEN
from models.elections import records as elections
from models.entities import EDUCATION_LEVELS, GENDERS, LEFT_KINDS, POLITICAL_STATUSES
from models.kinship import RELATIONS
from models.meetings.four_two import STEP_CODES
from models.meetings.matters import MATTERS
from models.meetings.quorum import ATTENDANCE_STATUSES
from models.meetings.records import STATUS_APPROVED, STATUS_DRAFT
from models.meetings.types import TYPES
from models.messages import QT_TRANSLATE_NOOP
from models.rules.procedure import OPINIONS
from models.rules.records import KIND_CHARTER, KIND_OTHER, KIND_RULES
from models.supervision.appraisal import VERDICTS
from models.supervision.matters import AREAS, SOURCES

_C = "sync_validator"
CONTEXT = _C  # the translation context of the phrases below

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
#: The longest text a TextField may bring (a whole 村规民约 is far shorter).
MAX_TEXT = 1_000_000
#: Integer columns that may be negative (an order, a balance); every other count is >= 0.
SIGNED_INTEGERS = frozenset({"position"})
#: Integer columns that are years.
YEAR_COLUMNS = frozenset({"year", "birth_year"})

#: (table, column) -> the codes the app writes there (blank too where the default is blank).
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("person", "gender"): frozenset(GENDERS),
    ("person", "left_kind"): frozenset(LEFT_KINDS),
    ("kinship", "relation"): frozenset(RELATIONS),
    ("meeting", "type_code"): frozenset(TYPES),
    ("meeting", "status"): frozenset({STATUS_DRAFT, STATUS_APPROVED}),
    ("meeting_attendance", "status"): frozenset(ATTENDANCE_STATUSES),
    ("person_vote", "choice"): frozenset({"yes", "no", "abstain"}),
    ("resolution", "matter"): frozenset(MATTERS),
    ("decision_register", "matter"): frozenset(MATTERS),
    ("decision_step", "step"): frozenset(STEP_CODES),
    ("rule_set", "kind"): frozenset({KIND_RULES, KIND_CHARTER, KIND_OTHER}),
    ("rule_version", "review_opinion"): frozenset(OPINIONS),
    ("rule_review", "opinion"): frozenset(OPINIONS),
    ("supervision_matter", "area"): frozenset(AREAS),
    ("supervision_matter", "source"): frozenset(SOURCES),
    ("questioned_voucher", "outcome"): frozenset({"approved", "returned", "vetoed", "pending"}),
    ("appraisal_result", "verdict"): frozenset(VERDICTS),
    ("disclosure_item", "category"): frozenset(CATEGORIES),
    ("disclosure_item", "period_kind"): frozenset(PERIODS),
    ("disclosure_item", "review_result"): frozenset({"approved", "returned"}),
    ("disclosure_subject", "category"): frozenset(CATEGORIES),
    ("disclosure_subject", "period_kind"): frozenset(PERIODS),
    ("person", "education"): frozenset(("",) + EDUCATION_LEVELS),
    ("person", "political_status"): frozenset(("",) + POLITICAL_STATUSES),
    ("election", "kind"): frozenset(elections.ELECTION_KINDS),
    ("election", "body"): frozenset(("",) + elections.BODIES),
    ("election", "committee_chosen_by"): frozenset(("",) + elections.BODIES),
    ("election_committee_member", "position"): frozenset({"chair", "member"}),
    ("voter", "category"): frozenset(elections.VOTER_CATEGORIES),
    ("candidate", "post"): frozenset(elections.POSTS),
    ("proxy_vote", "relation"): frozenset(("",) + tuple(RELATIONS)),
    ("election_round", "kind"): frozenset(elections.ROUND_KINDS),
    ("election_tally", "post"): frozenset(elections.POSTS),
    ("elected_member", "post"): frozenset(elections.POSTS),
    ("recall", "basis"): frozenset(elections.RECALL_BASES),
    ("recall", "outcome"): frozenset(elections.RECALL_OUTCOMES),
    ("selection", "kind"): frozenset(elections.SELECTION_KINDS),
    ("selection", "method"): frozenset(elections.SELECTION_METHODS),
    # The lists below are the services' (desktop/, which models may not import); a test holds them equal
    # (tests/unit/test_sync_validator_codes.py).
    ("rule_version", "trigger"): frozenset({"election", "campaign", "law_change", "proposal", "other"}),
    ("rule_opinion", "source"): frozenset({"door_to_door", "forum", "box", "representative", "other"}),
    ("committee_member", "position"): frozenset({"chair", "member"}),
    ("appraisal", "body"): frozenset({"assembly", "representatives"}),
}

#: (table, column) of the columns that hold a SHA-256 (64 lowercase hex): the name of a stored file.
#: A path there ("./../keys/signing.key") would make the township read its own files as the attachment.
HASHES = frozenset({("attachment", "sha256")})
#: (table, column) of the columns that hold a file's own name (never a folder: the app stores `Path.name`).
FILE_NAMES = frozenset({("attachment", "filename")})

#: (table, column) of the text columns that hold a JSON list of short texts (read with json.loads).
JSON_LISTS = frozenset({("authorization", "matters"), ("disclosure_item", "channels")})
#: The most items, and the longest item, of such a list.
MAX_LIST_ITEMS, MAX_LIST_ITEM = 100, 64

# Why a value is refused (a phrase after the column's name).
NOT_INTEGER = QT_TRANSLATE_NOOP(_C, "应是整数")
OUT_OF_RANGE = QT_TRANSLATE_NOOP(_C, "超出了允许的范围")
NOT_BOOLEAN = QT_TRANSLATE_NOOP(_C, "应是“是/否”(0 或 1)")
NOT_TEXT = QT_TRANSLATE_NOOP(_C, "应是文字")
TOO_LONG = QT_TRANSLATE_NOOP(_C, "太长")
NOT_DATE = QT_TRANSLATE_NOOP(_C, "不是存在的日期(应是 2026-02-28 这样的日期)")
NOT_TIMESTAMP = QT_TRANSLATE_NOOP(_C, "不是本软件写的时间")
NOT_CODE = QT_TRANSLATE_NOOP(_C, "不是本软件认识的代码")
NOT_KEY = QT_TRANSLATE_NOOP(_C, "不是记录编号")
BLANK = QT_TRANSLATE_NOOP(_C, "不能为空")
MISSING = QT_TRANSLATE_NOOP(_C, "缺少这一栏")
NOT_MONTH = QT_TRANSLATE_NOOP(_C, "不是存在的月份(应是 2026-02 这样的月份)")
NOT_LIST = QT_TRANSLATE_NOOP(_C, "不是本软件写出的列表")
NOT_HASH = QT_TRANSLATE_NOOP(_C, "不是文件的校验值(应是 64 位十六进制数字)")
NOT_FILE_NAME = QT_TRANSLATE_NOOP(_C, "不是一个文件名(含有文件夹或控制字符)")

Check = Callable[[Any], str | None]  # None when the value is fine, else why not


@dataclass(frozen=True)
class FieldCheck:
    """The check of one column: what kind of value it takes, and whether it must be present."""

    column: str
    kind: str  # integer, money, year, boolean, key, date, timestamp, month, code, text
    check: Check
    required: bool  # NOT NULL without a default: a package must carry it


def _is_int(value: Any) -> bool:
    return type(value) is int  # JSON gives plain ints; a bool is not one


def _encodes(value: str) -> bool:
    """Whether SQLite can store this text (a lone surrogate from a JSON escape cannot)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _nullable(field: Field, inner: Check) -> Check:
    if field.null:
        return lambda v: None if v is None else inner(v)
    return lambda v: BLANK if v is None else inner(v)


def _blank_ok(field: Field) -> bool:
    return field.default == ""


def _integer(low: int, high: int) -> Check:
    def check(v: Any) -> str | None:
        if not _is_int(v):
            return NOT_INTEGER
        return None if low <= v <= high else OUT_OF_RANGE
    return check


def _boolean(v: Any) -> str | None:
    return None if v is True or v is False or (type(v) is int and (v == 0 or v == 1)) else NOT_BOOLEAN


def _text(limit: int) -> Check:
    def check(v: Any) -> str | None:
        if type(v) is not str:
            return NOT_TEXT
        if len(v) > limit:
            return TOO_LONG
        return None if v.isascii() or _encodes(v) else NOT_TEXT
    return check


def _key(v: Any) -> str | None:
    return None if isinstance(v, str) and 0 < len(v) <= 36 and _encodes(v) else NOT_KEY


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _hash(v: Any) -> str | None:
    return None if type(v) is str and _HEX64.fullmatch(v) else NOT_HASH


def is_file_name(v: Any) -> bool:
    """Whether `v` is a bare file name as `Path.name` gives it: no folder, no control character."""
    return (type(v) is str and v not in ("", ".", "..") and "/" not in v
            and not any(ord(c) < 32 or ord(c) == 127 for c in v))


def _file_name(limit: int) -> Check:
    text = _text(limit)
    return lambda v: text(v) or (None if is_file_name(v) else NOT_FILE_NAME)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{6})?Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def is_day(v: Any) -> bool:
    """Whether `v` is a real day written YYYY-MM-DD (2026-02-30 is not)."""
    if type(v) is not str:
        return False
    known = _DAYS.get(v)
    if known is None:
        known = _is_day(v)
        if len(_DAYS) < 100_000:  # a package repeats its days: each is parsed once
            _DAYS[v] = known
    return known


_DAYS: dict[str, bool] = {}


def _is_day(v: str) -> bool:
    if not _DAY.fullmatch(v):
        return False
    try:
        day = date.fromisoformat(v)
    except ValueError:
        return False
    return 1850 <= day.year <= 2200


def is_stamp(v: Any) -> bool:
    """Whether `v` is a UTC timestamp as `models.clock.now_utc` writes it (microseconds may be left out).

    The same instant without its microseconds is accepted (`parse_utc` and the
    screens read both): refusing it would refuse a whole package for a
    harmless difference of form.
    """
    match = _STAMP.fullmatch(v) if type(v) is str else None
    if match is None:
        return False
    try:
        datetime(*map(int, match.groups()))  # noqa: DTZ001 - only whether the fields make a time
    except ValueError:
        return False
    return True


def _shaped(test: Callable[[Any], bool], why: str, blank: bool) -> Check:
    return lambda v: None if (blank and v == "") or test(v) else (NOT_TEXT if not isinstance(v, str) else why)


def _month(v: Any) -> bool:
    match = _MONTH.fullmatch(v) if isinstance(v, str) else None
    return match is not None and 1 <= int(match.group(2)) <= 12 and 1850 <= int(match.group(1)) <= 2200


def _json_list(v: Any) -> str | None:
    """A JSON list of short texts, as the app stores 授权事项 and 公开渠道 (`json.dumps` of a list)."""
    if not isinstance(v, str) or not _encodes(v) or len(v) > MAX_LIST_ITEMS * (MAX_LIST_ITEM + 8):
        return NOT_TEXT if not isinstance(v, str) else NOT_LIST
    try:
        items = json.loads(v, parse_constant=lambda _name: None)
    except (ValueError, RecursionError):
        return NOT_LIST
    if not isinstance(items, list) or len(items) > MAX_LIST_ITEMS:
        return NOT_LIST
    ok = all(isinstance(i, str) and 0 < len(i) <= MAX_LIST_ITEM for i in items)
    return None if ok else NOT_LIST


def _code(codes: frozenset[str], blank: bool) -> Check:
    return lambda v: None if (blank and v == "") or (isinstance(v, str) and v in codes) else NOT_CODE


def _required(field: Field) -> bool:
    return not field.null and field.default is None and not field.primary_key


def field_check(table: str, field: Field) -> FieldCheck:
    """The check of one peewee field of a synced table (every field type a synced model uses has one).

    Raises:
        TypeError: a field type with no check — a new kind of column must get one here.
    """
    name = field.column_name
    required = _required(field)
    if isinstance(field, ForeignKeyField):
        return FieldCheck(name, "key", _nullable(field, _key), required)
    if isinstance(field, BooleanField):
        return FieldCheck(name, "boolean", _nullable(field, _boolean), required)
    if isinstance(field, IntegerField):
        if name.endswith("_fen"):
            return FieldCheck(name, "money", _nullable(field, _integer(-MAX_FEN, MAX_FEN)), required)
        if name in YEAR_COLUMNS:
            return FieldCheck(name, "year", _nullable(field, _integer(1850, 2200)), required)
        low = INT64_MIN if name in SIGNED_INTEGERS else 0
        return FieldCheck(name, "integer", _nullable(field, _integer(low, INT64_MAX)), required)
    if isinstance(field, CharField):
        if field.primary_key:
            return FieldCheck(name, "key", _nullable(field, _key), required)
        blank = _blank_ok(field)
        if (table, name) in HASHES:
            return FieldCheck(name, "hash", _nullable(field, _hash), required)
        if (table, name) in FILE_NAMES:
            return FieldCheck(name, "text", _nullable(field, _file_name(field.max_length)), required)
        if (table, name) in ENUMS:
            return FieldCheck(name, "code", _nullable(field, _code(ENUMS[table, name], blank)), required)
        if field.max_length == 10:
            return FieldCheck(name, "date", _nullable(field, _shaped(is_day, NOT_DATE, blank)), required)
        if name == "updated_at" or name.endswith("_at"):
            return FieldCheck(name, "timestamp", _nullable(field, _shaped(is_stamp, NOT_TIMESTAMP, blank)),
                              required)
        if name == "period" and field.max_length == 7:
            return FieldCheck(name, "month", _nullable(field, _shaped(_month, NOT_MONTH, blank)), required)
        return FieldCheck(name, "text", _nullable(field, _text(field.max_length)), required)
    if isinstance(field, TextField):
        if (table, name) in JSON_LISTS:
            return FieldCheck(name, "list", _nullable(field, _json_list), required)
        return FieldCheck(name, "text", _nullable(field, _text(MAX_TEXT)), required)
    raise TypeError(f"{table}.{name}: no boundary check for {type(field).__name__}")


def model_checks(model) -> dict[str, FieldCheck]:
    """Map each column of a synced model to its check (every field has one)."""
    table = model._meta.table_name
    return {f.column_name: field_check(table, f) for f in model._meta.sorted_fields}


_CACHE: dict[str, dict[str, FieldCheck]] = {}


def table_checks(table: str) -> dict[str, FieldCheck]:
    """Map each column of a synced table to its check (built once)."""
    if table not in _CACHE:
        from models.sync.policy import MODEL_BY_TABLE

        _CACHE[table] = model_checks(MODEL_BY_TABLE[table])
    return _CACHE[table]


@dataclass(frozen=True)
class Problem:
    """The first value of a package that no screen of ours could have stored."""

    column: str
    value: Any
    why: str  # one of the phrases above (marked for translation)


def missing_columns(table: str, columns: list[str]) -> list[str]:
    """The NOT NULL columns without a default that `columns` lacks."""
    present = set(columns)
    return [c for c, check in table_checks(table).items() if check.required and c not in present]


def row_checks(table: str, columns: list[str]) -> list[tuple[int, FieldCheck]]:
    """(index in `columns`, check) of each incoming column (unknown columns are refused elsewhere)."""
    checks = table_checks(table)
    return [(i, checks[c]) for i, c in enumerate(columns) if c in checks]


def row_problem(checks: list[tuple[int, FieldCheck]], row: list[Any]) -> Problem | None:
    """The first value of `row` outside its column's check, or None."""
    for i, check in checks:
        why = check.check(row[i])
        if why is not None:
            return Problem(check.column, row[i], why)
    return None


def json_problem(obj: Any, depth: int = 0, max_depth: int = 32) -> str | None:
    """Why a parsed JSON value (a manifest) could not be ours, or None when it is fine.

    NaN or Infinity, an integer beyond SQLite's 64 bits, text SQLite cannot
    store, or nesting deeper than `max_depth`.
    """
    if depth > max_depth:
        return "nested too deep"
    if isinstance(obj, float):
        return None if math.isfinite(obj) else "not finite"
    if _is_int(obj):
        return None if INT64_MIN <= obj <= INT64_MAX else "integer beyond 64 bits"
    if isinstance(obj, str):
        return None if _encodes(obj) else "text SQLite cannot store"
    if isinstance(obj, dict):
        for k, v in obj.items():
            found = json_problem(k, depth + 1, max_depth) or json_problem(v, depth + 1, max_depth)
            if found:
                return found
    elif isinstance(obj, list):
        for v in obj:
            found = json_problem(v, depth + 1, max_depth)
            if found:
                return found
    return None
