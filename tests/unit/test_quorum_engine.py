"""The quorum engine against every rule of DOMAIN §3.2, boundaries included."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.legal import chinese_number, organic_law
from models.meetings.quorum import (
    ABSENT,
    LEAVE,
    OBSERVER,
    PRESENT,
    Attendee,
    Ballot,
    MeetingFacts,
    evaluate,
)
from models.meetings.ratios import MORE_THAN_HALF, TWO_THIRDS_OR_MORE

# (type, expected, present, quorum met?) — DOMAIN §3.2, §3.1 counting conventions
QUORUM_CASES = [
    # 村民会议 (individuals): present*2 > adults
    ("assembly", 870, 435, False),  # exactly half is not 过半数
    ("assembly", 870, 436, True),
    ("assembly", 871, 436, True),
    ("assembly", 871, 435, False),
    # 村民会议 (households): present*3 >= households*2
    ("assembly_households", 300, 199, False),
    ("assembly_households", 300, 200, True),  # exactly two thirds
    ("assembly_households", 31, 20, False),
    ("assembly_households", 31, 21, True),  # 21*3 = 63 >= 62
    # 村民代表会议: present*3 >= members*2
    ("representatives", 30, 19, False),
    ("representatives", 30, 20, True),
    ("representatives", 35, 23, False),
    ("representatives", 35, 24, True),
    # 村民小组会议, both forms
    ("group", 90, 59, False),
    ("group", 90, 60, True),
    ("group_households", 40, 26, False),
    ("group_households", 40, 27, True),
    # 集体经济组织 成员大会: ⅔ of members present
    ("collective_members", 600, 399, False),
    ("collective_members", 600, 400, True),
]


@pytest.mark.parametrize(("kind", "expected", "present", "met"), QUORUM_CASES)
def test_quorum_boundaries(kind, expected, present, met):
    verdict = evaluate(MeetingFacts(kind, expected=expected, present=present))
    assert verdict.quorum_met is met
    assert verdict.valid is met


# (type, expected, present, yes, passed?)
VOTE_CASES = [
    ("assembly", 870, 500, 250, False),  # exactly half of attendees
    ("assembly", 870, 500, 251, True),
    ("representatives", 30, 21, 10, False),
    ("representatives", 30, 21, 11, True),
    ("group", 90, 60, 30, False),
    ("group", 90, 60, 31, True),
    # 集体经济组织: ⅔ of ALL members, not of attendees
    ("collective_members", 600, 450, 399, False),
    ("collective_members", 600, 450, 400, True),
    ("collective_representatives", 45, 45, 29, False),
    ("collective_representatives", 45, 45, 30, True),
    # 党员大会: more than half of all members entitled to attend
    ("party_members", 40, 30, 20, False),
    ("party_members", 40, 30, 21, True),
]


@pytest.mark.parametrize(("kind", "expected", "present", "yes", "passed"), VOTE_CASES)
def test_vote_boundaries(kind, expected, present, yes, passed):
    verdict = evaluate(MeetingFacts(kind, expected=expected, present=present), Ballot(yes, 0, 0))
    assert verdict.passed is passed


def test_the_reason_is_plain_chinese_with_the_article():
    verdict = evaluate(MeetingFacts("representatives", expected=30, present=19))
    text = verdict.errors[0].text()
    assert "实到 19 人,不足应到 30 人的三分之二以上(20 人),会议不能作出有效决定" in text
    assert "依据《村民委员会组织法》(2018)第二十六条" in text


def test_a_vote_at_a_meeting_without_quorum_is_void():
    verdict = evaluate(MeetingFacts("representatives", expected=30, present=19), Ballot(19))
    assert verdict.passed is False
    assert any("表决结果无效" in f.text() for f in verdict.errors)


@pytest.mark.parametrize(("present", "ballot", "fragment"), [
    (20, Ballot(15, 4, 2), "多于实到 20 人"),
    (20, Ballot(-1, 0, 0), "负数"),
])
def test_impossible_votes_are_refused(present, ballot, fragment):
    verdict = evaluate(MeetingFacts("representatives", expected=30, present=present), ballot)
    assert verdict.passed is False and any(fragment in f.text() for f in verdict.errors)


def test_present_more_than_expected_is_an_error():
    verdict = evaluate(MeetingFacts("assembly", expected=100, present=120))
    assert not verdict.valid and any("多于应到" in f.text() for f in verdict.errors)


def roster(present=20, absent=8, leave=2, observers=3, women=12, reps=None):
    people = []
    statuses = [PRESENT] * present + [ABSENT] * absent + [LEAVE] * leave
    total = len(statuses)
    reps = total - 5 if reps is None else reps
    for i, status in enumerate(statuses):
        people.append(Attendee(f"p{i}", status, "女" if i < women else "男", i >= total - reps))
    people += [Attendee(f"o{i}", OBSERVER, "男") for i in range(observers)]
    return tuple(people)


def test_roster_counts_come_from_the_list_not_typed_numbers():
    facts = MeetingFacts("representatives", attendees=roster(), expected=33, present=23)
    verdict = evaluate(facts)
    assert (verdict.expected, verdict.present) == (30, 20)  # observers are not members
    assert verdict.quorum_met
    assert sum("不一致" in f.text() for f in verdict.errors) == 2


def body(women_reps: int, reps: int, women_committee: int = 0, total: int = 30) -> tuple[Attendee, ...]:
    """A 代表会议 of `total` members: `reps` 村民代表 (the first `women_reps` of them women), the rest 村委会."""
    people = [Attendee(f"r{i}", PRESENT, "女" if i < women_reps else "男", True) for i in range(reps)]
    people += [Attendee(f"c{i}", PRESENT, "女" if i < women_committee else "男", False) for i in range(total - reps)]
    return tuple(people)


# Issue 17, "Composition": women are counted among the representatives only, and a composition
# shortfall is a finding beside the decisions (a warning), not a reason to void them.
@pytest.mark.parametrize(("women", "reps", "women_committee", "fragments"), [
    (10, 25, 0, []),  # exactly one third of 30, exactly four fifths (24) and more
    (9, 25, 5, ["妇女村民代表 9 人,不足组成人员 30 人的三分之一(10 人)"]),  # committee women do not count
    (10, 24, 0, []),
    (10, 23, 0, ["村民代表 23 人,不足组成人员 30 人的五分之四(24 人)"]),
])
def test_representatives_composition(women, reps, women_committee, fragments):
    verdict = evaluate(MeetingFacts("representatives", attendees=body(women, reps, women_committee)))
    texts = [f.text() for f in verdict.warnings]
    for fragment in fragments:
        assert any(fragment in t for t in texts), texts
    assert not verdict.errors and verdict.valid  # reported, never voiding
    if not fragments:
        assert not verdict.warnings
    assert all("第二十五条" in t for t in texts)


@pytest.mark.parametrize(("kind", "province", "days_before", "severity"), [
    ("assembly", "national", 10, None),
    ("assembly", "national", 9, "error"),
    ("representatives", "national", 0, None),  # no national notice period
    ("representatives", "zhejiang", 3, None),
    ("representatives", "zhejiang", 2, "warning"),
    ("representatives", "shandong", 4, "warning"),
    ("representatives", "shandong", 5, None),
])
def test_notice_periods(kind, province, days_before, severity):
    day = date(2026, 5, 20)
    notice = date.fromordinal(day.toordinal() - days_before)
    verdict = evaluate(MeetingFacts(kind, day, notice, expected=30, present=25, province=province))
    notice_findings = [f for f in verdict.findings if "通知" in f.text()]
    if severity is None:
        assert notice_findings == []
    else:
        assert [f.severity for f in notice_findings] == [severity]


def test_notice_after_the_meeting_is_an_error():
    verdict = evaluate(MeetingFacts("assembly", date(2026, 5, 1), date(2026, 5, 3), expected=10, present=9))
    assert any("晚于开会日期" in f.text() for f in verdict.errors)


def test_practice_bodies_warn_but_do_not_void():
    verdict = evaluate(MeetingFacts("two_committees", expected=9, present=4))
    assert verdict.valid and verdict.warnings


def test_ratios_match_the_definitions():
    assert TWO_THIRDS_OR_MORE.needed(31) == 21 and TWO_THIRDS_OR_MORE.needed(30) == 20
    assert MORE_THAN_HALF.needed(30) == 16 and MORE_THAN_HALF.needed(31) == 16


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_ratio_needed_is_the_smallest_count_that_meets(base, count):
    for ratio in (TWO_THIRDS_OR_MORE, MORE_THAN_HALF):
        needed = ratio.needed(base)
        assert ratio.met(needed, base) and not ratio.met(needed - 1, base)
        assert ratio.met(count, base) == (count >= needed)


STATUS = st.sampled_from([PRESENT, ABSENT, LEAVE, OBSERVER])
ATTENDEES = st.lists(
    st.builds(Attendee, st.uuids().map(str), STATUS, st.sampled_from(["男", "女"]), st.booleans()),
    min_size=1, max_size=60)


@given(ATTENDEES, st.randoms(use_true_random=False), st.integers(0, 60))
def test_verdict_does_not_depend_on_the_order_of_the_attendance_list(people, rnd, yes):
    shuffled = list(people)
    rnd.shuffle(shuffled)
    a = evaluate(MeetingFacts("representatives", attendees=tuple(people)), Ballot(yes))
    b = evaluate(MeetingFacts("representatives", attendees=tuple(shuffled)), Ballot(yes))
    assert (a.expected, a.present, a.quorum_met, a.passed) == (b.expected, b.present, b.quorum_met, b.passed)
    assert [f.text() for f in a.findings] == [f.text() for f in b.findings]


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (12, "十二"), (26, "二十六"),
                                          (40, "四十"), (105, "一百零五"), (1045, "1045")])
def test_chinese_article_numbers(n, text):
    assert chinese_number(n) == text


def test_citation_format():
    assert organic_law(24).cite() == "依据《村民委员会组织法》(2018)第二十四条"


# --- no attendance on record: the quorum cannot be judged (it is never assumed) -------------------

@pytest.mark.parametrize("kind", ["representatives", "two_committees", "supervision", "party_members"])
def test_an_empty_attendance_list_has_no_quorum(kind):
    verdict = evaluate(MeetingFacts(kind, date(2026, 11, 10)))
    assert verdict.quorum_met is False and verdict.quorum_judged is False and not verdict.valid
    assert (verdict.expected, verdict.present, verdict.needed_present) == (0, 0, None)
    texts = [f.text() for f in verdict.errors]
    assert any(t.startswith("还没有登记应到人员,无法判断是否达到") for t in texts), texts


def test_an_empty_representatives_list_cites_article_26():
    verdict = evaluate(MeetingFacts("representatives"))
    finding = next(f for f in verdict.errors if f.message.template.startswith("还没有登记应到人员"))
    assert finding.basis == organic_law(26)
    assert "三分之二以上" in finding.text() and "第二十六条" in finding.text()


def test_a_list_of_observers_only_has_no_quorum():
    people = tuple(Attendee(f"p{i}", OBSERVER) for i in range(4))
    verdict = evaluate(MeetingFacts("representatives", attendees=people))
    assert verdict.expected == 0 and verdict.quorum_met is False and verdict.quorum_judged is False


@pytest.mark.parametrize(("expected", "fragment"), [(None, "还没有登记应到人数"), (0, "还没有登记应到人数")])
def test_an_assembly_without_a_total_has_no_quorum(expected, fragment):
    verdict = evaluate(MeetingFacts("assembly", expected=expected, present=0))
    assert verdict.quorum_met is False and verdict.quorum_judged is False
    assert any(fragment in f.text() and "第二十二条" in f.text() for f in verdict.errors)


def test_an_assembly_whose_attendance_was_never_entered_has_no_quorum():
    verdict = evaluate(MeetingFacts("assembly_households", expected=300))
    assert verdict.quorum_met is False and verdict.quorum_judged is False
    assert verdict.needed_present == 200  # what it will take is still shown
    assert any("还没有登记实到人数" in f.text() for f in verdict.errors)


def test_a_vote_at_a_meeting_whose_quorum_cannot_be_judged_is_not_passed():
    verdict = evaluate(MeetingFacts("representatives"), Ballot(0))
    assert verdict.passed is False
    assert any("还不能判断会议是否达到法定人数" in f.text() for f in verdict.errors)


def test_recorded_attendance_is_judged_as_before():
    met = evaluate(MeetingFacts("representatives", attendees=roster()))
    assert met.quorum_judged and met.quorum_met and met.needed_present == 20
    nobody_came = tuple(Attendee(f"p{i}", ABSENT) for i in range(30))
    failed = evaluate(MeetingFacts("representatives", attendees=nobody_came))
    assert failed.quorum_judged and failed.quorum_met is False and failed.needed_present == 20
    assert any("实到 0 人,不足应到 30 人" in f.text() for f in failed.errors)
    practice = evaluate(MeetingFacts("two_committees", expected=10, present=3))
    assert practice.quorum_judged and practice.quorum_met  # a practice rule flags, never voids
