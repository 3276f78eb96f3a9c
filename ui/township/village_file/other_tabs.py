"""The village file's 换届选举 tab (the board's own detail) and 数据包 tab (packages and notices)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.reports.pdf import write_pdf
from desktop.services.session import Session
from desktop.services.village_file import elections as ve
from desktop.services.village_file import packages as vp
from ui.operations import run_query
from ui.township.elections_board_detail import ElectionDetail
from ui.township.village_file.record_tabs import NoticesTab
from ui.widgets.background import FileExporter, ask_save_path, pdf_pattern, print_html
from ui.widgets.exchange.history_table import HistoryTable
from ui.widgets.field_message import FieldMessage
from ui.widgets.tables import keep_rows_visible


class ElectionTab(QWidget):
    """换届选举: the village's 换届 step by step with the board's findings, printable."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.code, self.village = session, "", ""
        self.detail = ElectionDetail()
        self.message = FieldMessage()
        self.exporter = FileExporter(self)
        self.exporter.report_to(self.message)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(lambda: self.print_current())
        self.pdf_button = QPushButton(self.tr("导出PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_current())
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self._html = ""

    def load(self, code: str) -> bool:
        """Read the village's 换届 as the board judges it (its latest)."""
        return self._load(code, None)

    def show_election(self, election_id: str) -> bool:
        """Show the election `election_id` names (a link's or a search hit's), not only the latest."""
        return bool(self.code) and self._load(self.code, election_id)

    def _load(self, code: str, election_id: str | None) -> bool:
        self.code = code
        outcome = run_query(self, lambda: ve.election(self.session, code, election_id=election_id),
                            on_failure=self.message.show_failure)
        if outcome.ok:
            self._html = self.detail.html_of(outcome.value)
            self.detail.setHtml(self._html)
        else:
            self._html = ""
            self.detail.clear()
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(bool(self._html))
        return outcome.ok

    def print_current(self) -> bool:
        """打印… the 换届 record shown."""
        return bool(self._html) and print_html(self, self._html, self.tr("{v}换届选举").format(v=self.village))

    def export_current(self, path: Path | None = None) -> bool:
        """导出PDF… of the 换届 record shown."""
        if not self._html:
            return False
        if path is None:
            path = ask_save_path(self, self.tr("导出PDF"), self.tr("{v}换届选举.pdf").format(v=self.village),
                                 pdf_pattern(), ".pdf")
            if path is None:
                return False
        html, title = self._html, self.tr("换届选举")
        return self.exporter.write(lambda: write_pdf(html, Path(path), title=title))


class ExchangeTab(QWidget):
    """数据包: the packages received from (and 回执 sent to) the village, and the notices sent to it."""

    def __init__(self, session: Session, paths: AppPaths | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.paths, self.code = session, paths, ""
        self.history = HistoryTable(show_peer=False)
        self.notices = NoticesTab(session)
        for table in (self.history, self.notices.table):  # both lists fit a 1024×600 screen, one under the other
            keep_rows_visible(table, 2)
        self.message = FieldMessage()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("收到的数据包和发出的回执(最新的在上)")))
        top_layout.addWidget(self.history, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(self.tr("发给这个村的通知")))
        bottom_layout.addWidget(self.notices, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def load(self, code: str) -> bool:
        """Read the package log with the village and the notices sent to it."""
        self.code = code
        if self.paths is None:
            self.history.show_rows([])
            ok = True
        else:
            outcome = run_query(self, lambda: vp.packages(self.session, self.paths, code),
                                on_failure=self.message.show_failure)
            self.history.show_rows(outcome.value if outcome.ok else [])
            ok = outcome.ok
        return self.notices.load(code) and ok
