from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import decisions_service, meetings_service
from desktop.services.meetings_service import AgendaLine, ResolutionLine
from models.errors import ValidationError
from models.meetings.quorum import ABSENT, OBSERVER, PRESENT
from models.meetings.records import Meeting


@pytest.fixture
def demo_village(village_demo):
    paths, admin = village_demo
    return admin


def test_roster_of_representatives_meeting_comes_from_the_register(demo_village):
    lines = meetings_service.roster("representatives")
    assert len(lines) == 5 + 31  # 村委会 5 + 30 representatives + one representative's son
    assert sum(a.is_representative for a in lines) == 31
    assert len({a.person_id for a in lines}) == len(lines)


def test_live_verdict_follows_ticking(demo_village):
    draft = meetings_service.new_draft("representatives", date(2026, 10, 10))
    total = len(draft.attendance)
    need = -(-total * 2 // 3)
    for i, line in enumerate(draft.attendance):
        line.status = PRESENT if i < need - 1 else ABSENT
    assert not meetings_service.evaluate_draft(draft).meeting.quorum_met
    draft.attendance[need - 1].status = PRESENT
    assert meetings_service.evaluate_draft(draft).meeting.quorum_met


def test_save_load_roundtrip_and_counts_come_from_the_list(demo_village):
    admin = demo_village
    draft = meetings_service.new_draft("representatives", date(2026, 10, 10))
    draft.title = "第四季度村民代表会议"
    draft.notice_date = date(2026, 10, 3)
    draft.attendance[0].status = OBSERVER
    draft.attendance[1].status = ABSENT
    draft.agenda = [AgendaLine("讨论环境整治", "大家同意分片包干。")]
    draft.resolutions = [ResolutionLine("通过环境整治方案", "general", 30, 2, 1)]
    mid = meetings_service.save(admin, draft)
    loaded = meetings_service.load(mid)
    assert loaded.title == "第四季度村民代表会议" and loaded.agenda[0].minutes == "大家同意分片包干。"
    assert {a.person_id: a.status for a in loaded.attendance} == {a.person_id: a.status for a in draft.attendance}
    row = next(r for r in meetings_service.list_meetings(year=2026) if r.id == mid)
    assert (row.expected, row.present) == (35, 34) and row.quorum_met and row.passed == 1


def test_impossible_votes_are_refused_and_nothing_is_saved(demo_village):
    admin = demo_village
    before = Meeting.select().count()
    draft = meetings_service.new_draft("representatives", date(2026, 10, 10))
    draft.resolutions = [ResolutionLine("方案", "general", 40, 0, 0)]
    with pytest.raises(ValidationError) as err:
        meetings_service.save(admin, draft)
    assert "多于实到" in str(err.value)
    draft.resolutions = []
    draft.notice_date = date(2026, 10, 12)
    with pytest.raises(ValidationError) as err:
        meetings_service.save(admin, draft)
    assert "通知日期晚于开会日期" in str(err.value)
    assert Meeting.select().count() == before


def test_assembly_counts_are_typed_and_checked(demo_village):
    admin = demo_village
    draft = meetings_service.new_draft("assembly_households", date(2026, 10, 10))
    assert draft.expected_count == 300 and draft.attendance == []
    draft.present_count = 320
    with pytest.raises(ValidationError) as err:
        meetings_service.save(admin, draft)
    assert "多于应到" in str(err.value)
    draft.present_count = 199
    draft.notice_date = draft.held_on - timedelta(days=10)
    mid = meetings_service.save(admin, draft)  # a failed meeting is still recorded, marked invalid
    row = next(r for r in meetings_service.list_meetings() if r.id == mid)
    assert row.quorum_met is False and (row.expected, row.present) == (300, 199)


def test_approved_minutes_are_frozen_and_corrected_by_a_linked_record(demo_village):
    admin = demo_village
    draft = meetings_service.new_draft("two_committees", date(2026, 9, 1))
    mid = meetings_service.save(admin, draft)
    meetings_service.approve(admin, mid)
    frozen = meetings_service.load(mid)
    assert not frozen.editable
    frozen.title = "改标题"
    with pytest.raises(ValidationError) as err:
        meetings_service.save(admin, frozen)
    assert "已经审定" in str(err.value)
    correction = meetings_service.correct(admin, mid)
    assert correction.id is None and correction.corrects_id == mid
    new_id = meetings_service.save(admin, correction)
    row = next(r for r in meetings_service.list_meetings() if r.id == mid)
    assert row.corrected_by == new_id
    with pytest.raises(ValidationError):
        meetings_service.delete_draft(admin, mid)


def test_art24_matter_without_authorization_does_not_pass(village):
    _, admin = village
    from desktop.services import people_service

    people = [people_service.add_person(admin, f"代表{i}", "女" if i % 2 else "男") for i in range(10)]
    for p in people:
        people_service.add_role(admin, p, "representative", "2021-04-18")
    draft = meetings_service.new_draft("representatives", date(2026, 3, 1))
    draft.resolutions = [ResolutionLine("宅基地使用方案", "homestead", 9, 1, 0)]
    verdict = meetings_service.evaluate_draft(draft)
    assert verdict.resolutions[0].passed is False
    assert "授权" in verdict.authority[0][0].text()
    decisions_service.add_authorization(admin, ["homestead"], date(2021, 5, 1), date(2026, 4, 30))
    assert meetings_service.evaluate_draft(draft).resolutions[0].passed is True


def test_demo_register_and_cadence(demo_village):
    registers = decisions_service.list_registers()
    assert registers
    view = decisions_service.view(registers[0][0])
    assert [s.code for s in view.steps][:4] == ["propose", "discuss", "review", "resolve"]
    assert all(s.done_on for s in view.steps[:4])
    if view.next_step:
        nxt = next(s for s in view.steps if s.code == view.next_step)
        assert nxt.blocked_by == ()


def test_register_refuses_steps_out_of_order_and_meetings_of_the_wrong_type(demo_village):
    admin = demo_village
    reg = decisions_service.create_register(admin, "村道维修", "public_welfare")
    two = meetings_service.save(admin, meetings_service.new_draft("two_committees", date(2026, 6, 1)))
    with pytest.raises(ValidationError) as err:
        decisions_service.add_step(admin, reg.id, "discuss", date(2026, 6, 1), two)
    assert "请先完成“① 村党组织提议”" in str(err.value)
    with pytest.raises(ValidationError) as err:
        decisions_service.add_step(admin, reg.id, "propose", date(2026, 6, 1), two)
    assert "所选会议类型不对" in str(err.value)


def test_the_committee_records_its_own_meetings_only(demo_village):
    from desktop import demo as demo_mod
    from desktop.services import auth_service
    from models.errors import PermissionDenied

    committee = auth_service.login("jianwei", demo_mod.DEMO_PASSWORD)
    mid = meetings_service.save(committee, meetings_service.new_draft("supervision", date(2026, 10, 5)))
    meetings_service.approve(committee, mid)
    with pytest.raises(PermissionDenied):
        meetings_service.save(committee, meetings_service.new_draft("representatives", date(2026, 10, 5)))
