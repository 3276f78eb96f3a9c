"""选民登记 through the service, on a real SQLite file: build, add, remove, publish, objections."""

from __future__ import annotations

import time
from datetime import date

import pytest

from desktop.services import voter_roll_service as vr
from models.audit import verify_chain
from models.elections import roll
from models.elections.records import VOTER_AWAY, VOTER_INCOMER, VOTER_RESIDENT, Election, Voter
from models.errors import PermissionDenied, ValidationError
from tests.support.voter_roll import voter_roll_site


@pytest.fixture
def site(store):
    return voter_roll_site(store)


def test_preview_and_build_put_the_adults_on_the_list_in_one_transaction(site):
    admin, ids, election, _meetings = site
    found = vr.preview(election)
    assert {line.person.name for line in found.listed} == {"王大山", "李秀英", "王小明", "赵小红", "周无名", "吴外来"}
    assert {line.person.name for line in found.to_verify} == {"赵小红", "周无名"}
    assert {line.person.name for line in found.left_out} == {"钱小军", "孙老汉"}
    assert vr.build(admin, election, on=date(2026, 4, 1)) == 6
    rows = vr.voters(election)
    assert {r.village_group for r in rows if r.name == "赵小红"} == {"第二组"}
    assert all(r.category == VOTER_RESIDENT for r in rows)
    assert {r.name for r in rows if r.verify} == {"赵小红", "周无名"}
    assert vr.registered_voters(election) == 6
    assert vr.build(admin, election) == 0  # a second build adds nobody twice
    counts = vr.counts(election)
    assert counts.by_group == (("第一组", 3), ("第二组", 2), ("第三组", 1)) and counts.to_verify == 2
    assert vr.roll_by_group(election) == [("第一组", sorted(["王大山", "李秀英", "王小明"])),
                                          ("第二组", sorted(["赵小红", "周无名"])), ("第三组", ["吴外来"])]
    assert verify_chain().ok


def test_removed_people_stay_off_and_come_back_only_by_hand(site):
    admin, ids, election, meetings = site
    vr.build(admin, election)
    line = next(r for r in vr.voters(election) if r.name == "吴外来")
    with pytest.raises(ValidationError):
        vr.remove(admin, line.id, roll.OUT_OTHER)  # "其他" needs the reason written
    vr.remove(admin, line.id, roll.OUT_ELSEWHERE, "户籍在邻村,按本人意愿在户籍地登记", on=date(2026, 4, 2))
    assert vr.registered_voters(election) == 5
    removed = next(r for r in vr.voters(election) if r.name == "吴外来")
    assert removed.removed_reason.startswith("已在其他村登记") and not removed.listed
    assert vr.build(admin, election) == 0
    with pytest.raises(ValidationError) as refused:
        vr.add(admin, election, ids["吴外来"], VOTER_INCOMER)  # an incomer without his meeting
    assert "村民会议或者村民代表会议" in str(refused.value) and "依据《村民委员会组织法》(2025)" in str(refused.value)
    with pytest.raises(ValidationError):
        vr.add(admin, election, ids["吴外来"], VOTER_INCOMER, meetings["other"])  # 两委联席会议 cannot admit
    back = vr.add(admin, election, ids["吴外来"], VOTER_INCOMER, meetings["reps"])
    assert back == line.id  # the old line, not a second one
    assert len([v for v in Voter.select() if v.person_id == ids["吴外来"]]) == 1
    assert vr.registered_voters(election) == 6


def test_refusals_write_nothing(site):
    admin, ids, election, _meetings = site
    vr.build(admin, election)
    before = vr.voters(election)
    for call in (lambda: vr.add(admin, election, ids["钱小军"], VOTER_AWAY),  # 17 on the day
                 lambda: vr.add(admin, election, ids["孙老汉"], VOTER_AWAY),  # left the register
                 lambda: vr.add(admin, election, ids["王大山"], VOTER_AWAY),  # already on the list
                 lambda: vr.add(admin, election, ids["王大山"], "nonsense")):
        with pytest.raises(ValidationError) as refused:
            call()
        assert "依据" in str(refused.value) or "请选择" in str(refused.value)
    assert vr.voters(election) == before


