"""罢免 (组织法 16), 职务自行终止 (18), 补选 (19) and 推选 (25, 28): the thresholds at their boundaries."""

from __future__ import annotations

import pytest

from models.elections import recall as rc
from models.elections import selection as sel
from models.elections.records import (
    BODY_GROUPS,
    BODY_REPRESENTATIVES,
    METHOD_GROUP,
    METHOD_HOUSEHOLDS,
    RECALL_BY_REPRESENTATIVES,
    RECALL_BY_VOTERS,
    RECALL_NOT_RECALLED,
    RECALL_RECALLED,
    SELECT_GROUP_LEADER,
    SELECT_REPRESENTATIVE,
)

DAY = "2025-06-01"


def _texts(findings):
    return " ".join(f.text() for f in findings)


@pytest.mark.parametrize(("signers", "base", "met"), [
    (20, 100, True), (19, 100, False),  # exactly ⅕ is enough ("以上")
    (5, 23, True), (4, 23, False),      # ⅕ of 23 = 4.6 -> 5
])
def test_request_by_voters_needs_one_fifth(signers, base, met):
    verdict = rc.check_request(RECALL_BY_VOTERS, signers, base, DAY, "不履行职责")
    assert verdict.met is met
    assert verdict.needed == (20 if base == 100 else 5)
    text = _texts(verdict.findings)
    assert ("可以提出罢免要求" if met else "罢免要求不成立") in text
    assert "(2018)第十六条" in text


@pytest.mark.parametrize(("signers", "base", "met"), [
    (10, 30, True), (9, 30, False),  # exactly ⅓
    (8, 23, True), (7, 23, False),   # ⅓ of 23 = 7.67 -> 8
])
def test_request_by_representatives_needs_one_third(signers, base, met):
    verdict = rc.check_request(RECALL_BY_REPRESENTATIVES, signers, base, DAY, "理由")
    assert verdict.met is met
    assert "三分之一以上" in _texts(verdict.findings)


def test_a_request_without_reasons_or_base_or_with_too_many_signers():
    assert "说明要求罢免的理由" in _texts(rc.check_request(RECALL_BY_VOTERS, 30, 100, DAY, " ").findings)
    assert not rc.check_request(RECALL_BY_VOTERS, 3, 0, DAY, "x").met
    too_many = rc.check_request(RECALL_BY_VOTERS, 101, 100, DAY, "x")
    assert not too_many.met and "多于" in _texts(too_many.findings)


def test_a_2026_request_cites_the_amended_text_without_a_guessed_number():
    text = _texts(rc.check_request(RECALL_BY_VOTERS, 20, 100, "2026-03-01", "x").findings)
    assert "(2025)(原第十六条)" in text and "(2025)第十六条" not in text


@pytest.mark.parametrize(("registered", "cast", "turnout"), [(100, 50, False), (100, 51, True),
                                                             (23, 11, False), (23, 12, True)])
def test_vote_turnout_must_be_more_than_half_of_the_registered(registered, cast, turnout):
    verdict = rc.check_vote(registered, cast, cast, DAY)
    assert verdict.turnout_met is turnout
    assert verdict.passed is turnout
    assert ("表决有效" if turnout else "未过半数") in _texts(verdict.findings)


@pytest.mark.parametrize(("cast", "agree", "passed"), [(60, 30, False), (60, 31, True), (51, 25, False),
                                                       (51, 26, True)])
def test_vote_agreement_must_be_more_than_half_of_those_voting(cast, agree, passed):
    verdict = rc.check_vote(100, cast, agree, DAY)
    assert verdict.turnout_met
    assert verdict.passed is passed
    assert verdict.outcome == (RECALL_RECALLED if passed else RECALL_NOT_RECALLED)
    assert ("罢免通过" if passed else "罢免未通过") in _texts(verdict.findings)


def test_impossible_vote_numbers_are_named_and_do_not_pass():
    assert rc.vote_errors(100, 101, 0) and rc.vote_errors(100, 50, 51) and rc.vote_errors(0, 0, 0)
    assert rc.vote_errors(100, 60, 40) == []
    assert not rc.check_vote(100, 50, 51, DAY).passed


