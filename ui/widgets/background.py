"""Files the person saves (PDFs, .xlsx, .docx): the save dialog, the writer off the UI thread, printing.

What needs the database (the HTML) is built on the UI thread; only laying
out and writing files happens in the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.reports.pdf import write_pdf
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.field_message import FieldMessage

_C = "rules_export"


class FileExporter(Runner):
    """Writes one file at a time (PDF, .xlsx, .docx) on a worker: `ui.operations.Runner` for files.

    `finished(path)` or `failed(reason)` follows `busy_changed(False)`; the
    reason is the error path's Chinese text (a full disk or a write-protected
    folder reads as such, never as the system's English). `report_to(message)`
    lets the exporter tell the person itself, the same words on every page:
    已导出 or 导出没有成功.
    """

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent, pool, writes=False)
        self._message: FieldMessage | None = None

    def report_to(self, message: FieldMessage) -> None:
        """Show the outcome of every export in `message` (已导出:path / 导出没有成功:reason)."""
        self._message = message
        self.finished.connect(self._tell_done)
        self.failed.connect(self._tell_failed)

    def export_pdf(self, html: str, path: Path, title: str) -> bool:
        """Write `html` as an A4 PDF to `path` in the background."""
        return self.write(lambda: write_pdf(html, Path(path), title=title))

    def write(self, work: Callable[[], Path]) -> bool:
        """Start `work` (returns the path written); False while another file is being written."""
        return self.run_call(work, self._done, self._failed)

    def _done(self, path: Path) -> None:
        self.finished.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(error_text(exc))

    def _tell_done(self, path: str) -> None:
        self._message.show_ok(QCoreApplication.translate(_C, "已导出:{path}").format(path=path))

    def _tell_failed(self, reason: str) -> None:
        self._message.show_error(QCoreApplication.translate(_C, "导出没有成功:{reason}").format(reason=reason))


def ask_save_path(parent: QWidget, title: str, suggested: str, pattern: str, suffix: str) -> Path | None:
    """The save-file dialog; None when cancelled. Adds `suffix` when missing."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    if not path:
        return None
    if not path.lower().endswith(suffix):
        path += suffix
    return Path(path)


def pdf_pattern() -> str:
    """File-dialog filter for PDF."""
    return QCoreApplication.translate(_C, "PDF 文件 (*.pdf)")


def xlsx_pattern() -> str:
    """File-dialog filter for Excel."""
    return QCoreApplication.translate(_C, "Excel 表格 (*.xlsx)")


def print_html(parent: QWidget, html: str, name: str) -> bool:
    """The print dialog, then print `html` on paper; False if cancelled."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate(_C, "打印{name}").format(name=name))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    doc.setHtml(html)
    doc.print_(printer)
    return True
