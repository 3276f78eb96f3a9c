"""The article editor: add, move, delete, renumber on save, live legality marks, frozen once adopted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import rules_service
from tests.support.rules import adopt, import_draft, shown_rules_page
from tests.support.typing import type_text


@pytest.fixture
def page(qtbot, village):
    _paths, session = village
    return shown_rules_page(qtbot, session)


def _select(qtbot, editor, row: int) -> None:
    table = editor.table
    index = table.model().index(row, 3)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def test_add_move_delete_and_renumber_on_save(qtbot, page, village):
    _paths, session = village
    version_id = import_draft(session)
    page.refresh(version_id)
    editor = page.panel.article_editor
    assert editor.labels() == ["第一条", "第二条", "第三条"]

    # Insert after 第一条, type a clause the legality check flags, live.
    _select(qtbot, editor, 0)
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    assert editor.labels() == ["第一条", "(新)", "第二条", "第三条"]
    assert editor.selected_row() == 1
    type_text(qtbot, editor.text_edit, "乱倒垃圾的,违者罚款50元。")
    assert editor.table.item(1, 0).text() == "✖"
    assert "罚款" in editor.findings_label.text()
    assert "依据" in editor.findings_label.text()
    assert editor.dirty and editor.revert_button.isEnabled()

    # Ctrl+Down twice moves it to the end.
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert editor.labels() == ["第一条", "第二条", "第三条", "(新)"]
    assert editor.selected_row() == 3
    assert editor.table.item(3, 0).text() == "✖"

    # Delete 第二条: asked first; 取消 keeps it, 删除 removes it.
    _select(qtbot, editor, 1)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    box = editor.pending_box
    assert "第二条" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(editor.lines) == 4
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    qtbot.mouseClick(editor.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert editor.labels() == ["第一条", "第三条", "(新)"]

    # Save renumbers; the service has the same text, and the finding stays beside its article.
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.labels() == ["第一条", "第二条", "第三条"]
    assert "条号已重新编排" in editor.message.text()
    saved = rules_service.articles(version_id)
    assert [a.label for a in saved] == ["第一条", "第二条", "第三条"]
    assert saved[2].text == "乱倒垃圾的,违者罚款50元。"
    assert saved[1].text.startswith("红白喜事")
    assert editor.table.item(2, 0).text() == "✖"
    assert editor.table.item(0, 0).text() == ""
    assert "需要注意" in page.panel.info_label.text()
    # Every finding is an error (the fine): not "1 处需要注意,其中 1 处可能违法".
    assert "合法性检查:1 处需要注意,都可能违法" in page.panel.info_label.text()


def test_chapter_assignment_and_revert(qtbot, page, village):
    _paths, session = village
    version_id = import_draft(session)
    page.refresh(version_id)
    editor = page.panel.article_editor
    _select(qtbot, editor, 2)
    editor.chapter_combo.setCurrentIndex(editor.chapter_combo.findText("第一章 总则"))
    assert editor.table.item(2, 2).text() == "第一章 总则"
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert editor.table.item(2, 2).text() == "第二章 村风民俗"
    assert not editor.dirty


def test_adopted_version_is_read_only(qtbot, page, village):
    _paths, session = village
    version_id = import_draft(session)
    adopt(session, version_id)
    page.refresh(version_id)
    editor = page.panel.article_editor
    assert editor.banner.isVisible()
    assert "已通过的版本不能修改" in editor.banner.text()
    assert not editor.add_button.isEnabled()
    assert not editor.save_button.isEnabled()
    assert editor.text_edit.isReadOnly()
    _select(qtbot, editor, 0)
    assert not editor.delete_button.isEnabled()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert editor.pending_box is None
    assert editor.labels() == ["第一条", "第二条", "第三条"]

    # 修订 starts an editable draft copied from it.
    qtbot.mouseClick(page.revise_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.trigger_combo.setCurrentIndex(dialog.trigger_combo.findData("law_change"))
    dialog.accept()
    assert page.panel.view.version_no == 2
    assert page.panel.article_editor.editable
    assert not page.panel.article_editor.banner.isVisible()
    assert page.panel.status_label.text() == "状态:征集民意中"
