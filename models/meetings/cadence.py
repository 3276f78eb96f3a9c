"""Cadence: a quarter with no valid 村民代表会议 is flagged (组织法 2018 第二十六条).

What counts is decided by the caller (approved minutes with the quorum
established, see `meetings_service.representatives_meeting_dates`); a quarter
whose only meeting is still a draft gets its own sentence, so the secretary
knows that approving it, not holding another meeting, clears the warning.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def missing_representative_quarters(meeting_dates: list[date], first: date, last: date,
                                    draft_dates: Iterable[date] = ()) -> list[Finding]:
    """A warning for every quarter in [first, last] without a 村民代表会议 that counts.

    Args:
        meeting_dates: days of the meetings that count (approved, quorum established).
        first: first day of the span checked.
        last: last day of the span checked.
        draft_dates: days of meetings still in draft; they do not count, but the
            warning for their quarter says so instead of "没有召开".
    """
    held = {quarter_of(d) for d in meeting_dates}
    drafts = {quarter_of(d) for d in draft_dates}
    out = []
    for (y, q) in quarters_between(first, last):
        if (y, q) in held:
            continue
        template = (QT_TRANSLATE_NOOP(_C, "{year} 年第 {quarter} 季度的村民代表会议记录还没有审定,审定前不算召开"
                                          "(应当每季度召开一次)。")
                    if (y, q) in drafts else
                    QT_TRANSLATE_NOOP(_C, "{year} 年第 {quarter} 季度没有召开村民代表会议(应当每季度召开一次)。"))
        out.append(Finding(WARNING, msg(_C, template, year=y, quarter=q), organic_law(26, on=date(y, 3 * q - 2, 1))))
    return out
