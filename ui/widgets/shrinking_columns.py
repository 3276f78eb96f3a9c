"""Fixed-width table columns that give up room on a narrow window instead of widening the page.

A list whose columns are sized in characters (日期 6, 类型 8, …) plus a
stretching 名称 needs more than the 1024×600 netbook's window gives it (the
会议与表决 list asked 911 px of 848): the page around it scrolled sideways
and 新建会议 was off the screen. Here each fixed column keeps its own width
while there is room and shrinks towards a floor (its text elides, the
tooltip has the whole) when there is not; the table's minimum width is the
floors plus the stretching column's characters, so the page fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

#: Room a column takes beyond its characters (the cell's margins and the header's sort arrow).
PADDING = 24


class ShrinkingColumns(QObject):
    """Size `table`'s columns from `wanted`/`floors` (in characters; 0 for the stretching column).

    Call `resize_columns()` again after a font change. The stretching column
    keeps at least `stretch_chars` characters.
    """

    def __init__(self, table: QTableView, wanted: Sequence[float], floors: Sequence[float],
                 stretch_chars: float) -> None:
        super().__init__(table)
        self._table = table
        self._wanted = tuple(wanted)
        self._floors = tuple(floors)
        self._stretch_chars = stretch_chars
        table.viewport().installEventFilter(self)
        self.resize_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Re-share the width whenever the table's viewport changes size."""
        if event.type() == QEvent.Type.Resize:
            self._share(self._table.viewport().width())
        return False

    def _widths(self, chars: Sequence[float]) -> list[int]:
        em = self._table.fontMetrics().horizontalAdvance("国")
        return [int(em * c) + PADDING if c else 0 for c in chars]

    def resize_columns(self) -> None:
        """Set the table's minimum width from the floors and share the current width (after a font change too)."""
        table = self._table
        em = table.fontMetrics().horizontalAdvance("国")
        bar = table.style().pixelMetric(table.style().PixelMetric.PM_ScrollBarExtent)
        vertical = 0 if table.verticalHeader().isHidden() else table.verticalHeader().sizeHint().width()
        need = sum(self._widths(self._floors)) + int(self._stretch_chars * em) + vertical + bar
        table.setMinimumWidth(need + 2 * table.frameWidth())
        self._share(table.viewport().width())

    def _share(self, room: int) -> None:
        """Each fixed column its wanted width if all fit beside the stretching column, else shrunk alike."""
        wanted, floors = self._widths(self._wanted), self._widths(self._floors)
        em = self._table.fontMetrics().horizontalAdvance("国")
        spare = room - int(self._stretch_chars * em)
        total = sum(wanted)
        scale = 1.0 if total <= 0 or spare >= total else max(spare, 0) / total
        for column, (want, floor) in enumerate(zip(wanted, floors, strict=True)):
            if want:
                self._table.setColumnWidth(column, max(floor, int(want * scale)))
