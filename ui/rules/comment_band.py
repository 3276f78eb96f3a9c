"""The tinted 乡镇意见 line under an article in the article table.

The township's per-article comment has to stay in view while the secretary
edits the article, not on another tab. A delegate paints the row as usual in
its upper part and, when the row carries a comment, a tinted band below it
across the row: the tag 乡镇意见 under the article number, the comment under
the text, wrapped on up to `MAX_LINES` lines. The row's items carry the
band's text in `BAND_ROLE`; the editor makes the row taller by
`band_height()` (the row's own line stays `row_height`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ui.widgets.palette import BLUE

#: The item data role holding the band's text ("" on columns that only carry the tint).
BAND_ROLE = Qt.ItemDataRole.UserRole + 7
#: Pale blue with a darker rule on top: the township speaking (warnings are amber and red).
BAND_FILL = QColor("#eaf1fb")
BAND_RULE = QColor("#9db7dc")
BAND_TEXT = BLUE
MAX_LINES = 3
_PAD = 6
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def band_height(metrics: QFontMetrics, text: str, width: int) -> int:
    """Height of the band for `text` wrapped in `width` pixels (at most `MAX_LINES` lines)."""
    inner = max(1, width - 2 * _PAD)
    needed = metrics.boundingRect(QRect(0, 0, inner, 10_000), _WRAP, text).height()
    lines = max(1, min(MAX_LINES, -(-needed // metrics.lineSpacing())))
    return lines * metrics.lineSpacing() + _PAD


def _fitted(metrics: QFontMetrics, text: str, rect: QRect) -> str:
    """`text`, shortened with “…” until it fits the wrapped `rect`."""
    if metrics.boundingRect(rect, _WRAP, text).height() <= rect.height():
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if metrics.boundingRect(rect, _WRAP, text[:middle] + "…").height() <= rect.height():
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


class CommentBandDelegate(QStyledItemDelegate):
    """Paints the row in its top `row_height` pixels and the tinted comment band below (tag in bold)."""

    def __init__(self, row_height: int, tag_column: int, parent=None):
        super().__init__(parent)
        self.row_height = row_height
        self.tag_column = tag_column

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """The cell as usual, above the band; then the band."""
        band = index.data(BAND_ROLE)
        rect = option.rect
        if band is None or rect.height() <= self.row_height:
            super().paint(painter, option, index)
            return
        top = QStyleOptionViewItem(option)
        top.rect = QRect(rect.x(), rect.y(), rect.width(), self.row_height)
        super().paint(painter, top, index)
        lower = QRect(rect.x(), rect.y() + self.row_height, rect.width(), rect.height() - self.row_height)
        painter.save()
        painter.fillRect(lower, BAND_FILL)
        painter.setPen(BAND_RULE)
        painter.drawLine(lower.topLeft(), lower.topRight())
        if band:
            font = painter.font()
            font.setBold(index.column() == self.tag_column)
            painter.setFont(font)
            painter.setPen(BAND_TEXT)
            inner = lower.adjusted(_PAD, _PAD // 2, -_PAD, 0)
            painter.drawText(inner, _WRAP, _fitted(painter.fontMetrics(), band, inner))
        painter.restore()
