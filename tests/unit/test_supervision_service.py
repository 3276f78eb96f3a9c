from __future__ import annotations

from datetime import date

import pytest

from desktop import demo
from desktop.services import auth_service, people_service, setup_service
from desktop.services import supervision_service as sv
from models.errors import PermissionDenied, ValidationError
from models.supervision import matters as mm


@pytest.fixture
def demo_admin(village_demo):
    _, admin = village_demo
    return admin


@pytest.fixture
def committee(village_demo):
    """The demo committee chair's own login (bound to the chair; the committee signs only as a member)."""
    return auth_service.login("jianwei", demo.DEMO_PASSWORD)


@pytest.fixture
def village_committee(village_demo):
    """The secretary's login, which records the 村委会's answers."""
    return auth_service.login("wenshu", demo.DEMO_PASSWORD)


def person(role: str):
    return next(r for r in people_service.register() if role in r.roles)


def test_committee_members_and_their_relatives_are_refused(demo_admin):
    term = sv.create_term(demo_admin, "第七届", date(2021, 5, 6), date(2026, 5, 5))
    vice = person("vc_vice").id
    with pytest.raises(ValidationError) as err:
        sv.add_member(demo_admin, term.id, vice)
    assert "村委会副主任" in str(err.value) and "第三十二条" in str(err.value)
    # the demo's son of the 村委会副主任 (declared parent link); `vice` read once, not per row of the register
    son = next(r for r in people_service.register() if people_service.close_relatives(r.id) & {vice})
    with pytest.raises(ValidationError) as err:
        sv.add_member(demo_admin, term.id, son.id)
    assert "近亲属" in str(err.value)
    assert sv.term_view(term.id).members == ()


def test_zhejiang_refuses_the_clerk_and_national_asks_for_a_reason(demo_admin):
    term = sv.create_term(demo_admin, "第七届", date(2021, 5, 6))
    clerk = person("clerk").id
    with pytest.raises(ValidationError) as err:
        sv.add_member(demo_admin, term.id, clerk)
    assert "本省规定" in str(err.value)
    setup_service.set_province(demo_admin, "national")
    with pytest.raises(ValidationError) as err:
        sv.add_member(demo_admin, term.id, clerk)
    assert "需要说明理由" in str(err.value)
    seat = sv.add_member(demo_admin, term.id, clerk, override_reason="村民代表会议推选,经镇纪委同意")
    assert seat.override_reason.startswith("村民代表会议推选")


def test_a_good_committee_and_its_composition_warnings(demo_admin):
    term = sv.create_term(demo_admin, "第七届", date(2021, 5, 6))
    chair, *members = [r for r in people_service.register() if {"sc_chair", "sc_member"} & set(r.roles)
                       and not any(f.severity == "error" for f in sv.check_person(r.id))]
    members.append(people_service.add_person(demo_admin, "赵新民", "男"))  # an ordinary villager
    sv.add_member(demo_admin, term.id, chair.id, chair=True, finance_qualified=True)
    view = sv.term_view(term.id)
    assert any("一般应为 3 到 5 人" in f.text() for f in view.composition)
    for m in members:
        sv.add_member(demo_admin, term.id, m.id)
    view = sv.term_view(term.id)
    assert view.composition == () and len(view.members) == 3


def test_matter_life_cycle_through_the_service(committee, village_committee):
    m = sv.open_matter(committee, "2026年3月报销凭证缺少经手人签字", "property", "inspection",
                       date(2026, 3, 5), "3 张凭证无经手人签字")
    with pytest.raises(ValidationError) as err:
        sv.advance(committee, m.id, mm.CLOSED, date(2026, 3, 6))
    assert "核实" in str(err.value)
    sv.advance(committee, m.id, mm.NOTIFIED, date(2026, 3, 6), "请补签", deadline=date(2026, 3, 20))
    row = next(r for r in sv.list_matters(date(2026, 3, 25)) if r.id == m.id)
    assert row.overdue
    sv.escalate(committee, m.id, date(2026, 3, 25))
    sv.advance(village_committee, m.id, mm.ANSWERED, date(2026, 3, 26), "已补签")
    sv.advance(committee, m.id, mm.VERIFIED, date(2026, 3, 28), "现场查看凭证,已补签")
    sv.advance(committee, m.id, mm.CLOSED, date(2026, 3, 28))
    assert next(r for r in sv.list_matters() if r.id == m.id).state == mm.CLOSED


def test_secretary_reads_but_cannot_act_for_the_committee(demo_admin):
    secretary = auth_service.login("wenshu", demo.DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):
        sv.open_matter(secretary, "x", "other", "complaint", date(2026, 3, 1))
    committee = auth_service.login("jianwei", demo.DEMO_PASSWORD)
    assert sv.open_matter(committee, "村民反映低保评议不公开", "subsidies", "complaint", date(2026, 3, 1))