def test_answer_and_convening_reminders():
    assert "申辩意见" in _texts(rc.answer_findings("", "", DAY))
    assert rc.answer_findings("我没有失职", "2025-05-20", DAY) == []
    assert "晚于表决日" in _texts(rc.answer_findings("我没有失职", "2025-06-02", DAY))
    assert rc.convening_findings("2025-05-02", DAY, DAY) == []  # 30 days
    late = rc.convening_findings("2025-05-01", "", DAY)  # 31 days, no vote yet
    assert "还没有表决" in _texts(late) and "惯例" in _texts(late) and late[0].basis is None


def test_end_by_law_and_the_by_election_term():
    assert rc.end_by_law_detail(rc.CAUSE_SENTENCED, DAY) == \
        "职务自行终止(被判处刑罚),依据《村民委员会组织法》(2018)第十八条"
    with pytest.raises(ValueError):
        rc.end_by_law_detail("moved", DAY)
    # the latest 换届 on or before the day decides; without one, the earliest sitting member
    assert rc.current_term_end(["2021-05-06", "2026-05-06"], [], DAY) == "2026-05-05"
    assert rc.current_term_end([], ["2021-06-01", "2021-05-06"], DAY) == "2026-05-05"
    assert rc.current_term_end([], [], DAY) == ""
    assert "任期到本届村民委员会任期届满(2026-05-05)" in _texts(
        rc.by_election_findings(BODY_REPRESENTATIVES, "2026-05-05", DAY))
    assert "应当换届选举" in _texts(rc.by_election_findings(BODY_REPRESENTATIVES, "2025-05-05", DAY))
    assert "村民会议或者村民代表会议" in _texts(rc.by_election_findings(BODY_GROUPS, "2026-05-05", DAY))


@pytest.mark.parametrize(("households", "warned"), [(4, True), (5, False), (15, False), (16, True)])
def test_a_representative_per_five_to_fifteen_households(households, warned):
    found = sel.check_selection(sel.SelectionFacts(SELECT_REPRESENTATIVE, METHOD_HOUSEHOLDS, DAY,
                                                   households=households, term_end="2026-05-05"))
    assert ("每五户至十五户" in _texts(found)) is warned
    assert "到 2026-05-05 止" in _texts(found)


@pytest.mark.parametrize(("women", "members", "enough"), [(10, 30, True), (9, 30, False), (8, 23, True),
                                                          (7, 23, False)])
def test_women_representatives_one_third_of_the_members(women, members, enough):
    assert sel.women_enough(women, members) is enough
    found = sel.check_selection(sel.SelectionFacts(SELECT_REPRESENTATIVE, METHOD_GROUP, DAY, village_group="一组",
                                                   women=women, members=members, term_end="2026-05-05"))
    assert ("不足村民代表会议组成人员" in _texts(found)) is not enough


def test_group_leader_by_the_group_meeting_with_its_quorum_and_majority():
    def texts(**kw):
        facts = dict(kind=SELECT_GROUP_LEADER, method=METHOD_GROUP, held_on=DAY, village_group="一组",
                     term_end="2026-05-05")
        return _texts(sel.check_selection(sel.SelectionFacts(**(facts | kw))))

    assert "三分之二" not in texts(electors=20, group_size=30, votes=11)  # exactly ⅔, 11 of 20
    assert "不足本组 30 人(户)的三分之二" in texts(electors=19, group_size=30, votes=10)
    assert "未超过到会 20 人的半数" in texts(electors=20, group_size=30, votes=10)
    assert "(2018)第二十八条" in texts(electors=20, group_size=30, votes=10)
    assert "村民小组会议推选" in texts(method=METHOD_HOUSEHOLDS)
    assert "届满" in texts(term_end="2025-05-05")
    assert "(2025)" in texts(held_on="2026-06-01", term_end="2031-05-05")
