"""Each kind of record, written through its real service, is found right after; deleted, it is gone (issue 19).

The index is kept by `record_store` and the importers inside the write's
transaction (`models.search_index`): nothing here rebuilds it.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop import demo
from desktop.services import (
    auth_service,
    disclosure_service,
    elections_service,
    recycle_service,
    rules_service,
)
from desktop.services import search_service as ss
from desktop.services import supervision_service as sv
from desktop.services.rule_facts import ArticleLine
from models import search_index
from models.disclosure.financial_table import Line
from models.supervision import matters as mm


@pytest.fixture
def admin(village_demo):
    return village_demo[1]


def ids(session, query: str, kind: str) -> list[str]:
    return [h.id for h in ss.search(session, query, kind=kind).hits]


def test_an_article_of_a_new_draft_is_found_with_its_version_and_gone_when_abandoned(admin):
    rs = rules_service.create_rule_set(admin, "青山村章程", kind="charter")
    lines = [ArticleLine("第一章 总则", "第一条", "本章程依据组织法制定。"),
             ArticleLine("第二章 山林", "第二条", "村民的山林承包经营权受法律保护。")]
    version = rules_service.new_draft(admin, rs.id, "青山村章程(草案)", lines=lines)
    [hit] = ss.search(admin, "山林承包").hits
    article = rules_service.articles(version.id)[1]
    assert hit.kind == "article" and hit.title == "青山村章程(草案) 第二条"
    assert hit.target.startswith(f"rules:@{version.id}/") and "山林承包" in hit.snippet
    assert article.text in hit.snippet
    rules_service.save_articles(admin, version.id, [lines[0], ArticleLine("第二章 山林", "第二条", "集体林权依法登记。")])
    assert ss.search(admin, "山林承包").total == 0 and len(ids(admin, "林权", "article")) == 1
    rules_service.abandon_draft(admin, version.id)
    assert ss.search(admin, "林权").total == 0
    recycle_service.restore(admin, "rule_version", version.id)
    assert len(ids(admin, "林权", "article")) == 1


def test_a_posting_is_found_by_its_table_lines_and_gone_when_abandoned(admin):
    item = disclosure_service.create_item(admin, "finance_monthly", "2031-10", "2031年10月财务收支公开")
    disclosure_service.save_table(admin, item.id, 100000, 864920, [
        Line("2031-10-03", "记-001", "收到上级转移支付", "转移支付", 1200000, 0, "王文书"),
        Line("2031-10-09", "记-002", "购买太阳能路灯 12 盏", "基础设施", 0, 435080, "李主任")])
    assert ids(admin, "太阳能路灯", "posting") == [item.id]
    [hit] = ss.search(admin, "路灯 2031").hits
    assert hit.target == f"disclosure:list@{item.id}" and "太阳能路灯" in hit.snippet
    disclosure_service.abandon_draft(admin, item.id)
    assert ss.search(admin, "太阳能路灯").total == 0


def test_a_matter_is_found_by_its_answer(village_demo):
    committee = auth_service.login("jianwei", demo.DEMO_PASSWORD)
    keeper = auth_service.login("wenshu", demo.DEMO_PASSWORD)
    m = sv.open_matter(committee, "差旅报销缺少审批单", "property", "inspection", date(2026, 3, 5),
                       "3 张差旅凭证无审批单")
    assert ids(committee, "差旅凭证", "matter") == [m.id]
    sv.advance(committee, m.id, mm.NOTIFIED, date(2026, 3, 6), "请补签", deadline=date(2026, 3, 20))
    sv.advance(keeper, m.id, mm.ANSWERED, date(2026, 3, 26), "已由出纳补签并复印存档")
    [hit] = ss.search(keeper, "复印存档").hits
    assert hit.id == m.id and hit.target == f"supervision:matters@{m.id}" and hit.date == "2026-03-05"


def test_an_election_is_found_by_its_label(admin):
    e = elections_service.create_election(admin, "general", "第十三届村民委员会换届选举", date(2031, 3, 1),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    hits = ss.search(admin, "第十三届", kind="election").hits
    assert e.id in [h.id for h in hits] and f"elections:@{e.id}" in [h.target for h in hits]


def test_the_index_stays_in_step_through_all_of_it(admin):
    assert not search_index.out_of_step()
