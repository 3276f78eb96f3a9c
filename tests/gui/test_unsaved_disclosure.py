"""Never lose typed work in the 村务公开 editor (issue 15).

Before: “close the financial editor after changing 期初余额 and adding a row:
nothing is saved and nothing asks”, and the item editor lost the typed table
on close. Now closing, choosing another item and quitting ask 保存 / 不保存 /
取消, and the typing is kept as a draft that 恢复未保存的内容 puts back.
"""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import disclosure_service as ds
from tests.gui.test_disclosure_editor import open_editor, type_cell, users
from tests.support.typing import type_text
from ui.disclosure.lines_model import DAY


def open_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def answer(qtbot, button: QMessageBox.StandardButton) -> None:
    (box,) = open_boxes()
    assert "有修改还没有保存" in box.text()
    assert [box.button(b).text() for b in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                                           QMessageBox.StandardButton.Cancel)] == ["保存", "不保存", "取消"]
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(box))  # the answered box is gone before the test goes on


def type_opening_and_a_row(qtbot, editor) -> None:
    """The issue's steps: change 期初余额, add a row and type into it."""
    te = editor.table_editor
    te.opening_edit.selectAll()
    type_text(qtbot, te.opening_edit, "1,000")
    view = te.view
    qtbot.mouseClick(te.add_row_button, Qt.MouseButton.LeftButton)  # the new row is open for typing
    qtbot.waitUntil(lambda: view.cell_editor() is not None and view.currentIndex().column() == DAY)
    for text in ("3", "J-001", "集体鱼塘承包费", "发包收入", "1234.50"):
        type_cell(qtbot, view, text)  # the last cell stays open, as when a person clicks 关闭 at once


@pytest.fixture
def finance(village):
    _paths, admin = village
    secretary, committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    return secretary, committee, item.id


def test_closing_the_financial_editor_asks_cancel_stays_discard_drops(qtbot, finance):
    secretary, _committee, item_id = finance
    editor = open_editor(qtbot, secretary, item_id)
    assert not editor.is_dirty()
    type_opening_and_a_row(qtbot, editor)
    assert editor.is_dirty()
    editor.close()
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert editor.isVisible() and editor.is_dirty()
    assert [x.income_fen for x in editor.table_editor.lines()] == [123450]  # the open cell was kept

    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Esc asks the same
    answer(qtbot, QMessageBox.StandardButton.Discard)
    assert not editor.isVisible()
    assert ds.table(item_id) == (0, 0, [])


def test_closing_with_save_saves_the_typed_table(qtbot, finance):
    secretary, _committee, item_id = finance
    editor = open_editor(qtbot, secretary, item_id)
    type_opening_and_a_row(qtbot, editor)
    editor.close()
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not editor.isVisible()
    opening, _closing, lines = ds.table(item_id)
    assert opening == 100000 and [(x.day, x.summary, x.income_fen) for x in lines] == [
        ("2026-10-03", "集体鱼塘承包费", 123450)]


def test_a_refused_save_keeps_the_editor_open(qtbot, finance):
    secretary, _committee, item_id = finance
    editor = open_editor(qtbot, secretary, item_id)
    type_opening_and_a_row(qtbot, editor)
    editor.table_editor.view.commit_editor()
    editor.table_editor.closing_edit.setText("99999999999999999999999")
    editor.close()
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert editor.isVisible() and editor.is_dirty()
    assert "没有保存" in editor.message.text()
    assert ds.table(item_id) == (0, 0, [])


def test_nothing_typed_or_a_submitted_item_closes_without_asking(qtbot, finance):
    secretary, _committee, item_id = finance
    editor = open_editor(qtbot, secretary, item_id)
    editor.close()
    assert not editor.isVisible() and not open_boxes()
    from tests.gui.test_disclosure_editor import Line

    ds.save_table(secretary, item_id, 0, 100, [Line("2026-10-03", "1", "厂房租金", "租赁收入", 100, 0)])
    ds.submit(secretary, item_id, date(2026, 11, 2))
    editor = open_editor(qtbot, secretary, item_id)
    assert not editor.is_dirty()
    editor.close()
    assert not editor.isVisible() and not open_boxes()


def test_the_text_of_an_item_is_guarded_too(qtbot, village):
    _paths, admin = village
    secretary, _committee = users(admin)
    item = ds.create_item(secretary, "village_affairs", "2026Q3", "2026年第三季度村务公开")
    editor = open_editor(qtbot, secretary, item.id)
    type_text(qtbot, editor.content_view, "修缮村道 1.2 公里。")
    editor.close()
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not editor.isVisible()
    assert ds.item(item.id).content == "修缮村道 1.2 公里。"


@pytest.fixture
def page(qtbot, finance, paths):
    from tests.support.screens import shown
    from ui.disclosure.disclosure_page import DisclosurePage

    secretary, _committee, _item_id = finance
    return shown(qtbot, DisclosurePage(secretary, paths=paths), 1200, 700)


def test_choosing_another_item_asks_first(qtbot, finance, page):
    secretary, _committee, item_id = finance
    other = ds.create_item(secretary, "finance_monthly", "2026-11", "2026年11月财务收支公开")
    editor = page.open_item(item_id)
    qtbot.waitExposed(editor)
    type_opening_and_a_row(qtbot, editor)
    assert page.open_item(other.id) is None
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert page.editor is editor and editor.isVisible() and editor.is_dirty()
    assert page.open_item(item_id) is editor  # the same item: its editor, not a question

    page.open_item(other.id)
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not editor.isVisible()
    assert page.editor is not editor and page.editor.item_id == other.id and page.editor.isVisible()
    assert ds.table(item_id)[0] == 100000


def test_quitting_asks_and_a_kept_draft_is_restored_after_a_crash(qtbot, village, settings_store):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, admin = village
    secretary, _committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    window = MainWindow(setup_service.current(), secretary, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("disclosure")
    editor = window.current_page().open_item(item.id)
    qtbot.waitExposed(editor)
    editor.guard.timer.setInterval(30)  # the pause before a draft is kept (3 s in use)
    type_opening_and_a_row(qtbot, editor)
    editor.table_editor.view.commit_editor()
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    (draft,) = window.drafts.pending()
    assert draft.key == f"disclosure_item:{item.id}" and draft.area == "disclosure"
    assert draft.title == "村务公开:2026年10月财务收支公开" and draft.state["opening"] == "1,000"

    window.close()  # Ctrl+Q / the window's ×: asked
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and editor.isVisible() and editor.is_dirty()

    editor.guard.timer.stop()
    editor.leave()  # as a power cut would: nothing asked, the kept file stays
    assert window.drafts.pending()
    again = MainWindow(setup_service.current(), secretary, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    dialog = again.restore_dialog
    assert dialog.table.model().index(0, 0).data() == "村务公开:2026年10月财务收支公开"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = again.current_page().editor
    assert restored.isVisible() and restored.is_dirty()
    te = restored.table_editor
    assert te.opening_edit.text() == "1,000"
    assert [(x.day, x.summary, x.income_fen) for x in te.lines()] == [("2026-10-03", "集体鱼塘承包费", 123450)]
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    assert again.drafts.pending() == [] and not restored.is_dirty()
    assert ds.table(item.id)[0] == 100000
    window.close()
    again.close()
