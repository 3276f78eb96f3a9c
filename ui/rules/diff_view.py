"""对照: two versions side by side, article by article, exported as the 修订对照表."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import rules_documents
from desktop.services import rules_service, ui_support_rules
from models.rules.diff import summarize
from ui.errors import error_text
from ui.operations import run_query
from ui.widgets.background import FileExporter, ask_save_path, pdf_pattern, print_html, xlsx_pattern
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen


class DiffView(QDialog):
    """Pick 修改前 and 修改后; see the comparison; export it."""

    def __init__(self, parent: QWidget | None = None, old_id: str | None = None, new_id: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("版本对照"))
        resize_within_screen(self, 960, 640)
        self.exporter = FileExporter(self)

        self.old_combo = QComboBox()
        self.new_combo = QComboBox()
        for rs in rules_service.list_rule_sets():
            for v in rs.versions:
                label = self.tr("{title} 第{no}版").format(title=rs.title, no=v.version_no)
                self.old_combo.addItem(label, v.id)
                self.new_combo.addItem(label, v.id)
        for combo in (self.old_combo, self.new_combo):
            combo.setMinimumContentsLength(20)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.refresh)
        self.only_changes_check = QCheckBox(self.tr("只显示有变化的条文"))
        self.only_changes_check.setChecked(True)
        self.only_changes_check.toggled.connect(self.refresh)
        self.summary_label = ScaledLabel("", 1.05, bold=True)
        self.summary_label.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.xlsx_button = make_primary(QPushButton(self.tr("导出对照表(.xlsx)…")))
        self.xlsx_button.clicked.connect(self.ask_export_xlsx)
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.clicked.connect(self.print_diff)
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.clicked.connect(self.ask_export_pdf)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.close)
        self.message = FieldMessage()
        self.exporter.busy_changed.connect(self._on_busy)
        self.exporter.report_to(self.message)

        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("修改前:")))
        pick.addWidget(self.old_combo, 1)
        pick.addSpacing(12)
        pick.addWidget(QLabel(self.tr("修改后:")))
        pick.addWidget(self.new_combo, 1)
        pick.addSpacing(12)
        pick.addWidget(self.only_changes_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.print_button, self.pdf_button, self.xlsx_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)

        if new_id is None and self.new_combo.count():
            new_id = self.new_combo.itemData(0)
        if old_id is None and self.old_combo.count() > 1:
            old_id = self.old_combo.itemData(1)
        self.select(old_id, new_id)

    def select(self, old_id: str | None, new_id: str | None) -> None:
        """Choose the two versions (as a person would in the combos)."""
        for combo, value in ((self.old_combo, old_id), (self.new_combo, new_id)):
            combo.blockSignals(True)
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.refresh()

    def ids(self) -> tuple[str | None, str | None]:
        """(修改前, 修改后) version ids."""
        return self.old_combo.currentData(), self.new_combo.currentData()

    def refresh(self, *_args) -> None:
        """Compare the chosen versions again."""
        old_id, new_id = self.ids()
        ready = bool(old_id and new_id and old_id != new_id)
        for button in (self.xlsx_button, self.print_button, self.pdf_button):
            button.setEnabled(ready and not self.exporter.is_busy())
        if not ready:
            self.summary_label.setText(self.tr("请选择两个不同的版本。"))
            self.browser.clear()
            return
        compared = run_query(self, lambda: (summarize(rules_service.compare(old_id, new_id)),
                                            rules_documents.diff_html(old_id, new_id,
                                                                      self.only_changes_check.isChecked())),
                             on_failure=lambda exc: self.summary_label.setText(error_text(exc)))
        if not compared:
            self.browser.clear()
            return
        summary, html = compared.value
        self.summary_label.setText(self.tr(
            "新增 {a} 条,删除 {r} 条,修改 {c} 条,调整位置 {m} 条,未修改 {u} 条。").format(
            a=summary.added, r=summary.removed, c=summary.changed, m=summary.moved, u=summary.unchanged))
        self.browser.setHtml(html)

    def text(self) -> str:
        """The comparison as plain text (for tests)."""
        return self.browser.toPlainText()

    # ----- output -------------------------------------------------------------------------

    def _name(self) -> str:
        old_id, new_id = self.ids()
        return self.tr("修订对照表({new})").format(new=rules_service.version_label(new_id))

    def ask_export_xlsx(self) -> None:
        """Ask where, then write the .xlsx in the background."""
        path = ask_save_path(self, self.tr("导出修订对照表"), self._name() + ".xlsx", xlsx_pattern(), ".xlsx")
        if path is not None:
            self.export_xlsx(path)

    def export_xlsx(self, path: Path) -> bool:
        """Write the 修订对照表 to `path` (.xlsx) on a worker thread."""
        old_id, new_id = self.ids()
        if not (old_id and new_id):
            return False
        only = self.only_changes_check.isChecked()
        return self.exporter.write(lambda: ui_support_rules.write_diff_xlsx_file(old_id, new_id, Path(path), only))

    def ask_export_pdf(self) -> None:
        """Ask where, then write the PDF in the background."""
        path = ask_save_path(self, self.tr("导出 PDF"), self._name() + ".pdf", pdf_pattern(), ".pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> bool:
        """Write the comparison as an A4 PDF."""
        old_id, new_id = self.ids()
        if not (old_id and new_id):
            return False
        html = rules_documents.diff_html(old_id, new_id, self.only_changes_check.isChecked())
        return self.exporter.export_pdf(html, Path(path), self._name())

    def print_diff(self) -> bool:
        """Print the comparison on paper."""
        old_id, new_id = self.ids()
        if not (old_id and new_id):
            return False
        return print_html(self, rules_documents.diff_html(old_id, new_id, self.only_changes_check.isChecked()),
                          self._name())

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.message.show_hint(self.tr("正在导出……"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        old_id, new_id = self.ids()
        for button in (self.xlsx_button, self.print_button, self.pdf_button):
            button.setEnabled(not busy and bool(old_id and new_id and old_id != new_id))
