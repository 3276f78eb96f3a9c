"""A filed rule's text, read-only, as plain text: to read, print, or save as PDF or text.

The text is the township's 汇总包's (public documents); it is shown in a
plain-text box so nothing in it is ever taken for markup, and written to
PDF through `html.escape`.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.pdf import write_pdf
from desktop.services import county_views as cv
from desktop.services.county_service import FilingText
from ui.widgets.field_message import FieldMessage
from ui.widgets.outside_text import one_line
from ui.widgets.scaled_label import ScaledLabel

_C = "county_filings"


def text_html(lines: list[str]) -> str:
    """The lines as a printable HTML page: the first as its title, every word escaped."""
    title, *rest = lines or [""]
    body = "".join(f"<p>{html.escape(line)}</p>" if line else "<p>&nbsp;</p>" for line in rest)
    return f"<h2 style='text-align:center'>{html.escape(title)}</h2>{body}"


class FilingTextDialog(QDialog):
    """One filed rule: title, the facts of its 备案, then every article."""

    def __init__(self, filed: FilingText, parent: QWidget | None = None):
        super().__init__(parent)
        self.filed = filed
        self.lines = cv.filing_lines(filed)
        row = filed.row
        self.setWindowTitle(self.tr("{village} · {title}").format(village=one_line(row.village_name),
                                                                   title=one_line(row.title)))
        heading = ScaledLabel(row.title, 1.25, bold=True)
        heading.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText("\n".join(self.lines[2:]))
        self.message = FieldMessage()
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_text)
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.clicked.connect(lambda: self.ask_and_save("pdf"))
        self.txt_button = QPushButton(self.tr("导出文本…"))
        self.txt_button.clicked.connect(lambda: self.ask_and_save("txt"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        row_layout = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.txt_button):
            row_layout.addWidget(button)
        row_layout.addStretch(1)
        row_layout.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addLayout(row_layout)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(760, screen.width() - 40) if screen else 760, min(560, screen.height() - 60) if screen else 520)

    def show_article(self, position: int) -> bool:
        """Scroll to the article at `position` and select its line (a search hit's article); False if none."""
        shown, block = self.lines[2:], -1
        for article in self.filed.articles:  # in the text's order: each article's line after the one before
            wanted = f"{article.label} {article.text}".strip() if article.label else article.text
            block = next((n for n in range(block + 1, len(shown)) if shown[n] == wanted), None)
            if block is None:
                return False
            if article.position == position:
                break
        else:
            return False
        start = sum(len(line) + 1 for line in shown[:block])  # by characters: an article may hold line breaks
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(start + len(shown[block]), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        return True

    def plain_text(self) -> str:
        """The whole text as saved to a .txt file."""
        return "\n".join(self.lines) + "\n"

    def suggested_name(self, suffix: str) -> str:
        """`<村名>_<标题>.<suffix>`, with characters a file name cannot hold replaced."""
        stem = f"{self.filed.row.village_name}_{self.filed.row.title}"
        return "".join("_" if ch in '\\/:*?"<>|\n\r\t' else ch for ch in stem) + f".{suffix}"

    def ask_and_save(self, kind: str) -> bool:
        """Ask where, then save as PDF or text; False when the person cancelled."""
        wanted = (QCoreApplication.translate(_C, "PDF 文件 (*.pdf)") if kind == "pdf"
                  else QCoreApplication.translate(_C, "文本文件 (*.txt)"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), str(Path.home() / self.suggested_name(kind)),
                                              wanted)
        if not path:
            return False
        return self.save(Path(path), kind)

    def save(self, path: Path, kind: str) -> bool:
        """Write the text to `path` (PDF or UTF-8 text); the result is said under the text."""
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            if kind == "pdf":
                write_pdf(text_html(self.lines), path, title=self.filed.row.title)
            else:
                # with a BOM: Windows Notepad on an old PC then reads it as UTF-8, not as GBK
                path.write_text(self.plain_text(), encoding="utf-8-sig")
        except OSError as exc:
            self.message.show_error(self.tr("没有保存:{reason}").format(reason=exc.strerror or str(exc)))
            return False
        self.message.show_ok(self.tr("已保存:{path}").format(path=str(path)))
        return True

    def print_text(self) -> bool:
        """The print dialog, then the text on paper; False if cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.filed.row.title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        doc = QTextDocument()
        doc.setHtml(text_html(self.lines))
        doc.print_(printer)
        return True
