"""Dates as people type them: 2026-11-28, 2026/11/28, 2026.11.28, 20261128, 2026年11月28日, 11.28.

One parser for every place a date is typed (the date field of every form,
the 日期 column of a 财务公开表, an imported ledger), so that the same text is
the same date everywhere, and an impossible date (2026-02-30) is refused with
the reason instead of silently becoming another day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_SEPARATED = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*")
_MONTH_DAY = re.compile(r"\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")


class DateError(ValueError):
    """Text that is not a date; `reason` is a short Chinese sentence saying why."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"{text}: {reason}")
        self.text = text
        self.reason = reason


def _parts(text: str, year: int | None) -> tuple[int, int, int] | None:
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is not None:
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    match = _MONTH_DAY.fullmatch(text)
    if match is not None and year is not None:
        return year, int(match.group(1)), int(match.group(2))
    return None


def parse_typed_date(text: str, year: int | None = None) -> date:
    """The date in `text`; "11.28" / "11-28" / "11月28日" need `year` (the year it falls in).

    Raises:
        DateError: the text is not a date in one of these forms, or names a day
            that does not exist (2026-02-30, 2026-13-01).
    """
    parts = _parts(text or "", year)
    if parts is None:
        raise DateError(text, "不是日期,请写成 2026-11-28、20261128 或 11.28 这样")
    y, m, d = parts
    if not 1 <= m <= 12:
        raise DateError(text, f"没有 {m} 月")
    if not 1900 <= y <= 2199:
        raise DateError(text, f"年份 {y} 不对")
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        raise DateError(text, f"{y} 年 {m} 月没有 {d} 日(这个月只有 {last} 天)")
    return date(y, m, d)


def looks_like_date(text: str) -> bool:
    """Whether `text` has the shape of a full date or a month and day (possible or not)."""
    return _parts(text or "", 2000) is not None
