"""The demo's elections: the 2021 换届 consistent with the terms, the 2026 stages' dates, the township's spread."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import demo_elections as de
from desktop import demo_township
from models.township import elections_board as eb

TODAY = date(2026, 12, 5)


def test_not_started_has_no_schedule_and_unknown_stages_are_refused():
    assert de.schedule_2026(de.NOT_STARTED, TODAY) is None
    with pytest.raises(ValueError):
        de.schedule_2026("half_done", TODAY)


@pytest.mark.parametrize(("stage", "done_step", "next_step"), [
    (de.COMMITTEE, "committee", "roll"),
    (de.ROLL, "roll", "candidates"),
    (de.CANDIDATES, "candidates", "election_day"),
])
def test_a_stage_puts_today_between_its_step_and_the_next(stage, done_step, next_step):
    s = de.schedule_2026(stage, TODAY)
    assert getattr(s, done_step) <= TODAY < (s.election_day if next_step == "election_day" else getattr(s, next_step))
    assert (s.election_day - s.roll).days >= 20 and (s.handover - s.election_day).days <= 10
    assert s.audit < s.roll < s.candidates < s.proxies < s.election_day and s.committee < s.roll


@pytest.mark.parametrize("stage", [de.VOTED, de.ANNOUNCED, de.HANDED_OVER, de.DONE])
def test_stages_after_the_vote_have_voted_by_today(stage):
    s = de.schedule_2026(stage, TODAY)
    assert s.election_day <= TODAY
    if stage in (de.HANDED_OVER, de.DONE):
        assert s.handover <= TODAY
    if stage == de.ANNOUNCED:
        assert s.handover > TODAY  # announced, not yet handed over (and not yet late)


def test_twists_move_the_dates_the_board_judges():
    late_roll = de.schedule_2026(de.CANDIDATES, TODAY, de.ROLL_LATE)
    assert (late_roll.election_day - late_roll.roll).days == 15 and late_roll.roll <= TODAY
    late_handover = de.schedule_2026(de.DONE, TODAY, de.LATE_HANDOVER)
    assert (late_handover.handover - late_handover.election_day).days == 14 <= (TODAY - late_handover.election_day).days
    planned = de.schedule_2026(de.PLANNED, TODAY)
    assert planned.committee > TODAY


def test_the_demo_villages_2021_election_elected_the_current_committee(village_demo):
    from desktop.services import (
        election_count_service,
        people_service,
        terms_service,
        voter_roll_service,
    )
    from models.elections.records import ElectedMember, Election, ElectionRound
    from models.entities import Person
    from models.terms import VILLAGE_COMMITTEE

    elections = list(Election.live())
    assert [(e.kind, e.election_day) for e in elections] == [("general", "2021-04-18")]  # 2026: not started
    e = elections[0]
    assert e.committee_chosen_on < e.roll_published_on < e.candidates_published_on < e.election_day
    assert (date.fromisoformat(e.election_day) - date.fromisoformat(e.roll_published_on)).days >= 20
    assert e.audit_published_on < e.election_day == e.announced_on
    assert 0 <= (date.fromisoformat(e.handover_on) - date.fromisoformat(e.announced_on)).days <= 10
    (main,) = ElectionRound.live().where(ElectionRound.election == e.id)
    registered = voter_roll_service.registered_voters(e.id)
    assert registered > 500 and main.ballots_cast * 2 > registered  # 第十五条: more than half voted
    report = election_count_service.result_report(e.id)
    assert report.valid and not report.pending and len(report.elected) == 5
    elected = list(ElectedMember.live().where(ElectedMember.election == e.id))
    sitting = terms_service.office_holders(VILLAGE_COMMITTEE, date.today())
    assert {m.role_id for m in elected} == {r.id for r in sitting}
    assert {(m.person_id, m.post) for m in elected} == {(r.person_id, r.role) for r in sitting}
    assert all(r.start_date == "2021-04-18" for r in sitting)
    assert any(r.gender == "女" for r in sitting)  # 第六条
    # the register's new fields: everyone has them; 中共党员 exactly where the register says 党员
    people = list(Person.live())
    assert all(p.ethnicity and p.education and p.political_status for p in people)
    assert sum(p.ethnicity == "汉族" for p in people) > 0.9 * len(people)
    party = {r.id for r in people_service.register() if {"party_member", "party_secretary"} & set(r.roles)}
    assert {p.id for p in people if p.political_status == "中共党员"} == party


def test_the_recall_story_recalls_a_member_by_both_majorities_and_a_by_election_fills_the_seat(village_demo):
    """fill_village(election_story="recall"): ⅕ sign, the vote passes 第十六条's two majorities, 补选 (第十九条)."""
    import random

    from desktop.services import election_count_service, terms_service, voter_roll_service
    from models.elections.records import ElectedMember, Election, ElectionRound, Recall

    _store, session = village_demo
    w = de._Writer(session, random.Random(7), "青山镇", TODAY)
    de.recall_and_by_election(w)
    assert w.counts["recalls"] == 1 and w.counts["elections"] == 1
    (recall,) = Recall.live()
    assert recall.basis == "voters" and recall.signers * 5 >= recall.base_count > 300  # ⅕ of the voters
    assert recall.answer and recall.requested_on < recall.answered_on < recall.vote_on == "2023-04-09"
    assert recall.cast * 2 > recall.registered and recall.agree * 2 > recall.cast  # both majorities
    assert recall.outcome == "recalled"
    office = recall.role
    assert office.role == "vc_member" and office.end_date == recall.vote_on and office.end_reason.startswith("罢免")
    (by,) = Election.live().where(Election.kind == "by_election")
    assert by.election_day == "2023-05-14" and by.term_end and by.announced_on == by.election_day
    (main,) = ElectionRound.live().where(ElectionRound.election == by.id)
    assert main.held_on == by.election_day and main.ballots_cast * 2 > voter_roll_service.registered_voters(by.id)
    report = election_count_service.result_report(by.id)
    assert report.valid and not report.pending and len(report.elected) == 1
    (member,) = ElectedMember.live().where(ElectedMember.election == by.id)
    assert member.post == "vc_member" and member.person_id != recall.person_id
    assert member.role.start_date == by.election_day and member.role.end_date in ("", by.term_end)
    day_after = date(2023, 5, 15)
    sitting = terms_service.office_holders(("vc_member",), day_after)
    assert member.role_id in {r.id for r in sitting} and recall.role_id not in {r.id for r in sitting}


