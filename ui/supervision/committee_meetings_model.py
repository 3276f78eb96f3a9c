"""The rows of 监委会会议: this year's committee meetings (`meetings_service.list_meetings`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.meetings_service import MeetingRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "CommitteeMeetingsTab"
HELD, TITLE, ATTENDED, STATUS = range(4)


class CommitteeMeetingsModel(BatchedRowsModel):
    """Columns: 日期, 名称, 到会, 状态; `ID_ROLE` is the meeting's id."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "日期"), QT_TRANSLATE_NOOP(_C, "名称"), QT_TRANSLATE_NOOP(_C, "到会"),
               QT_TRANSLATE_NOOP(_C, "状态"))

    def display(self, row: MeetingRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == HELD:
            return shown_day(row.held_on)
        if column == TITLE:
            return row.title
        if column == ATTENDED:
            return tr(_C, "{present}/{expected} 人").format(present=row.present, expected=row.expected)
        return tr(_C, "已审定") if row.status == "approved" else tr(_C, "草稿")

    def sort_value(self, row: MeetingRow, column: int):
        """Attendance by the number present; the rest by their text."""
        return row.present if column == ATTENDED else self.display(row, column)

    def tooltip(self, row: MeetingRow, column: int) -> str | None:
        """No tooltips (the texts are short)."""
        return None

    def row_id(self, row: MeetingRow) -> str:
        """The meeting's id."""
        return row.id
