"""The rows of the 监督事项 board: one matter per row, overdue ones red, closed ones grey."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services import supervision_service
from desktop.services.supervision_service import MatterRow
from models.messages import QT_TRANSLATE_NOOP
from models.supervision import matters as mm
from ui.widgets.paged_rows_model import PagedRowsModel
from ui.widgets.palette import GREY, RED
from ui.widgets.stored_day import shown_day
from ui.widgets.supervision_labels import area_label, state_label

#: The context the tab's texts were translated in before the model held them.
_C = "MattersTab"
TITLE, AREA, OPENED, STATE, DEADLINE = range(5)


class MattersModel(PagedRowsModel):
    """Columns: 事项, 监督内容, 发现日期, 状态, 整改期限; `ID_ROLE` is the matter's id.

    Opens on a count and the 200-row page the view paints
    (`supervision_service.matter_page`, in the board's order): a committee's
    years of matters are never all read as records. A header sort reads the
    ids once (`matter_ids`) and their rows by the chunk (`matter_rows`).
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "事项"), QT_TRANSLATE_NOOP(_C, "监督内容"), QT_TRANSLATE_NOOP(_C, "发现日期"),
               QT_TRANSLATE_NOOP(_C, "状态"), QT_TRANSLATE_NOOP(_C, "整改期限"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._show = "all"
        self._today: date | None = None

    def load(self, show: str = "all", today: date | None = None) -> None:
        """Read the ids of the matters `show` picks (`supervision_service.SHOWN`) again."""
        self._show, self._today = show, today
        self.reload()

    def fetch_count(self) -> int:
        """How many matters are shown."""
        return supervision_service.matter_count(self._today, self._show)

    def fetch_page(self, offset: int, limit: int, total: int) -> list[MatterRow]:
        """One page of the board."""
        return supervision_service.matter_page(self._today, self._show, offset, limit, total)

    def fetch_ids(self) -> list[str]:
        """The ids of the matters shown, open ones first, overdue ones first among them, newest first."""
        return supervision_service.matter_ids(self._today, self._show)

    def fetch_rows(self, ids: Sequence[str]) -> list[MatterRow]:
        """The board rows of one chunk."""
        return supervision_service.matter_rows(list(ids), self._today)

    def display(self, row: MatterRow, column: int) -> str:
        """The text of a cell."""
        if column == TITLE:
            return row.title
        if column == AREA:
            return area_label(row.area)
        if column == OPENED:
            return shown_day(row.opened_on)
        if column == DEADLINE:
            return row.deadline
        tr = QCoreApplication.translate
        state = tr(_C, "逾期未答复") if row.overdue else state_label(row.state)
        if row.escalated:
            state += tr(_C, " · 已报乡镇")
        return state

    def foreground(self, row: MatterRow, column: int) -> QColor | None:
        """The whole row red when overdue, grey when closed."""
        if row.overdue:
            return RED
        return GREY if row.state == mm.CLOSED else None

    def row_id(self, row: MatterRow) -> str:
        """The matter's id."""
        return row.id
