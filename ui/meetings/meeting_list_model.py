"""Read-only table model of the meeting list, read from SQL a page at a time.

It opens on `meetings_service.meeting_count` and fetches the 200-row pages
the view paints (`meeting_page`, newest first), so 100,000 meetings open
and scroll at once (issue 20); a header click reads the ids of every
match and sorts them by that column in natural order (`PagedRowsModel`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import meetings_service
from desktop.services.meetings_service import MeetingRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.paged_rows_model import PagedRowsModel
from ui.widgets.palette import AMBER, GREEN, RED
from ui.widgets.record_labels import type_label
from ui.widgets.stored_day import shown_day

_C = "MeetingListModel"

DATE, TYPE, TITLE, EXPECTED, PRESENT, QUORUM, VOTES, STATUS = range(8)

#: Column -> the `meetings_service.MEETING_FIELDS` a header click reads (the rest read whole lines).
_FIELDS = {DATE: "held_on", TYPE: "type_code", TITLE: "title", STATUS: "status"}


def _status_text(status: str, corrected_by: str | None) -> str:
    """状态 as shown: 已更正, 已审定 or 草稿."""
    tr = QCoreApplication.translate
    if corrected_by:
        return tr(_C, "已更正")
    return tr(_C, "已审定") if status == "approved" else tr(_C, "草稿")


class MeetingListModel(PagedRowsModel):
    """Columns: 日期, 类型, 名称, 应到, 实到, 法定人数, 表决, 状态."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "日期"), QT_TRANSLATE_NOOP(_C, "类型"),
               QT_TRANSLATE_NOOP(_C, "名称"), QT_TRANSLATE_NOOP(_C, "应到"),
               QT_TRANSLATE_NOOP(_C, "实到"), QT_TRANSLATE_NOOP(_C, "法定人数"),
               QT_TRANSLATE_NOOP(_C, "表决"), QT_TRANSLATE_NOOP(_C, "状态"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._type: str | None = None
        self._year: int | None = None

    def reload(self, type_code: str | None = None, year: int | None = None) -> None:
        """Query again with the given filters (None: all)."""
        self._type, self._year = type_code, year
        super().reload()

    def refresh(self) -> None:
        """Query again with the current filters."""
        self.reload(self._type, self._year)

    # ----- the service calls (`PagedRowsModel`) ------------------------------------------------

    def fetch_count(self) -> int:
        """How many meetings match the filters."""
        return meetings_service.meeting_count(self._type, self._year)

    def fetch_page(self, offset: int, limit: int, total: int) -> list[MeetingRow]:
        """One page of the list, newest first."""
        return meetings_service.meeting_page(self._type, self._year, offset, limit, total)

    def fetch_ids(self) -> list[str]:
        """Every matching id, newest first (a header sort orders these)."""
        return meetings_service.meeting_ids(self._type, self._year)

    def fetch_rows(self, ids: Sequence[str]) -> list[MeetingRow]:
        """The lines of one chunk of ids."""
        return meetings_service.meeting_rows(ids)

    def fetch_sort_values(self, ids: list[str], column: int) -> dict[str, object]:
        """Meeting id -> what `column` sorts by: 日期, 类型, 名称 and 状态 from one lean query of that column.

        The same values `sort_value` gives (the shown text); the counted
        columns (应到, 实到, 法定人数, 表决) read the list's lines.
        """
        field = _FIELDS.get(column)
        if field is None:
            return super().fetch_sort_values(ids, column)
        raw = meetings_service.meeting_values(ids, field)
        if column == DATE:
            return {mid: shown_day(v[0]) for mid, v in raw.items()}
        if column == TYPE:
            return {mid: type_label(v[0]) for mid, v in raw.items()}
        if column == STATUS:
            return {mid: _status_text(*v) for mid, v in raw.items()}
        return {mid: v[0] for mid, v in raw.items()}

    def fetch_position(self, record_id: str) -> int | None:
        """Where a meeting comes in the list (one count in SQL, no id list)."""
        return meetings_service.meeting_position(record_id, self._type, self._year)

    # ----- cells -------------------------------------------------------------------------------

    def display(self, row: MeetingRow, column: int) -> str:
        """The cell's text."""
        return self._text(row, column)

    def tooltip(self, row: MeetingRow, column: int) -> str:
        """The cell's whole text (an elided cell)."""
        return self._text(row, column)

    def sort_value(self, row: MeetingRow, column: int):
        """应到 and 实到 sort as numbers; the rest by their text."""
        return {EXPECTED: row.expected, PRESENT: row.present}.get(column, self._text(row, column))

    def foreground(self, row: MeetingRow, column: int):
        """法定人数 red/green (amber: cannot be judged yet)."""
        if column != QUORUM:
            return None
        if not row.quorum_judged:
            return AMBER  # nothing to judge yet: attention, not a failed meeting
        if row.quorum_met is not None:
            return GREEN if row.quorum_met else RED
        return None

    def alignment(self, row: MeetingRow, column: int):
        """Counts right-aligned."""
        if column in (EXPECTED, PRESENT):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def row_id(self, row: MeetingRow) -> str:
        """The meeting id (`UserRole`)."""
        return row.id

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
        return _status_text(row.status, row.corrected_by)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (translated)."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(_C, self.COLUMNS[section])
        return section + 1
