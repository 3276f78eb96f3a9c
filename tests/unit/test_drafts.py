"""Drafts and duplicates (issue 15): abandoning a draft to the 回收站 and back; a second posting asks first.

The later states (in review, approved, posted) are reached with
`record_store.update` on the real records: these tests are about what may be
abandoned, not about who signs (the sign-off rules have their own tests).
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import disclosure_service as ds
from desktop.services import meetings_service, record_store, recycle_service, rules_service
from desktop.services import supervision_service as sv
from desktop.services.meetings_service import AgendaLine
from models.disclosure.financial_table import Line
from models.disclosure.records import DisclosureItem
from models.errors import DuplicateRecord, NotFound, ValidationError
from models.meetings.records import Meeting
from models.rules.records import RuleArticle
from tests.support.committee import reviewer
from tests.support.rules import adopt, import_draft


def _in_recycle(record_id: str) -> bool:
    return record_id in {r.id for r in recycle_service.list_deleted()}


#: The columns of a 村务公开 item only the 监委会 writes (`column_rights`).
_REVIEW = frozenset({"reviewed_on", "reviewed_by", "review_result", "review_reason"})


def _set(model, record_id: str, admin, **values) -> None:
    """Write `values`: a 村务公开 item's review as the 监委会 writes it, the rest as the administrator."""
    from desktop.services import setup_service
    from desktop.services.session import Session

    review = {k: v for k, v in values.items() if model is DisclosureItem and k in _REVIEW}
    rest = {k: v for k, v in values.items() if k not in review}
    if rest:
        record_store.update(admin, model.get_by_id(record_id), **rest)
    if review:
        committee = Session(actor="监委会", role="committee", display_name="监委会",
                            installation=setup_service.current())
        record_store.update(committee, model.get_by_id(record_id), **review)


# --- 村务公开 -------------------------------------------------------------------------------------

def test_a_disclosure_draft_is_abandoned_and_comes_back_with_its_table(village):
    _, admin = village
    item = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开")
    ds.save_table(admin, item.id, 100000, 110000, [Line("2026-11-03", "记-001", "转移支付", "", 10000, 0, "")])
    ds.abandon_draft(admin, item.id)
    assert item.id not in {r.id for r in ds.list_items()}
    assert _in_recycle(item.id)
    with pytest.raises(NotFound):
        ds.item(item.id)
    recycle_service.restore(admin, "disclosure_item", item.id)
    assert ds.item(item.id).title == "2026年11月财务收支公开"
    opening, closing, lines = ds.table(item.id)
    assert (opening, closing, [line.summary for line in lines]) == (100000, 110000, ["转移支付"])



def test_an_abandoned_draft_whose_period_has_a_new_posting_asks_before_it_comes_back(village):
    """放弃草稿, 新建 the month again, then 恢复 the old one: a second posting for the period asks first."""
    _, admin = village
    old = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开").id
    ds.abandon_draft(admin, old)
    new = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开(重做)").id
    with pytest.raises(DuplicateRecord) as asked:
        recycle_service.restore(admin, "disclosure_item", old)
    assert "这一期已有一份“2026年11月财务收支公开(重做)”(现在“草稿”)" in str(asked.value)
    assert asked.value.existing_id == new and _in_recycle(old)
    recycle_service.restore(admin, "disclosure_item", old, allow_duplicate=True)
    assert {r.id for r in ds.existing_items("finance_monthly", "2026-11")} == {old, new}
    alone = ds.create_item(admin, "finance_monthly", "2026-12", "2026年12月财务收支公开").id
    ds.abandon_draft(admin, alone)
    recycle_service.restore(admin, "disclosure_item", alone)  # nothing else for December: no question
    assert not _in_recycle(alone)

