"""Printing and PDF export of the 会议记录 and the 签到表.

The HTML is built on the UI thread (a few quick queries); laying it out and
writing the PDF runs on a worker thread, and the result comes back as a
signal. The save-file dialog is a thin wrapper around `export_pdf(path)`,
which tests call with a path in `tmp_path`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.reports import meeting_documents
from desktop.reports.pdf import page_count, write_pdf
from ui.widgets.background import FileExporter

MINUTES, SIGN_IN = "minutes", "sign_in"
_C = "meeting_printing"


def document_html(meeting_id: str, kind: str) -> str:
    """The HTML of the 会议记录 (`MINUTES`) or the 签到表 (`SIGN_IN`)."""
    if kind == SIGN_IN:
        return _sign_in_fitted(meeting_id)
    return meeting_documents.minutes_html(meeting_id)


def _sign_in_fitted(meeting_id: str, most_blank_rows: int = 5) -> str:
    """The 签到表 with as many blank rows (for 列席) as fit without starting another page.

    Five blank rows after 36 names pushed the two closing lines (应到/实到,
    记录人) onto a third page of their own.
    """
    pages = page_count(meeting_documents.sign_in_sheet_html(meeting_id, blank_rows=0))
    for blank in range(most_blank_rows, 0, -1):
        html = meeting_documents.sign_in_sheet_html(meeting_id, blank_rows=blank)
        if page_count(html) <= pages:
            return html
    return meeting_documents.sign_in_sheet_html(meeting_id, blank_rows=0)


def document_name(kind: str) -> str:
    """会议记录 / 签到表."""
    return (QCoreApplication.translate(_C, "签到表") if kind == SIGN_IN
            else QCoreApplication.translate(_C, "会议记录"))


def print_document(parent: QWidget, meeting_id: str, kind: str) -> bool:
    """Show the print dialog and print the document on paper; False if cancelled."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name(kind))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate(_C, "打印{name}").format(name=document_name(kind)))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    doc.setHtml(document_html(meeting_id, kind))
    doc.print_(printer)
    return True


class PdfExporter(FileExporter):
    """Exports one meeting document at a time in the background (see `FileExporter`)."""

    def ask_and_export(self, parent: QWidget, meeting_id: str, kind: str, suggested: str) -> bool:
        """Ask where to save, then export; False when the person cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate(_C, "导出 PDF"), suggested,
            QCoreApplication.translate(_C, "PDF 文件 (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.export_pdf(meeting_id, kind, Path(path))
        return True

    def export_pdf(self, meeting_id: str, kind: str, path: Path) -> None:  # type: ignore[override]
        """Write the document of `meeting_id` to `path` on a worker thread."""
        if self.is_busy():
            return
        html = document_html(meeting_id, kind)  # needs the database: built here, on the UI thread
        title = document_name(kind)
        self.write(lambda: write_pdf(html, Path(path), title=title))
