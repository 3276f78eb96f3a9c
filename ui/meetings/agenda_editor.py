"""议程与记录: agenda items, each with its minutes text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.meetings_service import AgendaLine


class AgendaRow(QFrame):
    """One agenda item: title and minutes."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, number: int, line: AgendaLine, editable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        self.number_label = QLabel()
        self.set_number(number)
        self.title_edit = QLineEdit(line.title)
        self.title_edit.setPlaceholderText(self.tr("议题,例如:通报上季度村务、财务收支情况"))
        self.title_edit.setReadOnly(not editable)
        self.minutes_edit = QPlainTextEdit(line.minutes)
        self.minutes_edit.setPlaceholderText(self.tr("会议记录:发言要点、讨论情况……"))
        self.minutes_edit.setReadOnly(not editable)
        self.minutes_edit.setTabChangesFocus(True)
        self.minutes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.setVisible(editable)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.minutes_edit)
        self.title_edit.textChanged.connect(self.changed)
        self.minutes_edit.textChanged.connect(self.changed)

    def set_number(self, number: int) -> None:
        """Show "议题 N"."""
        self.number_label.setText(self.tr("议题 {n}:").format(n=number))

    def line(self) -> AgendaLine:
        """The item as typed."""
        return AgendaLine(self.title_edit.text(), self.minutes_edit.toPlainText())


class AgendaEditor(QWidget):
    """The agenda items and an 添加议题 button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[AgendaRow] = []
        self._editable = True
        self.add_button = QPushButton(self.tr("添加议题"))
        self.add_button.clicked.connect(self.add_row)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def set_lines(self, lines: list[AgendaLine], editable: bool) -> None:
        """Rebuild the rows for `lines`."""
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        self._editable = editable
        self.add_button.setVisible(editable)
        for line in lines:
            self._append(line)

    def add_row(self) -> AgendaRow:
        """Add an empty item and put the cursor in its title."""
        row = self._append(AgendaLine(""))
        row.title_edit.setFocus()
        self.changed.emit()
        return row

    def lines(self) -> list[AgendaLine]:
        """Items with a title (empty rows are dropped)."""
        return [row.line() for row in self.rows if row.line().title.strip()]

    def _append(self, line: AgendaLine) -> AgendaRow:
        row = AgendaRow(len(self.rows) + 1, line, self._editable)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _remove(self, row: QWidget) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        for number, other in enumerate(self.rows, start=1):
            other.set_number(number)
        self.changed.emit()
