"""The rows of 村民反映: each villager's question about what was posted, with its answer."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.ui_support_disclosure import FeedbackRow
from models.messages import QT_TRANSLATE_NOOP
from models.stored_values import stored_date
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import GREEN, GREY, RED
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "FeedbackTab"
RECEIVED, VILLAGER, ABOUT, CONTENT, STATE = range(5)


def township_answer_text(row: FeedbackRow) -> str:
    """乡镇答复 with who answered and when, as the return package brought it."""
    tr = QCoreApplication.translate
    if row.township_answered_by and row.township_answered_on:
        return tr(_C, "乡镇答复({by},{on}):{answer}").format(
            by=row.township_answered_by, on=row.township_answered_on, answer=row.township_answer)
    if row.township_answered_on or row.township_answered_by:
        return tr(_C, "乡镇答复({who}):{answer}").format(
            who=row.township_answered_by or row.township_answered_on, answer=row.township_answer)
    return tr(_C, "乡镇答复:{answer}").format(answer=row.township_answer)


class FeedbackModel(BatchedRowsModel):
    """Columns: 收到日期, 反映人, 关于, 内容, 答复情况; a feedback past its answer period is red throughout.

    `set_deadline(today, days)` before `set_rows`: the answer period (days, the
    province profile's) and the day it is measured from.
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "收到日期"), QT_TRANSLATE_NOOP(_C, "反映人"), QT_TRANSLATE_NOOP(_C, "关于"),
               QT_TRANSLATE_NOOP(_C, "内容"), QT_TRANSLATE_NOOP(_C, "答复情况"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._today = date.today()
        self._days = 10

    def set_deadline(self, today: date, days: int) -> None:
        """Measure the answer period of `days` from `today`."""
        self._today, self._days = today, days

    def overdue(self, row: FeedbackRow) -> bool:
        """Unanswered past the answer period."""
        received = stored_date(row.received_on)
        if received is None:  # a bad stored date (an older import): not known to be overdue
            return False
        return not row.answered_on and received + timedelta(days=self._days) < self._today

    def display(self, row: FeedbackRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == RECEIVED:
            return shown_day(row.received_on)
        if column == VILLAGER:
            return row.villager or tr(_C, "匿名")
        if column == ABOUT:
            return row.item_title or tr(_C, "(未指明)")
        if column == CONTENT:
            return row.content
        if row.answered_on:
            state = tr(_C, "已答复({day}):{answer}").format(day=row.answered_on, answer=row.answer)
        elif self.overdue(row):
            state = tr(_C, "逾期未答复(应在 {days} 天内答复)").format(days=self._days)
        else:
            state = tr(_C, "待答复")
        if row.township_answer:
            state += tr(_C, ";{answer}").format(answer=township_answer_text(row))
        return state

    def foreground(self, row: FeedbackRow, column: int) -> QColor | None:
        """The state green/red/grey; an overdue feedback red in every column."""
        late = self.overdue(row)
        if column != STATE and not late:
            return None
        if row.answered_on:
            return GREEN
        return RED if late else GREY

    def row_id(self, row: FeedbackRow) -> str:
        """The feedback's id."""
        return row.id
