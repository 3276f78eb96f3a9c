"""工作台账: the committee's year in one chronological table, the annual figures, the report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision_service, ui_support_supervision
from ui.supervision.ledger_model import LedgerModel
from ui.supervision.report_html import annual_report_html
from ui.widgets import background
from ui.widgets.background import FileExporter
from ui.widgets.field_message import FieldMessage
from ui.widgets.tables import read_only_view


class LedgerTab(QWidget):
    """Year combo, the ledger, the counts line, 打印 and 导出 PDF."""

    def __init__(self, parent: QWidget | None = None, first_year: int | None = None):
        super().__init__(parent)
        this_year = date.today().year
        self.exporter = FileExporter(self)
        self.year_combo = QComboBox()
        for year in range(this_year, (first_year or this_year - 5) - 1, -1):
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("打印年度工作报告…"))
        self.print_button.clicked.connect(self.print_report)
        self.export_button = QPushButton(self.tr("导出…"))
        export_menu = QMenu(self)
        export_menu.addAction(self.tr("导出为 PDF…"), self.ask_export)
        export_menu.addAction(self.tr("导出为 Excel 表格…"), lambda: self._ask_file(".xlsx"))
        export_menu.addAction(self.tr("导出为 Word 文档…"), lambda: self._ask_file(".docx"))
        self.export_button.setMenu(export_menu)
        self.model = LedgerModel(self)
        self.table = read_only_view(self.model)
        self.message = FieldMessage()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份:")))
        top.addWidget(self.year_combo)
        top.addSpacing(16)
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.exporter.busy_changed.connect(self._on_busy)
        self.exporter.report_to(self.message)
        self.refresh()

    def year(self) -> int:
        """The year chosen."""
        return self.year_combo.currentData()

    def set_year(self, year: int) -> None:
        """Choose `year` (as the combo would)."""
        index = self.year_combo.findData(year)
        if index < 0:
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)

    def refresh(self, *_args) -> None:
        """Re-read the ledger and the figures of the chosen year."""
        year = self.year()
        self.model.set_rows(supervision_service.ledger(year))
        c = supervision_service.annual_counts(year)
        self.counts_label.setText(self.tr(
            "本年:会议 {meetings} 次 · 新发现事项 {opened} 件 · 办结 {closed} 件 · "
            "民主理财 {reviews} 次 · 民主评议 {appraisals} 次").format(
            meetings=c["meetings"], opened=c["matters_opened"], closed=c["matters_closed"],
            reviews=c["voucher_reviews"], appraisals=c["appraisals"]))

    def _name(self) -> str:
        return self.tr("{year}年度村务监督委员会工作报告").format(year=self.year())

    def print_report(self) -> bool:
        """The print dialog, then the report on paper."""
        return background.print_html(self, annual_report_html(self.year()), self._name())

    def ask_export(self) -> None:
        """Ask where to save the PDF, then export it."""
        path = background.ask_save_path(self, self.tr("导出 PDF"), self._name() + ".pdf",
                                        background.pdf_pattern(), ".pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> bool:
        """Write the annual report of the chosen year to `path` in the background."""
        return self.exporter.export_pdf(annual_report_html(self.year()), Path(path), self._name())

    def _ask_file(self, suffix: str) -> None:
        pattern = background.xlsx_pattern() if suffix == ".xlsx" else self.tr("Word 文档 (*.docx)")
        path = background.ask_save_path(self, self.tr("导出"), self._name() + suffix, pattern, suffix)
        if path is not None:
            self.export_file(path)

    def export_file(self, path: Path) -> bool:
        """Write the annual report as .xlsx or .docx (by the suffix of `path`) in the background."""
        year = self.year()
        return self.exporter.write(lambda: ui_support_supervision.write_annual_report(year, Path(path)))

    def _on_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        if busy:
            self.message.show_hint(self.tr("正在导出 PDF……"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
