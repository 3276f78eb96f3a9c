"""Issue 17, "Who decides" and "The corrections above": each at its threshold and one below.

Pure engine tests (no database): the vote rule other laws set for land and collective
matters, who may decide them, women counted among the representatives, composition
findings beside the decisions, and the citation of the 组织法 text in force on the day.
"""

from __future__ import annotations

from datetime import date

import pytest

from models.meetings.matters import vote_rule, who_may_decide
from models.meetings.quorum import PRESENT, Attendee, Ballot, MeetingFacts, evaluate

DAY = date(2025, 6, 1)


def reps_body(reps: int = 25, committee: int = 5, women_reps: int = 10) -> tuple[Attendee, ...]:
    """Everyone present: `reps` 村民代表 and `committee` 村委会 members."""
    return tuple([Attendee(f"r{i}", PRESENT, "女" if i < women_reps else "男", True) for i in range(reps)]
                 + [Attendee(f"c{i}", PRESENT, "男", False) for i in range(committee)])


def vote(type_code: str, matter: str, yes: int, *, expected: int | None = None, present: int | None = None,
         attendees: tuple[Attendee, ...] = (), on: date = DAY):
    facts = MeetingFacts(type_code, on, attendees=attendees, expected=expected, present=present)
    return evaluate(facts, Ballot(yes, 0, 0), vote_rule(matter, type_code))


# 1. Land: two-thirds of ALL members of the 村民会议 or of ALL 村民代表, not 过半数 of those present.
#    农村土地承包法 (2018) 第十九条第三项, 第二十八条, 第五十二条; 土地管理法 (2019) 第六十三条.
LAND = [("land_contracting", "《农村土地承包法》(2018)第十九条"),
        ("land_adjustment", "《农村土地承包法》(2018)第二十八条"),
        ("land_outsiders", "《农村土地承包法》(2018)第五十二条"),
        ("construction_land", "《土地管理法》(2019)第六十三条")]


@pytest.mark.parametrize(("matter", "citation"), LAND)
def test_land_at_the_assembly_needs_two_thirds_of_all_adults(matter, citation):
    # 30 adults, 25 present: 20 yes is two thirds of all 30 (20×3 = 60 ≥ 60); 19 is not,
    # although 19 is well over half of the 25 present (the rule the engine used to apply).
    passed = vote("assembly", matter, 20, expected=30, present=25)
    assert passed.passed is True and passed.needed_yes == 20
    failed = vote("assembly", matter, 19, expected=30, present=25)
    assert failed.passed is False
    text = failed.findings[-1].text()
    assert "全体成员 30 人的三分之二以上(20 票)" in text and citation in text


def test_land_at_the_household_assembly_counts_all_households():
    # 31 households, 25 represented: 21 yes (21×3 = 63 ≥ 62) passes, 20 does not.
    assert vote("assembly_households", "land_contracting", 21, expected=31, present=25).passed is True
    failed = vote("assembly_households", "land_contracting", 20, expected=31, present=25)
    assert failed.passed is False and "全体成员 31 户" in failed.findings[-1].text()


@pytest.mark.parametrize(("matter", "citation"), LAND)
def test_land_at_the_representatives_needs_two_thirds_of_all_representatives(matter, citation):
    # 25 村民代表 + 5 村委会 members all present: 17 yes is two thirds of the 25 representatives
    # (17×3 = 51 ≥ 50); 16 is not, although 16 is over half of the 30 present.
    body = reps_body()
    assert vote("representatives", matter, 17, attendees=body).passed is True
    failed = vote("representatives", matter, 16, attendees=body)
    assert failed.passed is False
    text = failed.findings[-1].text()
    assert "全体村民代表 25 人的三分之二以上(17 票)" in text and citation in text


def test_general_matters_keep_the_majority_of_those_present():
    assert vote_rule("general", "assembly") is None and vote_rule("subsidy", "representatives") is None
    # 13 of 25 present (过半数 of attendees, 组织法 第二十二条) still passes an ordinary matter.
    assert vote("assembly", "subsidy", 13, expected=30, present=25).passed is True


# 2. 农村集体经济组织法 (2024): the 成员大会 decides what 第二十六条 gives it; the 成员代表大会 not
#    what 第二十八条 keeps; without an organisation the 村委会 acts for it (第六十四条), by two thirds.
@pytest.mark.parametrize("matter", ["homestead", "land_compensation", "land_contracting", "construction_land",
                                    "collective_income", "property_disposal"])
def test_collective_members_assembly_decides_its_matters(matter):
    assert who_may_decide(matter, "collective_members", DAY) == []


def test_collective_members_assembly_still_may_not_decide_village_matters():
    findings = who_may_decide("subsidy", "collective_members", DAY)
    assert findings[0].severity == "error" and "不能决定" in findings[0].text()


@pytest.mark.parametrize(("matter", "withheld"), [("homestead", True), ("land_compensation", True),
                                                  ("land_contracting", True), ("construction_land", False),
                                                  ("collective_income", False)])
