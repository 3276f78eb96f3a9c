"""The rows of 任职: the chosen body's offices (or the 监委会's seats), with 含已离任's past ones.

The columns follow the body: a 村民代表 shows the households they represent,
a 小组长 leads with the group, the 监委会 shows each seat's eligibility.
`show_offices` / `show_seats` change the shape and the rows in one model
reset, so the view never sees a column count that does not fit its rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.terms_service import OfficeRow, SeatRow
from models.messages import QT_TRANSLATE_NOOP
from ui.people.appoint_dialog import role_label
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import GREY, RED

#: The context the tab's texts were translated in before the model held them.
_C = "TermsTab"

#: The shapes of the table: which columns a body's rows show.
OFFICES, REPRESENTATIVES, GROUP_LEADERS, COMMITTEE = "offices", "representatives", "group_leaders", "committee"

_COLUMNS = {
    OFFICES: (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "职务"), QT_TRANSLATE_NOOP(_C, "性别"),
              QT_TRANSLATE_NOOP(_C, "任职日期")),
    REPRESENTATIVES: (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"), QT_TRANSLATE_NOOP(_C, "村民小组"),
                      QT_TRANSLATE_NOOP(_C, "联系户数"), QT_TRANSLATE_NOOP(_C, "任职日期")),
    GROUP_LEADERS: (QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "组长"), QT_TRANSLATE_NOOP(_C, "任职日期")),
    COMMITTEE: (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "职务"), QT_TRANSLATE_NOOP(_C, "届次"),
                QT_TRANSLATE_NOOP(_C, "任职日期"), QT_TRANSLATE_NOOP(_C, "任职资格")),
}
#: Added after a body's columns when 含已离任 is ticked.
_PAST = (QT_TRANSLATE_NOOP(_C, "离任日期"), QT_TRANSLATE_NOOP(_C, "离任原因"))


def post_text(seat: SeatRow) -> str:
    """主任 or 委员."""
    return QCoreApplication.translate(_C, "主任") if seat.chair else QCoreApplication.translate(_C, "委员")


class TermsModel(BatchedRowsModel):
    """Offices (`OfficeRow`) or 监委会 seats (`SeatRow`); the office's or seat's id under `ID_ROLE`.

    With 含已离任, a past office reads grey and the 离任日期 / 离任原因 columns
    are grey; a seat with a bar to serving shows it in red.
    """

    CONTEXT = _C

    def __init__(self, parent=None):
        super().__init__(parent)
        self.COLUMNS = _COLUMNS[OFFICES]
        self._shape = OFFICES
        self._past = False
        self._problems: dict[str, list] = {}

    def _reset(self, shape: str, rows: Sequence, past: bool, problems: dict[str, list]) -> None:
        self.beginResetModel()
        self._shape, self._past, self._problems = shape, past, problems
        self.COLUMNS = _COLUMNS[shape] + (_PAST if past else ())
        self._rows = list(rows)
        self.sort_quietly()  # in the order a header chose
        self._shown = min(self._batch, len(self._rows))
        self.endResetModel()

    def show_offices(self, shape: str, rows: Sequence[OfficeRow], past: bool = False) -> None:
        """A body's offices in `shape` (OFFICES, REPRESENTATIVES or GROUP_LEADERS); `past`: 含已离任's columns."""
        self._reset(shape, rows, past, {})

    def show_seats(self, seats: Sequence[SeatRow], problems: dict[str, list]) -> None:
        """The 监委会's seats, with why each may no longer serve (seat id → findings)."""
        self._reset(COMMITTEE, seats, False, problems)

    def display(self, row: OfficeRow | SeatRow, column: int) -> str:
        """The text of a cell, by the table's shape."""
        if self._shape == COMMITTEE:
            return self._seat_text(row, column)
        base = len(_COLUMNS[self._shape])
        if column >= base:
            return (row.end_date, row.end_reason)[column - base]
        if self._shape == REPRESENTATIVES:
            return (row.name, row.gender, row.village_group, str(len(row.household_ids)), row.start_date)[column]
        if self._shape == GROUP_LEADERS:
            return (row.scope, row.name, row.start_date)[column]
        return (row.name, role_label(row.role), row.gender, row.start_date)[column]

    def _seat_text(self, seat: SeatRow, column: int) -> str:
        if column < 4:
            return (seat.name, post_text(seat), seat.term_label, seat.joined_on)[column]
        problems = self._problems.get(seat.id, [])
        if problems:
            return "✖ " + ";".join(p.text() for p in problems)
        return QCoreApplication.translate(_C, "✔ 符合任职条件")

    def sort_value(self, row: OfficeRow | SeatRow, column: int):
        """联系户数 sorts as a number."""
        if self._shape == REPRESENTATIVES and column == 3:
            return len(row.household_ids)
        return self.display(row, column)

    def foreground(self, row: OfficeRow | SeatRow, column: int) -> QColor | None:
        """A past office and the 离任 columns grey; a seat's bar to serving red."""
        if self._shape == COMMITTEE:
            return RED if column == 4 and self._problems.get(row.id) else None
        if self._past and (row.end_date or column >= len(_COLUMNS[self._shape])):
            return GREY
        return None

    def row_id(self, row: OfficeRow | SeatRow) -> str:
        """The office's or the seat's id."""
        return row.id
