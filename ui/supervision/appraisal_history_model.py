"""The rows of 民主评议 · 历次评议: one appraisal per row, newest first, with who got which verdict."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.ui_support_supervision import AppraisalRow
from models.messages import QT_TRANSLATE_NOOP
from models.supervision import appraisal as ap
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import RED
from ui.widgets.stored_day import shown_day
from ui.widgets.supervision_labels import body_label, verdict_label

#: The context the tab's texts were translated in before the model held them.
_C = "AppraisalTab"
YEAR, HELD, BODY, ATTENDEES, RESULTS = range(5)


class AppraisalHistoryModel(BatchedRowsModel):
    """Columns: 年度, 评议日期, 会议, 到会, 结果; the result red when someone was found 不称职."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "年度"), QT_TRANSLATE_NOOP(_C, "评议日期"), QT_TRANSLATE_NOOP(_C, "会议"),
               QT_TRANSLATE_NOOP(_C, "到会"), QT_TRANSLATE_NOOP(_C, "结果"))

    def display(self, row: AppraisalRow, column: int) -> str:
        """The text of a cell."""
        if column == YEAR:
            return str(row.year)
        if column == HELD:
            return shown_day(row.held_on)
        if column == BODY:
            return body_label(row.body)
        if column == ATTENDEES:
            return QCoreApplication.translate(_C, "{n} 人").format(n=row.attendees)
        groups = []
        for code in (ap.INCOMPETENT, ap.UNDETERMINED, ap.BASIC, ap.COMPETENT):
            names = [x.name for x in row.results if x.verdict == code]
            if names:
                groups.append(f"{verdict_label(code)}:{'、'.join(names)}")
        return ";".join(groups)

    def sort_value(self, row: AppraisalRow, column: int):
        """Years and attendance as numbers; the rest by their text."""
        if column == YEAR:
            return row.year
        if column == ATTENDEES:
            return row.attendees
        return self.display(row, column)

    def foreground(self, row: AppraisalRow, column: int) -> QColor | None:
        """The result red when someone was found 不称职."""
        if column == RESULTS and any(x.verdict == ap.INCOMPETENT for x in row.results):
            return RED
        return None

    def row_id(self, row: AppraisalRow) -> str:
        """The appraisal's id."""
        return row.id
