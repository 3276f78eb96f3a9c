"""The rows of 备案登记: one adopted 村规民约 per row, as `review_service.filing_register()` returns them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.review_service import CORRECTION, PAPER, WAITING, FilingRow
from models.messages import QT_TRANSLATE_NOOP
from ui.township.review_widgets import filing_state_label
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import AMBER, GREEN, GREY, RED
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "FilingRegisterTab"
VILLAGE, TITLE, VOTED, RECEIVED, RECEIPT_NO, RECEIPT_DATE, STATE = range(7)


class FilingRegisterModel(BatchedRowsModel):
    """Columns: 村, 村规民约, 表决日期, 收到日期, 回执编号, 回执日期, 状态; `ID_ROLE` is the version id.

    A text the village says it filed (`PAPER`: a receipt it recorded itself, none in
    our register) shows the village's receipt number and dates, marked as its own
    claim, amber, until the township checks it and copies it into its register.
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "村"), QT_TRANSLATE_NOOP(_C, "村规民约"), QT_TRANSLATE_NOOP(_C, "表决日期"),
               QT_TRANSLATE_NOOP(_C, "收到日期"), QT_TRANSLATE_NOOP(_C, "回执编号"),
               QT_TRANSLATE_NOOP(_C, "回执日期"), QT_TRANSLATE_NOOP(_C, "状态"))

    def display(self, row: FilingRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        paper = row.state == PAPER
        if column == VILLAGE:
            return row.village_name
        if column == TITLE:
            return tr(_C, "{title}(第{no}版)").format(title=row.title, no=row.version_no)
        if column == VOTED:
            return shown_day(row.voted_on)
        if column == RECEIVED:
            return row.received_on or (row.sent_on if paper else "") or ""
        if column == RECEIPT_NO:
            if row.receipt_no:
                return row.receipt_no
            return tr(_C, "{no}(村里自报,待核实)").format(no=row.village_receipt) if row.village_receipt else ""
        if column == RECEIPT_DATE:
            return row.receipt_date or (row.village_receipt_date if paper else "") or ""
        state = filing_state_label(row.state)
        if row.state == WAITING and row.unlawful:
            state = tr(_C, "{state}(有 {n} 处可能违法)").format(state=state, n=row.unlawful)
        return state

    def foreground(self, row: FilingRow, column: int) -> QColor | None:
        """The state amber/red/green; a receipt number that is only the village's paper one grey."""
        if column == STATE:
            return {WAITING: AMBER, PAPER: AMBER, CORRECTION: RED}.get(row.state, GREEN)
        if column == RECEIPT_NO and not row.receipt_no:
            return GREY
        return None

    def tooltip(self, row: FilingRow, column: int) -> str | None:
        """The order to correct on the state; otherwise the whole text."""
        if column == STATE and row.correction:
            return row.correction
        return self.display(row, column)

    def row_id(self, row: FilingRow) -> str:
        """The adopted version's id."""
        return row.version_id
