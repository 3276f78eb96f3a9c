"""The township's 换届 board, pure rules: stages, each irregularity at its boundary, the 统计表's counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.elections.tally import Entry
from models.legal import organic_law
from models.meetings.quorum import ERROR
from models.township import election_stats as st
from models.township import elections_board as eb
from models.township.elections_board import (
    ElectionFact,
    MemberFact,
    RoleFact,
    RoundFact,
    VillageElection,
)

TODAY = date(2026, 9, 1)


def _members(women: int = 1) -> tuple[MemberFact, ...]:
    posts = ["vc_chair", "vc_vice", "vc_member", "vc_member", "vc_member"]
    return tuple(MemberFact(f"p{i}", f"成员{i}", post, "女" if i < women else "男", 1980)
                 for i, post in enumerate(posts))


def _done(**changes) -> ElectionFact:
    """A 2026 换届 held by the book (vote 2026-05-10)."""
    e = ElectionFact("e1", "general", "第十二届", "2026-05-10", 5, committee_chosen_on="2026-03-20",
                     roll_published_on="2026-04-20", candidates_published_on="2026-05-01",
                     announced_on="2026-05-10", handover_on="2026-05-15", audit_published_on="2026-04-30",
                     registered=1000, candidates=7, rounds=(RoundFact(1, "main", "2026-05-10", 900, 850, 10),),
                     members=_members())
    return replace(e, **changes)


def _keys(e: ElectionFact, today: date = TODAY) -> set[str]:
    return {f.key for f in eb.findings(e, today)}


def test_an_election_by_the_book_is_complete_and_clean():
    e = _done()
    assert eb.stage(e, TODAY) == eb.DONE
    assert eb.findings(e, TODAY) == ()


def test_stages_follow_the_last_step_on_record():
    s = lambda e, today=TODAY: eb.stage(e, today)  # noqa: E731
    assert s(None) == eb.NOT_STARTED
    bare = ElectionFact("e", election_day="2026-10-01")
    assert s(bare) == eb.NOT_STARTED
    assert s(replace(bare, committee_chosen_on="2026-08-01")) == eb.COMMITTEE
    assert s(replace(bare, committee_chosen_on="2026-08-01", registered=10)) == eb.REGISTRATION
    assert s(replace(bare, roll_published_on="2026-08-20", registered=10)) == eb.NOMINATION
    assert s(replace(bare, candidates_published_on="2026-08-30")) == eb.VOTING
    assert s(replace(bare, candidates_published_on="2026-09-05")) == eb.NOT_STARTED  # planned, not done
    voted = replace(_done(), announced_on="", handover_on="")
    assert s(voted) == eb.VOTING
    counted = (Entry("vc_chair", "甲", 600), Entry("vc_member", "乙", 425), Entry("vc_member", "丙", 300))
    posts = (("vc_chair", 1), ("vc_member", 1))
    unfilled = replace(voted, posts=posts, rounds=(RoundFact(1, "main", "2026-05-10", 900, 850, 0, counted),))
    assert s(unfilled) == eb.RUNOFF  # 425 of 850 is not more than half: the 委员 seat goes to 另行选举
    filled = replace(unfilled, rounds=(RoundFact(1, "main", "2026-05-10", 900, 850, 0,
                                                 counted[:1] + (Entry("vc_member", "乙", 426),)),))
    assert s(filled) == eb.VOTING  # elected, waiting for the 当选公告
    assert s(replace(voted, rounds=voted.rounds + (RoundFact(2, "runoff", "2026-05-11", 500, 480),))) == eb.RUNOFF
    assert s(replace(_done(), handover_on="")) == eb.ANNOUNCED
    assert s(replace(_done(), audit_published_on="")) == eb.HANDED_OVER
    assert s(replace(_done(), members=_members()[:4])) == eb.HANDED_OVER


def test_roll_published_exactly_20_days_before_is_in_time_19_is_late():
    assert eb.ROLL_LATE not in _keys(_done(roll_published_on="2026-04-20"))  # 20 days
    [f] = [f for f in eb.findings(_done(roll_published_on="2026-04-21"), TODAY) if f.key == eb.ROLL_LATE]
    assert "19 天" in f.text() and f.finding.basis == organic_law(14, on="2026-05-10")
    assert "(2025)" in f.text()  # the amended text is in force on the election day (its number not known)


def test_a_roll_never_published_is_late_once_20_days_before_has_passed():
    planned = ElectionFact("e", election_day="2026-09-21", committee_chosen_on="2026-08-01")
    assert eb.ROLL_LATE not in _keys(planned, date(2026, 9, 1))  # 20 days left: still in time
    assert eb.ROLL_LATE in _keys(planned, date(2026, 9, 2))


def test_no_woman_elected_is_marked_once_announced():
    assert eb.NO_WOMAN in _keys(_done(members=_members(women=0)))
    assert eb.NO_WOMAN not in _keys(_done(members=_members(women=1)))
    assert eb.NO_WOMAN not in _keys(_done(members=_members(women=0), announced_on="", handover_on=""))
    [f] = [f for f in eb.findings(_done(members=_members(women=0)), TODAY) if f.key == eb.NO_WOMAN]
    assert f.finding.basis == organic_law(6, on="2026-05-10")


def test_handover_on_day_10_is_in_time_day_11_is_late():
    assert eb.HANDOVER_LATE not in _keys(_done(handover_on="2026-05-20"))  # day 10
    assert eb.HANDOVER_LATE in _keys(_done(handover_on="2026-05-21"))  # day 11
    open_ = _done(handover_on="")
    assert eb.HANDOVER_LATE not in _keys(open_, date(2026, 5, 20))  # 10 days after, not yet done: still in time
    [f] = [f for f in eb.findings(open_, date(2026, 5, 21)) if f.key == eb.HANDOVER_LATE]
    assert "11 天" in f.text() and f.finding.basis == organic_law(20, on="2026-05-10")


def test_audit_published_the_day_before_the_vote_is_in_time_the_day_itself_is_not():
    assert eb.AUDIT_LATE not in _keys(_done(audit_published_on="2026-05-09"))
    assert eb.AUDIT_LATE in _keys(_done(audit_published_on="2026-05-10"))
    [f] = [f for f in eb.findings(_done(audit_published_on=""), TODAY) if f.key == eb.AUDIT_LATE]
    assert f.finding.basis == organic_law(35, on="2026-05-10") and "下一届村民委员会选举之前" in f.text()
    assert eb.AUDIT_LATE not in _keys(_done(audit_published_on="", kind="by_election"))  # a 补选 has none


def test_turnout_exactly_half_is_invalid_one_more_is_valid():
    half = _done(rounds=(RoundFact(1, "main", "2026-05-10", 600, 500, 0),))
    [f] = [f for f in eb.findings(half, TODAY) if f.key == eb.TURNOUT_LOW]
    assert f.severity == ERROR
    assert "选举无效" in f.text() and f.finding.basis == organic_law(15, on="2026-05-10")
    assert f.text().startswith("正式选举(2026-05-10):")
    assert eb.TURNOUT_LOW not in _keys(_done(rounds=(RoundFact(1, "main", "2026-05-10", 600, 501, 0),)))
    odd = _done(registered=999, rounds=(RoundFact(1, "main", "2026-05-10", 600, 499, 0),
                                        RoundFact(2, "runoff", "2026-05-11", 600, 500, 0)))
    assert [f.key for f in eb.findings(odd, TODAY)] == [eb.TURNOUT_LOW]  # 499 of 999 fails, 500 of 999 passes


def test_more_ballots_cast_than_issued_is_marked_as_a_count_that_cannot_be():
    e = _done(rounds=(RoundFact(1, "main", "2026-05-10", 800, 850, 0),))
    [f] = [f for f in eb.findings(e, TODAY) if f.key == eb.COUNT_WRONG]
    assert "多于发出" in f.text()


def test_the_2026_text_is_cited_after_the_amendment():
    e = _done(election_day="2026-05-10", members=_members(women=0))
    [f] = [f for f in eb.findings(e, TODAY) if f.key == eb.NO_WOMAN]
    assert "(2025)第八条" in f.text()  # 2018 第六条 is the amended text's 第八条
    old = replace(e, election_day="2021-05-10", rounds=(RoundFact(1, "main", "2021-05-10", 900, 850),),
                  announced_on="2021-05-10", handover_on="2021-05-12", audit_published_on="2021-05-01",
                  roll_published_on="2021-04-01")
    texts = {f.key: f.text() for f in eb.findings(replace(old, roll_published_on="2021-04-25",
                                                              audit_published_on=""), TODAY)}
    assert "(2018)第六条" in texts[eb.NO_WOMAN] and "(2018)第十四条" in texts[eb.ROLL_LATE]
    assert "(2018)第三十五条" in texts[eb.AUDIT_LATE]


def test_a_village_without_a_package_is_apart_and_the_board_empty_until_an_election_arrives():
    silent = eb.village_row(VillageElection("1", "甲村"), TODAY)
    quiet = eb.village_row(VillageElection("2", "乙村", "2026-08-01"), TODAY)
    board = eb.ElectionBoard("镇", "3", TODAY, (silent, quiet))
    assert board.silent == (silent,) and board.reporting == (quiet,) and board.empty
    assert quiet.stage == eb.NOT_STARTED and quiet.turnout is None
    voted = eb.village_row(VillageElection("3", "丙村", "2026-08-01", _done()), TODAY)
    assert not eb.ElectionBoard("镇", "3", TODAY, (silent, voted)).empty
    assert voted.turnout == 0.85 and voted.women_elected == 1


# --- the 统计表 -------------------------------------------------------------------------------

def test_age_bands_at_the_boundaries():
    day = date(2026, 5, 10)
    assert st.age_band(1991, day) == "35" and st.age_band(1990, day) == "36_50"
    assert st.age_band(1976, day) == "36_50" and st.age_band(1975, day) == "51_60"
    assert st.age_band(1966, day) == "51_60" and st.age_band(1965, day) == "over_60"
    assert st.age_band(None, day) == "unknown"


def test_counts_of_a_village():
    members = (
        MemberFact("a", "甲", "vc_chair", "男", 1975, "中共党员", "大专", "汉族"),
        MemberFact("b", "乙", "vc_vice", "女", 1995, "中共预备党员", "高中", "苗族"),
        MemberFact("c", "丙", "vc_member", "男", 1960, "群众", "初中", ""),
        MemberFact("d", "丁", "vc_member", "女", None, "", "", ""),
    )
    e = _done(members=members, seats=5)
    roles = (
        RoleFact("a", "party_secretary", "2021-03-01", ""),  # 一肩挑 and 交叉任职
        RoleFact("b", "party_committee", "2021-03-01", "2026-05-01"),  # ended before: not 交叉任职
        RoleFact("c", "vc_member", "2021-05-20", "2026-05-10"),  # the previous term: 连任
        RoleFact("d", "vc_member", "2016-05-01", "2021-05-01"),  # the term before that: not 连任
    )
    c = st.village_counts(e, roles)
    assert (c.seats, c.elected, c.chairs, c.vices, c.members, c.women) == (5, 4, 1, 1, 2, 2)
    assert (c.age_35, c.age_36_50, c.age_51_60, c.age_over_60, c.age_unknown) == (1, 0, 1, 1, 1)
    assert (c.party, c.college, c.high_school, c.middle_or_less, c.education_unknown) == (2, 1, 1, 1, 1)
    assert (c.minority, c.one_shoulder, c.cross, c.reelected) == (1, 1, 1, 1)
    assert c.turnout == 0.85
    t = st.total([c, c, st.village_counts(None)])
    assert t.elected == 8 and t.one_shoulder == 2 and t.turnout == 0.85


def test_an_invalid_vote_is_never_complete_whatever_was_recorded_after():
    invalid = _done(rounds=(RoundFact(1, "main", "2026-05-10", 600, 500, 0),))
    assert eb.stage(invalid, TODAY) == eb.DONE  # the records alone
    assert eb.village_row(VillageElection("1", "甲村", "2026-08-01", invalid), TODAY).stage == eb.HANDED_OVER


def test_a_by_elections_invalid_vote_is_marked_without_undoing_the_completed_general_election():
    by = ElectionFact("b1", "by_election", "补选委员", "2026-07-01", 1, registered=1000,
                      rounds=(RoundFact(1, "main", "2026-07-01", 600, 500, 0),))
    row = eb.village_row(VillageElection("1", "甲村", "2026-08-01", _done(), (by,)), TODAY)
    assert row.stage == eb.DONE
    [f] = row.findings
    assert f.key == eb.TURNOUT_LOW and f.text().startswith("补选(2026-07-01):")


def test_a_recall_recorded_as_passed_without_both_majorities_is_marked():
    def row(cast, agree):
        r = eb.RecallFact("张三", "2026-06-01", "2026-07-01", "recalled", 1000, cast, agree)
        return eb.village_row(VillageElection("1", "甲村", "2026-08-01", _done(), recalls=(r,)), TODAY)

    assert row(501, 251).findings == ()
    [f] = row(500, 400).findings  # exactly half voted
    assert f.key == eb.RECALL_SHORT and f.text().startswith("罢免张三(2026-07-01):")
    assert [f.key for f in row(501, 250).findings] == [eb.RECALL_SHORT]  # exactly half agreed


def test_the_2021_election_is_the_previous_round_in_the_last_year_of_its_term():
    old = _done(election_day="2021-05-10", rounds=(RoundFact(1, "main", "2021-05-10", 900, 850),))
    # the term opened on 2021-05-10 ends on 2026-05-09: from 2025-05-10 the next 换届 is due
    assert eb.this_round(old, date(2025, 5, 9)) == (old, None)
    assert eb.this_round(old, date(2025, 5, 10)) == (None, old)
    assert eb.this_round(_done(), TODAY) == (_done(), None)
    assert eb.this_round(None, TODAY) == (None, None)


def test_an_election_day_passed_without_a_vote_is_marked_and_the_audit_waits_for_the_vote():
    planned = ElectionFact("e", election_day="2026-08-06", committee_chosen_on="2026-06-17")
    assert eb.VOTE_OVERDUE not in _keys(planned, date(2026, 8, 6))  # the day itself: the vote may be on
    keys = _keys(planned, date(2026, 8, 7))
    assert eb.VOTE_OVERDUE in keys and eb.AUDIT_LATE not in keys  # no vote on record: the audit is not judged
    assert eb.VOTE_OVERDUE not in _keys(_done(), TODAY)


def test_a_previous_round_election_whose_day_passed_without_a_vote_is_marked_whatever_the_round():
    def keys(previous, today=TODAY):
        return [f.key for f in eb.village_row(VillageElection("1", "金鸡村", "2026-08-01", previous=previous),
                                              today).findings]

    planned = ElectionFact("e", election_day="2026-09-01", committee_chosen_on="2026-07-01",
                           roll_published_on="2026-08-01", registered=800)
    assert keys(planned) == []  # the day itself: the vote may be on
    assert keys(planned, date(2026, 9, 2)) == [eb.VOTE_OVERDUE]  # the day after, no round recorded
    finished = _done(election_day="2021-05-10", rounds=(RoundFact(1, "main", "2021-05-10", 900, 850),),
                     announced_on="2021-05-10", handover_on="2021-05-15")
    assert keys(finished) == []  # an old election by the book, the previous round's: not marked
    # a vote planned for 2022 and never held: this_round counts it the previous round's, the board still asks
    stalled = replace(planned, election_day="2022-03-01", committee_chosen_on="2022-01-10",
                      roll_published_on="2022-02-01")
    general, previous = eb.this_round(stalled, TODAY)
    assert (general, previous) == (None, stalled)
    row = eb.village_row(VillageElection("1", "金鸡村", "2026-08-01", general, previous=previous), TODAY)
    assert row.stage == eb.NOT_STARTED and [f.key for f in row.findings] == [eb.VOTE_OVERDUE]
    assert "2022-03-01 已过" in row.findings[0].text() and "核实" in row.findings[0].text()
