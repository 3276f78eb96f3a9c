"""Read-only table model of the people register, read from SQL a page at a time.

The model opens on how many people match the search
(`people_service.register_count`) and fetches the lines it shows, a page
at a time (`people_service.register_page`), so a register of 100,000 opens
and scrolls to its end without reading every id or building every line
first (issue 20). A header click reads the matching ids once and sorts them
(`register_ids`, `register_values`).

Its order is the service's, the roster's (组, 户号, 户主 first); a header
click sorts every matching id by that column in natural order (`sort`), 姓名
too: by pinyin like every other list (issue 19), not by the code points an
SQL `ORDER BY name` gives (严 before 何 before 冯).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import people_service
from desktop.services.people_service import PersonRow
from models.messages import QT_TRANSLATE_NOOP
from models.stored_values import stored_int
from ui.widgets.paged_rows_model import PagedRowsModel
from ui.widgets.palette import PALE_GREY

_C = "RegisterModel"

#: Column -> the `people_service.REGISTER_FIELDS` a header click reads.
_FIELDS = {0: "name", 1: "gender", 2: "village_group", 3: "roles", 4: "birth", 5: "household", 6: "relation",
           7: "status", 8: "phone", 9: "ethnicity", 10: "education", 11: "political_status"}


def _roles_text(roles: tuple[str, ...]) -> str:
    """现任职务 as shown: the roles' names joined with 、."""
    return "、".join(QCoreApplication.translate("people", people_service.PERSON_ROLES.get(r, r)) for r in roles)


def _status_text(left_on: str, left_kind: str) -> str:
    """状态 as shown: 在册, or how and when the person left."""
    if not left_on:
        return QCoreApplication.translate("people", people_service.ON_REGISTER)
    kind = QCoreApplication.translate("people", people_service.LEFT_KINDS.get(left_kind, left_kind))
    return f"{kind} {left_on}"


def _birth_key(year, month) -> tuple[int, int] | None:
    """出生年月 as numbers (unknown: None, sorted last); text from an older import reads as unknown."""
    year, month = stored_int(year), stored_int(month)
    return None if year is None else (year, month or 0)


class RegisterModel(PagedRowsModel):
    """Columns: 姓名, 性别, 村民小组, 现任职务, 出生年月, 户号, 与户主关系, 状态, 电话, 民族, 文化程度, 政治面貌.

    The id is under `ID_ROLE`.
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "现任职务"),
               QT_TRANSLATE_NOOP(_C, "出生年月"), QT_TRANSLATE_NOOP(_C, "户号"),
               QT_TRANSLATE_NOOP(_C, "与户主关系"), QT_TRANSLATE_NOOP(_C, "状态"), QT_TRANSLATE_NOOP(_C, "电话"),
               QT_TRANSLATE_NOOP(_C, "民族"), QT_TRANSLATE_NOOP(_C, "文化程度"), QT_TRANSLATE_NOOP(_C, "政治面貌"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self._include_left = False
        self._order = "roster"

    @property
    def order(self) -> str:
        """The service order shown: "roster", "name" or "name_desc" (`people_service.ORDERS`)."""
        return self._order

    def set_order(self, order: str) -> None:
        """Show the register in `order` (one of `people_service.ORDERS`), read again."""
        if order not in people_service.ORDERS:
            raise ValueError(order)
        self._order = order
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A column's values in natural order (姓名 by pinyin, `ui.widgets.sorting`); -1: the roster.

        Selections follow their people (`LazyRowsModel.sort`).
        """
        if self._order != "roster":  # a header click sorts the roster's ids (`set_order` chose another)
            self._unpage()  # the ids in the order shown, for the selection to follow
            self._order = "roster"
            self._service_ids = None  # another ORDER BY: read the ids again
        super().sort(column, order)

    def reload(self, search: str | None = None, include_left: bool | None = None) -> None:
        """Read the register's ids again, optionally with a new name filter or 含已迁出/死亡 choice."""
        if search is not None:
            self._search = search.strip()
        if include_left is not None:
            self._include_left = include_left
        super().reload()

    def fetch_count(self) -> int:
        """How many people match the search (the departed when asked)."""
        return people_service.register_count(self._search, self._include_left)

    def fetch_page(self, offset: int, limit: int, total: int) -> list[PersonRow]:
        """One page of the register's lines in the order shown."""
        return people_service.register_page(self._search, self._include_left, self._order, offset, limit, total)

    def fetch_position(self, record_id: str) -> int | None:
        """Where a person comes in the register (one count in SQL, no id list)."""
        return people_service.register_position(record_id, self._search, self._include_left, self._order)

    def fetch_ids(self) -> list[str]:
        """The ids of the people whose names contain the search, in the order shown (the departed when asked)."""
        return people_service.register_ids(self._search, self._include_left, self._order)

    def fetch_rows(self, ids: Sequence[str]) -> list[PersonRow]:
        """The register lines of one chunk."""
        return people_service.register_rows(ids)

    def fetch_sort_values(self, ids: list[str], column: int) -> dict[str, object]:
        """Person id -> what `column` sorts by, from one lean query of that column (no register lines)."""
        field = _FIELDS.get(column)
        if field is None:
            return super().fetch_sort_values(ids, column)
        raw = people_service.register_values(ids, field)
        if field == "roles":
            return {pid: _roles_text(tuple(v[0].split(",")) if v[0] else ()) for pid, v in raw.items()}
        if field == "birth":
            return {pid: _birth_key(*v) for pid, v in raw.items()}
        if field == "status":
            return {pid: _status_text(*v) for pid, v in raw.items()}
        return {pid: v[0] for pid, v in raw.items()}

    def display(self, row: PersonRow, column: int) -> str:
        """The column's text (also the sort value): roles joined with 、, 状态 在册 or how and when the person left."""
        if column == 0:
            return row.name
        if column == 1:
            return row.gender
        if column == 2:
            return row.village_group
        if column == 3:
            return _roles_text(row.roles)
        if column == 4:
            return row.birth_text()
        if column == 5:
            return row.household_number
        if column == 6:
            return row.household_relation
        if column == 8:
            return row.phone
        if column == 9:
            return row.ethnicity
        if column == 10:
            return row.education
        if column == 11:
            return row.political_status
        return _status_text(row.left_on, row.left_kind)

    def foreground(self, row: PersonRow, column: int):
        """People who left the register read grey."""
        if not row.on_register():
            return PALE_GREY
        return None

    def tooltip(self, row: PersonRow, column: int) -> str | None:
        """No tooltips, as before the register was fetched lazily."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (translated); row numbers on the vertical header."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return QCoreApplication.translate(_C, "点击按姓名排序,再点一次倒序,第三次回到名册顺序(按组、户号,户主在前)")
        return super().headerData(section, orientation, role)
