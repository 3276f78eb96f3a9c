"""村规民约 on a narrow page: the version list and the chosen version become tabs, and nothing is lost.

On a 1024×600 netbook the list and the version panel side by side needed
1041 px of 834 and the page scrolled sideways; now they are two tabs there
(and the 办理进度 column a tab beside 条文与办理), side by side on a wide page.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.rules import import_draft, shown_rules_page


@pytest.fixture
def admin(village):
    _, session = village
    return session


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_narrow_page_shows_list_and_version_as_tabs_and_a_clicked_version_comes_forward(qtbot, admin):
    import_draft(admin)
    page = shown_rules_page(qtbot, admin)
    page.resize(700, 560)
    _settle()
    assert not page.panes.side_by_side()
    assert page.minimumSizeHint().width() <= 700
    page.panes.show_main()
    child = page.tree.topLevelItem(0).child(0)
    rect = page.tree.visualItemRect(child)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle()
    assert page.panes.tabs.currentWidget() is page.stack  # the version, not the list
    assert page.panel.view is not None


def test_next_step_button_opens_the_tabs_when_progress_is_a_tab(qtbot, admin):
    import_draft(admin)
    page = shown_rules_page(qtbot, admin)
    page.resize(700, 560)
    _settle()
    body = page.panel.body
    assert not body.side_by_side()
    body.tabs.setCurrentIndex(0)  # 办理进度
    page.panel.go_to_next_step()
    assert body.tabs.currentWidget() is page.panel.tabs


def test_wide_page_keeps_everything_side_by_side(qtbot, admin):
    import_draft(admin)
    page = shown_rules_page(qtbot, admin)
    page.resize(1300, 700)
    _settle()
    assert page.panes.side_by_side()
    assert page.panel.body.side_by_side()
