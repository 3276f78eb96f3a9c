"""The 监委会 page follows who may write what (issue 16): a 村委会成员 login sees, and is told why not.

Issue 16, "who may write what": a 村委会成员 login could create 监委会 届次 and
members — the very body that supervises it. The service now refuses it
(`tests/unit/test_attack_write_rights.py`); the screen disables 新建届次/添加成员
for that login, with a tooltip that says why and who records the election.
Screenshot at 1366×768: build/screenshots/write_rights_members_village_committee.png.
"""

from __future__ import annotations

from desktop.services import setup_service
from tests.support import screens
from tests.support.committee import village_committee_login


def _members_page(qtbot, paths, session, settings_store):
    from ui.main_window import MainWindow

    window = MainWindow(setup_service.current(), session, paths, settings_store)
    screens.shown(qtbot, window, 1366, 768)
    window.go_to("supervision:members")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.members_tab)
    return window, page.members_tab


def test_a_village_committee_login_cannot_open_the_committees_election(qtbot, village_demo, settings_store):
    """“The 监委会 page's 新建届次/添加成员 for a 村委会成员 login”: disabled, with the reason as tooltip."""
    paths, admin = village_demo
    chair = village_committee_login(admin)
    window, tab = _members_page(qtbot, paths, chair, settings_store)
    assert tab.term_combo.count() > 0  # the demo's terms are there to read
    for button in (tab.new_term_button, tab.add_button, tab.end_button):
        assert not button.isEnabled()
        assert button.toolTip().startswith("“村委会成员”账号不能登记或修改监委会成员:只有管理员、村文书/村支书账号可以。")
        assert "第三十二条" in button.toolTip()
    tab.table.selectRow(0)
    assert not tab.end_button.isEnabled()
    screens.save(window, "write_rights_members_village_committee")
    _save_with_tooltip(qtbot, window, tab.add_button, "write_rights_members_village_committee_tooltip")


def _save_with_tooltip(qtbot, window, button, name: str) -> None:
    """The window with `button`'s tooltip shown over it (a tooltip is its own window: painted on the grab)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.showText(button.mapToGlobal(QPoint(button.width() // 2, button.height())), button.toolTip(), button)
    qtbot.waitUntil(QToolTip.isVisible)
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    image = window.grab()
    painter = QPainter(image)
    painter.drawPixmap(button.mapTo(window, QPoint(button.width() // 2, button.height() + 4)), tip.grab())
    painter.end()
    screens.OUT.mkdir(parents=True, exist_ok=True)
    assert image.save(str(screens.OUT / f"{name}.png"))
    QToolTip.hideText()


def test_the_secretary_still_records_the_election(qtbot, village_demo, settings_store):
    """The secretary (and the administrator) keep recording it: the buttons stay enabled, no tooltip."""
    from tests.support.committee import login_as

    paths, admin = village_demo
    secretary = login_as(admin, "wenshu2", "secretary")
    _window, tab = _members_page(qtbot, paths, secretary, settings_store)
    assert tab.new_term_button.isEnabled() and tab.add_button.isEnabled()
    assert tab.new_term_button.toolTip() == ""
