"""办结 keeps the 事项办理 pane as wide as it was (it fell to ~150 px, its text wrapping every few characters)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import setup_service
from models.supervision import matters as mm
from tests.support.demo import demo_login, supervision_village
from tests.support.screens import shown
from tests.support.typing import type_text


def test_closing_a_matter_keeps_the_detail_pane_width(qtbot, store, settings_store):
    from tests.gui.fit_checks import opened_size, settle
    from ui.main_window import MainWindow

    supervision_village()
    window = shown(qtbot, MainWindow(setup_service.current(), demo_login("jianwei"), store, settings_store),
                   *opened_size(1024, 600))
    window.show_area("supervision")
    page = window.current_page()
    page.tabs.setCurrentWidget(page.matters_tab)
    tab = page.matters_tab
    settle()
    assert tab.panes.side_by_side()
    row = next(i for i, r in enumerate(tab.rows) if r.state == mm.ANSWERED)
    tab.table.selectRow(row)
    settle()
    before = tab.panes.side.width()
    for target, text in ((mm.VERIFIED, "现场查看:已整改。"), (mm.CLOSED, "")):
        assert tab.panel.step_buttons[target].isEnabled()
        qtbot.mouseClick(tab.panel.step_buttons[target], Qt.MouseButton.LeftButton)
        dialog = tab.panel.dialog
        qtbot.waitExposed(dialog)
        if text:
            type_text(qtbot, dialog.text_edit, text)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        settle()
    assert "已办结" in tab.panel.meta_label.text()
    settle()
    assert tab.panes.side.width() >= before - 2, (before, tab.panes.side.width())
