"""A search hit lands on its record: each page's `open_record` for the kinds search finds (issue 19).

The meetings, 村务公开 and 村务监督 pages had theirs (the to-do lines use
them); the 村规民约, 人员名册, 民主选举 and 数据交换 (乡镇通知) pages gain one here.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from desktop.services import elections_service, exchange_service, notice_service, people_service
from models.rules.records import RuleArticle
from tests.support.demo import demo_village
from tests.support.first_contact import genuine
from tests.support.rules import import_draft
from tests.support.screens import shown
from tests.support.sites import VILLAGE_CODE, village_package


@pytest.fixture
def demo(store):
    """The demo village (a copy of the session's template); yields (paths, admin session)."""
    return store, demo_village(years=1)


def _article_ids(version_id: str) -> list[str]:
    return [a.id for a in RuleArticle.live().where(RuleArticle.version == version_id).order_by(RuleArticle.position)]


def test_the_rules_page_opens_the_version_at_the_article(qtbot, village):
    from ui.rules.rules_page import RulesPage

    _paths, admin = village
    first = import_draft(admin)
    second = import_draft(admin, title="青山村红白理事会章程")
    page = shown(qtbot, RulesPage(admin), 1024 - 160, 560)  # the narrow page: list and version are tabs
    assert page.selected_version_id() == first
    target = _article_ids(second)[2]
    assert page.open_record("", f"{second}/{target}")
    assert page.selected_version_id() == second
    editor = page.panel.article_editor
    assert page.panel.tabs.currentWidget() is editor and editor.isVisible()  # the version's tab, 条文 in front
    assert editor.selected_row() == 2 and editor.text_edit.toPlainText().startswith("红白喜事从简办理")
    assert not page.open_record("", "no-such-version/x") and "不在了" in page.message.text()


def test_the_register_highlights_the_person_even_when_searched_away_or_departed(qtbot, demo):
    from ui.people.register_page import RegisterPage

    _paths, admin = demo
    page = shown(qtbot, RegisterPage(admin), 1200, 700)
    page.search_edit.setText("没有这个名字")
    page.apply_search()
    departed = next(r for r in people_service.register_rows(people_service.register_ids("", True, "roster"))
                    if not r.on_register())
    assert page.open_record("", departed.id)
    assert page.selected_id() == departed.id and page.include_left_box.isChecked()
    assert page.search_edit.text() == "" and page.tabs.currentIndex() == 0
    assert not page.open_record("", "no-such-person") and "不在名册" in page.message.text()


def test_the_elections_page_chooses_the_election(qtbot, demo):
    from ui.elections.elections_page import ElectionsPage

    paths, admin = demo
    rows = elections_service.list_elections()
    page = shown(qtbot, ElectionsPage(admin, paths=paths), 1200, 700)
    assert page.open_record("", rows[-1].id) and page.election_id() == rows[-1].id


def test_the_exchange_page_opens_the_notice(qtbot, pair):
    from ui.exchange.exchange_page import ExchangePage

    package = village_package(pair, "张三")
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    for title in ("关于报送第四季度村务公开材料的通知", "关于做好冬季防火工作的通知"):
        notice_service.send_notice(pair.township_session, title, f"{title}:请各村按时办理。", date(2026, 11, 2),
                                   [VILLAGE_CODE])
    back = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                           recipient_code=VILLAGE_CODE)
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, back.path)
    wanted = next(n for n in notice_service.notices() if "防火" in n.title)
    page = shown(qtbot, ExchangePage(pair.village_session, paths=pair.village), 1200, 700)
    dialog = page.open_record("notices", wanted.id)
    qtbot.waitExposed(dialog)
    assert "冬季防火" in dialog.body.toPlainText() and "防火" in dialog.list.currentItem().text()
    others = [n for n in notice_service.notices() if n.id != wanted.id]
    assert others and not any(n.read for n in others)  # only the notice asked for was opened (and marked read)
    dialog.close()
    QApplication.processEvents()
