"""选民登记 rules (组织法 2018 第十三条, 第十四条): every day limit at its boundary, pure functions only."""

from __future__ import annotations

from datetime import date

from models.elections import roll
from models.elections.records import VOTER_AWAY, VOTER_INCOMER, VOTER_RESIDENT
from models.meetings.quorum import ERROR, WARNING

DAY = date(2026, 5, 15)


def test_eighteenth_birthday_on_the_election_day_may_vote_the_day_after_may_not():
    assert roll.age_status(2008, 5, DAY, birth_day=15) == roll.ELIGIBLE
    assert roll.age_status(2008, 5, DAY, birth_day=16) == roll.UNDERAGE
    assert roll.age_status(2008, 5, DAY, birth_day=14) == roll.ELIGIBLE


def test_leap_day_births_are_eighteen_on_the_first_of_march():
    assert roll.age_status(2008, 2, date(2026, 2, 28), birth_day=29) == roll.UNDERAGE
    assert roll.age_status(2008, 2, date(2026, 3, 1), birth_day=29) == roll.ELIGIBLE


def test_year_and_month_decide_outside_the_election_month_and_ask_inside_it():
    assert roll.age_status(2008, 4, DAY) == roll.ELIGIBLE
    assert roll.age_status(2008, 6, DAY) == roll.UNDERAGE
    assert roll.age_status(2008, 5, DAY) == roll.VERIFY  # born in May 2008: before or after the 15th?
    assert roll.age_status(2008, 5, date(2026, 5, 31)) == roll.ELIGIBLE  # the month's last day: all born by then


def test_year_only_decides_outside_the_election_year_and_unknown_birth_is_verify():
    assert roll.age_status(2007, None, DAY) == roll.ELIGIBLE
    assert roll.age_status(2009, None, DAY) == roll.UNDERAGE
    assert roll.age_status(2008, None, DAY) == roll.VERIFY
    assert roll.age_status(2008, None, date(2026, 12, 31)) == roll.ELIGIBLE
    assert roll.age_status(None, None, DAY) == roll.VERIFY


def test_age_shown_is_the_lower_one_when_the_birthday_is_not_sure():
    assert roll.age_on(2008, 4, DAY) == 18
    assert roll.age_on(2008, 5, DAY) == 17
    assert roll.age_on(2008, 5, date(2026, 5, 31)) == 18
    assert roll.age_on(1960, None, DAY) == 65
    assert roll.age_on(None, None, DAY) is None


def test_publication_exactly_twenty_days_before_is_in_time_nineteen_is_not():
    assert roll.latest_publication(DAY) == date(2026, 4, 25)
    assert roll.publication_finding(date(2026, 4, 25), DAY) is None
    late = roll.publication_finding(date(2026, 4, 26), DAY)
    assert late is not None and late.severity == WARNING
    assert "二十日前" in late.text() and "(2025)第十四条" not in late.text() and "(原第十四条)" in late.text()  # 2026: the amended text, number unknown
    after = roll.publication_finding(date(2026, 5, 16), DAY)
    assert after is not None and after.severity == ERROR


def test_a_2025_election_cites_article_14_of_the_2018_text():
    late = roll.publication_finding(date(2025, 5, 1), date(2025, 5, 10))
    assert "(2018)第十四条" in late.text()


def test_objection_on_day_five_is_in_time_day_six_is_late():
    published = date(2026, 4, 20)
    assert roll.objection_deadline(published) == date(2026, 4, 25)
    assert roll.objection_finding(published, date(2026, 4, 25), DAY) is None
    late = roll.objection_finding(published, date(2026, 4, 26), DAY)
    assert late is not None and late.severity == WARNING and "五日内" in late.text()
    early = roll.objection_finding(published, date(2026, 4, 19), DAY)
    assert early is not None and early.severity == ERROR


def test_decision_on_day_three_is_in_time_day_four_is_late():
    raised = date(2026, 4, 22)
    assert roll.decision_deadline(raised) == date(2026, 4, 25)
    assert roll.decision_finding(raised, date(2026, 4, 25), DAY) is None
    late = roll.decision_finding(raised, date(2026, 4, 26), DAY)
    assert late is not None and late.severity == WARNING and "三日内" in late.text()
    assert roll.decision_finding(raised, date(2026, 4, 21), DAY).severity == ERROR


def _person(pid, name, year, month=None, left_on=""):
    return roll.RegisterPerson(pid, name, "男", year, month, "第一组", left_on)