def test_deprived_of_political_rights_is_a_reason_on_the_line(site):
    admin, _ids, election, _meetings = site
    vr.build(admin, election)
    line = next(r for r in vr.voters(election) if r.name == "李秀英")
    vr.remove(admin, line.id, roll.OUT_DEPRIVED, "法院判决剥夺政治权利二年")
    row = next(r for r in vr.voters(election) if r.name == "李秀英")
    assert row.removed_reason == "依照法律被剥夺政治权利:法院判决剥夺政治权利二年"
    assert "李秀英" not in [n for _g, names in vr.roll_by_group(election) for n in names]


def test_publish_refuses_wrong_lines_and_warns_when_late(site):
    admin, _ids, election, _meetings = site
    with pytest.raises(ValidationError):
        vr.publish(admin, election, date(2026, 4, 20))  # nobody on the list yet
    vr.build(admin, election)
    with pytest.raises(ValidationError):
        vr.publish(admin, election, date(2026, 5, 16))  # after the election day
    warnings = vr.publish(admin, election, date(2026, 4, 26))  # 19 days before: recorded, warned
    assert any("二十日前" in f.text() for f in warnings)
    assert Election.get_by_id(election).roll_published_on == "2026-04-26"
    assert not any("二十日前" in f.text() for f in vr.publish(admin, election, date(2026, 4, 25)))


def test_objections_in_time_late_and_upheld_both_ways(site):
    admin, ids, election, _meetings = site
    vr.build(admin, election)
    line = next(r for r in vr.voters(election) if r.name == "王小明")
    with pytest.raises(ValidationError):  # not yet published
        vr.raise_objection(admin, election, date(2026, 4, 21), "王大山", "王小明常年在外", voter_id=line.id)
    vr.publish(admin, election, date(2026, 4, 20))
    first, warned = vr.raise_objection(admin, election, date(2026, 4, 25), "王大山", "王小明户籍已迁出",
                                       voter_id=line.id)
    assert warned == []  # day 5
    _late, warned = vr.raise_objection(admin, election, date(2026, 4, 26), "钱小军", "本人应列入", person_id=ids["钱小军"])
    assert warned and "五日内" in warned[0].text()  # day 6
    assert vr.decide_objection(admin, first, date(2026, 4, 28), True, "经查属实,移出名单") == []  # day 3
    row = next(r for r in vr.voters(election) if r.name == "王小明")
    assert row.removed_reason == "异议成立:经查属实,移出名单" and row.removed_on == "2026-04-28"
    objection = next(o for o in vr.objections(election) if o.id == first)
    assert objection.upheld is True and objection.deadline == "2026-04-28"
    with pytest.raises(ValidationError):
        vr.decide_objection(admin, first, date(2026, 4, 28), False, "再议")  # decided already


def test_an_upheld_objection_about_someone_left_off_puts_him_on_the_list(site):
    admin, ids, election, _meetings = site
    vr.build(admin, election)
    vr.remove(admin, next(r.id for r in vr.voters(election) if r.name == "李秀英"), roll.OUT_AWAY_NOT_WISHING)
    vr.publish(admin, election, date(2026, 4, 20))
    objection, _w = vr.raise_objection(admin, election, date(2026, 4, 22), "李秀英", "本人表示参加选举",
                                       person_id=ids["李秀英"])
    late = vr.decide_objection(admin, objection, date(2026, 4, 26), True, "本人书面表示参加选举", category=VOTER_AWAY)
    assert late and "三日内" in late[0].text()  # day 4
    row = next(r for r in vr.voters(election) if r.name == "李秀英")
    assert row.listed and row.category == VOTER_AWAY


def test_a_reader_cannot_change_the_list(site):
    from desktop.services import auth_service, setup_service
    from tests.support.sites import ADMIN_PASSWORD

    admin, _ids, election, _meetings = site
    setup_service.create_user(admin, "guest", "访客", "viewer", ADMIN_PASSWORD, ADMIN_PASSWORD)
    viewer = auth_service.login("guest", ADMIN_PASSWORD)
    with pytest.raises(PermissionDenied):
        vr.build(viewer, election)
    assert vr.registered_voters(election) == 0


