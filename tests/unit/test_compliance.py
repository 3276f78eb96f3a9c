"""The compliance board: the pure engine at its boundaries, and the service on a real township database.

The service test builds a township and two villages, sends each village's
package through the real export and import, and checks the board's counts
against plain SQL over the imported rows.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from models.errors import ValidationError
from models.rules import procedure as proc
from models.township import compliance as eng
from models.township.board import DUE, LATE, MISSING, NA, NONE, OK
from models.township.compliance import (
    AppraisalFact,
    EscalationFact,
    MeetingFact,
    Posting,
    RuleFact,
    VillageFacts,
)
from tests.support.first_contact import confirmed_by

Q3 = (date(2026, 7, 1), date(2026, 9, 30))
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def _facts(province: str = "zhejiang", as_of: date | None = date(2026, 12, 1), **kw) -> VillageFacts:
    return VillageFacts("330106001001", province, as_of, kw.pop("data_from", date(2020, 1, 1)), **kw)


def _affairs(posted_on: date | None, period: str = "2026Q3") -> Posting:
    return Posting("village", "quarter", period, posted_on, f"{period} 村务公开", "r1")


# --- 村务公开: the deadline of each province ---------------------------------------------------------

@pytest.mark.parametrize(("province", "posted", "state"), [
    ("chongqing", date(2026, 10, 15), OK),  # 重庆: by the 15th of the next quarter's first month
    ("chongqing", date(2026, 10, 16), LATE),
    ("zhejiang", date(2026, 10, 20), OK),  # 浙江: by the 20th
    ("zhejiang", date(2026, 10, 21), LATE),
    ("national", date(2026, 10, 31), OK),  # elsewhere: by the end of that month
    ("national", date(2026, 11, 1), LATE),
])
def test_quarterly_posting_deadline_per_profile(province, posted, state):
    f = _facts(province, postings=[_affairs(posted)])
    c = eng.cell(eng.DISCLOSURE_AFFAIRS, f, *Q3, today=date(2026, 12, 1))
    assert c.state == state
    assert (c.done, c.late, c.expected) == (1, int(state == LATE), 1)


@pytest.mark.parametrize(("province", "today", "state"), [
    ("chongqing", date(2026, 10, 15), DUE),  # the deadline day itself: still due
    ("chongqing", date(2026, 10, 16), MISSING),
    ("zhejiang", date(2026, 10, 16), DUE),
    ("zhejiang", date(2026, 10, 21), MISSING),
])
def test_nothing_posted_is_due_until_the_profile_deadline_then_missing(province, today, state):
    f = _facts(province, as_of=today)
    assert eng.cell(eng.DISCLOSURE_AFFAIRS, f, *Q3, today=today).state == state


def test_a_finance_posting_does_not_count_as_the_general_disclosure():
    f = _facts(postings=[Posting("finance", "quarter", "2026Q3", date(2026, 10, 2), "财务", "f")])
    assert eng.cell(eng.DISCLOSURE_AFFAIRS, f, *Q3, today=date(2026, 12, 1)).state == MISSING
    assert eng.cell(eng.DISCLOSURE_FINANCE, f, *Q3, today=date(2026, 12, 1)).state == OK


def test_monthly_finance_deadline_chongqing_15th_zhejiang_month_end():
    def month(province, posted):
        f = _facts(province, finance_monthly=True,
                   postings=[Posting("finance", "month", "2026-07", posted, "7月财务", "m7")])
        return eng.occurrences(eng.DISCLOSURE_FINANCE, f, date(2026, 7, 1), date(2026, 7, 31),
                               today=date(2026, 12, 1))[0].state

    assert month("chongqing", date(2026, 8, 15)) == OK
    assert month("chongqing", date(2026, 8, 16)) == LATE
    assert month("zhejiang", date(2026, 8, 31)) == OK
    assert month("zhejiang", date(2026, 9, 1)) == LATE


def test_finance_is_monthly_when_the_village_posts_monthly_or_the_profile_demands_it():
    quarterly = _facts("zhejiang")
    assert len(eng.occurrences(eng.DISCLOSURE_FINANCE, quarterly, *Q3, today=date(2026, 12, 1))) == 1
    shandong = _facts("shandong")  # 山东: always monthly
    assert len(eng.occurrences(eng.DISCLOSURE_FINANCE, shandong, *Q3, today=date(2026, 12, 1))) == 3
    busy = _facts("zhejiang", finance_monthly=True)
    c = eng.cell(eng.DISCLOSURE_FINANCE, busy, *Q3, today=date(2026, 12, 1))
    assert (c.state, c.expected, c.note) == (MISSING, 3, "0/3")


def test_a_drafted_but_unposted_item_is_missing_and_says_so():
    f = _facts(postings=[_affairs(None)])
    occ = eng.occurrences(eng.DISCLOSURE_AFFAIRS, f, *Q3, today=date(2026, 12, 1))[0]
    assert occ.state == MISSING and "尚未公开" in occ.note


# --- 村民代表会议: each quarter; a quarter not over yet is due ------------------------------------------

def test_representatives_quarter_not_over_is_due_not_missing():
    f = _facts(as_of=date(2026, 11, 20))
    c = eng.cell(eng.REP_MEETINGS, f, date(2026, 10, 1), date(2026, 12, 31), today=date(2026, 11, 30))
    assert c.state == DUE and c.done == 0


def test_representatives_only_a_valid_meeting_counts():
    bad = MeetingFact(date(2026, 8, 8), "第三季度村民代表会议", valid=False)
    f = _facts(rep_meetings=[bad])
    occ = eng.occurrences(eng.REP_MEETINGS, f, *Q3, today=date(2026, 12, 1))[0]
    assert occ.state == MISSING and "未达到法定人数" in occ.note
    f = _facts(rep_meetings=[bad, MeetingFact(date(2026, 9, 30), "补开", valid=True)])
    assert eng.cell(eng.REP_MEETINGS, f, *Q3, today=date(2026, 12, 1)).state == OK  # the last day still counts
    f = _facts(rep_meetings=[MeetingFact(date(2026, 10, 1), "晚了一天")])
    assert eng.cell(eng.REP_MEETINGS, f, *Q3, today=date(2026, 12, 1)).state == MISSING


def test_a_year_in_progress_counts_what_came_due():
    meetings = [MeetingFact(date(2026, m, 10), f"{m}月") for m in (2, 5, 8)]
    f = _facts(as_of=date(2026, 11, 20), rep_meetings=meetings)
    c = eng.cell(eng.REP_MEETINGS, f, *YEAR, today=date(2026, 11, 30))
    assert (c.state, c.note, c.done, c.expected) == (OK, "3/4", 3, 4)


# --- data that stops, villages without data ----------------------------------------------------------

def test_data_that_stops_before_the_deadline_cannot_tell():
    f = _facts(as_of=date(2026, 9, 1))  # the last package was written before the quarter ended
    c = eng.cell(eng.REP_MEETINGS, f, *Q3, today=date(2026, 12, 1))
    assert c.state == NA
    assert "数据截至 2026-09-01" in c.detail
    # ...but what it did record still counts
    f = _facts(as_of=date(2026, 9, 1), rep_meetings=[MeetingFact(date(2026, 8, 1), "会议")])
    assert eng.cell(eng.REP_MEETINGS, f, *Q3, today=date(2026, 12, 1)).state == OK


def test_a_period_before_anything_the_village_recorded_is_not_missing():
    f = _facts(data_from=date(2025, 3, 1))
    assert eng.cell(eng.REP_MEETINGS, f, date(2024, 1, 1), date(2024, 12, 31), today=date(2026, 12, 1)).state == NA
    assert eng.cell(eng.REP_MEETINGS, f, date(2025, 4, 1), date(2025, 6, 30), today=date(2026, 12, 1)).state == MISSING


def test_a_village_that_never_sent_anything_is_all_na():
    f = VillageFacts("330106001009", "chongqing")
    cells = eng.cells(f, *Q3, today=date(2026, 12, 1))
    assert {c.state for c in cells.values()} == {NA}
    assert all(c.note == "—" and "还没有收到" in c.detail for c in cells.values())
    assert eng.ok_share(list(cells.values())) is None


# --- 监委会例会, 民主评议 -----------------------------------------------------------------------------

def test_committee_meetings_monthly_and_not_before_the_committee_existed():
    meetings = [MeetingFact(date(2026, 7, 3), "7月例会"), MeetingFact(date(2026, 9, 9), "9月例会")]
    f = _facts(committee_meetings=meetings)
    c = eng.cell(eng.COMMITTEE_MEETINGS, f, *Q3, today=date(2026, 12, 1))
    assert (c.state, c.note) == (MISSING, "2/3")
    f = _facts(committee_meetings=meetings, committee_from=date(2026, 9, 1))
    assert eng.cell(eng.COMMITTEE_MEETINGS, f, *Q3, today=date(2026, 12, 1)).state == OK


def test_appraisal_is_yearly_due_until_the_fourth_quarter():
    held = AppraisalFact(2026, date(2026, 12, 18), "2026年度民主评议")
    f = _facts(appraisals=[held])
    assert eng.cell(eng.APPRAISAL, f, *Q3, today=date(2027, 2, 1)).state == DUE
    assert eng.cell(eng.APPRAISAL, f, date(2026, 10, 1), date(2026, 12, 31), today=date(2027, 2, 1)).state == OK
    late = _facts(appraisals=[AppraisalFact(2026, date(2027, 1, 9), "补评")])
    assert eng.cell(eng.APPRAISAL, late, *YEAR, today=date(2027, 2, 1)).state == LATE
    none = _facts(as_of=date(2027, 1, 20))
    assert eng.cell(eng.APPRAISAL, none, *YEAR, today=date(2027, 2, 1)).state == MISSING
    assert eng.cell(eng.APPRAISAL, none, *YEAR, today=date(2026, 12, 31)).state == DUE


# --- 村规民约 in force and filed ---------------------------------------------------------------------

def _rules() -> list[RuleFact]:
    return [
        RuleFact("2019年版", 1, proc.ST_SUPERSEDED, date(2019, 3, 20)),
        RuleFact("2021年版", 2, proc.ST_IN_FORCE, date(2021, 8, 11), date(2021, 8, 10), "镇民备〔2021〕17号"),
        RuleFact("2026年修订稿", 3, proc.ST_IN_REVIEW, None),
    ]


def test_rules_in_force_at_the_period_end():
    f = _facts(rules=_rules())
    c2020 = eng.cell(eng.RULES_IN_FORCE, f, date(2020, 1, 1), date(2020, 12, 31), today=date(2026, 12, 1))
    assert c2020.state == OK and "2019年版" in c2020.detail
    assert eng.cell(eng.RULES_FILED, f, date(2020, 1, 1), date(2020, 12, 31), today=date(2026, 12, 1)).state == MISSING
    assert eng.cell(eng.RULES_FILED, f, *Q3, today=date(2026, 12, 1)).state == OK
    before = eng.cell(eng.RULES_IN_FORCE, f, date(2018, 1, 1), date(2018, 12, 31), today=date(2026, 12, 1))
    assert before.state == MISSING
    # nothing in force, nothing to file: 不适用 (was NA, which since issue 17 means 无数据 and counts against)
    assert eng.cell(eng.RULES_FILED, f, date(2018, 1, 1), date(2018, 12, 31), today=date(2026, 12, 1)).state == NONE


def test_rules_only_a_draft_is_missing_and_a_correction_order_is_not_filed():
    f = _facts(rules=[RuleFact("草案", 1, proc.ST_ADOPTED, None)])
    occ = eng.occurrences(eng.RULES_IN_FORCE, f, *Q3, today=date(2026, 12, 1))[0]
    assert occ.state == MISSING and "已表决通过" in occ.note
    ordered = RuleFact("2021年版", 2, proc.ST_IN_FORCE, date(2021, 8, 11), date(2021, 8, 10), "17号",
                       correction="第十二条罚款条款违法")
    assert eng.cell(eng.RULES_FILED, _facts(rules=[ordered]), *Q3, today=date(2026, 12, 1)).state == MISSING
    waiting = RuleFact("2021年版", 2, proc.ST_IN_FORCE, date(2021, 8, 11), date(2021, 8, 10), "")
    c = eng.cell(eng.RULES_FILED, _facts(rules=[waiting]), *Q3, today=date(2026, 12, 1))
    assert c.state == OK and "待乡镇回执" in c.detail


# --- escalations ------------------------------------------------------------------------------------

def test_escalations_open_recent_is_due_old_is_missing_answered_is_ok():
    today = date(2026, 9, 30)
    recent = EscalationFact("凭证无签字", today - timedelta(days=5), None)
    old = EscalationFact("工程未验收", today - timedelta(days=eng.ANSWER_DAYS + 1), None)
    answered = EscalationFact("低保未公示", date(2026, 8, 1), date(2026, 8, 10))
    before = EscalationFact("去年的事", date(2025, 3, 1), date(2025, 3, 5))
    assert eng.cell(eng.ESCALATIONS, _facts(escalations=[recent]), *Q3, today=today).state == DUE
    c = eng.cell(eng.ESCALATIONS, _facts(escalations=[recent, old, answered, before]), *Q3, today=today)
    assert (c.state, c.note, c.expected) == (MISSING, "2件待答", 3)
    c = eng.cell(eng.ESCALATIONS, _facts(escalations=[answered, before]), *Q3, today=today)
    assert (c.state, c.note) == (OK, "1件已答")
    assert eng.cell(eng.ESCALATIONS, _facts(), *Q3, today=today).state == OK


def test_trend_quarters_end_at_today_or_the_period():
    assert eng.trend_quarters(date(2026, 12, 31), date(2026, 11, 30))[-1] == (2026, 4)
    assert eng.trend_quarters(date(2025, 12, 31), date(2026, 11, 30)) == [
        (2024, 1), (2024, 2), (2024, 3), (2024, 4), (2025, 1), (2025, 2), (2025, 3), (2025, 4)]


# --- the service: periods ---------------------------------------------------------------------------

def test_parse_period():
    from desktop.services.compliance_service import default_period, parse_period

    assert parse_period("2026Q3") == (date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度")
    assert parse_period(" 2026q1 ")[:2] == (date(2026, 1, 1), date(2026, 3, 31))
    assert parse_period("2026") == (date(2026, 1, 1), date(2026, 12, 31), "2026年度")
    assert parse_period("2017-2026")[:2] == (date(2017, 1, 1), date(2026, 12, 31))
    for bad in ("", "2026Q5", "26Q1", "第三季度", "2026-13", "2030-2020"):
        with pytest.raises(ValidationError) as err:
            parse_period(bad)
        assert "2026Q3" in str(err.value) or "年份" in str(err.value)
    assert default_period(date(2026, 11, 30)) == "2026Q3"
    assert default_period(date(2026, 2, 1)) == "2025Q4"


# --- the service on a real township database ---------------------------------------------------------

SECOND_CODE = "330106001002"


def _two_villages(tmp_path):
    """A township, village A (demo data, 2 years) and village B (a few records), both imported."""
    from desktop.services import record_store
    from desktop.sync import enrollment, exporter, importer
    from desktop.sync.enrollment import initialize_from_setup
    from models.db import close_database
    from models.disclosure.records import DisclosureItem
    from models.entities import Person
    from models.meetings.records import Meeting, MeetingAttendance
    from tests.support.sites import Site, make_pair

    township, village_a, usb = make_pair(tmp_path, years=2)
    session = township.use()
    setup = enrollment.enroll_village(session, township.paths, SECOND_CODE, "绿水村", usb)
    village_b = Site(type(township.paths)(tmp_path / "村2"), "village")
    session = village_b.use()
    initialize_from_setup(setup)
    year = date.today().year - 1
    people = [record_store.create(session, Person, name=f"代表{i}", gender="女" if i % 2 else "男", birth_year=1970)
              for i in range(3)]
    for q, valid in ((1, True), (2, False), (3, True)):
        # a real attendance list: the township judges the quorum from it (3 of 3 present, or 1 of 3)
        meeting = record_store.create(session, Meeting, type_code="representatives", title=f"第{q}季度村民代表会议",
                                      held_on=f"{year}-{q * 3 - 1:02d}-10", quorum_met=valid, status="approved")
        for i, person in enumerate(people):
            record_store.create(session, MeetingAttendance, meeting=meeting, person=person, is_representative=True,
                                status="present" if valid or i == 0 else "absent")
    for q, posted in ((1, f"{year}-04-10"), (2, f"{year}-07-25"), (4, "")):
        record_store.create(session, DisclosureItem, category="village", subject="village_affairs",
                            period_kind="quarter", period=f"{year}Q{q}", title=f"{year}年第{q}季度村务",
                            posted_on=posted)
    packages = []
    for site in (village_a, village_b):
        session = site.use()
        packages.append((exporter.export_package(session, site.paths, usb).path, site.paths))
    close_database()
    session = township.use()
    for path, sender in packages:
        importer.apply_import(session, path, township.paths, backup=False, confirm=confirmed_by(sender))
    return township, year


def test_board_matches_a_direct_sql_count(tmp_path):
    from desktop.services import compliance_service as cs
    from tests.support.sites import VILLAGE_CODE

    township, year = _two_villages(tmp_path)
    b = cs.board(str(year))
    assert [v.code for v in b.villages] == [VILLAGE_CODE, SECOND_CODE]
    assert all(v.data_as_of == date.today().isoformat() and v.silent_days == 0 for v in b.villages)
    assert b.data_as_of == date.today().isoformat()

    con = sqlite3.connect(township.paths.database)
    try:
        quarters = dict(con.execute(
            "SELECT owner, count(DISTINCT (CAST(substr(held_on, 6, 2) AS INTEGER) + 2) / 3) FROM meeting "
            "WHERE deleted = 0 AND type_code = 'representatives' AND quorum_met = 1 AND held_on LIKE ? "
            "GROUP BY owner", (f"{year}-%",)).fetchall())
        months = dict(con.execute(
            "SELECT owner, count(DISTINCT period) FROM disclosure_item WHERE deleted = 0 AND category = 'finance' "
            "AND period_kind = 'month' AND posted_on != '' AND period LIKE ? GROUP BY owner",
            (f"{year}-%",)).fetchall())
        affairs = dict(con.execute(
            "SELECT owner, count(DISTINCT period) FROM disclosure_item WHERE deleted = 0 AND category != 'finance' "
            "AND period_kind = 'quarter' AND posted_on != '' AND period LIKE ? GROUP BY owner",
            (f"{year}Q%",)).fetchall())
    finally:
        con.close()
    for code in (VILLAGE_CODE, SECOND_CODE):
        assert b.cell(code, eng.REP_MEETINGS).done == quarters.get(code, 0)
        assert b.cell(code, eng.DISCLOSURE_AFFAIRS).done == affairs.get(code, 0)
    assert b.cell(VILLAGE_CODE, eng.DISCLOSURE_FINANCE).done == months[VILLAGE_CODE]
    assert b.cell(VILLAGE_CODE, eng.DISCLOSURE_FINANCE).expected == 12  # the demo posts monthly

    # village B: Q2 meeting without quorum and no Q4 meeting; Q2 posting late (浙江: by 7-20), Q3 none, Q4 unposted
    second = b.cell(SECOND_CODE, eng.REP_MEETINGS)
    assert (second.state, second.note) == (MISSING, "2/4")
    affairs_b = b.cell(SECOND_CODE, eng.DISCLOSURE_AFFAIRS)
    assert (affairs_b.state, affairs_b.done, affairs_b.late) == (MISSING, 2, 1)
    assert b.cell(SECOND_CODE, eng.RULES_IN_FORCE).state == MISSING  # B never entered its rules
    assert b.cell(VILLAGE_CODE, eng.RULES_IN_FORCE).state == OK

    rows = cs.cell_records(SECOND_CODE, eng.DISCLOSURE_AFFAIRS, str(year))
    assert [(r.period, r.state) for r in rows] == [
        (f"{year}年第一季度", OK), (f"{year}年第二季度", LATE), (f"{year}年第三季度", MISSING),
        (f"{year}年第四季度", MISSING)]
    assert rows[0].title == f"{year}年第1季度村务" and rows[0].on == f"{year}-04-10"
    assert "尚未公开" in rows[3].note
    assert len(b.trend) == 8 and all(0 <= share <= 1 for _q, share in b.trend)
    # the page shows the board first and computes the trend apart: the same cells and the same trend
    alone = cs.board(str(year), with_trend=False)
    assert alone.cells == b.cells and alone.township_cells == b.township_cells and alone.trend == ()
    assert cs.trend(str(year)) == b.trend
    assert str(year) in cs.periods() and f"{year}Q4" in cs.periods()


def test_board_without_any_package_is_empty(tmp_path):
    from desktop.paths import AppPaths
    from desktop.services import compliance_service as cs
    from desktop.services import setup_service
    from desktop.sync import enrollment
    from tests.support.sites import TOWNSHIP_CODE, Site

    township = Site(AppPaths(tmp_path / "乡镇"), "township")
    session = township.use()
    setup_service.initialize("township", "青山镇", TOWNSHIP_CODE, "zhejiang")
    enrollment.enroll_village(session, township.paths, SECOND_CODE, "绿水村", tmp_path)
    b = cs.board("2026Q3", today=date(2026, 11, 30))
    assert b.empty and b.data_as_of == ""
    assert [(v.code, v.data_as_of, v.silent_days) for v in b.villages] == [(SECOND_CODE, "", None)]
    assert b.trend == ()
    with pytest.raises(ValidationError):
        cs.board("明年")
