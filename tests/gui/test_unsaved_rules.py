"""Never lose typed work in the 村规民约 article editor: edit an article and click another version."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import rules_service
from tests.support.rules import import_draft, shown_rules_page
from tests.support.typing import type_text

OTHER_TEXT = "第一条 本村村民应当爱护公共设施。\n第二条 本村村民应当遵守本规约。"


def click_version(qtbot, page, version_id: str) -> None:
    tree = page.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, Qt.ItemDataRole.UserRole) == version_id:
                rect = tree.visualItemRect(top.child(j))
                qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
    raise AssertionError("version not in the tree")


def the_question(qtbot) -> QMessageBox:
    boxes = []

    def shown() -> bool:
        boxes[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return len(boxes) == 1

    qtbot.waitUntil(shown)
    assert "有修改还没有保存" in boxes[0].text() and "村规民约条文" in boxes[0].text()
    return boxes[0]


@pytest.fixture
def two_drafts(qtbot, village):
    _paths, session = village
    first = import_draft(session)
    second = import_draft(session, OTHER_TEXT, "青山村红白理事会章程")
    page = shown_rules_page(qtbot, session)
    page.refresh(first)
    return page, first, second


def edit_first_article(qtbot, page, text: str) -> None:
    editor = page.panel.article_editor
    editor.table.selectRow(0)
    editor.text_edit.selectAll()
    type_text(qtbot, editor.text_edit, text)
    assert editor.is_dirty()


def test_clicking_another_version_asks_and_cancel_keeps_the_selection(qtbot, two_drafts):
    page, first, second = two_drafts
    edit_first_article(qtbot, page, "改过的第一条")
    click_version(qtbot, page, second)
    assert page.selected_version_id() == first  # put back at once, before the question
    box = the_question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    editor = page.panel.article_editor
    assert page.selected_version_id() == first and editor.version_id == first
    assert editor.is_dirty() and editor.texts()[0] == "改过的第一条"


def test_discard_moves_on_and_leaves_the_saved_articles(qtbot, two_drafts):
    page, first, second = two_drafts
    before = [a.text for a in rules_service.view(first).articles]
    edit_first_article(qtbot, page, "不要的修改")
    click_version(qtbot, page, second)
    box = the_question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert page.selected_version_id() == second and page.panel.article_editor.version_id == second
    assert not page.panel.article_editor.is_dirty()
    assert [a.text for a in rules_service.view(first).articles] == before


def test_save_saves_then_moves_on(qtbot, two_drafts):
    page, first, second = two_drafts
    edit_first_article(qtbot, page, "保存后的第一条")
    click_version(qtbot, page, second)
    box = the_question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert page.selected_version_id() == second
    assert rules_service.view(first).articles[0].text == "保存后的第一条"


def test_a_refresh_keeps_the_typing(qtbot, two_drafts):
    page, first, _second = two_drafts
    edit_first_article(qtbot, page, "还在写")
    page.refresh()  # another change on the page re-reads the version
    assert page.panel.article_editor.texts()[0] == "还在写" and page.panel.article_editor.is_dirty()


def test_kept_articles_come_back_after_a_restart(qtbot, village, settings_store):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, session = village
    version_id = import_draft(session)
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    window.show_area("rules")
    page = window.current_page()
    page.refresh(version_id)
    editor = page.panel.article_editor
    editor.guard.timer.setInterval(30)
    edit_first_article(qtbot, page, "停电前写的第一条")
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    (draft,) = window.drafts.pending()
    assert draft.key == f"rule_version:{version_id}" and draft.area == "rules"
    assert draft.state["articles"][0]["text"] == "停电前写的第一条"
    editor.guard.timer.stop()
    editor.dirty = False  # as a power cut would leave it: nothing asked, the file stays

    again = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    assert again.restore_dialog.table.model().index(0, 0).data() == "村规民约条文:青山村村规民约(第1版)"
    qtbot.mouseClick(again.restore_dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = again.current_page().panel.article_editor
    assert restored.version_id == version_id and restored.is_dirty()
    assert restored.texts()[0] == "停电前写的第一条" and restored.text_edit.toPlainText() == "停电前写的第一条"
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    assert rules_service.view(version_id).articles[0].text == "停电前写的第一条"
    assert again.drafts.pending() == []


def test_ctrl_q_asks_for_the_articles_being_typed(qtbot, village, settings_store):
    from PySide6.QtGui import QAction

    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, session = village
    version_id = import_draft(session)
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("rules")
    page = window.current_page()
    page.refresh(version_id)
    edit_first_article(qtbot, page, "退出前写的")
    quit_action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Q")

    quit_action.trigger()
    box = the_question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.isVisible() and page.panel.article_editor.texts()[0] == "退出前写的"

    page.panel.article_editor.guard.keep_now()
    assert window.drafts.pending()
    quit_action.trigger()
    box = the_question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert window.drafts.pending() == []  # 不保存: nothing to offer at the next start
    assert rules_service.view(version_id).articles[0].text != "退出前写的"
