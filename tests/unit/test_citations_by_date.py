"""Findings cite the 组织法 text in force on their record's date (a 2024 record 2018, a 2026 one 2025)."""

from __future__ import annotations

from datetime import date

from models.legal import CIVIL_CODE, LegalBasis, in_force_on, organic_law
from models.meetings import cadence
from models.meetings.quorum import MeetingFacts, evaluate
from models.meetings.types import TYPES, meeting_type
from models.rules import procedure as proc


def test_meeting_type_bases_follow_the_meeting_day():
    assert meeting_type("assembly").quorum_basis.cite() == "依据《村民委员会组织法》(2018)第二十二条"
    assert meeting_type("assembly", on=date(2025, 12, 31)).notice_basis.cite() == \
        "依据《村民委员会组织法》(2018)第二十一条"
    assert meeting_type("assembly", on=date(2026, 1, 1)).quorum_basis.cite() == "依据《村民委员会组织法》(2025)(原第二十二条)"
    # The table itself is untouched, and other laws keep their citation.
    assert TYPES["assembly"].quorum_basis.version == "2018"
    assert meeting_type("collective_members", on="2026-05-01").quorum_basis == TYPES["collective_members"].quorum_basis


def test_a_quorum_finding_cites_by_the_meeting_date():
    def cite(day):
        verdict = evaluate(MeetingFacts("group", meeting_date=day, expected=30, present=10))
        return [f.basis.cite() for f in verdict.findings if f.basis]

    assert "依据《村民委员会组织法》(2018)第二十八条" in cite(date(2024, 6, 1))
    assert "依据《村民委员会组织法》(2025)(原第二十八条)" in cite(date(2026, 6, 1))
    assert not any("(2025)第二十八条" in c for c in cite(date(2026, 6, 1)))  # no guessed new number


def test_cadence_cites_the_text_of_each_quarter():
    found = cadence.missing_representative_quarters([], date(2025, 10, 1), date(2026, 3, 31))
    assert [f.basis.cite() for f in found] == ["依据《村民委员会组织法》(2018)第二十六条",
                                              "依据《村民委员会组织法》(2025)(原第二十六条)"]


def test_in_force_on_leaves_other_laws_and_missing_dates_alone():
    civil = LegalBasis(CIVIL_CODE, "2020", 1045)
    assert in_force_on(civil, "2026-02-01") is civil
    assert in_force_on(organic_law(6), None) == organic_law(6)
    assert in_force_on(organic_law(6), "2026-02-01").cite() == "依据《村民委员会组织法》(2025)第八条"
    assert in_force_on(None, "2026-02-01") is None
    assert organic_law(27, on="不是日期").cite() == "依据《村民委员会组织法》(2018)第二十七条"


def test_rules_procedure_cites_by_the_filing_day():
    def receipt_warning(filed_on):
        f = proc.VersionFacts(filed=True, filed_on=filed_on)
        filing = proc.steps(f)[-1]
        return [b.cite() for _m, b in filing.warnings]

    assert receipt_warning("2025-08-01") == ["依据《村民委员会组织法》(2018)第二十七条"]
    assert receipt_warning("2026-08-01") == ["依据《村民委员会组织法》(2025)(原第二十七条)"]


def test_review_before_posting_is_law_in_chongqing_and_zhejiang_practice_elsewhere():
    from models.disclosure import calendar as cal

    late_review = (date(2026, 10, 9), date(2026, 10, 8), None)
    cq = cal.check_posting_dates("chongqing", *late_review)
    assert [(f.severity, f.basis.cite()) for f in cq] == [
        ("error", "依据《重庆市实施〈中华人民共和国村民委员会组织法〉办法》(2013)第二十九条")]
    zj = cal.check_posting_dates("zhejiang", *late_review)
    assert [f.basis.article for f in zj] == [32]
    for province in ("national", "shandong", "beijing"):
        found = cal.check_posting_dates(province, *late_review)
        assert [f.severity for f in found] == ["warning"], province
        assert "惯例" in found[0].text() and found[0].basis is None  # never presented as 组织法 30
    unreviewed = cal.check_posting_dates("national", None, date(2026, 10, 8), None)
    assert unreviewed[0].severity == "warning" and "惯例" in unreviewed[0].text()


def test_province_deadlines_cite_their_article_and_zhejiang_20th_is_practice():
    from models.disclosure import calendar as cal

    short = cal.check_posting_dates("chongqing", date(2026, 10, 7), date(2026, 10, 8), date(2026, 10, 17))
    assert [f.basis.article for f in short] == [30]  # 重庆 30: keep posted ≥ 10 days
    assert cal.profile("chongqing").deadline_basis.article == 30
    assert cal.profile("zhejiang").deadline_basis is None  # the 20th is not 浙江 29's
    assert "惯例" in cal.practice_note("zhejiang")
    assert cal.practice_note("chongqing") is None and cal.practice_note("national") is None
    # The national disclosure basis follows the record's date like every 组织法 citation.
    from models.legal import in_force_on
    assert in_force_on(cal.profile("national").basis, "2026-02-01").cite() == "依据《村民委员会组织法》(2025)(原第三十条)"


def test_shandong_vacancy_rule_is_not_cited_as_its_exclusions_article():
    from models.meetings.profiles import profile
    from models.supervision.eligibility import check_timing

    findings = check_timing("2021-05-20", "2021-05-06", [("2023-03-01", "")], "2023-06-01", "shandong")
    cite = findings[0].basis.cite()
    assert "山东省实施" in cite and "第三十一条" not in cite and "条" not in cite.split("》")[-1]
    assert profile("chongqing").appraisal_interval_basis.article == 36  # 重庆 36, checked in law_03


def test_help_texts_name_both_texts():
    from models.legal import organic_law_both

    assert organic_law_both(32) == "《村民委员会组织法》(2018)第三十二条;2026年1月1日起为修正后的第三十七条"
    assert organic_law_both(27) == "《村民委员会组织法》(2018)第二十七条;2026年1月1日起依2025年修正后的文本"


def test_province_measures_are_one_list():
    from models.meetings.profiles import profile
    from models.provinces import MEASURES, PROVINCES

    for code, measure in MEASURES.items():
        assert code in PROVINCES
        assert (profile(code).law_name, profile(code).law_version) == (measure.name, measure.version), code
