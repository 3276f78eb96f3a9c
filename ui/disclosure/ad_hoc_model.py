"""The rows of 随时公开: items posted because something happened, each with its own deadline."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.disclosure_service import ObligationRow
from models.disclosure import calendar as cal
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel, ModelIndex
from ui.widgets.disclosure_labels import (
    obligation_background,
    obligation_color,
    obligation_label,
    subject_label,
)
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "CalendarTab"
EVENT, SUBJECT, TITLE, DUE, POSTED, STATE = range(6)


class AdHocModel(BatchedRowsModel):
    """Columns: 事情发生, 公开事项, 标题, 应于…前公开, 公开日期, 情况; coloured like the calendar grid.

    `set_context(year, own_labels)` before `set_rows`: the year shown (a
    deadline in another year shows its year) and the village's own subject names.
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "事情发生"), QT_TRANSLATE_NOOP(_C, "公开事项"), QT_TRANSLATE_NOOP(_C, "标题"),
               QT_TRANSLATE_NOOP(_C, "应于…前公开"), QT_TRANSLATE_NOOP(_C, "公开日期"), QT_TRANSLATE_NOOP(_C, "情况"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._year = date.today().year
        self._own: dict[str, str] = {}

    def set_context(self, year: int, own_labels: dict[str, str]) -> None:
        """The year shown and the village's own subject names."""
        self._year, self._own = year, own_labels

    def display(self, row: ObligationRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == EVENT:
            return row.period
        if column == SUBJECT:
            return subject_label(row.subject, self._own)
        if column == TITLE:
            return row.title
        if column == DUE:
            due = date.fromisoformat(row.due)
            if due.year == self._year:
                return tr(_C, "{m}月{d}日前").format(m=due.month, d=due.day)
            return tr(_C, "{y}年{m}月{d}日前").format(y=due.year, m=due.month, d=due.day)
        if column == POSTED:
            return shown_day(row.posted_on)
        return obligation_label(row.status)

    def sort_value(self, row: ObligationRow, column: int):
        """Deadlines by their date; the rest by their text."""
        return row.due if column == DUE else self.display(row, column)

    def tooltip(self, row: ObligationRow, column: int) -> str | None:
        """The item, its state and its deadline."""
        return QCoreApplication.translate(_C, "{title}:{status},截止 {due}").format(
            title=row.title, status=obligation_label(row.status), due=row.due)

    def foreground(self, row: ObligationRow, column: int) -> QColor | None:
        """The state in its calendar colour."""
        return obligation_color(row.status) if column == STATE else None

    def background(self, row: ObligationRow, column: int) -> QColor | None:
        """The whole row on the state's light background, as in the grid."""
        return obligation_background(row.status)

    def row_id(self, row: ObligationRow) -> str | None:
        """The posted item behind the row (None before it exists)."""
        return row.item_id or None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The hooks, plus a bold state when overdue or due soon."""
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == STATE \
                and index.row() < self.rowCount():
            if self.row_at(index.row()).status not in (cal.OVERDUE, cal.DUE_SOON):
                return None
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)
