"""The election procedure engine: its steps, the next one, and every threshold at its boundary."""

from __future__ import annotations

from datetime import date

from models.elections import procedure as pr
from models.elections.procedure import ElectionFacts

SEATS = {"vc_chair": 1, "vc_vice": 1, "vc_member": 3}
ENOUGH = {"vc_chair": 2, "vc_vice": 2, "vc_member": 4}
LATER = date(2027, 1, 1)


def _ready(**changes) -> ElectionFacts:
    """A 换届 ready to vote on 2026-06-20 (roll published 2026-05-31, exactly twenty days before)."""
    values = dict(kind="general", election_day="2026-06-20", seats=SEATS, committee_chosen_on="2026-05-01",
                  committee_members=5, roll_published_on="2026-05-31", voters=800,
                  candidates_published_on="2026-06-10", candidates=ENOUGH, audit_published_on="2026-05-20")
    values.update(changes)
    return ElectionFacts(**values)


def _texts(messages) -> str:
    return "\n".join(str(m) for m in messages)


def test_a_new_general_election_starts_with_the_committee():
    step = pr.next_step(ElectionFacts("general", election_day="2026-06-20", seats=SEATS), date(2026, 3, 1))
    assert (step.key, step.possible) == ("committee", True)
    assert "选民名单最迟应在2026-05-31公布" in _texts(step.notes)


def test_roll_waits_for_the_committee_and_for_voters():
    step = pr.next_step(ElectionFacts("general", seats=SEATS, committee_chosen_on="2026-03-01"), LATER)
    assert (step.key, step.possible) == ("roll", False)
    assert "请先在“选民登记”中登记选民" in _texts(step.reasons)
    skipped = pr.why_not("roll", ElectionFacts("general", voters=5), LATER)
    assert "请先推选村民选举委员会" in _texts(skipped) and "第十二条" in _texts(skipped)


def test_roll_published_exactly_twenty_days_before_is_in_time():
    assert pr.roll_gap_problem("2026-05-31", "2026-06-20") is None
    step = pr.next_step(_ready(), LATER)
    assert (step.key, step.possible) == ("vote", True)


def test_roll_published_nineteen_days_before_is_too_late():
    problem = pr.roll_gap_problem("2026-06-01", "2026-06-20")
    assert "只有19天" in str(problem) and "二十日前" in str(problem)
    assert "(依据《村民委员会组织法》(2025)(原第十四条))" in str(problem)  # 2026: the amended text, no guessed number
    step = pr.next_step(_ready(roll_published_on="2026-06-01"), LATER)
    assert (step.key, step.possible) == ("vote", False)
    assert "请把选举日改到2026-06-21或以后" in _texts(step.reasons)
    roll = next(s for s in pr.steps_of(_ready(roll_published_on="2026-06-01")) if s.key == "roll")
    assert roll.problems


def test_a_2025_election_cites_the_2018_article():
    problem = pr.roll_gap_problem("2025-06-01", "2025-06-20")
    assert "《村民委员会组织法》(2018)第十四条" in str(problem)


def test_candidates_exactly_as_many_as_seats_are_too_few():
    equal = pr.shortfall_of_candidates(SEATS, {"vc_chair": 1, "vc_vice": 2, "vc_member": 4}, "2025-06-20")
    assert len(equal) == 1 and "主任应选1名,候选人只有1名" in str(equal[0]) and "第十五条" in str(equal[0])
    assert pr.shortfall_of_candidates(SEATS, ENOUGH, "2025-06-20") == []
    assert len(pr.shortfall_of_candidates(SEATS, {"vc_chair": 2, "vc_vice": 2, "vc_member": 3}, "")) == 1
    step = pr.next_step(_ready(candidates_published_on="", candidates=SEATS), LATER)
    assert (step.key, step.possible) == ("candidates", False)
    assert len(step.reasons) == 3


def test_proxies_must_be_published_before_the_vote_when_there_are_any():
    none = {s.key: s for s in pr.steps_of(_ready())}
    assert not none["proxies"].needed
    step = pr.next_step(_ready(proxies=2), LATER)
    assert (step.key, step.possible) == ("proxies", True)
    blocked = pr.why_not("vote", _ready(proxies=2), LATER)
    assert "有2人委托投票" in _texts(blocked)
    assert pr.next_step(_ready(proxies=2, proxies_published_on="2026-06-12"), LATER).key == "vote"


def test_the_vote_needs_the_audit_published_first():
    step = pr.next_step(_ready(audit_published_on=""), LATER)
    assert step.key == "audit" and step.possible
    assert "离任经济责任审计结果应当在下一届村民委员会选举之前公布" in _texts(pr.why_not("vote", _ready(
        audit_published_on=""), LATER))
    late = {s.key: s for s in pr.steps_of(_ready(audit_published_on="2026-06-20", vote_held_on="2026-06-20"))}
    assert late["audit"].problems  # on the election day itself is not before it


def test_the_vote_waits_for_the_election_day():
    step = pr.next_step(_ready(), date(2026, 6, 19))
    assert not step.possible and "还有1天" in _texts(step.reasons)
    assert pr.next_step(_ready(), date(2026, 6, 20)).possible


