"""Issue 17, "the amendment's checkable parts": the Party's prior study, the 监委会 invited (from 2026-01-01)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import decisions_service, meetings_service, people_service
from desktop.services.meetings_service import AttendanceLine, ResolutionLine
from models.meetings.amendment_2025 import party_study_findings, supervisor_findings
from models.meetings.quorum import ABSENT, OBSERVER, PRESENT, Attendee
from models.meetings.records import DecisionStep

LAST_2018_DAY, FIRST_2025_DAY = date(2025, 12, 31), date(2026, 1, 1)


# --- the pure checks, at the day the amendment takes effect and the day before ----------------

def test_party_study_is_asked_for_from_2026_only():
    assert party_study_findings("representatives", LAST_2018_DAY, ["homestead"], None) == []
    findings = party_study_findings("representatives", FIRST_2025_DAY, ["homestead"], None)
    assert [f.severity for f in findings] == ["warning"]
    assert "应当先经村党组织研究讨论" in findings[0].text()
    assert "《村民委员会组织法》(2025)" in findings[0].text() and "(2018)" not in findings[0].text()


def test_party_study_on_the_meeting_day_is_in_time_the_day_after_is_not():
    assert party_study_findings("assembly", FIRST_2025_DAY, ["land_contracting"], FIRST_2025_DAY) == []
    late = party_study_findings("assembly", date(2026, 3, 1), ["land_contracting"], date(2026, 3, 2))
    assert [f.severity for f in late] == ["warning"] and "晚于会议日期" in late[0].text()


@pytest.mark.parametrize(("type_code", "matters"), [
    ("representatives", ["general"]),  # nothing important on the agenda
    ("representatives", []),
    ("two_committees", ["homestead"]),  # not a body whose decisions the rule concerns
])
def test_party_study_not_asked_for(type_code, matters):
    assert party_study_findings(type_code, FIRST_2025_DAY, matters, None) == []


def people(*supervisor_statuses: str) -> list[Attendee]:
    return ([Attendee(f"r{i}", PRESENT, "男", True) for i in range(5)]
            + [Attendee(f"s{i}", status, "女", False, True) for i, status in enumerate(supervisor_statuses)])


def test_supervisor_invitation_is_asked_for_from_2026_only():
    assert supervisor_findings("representatives", LAST_2018_DAY, people()) == []
    findings = supervisor_findings("representatives", FIRST_2025_DAY, people())
    assert [f.severity for f in findings] == ["warning"]
    assert "村务监督机构成员可以列席村民代表会议" in findings[0].text()
    assert "《村民委员会组织法》(2025)第三十七条" in findings[0].text()  # the 2018 art. 32, renumbered


@pytest.mark.parametrize("status", [OBSERVER, PRESENT, ABSENT])
def test_a_supervisor_on_the_list_in_any_status_counts_as_invited(status):
    assert supervisor_findings("representatives", FIRST_2025_DAY, people(status)) == []


def test_supervisor_invitation_concerns_the_representatives_meeting_only():
    assert supervisor_findings("assembly", FIRST_2025_DAY, people()) == []
    assert supervisor_findings("representatives", FIRST_2025_DAY, []) == []  # nobody listed: the quorum says so


# --- through the service, on the demo village --------------------------------------------------

@pytest.fixture
def admin(village_demo):
    return village_demo[1]


def _texts(draft) -> list[str]:
    return [f.text() for f in meetings_service.evaluate_draft(draft).meeting.findings]


def test_service_finds_the_supervisors_of_the_meeting_day(admin):
    draft = meetings_service.new_draft("representatives", date(2026, 10, 10))
    assert any("村务监督机构成员可以列席" in t for t in _texts(draft))
    chair = next(r for r in people_service.register() if "sc_chair" in r.roles)
    draft.attendance.append(AttendanceLine(chair.id, chair.name, chair.gender, OBSERVER))
    assert not any("村务监督机构成员可以列席" in t for t in _texts(draft))
    before = meetings_service.new_draft("representatives", date(2025, 10, 10))
    assert not any("村务监督机构" in t for t in _texts(before))


def test_party_study_date_is_saved_and_answers_the_finding(admin):
    draft = meetings_service.new_draft("representatives", date(2026, 10, 10))
    draft.resolutions = [ResolutionLine("宅基地使用方案", "homestead", 20, 0, 0)]
    assert any("应当先经村党组织研究讨论" in t for t in _texts(draft))
    draft.party_study_on = date(2026, 10, 1)
    assert not any("村党组织研究讨论" in t for t in _texts(draft))
    mid = meetings_service.save(admin, draft)
    assert meetings_service.load(mid).party_study_on == date(2026, 10, 1)
    from desktop.reports import meeting_documents

    assert "党组织研究讨论</td><td colspan='3'>2026年10月1日" in meeting_documents.minutes_html(mid)


def test_a_four_two_register_shows_the_party_study(admin):
    resolve = DecisionStep.get((DecisionStep.step == "resolve") & (DecisionStep.done_on >= "2026-01-01"))
    propose = DecisionStep.get((DecisionStep.register == resolve.register) & (DecisionStep.step == "propose"))
    assert decisions_service.party_study_day(resolve.meeting_id) == date.fromisoformat(propose.done_on)
    loaded = meetings_service.load(resolve.meeting_id)
    assert loaded.party_study_on is None
    assert not any("村党组织研究讨论" in t for t in _texts(loaded))
    assert decisions_service.party_study_day(None) is None
