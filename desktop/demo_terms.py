"""The demo village's 村委会 terms: a 换届 every five years, for any length of history.

The demo's current term began with the 2021 换届 and the next is in 2026
(`desktop.demo_elections`). Earlier terms follow the same five-year rhythm back
as far as `cunwu demo --years` reaches (30 years): the meetings' history starts
inside a term whose authorization was granted before the records begin, and a
fixed list of 换届 years ran out at 16 years (issue 20: `max()` of nothing).
"""

from __future__ import annotations

from datetime import date

#: A 换届 year the demo records (its 2026 换届 is the one a secretary walks through).
ANCHOR_YEAR = 2026
TERM_YEARS = 5
#: The first 村民会议 of a term meets in May; the demo dates the term's start by it.
TERM_START = (5, 10)
#: A term ends on 30 April of the next 换届 year (the elections are in April).
TERM_END = (4, 30)


def is_election_year(year: int) -> bool:
    """Whether `year` has a 换届 (2016, 2021, 2026, … and as far back as needed)."""
    return (year - ANCHOR_YEAR) % TERM_YEARS == 0


def term_start_before(first_year: int) -> date:
    """The start of the term in force on 1 January of `first_year` (the latest 10 May before it)."""
    year = first_year - 1
    while not is_election_year(year):
        year -= 1
    return date(year, *TERM_START)


def term_end_after(on: date) -> date:
    """The end of the term running on `on`: 30 April of the first 换届 year whose 30 April is after `on`."""
    year = on.year
    while not (is_election_year(year) and date(year, *TERM_END) > on):
        year += 1
    return date(year, *TERM_END)
