"""导入 Excel 台账: pick the file and the sheet, preview the lines, see every row that was not read.

Nothing is guessed: rows the importer cannot read (merged cells, text that is
not money, subtotal rows) are listed with the reason, and only the lines in
the preview go into the table.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import ledger_import
from desktop.services.ledger_import import LedgerImport
from models.disclosure.money import format_fen
from ui.operations import run_query
from ui.widgets.disclosure_labels import yuan
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.primary_button import make_primary
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body
from ui.widgets.tables import read_only_table


class LedgerImportDialog(QDialog):
    """After `accept()`, `ledger` holds what to put in the table."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入 Excel 台账"))
        resize_within_screen(self, 900, 600)
        self.path: Path | None = None
        self.ledger: LedgerImport | None = None
        self.file_label = QLabel(self.tr("还没有选择文件。"))
        self.file_label.setProperty("role", "hint")
        self.open_button = QPushButton(self.tr("选择文件…"))
        self.open_button.clicked.connect(self.ask_open_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(12)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.lines_table = read_only_table([self.tr("日期"), self.tr("凭证号"), self.tr("摘要"), self.tr("科目"),
                                        self.tr("收入(元)"), self.tr("支出(元)"), self.tr("经手人")])
        header = self.lines_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.skipped_title = QLabel(self.tr("没有导入的行"))
        self.skipped_table = read_only_table([self.tr("Excel 行号"), self.tr("原因")])
        self.skipped_table.setMaximumHeight(170)
        self.message = FieldMessage()
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("工作表:")))
        top.addWidget(self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.lines_table, 1)
        layout.addWidget(self.skipped_title)
        layout.addWidget(self.skipped_table)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.tr("导入到公开表"))
        self.ok_button = make_primary(self.buttons.button(self.buttons.StandardButton.Ok))
        self.ok_button.setEnabled(False)
        layout.addWidget(self.buttons)
        scroll_dialog_body(self, self.buttons)  # 特大 on 1024×600: the preview scrolls, 导入 stays in reach

    def ask_open_file(self) -> None:
        """The open-file dialog, then `load_file`."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择 Excel 台账"), "",
                                              self.tr("Excel 表格 (*.xlsx);;所有文件 (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Open `path`: list its sheets and preview the first; False (with the reason shown) if it cannot."""
        self.path = None
        self.ledger = None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.blockSignals(False)
        self._show(None)
        read = run_query(self, lambda: ledger_import.sheets(Path(path)), on_failure=self.message.show_failure)
        if not read:
            self.file_label.setText(str(path))
            return False
        names = read.value
        self.path = Path(path)
        self.file_label.setText(str(path))
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.addItems(names)
        self.sheet_combo.blockSignals(False)
        return self.choose_sheet(names[0] if names else "")

    def choose_sheet(self, name: str) -> bool:
        """Read the sheet `name` and show the preview."""
        index = self.sheet_combo.findText(name)
        if index >= 0 and index != self.sheet_combo.currentIndex():
            self.sheet_combo.setCurrentIndex(index)  # reads through _on_sheet
            return self.ledger is not None
        return self._read(name)

    def _on_sheet(self, index: int) -> None:
        if index >= 0:
            self._read(self.sheet_combo.itemText(index))

    def _read(self, sheet: str) -> bool:
        if self.path is None:
            return False

        def failed(exc: BaseException) -> None:
            self.ledger = None
            self._show(None)  # clears the message line: the reason goes in after
            self.message.show_failure(exc)

        read = run_query(self, lambda: ledger_import.read_ledger(self.path, sheet or None), on_failure=failed)
        if not read:
            return False
        result = read.value
        self.ledger = result
        self._show(result)
        return True

    def _show(self, result: LedgerImport | None) -> None:
        self.lines_table.setRowCount(0)
        self.skipped_table.setRowCount(0)
        self.ok_button.setEnabled(bool(result and result.lines))
        if result is None:
            self.summary_label.clear()
            self.skipped_title.setText(self.tr("没有导入的行"))
            return
        self.message.clear_message()
        income = sum(x.income_fen for x in result.lines)
        expense = sum(x.expense_fen for x in result.lines)
        text = self.tr("表头在第 {row} 行;读到 {n} 笔明细,收入 {income},支出 {expense}。").format(
            row=result.header_row, n=len(result.lines), income=yuan(income), expense=yuan(expense))
        if result.opening_fen is not None:
            text += self.tr("表中的期初余额 {amount} 也会填入。").format(amount=yuan(result.opening_fen))
        self.summary_label.setText(text)
        self.lines_table.setRowCount(len(result.lines))
        for r, x in enumerate(result.lines):
            cells = (x.day, x.voucher, x.summary, x.category, format_fen(x.income_fen) if x.income_fen else "",
                     format_fen(x.expense_fen) if x.expense_fen else "", x.handler)
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines_table.setItem(r, c, item)
        self.skipped_title.setText(self.tr("没有导入的行({n} 行,请对照台账手工补录):").format(n=len(result.skipped))
                                   if result.skipped else self.tr("所有行都读懂了。"))
        self.skipped_table.setRowCount(len(result.skipped))
        for r, s in enumerate(result.skipped):
            self.skipped_table.setItem(r, 0, QTableWidgetItem(self.tr("第 {n} 行").format(n=s.row)))
            self.skipped_table.setItem(r, 1, QTableWidgetItem(s.reason))  # plain Chinese from the service
        if not result.lines:
            self.message.show_error(self.tr("这个工作表里没有读到能导入的明细。"))

    def skipped_reasons(self) -> list[str]:
        """The reasons listed, as shown."""
        return [self.skipped_table.item(r, 1).text() for r in range(self.skipped_table.rowCount())]
