"""备案登记 (county): every village's rule in force that its township filed, with the text to read.

Filters: a township, then one of its villages, and a text (title, village,
备案号 or any article, `county_service.filings`). Double-click or Enter on a
line opens the rule's text read-only (`FilingTextDialog`), from where it is
printed or saved; a search hit opens it at its article (`open_record`). The register is read again each time the page is shown
(a package may have replaced a township's register).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.reports.county_filings_xlsx import write_filings_xlsx
from desktop.services import county_service, setup_service
from desktop.services.session import Session
from models.errors import CunwuError
from ui.county.filing_text_dialog import FilingTextDialog
from ui.county.filings_model import CORRECTION_COL, FilingsModel
from ui.errors import error_text
from ui.operations import run_query
from ui.widgets.background import ask_save_path, xlsx_pattern
from ui.widgets.column_widths import sampled_widths
from ui.widgets.enter_key import on_enter
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.tables import read_only_view


class FilingsPage(QWidget):
    """The page of the county's navigation area “备案登记”."""

    def __init__(self, session: Session, paths: AppPaths | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.text_dialog: FilingTextDialog | None = None
        self.township_combo = QComboBox()
        self.township_combo.setMinimumContentsLength(8)
        self.village_combo = QComboBox()
        self.village_combo.setMinimumContentsLength(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("标题、村名、备案号或条文中的文字,例如:土地承包"))
        self.search.setClearButtonEnabled(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.township_combo.currentIndexChanged.connect(self._on_township)
        self.village_combo.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("乡镇:")))
        filters.addWidget(self.township_combo)
        filters.addWidget(QLabel(self.tr("村:")))
        filters.addWidget(self.village_combo)
        filters.addWidget(QLabel(self.tr("查找:")))
        filters.addWidget(self.search, 1)

        self.model = FilingsModel(self)
        self.table = read_only_view(self.model, CORRECTION_COL, word_wrap=False)
        # a row per filed version of every village of the county: widths measured from a sample of each
        # new set of rows (draggable) instead of `ResizeToContents` re-reading every cell on each change
        self.widths = sampled_widths(self.table, CORRECTION_COL)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        on_enter(self.table, lambda: self.open_row(self.table.currentIndex().row()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出登记表…"))
        self.export_button.setToolTip(self.tr("把下面列出的备案(按当前的筛选)写成 Excel 表,可打印或存档。"))
        self.export_button.clicked.connect(self.ask_and_export)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.export_button)
        #: The last register written (tests and the message read it).
        self.written: Path | None = None
        self.message = FieldMessage()
        hint = QLabel(self.tr("双击一行(或选中后按回车)查看村规民约全文,可打印或导出。点击表头排序。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(ScaledLabel(self.tr("备案登记"), 1.5, bold=True))
        layout.addLayout(filters)
        layout.addLayout(summary_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        self._fill_townships()
        self.refresh()
        self._fresh = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Read the register again when the page comes back (a package may have replaced it)."""
        super().showEvent(event)
        if self._fresh:
            self._fresh = False
        elif not event.spontaneous():
            self._fill_townships()
            self.refresh()

    def _fill_townships(self) -> None:
        keep = self.township_combo.currentData()
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("全部乡镇"), "")
        for row in county_service.townships():
            if row.last_number:
                self.township_combo.addItem(row.name, row.code)
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(keep)))
        self.township_combo.blockSignals(False)
        self._fill_villages()

    def _fill_villages(self) -> None:
        township = self.township_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("全部村"), "")
        if township:
            seen = {}
            for row in county_service.filings(township_code=township):
                seen.setdefault(row.village_code, row.village_name)
            for code, name in sorted(seen.items()):
                self.village_combo.addItem(name, code)
        self.village_combo.setEnabled(bool(township))
        self.village_combo.blockSignals(False)

    def _on_township(self) -> None:
        self._fill_villages()
        self.refresh()

    def refresh(self) -> None:
        """Read the register with the filters as they are."""
        rows = county_service.filings(self.township_combo.currentData() or None,
                                      self.village_combo.currentData() or None, self.search.text())
        self.model.set_rows(rows)
        filtered = bool(self.township_combo.currentData() or self.search.text().strip())
        if rows:
            self.summary.setText(self.tr("共 {n} 份备案的村规民约").format(n=len(rows)))
        elif filtered:
            self.summary.setText(self.tr("没有符合条件的备案。"))
        else:
            self.summary.setText(self.tr("还没有备案记录:乡镇的县级汇总包(新版本)带来各村备案的村规民约全文。"))

    def filter_text(self) -> str:
        """The filters in words, for the exported sheet ("" for the whole register)."""
        parts = []
        if self.township_combo.currentData():
            parts.append(self.township_combo.currentText())
        if self.village_combo.currentData():
            parts.append(self.village_combo.currentText())
        if self.search.text().strip():
            parts.append(self.tr("含“{text}”").format(text=self.search.text().strip()))
        return " · ".join(parts)

    def ask_and_export(self) -> bool:
        """Ask where, then write the lines listed to an .xlsx file."""
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                      or Path.home())
        path = ask_save_path(self, self.tr("导出备案登记"), str(folder / self.tr("备案登记.xlsx")), xlsx_pattern(),
                             ".xlsx")
        return path is not None and self.export(path)

    def export(self, path: Path) -> bool:
        """Write the lines listed (in the order shown) to `path`; the result is said under the table."""
        info = setup_service.current()
        rows = self.model.all_rows()
        done = run_query(self, lambda: write_filings_xlsx(rows, path, info.name if info else "", self.filter_text()),
                         on_failure=self.message.show_failure)
        if not done:
            return False
        self.written = done.value
        self.message.show_ok(self.tr("备案登记已保存:{path}({n} 件)").format(path=self.written, n=len(rows)))
        return True

    def open_record(self, _tab: str, record: str) -> bool:
        """A search hit's place, "<filing id>/<position>": that rule's line selected, its text open at that article.

        The filters are cleared first (the line may be of a township not chosen).
        False, with the reason under the table, when the register no longer holds it.
        """
        filing, _, position = record.partition("/")
        if not filing.isdigit():
            self.message.show_error(self.tr("找不到这条备案记录。"))
            return False
        for combo in (self.township_combo, self.village_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._fill_villages()
        self.refresh()
        row = next((r for r in range(self.model.rowCount()) if self.model.row_at(r).id == int(filing)), None)
        if row is None:
            self.message.show_error(self.tr("找不到这条备案记录:乡镇的新汇总包已经更新了备案登记。"))
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        dialog = self.open_row(row)
        return dialog is not None and (not position.isdigit() or dialog.show_article(int(position)))

    def open_row(self, row: int) -> FilingTextDialog | None:
        """Open the text of the line on `row` (non-blocking)."""
        if not 0 <= row < self.model.rowCount():
            return None
        line = self.model.row_at(row)
        try:
            filed = county_service.filing_text(line.id)
        except CunwuError as exc:
            self.message.show_error(error_text(exc))
            return None
        if self.text_dialog is not None:
            self.text_dialog.close()
        self.text_dialog = FilingTextDialog(filed, self)
        self.text_dialog.show()
        return self.text_dialog