def test_collective_representatives_and_what_art28_keeps(matter, withheld):
    findings = who_may_decide(matter, "collective_representatives", DAY)
    if withheld:
        assert [f.severity for f in findings] == ["error"]
        assert "不交由成员代表大会行使" in findings[0].text()
        assert "《农村集体经济组织法》(2024)第二十八条" in findings[0].text()
    else:
        assert findings == []


def test_collective_bodies_vote_two_thirds_of_all_members():
    # 成员大会: 30 members, 24 present (≥ two thirds), 20 yes of all 30 passes, 19 not (第二十七条).
    assert vote("collective_members", "homestead", 20, expected=30, present=24).passed is True
    assert vote("collective_members", "homestead", 19, expected=30, present=24).passed is False


@pytest.mark.parametrize("matter", ["homestead", "land_compensation", "collective_member_rights"])
def test_village_assembly_acting_for_the_collective_needs_two_thirds_of_all(matter):
    findings = who_may_decide(matter, "assembly", DAY)
    assert [f.severity for f in findings] == ["warning"]
    assert "《农村集体经济组织法》(2024)第六十四条" in findings[0].text()
    assert vote("assembly", matter, 20, expected=30, present=25).passed is True
    assert vote("assembly", matter, 19, expected=30, present=25).passed is False


@pytest.mark.parametrize("type_code", ["group", "group_households"])
@pytest.mark.parametrize("matter", ["land_contracting", "land_adjustment", "land_compensation", "property_disposal"])
def test_group_meeting_decides_its_own_land(type_code, matter):
    # 组织法 第二十八条: "属于村民小组的集体所有的土地…由村民小组会议依照有关法律的规定讨论决定".
    assert who_may_decide(matter, type_code, DAY) == []


def test_group_meeting_land_vote_is_two_thirds_of_the_group():
    # 30 adults in the group, 24 present (the ⅔ quorum is 20): 20 yes passes, 19 does not.
    assert vote("group", "land_contracting", 20, expected=30, present=24).passed is True
    assert vote("group", "land_contracting", 19, expected=30, present=24).passed is False


def test_group_meeting_still_may_not_decide_village_matters():
    assert who_may_decide("subsidy", "group", DAY)[0].severity == "error"


# 3. Composition: women among the representatives; a shortfall does not void the decisions.
def test_composition_shortfall_leaves_the_decisions_standing():
    body = reps_body(reps=23, committee=7, women_reps=9)  # short on both counts
    verdict = evaluate(MeetingFacts("representatives", DAY, attendees=body), Ballot(20, 0, 0))
    assert verdict.passed is True and verdict.valid
    assert {f.severity for f in verdict.findings if "组成" in f.text()} == {"warning"}


# 5. Every finding cites the 组织法 in force on the meeting date.
def test_quorum_citation_follows_the_meeting_date():
    before = evaluate(MeetingFacts("representatives", date(2025, 12, 31), attendees=reps_body()))
    after = evaluate(MeetingFacts("representatives", date(2026, 1, 1), attendees=reps_body()))
    assert "(2018)第二十六条" in before.findings[0].text()
    assert "《村民委员会组织法》(2025)" in after.findings[0].text()
    assert "(2018)" not in " ".join(f.text() for f in after.findings)


def test_who_may_decide_cites_the_text_in_force():
    assert "(2018)第二十四条" in who_may_decide("subsidy", "two_committees", date(2025, 12, 31))[0].text()
    assert "(2025)" in who_may_decide("subsidy", "two_committees", date(2026, 1, 1))[0].text()


# 6. Land at the 村民代表会议 needs no 村民会议 授权: the land laws give the representatives the power
#    directly (农村土地承包法 (2018) 第十九条第三项, 第二十八条, 第五十二条); 组织法 第二十四条's
#    authorization rule stays for the other matters.
@pytest.mark.parametrize("matter", ["land_contracting", "land_adjustment", "land_outsiders", "construction_land"])
def test_land_at_the_representatives_needs_no_authorization(matter):
    assert who_may_decide(matter, "representatives", DAY) == []


def test_land_adjustment_at_the_representatives_without_authorization_at_the_boundary():
    # 25 村民代表 + 5 村委会 members, no authorization recorded: 17 yes is lawful, 16 is not.
    body = reps_body()
    lawful = vote("representatives", "land_adjustment", 17, attendees=body)
    assert who_may_decide("land_adjustment", "representatives", DAY) == [] and lawful.passed is True
    failed = vote("representatives", "land_adjustment", 16, attendees=body)
    assert failed.passed is False and "《农村土地承包法》(2018)第二十八条" in failed.findings[-1].text()


def test_other_art24_matters_at_the_representatives_still_need_authorization():
    for matter in ("subsidy", "homestead", "property_disposal"):
        findings = who_may_decide(matter, "representatives", DAY)
        assert findings[0].severity == "error" and "授权" in findings[0].text()
