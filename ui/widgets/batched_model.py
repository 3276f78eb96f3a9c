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

A header click sorts every row the model holds, not only those handed to
the view (`sort`, with the natural order of `ui.widgets.sorting`); column -1
is the service's own order again. The sort stays through `set_rows`, so a
list read again after an edit keeps the order the person chose. The model
reorders its own rows, so `row_at(view_row)` stays the record of that row.

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

from models.messages import QT_TRANSLATE_NOOP

ModelIndex = QModelIndex | QPersistentModelIndex

#: The record id behind a row (`row_id`).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The raw value a column sorts by (`sort_value`).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


#: The header's tooltip once a click sorts (`ui.widgets.sorting.make_sortable`), in context "sorting".
SORT_TIP = QT_TRANSLATE_NOOP("sorting", "点击列标题排序:第一次升序,第二次降序,第三次回到原来的顺序")


class BatchedRowsModel(QAbstractTableModel):
    """Rows shown `batch` at a time; `row_at(n)` is the service row behind view row n."""

    #: True once a view's header sorts this model (`make_sortable`): the titles' tooltip says how.
    header_sorts = False

    #: The translation context of the column titles.
    CONTEXT = "BatchedRowsModel"
    COLUMNS: Sequence[str] = ()

    def __init__(self, parent=None, batch: int = 500):
        super().__init__(parent)
        self._batch = batch
        self._rows: list[Any] = []
        self._shown = 0
        self._sort_request: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._base: list[Any] = []  # the rows in the service's order
        self._order: list[int] = []  # view row -> position in `_base`
        self._sorted: list[Any] | None = None  # the `_rows` list `sort` made (another one: new service rows)

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row (a model reset) and show the first batch, in the order chosen by `sort`."""
        self.beginResetModel()
        self._rows = rows
        self.sort_quietly()
        self._shown = min(self._batch, len(rows))
        self.endResetModel()

    # ----- sorting (a header click: `ui.widgets.sorting.make_sortable`) ---------------------------

    def sort_request(self) -> tuple[int, Qt.SortOrder]:
        """The column and order shown (column -1: the service's order)."""
        return self._sort_request

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every row by `column` (natural order, empty cells last); -1: the service's order.

        Selections and other persistent indexes follow their rows; a selected
        row that moves past the rows handed to the view so far is handed over
        first (the batch grows), so the selection is never lost.
        """
        before = self._current_order()
        if self._rows is not self._sorted:
            self._base = list(self._rows)
        self._sort_request = (column, order)
        new_order = self._order_of_request()
        where = {base: row for row, base in enumerate(new_order)}

        def moved(index) -> int:
            row = index.row()
            return where.get(before[row], -1) if 0 <= row < len(before) else -1

        needed = max((moved(index) for index in self.persistentIndexList()), default=-1) + 1
        if needed > self._shown:  # still in the old order: hand the rows over before they move
            self.beginInsertRows(QModelIndex(), self._shown, needed - 1)
            self._shown = needed
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        self._order = new_order
        self._rows = [self._base[i] for i in new_order]
        self._sorted = self._rows
        changed_from, changed_to = [], []
        for index in self.persistentIndexList():
            row = moved(index)
            changed_from.append(index)
            changed_to.append(self.index(row, index.column()) if 0 <= row < self.rowCount() else QModelIndex())
        self.changePersistentIndexList(changed_from, changed_to)
        self.layoutChanged.emit()

    def sort_quietly(self) -> None:
        """Put `_rows` in the chosen order without telling the view (inside a reset, or before one).

        A subclass that fills `_rows` itself calls this between its
        `beginResetModel` and `endResetModel`.
        """
        if self._rows is not self._sorted:  # new rows from the service: their order is the service's
            self._base = list(self._rows)
        self._order = self._order_of_request()
        self._rows = [self._base[i] for i in self._order]
        self._sorted = self._rows

    def _order_of_request(self) -> list[int]:
        """Positions in `_base` in the order `sort` asked for."""
        from ui.widgets.sorting import sorted_positions  # (sorting imports this module)

        column, order = self._sort_request
        if column < 0 or column >= self.column_count():
            return list(range(len(self._base)))
        return sorted_positions(self.sort_values(column), order)

    def _current_order(self) -> list[int]:
        if self._rows is not self._sorted:
            return list(range(len(self._rows)))
        return list(self._order)

    def sort_values(self, column: int) -> list[Any]:
        """The `SORT_ROLE` value (else the text) of `column` for every row, in the service's order."""
        if type(self).data is BatchedRowsModel.data:  # the hooks answer: no view rows needed
            values = [self.cell(row, column, SORT_ROLE) for row in self._base]
            if all(v is None for v in values):
                values = [self.cell(row, column, Qt.ItemDataRole.DisplayRole) for row in self._base]
            return values
        # A subclass answering `data` whole reads its rows by view row: count them all for a moment.
        rows, shown = self._rows, self._shown
        self._rows, self._shown = self._base, len(self._base)
        try:
            values = []
            for r in range(len(self._base)):
                index = self.createIndex(r, column)
                value = self.data(index, SORT_ROLE)
                values.append(self.data(index, Qt.ItemDataRole.DisplayRole) if value is None else value)
            return values
        finally:
            self._rows, self._shown = rows, shown

    def total(self) -> int:
        """How many rows match (shown or not yet fetched)."""
        return len(self._rows)

    def all_rows(self) -> list[Any]:
        """Every service row, shown or not yet fetched, in the order shown (a header may have sorted them)."""
        return list(self._rows)

    def service_rows(self) -> list[Any]:
        """Every service row in the service's own order, whatever a header sorted."""
        return list(self._base) if self._rows is self._sorted else list(self._rows)

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
        """Column titles, translated in `CONTEXT`; once the header sorts, what a click does as their tooltip."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and self.header_sorts:
            return QCoreApplication.translate("sorting", SORT_TIP)
        return None
