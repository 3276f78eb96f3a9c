"""A read-only table model that hands its rows to the view in batches.

The service returns the full list (cheap: plain dataclasses); the view only
lays out what it has been given, and asks for more as it scrolls
(`canFetchMore`/`fetchMore`). Subclasses set `COLUMNS`/`column_count` and
implement `data` and `headerData`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

ModelIndex = QModelIndex | QPersistentModelIndex


class BatchedRowsModel(QAbstractTableModel):
    """Rows shown `batch` at a time; `row_at(n)` is the service row behind view row n."""

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
