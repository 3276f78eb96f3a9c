"""民主理财: the voucher reviews and a form to log one, money parsed exactly.

A second review of a month already logged is asked about first (the
service's `DuplicateRecord`): 打开已有的 selects that month's record in the
list, 仍然新建 logs it anyway, 取消 leaves the form as typed.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision_service, ui_support_supervision
from desktop.services.session import Session
from models.errors import DuplicateRecord
from ui.operations import run_op, run_query
from ui.supervision.voucher_reviews_model import VoucherReviewsModel
from ui.widgets.duplicate import DuplicateBox, ask_duplicate
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.primary_button import make_primary
from ui.widgets.supervision_labels import OUTCOMES, can_act, outcome_label, read_only_tip, yuan
from ui.widgets.tables import read_only_view

Q_NO, Q_AMOUNT, Q_REASON, Q_OUTCOME = range(4)


def _month(year: int, month: int) -> str:
    """"2026-11" for (2026, 11); a month 0 or below counts back into the years before."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}"


def month_to_open(reviewed: set[str], today: date) -> str:
    """The month the form opens on: last month, or the latest month not after this one without a review.

    The form opened on last month even when it was reviewed already (the demo's
    2026-11), so its first save asked about a duplicate. Last month stays the
    usual answer; when it is reviewed, this month, then the months before it.
    """
    last = _month(today.year, today.month - 1)
    if last not in reviewed:
        return last
    for back in range(0, 12 * 10):
        candidate = _month(today.year, today.month - back)
        if candidate not in reviewed:
            return candidate
    return last


