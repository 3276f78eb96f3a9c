"""The message boxes every area asks and tells with: `ask_confirm`, `ask_save` and `inform`.

Both are non-blocking, like `ui.errors.show_error`: the box is opened
window-modal with `open()` and returned at once, never `exec()`-ed, so the
caller's code runs on and a test can find the returned box and click its
standard buttons (`QMessageBox.StandardButton.Yes` / `Cancel` / `Ok`).
Every box deletes itself when closed; keep the returned reference only
until it is answered.

A box's answer slot usually calls back into its parent (an editor's bound
method): `answer_once` holds that callback only until the answer and lets it
go later from the application, never from inside the box's destructor — held
by the box, the last reference to a parentless editor went with the box, and
the editor was deleted from inside its own child's destructor (a crash).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget

from ui.widgets.outside_text import plain_message

_C = "dialogs"


def _release_later(held: list) -> None:
    """Drop the references in `held` from the application's next event loop turn, not from here."""
    if not held:
        return
    kept = held[:]
    held.clear()
    app = QCoreApplication.instance()
    if app is None:
        return
    # The timer's functor owns the last references; Qt drops it after it ran, from the event loop.
    QTimer.singleShot(0, app, lambda: kept.clear())


def answer_once(box: QMessageBox, on_button: Callable[[QAbstractButton], None]) -> None:
    """Call `on_button(the clicked button)` once the person answered `box`; hold it no longer than needed.

    Use it instead of `box.buttonClicked.connect(...)` for every box whose
    answer calls back into its parent. The slot on the box keeps only a list,
    emptied at the answer or when the box is destroyed unanswered; the
    callback is released afterwards from the event loop (see the module
    docstring for why).
    """
    held: list = [on_button]

    def clicked(button: QAbstractButton) -> None:
        if not held:
            return
        try:
            held[0](button)
        finally:
            _release_later(held)

    box.buttonClicked.connect(clicked)
    box.destroyed.connect(lambda *_: _release_later(held))


def ask_confirm(parent: QWidget, title: str, text: str, yes_text: str, on_yes: Callable[[], None],
                on_answer: Callable[[], None] | None = None) -> QMessageBox:
    """Ask a yes/取消 question before an action that changes or removes something.

    取消 is the default button (Enter or Esc never deletes by accident).

    Args:
        parent: the widget the box is modal to.
        title: the window title.
        text: the question, with what will happen ("删除后可以在回收站恢复。").
        yes_text: the action's own verb on the yes button ("删除", "审定").
        on_yes: runs after the person clicked the yes button.
        on_answer: runs after any answer, before `on_yes` (to forget the box).

    Returns:
        The open box.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    plain_message(box)
    box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate(_C, "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: QAbstractButton) -> None:
        if on_answer is not None:
            on_answer()
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            on_yes()

    answer_once(box, answered)
    box.open()
    return box


def ask_save(parent: QWidget, text: str,
             on_answer: Callable[[QMessageBox.StandardButton], None]) -> QMessageBox:
    """Ask what to do with unsaved changes: 保存 (the default), 不保存 or 取消.

    Args:
        parent: the editor being closed (the box takes its window title).
        text: what is unsaved ("会议记录有修改还没有保存。要保存吗?").
        on_answer: gets `Save`, `Discard` or `Cancel` once the person answered.

    Returns:
        The open box.
    """
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), text,
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    plain_message(box)
    box.button(QMessageBox.StandardButton.Save).setText(tr(_C, "保存"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr(_C, "不保存"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr(_C, "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    answer_once(box, lambda button: on_answer(box.standardButton(button)))
    box.open()
    return box


def inform(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    """Tell the person something finished, with optional details under it; one 知道了 button.

    Returns:
        The open box.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
        # QMessageBox wraps at a narrow width of its own; a sentence per line reads better.
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:
            label.setMinimumWidth(min(460, label.fontMetrics().horizontalAdvance("国") * 28))
    plain_message(box)  # text and details may quote outside words (a sender, a file name)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate(_C, "知道了"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