def test_preview_lists_adults_and_says_why_others_are_left_out():
    people = [_person("a", "成年", 1980, 1), _person("b", "未成年", 2009, 1), _person("c", "待核", 2008, 5),
              _person("d", "迁出", 1970, 1, left_on="2026-03-01"), _person("e", "选后迁出", 1970, 1, left_on="2026-05-16"),
              _person("f", "无生日", None), _person("g", "已在", 1970, 1), _person("h", "剥夺", 1970, 1)]
    found = roll.preview(people, DAY, already_listed=["g"], kept_off=["h"])
    assert [line.person.name for line in found.listed] == ["成年", "待核", "选后迁出", "无生日"]
    assert {line.person.name for line in found.to_verify} == {"待核", "无生日"}
    assert all(line.category == VOTER_RESIDENT for line in found.listed)
    assert {line.person.name for line in found.left_out} == {"未成年", "迁出", "剥夺"}
    assert found.already == 1


def _line(vid, pid, name, year=1970, month=1, category=VOTER_RESIDENT, **kw):
    return roll.RollLine(vid, pid, name, year, month, category, **kw)


def test_the_same_person_twice_is_an_error_same_name_and_birth_a_warning():
    lines = [_line("1", "p1", "张三"), _line("2", "p1", "张三"), _line("3", "p2", "张三"), _line("4", "p3", "张三", 1971)]
    found = roll.check_lines(lines, DAY)
    by_line = {(f.voter_id, f.finding.severity) for f in found}
    assert ("2", ERROR) in by_line
    assert ("3", WARNING) in by_line
    assert not any(f.voter_id in ("1", "4") for f in found)


def test_an_incomer_needs_a_villagers_or_representatives_meeting_before_the_day():
    ok = _line("1", "p1", "外来甲", category=VOTER_INCOMER, admitted_meeting_id="m", admitted_meeting_type="representatives",
               admitted_on="2026-04-01", resident_since="2024-01-01")
    none = _line("2", "p2", "外来乙", category=VOTER_INCOMER)
    wrong = _line("3", "p3", "外来丙", category=VOTER_INCOMER, admitted_meeting_id="m2",
                  admitted_meeting_type="two_committees", admitted_on="2026-04-01")
    after = _line("4", "p4", "外来丁", category=VOTER_INCOMER, admitted_meeting_id="m3", admitted_meeting_type="assembly",
                  admitted_on="2026-05-16")
    away = _line("5", "p5", "外出", category=VOTER_AWAY)
    found = {f.voter_id for f in roll.check_lines([ok, none, wrong, after, away], DAY)}
    assert found == {"2", "3", "4"}


def test_lines_under_age_or_gone_are_errors_and_verify_lines_warnings():
    lines = [_line("1", "p1", "小", 2008, 6), _line("2", "p2", "走", left_on="2026-05-15"),
             _line("3", "p3", "核", 2008, 5, verify=True)]
    found = {(f.voter_id, f.finding.severity) for f in roll.check_lines(lines, DAY)}
    assert found == {("1", ERROR), ("2", ERROR), ("3", WARNING)}


def _incomer(since):
    return _line("1", "p1", "外来甲", category=VOTER_INCOMER, admitted_meeting_id="m",
                 admitted_meeting_type="representatives", admitted_on="2026-04-01", resident_since=since)


def test_an_incomer_has_lived_in_the_village_a_year_by_the_day_exactly_one_year_is_enough():
    assert roll.residence_problem("2025-05-15", DAY) is None  # exactly one year: 一年以上 includes it
    assert roll.residence_problem("2020-01-01", DAY) is None
    short = roll.residence_problem("2025-05-16", DAY)  # one day short
    assert short is not None and short[0] == ERROR and "不满一年" in short[1]
    assert roll.residence_problem("2026-06-01", DAY)[0] == ERROR  # moved in after the day
    missing = roll.residence_problem("", DAY)
    assert missing == (WARNING, "{name}居住时间未登记,请核实是否满一年")
    found = {(f.voter_id, f.finding.severity) for f in roll.check_lines([_incomer("2025-05-16")], DAY)}
    assert found == {("1", ERROR)}
    assert roll.check_lines([_incomer("2025-05-15")], DAY) == []
    unrecorded = roll.check_lines([_incomer("")], DAY)
    assert [f.finding.severity for f in unrecorded] == [WARNING]
    assert "外来甲居住时间未登记" in unrecorded[0].finding.text() and "第十三条" in unrecorded[0].finding.text()


def test_a_year_of_residence_from_29_february_ends_on_28_february():
    # 民法典 第二百零二条: no corresponding day → the last day of the month.
    assert roll.residence_complete(date(2024, 2, 29)) == date(2025, 2, 28)
    assert roll.residence_problem("2024-02-29", date(2025, 2, 28)) is None
    assert roll.residence_problem("2024-02-29", date(2025, 2, 27))[0] == ERROR
    # An election on 29 February: living there since 28 February of the year before is a year.
    assert roll.residence_problem("2027-02-28", date(2028, 2, 29)) is None
    assert roll.residence_problem("2027-03-01", date(2028, 2, 29))[0] == ERROR
