"""Saving one of the township's documents (审核意见书, 备案回执, 责令改正通知书) as PDF or Word.

The document is built on the UI thread (it reads the records and, the first
time, takes its 文号), the save dialog offers PDF and Word with a sensible
name, and the file is written on a worker (`FileExporter`); the outcome is
told in the page's message line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.reports import official_document
from desktop.reports.township_documents import Prepared
from ui.operations import run_op
from ui.widgets.background import FileExporter
from ui.widgets.field_message import FieldMessage

_C = "township_documents"
PDF_SUFFIX, DOCX_SUFFIX = ".pdf", ".docx"


def _documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or Path.home())


def ask_document_path(parent: QWidget, title: str, name: str) -> Path | None:
    """The save dialog offering PDF and Word; the suffix follows the chosen type (None: cancelled)."""
    pdf = QCoreApplication.translate(_C, "PDF 文件 (*.pdf)")
    word = QCoreApplication.translate(_C, "Word 文档 (*.docx)")
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(_documents_folder() / f"{name}.pdf"),
                                               f"{pdf};;{word}")
    if not path:
        return None
    suffix = Path(path).suffix.lower()
    if suffix not in (PDF_SUFFIX, DOCX_SUFFIX):
        path += DOCX_SUFFIX if chosen == word else PDF_SUFFIX
    return Path(path)


class DocumentPrinter(QObject):
    """Builds, asks where, writes; `exporter.finished(path)` / `failed(reason)` when done."""

    def __init__(self, parent: QWidget, message: FieldMessage, exporter: FileExporter | None = None):
        """`exporter`: a page's own writer (already reporting to `message`), else a new one."""
        super().__init__(parent)
        self._widget = parent
        self._message = message
        self.exporter = exporter
        if exporter is None:
            self.exporter = FileExporter(self)
            self.exporter.report_to(message)
        self.last: Prepared | None = None  # the document last built (tests read it)

    def is_busy(self) -> bool:
        """Whether a file is being written."""
        return self.exporter.is_busy()

    def save(self, build: Callable[[], Prepared], title: str, path: Path | None = None) -> bool:
        """Build the document, ask where (unless `path`), write it in the background; False if nothing started."""
        if self.exporter.is_busy():
            return False
        outcome = run_op(self._widget, build, on_failure=self._message.show_failure)
        if not outcome.ok:
            return False
        prepared: Prepared = outcome.value
        self.last = prepared
        if path is None:
            path = ask_document_path(self._widget, title, prepared.name)
            if path is None:
                return False
        path = Path(path)
        document = prepared.document
        if path.suffix.lower() == DOCX_SUFFIX:
            return self.exporter.write(lambda: official_document.write_docx(document, path))
        return self.exporter.write(lambda: official_document.write_pdf(document, path))
