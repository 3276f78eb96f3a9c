"""A rule set's version facts: one cached pass, the same answers as the per-version recursion."""

from __future__ import annotations

import threading
from datetime import date

from desktop.services import rules_service
from models.rules import procedure as proc
from models.rules.records import RuleVersion
from tests.support.rule_facts_reference import facts_one_by_one
from tests.support.sites import make_pair


def test_one_pass_matches_the_recursion_on_the_demo_village(tmp_path):
    """Ten years of demo history: the village of the session's `make_pair(years=10)` template (the same
    `fill_village` call, shared with tests/unit/test_recovery_from_township.py) instead of a build of its own."""
    _township, village, _usb = make_pair(tmp_path, years=10)
    village.use()
    versions = list(RuleVersion.live())
    assert len(versions) >= 3
    statuses = set()
    for v in versions:
        assert rules_service.facts(v.id) == facts_one_by_one(v.id), v.title
        statuses.add(proc.status(rules_service.facts(v.id)))
    assert proc.ST_IN_FORCE in statuses and len(statuses) >= 2  # the demo covers more than one state


def test_a_write_is_seen_at_once(village):
    _paths, admin = village
    version, _ = rules_service.import_text(admin, "第一条 村民应当爱护公共设施。", "青山村村规民约")
    assert rules_service.facts(version.id).opinions == 0
    assert [r.versions[0].status for r in rules_service.list_rule_sets()] == [proc.ST_SOLICITING]
    rules_service.add_opinion(admin, version.id, date(2026, 3, 1), "forum", "增加养犬管理的条款")
    assert rules_service.facts(version.id).opinions == 1
    rules_service.save_articles(admin, version.id, [rules_service.ArticleLine("", "", "村民应当爱护公共设施。"),
                                                    rules_service.ArticleLine("", "", "文明养犬。")])
    assert rules_service.facts(version.id).articles == 2


def test_a_write_on_another_connection_is_seen(village):
    _paths, admin = village
    version, _ = rules_service.import_text(admin, "第一条 村民应当爱护公共设施。", "青山村村规民约")
    assert rules_service.facts(version.id).opinions == 0

    def elsewhere():
        from models.db import database

        with database.connection_context():
            rules_service.add_opinion(admin, version.id, date(2026, 3, 1), "forum", "增加养犬管理的条款")

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    assert rules_service.facts(version.id).opinions == 1


def test_changing_the_returned_facts_does_not_change_the_cache(village):
    _paths, admin = village
    version, _ = rules_service.import_text(admin, "第一条 村民应当爱护公共设施。", "青山村村规民约")
    rules_service.facts(version.id).opinions = 99
    assert rules_service.facts(version.id).opinions == 0
