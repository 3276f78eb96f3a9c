"""Eligibility (each kinship degree, each province exclusion), appraisal, matter life cycle."""

from __future__ import annotations

from datetime import date

import pytest

from models.kinship import CLOSE_RELATIONS, RELATIONS
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
    ("shandong", "accountant", "error"), ("shandong", "clerk", None),
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


@pytest.mark.parametrize(("counts", "attendees", "assembly", "expected"), [
    (ap.Counts(20, 5, 5), 30, False, ap.COMPETENT),
    (ap.Counts(8, 12, 10), 30, False, ap.BASIC),
    (ap.Counts(2, 8, 19), 30, False, ap.BASIC),  # 19 < 20 = two thirds of 30
    (ap.Counts(2, 8, 20), 30, False, ap.INCOMPETENT),
    (ap.Counts(100, 25, 125), 250, True, ap.BASIC),  # exactly half is not 过半数
    (ap.Counts(100, 23, 126), 250, True, ap.INCOMPETENT),
])
def test_appraisal_thresholds(counts, attendees, assembly, expected):
    assert ap.verdict(counts, attendees, assembly)[0] == expected


def test_appraisal_counts_cannot_exceed_attendees():
    result, findings = ap.verdict(ap.Counts(20, 10, 5), 30, False, "王建国")
    assert result is None and "多于到会 30 人" in findings[0].text()


def test_two_years_in_a_row_ends_the_office():
    assert ap.consequence("王建国", [(2024, ap.INCOMPETENT), (2025, ap.BASIC), (2026, ap.INCOMPETENT)]) == []
    findings = ap.consequence("王建国", [(2025, ap.INCOMPETENT), (2026, ap.INCOMPETENT)])
    assert findings[0].severity == "error" and "终止职务" in findings[0].text()


def test_appraisal_schedule():
    today = date(2026, 11, 22)
    findings = ap.schedule([date(2023, 12, 1), date(2025, 12, 1)], today, "national")
    assert [f.text()[:4] for f in findings if f.severity == "error"] == ["2024"]
    findings = ap.schedule([date(2025, 1, 10), date(2025, 5, 10), date(2026, 1, 5)], today, "shandong")
    assert any("不足 6 个月" in f.text() for f in findings)


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
