"""Candidates and 委托 rules, pure: who may stand, the committee member who leaves, who may vote for whom."""

from __future__ import annotations

from models.elections import candidates as cand
from models.elections import proxy as px
from models.elections.profiles import NATIONAL_PROXY_RULE, ProxyRule, proxy_rule

SEATS = {"vc_chair": 1, "vc_member": 3}


def _nominee(**changes) -> cand.Nominee:
    values = dict(person_id="p1", name="王建国", post="vc_chair", is_voter=True, on_committee=False)
    values.update(changes)
    return cand.Nominee(**values)


def test_a_listed_voter_may_stand():
    assert cand.refusal(_nominee(), SEATS, "2026-06-20") is None


def test_someone_not_on_the_roll_may_not_stand():
    text = str(cand.refusal(_nominee(is_voter=False), SEATS, "2025-06-20"))
    assert "不在这次选举的选民名单上" in text and "第十三条" in text


def test_a_post_not_elected_and_the_same_post_twice_are_refused():
    assert "不选副主任" in str(cand.refusal(_nominee(post="vc_vice"), SEATS, ""))
    assert "已经是主任候选人" in str(cand.refusal(_nominee(post="vc_chair", already_for="vc_chair"), SEATS, ""))


def test_a_second_post_is_the_province_s_rule_a_warning_not_a_refusal():
    second = _nominee(post="vc_member", already_for="vc_chair")
    assert cand.refusal(second, SEATS, "") is None
    note = str(cand.second_post_note(second))
    assert "已经是主任候选人" in note and "本省选举办法" in note and "惯例" in note
    assert cand.second_post_note(_nominee(post="vc_chair")) is None


def test_a_committee_member_nominated_leaves_the_committee():
    assert cand.committee_withdrawal(_nominee(), "2025-06-20") is None
    note = str(cand.committee_withdrawal(_nominee(on_committee=True), "2025-06-20"))
    assert "依法退出村民选举委员会" in note and "(2018)第十二条" in note


def test_margin_exactly_equal_is_too_few_one_more_is_enough():
    assert len(cand.margin_problems(SEATS, {"vc_chair": 1, "vc_member": 4}, "")) == 1
    assert cand.margin_problems(SEATS, {"vc_chair": 2, "vc_member": 4}, "") == []


def _request(**changes) -> px.ProxyRequest:
    values = dict(voter_name="李大山", proxy_name="李小河", voter_listed=True, proxy_listed=True, relation="child")
    values.update(changes)
    return px.ProxyRequest(**values)


def test_every_near_relative_of_civil_code_1045_may_be_a_proxy():
    for relation in ("spouse", "parent", "child", "sibling", "grandparent", "grandchild"):
        assert px.refusal(_request(relation=relation), "2026-06-20") is None


def test_an_in_law_or_an_unknown_relation_is_not_a_near_relative():
    text = str(px.refusal(_request(relation="in_law"), "2025-06-20"))
    assert "不是李大山的近亲属(姻亲)" in text and "第十五条" in text and "《民法典》(2020)第1045条" in text
    assert "名册中没有记载亲属关系" in str(px.refusal(_request(relation=""), "2025-06-20"))


def test_both_must_be_on_the_roll():
    assert "李小河不在选民名单上" in str(px.refusal(_request(proxy_listed=False), ""))
    assert "李大山不在选民名单上" in str(px.refusal(_request(voter_listed=False), ""))


def test_one_proxy_per_voter_and_no_proxy_who_is_away():
    assert "一张选票只能委托一人" in str(px.refusal(_request(already_entrusted=True), ""))
    assert "不能再受托" in str(px.refusal(_request(proxy_gives_own=True), ""))
    assert "同一个人" in str(px.refusal(_request(same_person=True), ""))


def test_the_limit_of_three_is_practice_at_the_limit_fine_one_over_warned():
    assert NATIONAL_PROXY_RULE.max_per_proxy == 3 and not NATIONAL_PROXY_RULE.binding
    assert proxy_rule("zhejiang") is NATIONAL_PROXY_RULE  # no province text read yet: the practice
    assert px.limit_warning(_request(proxy_accepts=2), NATIONAL_PROXY_RULE) is None  # the third: at the limit
    warning = str(px.limit_warning(_request(proxy_accepts=3), NATIONAL_PROXY_RULE))  # the fourth
    assert "将接受4人的委托,超过3人" in warning and "惯例" in warning
    assert px.limit_warning(_request(proxy_accepts=9), ProxyRule(None, False, "")) is None


def test_surely_under_18_at_its_boundary():
    from datetime import date

    day = date(2026, 6, 20)
    assert not cand.surely_under_18(2008, 6, day)  # 18 in the election month: reached (no day known)
    assert cand.surely_under_18(2008, 7, day)  # a month short
    assert not cand.surely_under_18(2008, None, day)  # year only: may be 18 already
    assert cand.surely_under_18(2009, None, day)
    assert not cand.surely_under_18(None, None, day)  # unknown: not refused


def test_a_by_election_candidate_needs_no_roll_but_the_right_to_stand():
    text = str(cand.refusal(_nominee(is_voter=False, by_election=True), SEATS, "2025-06-20"))
    assert "不能作补选的候选人" in text and "第十三条" in text
