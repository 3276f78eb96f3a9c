"""Eligibility (each kinship degree, each province exclusion), appraisal, matter life cycle."""

from __future__ import annotations

from datetime import date

import pytest

from models.kinship import CLOSE_RELATIONS, RELATIONS
from models.legal import organic_law
from models.supervision import appraisal as ap
from models.supervision import matters as mm
from models.supervision.eligibility import Candidate, Seat, check_candidate, check_composition

VC = frozenset({"vc_member"})


def test_a_village_committee_member_is_refused():
    findings = check_candidate(Candidate("p1", "王建国", frozenset({"vc_chair"})))
    assert [f.severity for f in findings] == ["error"]
    assert "村委会主任" in findings[0].text() and "第三十二条" in findings[0].text()


@pytest.mark.parametrize("relation", sorted(CLOSE_RELATIONS))
def test_each_close_relative_degree_of_a_committee_member_is_refused(relation):
    # The service passes only 近亲属 (民法典 1045 degrees) as close_relatives.
    c = Candidate("p2", "王小明", frozenset(), {"p1": ("王建国", VC)})
    findings = check_candidate(c)
    assert findings and findings[0].severity == "error" and "近亲属" in findings[0].text()
    assert relation in RELATIONS


def test_relatives_of_ordinary_villagers_are_fine():
    c = Candidate("p2", "王小明", frozenset({"representative"}), {"p1": ("王建国", frozenset({"party_member"}))})
    assert check_candidate(c) == []


@pytest.mark.parametrize(("province", "role", "severity"), [
    ("zhejiang", "clerk", "error"), ("zhejiang", "accountant", "error"),
    ("shandong", "accountant", "error"), ("shandong", "clerk", "warning"),  # 山东's list adds, not replaces
    ("henan", "accountant", "error"),
    ("shanghai", "accountant", "error"), ("shanghai", "collective_manager", "error"),
    ("national", "clerk", "warning"), ("national", "accountant", "warning"),
    ("chongqing", "clerk", "warning"),
])
def test_province_exclusions(province, role, severity):
    findings = check_candidate(Candidate("p3", "李会计", frozenset({role})), province)
    assert [f.severity for f in findings] == ([severity] if severity else [])
    if severity == "error":
        assert "本省规定" in findings[0].text()


@pytest.mark.parametrize("province", ["national", "zhejiang", "shandong", "henan", "shanghai", "chongqing",
                                      "beijing", "shaanxi"])
def test_a_province_list_adds_to_the_national_refusals_never_replaces_them(province):
    # An 报账员 who is also the close relative of a 村委会 member: the national refusal (组织法 32) in
    # every province, and the province's own refusal (or the central guidance's warning) beside it.
    c = Candidate("p6", "王会计", frozenset({"accountant"}), {"p1": ("王建国", VC)}, {"p1": "sibling"})
    findings = check_candidate(c, province, date(2025, 6, 1))
    texts = [f.text() for f in findings]
    assert findings[0].severity == "error" and "近亲属(兄弟姐妹)" in texts[0] and "第三十二条" in texts[0]
    assert len(findings) == 2
    assert findings[1].severity == ("error" if province in ("zhejiang", "shandong", "henan", "shanghai")
                                    else "warning")


def test_the_refusal_cites_the_organic_law_in_force_on_the_day():
    c = Candidate("p1", "王建国", frozenset({"vc_chair"}))
    assert check_candidate(c, "national", date(2025, 12, 31))[0].basis == organic_law(32, on=date(2025, 12, 31))
    assert check_candidate(c, "national", date(2026, 1, 1))[0].basis == organic_law(32, on=date(2026, 1, 1))
    assert check_candidate(c, "national", date(2026, 1, 1))[0].basis.version == "2025"


def test_shanghai_excludes_close_relatives_of_collective_managers():
    c = Candidate("p4", "张三", frozenset(), {"p5": ("张经理", frozenset({"collective_manager"}))})
    assert [f.severity for f in check_candidate(c, "shanghai")] == ["error"]
    assert check_candidate(c, "zhejiang") == []


def seats(n, chairs=1, finance=True, secretary=False):
    return [Seat(f"p{i}", f"委员{i}", i < chairs, finance and i == 0, secretary and i == 0) for i in range(n)]


@pytest.mark.parametrize(("province", "n", "ok"), [("national", 3, True), ("national", 5, True),
                                                   ("national", 2, False), ("national", 6, False),
                                                   ("shanghai", 7, True), ("shanghai", 8, False)])
