"""Read-only table model over `people_service.register()`.

Rows are handed to the view in batches (`canFetchMore`/`fetchMore`), so a
large register opens without laying out every row first.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.services import people_service
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import SORT_ROLE, BatchedRowsModel

_C = "RegisterModel"
BATCH = 500
ModelIndex = QModelIndex | QPersistentModelIndex


class RegisterModel(BatchedRowsModel):
    """Columns: 姓名, 性别, 村民小组, 现任职务."""

    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "现任职务"))

    def __init__(self, parent=None):
        super().__init__(parent, BATCH)
        self._search = ""

    def reload(self, search: str | None = None) -> None:
        """Fetch the register again, optionally with a new name filter."""
        if search is not None:
            self._search = search.strip()
        self.set_rows(people_service.register(self._search))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Display text per column (also the sort value); `UserRole` gives the person id."""
        if not index.isValid() or index.row() >= self._shown:
            return None
        person = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            column = index.column()
            if column == 0:
                return person.name
            if column == 1:
                return person.gender
            if column == 2:
                return person.village_group
            return "、".join(QCoreApplication.translate("people", people_service.PERSON_ROLES.get(r, r))
                            for r in person.roles)
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (translated); row numbers on the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(_C, self.COLUMNS[section])
        return section + 1
