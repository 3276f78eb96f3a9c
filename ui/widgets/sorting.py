"""Every list sorts by clicking its header, in the order a person counts and reads.

One piece for every list of the app:

- `natural_key(value)`: numbers compare as numbers wherever they are written
  ("第十二条" < "第一百条", "一组" < "十二组", "2组" < "10组", "1,234.50" as
  1234.5), dates in ISO ("2026-03-05") or Chinese style ("2026年3月5日",
  "二〇二六年三月") compare by year, month, day, and the text between numbers
  compares by pinyin (`QCollator` for zh_CN, where the platform knows it).
- `sorted_positions(values, order)`: a stable sort in which empty cells
  ("", "—", None) come last whichever way the list is sorted.
- `SortRequest`: what a header click asks for: a column and an order, or the
  list's own order (column -1). A model answers it in `sort(column, order)`:
  `BatchedRowsModel` sorts every row it holds (also those not yet handed to
  the view), a model over SQL paging (issue 20) answers it with an ORDER BY.
- `NaturalSortProxy`: the same order for a list behind a `QSortFilterProxyModel`.
- `make_sortable(view)`: the header cycles 升序 → 降序 → 原来的顺序 (the
  service's own order: newest first, article order, ballot order), with the
  indicator shown, and says so in the header's tooltip.

The model sorts its own rows rather than sitting behind a proxy, so the many
pages that map a selected view row to a record (`model.row_at(row)`) stay right.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QTableWidget

from models.natural_order import with_arabic_numbers
from ui.widgets.batched_model import SORT_ROLE, SORT_TIP, BatchedRowsModel

ASCENDING = Qt.SortOrder.AscendingOrder
DESCENDING = Qt.SortOrder.DescendingOrder
#: The column of `SortRequest` that means "the list's own order".
ORIGINAL = -1

#: Where `sort_table_widget` keeps a row's place in the list's own order (on the row's first item).
ORIGINAL_ROW_ROLE = Qt.ItemDataRole.UserRole + 9

#: Cells that mean "nothing here": they sort last in both directions.
_EMPTY_TEXTS = frozenset({"", "—", "——", "-", "–", "/"})
#: A number as a list shows it: "12", "1,234.50", "-3.5" (a minus only where it cannot be a date's dash).
_NUMBER = re.compile(r"(?<![\d.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


@dataclass(frozen=True)
class SortRequest:
    """A header click: sort by `column` in `order`; column `ORIGINAL` (-1) is the list's own order.

    What a model needs to answer it, also a future model over SQL paging
    (column → ORDER BY expression, order → ASC/DESC, -1 → the query's own ORDER BY).
    """

    column: int = ORIGINAL
    order: Qt.SortOrder = ASCENDING

    @property
    def is_original(self) -> bool:
        """True when the list shows its own (the service's) order."""
        return self.column < 0

    @property
    def descending(self) -> bool:
        """True for 降序."""
        return self.order == DESCENDING


@cache
def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    return collator


class _Text:
    """A piece of text that compares by the zh_CN collation (pinyin), equal only to the same text."""

    __slots__ = ("key", "text")

    def __init__(self, text: str):
        self.text = text
        self.key = _collator().sortKey(text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Text) and other.text == self.text

    def __lt__(self, other: _Text) -> bool:
        if self.text == other.text:
            return False
        order = self.key.compare(other.key)
        return order < 0 if order else self.text < other.text  # collation ties: code point, so the order is total

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"_Text({self.text!r})"


_NO_TEXT = _Text("")


def is_empty(value: Any) -> bool:
    """True for a cell with nothing in it: None, "", "—" (sorts last both ways)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    if isinstance(value, str):
        return value.strip() in _EMPTY_TEXTS
    if isinstance(value, (tuple, list)):
        return all(is_empty(v) for v in value)
    return False


def _text_key(text: str) -> tuple:
    parts: list[tuple] = []
    plain = with_arabic_numbers(text.strip())
    at = 0
    for match in _NUMBER.finditer(plain):
        if match.start() > at:
            parts.append((1, 0, _Text(plain[at:match.start()])))
        number = match.group(0).replace(",", "")
        parts.append((0, Decimal(number), _NO_TEXT))
        at = match.end()
    if at < len(plain):
        parts.append((1, 0, _Text(plain[at:])))
    return tuple(parts)


def natural_key(value: Any) -> tuple:
    """The sort key of a cell value: numbers as numbers, dates by their parts, text by pinyin.

    Text is cut into runs of numbers (digits, with thousands commas and
    decimals, or Chinese numerals: `models.natural_order`) and the text
    between them; numbers compare by value, text by the zh_CN collation.
    A date ("2026-03-05", "2026年3月5日") is numbers and separators, so it
    sorts by year, then month, then day. Tuples compare element by element.
    Empty values give the empty key (callers put them last: `sorted_positions`).
    """
    if value is None:
        return ()
    if isinstance(value, bool):
        return ((0, Decimal(int(value)), _NO_TEXT),)
    if isinstance(value, float) and value != value:  # NaN: nothing to compare
        return ()
    if isinstance(value, (int, float, Decimal)):
        return ((0, Decimal(str(value)), _NO_TEXT),)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _text_key(value.isoformat())
    if isinstance(value, (tuple, list)):
        return tuple((2, natural_key(v)) for v in value)
    text = str(value)
    return () if text.strip() in _EMPTY_TEXTS else _text_key(text)


def sorted_positions(values: Sequence[Any], order: Qt.SortOrder = ASCENDING) -> list[int]:
    """The positions of `values` in sorted order: stable, empty values last in both directions."""
    filled: list[int] = []
    empty: list[int] = []
    keys: list[tuple] = [()] * len(values)
    known: dict[Any, tuple] = {}  # a column repeats its values (性别, 村民小组, 状态): one key each
    for i, value in enumerate(values):
        if is_empty(value):
            empty.append(i)
            continue
        filled.append(i)
        try:
            key = known.get(value)
            if key is None:
                key = known[value] = natural_key(value)
        except TypeError:  # an unhashable value
            key = natural_key(value)
        keys[i] = key
    if len(known) < len(filled):  # repeated values: sort the few distinct keys, then the rows by rank
        rank: dict[int, int] = {}
        previous, place = None, -1
        for key in sorted({id(k): k for k in known.values()}.values()):
            if previous is None or key != previous:
                place += 1
            rank[id(key)] = place
            previous = key
        ranks = [rank.get(id(keys[i]), -1) for i in range(len(values))]
        if all(ranks[i] >= 0 for i in filled):
            filled.sort(key=ranks.__getitem__, reverse=order == DESCENDING)
            return filled + empty
    filled.sort(key=keys.__getitem__, reverse=order == DESCENDING)
    return filled + empty


def natural_sorted(items: Iterable[Any], key: Callable[[Any], Any] = lambda x: x,
                   order: Qt.SortOrder = ASCENDING) -> list[Any]:
    """`items` in natural order of `key(item)` (stable, empties last)."""
    items = list(items)
    return [items[i] for i in sorted_positions([key(item) for item in items], order)]


def header_tooltip() -> str:
    """What a click on a sortable header does."""
    return QCoreApplication.translate("sorting", SORT_TIP)


class NaturalSortProxy(QSortFilterProxyModel):
    """A `QSortFilterProxyModel` that sorts by `natural_key` of `sortRole()`, empty cells last both ways."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt override
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        """Natural order; an empty cell after every filled one, ascending or descending."""
        a, b = self._value(left), self._value(right)
        if is_empty(a) or is_empty(b):
            if is_empty(a) and is_empty(b):
                return False
            # Qt sorts descending by swapping the arguments: empties stay last by answering the swap too.
            return is_empty(a) == (self.sortOrder() == DESCENDING)
        return natural_key(a) < natural_key(b)

    def _value(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        value = index.data(self.sortRole())
        return index.data(Qt.ItemDataRole.DisplayRole) if value is None else value


class HeaderSorter(QObject):
    """Turns header clicks into `model.sort` calls: 升序, 降序, then the list's own order again.

    It listens to `sectionClicked` and keeps the state itself (the header's
    own flip of the indicator knows no third state), then shows the
    indicator for the state (none in the list's own order).
    """

    def __init__(self, view: QTableView, original_order: bool = True,
                 sort: Callable[[int, Qt.SortOrder], None] | None = None):
        super().__init__(view)
        self._view = view
        self._original_order = original_order
        self._sort = sort
        self.request = SortRequest()
        header = view.horizontalHeader()
        view.setSortingEnabled(False)  # model.sort is called here (the third click)
        header.setSectionsClickable(True)
        self._show(self.request)
        header.sectionClicked.connect(self._clicked)

    def _show(self, request: SortRequest) -> None:
        header = self._view.horizontalHeader()
        header.setSortIndicatorShown(not request.is_original)
        header.setSortIndicator(request.column, request.order)

    def next_request(self, column: int) -> SortRequest:
        """What a click on `column` asks for after the current state."""
        before = self.request
        if column != before.column:
            return SortRequest(column, ASCENDING)
        if before.order == ASCENDING:
            return SortRequest(column, DESCENDING)
        return SortRequest() if self._original_order else SortRequest(column, ASCENDING)

    def _clicked(self, column: int) -> None:
        self.sort(self.next_request(column))

    def sort(self, request: SortRequest) -> None:
        """Sort the view's model as `request` says and show it in the header.

        With the wait cursor meanwhile: a list paged from SQL sorts every match by a
        column's values (100,000 people by 姓名: seconds on a busy two-core PC), and a
        window that froze without a sign gets clicked again.
        """
        self.request = request
        self._show(request)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._sort is not None:
                self._sort(request.column, request.order)
                return
            model = self._view.model()
            if model is not None:
                model.sort(request.column, request.order)
        finally:
            QApplication.restoreOverrideCursor()

    def reapply(self) -> None:
        """Sort again as chosen (a `QTableWidget` refilled in the list's own order)."""
        if not self.request.is_original:
            self.sort(self.request)


def sort_table_widget(table: QTableWidget, column: int, order: Qt.SortOrder = ASCENDING) -> None:
    """Sort the rows of a `QTableWidget` of plain items (`tables.cell`) by `column`; -1: their first order.

    Each row's place when first sorted is kept on its first item
    (`ORIGINAL_ROW_ROLE`), so the list's own order can come back. Rows move
    whole (every item taken and put back); cell widgets are not moved, so a
    table with cell widgets must not use this.
    """
    rows, columns = table.rowCount(), table.columnCount()
    for r in range(rows):
        first = table.item(r, 0)
        if first is not None and first.data(ORIGINAL_ROW_ROLE) is None:
            first.setData(ORIGINAL_ROW_ROLE, r)
    taken = [[table.takeItem(r, c) for c in range(columns)] for r in range(rows)]
    places = [row[0].data(ORIGINAL_ROW_ROLE) if row[0] is not None else r for r, row in enumerate(taken)]
    if column < 0:
        new_order = sorted(range(rows), key=places.__getitem__)
    else:
        values = []
        for row in taken:
            item = row[column] if column < columns else None
            value = None if item is None else item.data(SORT_ROLE)
            values.append(item.text() if value is None and item is not None else value)
        new_order = sorted_positions(values, order)
    for new, old in enumerate(new_order):
        for c, item in enumerate(taken[old]):
            if item is not None:
                table.setItem(new, c, item)


def make_sortable(view: QTableView, original_order: bool = True) -> HeaderSorter:
    """Let `view` sort by a header click (its model implements `sort`; -1 is its own order).

    Args:
        view: a table over a `BatchedRowsModel`, a `NaturalSortProxy` or any
            model whose `sort(column, order)` sorts every row it holds; or a
            `QTableWidget` of plain items (`sort_table_widget`: call
            `sorter_of(table).reapply()` after refilling it).
        original_order: a third click returns to the list's own order (the
            service's); off: the header only toggles 升序/降序.
    """
    existing = view.property("headerSorter")
    if isinstance(existing, HeaderSorter):
        return existing
    widget_sort = None
    if isinstance(view, QTableWidget):
        def widget_sort(column: int, order: Qt.SortOrder) -> None:
            sort_table_widget(view, column, order)
    sorter = HeaderSorter(view, original_order, widget_sort)
    view.setProperty("headerSorter", sorter)
    header: QHeaderView = view.horizontalHeader()
    model = view.model()
    if isinstance(model, BatchedRowsModel):
        model.header_sorts = True
    if not header.viewport().toolTip():  # for titles whose model has no tooltip of its own
        header.viewport().setToolTip(header_tooltip())
    return sorter


def sorter_of(view: QAbstractItemView) -> HeaderSorter | None:
    """The `HeaderSorter` `make_sortable` installed on `view`, if any."""
    sorter = view.property("headerSorter")
    return sorter if isinstance(sorter, HeaderSorter) else None
