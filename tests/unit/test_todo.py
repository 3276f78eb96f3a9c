"""The home page's to-do list per login, and a quarter in progress is not missing."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services import decisions_service, todo_service
from desktop.services import disclosure_service as ds
from models.disclosure.financial_table import Line
from tests.support.committee import login_as, member_login

TODAY = date(2026, 11, 20)


def _keys(session, today=TODAY, backups=None):
    return [line.key for line in todo_service.todo(session, today, backups)]


def test_a_fresh_village_is_told_to_register_people_first(village):
    _, admin = village
    [line] = todo_service.todo(admin, TODAY)
    assert line.key == "register" and line.page == "people"
    assert str(line.text).startswith("先登记人员名册")


def test_each_login_sees_its_own_work(village, tmp_path):
    _, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin, "weiyuan", "周监委")
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 0, 1000, [Line("2026-10-02", "1", "厂房租金", "租赁收入", 1000, 0)])
    ds.create_item(secretary, "finance_monthly", "2026-09", "2026年9月财务收支公开")  # a draft left behind
    ds.submit(secretary, item.id, date(2026, 11, 2))

    committee = todo_service.todo(member, TODAY)
    review = next(line for line in committee if line.key == "review")
    assert str(review.text) == "1 项公开内容等待监委会审核(最早 2026-11-02 提交)。"
    assert review.page.split("@")[0] == "disclosure:list"  # "@<id>": the one item waiting opens itself
    # Last month's 民主理财 is asked for once the village keeps its records here (not for months before).
    assert "vouchers" not in [line.key for line in committee]
    next_month = date.today() + timedelta(days=40)
    assert "vouchers" in _keys(member, next_month)
    assert "drafts" not in [line.key for line in committee]  # the secretary's work, not the committee's

    mine = _keys(secretary)
    assert "drafts" in mine and "review" not in mine
    assert "overdue" in mine  # the earlier months' postings are past their deadline
    assert mine[0] == "overdue"  # urgent lines first

    admin_lines = todo_service.todo(admin, TODAY, tmp_path / "backups")
    accounts = [line for line in admin_lines if line.key == "accounts"]
    assert not accounts  # the one member has their own login
    member_login(admin, "likai", "李监委")  # a second member, with a login too
    assert [line.key for line in todo_service.todo(admin, TODAY, tmp_path / "backups")].count("backup") == 1


def test_the_admin_is_told_which_members_have_no_login(village):
    _, admin = village
    from desktop.services import people_service
    from desktop.services import supervision_service as sv

    person = people_service.add_person(admin, "孙监委", "女")
    term = sv.create_term(admin, "第七届", date(2021, 5, 6))
    sv.add_member(admin, term.id, person.id)
    line = next(line for line in todo_service.todo(admin, TODAY) if line.key == "accounts")
    assert "孙监委" in str(line.text) and line.page == "accounts"


def test_a_village_without_a_committee_is_told_to_enter_it(village):
    _, admin = village
    from desktop.services import people_service

    people_service.add_person(admin, "张三", "男")
    line = next(line for line in todo_service.todo(admin, TODAY) if line.key == "committee")
    assert "村务监督 → 成员" in str(line.text) and line.page == "supervision:members"


def test_a_quarter_in_progress_is_not_missing(village):
    _, _admin = village
    found = [f.text() for f in decisions_service.cadence_findings(2026, date(2026, 11, 20))]
    assert len(found) == 3 and not any("第 4 季度" in t for t in found)
    assert decisions_service.cadence_findings(2026, date(2026, 2, 10)) == []  # the first quarter is under way
    assert len(decisions_service.cadence_findings(2026, date(2026, 12, 31))) == 4  # its last day ends it
    now = decisions_service.quarter_in_progress(date(2026, 11, 20))
    assert (now.year, now.quarter, now.held, now.drafted) == (2026, 4, False, False)


def test_quarters_before_the_village_kept_records_here_are_not_judged(village):
    _, _admin = village
    assert decisions_service.records_began() == date.today()  # the wizard's first write
    assert decisions_service.cadence_findings(2026, date(2026, 11, 20), since=date(2026, 11, 10)) == []
    found = [f.text() for f in decisions_service.cadence_findings(2026, date(2026, 11, 20), since=date(2026, 5, 3))]
    assert [t[:12] for t in found] == ["2026 年第 2 季度", "2026 年第 3 季度"]


def test_the_secretary_sees_the_matters_waiting_for_the_village_committees_answer(village):
    """待办 of the secretary: supervision matters awaiting an answer, the late ones first (issue 15)."""
    from desktop.services import supervision_service as sv
    from models.supervision import matters as mm

    _, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin, "weiyuan", "周监委")
    assert "answer" not in _keys(secretary)
    late = sv.open_matter(member, "低保名单未张贴", "subsidies", "complaint", date(2026, 10, 1))
    sv.advance(member, late.id, mm.NOTIFIED, date(2026, 10, 2), "请张贴", deadline=date(2026, 10, 20))
    due = sv.open_matter(member, "公开栏未更新", "decisions", "inspection", date(2026, 11, 1))
    sv.advance(member, due.id, mm.NOTIFIED, date(2026, 11, 2), "请更新", deadline=date(2026, 12, 31))

    line = next(line for line in todo_service.todo(secretary, TODAY) if line.key == "answer")
    assert str(line.text) == "2 件监督事项等待村委会答复,其中 1 件已过整改期限。"
    assert line.urgent and line.page.startswith("supervision:matters")
    assert "answer" not in _keys(member)  # the committee does not answer its own matters

    sv.advance(secretary, late.id, mm.ANSWERED, date(2026, 11, 3), "已张贴")
    sv.advance(secretary, due.id, mm.ANSWERED, date(2026, 11, 4), "已更新")
    assert "answer" not in _keys(secretary)
