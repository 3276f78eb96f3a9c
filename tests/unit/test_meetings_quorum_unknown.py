"""A meeting with no attendance on record: never valid, never 审定, never counted for the cadence.

Regression for a tester's report: a 村民代表会议 saved with nobody on the list
was stored as having a quorum, shown as 有效, approved, and cleared the
quarter's "没有召开村民代表会议" warning even as a draft.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import decisions_service, meetings_service, people_service, terms_service
from models.entities import Person
from models.errors import ValidationError
from models.meetings.quorum import ABSENT, PRESENT
from models.meetings.records import Meeting

YEAR = 2001  # before the demo's meetings, so every quarter starts empty


@pytest.fixture
def admin(village_demo):
    """The demo village's admin, with the demo's 村民代表 also in office in YEAR.

    Rosters are read on the meeting's date (terms_service.office_holders), and the
    demo's terms begin with its history, long after YEAR.
    """
    session = village_demo[1]
    for holder in terms_service.office_holders(["representative"]):
        people_service.add_role(session, Person.get_by_id(holder.person_id), "representative",
                                f"{YEAR}-01-01", f"{YEAR + 1}-01-01")
    return session


def _row(meeting_id: str) -> meetings_service.MeetingRow:
    return next(r for r in meetings_service.list_meetings() if r.id == meeting_id)


def _representatives(admin, on: date, present: bool | None) -> str:
    """A 村民代表会议 on `on`: nobody on the list (None), everyone present (True) or nobody present (False)."""
    draft = meetings_service.new_draft("representatives", on)
    if present is None:
        draft.attendance = []
    for line in draft.attendance:
        line.status = PRESENT if present else ABSENT
    return meetings_service.save(admin, draft)


def test_a_meeting_with_nobody_on_the_list_is_saved_without_a_quorum(admin):
    mid = _representatives(admin, date(YEAR, 11, 10), None)
    assert Meeting.get_by_id(mid).quorum_met is False
    row = _row(mid)
    assert (row.expected, row.present, row.quorum_met, row.quorum_judged) == (0, 0, False, False)
    verdict = meetings_service.evaluate_draft(meetings_service.load(mid)).meeting
    assert not verdict.quorum_judged and not verdict.valid
    assert any("还没有登记应到人员" in f.text() and "第二十六条" in f.text() for f in verdict.errors)


def test_approving_a_meeting_whose_quorum_cannot_be_judged_is_refused(admin):
    mid = _representatives(admin, date(YEAR, 11, 10), None)
    with pytest.raises(ValidationError) as err:
        meetings_service.approve(admin, mid)
    assert str(err.value).startswith("不能审定:还没有登记应到人员")
    assert Meeting.get_by_id(mid).status == "draft"  # nothing changed


def test_an_assembly_without_attendance_entered_is_not_judged_and_not_approved(admin):
    draft = meetings_service.new_draft("assembly_households", date(YEAR, 3, 10))
    draft.expected_count, draft.present_count = 300, None
    mid = meetings_service.save(admin, draft)
    row = _row(mid)
    assert (row.expected, row.quorum_met, row.quorum_judged) == (300, False, False)
    with pytest.raises(ValidationError) as err:
        meetings_service.approve(admin, mid)
    assert "还没有登记实到人数" in str(err.value)


def test_an_inquorate_meeting_may_be_approved_and_stays_invalid(admin):
    mid = _representatives(admin, date(YEAR, 8, 10), False)
    meetings_service.approve(admin, mid)  # the fact is recorded ...
    row = _row(mid)
    assert row.status == "approved" and row.quorum_judged and row.quorum_met is False  # ... as not valid


def test_only_approved_meetings_with_a_quorum_count_for_the_quarter(admin):
    def texts():
        return [f.text() for f in decisions_service.cadence_findings(YEAR, date(YEAR, 12, 31))]

    assert sum(f"{YEAR} 年第" in t and "没有召开村民代表会议" in t for t in texts()) == 4
    _representatives(admin, date(YEAR, 11, 10), None)  # Q4: nobody on the list, a draft
    meetings_service.approve(admin, _representatives(admin, date(YEAR, 8, 10), False))  # Q3: inquorate
    valid_draft = _representatives(admin, date(YEAR, 5, 10), True)  # Q2: valid, still a draft
    valid = _representatives(admin, date(YEAR, 2, 10), True)  # Q1: valid and approved
    meetings_service.approve(admin, valid)

    assert date(YEAR, 2, 10) in meetings_service.representatives_meeting_dates()
    assert not {date(YEAR, 5, 10), date(YEAR, 8, 10), date(YEAR, 11, 10)} & set(
        meetings_service.representatives_meeting_dates())
    found = texts()
    assert not any("第 1 季度" in t for t in found)
    assert any(t.startswith(f"{YEAR} 年第 2 季度的村民代表会议记录还没有审定") for t in found)
    assert any(t.startswith(f"{YEAR} 年第 3 季度没有召开村民代表会议") for t in found)
    assert any(t.startswith(f"{YEAR} 年第 4 季度的村民代表会议记录还没有审定") for t in found)
    assert all("第二十六条" in t for t in found)

    meetings_service.approve(admin, valid_draft)
    assert not any("第 2 季度" in t for t in texts())


def test_a_row_counts_as_held_only_when_approved_with_a_quorum(admin):
    empty = _representatives(admin, date(YEAR, 11, 10), None)
    inquorate = _representatives(admin, date(YEAR, 8, 10), False)
    valid = _representatives(admin, date(YEAR, 5, 10), True)
    assert not any(_row(m).counts_as_held for m in (empty, inquorate, valid))  # drafts never count
    for m in (inquorate, valid):
        meetings_service.approve(admin, m)
    assert (_row(inquorate).counts_as_held, _row(valid).counts_as_held) == (False, True)


def test_minutes_approved_by_an_older_version_with_nobody_listed_do_not_count(admin):
    from desktop.services import record_store

    record_store.create(admin, Meeting, type_code="representatives", title="旧版本审定的会议",
                        held_on=f"{YEAR}-02-10", quorum_met=True, status="approved")
    assert date(YEAR, 2, 10) not in meetings_service.representatives_meeting_dates()
    row = next(r for r in meetings_service.list_meetings(year=YEAR))
    assert (row.quorum_judged, row.quorum_met, row.counts_as_held) == (False, False, False)
    found = [f.text() for f in decisions_service.cadence_findings(YEAR, date(YEAR, 3, 31))]
    assert any(t.startswith(f"{YEAR} 年第 1 季度没有召开村民代表会议") for t in found)
