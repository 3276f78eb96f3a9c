"""The rows of a 合规看板 drill-down: every occurrence of one obligation in one period, with its record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.services.compliance_service import RecordRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets import compliance_style as style
from ui.widgets.batched_model import BatchedRowsModel

#: The context of the board's texts (the dialog's titles were translated in it).
_C = "compliance_board"
PERIOD, DUE, ON, TITLE, STATE, NOTE = range(6)


class ComplianceRecordsModel(BatchedRowsModel):
    """Columns: 期间, 期限, 日期, 记录, 状态, 说明; the state in the board's own colours."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "期间"), QT_TRANSLATE_NOOP(_C, "期限"), QT_TRANSLATE_NOOP(_C, "日期"),
               QT_TRANSLATE_NOOP(_C, "记录"), QT_TRANSLATE_NOOP(_C, "状态"), QT_TRANSLATE_NOOP(_C, "说明"))

    def display(self, row: RecordRow, column: int) -> str:
        """The text of a cell (— where there is no date)."""
        if column == PERIOD:
            return row.period
        if column == DUE:
            return row.due or "—"
        if column == ON:
            return row.on or "—"
        if column == TITLE:
            return row.title
        if column == STATE:
            return style.short_label(row.state)
        return row.note

    def tooltip(self, row: RecordRow, column: int) -> str | None:
        """What the state means; otherwise the whole text."""
        return style.explanation(row.state) if column == STATE else self.display(row, column)

    def foreground(self, row: RecordRow, column: int) -> QColor | None:
        """The state's text colour, as on the board."""
        return style.foreground(row.state) if column == STATE else None

    def background(self, row: RecordRow, column: int) -> QColor | None:
        """The state's background, as on the board."""
        return style.background(row.state) if column == STATE else None

    def alignment(self, row: RecordRow, column: int) -> Qt.AlignmentFlag | None:
        """The state centred, as on the board."""
        return Qt.AlignmentFlag.AlignCenter if column == STATE else None

    def row_id(self, row: RecordRow) -> str:
        """The record behind the line ("" when none)."""
        return row.record_id
