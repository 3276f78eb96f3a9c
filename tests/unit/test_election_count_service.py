"""投票计票 → 当选公告 → 工作移交 through the service, on a real SQLite file (one 换届 with a 另行选举)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import election_count_service as ec
from desktop.services import terms_service
from models import terms
from models.elections.records import (
    ROUND_RUNOFF,
    Candidate,
    ElectedMember,
    Election,
    ElectionRound,
    ElectionTally,
)
from models.entities import PersonRole
from models.errors import ValidationError
from tests.support.election_count_site import DAY, election_site


@pytest.fixture
def site(store):
    return election_site(store)


MAIN = {"张一": 5, "王二": 2, "李三": 4, "周四": 3, "赵五": 4, "钱六": 3, "孙七": 3, "吴八": 2, "郑九": 1}


def _typed(election, votes, kind=None, cast=7, issued=8, invalid=0, write_ins=()):
    base = ec.round_lines(election, kind)
    lines = [ec.Line(ln.post, ln.name, votes.get(ln.name, 0), ln.candidate_id, ln.write_in, ln.person_id, ln.woman)
             for ln in base.lines]
    lines += [ec.Line(post, name, v, write_in=name) for post, name, v in write_ins]
    return ec.RoundInput(base.kind, DAY.isoformat(), issued, cast, invalid, tuple(lines))


def test_a_change_of_term_with_a_runoff_to_the_handover(site):
    admin, ids, election = site
    main = _typed(election, MAIN, write_ins=[("vc_member", "冯十", 1)])
    saved = ec.save_round(admin, election, main)
    assert saved.result.valid
    assert [o.entry.name for o in saved.result.elected] == ["张一", "李三", "赵五"]
    report = ec.result_report(election)
    assert report.registered == 11 and not report.final and report.next_kind() == ROUND_RUNOFF
    assert sorted(report.pending[0].candidates) == sorted(["钱六", "孙七", "吴八"])
    with pytest.raises(ValidationError, match="另行选举"):
        ec.announce(admin, election, DAY)
    runoff = _typed(election, {"钱六": 3, "孙七": 2, "吴八": 1}, cast=6)  # 孙七: 2 × 3 = 6, exactly ⅓
    assert runoff.kind == ROUND_RUNOFF and {ln.name for ln in runoff.lines} == {"钱六", "孙七", "吴八"}
    assert ec.round_seats(election, ROUND_RUNOFF) == {"vc_member": 2}
    ec.save_round(admin, election, runoff)
    report = ec.result_report(election)
    with pytest.raises(ValidationError, match="后面的一轮"):
        ec.delete_round(admin, election, report.rounds[0].round.id)
    assert report.final and [x.name for x in report.elected] == ["张一", "李三", "赵五", "钱六", "孙七"]
    assert any("三分之一" in str(m) for m in report.rounds[1].result.arithmetic)

    done = ec.announce(admin, election, DAY)
    assert done.ended == 2
    holders = terms_service.office_holders(terms.VILLAGE_COMMITTEE, DAY)
    assert sorted(h.name for h in holders) == sorted(["张一", "李三", "赵五", "钱六", "孙七"])
    old = PersonRole.get((PersonRole.person == ids["老主任"]) & (PersonRole.role == "vc_chair"))
    assert old.end_date == DAY.isoformat() and old.end_reason.startswith("届满")
    assert ElectedMember.live().where(ElectedMember.election == election).count() == 5
    assert all(m.role_id for m in ElectedMember.live())
    assert Election.get_by_id(election).announced_on == DAY.isoformat()
    with pytest.raises(ValidationError, match="公告"):
        ec.save_round(admin, election, runoff)

    late = ec.record_handover(admin, election, date(2026, 12, 1), "村民选举委员会", "镇民政办 王干事", "公章\n账册\n\n档案")
    assert any("第 11 天" in f.text() for f in late)
    assert Election.get_by_id(election).handover_items == "公章\n账册\n档案"
    in_time = ec.record_handover(admin, election, date(2026, 11, 30), "村民选举委员会", "镇民政办 王干事", "公章")
    assert not any("移交" in f.text() for f in in_time)
    on_the_day = ec.record_audit(admin, election, DAY)
    assert any("离任经济责任审计" in f.text() for f in on_the_day)
    assert not ec.record_audit(admin, election, date(2026, 11, 19))


def test_impossible_counts_are_refused_and_nothing_is_written(site):
    admin, _ids, election = site
    too_many = _typed(election, MAIN | {"张一": 8})
    with pytest.raises(ValidationError, match="多于有效选票"):
        ec.save_round(admin, election, too_many)
    with pytest.raises(ValidationError, match="多于发出"):
        ec.save_round(admin, election, _typed(election, MAIN, issued=6))
    with pytest.raises(ValidationError, match="投票日期"):
        ec.save_round(admin, election, ec.RoundInput("main", "", 8, 7, 0, ()))
    assert ElectionRound.live().count() == 0 and ElectionTally.live().count() == 0


def test_turnout_exactly_half_is_invalid_and_cannot_be_announced(site):
    admin, _ids, election = site
    ec.save_round(admin, election, _typed(election, {"张一": 4, "李三": 4, "赵五": 4}, cast=5))  # 5 × 2 = 10 ≤ 11
    report = ec.result_report(election)
    assert not report.valid and report.next_kind() == "main"
    with pytest.raises(ValidationError, match="无效"):
        ec.announce(admin, election, DAY)


def test_by_election_terms_end_with_the_current_term(site):
    admin, ids, election = site
    from desktop.services import record_store, voter_roll_service

    by = record_store.create(admin, Election, kind="by_election", label="补选委员", election_day=DAY.isoformat(),
                             seats="vc_member=1", term_end="2031-05-01").id
    voter_roll_service.build(admin, by, on=date(2026, 10, 1))
    record_store.create(admin, Candidate, election=by, person=ids["郑九"], post="vc_member")
    record_store.create(admin, Candidate, election=by, person=ids["吴八"], post="vc_member")
    base = ec.round_lines(by)
    lines = tuple(ec.Line(ln.post, ln.name, 5 if ln.name == "郑九" else 2, ln.candidate_id, "", ln.person_id)
                  for ln in base.lines)
    ec.save_round(admin, by, ec.RoundInput("main", DAY.isoformat(), 7, 7, 0, lines))
    done = ec.announce(admin, by, DAY)
    assert done.ended == 0
    role = PersonRole.get((PersonRole.person == ids["郑九"]) & (PersonRole.role == "vc_member"))
    # serves with the sitting members and ends with them at the next 换届's announcement (one end, not two)
    assert role.start_date == DAY.isoformat() and role.end_date == ""
    assert Election.get_by_id(by).term_end == "2031-05-01"
    old = PersonRole.get((PersonRole.person == ids["老主任"]) & (PersonRole.role == "vc_chair"))
    assert old.end_date == ""  # a 补选 ends nobody's term


def test_a_committee_without_a_member_of_the_smaller_people_is_warned_at_the_announcement(site):
    admin, ids, election = site
    from desktop.services import people_service

    for name in ("冯十", "吴八"):  # the 苗族 villagers, neither elected
        p = people_service.person(ids[name])
        people_service.edit_person(admin, p.id, p.name, p.gender, ethnicity="苗族")
    for name in ("张一", "王二", "李三", "周四", "赵五", "钱六", "孙七", "郑九", "老主任"):
        p = people_service.person(ids[name])
        people_service.edit_person(admin, p.id, p.name, p.gender, ethnicity="汉族")
    ec.save_round(admin, election, _typed(election, {"张一": 5, "李三": 4, "赵五": 5, "钱六": 4, "孙七": 4}))
    done = ec.announce(admin, election, DAY)
    [minority] = [w for w in done.warnings if "人数较少的民族" in w.text()]
    assert "汉族、苗族等2个民族" in minority.text() and "(2025)第八条" in minority.text()


def test_a_candidate_not_nominated_for_the_post_or_withdrawn_is_refused_with_the_article(site):
    admin, _ids, election = site
    main = _typed(election, MAIN)
    chair = next(ln for ln in main.lines if ln.name == "张一")
    moved = tuple(ec.Line("vc_member", ln.name, ln.votes, ln.candidate_id, "", ln.person_id) if ln is chair else ln
                  for ln in main.lines)  # 张一 was nominated for 主任, not 委员
    with pytest.raises(ValidationError, match=r"不是这次选举提名的委员候选人.*组织法》\(2025\)"):
        ec.save_round(admin, election, ec.RoundInput(main.kind, main.held_on, 8, 7, 0, moved))
    from desktop.services import record_store

    record_store.update(admin, Candidate.get_by_id(chair.candidate_id), withdrawn_on="2026-11-10", withdrawn_reason="本人放弃")
    with pytest.raises(ValidationError, match="张一不是这次选举提名的主任候选人"):
        ec.save_round(admin, election, main)
    assert ElectionRound.live().count() == 0 and ElectionTally.live().count() == 0
