"""Read a stored date, time stamp or number without trusting it: a bad value reads as None.

Why: SQLite stores what it is given. A township or village that imported
packages before the import boundary checked field values (issue 16) may hold
`escalated_on = "2026-02-30"`, a date column holding "", "2026-13-01" or
"昨天", text in an INTEGER column. One such value must not break a page, a
report or `cunwu check` until the village sends a fix: every reader of a stored
value goes through these functions, treats None as "unknown" (shown as
“日期有误”, counted as not done), and `cunwu check` names the value
(`models.stored_problems`) so someone can ask for a fix.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from models.clock import parse_utc

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def stored_date(value: Any) -> date | None:
    """The date of an ISO `YYYY-MM-DD` stored value (a longer stamp reads as its day); None when it is no date."""
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    if not isinstance(value, str) or not _DAY.fullmatch(value[:10]):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def is_stored_date(value: Any) -> bool:
    """Whether a stored value is a full, existing `YYYY-MM-DD` date (nothing before or after it)."""
    return isinstance(value, str) and len(value) == 10 and stored_date(value) is not None


def stored_month(value: Any) -> bool:
    """Whether a stored value is an existing `YYYY-MM` month."""
    return isinstance(value, str) and bool(_MONTH.fullmatch(value)) and 1 <= int(value[5:]) <= 12


def stored_stamp(value: Any) -> datetime | None:
    """The UTC time of a stored time stamp of ours (with or without microseconds); None when it is none."""
    if not isinstance(value, str):
        return None
    try:
        return parse_utc(value)
    except (ValueError, TypeError, OverflowError):
        return None


def stored_int(value: Any, default: int | None = None) -> int | None:
    """A stored integer (booleans as 0/1); `default` for text, fractions or nothing."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return default


def stored_flag(value: Any) -> bool | None:
    """A stored boolean: 0/1 (or True/False); None for anything else ("yes", "", 2)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    return None

