"""Printing and PDF export of the 会议记录 and the 签到表.

The HTML is built on the UI thread (a few quick queries); laying it out and
writing the PDF runs on a worker thread, and the result comes back as a
signal. The save-file dialog is a thin wrapper around `export_pdf(path)`,
which tests call with a path in `tmp_path`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.reports import meeting_documents
from desktop.reports.pdf import write_pdf

MINUTES, SIGN_IN = "minutes", "sign_in"
_C = "meeting_printing"


def document_html(meeting_id: str, kind: str) -> str:
    """The HTML of the 会议记录 (`MINUTES`) or the 签到表 (`SIGN_IN`)."""
    if kind == SIGN_IN:
        return meeting_documents.sign_in_sheet_html(meeting_id)
    return meeting_documents.minutes_html(meeting_id)


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


class _Signals(QObject):
    finished = Signal(str)
    failed = Signal(str)


class _PdfJob(QRunnable):
    """Writes one PDF; reports the path or the error text through its signals."""

    def __init__(self, html: str, path: Path, title: str):
        super().__init__()
        self.setAutoDelete(False)  # the exporter keeps it until its signal arrived
        self.signals = _Signals()
        self._html, self._path, self._title = html, path, title

    def run(self) -> None:
        try:
            write_pdf(self._html, self._path, title=self._title)
        except Exception as exc:  # noqa: BLE001 - reported to the person, not swallowed
            self.signals.failed.emit(str(exc))
        else:
            self.signals.finished.emit(str(self._path))


class PdfExporter(QObject):
    """Exports one PDF at a time in the background.

    `busy_changed(True)` when it starts, `finished(path)` or `failed(text)`
    and `busy_changed(False)` when it ends.
    """

    busy_changed = Signal(bool)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._job: _PdfJob | None = None

    def is_busy(self) -> bool:
        """Whether an export is running."""
        return self._job is not None

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

    def export_pdf(self, meeting_id: str, kind: str, path: Path) -> None:
        """Write the document of `meeting_id` to `path` on a worker thread."""
        if self._job is not None:
            return
        html = document_html(meeting_id, kind)
        job = _PdfJob(html, path, document_name(kind))
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        self.busy_changed.emit(True)
        self._pool.start(job)

    def _on_finished(self, path: str) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self.finished.emit(path)

    def _on_failed(self, text: str) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self.failed.emit(text)
