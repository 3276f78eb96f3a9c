"""One file-writing job at a time, off the UI thread (PDFs, .xlsx, .docx) — shared by every area.

Contract: `busy_changed(True)`
when a job starts, then `finished(path)` or `failed(text)` and
`busy_changed(False)`. What needs the database (the HTML) is built on the UI
thread; only laying out and writing files happens in the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.reports.pdf import write_pdf

_C = "rules_export"


class _Signals(QObject):
    finished = Signal(str)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Path]):
        super().__init__()
        self.setAutoDelete(False)  # kept by the exporter until its signal arrived
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            path = self._work()
        except Exception as exc:  # noqa: BLE001 - reported to the person, not swallowed
            self.signals.failed.emit(str(exc))
        else:
            self.signals.finished.emit(str(path))


class FileExporter(QObject):
    """Runs one export at a time on `pool` (the global pool unless one is given)."""

    busy_changed = Signal(bool)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._job: _Job | None = None

    def is_busy(self) -> bool:
        """Whether an export is running."""
        return self._job is not None

    def export_pdf(self, html: str, path: Path, title: str) -> bool:
        """Write `html` as an A4 PDF to `path` in the background."""
        return self.run(lambda: write_pdf(html, Path(path), title=title))

    def run(self, work: Callable[[], Path]) -> bool:
        """Start `work` (returns the path written); False while another job runs."""
        if self._job is not None:
            return False
        job = _Job(work)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        self.busy_changed.emit(True)
        self._pool.start(job)
        return True

    def _on_finished(self, path: str) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self.finished.emit(path)

    def _on_failed(self, text: str) -> None:
        self._job = None
        self.busy_changed.emit(False)
        self.failed.emit(text)


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
