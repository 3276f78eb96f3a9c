"""HTML documents to PDF (A4 or A3) with Qt's rich-text engine.

Needs a Q(Gui)Application for fonts; safe to run in a worker thread (no
widgets involved). Page numbers are painted in the footer.
"""

from __future__ import annotations

from pathlib import Path

A4, A3 = "A4", "A3"


#: The paper's margins in millimetres (left, top, right, bottom); NARROW fits a form on its one page.
NORMAL_MARGINS, NARROW_MARGINS = (18, 18, 18, 22), (12, 10, 12, 12)


def _page_layout(page: str, landscape: bool, margins: tuple[float, float, float, float] = NORMAL_MARGINS):
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    size = QPageSize(QPageSize.PageSizeId.A3 if page == A3 else QPageSize.PageSizeId.A4)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(*margins), QPageLayout.Unit.Millimeter)


def _laid_out(html: str, page: str, landscape: bool, font_pt: int, margins=NORMAL_MARGINS):
    """The document laid out in pages as `write_pdf` prints it: (doc, paint rect, scale, footer height)."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    rect = _page_layout(page, landscape, margins).paintRectPixels(_RESOLUTION)
    scale = _RESOLUTION / 96.0  # the document lays out at screen DPI
    footer = 60 * scale
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = doc.defaultFont()
    font.setPointSize(font_pt)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(rect.width() / scale, (rect.height() - footer) / scale))
    return doc, rect, scale, footer


_RESOLUTION = 300


def laid_out(html: str, page: str = A4, landscape: bool = False, font_pt: int = 11, margins=NORMAL_MARGINS):
    """The QTextDocument laid out in pages exactly as `write_pdf` prints it (to check where pages break)."""
    return _laid_out(html, page, landscape, font_pt, margins)[0]


def page_count(html: str, page: str = A4, landscape: bool = False, font_pt: int = 11,
               margins=NORMAL_MARGINS) -> int:
    """How many pages `write_pdf` would print `html` on (to fit a form to its pages before printing)."""
    return _laid_out(html, page, landscape, font_pt, margins)[0].pageCount()


def write_pdf(html: str, path: Path, page: str = A4, title: str = "", landscape: bool = False,
              font_pt: int = 11, margins=NORMAL_MARGINS) -> Path:
    """Lay out `html` on `page`-size paper and write a PDF to `path` (atomically).

    `landscape` turns the paper: the 公开栏 poster is usually A3 landscape.
    `font_pt` is the base size (Qt ignores `body { font-size }` in a style sheet);
    a poster read from two metres away wants 16 or more. `margins`: `NARROW_MARGINS` for a
    form that must fit its one page.
    """
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    tmp = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("村务台账")
    writer.setPageLayout(_page_layout(page, landscape, margins))
    writer.setResolution(_RESOLUTION)
    doc, rect, scale, footer = _laid_out(html, page, landscape, font_pt, margins)
    painter = QPainter(writer)
    try:
        pages = doc.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            page_height = doc.pageSize().height()
            painter.translate(0, -number * page_height)
            clip = QRectF(0, number * page_height, doc.pageSize().width(), page_height)
            painter.setClipRect(clip)  # a line split by the page break is not also drawn over the footer
            doc.drawContents(painter, clip)
            painter.restore()
            painter.drawText(QRectF(0, rect.height() - footer * 0.6, rect.width(), footer * 0.6),
                             0x0084, f"第 {number + 1} 页 / 共 {pages} 页")  # AlignHCenter|AlignVCenter
    finally:
        painter.end()
    tmp.replace(path)
    return path