def test_the_announcement_is_on_the_day_of_the_vote():
    voted = _ready(vote_held_on="2026-06-20", elected=5)
    step = pr.next_step(voted, LATER)
    assert (step.key, step.possible) == ("announce", True)
    assert "选举结果应当当场公布,即2026-06-20" in _texts(step.notes)
    same = {s.key: s for s in pr.steps_of(_ready(vote_held_on="2026-06-20", announced_on="2026-06-20"))}
    assert not same["announce"].problems
    next_day = {s.key: s for s in pr.steps_of(_ready(vote_held_on="2026-06-20", announced_on="2026-06-21"))}
    assert "当场公布" in _texts(next_day["announce"].problems)
    assert pr.why_not("announce", _ready(vote_held_on="2026-06-20"), LATER)  # nobody elected yet


def test_the_announcement_waits_for_the_runoff_and_a_vote_held_again():
    # After a 正式选举 that leaves a 另行选举 some are elected already: the reason names what is left,
    # not "nobody elected" (found walking an empty village through the screens).
    pending = pr.why_not("announce", _ready(vote_held_on="2026-06-20", elected=3, vote_pending=("vc_vice",)), LATER)
    assert "副主任还要另行选举" in _texts(pending) and "还没有人当选" not in _texts(pending)
    invalid = pr.why_not("announce", _ready(vote_held_on="2026-06-20", vote_invalid=True), LATER)
    assert "最近一次投票无效" in _texts(invalid)
    assert not pr.why_not("announce", _ready(vote_held_on="2026-06-20", elected=5), LATER)


def test_a_vote_recorded_on_another_day_than_the_election_day_is_marked():
    # The count saved with a wrong date (found walking a village): the vote step says so, and a vote held
    # earlier than planned is judged against the list's twenty days.
    steps = {s.key: s for s in pr.steps_of(_ready(vote_held_on="2026-06-10"))}
    texts = _texts(steps["vote"].problems)
    assert "投票登记在2026-06-10,与选举日2026-06-20不一致" in texts
    assert "距选举日2026-06-10只有10天" in texts
    assert not {s.key: s for s in pr.steps_of(_ready(vote_held_on="2026-06-20"))}["vote"].problems
    later = {s.key: s for s in pr.steps_of(_ready(vote_held_on="2026-06-27"))}["vote"].problems
    assert "不一致" in _texts(later) and "二十日前" not in _texts(later)


def test_handover_within_ten_days():
    announced = _ready(vote_held_on="2026-06-20", elected=5, announced_on="2026-06-20")
    assert pr.handover_deadline("2026-06-20") == "2026-06-30"
    step = pr.next_step(announced, date(2026, 6, 30))
    assert step.key == "handover" and "2026-06-30前完成" in _texts(step.notes) and "逾期" not in _texts(step.notes)
    assert "已经逾期" in _texts(pr.next_step(announced, date(2026, 7, 1)).notes)
    on_time = {s.key: s for s in pr.steps_of(_ready(announced_on="2026-06-20", handover_on="2026-06-30"))}
    assert not on_time["handover"].problems
    late = {s.key: s for s in pr.steps_of(_ready(announced_on="2026-06-20", handover_on="2026-07-01"))}
    assert "十日内" in _texts(late["handover"].problems)
    done = pr.next_step(_ready(vote_held_on="2026-06-20", announced_on="2026-06-20", handover_on="2026-06-25"),
                        LATER)
    assert done.key is None and done.title == "已完成"


def test_a_by_election_has_no_committee_roll_audit_or_handover():
    facts = ElectionFacts("by_election", election_day="2026-03-02", seats={"vc_member": 1})
    assert [s.key for s in pr.steps_of(facts)] == ["candidates", "proxies", "vote", "announce"]
    step = pr.next_step(facts, LATER)
    assert step.key == "candidates" and not step.possible  # no candidate yet: 差额 needs two for one seat
    ready = ElectionFacts("by_election", election_day="2026-03-02", seats={"vc_member": 1},
                          candidates={"vc_member": 2}, candidates_published_on="2026-02-25")
    assert pr.next_step(ready, LATER) == pr.NextStep("vote", "投票选举", True)


def test_a_cancelled_election_has_no_next_step():
    step = pr.next_step(_ready(cancelled_on="2026-06-01"), LATER)
    assert step.cancelled and step.key is None and pr.stage_title(_ready(cancelled_on="x"), LATER) == "已取消"


def test_roll_waits_for_a_committee_with_members():
    chosen = ElectionFacts("general", seats=SEATS, committee_chosen_on="2026-03-01", voters=300)
    assert "还没有在任的成员" in _texts(pr.why_not("roll", chosen, LATER))
    one = ElectionFacts("general", seats=SEATS, committee_chosen_on="2026-03-01", voters=300, committee_members=1)
    assert pr.why_not("roll", one, LATER) == []


def test_candidate_list_five_days_before_is_in_time_four_is_warned_as_practice():
    assert pr.candidate_list_problem("2026-06-15", "2026-06-20", "zhejiang") is None
    late = pr.candidate_list_problem("2026-06-16", "2026-06-20", "zhejiang")
    assert "只有4天" in str(late) and "惯例" in str(late)
    steps = {s.key: s for s in pr.steps_of(_ready(candidates_published_on="2026-06-16"))}
    assert steps["candidates"].problems
    assert pr.next_step(_ready(candidates_published_on="2026-06-16"), LATER).possible  # a warning only
