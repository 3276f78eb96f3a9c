"""The rows of 工作台账: the committee's work of one year, in date order."""

from __future__ import annotations

from desktop.services.supervision_service import LedgerEntry
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

#: The context the tab's titles were translated in before the model held them.
_C = "LedgerTab"
ON, KIND, TEXT = range(3)


class LedgerModel(BatchedRowsModel):
    """Columns: 日期, 事项, 内容 (`supervision_service.ledger`)."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "日期"), QT_TRANSLATE_NOOP(_C, "事项"), QT_TRANSLATE_NOOP(_C, "内容"))

    def display(self, row: LedgerEntry, column: int) -> str:
        """The date, the kind of work, what it was."""
        return (row.on, row.kind, row.text)[column]
