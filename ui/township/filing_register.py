"""备案登记: the villages' adopted texts, waiting ones first, then the register by receipt.

The register evaluates every adopted version's vote meeting (about half a
second for thirty villages), so it is read on a worker thread
(`ui.operations.Runner`, which opens the worker's connection); the tab shows the
rows it had (or “正在读取…”) meanwhile and emits `loaded()` when the new rows
are in, so the page can put the waiting count in the tab title.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import township_documents
from desktop.services import review_service
from desktop.services.review_service import CORRECTION, PAPER, WAITING, FilingRow
from desktop.services.session import Session
from models.roles import Permission
from ui.errors import error_text
from ui.operations import Runner
from ui.township.document_printer import DocumentPrinter
from ui.township.filing_dialog import CorrectionDialog, FilingDialog
from ui.township.filing_register_model import TITLE, FilingRegisterModel
from ui.township.review_widgets import empty_label
from ui.verify_paper_dialog import VerifyPaperDialog
from ui.widgets.background import FileExporter
from ui.widgets.enter_key import on_enter
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.tables import read_only_view


class FilingRegisterTab(QWidget):
    """The register; `changed()` after a filing or an order to correct, `loaded()` when rows arrived."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.model = FilingRegisterModel(self)
        self.dialog: QDialog | None = None
        self._loaded_once = False
        self._again = False  # a refresh asked for while a read was running
        self._keep: str | None = None  # the version selected when the read started
        self.jobs = Runner(self, writes=False)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)  # on one line it made the page 1018 px wide at 1024×600 (room: 850)
        self.table = read_only_view(self.model, TITLE)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self.open_default)
        on_enter(self.table, self.open_default)
        self.file_button = make_primary(QPushButton(self.tr("登记备案…")))
        self.file_button.clicked.connect(self.open_filing)
        self.correct_button = QPushButton(self.tr("责令改正…"))
        self.correct_button.clicked.connect(self.open_correction)
        self.receipt_button = QPushButton(self.tr("打印备案回执…"))
        self.receipt_button.setToolTip(self.tr("把选中的备案回执存为 PDF 或 Word(带核验码),盖章后交给村里"))
        self.receipt_button.clicked.connect(lambda: self.export_receipt())
        self.notice_button = QPushButton(self.tr("打印责令改正通知书…"))
        self.notice_button.setToolTip(self.tr(
            "把选中备案的责令改正存为通知书(PDF 或 Word):违法的内容、依据、改正期限(第一次打印时编文号)"))
        self.notice_button.clicked.connect(lambda: self.export_notice())
        self.text_button = QPushButton(self.tr("查看全文…"))
        self.text_button.setToolTip(self.tr("选中文本的全文和与上一版的对照(只读,可打印);也可以双击这一行"))
        self.text_button.clicked.connect(self.open_text)
        self.verify_button = QPushButton(self.tr("核验纸质件…"))
        self.verify_button.setToolTip(self.tr("输入会议记录、公开表、评议结果或备案回执上的核验码,核对纸质件"))
        self.verify_button.clicked.connect(self.open_verify)
        self.exporter = FileExporter(self)
        self.receipt_message = FieldMessage()
        self.exporter.report_to(self.receipt_message)
        self.exporter.busy_changed.connect(self._on_selection)
        self.printer = DocumentPrinter(self, self.receipt_message, self.exporter)
        self.empty = empty_label(self.tr(
            "还没有村里表决通过的村规民约。\n村民会议表决通过后,村里把数据包送来,导入后就可以在这里登记备案、出具回执。"))
        self.loading_label = empty_label(self.tr("正在读取各村表决通过的村规民约……"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.loading_label)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.file_button)
        paper = QHBoxLayout()  # the paper side of 备案: the receipt to print, and checking a paper brought in
        paper.addWidget(self.receipt_message, 1)
        paper.addWidget(self.text_button)
        paper.addWidget(self.verify_button)
        paper.addWidget(self.receipt_button)
        paper.addWidget(self.notice_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        layout.addLayout(paper)
        self.refresh()

    @property
    def rows(self) -> list[FilingRow]:
        """The register as last read (the model's rows)."""
        return self.model.all_rows()

    def waiting(self) -> int:
        """Adopted texts not yet filed (for the tab title)."""
        return sum(1 for r in self.rows if r.state == WAITING)

    def is_loading(self) -> bool:
        """Whether the register is being read (the rows shown may be the previous ones)."""
        return self.jobs.is_busy()

    def is_loaded(self) -> bool:
        """Whether the register has been read at least once."""
        return self._loaded_once

    def refresh(self, *_args) -> None:
        """Re-read the register on a worker thread, keeping the selection."""
        if self.jobs.is_busy():
            self._again = True
            return
        selected = self.current()
        self._keep = selected.version_id if selected is not None else self._keep
        if not self._loaded_once:
            self.stack.setCurrentWidget(self.loading_label)
            self.summary_label.setText(self.tr("正在读取……"))
        self.jobs.run_call(review_service.filing_register, self._on_loaded, self._on_failed)
        self._on_selection()

    def _on_loaded(self, rows: list[FilingRow]) -> None:
        if self._again:  # something was written while we read: read once more
            self._again = False
            self.jobs.run_call(review_service.filing_register, self._on_loaded, self._on_failed)
            return
        self._loaded_once = True
        self.show_rows(rows)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._again = False
        self._loaded_once = True
        self.show_rows(self.rows)
        self.summary_label.setText(self.tr("读取备案登记失败:{reason}").format(reason=error_text(exc)))
        self.loaded.emit()

    def show_rows(self, rows: list[FilingRow]) -> None:
        """Fill the table with `rows` (the register as `review_service.filing_register` returns it)."""
        keep, self._keep = self._keep, None
        self.model.set_rows(list(rows))
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)
        paper = sum(1 for r in self.rows if r.state == PAPER)
        filed = len(self.rows) - self.waiting() - paper
        text = self.tr("已备案 {filed} 件,待备案 {waiting} 件,其中责令改正 {c} 件。").format(
            filed=filed, waiting=self.waiting(), c=sum(1 for r in self.rows if r.state == CORRECTION))
        if paper:
            text += self.tr("另有 {n} 件是村里自报已备案(纸质回执),本镇登记簿里没有,不算备案,请核实后补登。").format(
                n=paper)
        self.summary_label.setText(text)
        if keep is not None:
            self.select(keep)
        if self.rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._on_selection()

    def current(self) -> FilingRow | None:
        """The selected line."""
        selected = self.table.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()) if selected else None

    def select(self, version_id: str) -> None:
        """Select the line of `version_id`."""
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).version_id == version_id:
                self.table.selectRow(r)

    def _on_selection(self, *_args) -> None:
        row = self.current()
        can = self._session.can(Permission.REVIEW_RULES) and not self.jobs.is_busy()
        self.file_button.setEnabled(can and row is not None and row.state in (WAITING, PAPER))
        self.file_button.setText(self.tr("补登备案…") if row is not None and row.state == PAPER
                                 else self.tr("登记备案…"))
        self.correct_button.setEnabled(can and row is not None and row.filing_id is not None)
        self.receipt_button.setEnabled(row is not None and row.filing_id is not None and not self.exporter.is_busy())
        self.notice_button.setEnabled(row is not None and row.filing_id is not None and bool(row.correction)
                                      and not self.exporter.is_busy())
        self.text_button.setEnabled(row is not None)
        if row is None:
            self.detail_label.setText("")
        elif row.state == PAPER:
            self.detail_label.setText(self.tr(
                "{village}自报已备案,纸质回执 {no}({on}),本镇登记簿里没有这份备案,不算作备案。请核实"
                "纸质回执后补登到本镇的备案登记簿(或责令改正),选中后按回车或点“补登备案”。").format(
                village=row.village_name, no=row.village_receipt or "—", on=row.village_receipt_date or "—"))
        elif row.correction:
            self.detail_label.setText(self.tr("{village}:责令改正——{text}").format(
                village=row.village_name, text=row.correction))
        elif row.state == WAITING and row.unlawful:
            self.detail_label.setText(self.tr(
                "{village}通过的文本里有 {n} 处可能违法的内容,备案时应责令改正。").format(
                village=row.village_name, n=row.unlawful))
        elif row.state == WAITING:
            self.detail_label.setText(self.tr("选中后按回车或点“登记备案”,出具备案回执。"))
        else:
            self.detail_label.setText(self.tr("{village}已备案,回执 {no}。双击查看全文。").format(
                village=row.village_name, no=row.receipt_no))

    def open_default(self, *_args) -> None:
        """Enter or double-click: register a waiting text, or read a filed one (责令改正 is its own button)."""
        row = self.current()
        if row is not None and row.state in (WAITING, PAPER):
            self.open_filing()
        elif row is not None:
            self.open_text()

    def open_text(self) -> QDialog | None:
        """The selected text, read only, with the diff to the version before (打印 / 导出PDF there)."""
        from ui.township.village_file.rule_text_dialog import RuleTextDialog

        row = self.current()
        if row is None:
            return None
        self.dialog = RuleTextDialog(self._session, row.village_code, row.village_name, row.version_id, self)
        self.dialog.open()
        return self.dialog

    def open_filing(self) -> FilingDialog | None:
        """The filing dialog for the selected waiting text."""
        row = self.current()
        if row is None or row.state not in (WAITING, PAPER) or not self._session.can(Permission.REVIEW_RULES):
            return None
        self.dialog = FilingDialog(self._session, row.version_id, self)
        self.dialog.accepted.connect(self._on_correction_saved)
        self.dialog.open()
        return self.dialog

    def open_correction(self) -> CorrectionDialog | None:
        """The 责令改正 dialog for the selected filed text."""
        row = self.current()
        if row is None or row.filing_id is None or not self._session.can(Permission.REVIEW_RULES):
            return None
        self.dialog = CorrectionDialog(self._session, row, self)
        self.dialog.accepted.connect(self._on_correction_saved)
        self.dialog.open()
        return self.dialog

    def export_receipt(self, path: Path | None = None) -> bool:
        """Save the selected filing's 备案回执 as PDF or Word (asks where unless `path`); False if nothing started."""
        row = self.current()
        if row is None or row.filing_id is None:
            return False
        filing_id = row.filing_id
        return self.printer.save(lambda: township_documents.filing_receipt(filing_id), self.tr("保存备案回执"), path)

    def export_notice(self, path: Path | None = None) -> bool:
        """Save the selected filing's 责令改正通知书 (asks where unless `path`); False if nothing started."""
        row, session = self.current(), self._session
        if row is None or row.filing_id is None or not row.correction:
            return False
        filing_id = row.filing_id
        return self.printer.save(lambda: township_documents.rectification(session, filing_id),
                                 self.tr("保存责令改正通知书"), path)

    def open_verify(self) -> VerifyPaperDialog:
        """The 核验纸质件 dialog."""
        self.dialog = VerifyPaperDialog(self)
        self.dialog.open()
        return self.dialog

    def _on_written(self) -> None:
        self.refresh()
        self.changed.emit()

    def _on_correction_saved(self) -> None:
        """After the 责令改正 (or a filing with one): the notice is one click away."""
        self._on_written()
        edit = getattr(self.dialog, "correction_edit", None)
        if edit is not None and edit.toPlainText().strip():
            self.receipt_message.show_hint(self.tr(
                "责令改正已保存。点“打印责令改正通知书…”出具通知书,盖章后送达该村。"))
            self.notice_button.setFocus()