def test_committee_size_per_profile(province, n, ok):
    findings = check_composition(seats(n), province)
    assert (not any("一般应为" in f.text() for f in findings)) is ok


def test_chair_finance_and_party_secretary():
    texts = [f.text() for f in check_composition(seats(3, chairs=0, finance=False))]
    assert any("应设主任 1 名" in t for t in texts) and any("财会" in t for t in texts)
    assert any("原则上不由村党组织书记兼任" in f.text() for f in check_composition(seats(3, secretary=True)))


def test_finance_knowledge_cites_the_text_in_force_on_the_day():
    """A committee judged in 2026 cites the amended 组织法, one judged in 2025 the 2018 text (issue 17)."""
    from datetime import date

    def finance(on):
        return next(f for f in check_composition(seats(3, finance=False), on=on) if "财会" in f.text())

    assert finance(date(2025, 12, 31)).basis.version == "2018"
    assert finance(date(2025, 12, 31)).basis.article == 32
    assert finance(date(2026, 1, 1)).basis.version == "2025"


@pytest.mark.parametrize(("counts", "attendees", "assembly", "expected"), [
    (ap.Counts(20, 5, 5), 30, False, ap.COMPETENT),
    (ap.Counts(8, 12, 10), 30, False, ap.BASIC),
    (ap.Counts(2, 8, 19), 30, False, ap.BASIC),  # 19 < 20 = two thirds of 30
    (ap.Counts(2, 8, 20), 30, False, ap.INCOMPETENT),
    (ap.Counts(100, 25, 125), 250, True, ap.BASIC),  # exactly half is not 过半数
    (ap.Counts(100, 23, 126), 250, True, ap.INCOMPETENT),
])
def test_appraisal_thresholds(counts, attendees, assembly, expected):
    # The >½ / ≥⅔ thresholds are 陕西's (第三十五条): they apply where the province is 陕西.
    assert ap.verdict(counts, attendees, assembly, province="shaanxi")[0] == expected


def test_shaanxi_threshold_cites_the_province_measure_not_the_organic_law():
    result, findings = ap.verdict(ap.Counts(2, 8, 20), 30, False, "王建国", "shaanxi", date(2025, 12, 20))
    assert result == ap.INCOMPETENT
    cite = findings[0].basis.cite()
    assert "陕西省实施" in cite and "第三十五条" in cite and "村民委员会组织法》(" not in cite


@pytest.mark.parametrize("province", ["national", "zhejiang", "chongqing", "shandong"])
def test_without_a_province_threshold_the_ballots_are_counted_not_judged(province):
    # 组织法 33 sets no threshold: 20 of 30 (which is ⅔) is no verdict outside 陕西, only an INFO.
    result, findings = ap.verdict(ap.Counts(2, 8, 20), 30, False, "王建国", province, date(2025, 12, 20))
    assert result == ap.UNDETERMINED
    assert [f.severity for f in findings] == ["info"]
    text = findings[0].text()
    assert "不称职 20 票" in text and "省级实施办法规定" in text and "(2018)第三十三条" in text
    # 称职 stays 称职 and no 不称职 vote stays 基本称职: only the 不称职 question is the province's.
    assert ap.verdict(ap.Counts(20, 5, 5), 30, False, province=province)[0] == ap.COMPETENT
    assert ap.verdict(ap.Counts(8, 22, 0), 30, False, province=province)[0] == ap.BASIC
    note = ap.rule_note(True, province).text()
    if province == "national":
        # 全国通用 chooses no province: no "本省未录入", the law's silence and where to choose one.
        assert "未录入" not in note and "全国通用" in note and "设置 → 省份配置" in note
    else:
        assert "未录入" in note
    assert "本省规定" in ap.rule_note(True, "shaanxi").text()