def test_three_thousand_people_are_one_pass(site):
    from desktop.services import installation
    from models.db import database
    from tests.support.people import insert_people

    admin, _ids, election, _meetings = site
    insert_people(3000, installation.code())
    queries = []
    original = database.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith("SELECT"):
            queries.append(sql)
        return original(sql, params, *args, **kwargs)

    database.execute_sql = counting
    try:
        started = time.perf_counter()
        found = vr.preview(election)
        elapsed = time.perf_counter() - started
    finally:
        del database.execute_sql
    assert len(queries) < 10 and elapsed < 2.0
    assert len(found.to_verify) == 3002  # insert_people leaves the birth empty: all 需核实 (and 2 of ours)


def test_a_line_changes_category_an_incomer_only_with_his_meeting(site):
    admin, _ids, election, meetings = site
    vr.build(admin, election)
    line = next(r for r in vr.voters(election) if r.name == "王大山")
    vr.set_category(admin, line.id, VOTER_AWAY, meetings["reps"])  # the meeting is dropped: not an incomer
    row = next(r for r in vr.voters(election) if r.name == "王大山")
    assert row.category == VOTER_AWAY and row.admitted_meeting_id is None
    with pytest.raises(ValidationError):
        vr.set_category(admin, line.id, VOTER_INCOMER)
    assert next(r for r in vr.voters(election) if r.name == "王大山").category == VOTER_AWAY
    vr.set_category(admin, line.id, VOTER_INCOMER, meetings["reps"])
    assert vr.counts(election).by_category == ((VOTER_RESIDENT, 5), (VOTER_AWAY, 0), (VOTER_INCOMER, 1))


def test_an_upheld_objection_that_cannot_be_carried_out_leaves_everything_as_it_was(site):
    admin, ids, election, _meetings = site
    vr.build(admin, election)
    vr.publish(admin, election, date(2026, 4, 20))
    objection, _w = vr.raise_objection(admin, election, date(2026, 4, 21), "钱小军", "要求列入", person_id=ids["钱小军"])
    with pytest.raises(ValidationError) as refused:
        vr.decide_objection(admin, objection, date(2026, 4, 22), True, "同意列入")
    assert "未满十八周岁" in str(refused.value)
    row = vr.objections(election)[0]
    assert row.upheld is None and row.decided_on == "" and vr.registered_voters(election) == 6


def test_an_incomer_added_with_less_than_a_year_of_residence_is_refused(site):
    admin, ids, election, meetings = site  # election day 2026-05-15
    with pytest.raises(ValidationError) as short:
        vr.add(admin, election, ids["吴外来"], VOTER_INCOMER, meetings["reps"], resident_since="2025-05-16")
    assert "不满一年" in str(short.value) and "第十三条" in str(short.value)
    with pytest.raises(ValidationError) as bad:
        vr.add(admin, election, ids["吴外来"], VOTER_INCOMER, meetings["reps"], resident_since="2025-13-01")
    assert "不是有效日期" in str(bad.value)
    assert vr.registered_voters(election) == 0
    line = vr.add(admin, election, ids["吴外来"], VOTER_INCOMER, meetings["reps"], resident_since="2025-05-15")
    assert Voter.get_by_id(line).resident_since == "2025-05-15"
    row = next(r for r in vr.voters(election) if r.id == line)
    assert row.findings == ()  # exactly one year, admitted by the 代表会议: nothing to say


def test_an_incomer_without_a_residence_date_is_listed_with_a_warning(site):
    admin, ids, election, meetings = site
    line = vr.add(admin, election, ids["吴外来"], VOTER_INCOMER, meetings["reps"])
    row = next(r for r in vr.voters(election) if r.id == line)
    assert [f.text() for f in row.findings] == [
        "吴外来居住时间未登记,请核实是否满一年(依据《村民委员会组织法》(2025)(原第十三条))"]
    away = vr.add(admin, election, ids["王大山"], VOTER_AWAY, resident_since="2026-05-01")
    assert Voter.get_by_id(away).resident_since == ""  # kept for incomers only
