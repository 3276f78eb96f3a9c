"""The read-only list tables every area shows (select a row, never edit in place)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

from ui.widgets.batched_model import ID_ROLE
from ui.widgets.sorting import make_sortable


def read_only_table(headers: list[str], stretch: int | None = None, *, fit_columns: bool = True,
                    word_wrap: bool = True) -> QTableWidget:
    """A table that selects whole rows, one at a time, and is never edited in place.

    Args:
        headers: the column titles (already translated).
        stretch: the column that takes the spare width; the last one when None.
        fit_columns: size the other columns to their contents (off: the person
            drags them, as on the 数据交换 history where texts are long).
        word_wrap: wrap long cell texts (off: one line a row, the tooltip has all).

    Tab leaves the table, so keyboard users reach the buttons under it.
    """
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    _set_up(table, len(headers), stretch, fit_columns, word_wrap)
    return table


def read_only_view(model: QAbstractItemModel, stretch: int | None = None, *, fit_columns: bool = True,
                   word_wrap: bool = True, sortable: bool = True) -> QTableView:
    """`read_only_table` for a model (a `BatchedRowsModel`): the same look and keys.

    Args:
        model: the rows (a `BatchedRowsModel`, whose `sort` sorts every row it holds).
        stretch: the column that takes the spare width (as for `read_only_table`).
        fit_columns: size the other columns to their contents (as for `read_only_table`).
        word_wrap: wrap long cell texts (as for `read_only_table`).
        sortable: a header click sorts (`ui.widgets.sorting.make_sortable`: 升序,
            降序, the list's own order); off for a list whose order is its meaning.
    """
    view = QTableView()
    view.setModel(model)
    _set_up(view, model.columnCount(), stretch, fit_columns, word_wrap)
    if sortable:
        make_sortable(view)
    return view


#: The fewest rows a list shows: less reads as an empty table (a header and nothing under it).
MIN_ROWS = 3


def keep_rows_visible(view: QAbstractItemView, rows: int = MIN_ROWS) -> None:
    """Never let a layout squeeze `view` below its header and `rows` rows of its font.

    On a short screen the page or dialog around it scrolls instead (they sit
    in scroll areas, see `ui.widgets.screen_fit`). Call again after a font change.
    """
    line = view.fontMetrics().height() + 8
    row = max(line, view.verticalHeader().defaultSectionSize()) if isinstance(view, QTableView) else line
    header = 0
    if isinstance(view, QTableView) and not view.horizontalHeader().isHidden():
        header = max(view.horizontalHeader().sizeHint().height(), line)
    bar = view.style().pixelMetric(view.style().PixelMetric.PM_ScrollBarExtent)
    view.setMinimumHeight(header + rows * row + bar + 2 * view.frameWidth())


def keep_column_readable(table: QTableView, column: int, chars: float) -> None:
    """Give `table` the minimum width that leaves its stretching `column` `chars` characters.

    A stretching column takes only what the fixed columns leave; on a narrow
    screen that was one character or a lone "…". With this minimum the page or
    dialog around the table scrolls sideways instead. Call after sizing the
    other columns (and again when they change).
    """
    header = table.horizontalHeader()
    if table.property("readableColumn") is None:  # once: follow the other columns as they resize
        header.sectionResized.connect(lambda moved, *_: moved == column or keep_column_readable(table, column, chars))
    table.setProperty("readableColumn", column)
    em = table.fontMetrics().horizontalAdvance("国")
    others = sum(header.sectionSize(c) for c in range(header.count())
                 if c != column and not header.isSectionHidden(c))
    vertical = 0 if table.verticalHeader().isHidden() else table.verticalHeader().sizeHint().width()
    bar = table.style().pixelMetric(table.style().PixelMetric.PM_ScrollBarExtent)
    table.setMinimumWidth(int(others + chars * em + vertical + bar + 2 * table.frameWidth()))


def _set_up(table: QTableView, columns: int, stretch: int | None, fit_columns: bool, word_wrap: bool) -> None:
    keep_rows_visible(table)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(word_wrap)
    header = table.horizontalHeader()
    if fit_columns:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1 if stretch is None else stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


def cell(text: str, record_id: str | None = None, color: QColor | None = None, *, tooltip: str = "",
         center: bool = False) -> QTableWidgetItem:
    """A read-only cell of a `read_only_table`.

    Args:
        text: what the cell shows.
        record_id: the record behind the row, under `ID_ROLE` (usually on the first cell).
        color: the text colour (a palette colour), or the table's default.
        tooltip: the tooltip; the whole text when empty (long texts are elided in narrow columns).
        center: centre the text (short codes and counts).
    """
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    if record_id is not None:
        item.setData(ID_ROLE, record_id)
    if color is not None:
        item.setForeground(color)
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item
