"""The 公开栏 poster on paper and as PDF, A4 portrait or A3 landscape, in large type.

The HTML (`disclosure_documents.poster_html`) is built on the UI thread; the
PDF is laid out and written by `ui.widgets.background.FileExporter` on a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.reports import disclosure_documents
from desktop.reports.pdf import A3, A4, write_pdf
from ui.widgets.background import FileExporter

_C = "disclosure_printing"

#: (code, page, landscape)
PAPERS = (("a4", A4, False), ("a3", A3, True))


def paper_label(code: str) -> str:
    """A4 纵向 / A3 横向(公开栏)."""
    tr = QCoreApplication.translate
    return tr(_C, "A3 横向(公开栏)") if code == "a3" else tr(_C, "A4 纵向")


def _paper(code: str) -> tuple[str, bool]:
    for c, page, landscape in PAPERS:
        if c == code:
            return page, landscape
    return A4, False


def export_poster(exporter: FileExporter, item_id: str, title: str, path: Path, paper: str) -> bool:
    """Write the poster of `item_id` to `path` in the background; False while another export runs."""
    html = disclosure_documents.poster_html(item_id)
    page, landscape = _paper(paper)
    return exporter.write(lambda: write_pdf(html, Path(path), page=page, title=title, landscape=landscape,
                                          font_pt=disclosure_documents.POSTER_PT))


def print_poster(parent: QWidget, item_id: str, title: str, paper: str) -> bool:
    """The print dialog (paper preset to `paper`), then the poster on paper; False if cancelled."""
    from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    page, landscape = _paper(paper)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3 if page == A3 else QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate(_C, "打印{name}").format(name=title))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setPointSize(disclosure_documents.POSTER_PT)
    doc.setDefaultFont(font)
    doc.setHtml(disclosure_documents.poster_html(item_id))
    doc.print_(printer)
    return True
