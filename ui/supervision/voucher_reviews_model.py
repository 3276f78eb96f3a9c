"""The rows of 民主理财 · 审核记录: one monthly voucher review per row, with what was questioned."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.services.ui_support_supervision import VoucherReviewRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import RED
from ui.widgets.stored_day import shown_day
from ui.widgets.supervision_labels import outcome_label, yuan

#: The context the tab's texts were translated in before the model held them.
_C = "VouchersTab"
PERIOD, REVIEWED, COUNT, TOTAL, DOUBTS, SIGNED = range(6)


class VoucherReviewsModel(BatchedRowsModel):
    """Columns: 月份, 审核日期, 凭证, 金额, 有疑问, 签字; doubts red when a voucher was returned or vetoed."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "月份"), QT_TRANSLATE_NOOP(_C, "审核日期"), QT_TRANSLATE_NOOP(_C, "凭证"),
               QT_TRANSLATE_NOOP(_C, "金额"), QT_TRANSLATE_NOOP(_C, "有疑问"), QT_TRANSLATE_NOOP(_C, "签字"))

    def display(self, row: VoucherReviewRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == PERIOD:
            return row.period
        if column == REVIEWED:
            return shown_day(row.reviewed_on)
        if column == COUNT:
            return tr(_C, "{n} 张").format(n=row.voucher_count)
        if column == TOTAL:
            return yuan(row.total_fen)
        if column == DOUBTS:
            doubts = "; ".join(f"{q.voucher_no} {yuan(q.amount_fen)} {q.reason}({outcome_label(q.outcome)})"
                               for q in row.questioned)
            return doubts or tr(_C, "无")
        return row.signed_by

    def sort_value(self, row: VoucherReviewRow, column: int):
        """Counts and amounts as numbers (分); the rest by their text."""
        if column == COUNT:
            return row.voucher_count
        if column == TOTAL:
            return row.total_fen
        return self.display(row, column)

    def foreground(self, row: VoucherReviewRow, column: int) -> QColor | None:
        """The doubts red when a voucher was returned or vetoed."""
        if column == DOUBTS and any(q.outcome in ("vetoed", "returned") for q in row.questioned):
            return RED
        return None

    def alignment(self, row: VoucherReviewRow, column: int) -> Qt.AlignmentFlag | None:
        """Amounts right-aligned."""
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == TOTAL else None

    def row_id(self, row: VoucherReviewRow) -> str:
        """The review's id."""
        return row.id
