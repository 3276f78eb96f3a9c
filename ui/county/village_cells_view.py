"""The table of one village's cells (the county board's third level), laid out so 说明 is readable.

Six columns share about 830 px at 1024×600: 义务, 情况, 完成/应完成 and
其中逾期 as wide as their contents, then 说明 (why the cell is what it is)
and 依据 (the legal basis). Sized to their contents, 依据 took its full
width and 说明 was cut ("应完成 1 次,完成 1…"). Here the two share what is
left: 依据 keeps its full width only when both fit on one line, else at most
two fifths of it, on one line, shortened with "…" (its full text is the
cell's tooltip); 说明 has the rest and wraps onto a second line.

Rows are as tall as their text, and they must leave three rows in view (the
1024×600 screen at the 特大 font has about 160 px for them): when 说明 does
not fit in two lines there, not even with 依据 at its narrowest, the rows stay
one line high and 说明 is shortened too, its full text in the tooltip, as
every long register does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from ui.county.village_cells_model import BASIS_COL, REASON_COL

#: The share of the room 说明 and 依据 have that 依据 may take when both do not fit on one line.
BASIS_SHARE = 0.4
#: 依据 is never narrower than this many characters ("组织法第…").
BASIS_MIN_CHARS = 4
#: Lines a row may grow to.
MAX_LINES = 2
#: Rows that must stay in view.
ROWS_IN_VIEW = 3


class OneLineDelegate(QStyledItemDelegate):
    """Draws and measures a cell on one line, shortened with "…", in a table that wraps its text."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """The view's options without word wrap."""
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class VillageCellsTable(QTableView):
    """The third level's grid: 说明 wraps onto two lines when it can, 依据 stays on one line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self._fitting = False
        self._basis_delegate = OneLineDelegate(self)
        self.setItemDelegateForColumn(BASIS_COL, self._basis_delegate)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        """Show `model`; 说明 and 依据 get their widths from `fit_columns`."""
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(REASON_COL, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(BASIS_COL, QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """Share the room between 说明 and 依据 and size the rows (see the module's docstring)."""
        model = self.model()
        if model is None or model.columnCount() <= BASIS_COL or self._fitting:
            return
        self._fitting = True
        try:
            self._fit(model)
        finally:
            self._fitting = False

    def _fit(self, model) -> None:
        others = sum(self.columnWidth(c) for c in range(model.columnCount()) if c not in (REASON_COL, BASIS_COL))
        room = max(0, self.viewport().width() - others)
        header = self.horizontalHeader()
        self.setWordWrap(False)
        basis = max(self.sizeHintForColumn(BASIS_COL), header.sectionSizeHint(BASIS_COL))
        reason = max(self.sizeHintForColumn(REASON_COL), header.sectionSizeHint(REASON_COL))
        if basis + reason <= room:
            self._share(basis, room - basis)
            return
        least = min(basis, BASIS_MIN_CHARS * self.fontMetrics().horizontalAdvance("组") + 12)
        shared = min(basis, max(least, int(room * BASIS_SHARE)))
        self.setWordWrap(True)
        for width in (shared, least):
            self._share(width, room - width)
            if self._rows_fit():
                return
        self.setWordWrap(False)  # no room for two lines: one line each, shortened, as before
        self._share(shared, room - shared)

    def _share(self, basis: int, reason: int) -> None:
        self.setColumnWidth(BASIS_COL, basis)
        self.setColumnWidth(REASON_COL, max(reason, self.horizontalHeader().minimumSectionSize()))
        self.resizeRowsToContents()

    def _rows_fit(self) -> bool:
        """Every row at most `MAX_LINES` lines high and the first `ROWS_IN_VIEW` rows in view."""
        rows = self.model().rowCount()
        heights = [self.rowHeight(r) for r in range(rows)]
        line = self.fontMetrics().height()
        most = MAX_LINES * line + line // 2
        return all(h <= most for h in heights) and sum(heights[:ROWS_IN_VIEW]) <= self.viewport().height()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in (REASON_COL, BASIS_COL):
            self.fit_columns()  # a column sized to its contents settled: the room left changed

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A narrower or wider window: the room shared again."""
        super().resizeEvent(event)
        self.fit_columns()
