"""Cadence: a quarter with no valid 村民代表会议 is flagged (组织法 第二十六条)."""

from __future__ import annotations

from datetime import date

from models.legal import organic_law
from models.meetings.quorum import WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "cadence"


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter 1–4)."""
    return day.year, (day.month - 1) // 3 + 1


def quarters_between(first: date, last: date) -> list[tuple[int, int]]:
    """Every quarter from the one containing `first` to the one containing `last`."""
    out, (y, q) = [], quarter_of(first)
    end = quarter_of(last)
    while (y, q) <= end:
        out.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def missing_representative_quarters(meeting_dates: list[date], first: date, last: date) -> list[Finding]:
    """A warning for every quarter in [first, last] without a 村民代表会议 on record."""
    held = {quarter_of(d) for d in meeting_dates}
    return [
        Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{year} 年第 {quarter} 季度没有召开村民代表会议(应当每季度召开一次)。"),
            year=y, quarter=q), organic_law(26))
        for (y, q) in quarters_between(first, last) if (y, q) not in held
    ]
