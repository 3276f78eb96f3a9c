"""A `LazyRowsModel` that opens on a count and one page, not on every id (issue 20).

Why: `LazyRowsModel` reads the ordered ids of every match before the view
shows anything. At 100,000 people or meetings that one sorted `SELECT id`
took 0.33–0.45 s (the sort, and a table lookup per row). In the service's
own order the view needs far less: how many rows there are (`fetch_count`,
for the scroll bar) and the rows of the chunk it paints (`fetch_page`: a
`LIMIT … OFFSET` in the service's `ORDER BY`, read from the far end when the
chunk is in the second half, so the end of the list costs what its start
does).

The full id list is still read, once, when something needs every id: a
header click that sorts by a column (the natural order of
`ui.widgets.sorting`, over that column's values), `ids()`, or finding a
record that is not on a page fetched so far and for which the service has
no position query (`fetch_position`). From then on the model is a plain
`LazyRowsModel` until the next `reload` in the service's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ui.widgets.batched_model import ID_ROLE, ModelIndex
from ui.widgets.lazy_rows_model import LazyRowsModel


class PagedRowsModel(LazyRowsModel):
    """Rows in the service's order are read a page at a time; a header sort reads the ids as before."""

    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self._paged = False
        self._count = 0
        self._hint: dict[str, int] = {}  # id -> its row before the last reload (where to look first)

    # ----- where the pages come from (a subclass's service calls) --------------------------

    def fetch_count(self) -> int:
        """How many records match (the service's `SELECT count(*)`)."""
        raise NotImplementedError

    def fetch_page(self, offset: int, limit: int, total: int) -> list[Any]:
        """The rows at positions offset .. offset+limit-1 in the service's order (`total`: the count)."""
        raise NotImplementedError

    def fetch_position(self, record_id: str) -> int | None:
        """Where `record_id` is in the service's order (None: not a match); default: from every id."""
        ids = self.fetch_ids()
        return ids.index(record_id) if record_id in ids else None

    # ----- filling ---------------------------------------------------------------------------

    def paged(self) -> bool:
        """True while the model shows the service's order from pages (no id list read)."""
        return self._paged

    def reload(self) -> None:
        """Count again and forget every page; a column sort reads the ids and sorts them (`LazyRowsModel`)."""
        if self._sort_request[0] >= 0:
            super().reload()
            return
        self._hint = self._cached_positions()
        self.beginResetModel()
        self._paged = True
        self._service_ids = None
        self._ids = []
        self._cache.clear()
        self._count = self.fetch_count()
        self.endResetModel()

    def set_ids(self, ids: list[str]) -> None:
        """Replace every id (a model reset): the model is no longer paged."""
        self._paged = False
        super().set_ids(ids)

    def _cached_positions(self) -> dict[str, int]:
        """Record id -> view row, for every row on a page fetched so far."""
        found = {}
        for number, rows in self._cache.items():
            for offset, row in enumerate(rows):
                if row is not None:
                    found[self.row_id(row)] = number * self._chunk + offset
        return found

    def _unpage(self) -> None:
        """Read every id in the service's order (once); the pages fetched stay (same order, same rows)."""
        if not self._paged:
            return
        ids = self.fetch_ids()
        self._service_ids = ids
        if len(ids) != self._count:  # the records changed since the count: start again from the ids
            self.set_ids(list(ids))
            return
        self._paged = False
        self._ids = list(ids)

    # ----- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: every id is read (once) and ordered by the column (`LazyRowsModel.sort`)."""
        self._unpage()
        super().sort(column, order)

    # ----- reading ---------------------------------------------------------------------------

    def total(self) -> int:
        """How many records match."""
        return self._count if self._paged else super().total()

    def ids(self) -> list[str]:
        """Every id in view order (reads the id list when paged)."""
        self._unpage()
        return super().ids()

    def id_at(self, row: int) -> str | None:
        """The record id behind view row `row` (its page is fetched when paged)."""
        if not self._paged:
            return super().id_at(row)
        found = self.row_at(row)
        return None if found is None else self.row_id(found)

    def row_of(self, record_id: str) -> int:
        """The view row of `record_id` (-1: not shown): the pages fetched, then where it was, then the service."""
        if not self._paged:
            try:
                return self._ids.index(record_id)
            except ValueError:
                return -1
        for number, rows in self._cache.items():
            for offset, row in enumerate(rows):
                if row is not None and self.row_id(row) == record_id:
                    return number * self._chunk + offset
        before = self._hint.get(record_id)
        if before is not None and before < self._count and self.id_at(before) == record_id:
            return before
        if not self._paged:  # (fetch_position may have read every id)
            return self.row_of(record_id)
        position = self.fetch_position(record_id)
        if not self._paged:
            return self.row_of(record_id)
        return -1 if position is None or position >= self._count else position

    def row_at(self, row: int) -> Any:
        """The service row behind view row `row`, fetching its page if needed (None if it is gone)."""
        if not self._paged:
            return super().row_at(row)
        if not 0 <= row < self._count:
            return None
        number = row // self._chunk
        rows = self._cache.get(number)
        if rows is None:
            start = number * self._chunk
            size = min(self._chunk, self._count - start)
            fetched = list(self.fetch_page(start, size, self._count))[:size]
            rows = self._remember(number, fetched + [None] * (size - len(fetched)))
        else:
            self._cache.move_to_end(number)
        return rows[row - number * self._chunk]

    def all_rows(self) -> list[Any]:
        """Every row in view order (one page of everything when paged: for exports, not for the view)."""
        if not self._paged:
            return super().all_rows()
        return [r for r in self.fetch_page(0, self._count, self._count) if r is not None]

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Rows already fetched, as `LazyRowsModel.set_rows` (not paged)."""
        self._paged = False
        super().set_rows(list(rows))

    # ----- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Every matching record (the count when paged)."""
        if parent.isValid():
            return 0
        return self._count if self._paged else len(self._ids)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """As `LazyRowsModel.data`; when paged the id comes from the row's page."""
        if not self._paged:
            return super().data(index, role)
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return self.row_id(row)
        return self.cell(row, index.column(), role)
