"""Read-only table model of the people register, fetched lazily.

The model holds the ordered ids of the people matching the search
(`people_service.register_ids`) and fetches the lines it shows, a chunk at a
time (`people_service.register_rows`), so a register of 100,000 opens and
scrolls to its end without building every line first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import people_service
from desktop.services.people_service import PersonRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.lazy_rows_model import LazyRowsModel

_C = "RegisterModel"


class RegisterModel(LazyRowsModel):
    """Columns: 姓名, 性别, 村民小组, 现任职务; the person id under `ID_ROLE` (`UserRole`)."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "现任职务"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""

    def reload(self, search: str | None = None) -> None:
        """Read the register's ids again, optionally with a new name filter."""
        if search is not None:
            self._search = search.strip()
        super().reload()

    def fetch_ids(self) -> list[str]:
        """The ids of the people whose names contain the search, by name."""
        return people_service.register_ids(self._search)

    def fetch_rows(self, ids: Sequence[str]) -> list[PersonRow]:
        """The register lines of one chunk."""
        return people_service.register_rows(ids)

    def display(self, row: PersonRow, column: int) -> str:
        """Name, gender, group, or the current roles joined with 、 (also the sort value)."""
        if column == 0:
            return row.name
        if column == 1:
            return row.gender
        if column == 2:
            return row.village_group
        return "、".join(QCoreApplication.translate("people", people_service.PERSON_ROLES.get(r, r))
                        for r in row.roles)

    def tooltip(self, row: PersonRow, column: int) -> str | None:
        """No tooltips, as before the register was fetched lazily."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (translated); row numbers on the vertical header."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return super().headerData(section, orientation, role)
