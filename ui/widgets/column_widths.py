"""Column widths measured once from the titles and a sample of rows, instead of `ResizeToContents`.

`QHeaderView.ResizeToContents` asks the model for every role of every cell
(up to a thousand rows a column) whenever anything changes: on the township's
合规看板 at 200 villages that was 71,872 `data()` calls, more than half of the
page's opening time. `SampledWidths` measures each column once per new set of
rows: the display text of a sample of rows with the view's `QFontMetrics`,
then the delegate's exact size hint (bold or italic fonts, margins) of only
the few widest of them and of the first and last rows (a totals row is often
bold), and the header's own size hint. The sections stay `Interactive`: the
person may drag a width, and it stays until the rows are replaced. A font
size change (the 字号 setting) measures again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QTableView

#: Rows measured at most per column: all of them up to this, else an even spread over the whole list.
SAMPLE_ROWS = 400
#: A text this close to the widest (as a share) is measured exactly too: a bold font may make it the widest.
CLOSE_SHARE = 0.85
#: Exact measures per column at most (besides the first and last rows).
EXACT_PER_COLUMN = 6


def sample_rows(count: int, limit: int = SAMPLE_ROWS) -> list[int]:
    """The rows to measure: every row up to `limit`, else `limit` rows spread evenly, first and last included."""
    if count <= limit:
        return list(range(count))
    step = (count - 1) / (limit - 1)
    return sorted({round(i * step) for i in range(limit)})


class SampledWidths(QObject):
    """Sizes the columns of `view` from a sample of its rows; re-measures on new rows and on a font change.

    Args:
        view: the table (its model may be a proxy; the proxy's rows are measured).
        stretch: a column that takes the spare width (never measured), or None.
        follow_model: measure again when the model is reset (new rows); off when the owner calls `fit`.
    """

    def __init__(self, view: QTableView, stretch: int | None = None, *, follow_model: bool = True):
        super().__init__(view)
        self._view = view
        self._stretch = stretch
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.installEventFilter(self)
        model = view.model()
        if model is not None:
            if follow_model:
                model.modelReset.connect(self._pending.start)
            # a title that changes (a sort arrow ▲/▼ added to it) gets the room it needs; a method, not a
            # lambda, so that Qt disconnects it when the view (and this object) goes before the model
            model.headerDataChanged.connect(self._on_header_changed)
        #: Exact size hints asked in the last `fit` (for tests and the bench: it stays small).
        self.exact_measures = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """A new font (the 字号 setting, a style sheet) means new widths: measure again once it settled."""
        if watched is self._view and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._pending.start()
        return False

    def _on_header_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.fit_header(first, last)

    def fit(self) -> None:
        """Measure every visible column (but the stretching one) and set its width."""
        self._pending.stop()
        model = self._view.model()
        if model is None:
            return
        self.exact_measures = 0
        rows = sample_rows(model.rowCount())
        header = self._view.horizontalHeader()
        for column in range(model.columnCount()):
            if column == self._stretch or header.isSectionHidden(column):
                continue
            header.resizeSection(column, self.measure(column, rows))

    def fit_header(self, first: int, last: int) -> None:
        """A column's title changed (a sort arrow): widen it when the new title needs more room."""
        header = self._view.horizontalHeader()
        for column in range(first, last + 1):
            if column != self._stretch and not header.isSectionHidden(column):
                needed = header.sectionSizeHint(column)
                if needed > header.sectionSize(column):
                    header.resizeSection(column, needed)

    def measure(self, column: int, rows: list[int]) -> int:
        """The width `column` needs for its title and the texts of `rows`."""
        view, model = self._view, self._view.model()
        # fractional advances: whole pixels tie (every date is as wide), and the delegate's own rounding
        # then picks one of the tied texts as the widest
        metrics = QFontMetricsF(view.font())
        widths = []
        for row in rows:
            text = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if text is not None and text != "":
                widths.append((max(metrics.horizontalAdvance(line) for line in str(text).split("\n")), row))
        needed = max(view.horizontalHeader().sectionSizeHint(column), view.horizontalHeader().minimumSectionSize())
        if not widths:
            return needed
        widths.sort(reverse=True)
        widest = widths[0][0]
        close = [row for width, row in widths if width >= widest * CLOSE_SHARE]
        exact = set(close[:EXACT_PER_COLUMN]) | {rows[0], rows[-1]}
        grid = 1 if view.showGrid() else 0  # as `QTableView.sizeHintForColumn` counts the grid line
        for row in exact:
            needed = max(needed, view.sizeHintForIndex(model.index(row, column)).width() + grid)
        self.exact_measures += len(exact)
        # Texts of one width (dates) may still lay out a pixel apart (shaping): when some of those
        # as wide as the widest were not measured exactly, a pixel to spare instead of a cut "…".
        ties = sum(1 for width, _row in widths if width >= widest - 0.5)
        return needed + (1 if ties > EXACT_PER_COLUMN else 0)


def sampled_widths(view: QTableView, stretch: int | None = None, *, follow_model: bool = True) -> SampledWidths:
    """Give `view` measured, draggable column widths (`SampledWidths`) in place of `ResizeToContents`."""
    return SampledWidths(view, stretch, follow_model=follow_model)