class VouchersTab(QWidget):
    """Past reviews (left) and the entry form (right)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        allowed = can_act(session)
        reviewed = {row.period for row in ui_support_supervision.voucher_reviews()}

        self.list_model = VoucherReviewsModel(self)
        self.list_table = read_only_view(self.list_model)
        header = self.list_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, header.ResizeMode.Stretch)
        header.setSectionResizeMode(5, header.ResizeMode.ResizeToContents)
        self.period_edit = QLineEdit(month_to_open(reviewed, date.today()))
        self.period_edit.setInputMask("9999-99")
        self.reviewed_edit = date_edit()
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, 100000)
        self.count_spin.setSuffix(self.tr(" 张"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("例如 12,345.60"))
        self.amount_edit.textChanged.connect(self.check_amount)
        self.amount_message = FieldMessage()
        self.signed_edit = QLineEdit()
        self.signed_edit.setPlaceholderText(self.tr("签字的监委会成员,例如:张三、李四"))
        self.questioned = QTableWidget(0, 4)
        self.questioned.setHorizontalHeaderLabels([self.tr("凭证号"), self.tr("金额(元)"), self.tr("疑问"),
                                                   self.tr("处理结果")])
        self.questioned.horizontalHeader().setStretchLastSection(False)
        self.questioned.horizontalHeader().setSectionResizeMode(Q_REASON, self.questioned.horizontalHeader().ResizeMode.Stretch)
        self.questioned.verticalHeader().setVisible(False)
        self.add_row_button = QPushButton(self.tr("添加有疑问的凭证"))
        self.add_row_button.clicked.connect(self.add_questioned_row)
        self.remove_row_button = QPushButton(self.tr("删除所选行"))
        self.remove_row_button.clicked.connect(self._remove_row)
        self.save_button = make_primary(QPushButton(self.tr("登记本次理财")))
        self.save_button.clicked.connect(lambda: self.save())
        if not allowed:
            for button in (self.save_button, self.add_row_button):
                button.setEnabled(False)
                button.setToolTip(read_only_tip(session))
        self.message = FieldMessage()
        self.duplicate_box: DuplicateBox | None = None
        if not allowed:  # the reason in words, and what to do (a village without its committee yet)
            self.message.show_hint(read_only_tip(session))

        form = QFormLayout()
        form.addRow(self.tr("凭证所属月份:"), self.period_edit)
        form.addRow(self.tr("审核日期:"), self.reviewed_edit)
        form.addRow(self.tr("审核凭证:"), self.count_spin)
        form.addRow(self.tr("金额合计:"), self.amount_edit)
        form.addRow("", self.amount_message)
        form.addRow(self.tr("签字:"), self.signed_edit)
        entry, entry_layout = section(self.tr("登记民主理财"))
        entry_layout.addLayout(form)
        entry_layout.addWidget(QLabel(self.tr("有疑问的凭证:")))
        entry_layout.addWidget(self.questioned, 1)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_row_button)
        row_buttons.addWidget(self.remove_row_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.save_button)
        entry_layout.addLayout(row_buttons)
        entry_layout.addWidget(self.message)
        past, past_layout = section(self.tr("审核记录"))
        past_layout.addWidget(self.list_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(past)
        splitter.addWidget(entry)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the reviews."""
        self.list_model.set_rows(ui_support_supervision.voucher_reviews())

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, DuplicateRecord):
            self.message.clear_message()
            self.duplicate_box = ask_duplicate(self, exc, self.select_review, lambda: self.save(allow_duplicate=True),
                                               title=self.tr("民主理财"))
        else:
            self.message.show_failure(exc)

    def select_review(self, review_id: str) -> bool:
        """Select (and scroll to) the record of `review_id` in the list."""
        for row in range(self.list_model.total()):
            if self.list_model.row_at(row).id == review_id:
                while row >= self.list_model.rowCount():
                    self.list_model.fetchMore()
                self.list_table.selectRow(row)
                self.list_table.scrollTo(self.list_model.index(row, 0))
                self.message.show_hint(self.tr("已选中 {period} 的审核记录。").format(period=self.list_model.row_at(row).period))
                return True
        return False

    def check_amount(self, *_args) -> int | None:
        """Parse the total as typed; explain inline when it cannot be read. Returns 分."""
        text = self.amount_edit.text()
        if not text.strip():
            self.amount_message.clear_message()
            return None
        parsed = run_query(self, lambda: supervision_service.parse_amount(text),
                           on_failure=self.amount_message.show_failure)
        if not parsed:
            return None
        fen = parsed.value
        self.amount_message.show_ok(self.tr("合计 {amount}").format(amount=yuan(fen)))
        return fen

    def add_questioned_row(self) -> int:
        """A new empty line for a questioned voucher; returns its row."""
        row = self.questioned.rowCount()
        self.questioned.insertRow(row)
        for column in (Q_NO, Q_AMOUNT, Q_REASON):
            self.questioned.setItem(row, column, QTableWidgetItem(""))
        combo = QComboBox()
        for code in OUTCOMES:
            combo.addItem(outcome_label(code), code)
        self.questioned.setCellWidget(row, Q_OUTCOME, combo)
        return row

    def _remove_row(self) -> None:
        row = self.questioned.currentRow()
        if row >= 0:
            self.questioned.removeRow(row)

    def _questioned_lines(self) -> list[tuple[str, int, str, str]]:
        out = []
        for row in range(self.questioned.rowCount()):
            no = self.questioned.item(row, Q_NO).text().strip()
            amount = self.questioned.item(row, Q_AMOUNT).text().strip()
            reason = self.questioned.item(row, Q_REASON).text().strip()
            if not (no or amount or reason):
                continue
            fen = supervision_service.parse_amount(amount or "0")
            out.append((no, fen, reason, self.questioned.cellWidget(row, Q_OUTCOME).currentData()))
        return out

    def save(self, allow_duplicate: bool = False) -> bool:
        """Log the review; the service refuses impossible data with a reason (a second one: asked)."""
        fen = self.check_amount()
        if fen is None:
            self.message.show_error(self.tr("请填写金额合计。") if not self.amount_edit.text().strip()
                                    else self.amount_message.text())
            return False
        period = self.period_edit.text()
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
            self.message.show_error(self.tr("请把月份写成 2025-03 这样。"))
            return False
        if not run_op(self, lambda: supervision_service.add_voucher_review(
            self._session, period, to_date(self.reviewed_edit), self.count_spin.value(), fen,
            self.signed_edit.text(), self._questioned_lines(), allow_duplicate=allow_duplicate),
            on_failure=self._on_failure):
            return False
        self.message.show_ok(self.tr("已登记 {period} 的民主理财。").format(period=period))
        self.questioned.setRowCount(0)
        self.amount_edit.clear()
        self.count_spin.setValue(0)
        self.refresh()
        return True
