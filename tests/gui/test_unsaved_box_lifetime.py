"""The 保存 / 不保存 / 取消 box never keeps its own editor alive, and never outlives it.

The box is a child of the editor it asks about, and its answer's slot calls
back into that editor. Held by the slot until the box was deleted, a
parentless editor whose last other reference was gone was deleted from
inside its own box's destructor — the box then deleted a second time: PySide
crashed at the end of a test that clicked an answer and let the editor go.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout

from ui.widgets.dialogs import ask_confirm
from ui.widgets.unsaved import ask_leave


class _Editor(QDialog):
    """The smallest unsaved-work editor: a line edit, asked about when closed."""

    def __init__(self):
        super().__init__()  # parentless, owned by Python, as an editor built by a test
        self.setWindowTitle("测试编辑器")
        self.edit = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.edit)
        self.saved = ""
        self._leaving = False

    def is_dirty(self) -> bool:
        return self.edit.text() != self.saved

    def save(self) -> bool:
        self.saved = self.edit.text()
        return True

    def discard(self) -> None:
        self.edit.setText(self.saved)

    def draft_key(self) -> str:
        return "test:1"

    def draft_title(self) -> str:
        return "测试"

    def draft_state(self) -> dict:
        return {"text": self.edit.text()}

    def restore_draft(self, state: dict) -> None:
        self.edit.setText(state["text"])

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        if self._leaving or not self.is_dirty():
            super().closeEvent(event)
            return
        event.ignore()
        self.box = ask_leave(self, self, self._after)  # a bound method: the slot holds the editor

    def _after(self, ok: bool) -> None:
        if ok:
            self._leaving = True
            self.close()


def _flush() -> None:
    """What the next test's event loop would do: run timers and deferred deletes, collect cycles."""
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


def _open_box(editor: _Editor) -> QMessageBox:
    editor.show()
    editor.edit.setText("改过")
    editor.close()
    (box,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return box


def test_answering_then_letting_a_parentless_editor_go_does_not_crash(qtbot):
    for answer in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Save,
                   QMessageBox.StandardButton.Cancel):
        editor = _Editor()
        box = _open_box(editor)
        qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)
        assert editor.isVisible() == (answer == QMessageBox.StandardButton.Cancel)
        del box
        editor.hide()
        del editor  # the test's reference was the last but the box's slot
        _flush()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_a_box_closed_without_an_answer_lets_its_editor_go(qtbot):
    editor = _Editor()
    box = _open_box(editor)
    gone = []
    editor.destroyed.connect(lambda *_: gone.append(True))
    box.close()  # the window's ×
    del box
    editor.hide()
    del editor
    _flush()
    assert gone == [True]


def test_ask_confirm_slot_does_not_keep_its_parent(qtbot):
    editor = _Editor()
    editor.show()
    box = ask_confirm(editor, "删除", "删除后可以在回收站恢复。", "删除", editor.hide)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    ref = shiboken6.getCppPointer(editor)
    del box, editor
    _flush()
    assert ref  # reached without a crash


def test_an_open_box_does_not_keep_its_editor_alive(qtbot):
    """An editor let go while its question is open goes, and its box with it (no box left on screen)."""
    editor = _Editor()
    box = _open_box(editor)
    gone = []
    editor.destroyed.connect(lambda *_: gone.append(True))
    editor.hide()
    del box, editor  # unanswered: only the box's slot could still hold the editor
    _flush()
    assert gone == [True]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
