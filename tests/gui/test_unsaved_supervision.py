"""Never lose typed work in 监督事项 (issue 15): 新建事项 and each step ask before closing and keep a draft."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop.services import supervision_service
from models.supervision import matters as mm
from tests.gui.test_unsaved_disclosure import answer, open_boxes
from tests.support.demo import demo_login, supervision_village
from tests.support.typing import type_text
from ui.supervision.matter_dialogs import NEW_MATTER_KEY


@pytest.fixture
def page(qtbot, store):
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    supervision_village()
    page = SupervisionPage(demo_login("jianwei"), MeetingEditor)  # the committee acts as its chair
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.matters_tab)
    return page


def _button(dialog, which: QDialogButtonBox.StandardButton):
    return dialog.buttons.button(which)


def test_new_matter_asks_before_its_typing_is_lost(qtbot, page):
    tab = page.matters_tab
    before = len(supervision_service.list_matters())
    dialog = tab.open_new()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not open_boxes()  # nothing typed: closes at once

    dialog = tab.open_new()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.title_edit, "村道硬化工程结算未公开")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert dialog.isVisible() and dialog.title_edit.text() == "村道硬化工程结算未公开"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer(qtbot, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert len(supervision_service.list_matters()) == before

    dialog = tab.open_new()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.title_edit, "低保评议未公开")
    type_text(qtbot, dialog.findings_edit, "村民反映名单没有张贴。")
    dialog.close()  # the window's ×
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert len(supervision_service.list_matters()) == before + 1
    assert tab.selected_id() == dialog.matter_id  # the board followed, as after 登记


def test_a_refused_save_keeps_the_dialog(qtbot, page):
    dialog = page.matters_tab.open_new()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.findings_edit, "没有写事项名称")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert dialog.isVisible() and dialog.is_dirty() and dialog.message.text()


def test_a_step_asks_and_saves(qtbot, page):
    tab = page.matters_tab
    matter = supervision_service.open_matter(page.matters_tab._session, "村务公开栏长期未更新", next(iter(mm.AREAS)),
                                             next(iter(mm.SOURCES)), date.today())
    tab.refresh(matter.id)
    assert tab.panel.next_step == mm.NOTIFIED
    qtbot.mouseClick(tab.panel.step_buttons[mm.NOTIFIED], Qt.MouseButton.LeftButton)
    dialog = tab.panel.dialog
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.text_edit, "请于一个月内更新公开栏。")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not dialog.isVisible()
    detail = next(r for r in supervision_service.list_matters() if r.id == matter.id)
    assert detail.state == mm.NOTIFIED


def test_a_kept_new_matter_is_restored_after_a_crash(qtbot, village_demo, settings_store):
    from desktop.services import auth_service, setup_service
    from tests.support.demo import DEMO_PASSWORD
    from ui.main_window import MainWindow

    paths, _admin = village_demo
    committee = auth_service.login("jianwei", DEMO_PASSWORD)
    window = MainWindow(setup_service.current(), committee, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("supervision")
    dialog = window.current_page().open_for_draft(NEW_MATTER_KEY)
    qtbot.waitExposed(dialog)
    dialog.guard.timer.setInterval(30)
    type_text(qtbot, dialog.title_edit, "停电前登记的事项")
    type_text(qtbot, dialog.findings_edit, "工程结算单未公开。")
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    (draft,) = window.drafts.pending()
    assert draft.key == NEW_MATTER_KEY and draft.area == "supervision"
    assert draft.title == "监督事项:停电前登记的事项"
    dialog.guard.timer.stop()
    dialog._force_close = True  # as a power cut would: nothing asked, the kept file stays
    dialog.close()

    again = MainWindow(setup_service.current(), committee, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    qtbot.mouseClick(again.restore_dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = again.current_page().matters_tab.dialog
    assert restored.isVisible() and restored.is_dirty()
    assert restored.title_edit.text() == "停电前登记的事项"
    assert restored.findings_edit.toPlainText() == "工程结算单未公开。"
    qtbot.mouseClick(_button(restored, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not restored.isVisible() and again.drafts.pending() == []
    assert any(r.title == "停电前登记的事项" for r in supervision_service.list_matters())
