"""The meaning of a 县级汇总包's body, checked at the county's boundary (pure: no database, no Qt).

The signature says the township sent it; it does not say the township's
software was honest or unbroken. So every value is checked here before a row
is written: types, ranges, lengths, village codes that are the sending
township's own (its code is their prefix, `models.division_code`), states
and obligations from the known sets, counts that are non-negative and sane,
texts without control characters. A package with one bad value is refused
whole, naming the field — nothing from it is stored. Texts that pass are
still shown as plain text by every screen and report.

`parse` returns plain tuples ready for the county tables
(`desktop.sync.county_import` writes them in one transaction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from models import division_code
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.provinces import PROVINCES
from models.township.board import STATE_LABELS, TOWNSHIP
from models.township.compliance import OBLIGATIONS

_C = "county_aggregate"

MAX_VILLAGES = 2000
MAX_PERIODS = 400
MAX_FILINGS = 20_000
MAX_ARTICLES = 2000
MAX_COUNT = 100_000  # occurrences in a cell (a monthly duty over 100 years is 1,200)
MAX_FILING_CHARS = 1_000_000  # one rule's articles together (a long 村规民约 is 20,000 characters)
_OBLIGATION_KEYS = frozenset(o.key for o in OBLIGATIONS)
_TOWNSHIP_KEYS = frozenset(o.key for o in OBLIGATIONS if o.duty_of == TOWNSHIP)
# ASCII digits and fullmatch: `\d` also takes "２０２６" and `$` a trailing newline ("2026\n").
_PERIOD = re.compile(r"[0-9]{4}(Q[1-4])?")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat also reads "20240310" and "2024031000"
# Control characters, bidi overrides and lone surrogates (SQLite cannot store them: a traceback).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Invisible characters in a name make two names that look the same ("青山村" and "青\u200b山村"): refused in
# the names of the township and its villages (typed at 入网, where `validate_name` refuses them too). A rule's
# title or article may carry one pasted from a web page; refusing it there would refuse the township's every
# 汇总包 for a village's text it cannot change, so there it is kept as it is.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")
_LINE_BREAK = re.compile(r"[\r\n\t]")


class BadAggregate(ValueError):
    """The body breaks a rule; `message` says which field, in Chinese."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _bad(what: str, value: Any = "") -> BadAggregate:
    shown = str(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    shown = _CONTROL.sub("?", _LINE_BREAK.sub(" ", shown))
    return BadAggregate(msg(_C, QT_TRANSLATE_NOOP(
        _C, "汇总包中的“{what}”不合规定(“{value}”),本机不能保存。已拒绝导入,请乡镇升级软件或重新导出。"),
        what=what, value=shown))


@dataclass(frozen=True)
class Filing:
    """A line of the 备案 register with its articles."""

    village_code: str
    title: str
    version_no: int
    adopted_on: str
    filed_on: str
    receipt_no: str
    receipt_date: str
    correction: str
    articles: tuple[tuple[int, str, str, str], ...]  # (position, chapter, label, text)


@dataclass(frozen=True)
class Aggregate:
    """A verified body: rows for the county tables."""

    township_code: str
    township_name: str
    province: str
    format: int
    villages: tuple[tuple[str, str, str, str], ...]  # (code, name, province, data_as_of)
    periods: tuple[tuple[str, str, str], ...]  # (period, label, data_as_of)
    cells: tuple[tuple[str, str, str, str, int, int, int], ...]  # (period, village, key, state, done, late, exp)
    township_cells: tuple[tuple[str, str, str, int, int, int], ...]  # (period, key, state, done, late, expected)
    filings: tuple[Filing, ...]

    @property
    def data_as_of(self) -> str:
        """The newest village data in the package ("" none)."""
        days = [v[3] for v in self.villages if v[3]]
        return max(days) if days else ""


def _text(value: Any, what: str, limit: int, empty: bool = True, lines: bool = False, name: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
        raise _bad(what, value)
    if _CONTROL.search(value) or (not lines and _LINE_BREAK.search(value)) or (name and _INVISIBLE.search(value)):
        raise _bad(what, value)
    return value


def _member(value: Any, known: Any) -> bool:
    """`value in known` for a text only: a list or an object from the package is no key (no TypeError)."""
    return isinstance(value, str) and value in known


def _day(value: Any, what: str) -> str:
    if value in ("", None):
        return ""
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise _bad(what, value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _bad(what, value) from None
    if not 1900 <= day.year <= 2200:
        raise _bad(what, value)
    return value


def _count(value: Any, what: str, high: int = MAX_COUNT) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
        raise _bad(what, value)
    return value


def _list(value: Any, what: str, limit: int) -> list:
    if not isinstance(value, list) or len(value) > limit:
        raise _bad(what, f"{type(value).__name__} {len(value) if isinstance(value, list) else ''}".strip())
    return value


def _state(value: Any) -> str:
    if not _member(value, STATE_LABELS):
        raise _bad(QT_TRANSLATE_NOOP(_C, "完成情况"), value)
    return value


def parse(body: Any, township_code: str, written_on: str = "") -> Aggregate:
    """Check a decoded body sent by `township_code`; the rows to store, or BadAggregate.

    `written_on` is the day the township wrote the package (ISO): no 备案 can
    be dated after it (a day's grace for the time zone).

    Raises:
        BadAggregate: naming the first bad field (nothing is stored).
    """
    if not isinstance(body, dict):
        raise _bad(QT_TRANSLATE_NOOP(_C, "内容"), type(body).__name__)
    town = body.get("township")
    if not isinstance(town, dict) or town.get("code") != township_code:
        raise _bad(QT_TRANSLATE_NOOP(_C, "乡镇代码"), town.get("code") if isinstance(town, dict) else town)
    name = _text(town.get("name"), QT_TRANSLATE_NOOP(_C, "乡镇名称"), 64, empty=False, name=True)
    province = town.get("province", "national")
    if not _member(province, PROVINCES):
        raise _bad(QT_TRANSLATE_NOOP(_C, "省份配置"), province)
    villages, codes = [], set()
    for v in _list(body.get("villages"), QT_TRANSLATE_NOOP(_C, "村"), MAX_VILLAGES):
        if not isinstance(v, dict):
            raise _bad(QT_TRANSLATE_NOOP(_C, "村"), v)
        code = v.get("code")
        if not isinstance(code, str) or code in codes or division_code.problem(
                code, division_code.VILLAGE, township_code) is not None:
            raise _bad(QT_TRANSLATE_NOOP(_C, "村代码"), code)
        codes.add(code)
        v_province = v.get("province", province)
        if not _member(v_province, PROVINCES):
            raise _bad(QT_TRANSLATE_NOOP(_C, "省份配置"), v_province)
        villages.append((code, _text(v.get("name"), QT_TRANSLATE_NOOP(_C, "村名"), 64, empty=False, name=True),
                         v_province,
                         _day(v.get("data_as_of"), QT_TRANSLATE_NOOP(_C, "数据截至"))))
    for o in _list(body.get("obligations"), QT_TRANSLATE_NOOP(_C, "义务"), 100):
        key = o.get("key") if isinstance(o, dict) else o
        if not _member(key, _OBLIGATION_KEYS):
            raise BadAggregate(msg(_C, QT_TRANSLATE_NOOP(
                _C, "汇总包中有本软件不认识的义务“{key}”:它由更新版本的软件生成,请升级软件后再导入。"),
                key=str(key)[:40]))
    periods, cells, own, seen_periods = [], [], [], set()
    for p in _list(body.get("periods"), QT_TRANSLATE_NOOP(_C, "期间"), MAX_PERIODS):
        if not isinstance(p, dict):
            raise _bad(QT_TRANSLATE_NOOP(_C, "期间"), p)
        period = p.get("period")
        if not isinstance(period, str) or not _PERIOD.fullmatch(period) or period in seen_periods \
                or not 1990 <= int(period[:4]) <= 2100:
            raise _bad(QT_TRANSLATE_NOOP(_C, "期间"), period)
        seen_periods.add(period)
        periods.append((period, _text(p.get("label"), QT_TRANSLATE_NOOP(_C, "期间名称"), 32, empty=False),
                        _day(p.get("data_as_of"), QT_TRANSLATE_NOOP(_C, "数据截至"))))
        seen = set()
        for c in _list(p.get("cells"), QT_TRANSLATE_NOOP(_C, "合规情况"), len(codes) * len(_OBLIGATION_KEYS)):
            if not isinstance(c, list) or len(c) != 6:
                raise _bad(QT_TRANSLATE_NOOP(_C, "合规情况"), c)
            code, key, state, done, late, expected = c
            if not _member(code, codes):
                raise _bad(QT_TRANSLATE_NOOP(_C, "村代码"), code)
            if not _member(key, _OBLIGATION_KEYS) or (code, key) in seen:
                raise _bad(QT_TRANSLATE_NOOP(_C, "义务"), key)
            seen.add((code, key))
            done = _count(done, QT_TRANSLATE_NOOP(_C, "已完成次数"))
            late = _count(late, QT_TRANSLATE_NOOP(_C, "逾期完成次数"), done)
            cells.append((period, code, key, _state(state), done, late, _expected(expected, done)))
        own_keys: set[str] = set()
        for t in _list(p.get("township", []), QT_TRANSLATE_NOOP(_C, "乡镇履职"), len(_TOWNSHIP_KEYS)):
            if not isinstance(t, list) or len(t) != 5 or not _member(t[0], _TOWNSHIP_KEYS) or t[0] in own_keys:
                raise _bad(QT_TRANSLATE_NOOP(_C, "乡镇履职"), t)
            key, state, done, late, expected = t
            own_keys.add(key)
            done = _count(done, QT_TRANSLATE_NOOP(_C, "已完成次数"))
            own.append((period, key, _state(state), done, _count(late, QT_TRANSLATE_NOOP(_C, "逾期完成次数"), done),
                        _expected(expected, done)))
    latest = _latest_day(written_on)
    filings = tuple(_filing(f, codes, latest) for f in _list(body.get("filings", []),
                                                             QT_TRANSLATE_NOOP(_C, "备案登记"), MAX_FILINGS))
    if len({(f.village_code, f.title, f.version_no) for f in filings}) != len(filings):
        raise _bad(QT_TRANSLATE_NOOP(_C, "备案登记"), QT_TRANSLATE_NOOP(_C, "同一村规民约登记了两次"))
    return Aggregate(township_code, name, province, 2 if "filings" in body else 1, tuple(villages),
                     tuple(periods), tuple(cells), tuple(own), filings)


def _expected(value: Any, done: int) -> int:
    """How often the duty fell due: never fewer than the times it was done (the board counts done among them)."""
    expected = _count(value, QT_TRANSLATE_NOOP(_C, "应完成次数"))
    if expected < done:
        raise _bad(QT_TRANSLATE_NOOP(_C, "应完成次数"), f"{expected} < {done}")
    return expected


def _latest_day(written_on: str) -> str:
    """The last day a 备案 in the package may carry ("" no limit: the package's day is unknown)."""
    try:
        return (date.fromisoformat(written_on[:10]) + timedelta(days=1)).isoformat()
    except (TypeError, ValueError):
        return ""


def _filing(f: Any, codes: set[str], latest: str = "") -> Filing:
    if not isinstance(f, dict):
        raise _bad(QT_TRANSLATE_NOOP(_C, "备案登记"), f)
    if not _member(f.get("village"), codes):
        raise _bad(QT_TRANSLATE_NOOP(_C, "备案的村"), f.get("village"))
    articles, positions, chars = [], set(), 0
    for a in _list(f.get("articles"), QT_TRANSLATE_NOOP(_C, "条文"), MAX_ARTICLES):
        if not isinstance(a, list) or len(a) != 4:
            raise _bad(QT_TRANSLATE_NOOP(_C, "条文"), a)
        position = _count(a[0], QT_TRANSLATE_NOOP(_C, "条文顺序"), 100_000)
        if position in positions:
            raise _bad(QT_TRANSLATE_NOOP(_C, "条文顺序"), position)
        positions.add(position)
        articles.append((position, _text(a[1], QT_TRANSLATE_NOOP(_C, "章"), 128),
                         _text(a[2], QT_TRANSLATE_NOOP(_C, "条号"), 32),
                         _text(a[3], QT_TRANSLATE_NOOP(_C, "条文"), 20_000, lines=True)))
        chars += len(a[3])
        if chars > MAX_FILING_CHARS:
            raise _bad(QT_TRANSLATE_NOOP(_C, "条文总字数"), chars)
    version_no = f.get("version_no")
    if not isinstance(version_no, int) or isinstance(version_no, bool) or not 1 <= version_no <= 10_000:
        raise _bad(QT_TRANSLATE_NOOP(_C, "版本号"), version_no)
    adopted = _day(f.get("adopted_on"), QT_TRANSLATE_NOOP(_C, "通过日期"))
    filed = _day(f.get("filed_on"), QT_TRANSLATE_NOOP(_C, "报备日期"))
    receipt_date = _day(f.get("receipt_date"), QT_TRANSLATE_NOOP(_C, "备案日期"))
    # the township's own rule (review_service.record_filing): adopted ≤ filed ≤ receipt, none after the package
    for what, day, earliest in ((QT_TRANSLATE_NOOP(_C, "通过日期"), adopted, ""),
                                (QT_TRANSLATE_NOOP(_C, "报备日期"), filed, adopted),
                                (QT_TRANSLATE_NOOP(_C, "备案日期"), receipt_date, filed or adopted)):
        if day and ((earliest and day < earliest) or (latest and day > latest)):
            raise _bad(what, day)
    return Filing(f["village"], _text(f.get("title"), QT_TRANSLATE_NOOP(_C, "村规民约名称"), 128, empty=False),
                  version_no, adopted, filed,
                  _text(f.get("receipt_no"), QT_TRANSLATE_NOOP(_C, "备案号"), 64),
                  receipt_date,
                  _text(f.get("correction", ""), QT_TRANSLATE_NOOP(_C, "责令改正"), 4000, lines=True),
                  tuple(sorted(articles)))