def test_the_thirty_villages_span_the_stages_and_irregularities():
    plans = demo_township.plan_villages("330106001", 30, 10, TODAY)
    stages = [p.election_stage for p in plans]
    assert len(set(stages)) >= 8 and set(stages) <= set(de.STAGES)
    assert {p.election_twist for p in plans} >= {de.LATE_HANDOVER, de.NO_WOMAN, de.ROLL_LATE}
    assert [p.election_story for p in plans].count(de.RECALL) == 1
    assert len({p.election_stage for p in plans[:3]}) == 3  # a three-village demo shows three stages


def test_the_township_board_reads_each_villages_stage(tmp_path):
    from desktop.paths import AppPaths
    from desktop.services import election_board_service
    from tests.support.demo import demo_township as township_template

    session = township_template(AppPaths(tmp_path / "乡镇"), villages=3, years=1)
    board = election_board_service.board(session, date.today())
    by_name = {r.village.name: r for r in board.rows}
    assert by_name["青山村"].stage == eb.DONE and not by_name["青山村"].findings
    assert by_name["溪口村"].stage == eb.RUNOFF  # voted, one 委员 seat left to the 另行选举
    assert by_name["大坪村"].election is not None  # silent since months: its committee step, then nothing
    assert len({r.stage for r in board.rows}) == 3
    done = by_name["青山村"].election
    assert done.registered > 300 and done.main_round.cast * 2 > done.registered  # 第十五条
    assert date.fromisoformat(done.handover_on) - date.fromisoformat(done.announced_on) <= timedelta(days=10)


def test_the_cli_demo_takes_the_2026_stage_and_the_recall_story():
    from desktop.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["demo", "--election-stage", "voted", "--election-story", "recall"])
    assert (args.election_stage, args.election_story) == ("voted", "recall")
    assert parser.parse_args(["demo"]).election_stage == de.NOT_STARTED
    choices = next(a.choices for a in parser._subparsers._group_actions[0].choices["demo"]._actions
                   if a.dest == "election_stage")
    assert tuple(choices) == de.STAGES  # the CLI offers exactly the demo's stages
    with pytest.raises(SystemExit):
        parser.parse_args(["demo", "--election-stage", "half_done"])


def _tally_errors(valid_ballots: int, seats: dict[str, int], shares: dict[str, list[float]]) -> list[str]:
    """The tally engine's count errors for the demo's shares of `valid_ballots` (as `_Writer.vote` saves them)."""
    from models.elections import tally

    votes = de.ballot_votes(valid_ballots, shares, seats)
    entries = tuple(tally.Entry(post, f"{post}{n}", v) for post, vs in votes.items() for n, v in enumerate(vs))
    invalid = 3
    count = tally.Count(registered=valid_ballots + invalid + 40, ballots_cast=valid_ballots + invalid,
                        seats=seats, entries=entries, invalid_ballots=invalid, on=TODAY)
    return [f.text() for f in tally.count_round(count).errors]


def test_the_demos_shares_give_a_possible_count_for_every_village_size():
    """Issue 18: a six-village township's 补选 summed 998 votes for one seat of 995 valid ballots.

    Pure arithmetic, no database: every share the demo draws (换届, 另行选举, 补选) for many seeds
    and ballot counts, through the same `ballot_votes` the demo saves and the tally engine's checks.
    """
    import random

    people = [f"候选人{n}" for n in range(9)]
    for seed in range(60):
        rng = random.Random(seed)
        slates = [({p: [s for _who, s in names] for p, names in de._slate(people[:5], people[5:], rng, weak_member=weak)
                    .items()}, de.SEATS) for weak in (False, True)]
        slates.append(({de.er.POST_MEMBER: list(de.by_election_shares(rng))}, {de.er.POST_MEMBER: 1}))
        slates.append(({de.er.POST_MEMBER: [0.52, 0.36, 0.1]}, {de.er.POST_MEMBER: 1}))  # 另行选举, one seat
        for shares, seats in slates:
            for post, post_shares in shares.items():  # the shares themselves fit: ballots × seats
                assert sum(post_shares) <= seats[post] and max(post_shares) <= 1, (seed, post, post_shares)
            for valid in range(1, 1400, 29):
                assert _tally_errors(valid, seats, shares) == [], (seed, valid, shares)


def test_ballot_votes_trims_the_weakest_when_shares_overflow_a_post():
    votes = de.ballot_votes(995, {"vc_member": [0.7, 0.3, 0.01]}, {"vc_member": 1})
    assert votes["vc_member"] == [696, 298, 1] and sum(votes["vc_member"]) <= 995
    assert de.ballot_votes(0, {"vc_chair": [0.6]}, {"vc_chair": 1}) == {"vc_chair": [0]}
