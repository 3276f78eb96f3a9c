"""A search hit painted on two lines: its title with date and village, then the snippet with the matches in bold.

The snippet's HTML comes from `ui.search.highlight` (the record's text
escaped, only our `<b>` added). Group rows ("会议(12)") are painted as Qt
paints any row.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.search.highlight import highlighted_html
from ui.widgets.palette import GREY, INK

#: On a hit's item: (title, meta) — meta is "2026-03-12 · 青山村"; None on a group row.
LINES_ROLE = Qt.ItemDataRole.UserRole + 21
#: On a hit's item: the snippet as HTML (escaped text, our `<b>` around the matches).
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 22
#: On a hit's item: the query's words, to mark them in the title once it is shortened to fit.
TERMS_ROLE = Qt.ItemDataRole.UserRole + 24
_PAD = 4


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit; the group rows as usual."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Two text lines and a little air for a hit; Qt's own size for a group row."""
        base = super().sizeHint(option, index)
        if index.data(LINES_ROLE) is None:
            return base
        return QSize(base.width(), 2 * QFontMetrics(option.font).lineSpacing() + 3 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Background and focus as Qt draws them; the title line, then the snippet."""
        lines = index.data(LINES_ROLE)
        if lines is None:
            super().paint(painter, option, index)
            return
        title, meta = lines
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else INK
        soft = ink if selected else GREY
        rect = opt.rect.adjusted(_PAD * 2, _PAD, -_PAD * 2, -_PAD)
        metrics = QFontMetrics(opt.font)  # the font painted with (the option's metrics may be the view's)
        line = metrics.lineSpacing()
        painter.save()
        painter.setFont(opt.font)
        painter.setClipRect(opt.rect)
        # A little slack: with a fallback font for "·" the eliding measures a pixel or two wider than the advance.
        meta_width = min(metrics.horizontalAdvance(meta) + metrics.averageCharWidth(), rect.width() // 2) if meta else 0
        if meta:
            painter.setPen(soft)
            painter.drawText(QRect(rect.right() - meta_width, rect.top(), meta_width, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(meta, Qt.TextElideMode.ElideLeft, meta_width))
        title_width = rect.width() - meta_width - (metrics.horizontalAdvance("国") if meta else 0)
        # The title shortened to fit first, then its matches marked: the marks never cut a word in two.
        shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_width)
        _draw_html(painter, opt, highlighted_html(shown, index.data(TERMS_ROLE) or []), ink, ink,
                   QRect(rect.left(), rect.top(), title_width, line))
        snippet = index.data(SNIPPET_ROLE) or ""
        if snippet:
            _draw_html(painter, opt, snippet, soft, ink, QRect(rect.left(), rect.top() + line + _PAD, rect.width(), line))
        painter.restore()


def _draw_html(painter: QPainter, opt: QStyleOptionViewItem, html: str, color: QColor, bold: QColor,
               rect: QRect) -> None:
    """One line of our HTML (escaped text, `<b>` marks in `bold`) in `rect`, clipped to it."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(opt.font)
    doc.setDefaultStyleSheet(f"b {{ color: {bold.name()}; }}")
    doc.setHtml(f"<span style='white-space: pre'>{html}</span>")
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, color)
    painter.save()
    painter.translate(rect.topLeft())
    painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
    doc.documentLayout().draw(painter, context)
    painter.restore()
