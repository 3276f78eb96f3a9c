"""The small dialogs of the election's people: pick a person (with a few fields), or give a day and a reason.

`PickPersonDialog` lists people (the register, or the 选民名单) with a search
box beside a form the caller fills (post, date, 提名票数…); `save(person_id)`
is the caller's write, run through `run_op`, and a refusal stays in the
dialog beside the buttons with what was chosen. `DayReasonDialog` records a
leaving or a withdrawal: a day and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.people_service import PersonRow
from ui.errors import error_text
from ui.operations import run_op
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.palette import RED
from ui.widgets.register_picker import RegisterPicker


def error_label() -> QLabel:
    """The red line a refusal is shown in (plain text: it may quote a name)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {RED.name()};")
    label.hide()
    return label


class PickPersonDialog(QDialog):
    """A person from `rows` and the caller's `form`; `saved` holds what `save` returned."""

    def __init__(self, title: str, intro: str, rows: Iterable[PersonRow], form: QFormLayout,
                 save: Callable[[str], Any], parent: QWidget | None = None,
                 line: Callable[[PersonRow, str], str] | None = None, ok_text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.saved: Any = None
        self.picker = RegisterPicker()
        self._rows = list(rows)
        self._line = line
        self.picker.fill(self._rows, line)
        self.picker.search_edit.textChanged.connect(self._filter)
        self.error_label = error_label()
        hint = QLabel(intro)
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.error_label)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.picker, 1)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        layout.addWidget(ok_cancel(self, ok_text or self.tr("保存")))
        self.ok_button.setEnabled(bool(self._rows))
        self.resize(720, 460)

    def _filter(self, text: str) -> None:
        text = text.strip()
        self.picker.fill([r for r in self._rows if text in r.name] if text else self._rows, self._line)
        self.ok_button.setEnabled(self.picker.person_id() is not None)

    def select_person(self, person_id: str) -> bool:
        """Highlight `person_id` (as a click would)."""
        return self.picker.select_person(person_id)

    def accept(self) -> None:
        """Run the caller's write for the highlighted person; a refusal stays in the dialog."""
        person_id = self.picker.person_id()
        if person_id is None:
            return

        def refused(exc: BaseException) -> None:
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        outcome = run_op(self, lambda: self._save(person_id), on_failure=refused)
        if outcome:
            self.saved = outcome.value
            super().accept()


class DayReasonDialog(QDialog):
    """A day and a reason (退出村民选举委员会, 候选人退出); `save(day, reason)` writes."""

    def __init__(self, title: str, save: Callable[[date, str], Any], parent: QWidget | None = None,
                 reason_hint: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.saved: Any = None
        self.day_edit = date_edit(date.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(reason_hint)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("日期"), self.day_edit)
        form.addRow(self.tr("原因"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("登记")))
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        """Write; a refusal stays in the dialog."""
        day, reason = to_date(self.day_edit), self.reason_edit.text()

        def refused(exc: BaseException) -> None:
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        outcome = run_op(self, lambda: self._save(day, reason), on_failure=refused)
        if outcome:
            self.saved = outcome.value
            super().accept()
