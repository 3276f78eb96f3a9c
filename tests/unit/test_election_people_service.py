"""elections_service and election_people_service on a real database: the steps, the committee,
candidates and 委托 — refusals name the article and write nothing."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.services import election_people_service as eps
from desktop.services import elections_service as es
from desktop.services import people_service, voter_roll_service
from models.elections.records import Candidate, Election, ElectionCommitteeMember, ProxyVote
from models.errors import ValidationError

SEATS = {"vc_chair": 1, "vc_vice": 1, "vc_member": 3}


@pytest.fixture
def election(village):
    """A 换届 on 2026-12-20, eight adults on its roll; returns (session, election id, people by name)."""
    _paths, session = village
    people = {}
    for n, name in enumerate(["李大山", "李小河", "李小溪", "王建国", "赵红", "钱明", "孙丽", "周平"]):
        people[name] = people_service.add_person(session, name, "女" if n % 2 else "男", birth_year=1960 + n,
                                                 village_group="一组").id
    people["外村人"] = people_service.add_person(session, "外村人", "男", birth_year=1970).id
    e = es.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20), SEATS)
    for name, pid in people.items():
        if name != "外村人":
            voter_roll_service.add(session, e.id, pid, "resident", on=date(2026, 11, 1))
    person = people_service.person
    people_service.add_kinship(session, person(people["李小河"]), person(people["李大山"]), "child")
    people_service.add_kinship(session, person(people["李小溪"]), person(people["李大山"]), "child")
    people_service.add_kinship(session, person(people["王建国"]), person(people["李大山"]), "in_law")
    return session, e.id, people


def test_create_lists_newest_first_with_the_stage(village):
    _paths, session = village
    es.create_election(session, "general", "第十一届换届选举", date(2021, 6, 1), SEATS)
    es.create_election(session, "general", "第十二届换届选举", date(2026, 6, 1), SEATS)
    rows = es.list_elections(today=date(2026, 1, 1))
    assert [r.label for r in rows] == ["第十二届换届选举", "第十一届换届选举"]
    assert rows[0].stage == "推选村民选举委员会"


def test_bad_elections_are_refused_and_nothing_written(village):
    _paths, session = village
    with pytest.raises(ValidationError, match="三至七人"):
        es.create_election(session, "general", "太多", date(2026, 6, 1), {"vc_chair": 1, "vc_member": 7})
    with pytest.raises(ValidationError, match="村民会议或者村民代表会议"):
        es.create_election(session, "by_election", "补选", date(2026, 6, 1), {"vc_member": 1}, body="")
    with pytest.raises(ValidationError, match="届满应当换届选举"):
        es.create_election(session, "by_election", "补选", date(2026, 6, 1), {"vc_member": 1},
                           body="villagers_meeting", term_end=date(2026, 5, 31))
    with pytest.raises(ValidationError, match="选举名称"):
        es.create_election(session, "general", " ", date(2026, 6, 1), SEATS)
    assert Election.select().count() == 0


def test_a_by_election_takes_the_term_end_from_the_sitting_committee(village):
    _paths, session = village
    chair = people_service.add_person(session, "周主任", "男", birth_year=1970)
    people_service.add_role(session, chair, "vc_chair", start_date="2021-06-01")
    row = es.create_election(session, "by_election", "补选委员", date(2026, 3, 2), {"vc_member": 1},
                             body="representatives_meeting")
    assert row.term_end == "2026-05-31"
    assert es.summary(row.id).next.key == "candidates"


def test_committee_step_then_roll_published_too_late_blocks_moving_the_day_closer(election):
    session, eid, _people = election
    es.record_step(session, eid, "committee", date(2026, 11, 1), by="villagers_meeting")
    assert es.summary(eid).next.key == "roll"
    voter_roll_service.publish(session, eid, date(2026, 11, 30))  # exactly 20 days before 12-20
    with pytest.raises(ValidationError, match="只有19天"):
        es.edit_election(session, eid, "第十二届村民委员会换届选举", date(2026, 12, 19), SEATS)
    assert Election.get_by_id(eid).election_day == "2026-12-20"
    es.edit_election(session, eid, "第十二届村民委员会换届选举", date(2026, 12, 21), SEATS)  # later is fine


def test_a_committee_member_nominated_leaves_the_committee(election):
    session, eid, people = election
    eps.add_committee_member(session, eid, people["赵红"], "chair", date(2026, 11, 1))
    added = eps.add_candidate(session, eid, people["赵红"], "vc_chair", date(2026, 12, 1), 120)
    assert "依法退出村民选举委员会" in str(added.notes[0])
    seat = ElectionCommitteeMember.get(ElectionCommitteeMember.person == people["赵红"])
    assert seat.left_on == "2026-12-01" and "依法退出村民选举委员会" in seat.left_reason
    with pytest.raises(ValidationError, match="候选人应当退出村民选举委员会"):
        eps.add_committee_member(session, eid, people["赵红"], "member", date(2026, 12, 2))


def test_a_candidate_must_be_on_the_roll(election):
    session, eid, people = election
    with pytest.raises(ValidationError, match="不在这次选举的选民名单上"):
        eps.add_candidate(session, eid, people["外村人"], "vc_member")
    assert Candidate.select().count() == 0


def test_publishing_candidates_needs_more_candidates_than_seats(election):
    session, eid, people = election
    es.record_step(session, eid, "committee", date(2026, 11, 1), by="villagers_meeting")
    voter_roll_service.publish(session, eid, date(2026, 11, 20))
    for name, post in [("王建国", "vc_chair"), ("钱明", "vc_vice"), ("孙丽", "vc_vice"),
                       ("周平", "vc_member"), ("李小河", "vc_member"), ("李小溪", "vc_member")]:
        eps.add_candidate(session, eid, people[name], post, date(2026, 12, 1))
    with pytest.raises(ValidationError, match="主任应选1名,候选人只有1名"):
        es.record_step(session, eid, "candidates", date(2026, 12, 5))
    assert len(eps.margin(eid)) == 2  # 主任 1 for 1, 委员 3 for 3
    eps.add_candidate(session, eid, people["赵红"], "vc_chair", date(2026, 12, 1))
    eps.add_candidate(session, eid, people["李大山"], "vc_member", date(2026, 12, 1))
    summary = es.record_step(session, eid, "candidates", date(2026, 12, 5))
    assert summary.next.key == "audit"
    withdrawn = eps.withdraw_candidate(session, Candidate.get(Candidate.person == people["李大山"]).id,
                                       date(2026, 12, 6), "本人放弃")
    assert "需要重新公布" in str(withdrawn[0])
    assert Election.get_by_id(eid).candidates_published_on == ""


def test_proxy_to_a_near_relative_on_the_roll(election):
    session, eid, people = election
    added = eps.add_proxy(session, eid, people["李大山"], people["李小河"], date(2026, 12, 10))
    assert added.row.relation == "child" and added.warnings == ()
    with pytest.raises(ValidationError, match="一张选票只能委托一人"):
        eps.add_proxy(session, eid, people["李大山"], people["李小溪"], date(2026, 12, 10))
    with pytest.raises(ValidationError, match=re.escape("李大山不是王建国的近亲属(姻亲)")):
        eps.add_proxy(session, eid, people["王建国"], people["李大山"], date(2026, 12, 10))
    with pytest.raises(ValidationError, match="名册中没有记载亲属关系"):
        eps.add_proxy(session, eid, people["赵红"], people["钱明"], date(2026, 12, 10))
    with pytest.raises(ValidationError, match="不能再受托"):
        eps.add_proxy(session, eid, people["李小溪"], people["李大山"], date(2026, 12, 10))
    assert ProxyVote.select().count() == 1
    assert es.summary(eid).next.key == "committee"  # the 委托 step now applies, after the earlier ones


def test_proxy_count_at_the_limit_then_one_over_is_warned(election):
    session, eid, people = election
    hub = people["李大山"]
    person = people_service.person
    givers = ["李小河", "李小溪", "赵红", "钱明"]
    for name in givers[2:]:
        people_service.add_kinship(session, person(people[name]), person(hub), "sibling")
    people_service.add_kinship(session, person(people["周平"]), person(hub), "spouse")
    results = [eps.add_proxy(session, eid, people[name], hub, date(2026, 12, 10)) for name in givers[:2] + ["周平"]]
    assert all(r.warnings == () for r in results)  # the third 委托: at the limit
    fourth = eps.add_proxy(session, eid, people["赵红"], hub, date(2026, 12, 10))
    assert "将接受4人的委托,超过3人" in str(fourth.warnings[0])  # 惯例: recorded, warned
    assert ProxyVote.select().count() == 4


def test_a_by_election_nominates_villagers_without_a_roll(village):
    _paths, session = village
    adult = people_service.add_person(session, "周大成", "男", birth_year=1980).id
    young = people_service.add_person(session, "周小成", "男", birth_year=2009, birth_month=1).id
    e = es.create_election(session, "by_election", "补选委员", date(2026, 12, 20), {"vc_member": 1},
                           body="villagers_meeting", term_end=date(2026, 12, 31))
    assert {r.name for r in eps.nominee_choices(e.id)} == {"周大成"}
    eps.add_candidate(session, e.id, adult, "vc_member", date(2026, 12, 1))
    with pytest.raises(ValidationError, match="不能作补选的候选人"):
        eps.add_candidate(session, e.id, young, "vc_member", date(2026, 12, 1))


def test_proxy_choices_put_listed_near_relatives_first(election):
    _session, eid, people = election
    choices = eps.proxy_choices(eid, people["李大山"])
    assert [(c.name, c.relation) for c in choices[:2]] == [("李小河", "child"), ("李小溪", "child")]
    assert all(not c.relation for c in choices[2:]) and people["李大山"] not in {c.person_id for c in choices}


def test_the_committee_step_links_the_meeting_that_chose_it(election):
    from desktop.services import meetings_service

    session, eid, _people = election
    mid = meetings_service.save(session, meetings_service.new_draft("representatives", date(2026, 10, 30)))
    choices = es.committee_meeting_choices(eid)
    assert [(c[0], c[1], c[3]) for c in choices] == [(mid, "2026-10-30", "representatives_meeting")]
    with pytest.raises(ValidationError, match="不是村民会议"):
        es.record_step(session, eid, "committee", date(2026, 10, 30), by="villagers_meeting", meeting_id=mid)
    with pytest.raises(ValidationError, match="晚于登记的推选日2026-10-29"):
        es.record_step(session, eid, "committee", date(2026, 10, 29), by="representatives_meeting", meeting_id=mid)
    es.record_step(session, eid, "committee", date(2026, 10, 30), by="representatives_meeting", meeting_id=mid)
    assert Election.get_by_id(eid).committee_meeting_id == mid


def test_edit_keeps_a_late_roll_s_day_and_refuses_dropping_a_post_with_candidates(election):
    session, eid, people = election
    voter_roll_service.publish(session, eid, date(2026, 12, 5))  # 15 days before: recorded, warned
    es.edit_election(session, eid, "第十二届村民委员会换届选举(更正)", date(2026, 12, 20), SEATS)  # same day: fine
    assert Election.get_by_id(eid).label.endswith("(更正)")
    eps.add_candidate(session, eid, people["钱明"], "vc_vice", date(2026, 12, 6))
    with pytest.raises(ValidationError, match="还有1名副主任候选人"):
        es.edit_election(session, eid, "第十二届", date(2026, 12, 20), {"vc_chair": 1, "vc_member": 4})


def test_a_by_election_of_the_representatives_meeting_needs_no_roll(village):
    """A 补选 by the 村民代表会议 (第十九条): a candidate without any 选民名单, no 选民登记 or 20-day step,
    and its vote counted against the 村民代表 in office on the day."""
    from desktop.services import election_count_service as ecs
    from desktop.services import terms_service
    from models.elections import procedure

    _paths, session = village
    reps = [people_service.add_person(session, f"代表{n}", "女" if n % 2 else "男", birth_year=1970 + n).id
            for n in range(5)]
    for pid in reps:
        terms_service.appoint(session, pid, "representative", date(2026, 1, 1))
    adult = people_service.add_person(session, "吴新民", "男", birth_year=1985, birth_month=4).id
    e = es.create_election(session, "by_election", "补选委员", date(2026, 12, 20), {"vc_member": 1},
                           body="representatives_meeting", term_end=date(2026, 12, 31))
    eps.add_candidate(session, e.id, adult, "vc_member", date(2026, 12, 1))  # no 选民名单 was built
    assert voter_roll_service.registered_voters(e.id) == 0
    assert [r.name for r in eps.candidates(e.id)] == ["吴新民"]
    assert procedure.STEP_ROLL not in procedure.BY_ELECTION_STEPS
    report = ecs.result_report(e.id)
    assert (report.registered, report.base) == (5, ecs.BASE_REPRESENTATIVES)
    meeting = es.create_election(session, "by_election", "补选委员(村民会议)", date(2026, 12, 20), {"vc_member": 1},
                                 body="villagers_meeting", term_end=date(2026, 12, 31))
    report = ecs.result_report(meeting.id)  # the villagers 18 or over on the register
    assert (report.registered, report.base) == (6, ecs.BASE_VILLAGERS)


def test_a_list_written_for_a_meetings_by_election_carries_no_twenty_day_warning(village):
    """第十四条's twenty days are the 换届's; a 补选 by the 村民会议 that lists its members anyway is not warned."""
    _paths, session = village
    pid = people_service.add_person(session, "郑一", "男", birth_year=1970).id
    e = es.create_election(session, "by_election", "补选委员", date(2026, 12, 20), {"vc_member": 1},
                           body="villagers_meeting", term_end=date(2026, 12, 31))
    voter_roll_service.add(session, e.id, pid, "resident", on=date(2026, 12, 1))
    found = voter_roll_service.publish(session, e.id, date(2026, 12, 10))  # ten days before
    assert not any("二十日" in f.text() for f in found)
    assert not any("二十日" in f.text() for f in voter_roll_service.findings(e.id))
    with pytest.raises(ValidationError, match="之后"):
        voter_roll_service.publish(session, e.id, date(2026, 12, 21))