@pytest.mark.parametrize(("text", "fen"), [("1,234.5", 123450), ("1234.50元", 123450), ("¥12", 1200), ("0.01", 1)])
def test_amounts_are_exact(text, fen):
    assert sv.parse_amount(text) == fen


@pytest.mark.parametrize("text", ["abc", "-5", "1.234"])
def test_bad_amounts_are_refused(text):
    with pytest.raises(ValidationError):
        sv.parse_amount(text)


def test_voucher_review_and_appraisal_with_consequence(committee, demo_admin):
    review = sv.add_voucher_review(committee, "2026-03", date(2026, 4, 3), 42, sv.parse_amount("58,320.40"),
                                   "张监委、李监委", [("记-017", 120000, "无验收单", "returned")],
                                   allow_duplicate=True)  # the demo may have reviewed 2026-03 already
    assert review.total_fen == 5832040
    with pytest.raises(ValidationError):
        sv.add_voucher_review(committee, "2026-03", date(2026, 4, 3), 0, 0, "张监委", [("1", 1, "x", "returned")])
    member = person("vc_member").id
    line = sv.AppraisalLine(member, "村委会委员", 5, 6, 25)
    with pytest.raises(ValidationError) as err:
        sv.record_appraisal(committee, 2025, date(2025, 12, 20), "representatives", 30, [line])
    assert "多于到会 30 人" in str(err.value)
    # 25 of 36 is 不称职 only under a province threshold (陕西 35); the law sets none (issue 17, 民主评议).
    setup_service.set_province(demo_admin, "shaanxi")
    sv.record_appraisal(committee, 2030, date(2030, 12, 20), "representatives", 36, [line])
    _id, findings = sv.record_appraisal(committee, 2031, date(2031, 12, 1), "representatives", 36, [line])
    assert any("连续两次(2030-12-20、2031-12-01)" in f.text() for f in findings)
    assert [e.kind for e in sv.ledger(2031)].count("民主评议") == 1
    assert sv.annual_counts(2030)["appraisals"] == 1


def test_annual_report_exports(demo_admin, tmp_path):
    import docx
    from openpyxl import load_workbook

    from desktop.reports.supervision_report import write_annual_docx, write_annual_xlsx

    year = date.today().year
    wb = load_workbook(write_annual_xlsx(year, tmp_path / "报告.xlsx"))
    assert "村务监督委员会" in wb["年度汇总"]["A1"].value
    assert wb["工作台账"].max_row == len(sv.ledger(year)) + 1
    d = docx.Document(str(write_annual_docx(year, tmp_path / "报告.docx")))
    assert "召开会议" in d.paragraphs[1].text and len(d.tables[0].rows) == len(sv.ledger(year)) + 1


def test_appraisal_results_become_a_disclosure_draft(committee):
    from desktop.services import disclosure_service

    member = person("vc_member").id
    sv.record_appraisal(committee, 2032, date(2032, 12, 20), "representatives", 36,
                        [sv.AppraisalLine(member, "村委会委员", 30, 4, 2)])
    drafts = [r for r in disclosure_service.list_items(2032) if r.subject == "appraisal"]
    assert len(drafts) == 1 and drafts[0].status == "draft"
    assert "评议结果:称职" in disclosure_service.item(drafts[0].id).content


def test_an_answer_without_words_is_refused_and_nothing_changes(committee, village_committee):
    m = sv.open_matter(committee, "低保评议结果未张榜公示", "subsidies", "complaint", date(2026, 3, 5))
    sv.advance(committee, m.id, mm.NOTIFIED, date(2026, 3, 6), "请张榜公示", deadline=date(2026, 3, 20))
    for blank in ("", "  \n "):
        with pytest.raises(ValidationError) as err:
            sv.advance(village_committee, m.id, mm.ANSWERED, date(2026, 3, 10), blank)
        assert "请填写村委会的答复" in str(err.value)
    assert next(r for r in sv.list_matters(date(2026, 3, 10)) if r.id == m.id).state == mm.NOTIFIED
    sv.advance(village_committee, m.id, mm.ANSWERED, date(2026, 3, 10), "已在公开栏张榜")
    assert next(r for r in sv.list_matters(date(2026, 3, 10)) if r.id == m.id).state == mm.ANSWERED


