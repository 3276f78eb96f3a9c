"""HTML documents to PDF (A4 or A3) with Qt's rich-text engine.

Needs a Q(Gui)Application for fonts; safe to run in a worker thread (no
widgets involved). Page numbers are painted in the footer.
"""

from __future__ import annotations

from pathlib import Path

A4, A3 = "A4", "A3"


def write_pdf(html: str, path: Path, page: str = A4, title: str = "", landscape: bool = False,
              font_pt: int = 11) -> Path:
    """Lay out `html` on `page`-size paper and write a PDF to `path` (atomically).

    `landscape` turns the paper: the 公开栏 poster is usually A3 landscape.
    `font_pt` is the base size (Qt ignores `body { font-size }` in a style sheet);
    a poster read from two metres away wants 16 or more.
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    tmp = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("村务台账")
    size = QPageSize(QPageSize.PageSizeId.A3 if page == A3 else QPageSize.PageSizeId.A4)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(size, orientation,
                                     QMarginsF(18, 18, 18, 22), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = doc.defaultFont()
    font.setPointSize(font_pt)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    painter = QPainter(writer)
    try:
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = writer.resolution() / 96.0  # the document lays out at screen DPI
        footer = 60 * scale
        doc.setPageSize(QSizeF(rect.width() / scale, (rect.height() - footer) / scale))
        pages = doc.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            page_height = doc.pageSize().height()
            painter.translate(0, -number * page_height)
            clip = QRectF(0, number * page_height, doc.pageSize().width(), page_height)
            doc.drawContents(painter, clip)
            painter.restore()
            painter.drawText(QRectF(0, rect.height() - footer * 0.6, rect.width(), footer * 0.6),
                             0x0084, f"第 {number + 1} 页 / 共 {pages} 页")  # AlignHCenter|AlignVCenter
    finally:
        painter.end()
    tmp.replace(path)
    return path
