"""The question a service's `DuplicateRecord` becomes: 打开已有的 / 仍然新建 / 取消.

The service decides what counts as "the same" (a posting of a subject for a
period, 民主理财 for a month) and refuses unless told `allow_duplicate`; the
screen only asks the person which of the three they meant. 取消 is the
default: Enter never makes a second one by accident.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from models.errors import DuplicateRecord
from ui.errors import error_text
from ui.widgets.dialogs import answer_once

_C = "duplicate"


class DuplicateBox(QMessageBox):
    """The open question; `open_button`, `create_button` and `cancel_button` for tests."""

    open_button: QPushButton
    create_button: QPushButton
    cancel_button: QPushButton


def ask_duplicate(parent: QWidget, exc: DuplicateRecord, on_open: Callable[[str], None],
                  on_create: Callable[[], None], title: str = "") -> DuplicateBox:
    """Ask what to do about `exc` (its text is the question; window-modal, non-blocking).

    Args:
        parent: the dialog or tab that tried to create the record.
        exc: the service's refusal, naming the existing record (`existing_id`).
        on_open: 打开已有的 — gets the existing record's id.
        on_create: 仍然新建 — the caller repeats its call with `allow_duplicate=True`.
        title: the window title (the parent's when empty).

    Returns:
        The open box.
    """
    tr = QCoreApplication.translate
    box = DuplicateBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title or parent.windowTitle() or tr(_C, "已经有了"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the existing record's title is a person's words
    box.setText(error_text(exc))
    box.open_button = box.addButton(tr(_C, "打开已有的"), QMessageBox.ButtonRole.AcceptRole)
    box.create_button = box.addButton(tr(_C, "仍然新建"), QMessageBox.ButtonRole.DestructiveRole)
    box.cancel_button = box.addButton(tr(_C, "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.cancel_button)
    box.setEscapeButton(box.cancel_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    existing = exc.existing_id

    def answered(button) -> None:
        if button is box.open_button:
            on_open(existing)
        elif button is box.create_button:
            on_create()

    answer_once(box, answered)  # on_open/on_create call back into the parent: held only until answered
    box.open()
    return box
