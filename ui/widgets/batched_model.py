"""A read-only table model that hands its rows to the view in batches.

The service returns the full list (cheap: plain dataclasses); the view only
lays out what it has been given, and asks for more as it scrolls
(`canFetchMore`/`fetchMore`).

The one table pattern: a subclass sets `CONTEXT` and `COLUMNS` (titles
marked with `QT_TRANSLATE_NOOP(CONTEXT, ...)`) and answers per cell through
small hooks — `display`, `sort_value`, `foreground`, `background`,
`tooltip`, `alignment`, `row_id` — which `data` dispatches by role. `SORT_ROLE` gives
the raw value (ISO dates, numbers) so a `QSortFilterProxyModel` with
`setSortRole(SORT_ROLE)` sorts as a person expects; `ID_ROLE` gives the
record id. Older subclasses that override `data`/`headerData` whole still work.

A register that grows without bound (people, villages) uses
`LazyRowsModel` (lazy_rows_model.py) instead: the same hooks, but it holds
only the ids and fetches rows in chunks as the view asks for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

ModelIndex = QModelIndex | QPersistentModelIndex

#: The record id behind a row (`row_id`).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The raw value a column sorts by (`sort_value`).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class BatchedRowsModel(QAbstractTableModel):
    """Rows shown `batch` at a time; `row_at(n)` is the service row behind view row n."""

    #: The translation context of the column titles.
    CONTEXT = "BatchedRowsModel"
    COLUMNS: Sequence[str] = ()

    def __init__(self, parent=None, batch: int = 500):
        super().__init__(parent)
        self._batch = batch
        self._rows: list[Any] = []
        self._shown = 0

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row (a model reset) and show the first batch."""
        self.beginResetModel()
        self._rows = rows
        self._shown = min(self._batch, len(rows))
        self.endResetModel()

    def total(self) -> int:
        """How many rows match (shown or not yet fetched)."""
        return len(self._rows)

    def all_rows(self) -> list[Any]:
        """Every service row, shown or not yet fetched."""
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        """The service row behind view row `row`."""
        return self._rows[row]

    def column_count(self) -> int:
        """Number of columns (by default one per `COLUMNS` title)."""
        return len(self.COLUMNS)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows handed to the view so far."""
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Fixed columns."""
        return 0 if parent.isValid() else self.column_count()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        """Whether rows remain beyond those shown."""
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        """Show the next batch of rows."""
        if parent.isValid():
            return
        more = min(self._batch, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # ----- the per-cell hooks behind `data` ------------------------------------------------

    def display(self, row: Any, column: int) -> str:
        """The text of a cell."""
        raise NotImplementedError

    def sort_value(self, row: Any, column: int) -> Any:
        """The raw value a column sorts by (the text unless overridden)."""
        return self.display(row, column)

    def foreground(self, row: Any, column: int) -> QColor | None:
        """The text colour of a cell (palette colours), or the view's default."""
        return None

    def background(self, row: Any, column: int) -> QColor | None:
        """The cell's background (a state's light colour), or the view's default."""
        return None

    def tooltip(self, row: Any, column: int) -> str | None:
        """The tooltip of a cell: its whole text (long texts are elided in narrow columns)."""
        return self.display(row, column)

    def alignment(self, row: Any, column: int) -> Qt.AlignmentFlag | None:
        """The alignment of a cell, or the view's default."""
        return None

    def row_id(self, row: Any) -> str | None:
        """The record id behind a row (`ID_ROLE`)."""
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Dispatch a role to its hook."""
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row, column = self.row_at(index.row()), index.column()
        return self.cell(row, column, role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The value of `role` for one cell of service row `row` (the hooks by role)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = self.alignment(row, column)
            return None if align is None else int(align)
        if role == ID_ROLE:
            return self.row_id(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles, translated in `CONTEXT`."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        return None
