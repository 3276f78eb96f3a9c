"""The 审议表决 tab's meeting choices come from one query: the same meetings the whole list gave (issue 20).

The tab offered the meetings with a resolution held since the draft was
started (and the one already recorded) by filtering `list_meetings`, every
meeting with its attendance counts; `rules_service.vote_meetings` asks SQL
for exactly those.
"""

from __future__ import annotations

from desktop.services import meetings_service, rules_service
from models.meetings.records import Meeting


def _as_the_list_filtered(since: str, recorded: str | None) -> list[tuple[str, str, str, str]]:
    """The choices as the tab made them from the whole meeting list."""
    return [(m.id, m.held_on, m.type_code, m.title) for m in meetings_service.list_meetings()
            if m.id == recorded or (m.resolutions and (not since or m.held_on >= since))]


def test_vote_meetings_are_the_lists_meetings_with_a_resolution(village_demo):
    meetings = meetings_service.list_meetings()
    without_a_vote = next(m for m in meetings if not m.resolutions)
    days = sorted({m.held_on for m in meetings})
    for since in ("", days[0], days[len(days) // 2], days[-1], "2999-01-01"):
        for recorded in (None, without_a_vote.id):
            got = [(m.id, m.held_on, m.type_code, m.title) for m in rules_service.vote_meetings(since, recorded)]
            assert got == _as_the_list_filtered(since, recorded), (since, recorded)
    assert len(rules_service.vote_meetings("")) < len(meetings)  # meetings without a vote are not offered
    assert [m.id for m in rules_service.vote_meetings("2999-01-01", without_a_vote.id)] == [without_a_vote.id]
    assert Meeting.live().count() == len(meetings)