def test_two_consecutive_appraisals_of_the_same_person_end_the_office():
    bad, good = ap.INCOMPETENT, ap.COMPETENT
    # Two in one calendar year count.
    found = ap.consequence("王建国", [(date(2025, 1, 10), bad), (date(2025, 7, 20), bad)])
    assert found and found[0].severity == "error" and "连续两次(2025-01-10、2025-07-20)" in found[0].text()
    # A year without an appraisal does not break the run.
    assert ap.consequence("王建国", [(date(2023, 12, 1), bad), (date(2025, 12, 1), bad)])
    # A 称职 (or any other verdict) in between breaks it.
    assert ap.consequence("王建国", [(date(2024, 12, 1), bad), (date(2025, 6, 1), ap.BASIC),
                                    (date(2025, 12, 1), bad)]) == []
    assert ap.consequence("王建国", [(date(2024, 12, 1), bad), (date(2025, 6, 1), good),
                                    (date(2025, 12, 1), bad)]) == []
    # Entered in any order, judged in the order held: the 称职 typed last was held in between.
    assert ap.consequence("王建国", [(date(2024, 12, 1), bad), (date(2025, 12, 1), bad),
                                    (date(2025, 6, 1), good)]) == []
    assert ap.consequence("王建国", [(date(2025, 12, 1), bad), (date(2024, 12, 1), bad)])


def test_the_consequence_cites_the_text_in_force_on_the_second_appraisal():
    bad = ap.INCOMPETENT
    old = ap.consequence("王建国", [(date(2024, 12, 1), bad), (date(2025, 12, 1), bad)])[0].basis
    assert (old.version, old.article) == ("2018", 33)
    new = ap.consequence("王建国", [(date(2025, 12, 1), bad), (date(2026, 6, 1), bad)])[0].basis
    assert new == organic_law(33, on=date(2026, 6, 1)) and new.version == "2025"


@pytest.mark.parametrize("province", ["national", "zhejiang", "chongqing"])
def test_members_lose_the_office_staff_get_the_provinces_consequence(province):
    """组织法 2018 第三十三条第二款 ends a 村委会 member's office; paid staff are the province's:
    重庆 (2013) 第三十六条 "应当予以解聘,一年内不得再次聘用"; elsewhere not recorded (law_01, law_03)."""
    history = [(date(2024, 12, 1), ap.INCOMPETENT), (date(2025, 6, 1), ap.INCOMPETENT)]
    [member] = ap.consequence("王建国", history, province, member=True)
    assert member.severity == "error" and "依法终止职务" in member.text() and "(2018)第三十三条" in member.text()
    [staff] = ap.consequence("李会计", history, province, member=False)
    assert "终止职务" not in staff.text()
    if province == "chongqing":
        assert staff.severity == "error" and "应当予以解聘,一年内不得再次聘用" in staff.text()
        assert "重庆市" in staff.text() and "第三十六条" in staff.text()
    elif province == "national":
        assert staff.severity == "warning" and "聘用人员如何处理由所在省的实施办法" in staff.text()
        assert "未录入" not in staff.text() and "设置 → 省份配置" in staff.text()
    else:
        assert staff.severity == "warning" and "聘用人员如何处理由本省规定" in staff.text()
    # One 不称职 is not two: nothing for either.
    assert ap.consequence("李会计", history[:1], province, member=False) == []


def test_every_past_year_needs_an_appraisal():
    today = date(2026, 11, 22)
    findings = ap.schedule([date(2023, 12, 1), date(2025, 12, 1)], today)
    assert [f.text()[:4] for f in findings if f.severity == "error"] == ["2024"]
    assert findings[0].basis == organic_law(33, on=date(2024, 12, 31))


@pytest.mark.parametrize(("first", "second", "close"), [
    (date(2026, 1, 31), date(2026, 7, 31), False),  # the same calendar day six months on: allowed
    (date(2026, 1, 31), date(2026, 7, 30), True),   # a day earlier (180 days): too close
    (date(2026, 8, 31), date(2027, 2, 28), False),  # no 31 February: the month's last day
    (date(2026, 8, 31), date(2027, 2, 27), True),
    (date(2025, 12, 20), date(2026, 6, 19), True),  # across a year end, by days not month numbers
    (date(2025, 12, 20), date(2026, 6, 20), False),
])
def test_six_months_between_appraisals_of_one_person_counted_in_days(first, second, close):
    findings = ap.too_close("王建国", [second, first], "chongqing")
    assert bool(findings) is close
    if close:
        assert findings[0].severity == "warning" and "只相隔" in findings[0].text()
        assert "重庆市实施" in findings[0].text() and "第三十六条" in findings[0].text()
    assert ap.too_close("王建国", [first, second], "national") == []  # the law sets no interval


