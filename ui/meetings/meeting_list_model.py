"""Read-only table model over `meetings_service.list_meetings()`.

Rows are handed to the view in batches, so ten years of meetings open at once.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.services import meetings_service
from desktop.services.meetings_service import MeetingRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import SORT_ROLE, BatchedRowsModel
from ui.widgets.palette import AMBER, GREEN, RED
from ui.widgets.record_labels import type_label
from ui.widgets.stored_day import shown_day

_C = "MeetingListModel"
BATCH = 500
ModelIndex = QModelIndex | QPersistentModelIndex

DATE, TYPE, TITLE, EXPECTED, PRESENT, QUORUM, VOTES, STATUS = range(8)


class MeetingListModel(BatchedRowsModel):
    """Columns: 日期, 类型, 名称, 应到, 实到, 法定人数, 表决, 状态."""

    COLUMNS = (QT_TRANSLATE_NOOP(_C, "日期"), QT_TRANSLATE_NOOP(_C, "类型"),
               QT_TRANSLATE_NOOP(_C, "名称"), QT_TRANSLATE_NOOP(_C, "应到"),
               QT_TRANSLATE_NOOP(_C, "实到"), QT_TRANSLATE_NOOP(_C, "法定人数"),
               QT_TRANSLATE_NOOP(_C, "表决"), QT_TRANSLATE_NOOP(_C, "状态"))

    def __init__(self, parent=None):
        super().__init__(parent, BATCH)
        self._type: str | None = None
        self._year: int | None = None

    def reload(self, type_code: str | None = None, year: int | None = None) -> None:
        """Query again with the given filters (None: all)."""
        self._type, self._year = type_code, year
        self.set_rows(meetings_service.list_meetings(type_code, year))

    def refresh(self) -> None:
        """Query again with the current filters."""
        self.reload(self._type, self._year)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Text per column, red/green (amber: cannot be judged) for the quorum; `SORT_ROLE` counts as numbers; `UserRole` the meeting id."""
        if not index.isValid() or index.row() >= self._shown:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tooltip: an elided cell whole
            return self._text(row, column)
        if role == SORT_ROLE:
            return {EXPECTED: row.expected, PRESENT: row.present}.get(column, self._text(row, column))
        if role == Qt.ItemDataRole.ForegroundRole and column == QUORUM:
            if not row.quorum_judged:
                return AMBER  # nothing to judge yet: attention, not a failed meeting
            if row.quorum_met is not None:
                return GREEN if row.quorum_met else RED
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (EXPECTED, PRESENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: MeetingRow, column: int) -> str:
        tr = QCoreApplication.translate
        if column == DATE:
            return shown_day(row.held_on)
        if column == TYPE:
            return type_label(row.type_code)
        if column == TITLE:
            return row.title
        if column == EXPECTED:
            return str(row.expected)
        if column == PRESENT:
            return str(row.present)
        if column == QUORUM:
            if not row.quorum_judged:  # nobody on the list or 实到 not entered: as the editor says
                return tr(_C, "无法判断")
            if row.quorum_met is None:
                return "—"
            return tr(_C, "有效") if row.quorum_met else tr(_C, "未达到")
        if column == VOTES:
            if not row.resolutions:
                return tr(_C, "无表决")
            return tr(_C, "通过 {passed}/共 {total}").format(passed=row.passed, total=row.resolutions)
        if row.corrected_by:
            return tr(_C, "已更正")
        return tr(_C, "已审定") if row.status == "approved" else tr(_C, "草稿")

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (translated)."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(_C, self.COLUMNS[section])
        return section + 1
