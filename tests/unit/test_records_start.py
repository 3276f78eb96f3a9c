"""What fell due before a village kept its records in cunwu is neither met nor missed (issue 15).

A fresh village (today) is not told about quarters or months whose
deadline passed before it began: the calendar shows them as
"开始使用本软件之前", the secretary's 待办 has no overdue line. An older
record entered later moves the start back and the gaps become gaps.
"""

from __future__ import annotations

from datetime import date

from desktop.services import disclosure_service as ds
from desktop.services import people_service, todo_service
from models.disclosure import calendar as cal
from tests.support.committee import login_as


def test_a_fresh_village_owes_nothing_from_before_it_began(village):
    _, admin = village
    today = date.today()
    began = ds.records_began()
    assert began == today  # the wizard's first write
    rows = [r for r in ds.calendar_year(today.year, today, since=began) if r.kind != "ad_hoc"]
    assert not [r for r in rows if r.status == cal.OVERDUE]
    assert all(r.status == cal.BEFORE_USE for r in rows if date.fromisoformat(r.due) < today)
    # Without `since` (the law's view of the year) the same obligations are overdue, as before.
    old = [r for r in ds.calendar_year(today.year, today) if r.kind != "ad_hoc"]
    assert all(r.status == cal.OVERDUE for r in old if date.fromisoformat(r.due) < today)

    people_service.add_person(admin, "张三", "男")
    secretary = login_as(admin, "wenshu", "secretary")
    assert "overdue" not in [line.key for line in todo_service.todo(secretary, today)]


def test_an_older_posting_entered_later_moves_the_start_back(village):
    _, admin = village
    today = date.today()
    secretary = login_as(admin, "wenshu", "secretary")
    last_year = today.year - 1
    ds.create_item(secretary, "finance_monthly", f"{last_year}-01", f"{last_year}年1月财务收支公开")
    assert ds.records_began() == date(last_year, 1, 1)
    rows = ds.calendar_year(last_year, today, since=ds.records_began())
    quarterly = [r for r in rows if r.kind == "quarterly"]
    assert len(quarterly) == 4 and all(r.status == cal.OVERDUE for r in quarterly)  # now kept here: missing
    people_service.add_person(admin, "张三", "男")
    assert "overdue" in [line.key for line in todo_service.todo(secretary, today)]


def test_status_before_use_only_when_not_posted():
    due, today = date(2026, 4, 20), date(2026, 12, 4)
    assert cal.status(due, None, today, since=date(2026, 12, 4)) == cal.BEFORE_USE
    assert cal.status(due, date(2026, 4, 1), today, since=date(2026, 12, 4)) == cal.DONE_ON_TIME
    assert cal.status(due, None, today, since=date(2026, 4, 20)) == cal.OVERDUE  # due on the first day: judged
