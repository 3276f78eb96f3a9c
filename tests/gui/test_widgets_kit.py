"""The shared kit in ui/widgets: questions, notices, OK/取消 rows and read-only tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QMessageBox, QWidget

from ui.widgets.dialogs import ask_confirm, ask_save, inform
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.tables import read_only_table


def test_ask_confirm_runs_the_action_only_on_yes_and_defaults_to_cancel(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    done, answered = [], []
    box = ask_confirm(parent, "删除", "删除这一条吗?", "删除", lambda: done.append(1),
                      on_answer=lambda: answered.append(1))
    assert box.isVisible() and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "删除"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert done == [] and answered == [1]
    box = ask_confirm(parent, "删除", "删除这一条吗?", "删除", lambda: done.append(1))
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert done == [1]


def test_inform_shows_text_and_details_without_blocking(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    box = inform(parent, "数据交换", "导入完成。", "共 3 条记录。")
    assert box.isVisible()
    assert (box.text(), box.informativeText()) == ("导入完成。", "共 3 条记录。")
    assert box.button(QMessageBox.StandardButton.Ok).text() == "知道了"
    box.button(QMessageBox.StandardButton.Ok).click()


def test_ok_cancel_is_one_primary_action_and_cancel(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = ok_cancel(dialog, "登记")
    assert dialog.ok_button is box.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.ok_button.text() == "登记" and dialog.ok_button.property("primary") is True
    assert dialog.cancel_button.text() == "取消"
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()


def test_read_only_table_selects_rows_and_is_never_edited(qtbot):
    table = read_only_table(["名称", "说明"])
    qtbot.addWidget(table)
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert not table.tabKeyNavigation()
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["名称", "说明"]


def test_ask_save_offers_save_discard_and_cancel_with_save_the_default(qtbot):
    parent = QWidget()
    parent.setWindowTitle("会议记录")
    qtbot.addWidget(parent)
    answers = []
    box = ask_save(parent, "有修改还没有保存。要保存吗?", answers.append)
    assert box.windowTitle() == "会议记录"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
    assert [box.button(b).text() for b in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                                           QMessageBox.StandardButton.Cancel)] == ["保存", "不保存", "取消"]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert answers == [QMessageBox.StandardButton.Discard]
