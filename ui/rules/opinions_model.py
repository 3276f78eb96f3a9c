"""The rows of 征集民意: the villagers' opinions logged for one version, and what became of each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.rule_views import OpinionRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.rule_labels import source_label
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "OpinionsTab"
RECEIVED, SOURCE, CONTENT, ADOPTED, REASON = range(5)


class OpinionsModel(BatchedRowsModel):
    """Columns: 日期, 来源, 意见内容, 是否采纳, 理由; `ID_ROLE` is the opinion's id."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "日期"), QT_TRANSLATE_NOOP(_C, "来源"), QT_TRANSLATE_NOOP(_C, "意见内容"),
               QT_TRANSLATE_NOOP(_C, "是否采纳"), QT_TRANSLATE_NOOP(_C, "理由"))

    def display(self, row: OpinionRow, column: int) -> str:
        """The text of a cell."""
        if column == RECEIVED:
            return shown_day(row.received_on)
        if column == SOURCE:
            return source_label(row.source)
        if column == CONTENT:
            return row.content
        if column == ADOPTED:
            tr = QCoreApplication.translate
            return {True: tr(_C, "采纳"), False: tr(_C, "不采纳")}.get(row.adopted, tr(_C, "待定"))
        return row.reason

    def row_id(self, row: OpinionRow) -> str:
        """The opinion's id."""
        return row.id
