"""What the election tabs of this area share: the tab contract, a table, a button row and a hint.

The contract (HELPERS_COMMON, issue 18): `__init__(session, parent=None)`,
`show_election(id | None)`, `refresh()`, and `changed` emitted after any
write. `ElectionTab` keeps the election shown, disables the buttons without
one (or without the right to write, with a tooltip saying why) and shows
`hint` when there is nothing to list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from desktop.services.session import Session
from models.roles import Permission
from ui.widgets.batched_model import ID_ROLE
from ui.widgets.tables import read_only_table


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
        self.table: QTableWidget = read_only_table(headers, stretch)
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
        self.table.itemSelectionChanged.connect(self._update_buttons)

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
        """Re-read the shown election (the subclass fills the table in `fill`)."""
        self.table.setRowCount(0)
        if self.election_id is not None:
            self.fill(self.election_id)
        self._update_buttons()

    def fill(self, election_id: str) -> None:  # pragma: no cover - every tab overrides it
        """Fill the table for `election_id`."""
        raise NotImplementedError

    def selected_id(self) -> str | None:
        """The record of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(ID_ROLE) if item is not None else None

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