def test_a_returned_item_may_be_abandoned(village):
    _, admin = village
    item = ds.create_item(admin, "village_affairs", "2026Q3", "第三季度村务公开", period_kind="quarter")
    _set(DisclosureItem, item.id, admin, submitted_on="2026-10-05", reviewed_on="2026-10-06",
         review_result="returned", review_reason="重复了")
    ds.abandon_draft(admin, item.id)
    assert _in_recycle(item.id)


@pytest.mark.parametrize(("state", "values", "reason"), [
    ("in_review", dict(submitted_on="2026-10-05"), "已经提交监委会审核"),
    ("approved", dict(submitted_on="2026-10-05", reviewed_on="2026-10-06", review_result="approved"),
     "审核通过"),
    ("posted", dict(submitted_on="2026-10-05", reviewed_on="2026-10-06", review_result="approved",
                    posted_on="2026-10-07"), "已经公开"),
])
def test_an_item_under_review_approved_or_posted_is_never_abandoned(village, state, values, reason):
    _, admin = village
    item = ds.create_item(admin, "village_affairs", "2026Q3", "第三季度村务公开", period_kind="quarter")
    _set(DisclosureItem, item.id, admin, **values)
    assert ds.item(item.id) and ds.list_items()[0].status == state
    with pytest.raises(ValidationError) as err:
        ds.abandon_draft(admin, item.id)
    assert reason in str(err.value) and "第三季度村务公开" in str(err.value)
    assert not _in_recycle(item.id)


def test_a_second_posting_for_the_same_subject_and_period_asks_first(village):
    _, admin = village
    first = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开")
    with pytest.raises(DuplicateRecord) as err:
        ds.create_item(admin, "finance_monthly", "2026-11", "又一份")
    assert str(err.value) == "2026年11月财务收支公开 已有一份草稿,仍要再建一份吗?"
    assert err.value.existing_id == first.id
    assert len(ds.list_items()) == 1  # nothing written
    assert ds.existing_items("finance_monthly", "2026-11")[0].id == first.id
    second = ds.create_item(admin, "finance_monthly", "2026-11", "又一份", allow_duplicate=True)
    assert {r.id for r in ds.list_items()} == {first.id, second.id}
    ds.create_item(admin, "finance_monthly", "2026-12", "2026年12月财务收支公开")  # another month: no question


