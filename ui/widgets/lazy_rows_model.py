"""A read-only table model that holds only ids and fetches rows as the view asks.

For registers that grow without bound (the people register, the township's
villages): handing the view every row up front means building a dataclass for
each of 100,000 people before the page opens. Instead the service answers
two questions (Anki's browser table model does the same):

- `fetch_ids()`: the ordered ids that match (one cheap `SELECT id`);
- `fetch_rows(ids)`: the rows for a chunk of those ids (one query).

The model reports every id as a row at once, so the scroll bar is right and
jumping to the end costs one chunk, and fetches `chunk` rows around the ones
the view paints, keeping the last `cached_chunks` chunks. Cells are answered
by the same hooks as `BatchedRowsModel` (`display`, `sort_value`,
`foreground`, ...), so a subclass only says where its ids and rows come from.

Not for a list behind a `QSortFilterProxyModel` that sorts and filters on
any column (the township's villages): the proxy reads every row anyway, so
such a list, bounded by the township's size, stays a `BatchedRowsModel`.
Sorting a lazy register is the service's `ORDER BY` where it has one; a
header click on another column (`sort`) orders the matching ids by the
column's values read from the service for every match (`fetch_sort_values`,
in large chunks), never only the rows fetched so far.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ui.widgets.batched_model import ID_ROLE, SORT_ROLE, BatchedRowsModel, ModelIndex

#: Rows fetched per service call.
CHUNK = 200
#: Chunks kept in memory (the rest are fetched again when scrolled back to).
CACHED_CHUNKS = 64
#: Ids per service call when a header click reads one column of every match.
SORT_CHUNK = 10_000


class LazyRowsModel(BatchedRowsModel):
    """Every matching id is a row; its service row is fetched with its chunk on first use."""

    def __init__(self, parent=None, chunk: int = CHUNK, cached_chunks: int = CACHED_CHUNKS):
        super().__init__(parent, chunk)
        self._chunk = chunk
        self._cached_chunks = cached_chunks
        self._ids: list[str] = []
        self._service_ids: list[str] | None = None  # the ids in the service's order (None: ask again)
        self._cache: OrderedDict[int, list[Any]] = OrderedDict()

    # ----- where the ids and rows come from (a subclass's service calls) --------------------

    def fetch_ids(self) -> list[str]:
        """The ordered ids of every matching record (the service's cheap id query)."""
        raise NotImplementedError

    def fetch_rows(self, ids: Sequence[str]) -> list[Any]:
        """The service rows for `ids` (any order; an id with no row left is skipped)."""
        raise NotImplementedError

    # ----- filling the model ---------------------------------------------------------------

    def reload(self) -> None:
        """Read the ids again (a model reset) in the chosen order; rows are fetched when the view asks."""
        self._service_ids = self.fetch_ids()
        self.set_ids(self.ordered_ids(self._service_ids))

    # ----- sorting by a header ---------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every matching id by `column` (natural order, empties last); -1: the service's order.

        Selections follow their records (by id).
        """
        self.layoutAboutToBeChanged.emit()
        before = list(self._ids)
        self._sort_request = (column, order)
        if self._service_ids is None:
            self._service_ids = self.fetch_ids()
        self._ids = self.ordered_ids(self._service_ids)
        self._cache.clear()
        where = {record_id: row for row, record_id in enumerate(self._ids)}
        changed_from, changed_to = [], []
        for index in self.persistentIndexList():
            row = where.get(before[index.row()], -1) if 0 <= index.row() < len(before) else -1
            changed_from.append(index)
            changed_to.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(changed_from, changed_to)
        self.layoutChanged.emit()

    def ordered_ids(self, ids: list[str]) -> list[str]:
        """`ids` (the service's order) in the order chosen by `sort`."""
        from ui.widgets.sorting import sorted_positions

        column, order = self._sort_request
        if column < 0 or column >= self.column_count() or not ids:
            return list(ids)
        values = self.fetch_sort_values(ids, column)
        return [ids[i] for i in sorted_positions([values.get(i) for i in ids], order)]

    def fetch_sort_values(self, ids: list[str], column: int) -> dict[str, object]:
        """Record id -> the sort value of `column`, for every id (read from the service in large chunks)."""
        values: dict[str, object] = {}
        for start in range(0, len(ids), SORT_CHUNK):
            for row in self.fetch_rows(ids[start:start + SORT_CHUNK]):
                value = self.cell(row, column, SORT_ROLE)
                values[self.row_id(row)] = self.cell(row, column, Qt.ItemDataRole.DisplayRole) \
                    if value is None else value
        return values

    def set_ids(self, ids: list[str]) -> None:
        """Replace every id (a model reset) and forget every fetched row."""
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.endResetModel()

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row with rows already fetched (their ids in their order)."""
        self._service_ids = [self.row_id(row) for row in rows]
        self.set_ids(list(self._service_ids))
        for start in range(0, len(rows), self._chunk):
            self._remember(start // self._chunk, rows[start:start + self._chunk])

    # ----- reading -------------------------------------------------------------------------

    def total(self) -> int:
        """How many records match."""
        return len(self._ids)

    def ids(self) -> list[str]:
        """The ids of every row, in view order."""
        return list(self._ids)

    def id_at(self, row: int) -> str:
        """The record id behind view row `row` (no fetch)."""
        return self._ids[row]

    def row_at(self, row: int) -> Any:
        """The service row behind view row `row` (fetching its chunk if needed), or None if it is gone."""
        number = row // self._chunk
        rows = self._cache.get(number)
        if rows is None:
            start = number * self._chunk
            chunk_ids = self._ids[start:start + self._chunk]
            by_id = {self.row_id(r): r for r in self.fetch_rows(chunk_ids)}
            rows = self._remember(number, [by_id.get(i) for i in chunk_ids])
        else:
            self._cache.move_to_end(number)
        return rows[row - number * self._chunk]

    def all_rows(self) -> list[Any]:
        """Every row (fetches every chunk: for exports, not for the view)."""
        return [r for r in (self.row_at(n) for n in range(len(self._ids))) if r is not None]

    def _remember(self, number: int, rows: list[Any]) -> list[Any]:
        self._cache[number] = rows
        self._cache.move_to_end(number)
        while len(self._cache) > self._cached_chunks:
            self._cache.popitem(last=False)
        return rows

    # ----- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Every matching record (its row is fetched when shown)."""
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        """Nothing to append: every id is a row already."""
        return False

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        """Nothing to append (rows are fetched per chunk in `row_at`)."""

    def row_id(self, row: Any) -> str | None:
        """The record id of a service row (its `id` unless overridden)."""
        return row.id

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The id without a fetch; other roles through the hooks of the row's chunk."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        row = self.row_at(index.row())
        return None if row is None else self.cell(row, index.column(), role)
