"""The rows of 上报事项: committee matters and villagers' feedback the villages reported to the township."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.review_service import MATTER, EscalationRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import AMBER, GREEN
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "EscalationTab"
VILLAGE, KIND, ESCALATED, SUBJECT, ANSWER = range(5)


class EscalationModel(BatchedRowsModel):
    """Columns: 村, 类别, 报告日期, 事项, 乡镇答复; `ID_ROLE` is the matter's or feedback's id."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "村"), QT_TRANSLATE_NOOP(_C, "类别"), QT_TRANSLATE_NOOP(_C, "报告日期"),
               QT_TRANSLATE_NOOP(_C, "事项"), QT_TRANSLATE_NOOP(_C, "乡镇答复"))

    def display(self, row: EscalationRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == VILLAGE:
            return row.village_name
        if column == KIND:
            return tr(_C, "监督事项") if row.kind == MATTER else tr(_C, "村民反映")
        if column == ESCALATED:
            return shown_day(row.escalated_on)
        if column == SUBJECT:
            return row.title if row.kind == MATTER else (row.detail + (f"({row.title})" if row.title else ""))
        return tr(_C, "{on}:{text}").format(on=row.answered_on, text=row.answer) if row.answer else tr(_C, "待答复")

    def sort_value(self, row: EscalationRow, column: int):
        """Answers by their date (unanswered first), the rest by their text."""
        if column == ANSWER:
            return row.answered_on if row.answer else ""
        return self.display(row, column)

    def foreground(self, row: EscalationRow, column: int) -> QColor | None:
        """The answer green once given, amber while waiting."""
        if column == ANSWER:
            return GREEN if row.answer else AMBER
        return None

    def row_id(self, row: EscalationRow) -> str:
        """The matter's or feedback's id."""
        return row.id