def test_the_question_names_a_posted_one(village):
    _, admin = village
    first = ds.create_item(admin, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    _set(DisclosureItem, first.id, admin, submitted_on="2026-11-01", reviewed_on="2026-11-02",
         review_result="approved", posted_on="2026-11-03")
    with pytest.raises(DuplicateRecord) as err:
        ds.create_item(admin, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    assert str(err.value) == "2026年10月财务收支公开 已公开,仍要再建一份吗?"


def test_an_abandoned_draft_is_no_duplicate_and_ad_hoc_items_are_not_checked(village):
    _, admin = village
    first = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开")
    ds.abandon_draft(admin, first.id)
    ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开")
    ds.create_item(admin, "projects", "", "村道硬化", event_date=date(2026, 5, 3))
    ds.create_item(admin, "projects", "", "路灯安装", event_date=date(2026, 5, 3))


def test_the_calendar_names_the_draft_of_an_unmet_obligation(village):
    _, admin = village
    item = ds.create_item(admin, "finance_monthly", "2026-03", "2026年3月财务收支公开")
    _set(DisclosureItem, ds.create_item(admin, "finance_monthly", "2026-02", "二月").id, admin,
         submitted_on="2026-03-01", reviewed_on="2026-03-02", review_result="approved", posted_on="2026-03-03")
    rows = {o.period: o for o in ds.calendar_year(2026, date(2026, 12, 20)) if o.kind == "monthly_finance"}
    assert rows["2026-03"].item_id is None and rows["2026-03"].draft_id == item.id
    assert rows["2026-02"].item_id and rows["2026-02"].draft_id is None
    assert rows["2026-04"].draft_id is None


# --- 村规民约 -------------------------------------------------------------------------------------

def test_a_rule_draft_is_abandoned_and_comes_back_with_its_articles(village):
    _, admin = village
    version_id = import_draft(admin)
    articles = RuleArticle.live().where(RuleArticle.version == version_id).count()
    rules_service.abandon_draft(admin, version_id)
    assert _in_recycle(version_id)
    assert not any(v.id == version_id for rs in rules_service.list_rule_sets() for v in rs.versions)
    recycle_service.restore(admin, "rule_version", version_id)
    assert len(rules_service.view(version_id).articles) == articles == 3



def test_an_abandoned_rule_draft_does_not_come_back_beside_a_new_draft(village):
    """放弃草稿, 新建草案, 恢复 the first: refused (one draft under way per 规章), nothing changed."""
    from models.rules.records import RuleVersion

    _, admin = village
    first = import_draft(admin)
    rule_set = RuleVersion.get_by_id(first).rule_set_id
    rules_service.abandon_draft(admin, first)
    second = rules_service.new_draft(admin, rule_set, "重写").id
    with pytest.raises(ValidationError) as err:
        recycle_service.restore(admin, "rule_version", first)
    assert "已经有一个正在进行的草案(第 2 版),请先完成或删除它" in str(err.value)
    assert _in_recycle(first)
    rules_service.abandon_draft(admin, second)
    recycle_service.restore(admin, "rule_version", first)  # alone again: it comes back
    assert not _in_recycle(first) and _in_recycle(second)

def test_an_adopted_version_is_never_abandoned(village):
    _, admin = village
    version_id = import_draft(admin)
    adopt(admin, version_id)
    with pytest.raises(ValidationError) as err:
        rules_service.abandon_draft(admin, version_id)
    assert "第1版已经表决通过" in str(err.value) and "修订" in str(err.value)
    assert not _in_recycle(version_id)


# --- 会议 ------------------------------------------------------------------------------------------

def _meeting(admin) -> str:
    draft = meetings_service.new_draft("village_committee", date(2026, 11, 5))
    draft.title = "村委会例会"
    draft.agenda = [AgendaLine("讨论路灯维修", "同意维修")]
    return meetings_service.save(admin, draft)


def test_a_meeting_draft_is_abandoned_and_comes_back_with_its_agenda(village):
    _, admin = village
    meeting_id = _meeting(admin)
    meetings_service.delete_draft(admin, meeting_id)
    assert _in_recycle(meeting_id)
    recycle_service.restore(admin, "meeting", meeting_id)
    assert [a.minutes for a in meetings_service.load(meeting_id).agenda] == ["同意维修"]


def test_approved_minutes_are_never_abandoned(village):
    _, admin = village
    meeting_id = _meeting(admin)
    _set(Meeting, meeting_id, admin, status="approved")
    with pytest.raises(ValidationError) as err:
        meetings_service.delete_draft(admin, meeting_id)
    assert "“村委会例会”已经审定,不是草稿,不能放弃" in str(err.value)
    assert not _in_recycle(meeting_id)


# --- 民主理财 --------------------------------------------------------------------------------------

def test_a_second_voucher_review_of_a_month_asks_first(village):
    _, admin = village
    member = reviewer(admin)  # the committee records 民主理财 through a member's own login
    first = sv.add_voucher_review(member, "2026-03", date(2026, 4, 3), 42, 5832040, "张监委")
    with pytest.raises(DuplicateRecord) as err:
        sv.add_voucher_review(member, "2026-03", date(2026, 4, 9), 3, 1000, "张监委")
    assert str(err.value) == "2026-03 的民主理财已经登记过一次(2026-04-03审核,凭证 42 张),仍要再登记一次吗?"
    assert err.value.existing_id == first.id
    sv.add_voucher_review(member, "2026-03", date(2026, 4, 9), 3, 1000, "张监委", allow_duplicate=True)
    assert sv.voucher_review_of("2026-03").id == first.id