def test_consecutive_appraisals_by_date_and_the_interval_per_person(committee, demo_admin):
    """A 称职 entered last but held between two 不称职 breaks the run; the 6-month interval
    (重庆 36) is per person and counted in days (issue 17, 民主评议)."""
    setup_service.set_province(demo_admin, "shaanxi")
    member, chair = person("vc_member").id, person("vc_chair").id
    bad = sv.AppraisalLine(member, "村委会委员", 5, 6, 25)
    good = sv.AppraisalLine(member, "村委会委员", 30, 6, 0)
    sv.record_appraisal(committee, 2040, date(2040, 1, 10), "representatives", 36, [bad])
    sv.record_appraisal(committee, 2040, date(2040, 3, 1), "representatives", 36,
                        [sv.AppraisalLine(chair, "村委会主任", 30, 6, 0)])  # someone else, in between
    sv.record_appraisal(committee, 2041, date(2041, 1, 10), "representatives", 36, [bad])
    _id, findings = sv.record_appraisal(committee, 2040, date(2040, 7, 10), "representatives", 36, [good])
    assert sv.consequences(member) == []  # held between the two 不称职: the run is broken
    _id, findings = sv.record_appraisal(committee, 2041, date(2041, 3, 1), "representatives", 36, [bad])
    assert any("连续两次(2041-01-10、2041-03-01)" in f.text() for f in findings)
    setup_service.set_province(demo_admin, "chongqing")
    close = [f.text() for f in sv.appraisal_schedule(date(2041, 6, 1)) if "只相隔" in f.text()]
    assert len(close) == 1 and "2041-01-10 和 2041-03-01 两次被评议,只相隔 50 天" in close[0]
    # 2040-01-10 → 2040-07-10 is six calendar months (allowed); 01-10 → 03-01 are two different people.


def test_a_2026_committee_term_is_checked_against_the_village_committees(village):
    """The 2025 amendment puts the 监委会 term in law: the same as the 村委会's (issue 17)."""
    _, admin = village
    chair = people_service.add_person(admin, "周主任", "男", village_group="一组")
    people_service.add_role(admin, chair, "vc_chair", "2026-04-18")
    term = sv.create_term(admin, "第七届", date(2026, 5, 10), date(2029, 5, 9))
    [finding] = [f for f in sv.term_view(term.id).composition if "任期" in f.text()]
    assert finding.severity == "error" and "任期到 2031-04-17" in finding.text()
    assert "《村民委员会组织法》(2025)" in finding.text()


def test_the_consequence_follows_the_provinces_rule_not_a_stored_national_verdict(committee, demo_admin):
    """Verdicts stored under the thresholds once applied nationally end no office where the province
    has none (issue 17: "the 不称职 thresholds of one province (陕西 35) are applied nationally")."""
    setup_service.set_province(demo_admin, "shaanxi")
    member = person("vc_member").id
    bad = sv.AppraisalLine(member, "村委会委员", 5, 6, 25)
    sv.record_appraisal(committee, 2042, date(2042, 1, 10), "representatives", 36, [bad])
    sv.record_appraisal(committee, 2042, date(2042, 12, 20), "representatives", 36, [bad])
    assert sv.consequences(member)[0].severity == "error"
    setup_service.set_province(demo_admin, "zhejiang")
    assert sv.consequences(member) == []


def test_the_history_shows_the_verdict_the_check_uses(committee, demo_admin):
    """The history shows each verdict judged again under the province's rule (appraisal.judged), the
    same the end-of-office check uses: a 不称职 stored under 陕西's thresholds reads 待按本省规定认定
    in 浙江, which sets none (issue 17, 民主评议)."""
    from desktop.services import ui_support_supervision
    from models.supervision import appraisal as ap

    setup_service.set_province(demo_admin, "shaanxi")
    member = person("vc_member").id
    sv.record_appraisal(committee, 2043, date(2043, 3, 10), "representatives", 36,
                        [sv.AppraisalLine(member, "村委会委员", 5, 6, 25)])

    def shown():
        row = next(a for a in ui_support_supervision.appraisals() if a.year == 2043)
        return next(x.verdict for x in row.results if x.person_id == member)

    assert shown() == ap.INCOMPETENT
    setup_service.set_province(demo_admin, "zhejiang")
    assert shown() == ap.UNDETERMINED
    assert sv.consequences(member) == []


def test_paid_staff_are_not_told_their_office_ends(committee, demo_admin):
    """Two consecutive 不称职 end a 村委会 member's office (组织法 2018 第三十三条); the clerk is paid
    staff, whose consequence is the province's (陕西's is not recorded): a warning, no 终止职务."""
    setup_service.set_province(demo_admin, "shaanxi")
    member, clerk = person("vc_member").id, person("clerk").id
    for day in (date(2044, 1, 10), date(2044, 12, 20)):
        sv.record_appraisal(committee, day.year, day, "representatives", 36, [
            sv.AppraisalLine(member, "村委会委员", 5, 6, 25), sv.AppraisalLine(clerk, "村文书", 5, 6, 25)])
    [ends] = sv.consequences(member)
    assert ends.severity == "error" and "依法终止职务" in ends.text()
    [staff] = sv.consequences(clerk)
    assert staff.severity == "warning" and "终止职务" not in staff.text() and "聘用人员" in staff.text()