def test_the_interval_is_per_person():
    # 村委会 in January, staff in May: two appraisals four months apart, each person once.
    assert ap.too_close("王建国", [date(2025, 1, 10)], "shandong") == []
    assert ap.too_close("李会计", [date(2025, 5, 10)], "shandong") == []
    findings = ap.too_close("王建国", [date(2025, 1, 10), date(2025, 5, 10)], "shandong")
    assert findings and "山东省实施" in findings[0].text() and "第二十九条" not in findings[0].text()


def test_matter_life_cycle():
    f = mm.MatterFacts(opened_on="2026-03-01")
    assert mm.state(f) == mm.OPENED
    assert "核实" in str(mm.why_not(f, mm.CLOSED, date(2026, 3, 2))[0])
    assert "整改期限" in str(mm.why_not(f, mm.NOTIFIED, date(2026, 3, 2))[0])
    assert mm.why_not(f, mm.NOTIFIED, date(2026, 3, 2), "2026-03-20") == []
    f = mm.MatterFacts("2026-03-01", notified_on="2026-03-02", deadline="2026-03-20")
    assert mm.overdue(f, date(2026, 3, 21)) and not mm.overdue(f, date(2026, 3, 20))
    assert mm.can_escalate(f, date(2026, 3, 21)) == []
    assert "早于上一步" in str(mm.why_not(f, mm.ANSWERED, date(2026, 3, 1))[0])
    done = mm.MatterFacts("2026-03-01", "2026-03-02", "2026-03-20", "2026-03-10", "2026-03-15", "2026-03-16")
    assert mm.state(done) == mm.CLOSED and mm.why_not(done, mm.CLOSED, date(2026, 4, 1))
    assert mm.can_escalate(done, date(2026, 4, 1))


def test_election_within_a_month_and_vacancies_in_time():
    from models.supervision.eligibility import check_timing

    assert check_timing("2021-05-20", "2021-05-06", [], "2026-01-01") == []
    late = check_timing("2021-07-01", "2021-05-06", [], "2026-01-01")
    assert late and "超过一个月" in late[0].text()
    assert check_timing("2021-05-20", "2021-05-06", [("2023-03-01", "")], "2023-06-01", "national") == []
    findings = check_timing("2021-05-20", "2021-05-06", [("2023-03-01", "")], "2023-06-01", "shandong")
    assert findings and "60 天内补选" in findings[0].text()
    assert check_timing("2021-05-20", "2021-05-06", [("2023-03-01", "2023-04-01")], "2023-06-01", "shandong") == []


def test_committee_term_from_2026_is_the_village_committees_by_law():
    from models.supervision.eligibility import check_term

    # 村委会 elected 2026-04-18: its five years end 2031-04-17 (组织法 11).
    assert check_term("2026-05-10", "2031-04-17", "2026-04-18") == []
    assert check_term("2026-05-10", "2031-05-17", "2026-04-18") == []  # within the month it was elected in
    longer = check_term("2026-05-10", "2031-05-19", "2026-04-18")
    assert [f.severity for f in longer] == ["error"]
    assert "依法村务监督委员会的任期与村民委员会相同" in longer[0].text()
    assert longer[0].basis == organic_law(32, on=date(2026, 5, 10)) and longer[0].basis.version == "2025"
    shorter = check_term("2026-05-10", "2029-05-09", "2026-04-18")  # a three-year term
    assert shorter and shorter[0].severity == "error"
    # No end recorded: the law's end is given, as information.
    open_term = check_term("2026-05-10", "", "2026-04-18")
    assert [f.severity for f in open_term] == ["info"] and "任期到 2031-04-17" in open_term[0].text()


def test_committee_term_before_2026_is_policy_not_law():
    from models.supervision.eligibility import check_term

    assert check_term("2021-05-06", "2026-04-17", "2021-04-18") == []
    findings = check_term("2021-05-06", "2024-05-05", "2021-04-18")
    assert [f.severity for f in findings] == ["warning"]
    assert "政策,不是法律" in findings[0].text() and "指导意见" in findings[0].text()
    assert "村民委员会组织法" not in findings[0].text()
    assert check_term("2021-05-06", "", "2021-04-18") == []  # no end recorded: nothing to compare


def test_committee_term_unknown_dates_judge_nothing():
    from models.supervision.eligibility import check_term

    assert check_term("2026-05-10", "2031-05-09", "") == []  # no 村委会 on record
    assert check_term("2026-05-10", "2031-05-09", "2021-04-18") == []  # 村委会's 换届 not recorded
    assert check_term("2026-05-10", "2031/05/09", "2026-04-18") == []  # an unreadable stored end
