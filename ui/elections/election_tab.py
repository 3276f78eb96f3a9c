"""What the election tabs of this area share: the tab contract, a table, a button row and a hint.

The contract (HELPERS_COMMON, issue 18): `__init__(session, parent=None)`,
`show_election(id | None)`, `refresh()`, and `changed` emitted after any
write. `ElectionTab` keeps the election shown, disables the buttons without
one (or without the right to write, with a tooltip saying why) and shows
`hint` when there is nothing to list.

The list is a model (`TabRowsModel`, the one table pattern of
tests/unit/test_table_pattern.py): a tab's `fill` hands its rows to
`add_row` (texts, record id, colour), and the view shows them when `fill`
returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.services.session import Session
from models.roles import Permission
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.tables import read_only_view


@dataclass(frozen=True)
class TabRow:
    """One row of a tab's list: its cells' texts, the record behind it, its colour, centred columns."""

    cells: tuple[str, ...]
    record_id: str
    color: QColor | None = None
    centered: tuple[int, ...] = ()


class TabRowsModel(BatchedRowsModel):
    """The rows of an `ElectionTab`, under the column titles the tab passes (already translated)."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self._headers = tuple(headers)

    def column_count(self) -> int:
        """One column per title."""
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The titles the tab passed."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def display(self, row: TabRow, column: int) -> str:
        """The text of a cell."""
        return row.cells[column] if column < len(row.cells) else ""

    def foreground(self, row: TabRow, column: int) -> QColor | None:
        """The row's colour (grey for a member who left)."""
        return row.color

    def alignment(self, row: TabRow, column: int) -> Qt.AlignmentFlag | None:
        """Centred where the tab asked (counts)."""
        return Qt.AlignmentFlag.AlignCenter if column in row.centered else None

    def row_id(self, row: TabRow) -> str:
        """The record behind the row."""
        return row.record_id


class ElectionTab(QWidget):
    """A table of one election's people with buttons under it."""

    changed = Signal()

    def __init__(self, session: Session, headers: list[str], stretch: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.election_id: str | None = None
        self.can_edit = session.can(Permission.EDIT_REGISTER)
        self.dialog: QWidget | None = None
        self.rows = TabRowsModel(headers, self)
        self._filling: list[TabRow] = []
        self.table: QTableView = read_only_view(self.rows, stretch)
        self.note_label = QLabel()
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.buttons = QHBoxLayout()
        self._edit_buttons: list[QPushButton] = []
        self._row_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def add_button(self, text: str, slot, needs_row: bool = False) -> QPushButton:
        """A write button of the row under the table (enabled with an election, the right, a row)."""
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        (self._row_buttons if needs_row else self._edit_buttons).append(button)
        return button

    def finish_buttons(self) -> None:
        """Close the button row (call after the last `add_button`)."""
        self.buttons.addStretch(1)
        self._update_buttons()

    def show_election(self, election_id: str | None) -> None:
        """Show `election_id`'s people (None: nothing, buttons off)."""
        self.election_id = election_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown election (the subclass hands its rows to `add_row` in `fill`)."""
        self._filling = []
        if self.election_id is not None:
            self.fill(self.election_id)
        self.rows.set_rows(self._filling)
        self._filling = []
        self._update_buttons()

    def fill(self, election_id: str) -> None:  # pragma: no cover - every tab overrides it
        """Give the rows of `election_id` to `add_row`."""
        raise NotImplementedError

    def add_row(self, cells: Sequence[str], record_id: str, color: QColor | None = None,
                centered: tuple[int, ...] = ()) -> None:
        """One row of the list being filled (shown when `fill` returns)."""
        self._filling.append(TabRow(tuple(cells), record_id, color, centered))

    def selected_id(self) -> str | None:
        """The record of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.rows.rowCount():
            return None
        return self.rows.row_at(rows[0].row()).record_id

    def row_allows(self, record_id: str) -> bool:
        """Whether the row buttons apply to `record_id` (say, not to a member who already left)."""
        return True

    def set_note(self, text: str) -> None:
        """The line above the table (what the law asks of this list now); hidden when empty."""
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def _update_buttons(self) -> None:
        why = ""
        if not self.can_edit:
            why = self.tr("只有管理员或村文书可以登记选举。")
        elif self.election_id is None:
            why = self.tr("请先在上面的列表中选一次选举。")
        for button in self._edit_buttons:
            button.setEnabled(not why)
            button.setToolTip(why)
        selected = self.selected_id()
        for button in self._row_buttons:
            button.setEnabled(not why and selected is not None and self.row_allows(selected))
            button.setToolTip(why)

    def written(self) -> None:
        """After a write: re-read and tell the page."""
        self.refresh()
        self.changed.emit()
