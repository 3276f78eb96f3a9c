"""Read-only table model over `people_service.register()`.

Rows are handed to the view in batches (`canFetchMore`/`fetchMore`), so a
large register opens without laying out every row first.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.services import people_service
from desktop.services.people_service import PersonRow
from models.messages import QT_TRANSLATE_NOOP

_C = "RegisterModel"
BATCH = 500
ModelIndex = QModelIndex | QPersistentModelIndex


class RegisterModel(QAbstractTableModel):
    """Columns: 姓名, 性别, 村民小组, 现任职务."""

    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "现任职务"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._shown = 0
        self._search = ""

    def reload(self, search: str | None = None) -> None:
        """Fetch the register again, optionally with a new name filter."""
        if search is not None:
            self._search = search.strip()
        self.beginResetModel()
        self._rows = people_service.register(self._search)
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    def total(self) -> int:
        """How many people match the current filter (shown or not yet fetched)."""
        return len(self._rows)

    def row_at(self, row: int) -> PersonRow:
        """The register row behind view row `row`."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows handed to the view so far."""
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        """Whether rows remain beyond those shown."""
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        """Show the next batch of rows."""
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Display text per column; `UserRole` gives the person id."""
        if not index.isValid() or index.row() >= self._shown:
            return None
        person = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
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
