"""The county's register of townships: one row per enrolled township and what it last sent."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.services.county_service import TownshipRow
from models.clock import local_display
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.palette import RED
from ui.widgets.sorting import sorted_positions

_C = "county_townships"
_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (QT_TRANSLATE_NOOP(_C, "代码"), QT_TRANSLATE_NOOP(_C, "乡镇"), QT_TRANSLATE_NOOP(_C, "状态"),
           QT_TRANSLATE_NOOP(_C, "电脑指纹"), QT_TRANSLATE_NOOP(_C, "最近汇总包"), QT_TRANSLATE_NOOP(_C, "导入时间"),
           QT_TRANSLATE_NOOP(_C, "数据截至"), QT_TRANSLATE_NOOP(_C, "村数"), QT_TRANSLATE_NOOP(_C, "备案"))
NAME_COL, STATUS_COL = 1, 2


def status_text(row: TownshipRow) -> str:
    """正常 / 等待第一个汇总包 / 已停用 (and 旧版汇总包 when it carries no 备案 register)."""
    if row.retired:
        return QCoreApplication.translate(_C, "已停用")
    if not row.last_number:
        return QCoreApplication.translate(_C, "等待第一个汇总包")
    if row.package_format < 2:
        return QCoreApplication.translate(_C, "正常(旧版汇总包,无备案)")
    return QCoreApplication.translate(_C, "正常")


def _values(row: TownshipRow) -> tuple:
    return (row.code, row.name, status_text(row), row.spoken or "—",
            QCoreApplication.translate(_C, "第 {n} 号").format(n=row.last_number) if row.last_number else "—",
            local_display(row.imported_at) if row.imported_at else "—", row.data_as_of or "—",
            row.villages, row.filings)


class TownshipsModel(QAbstractTableModel):
    """`county_service.townships()` rows, read-only, sorted by a header click."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._original: list[TownshipRow] = []
        self._rows: list[TownshipRow] = []

    def set_rows(self, rows: list[TownshipRow]) -> None:
        """Show these townships (in the register's order, by code)."""
        self.beginResetModel()
        self._original = list(rows)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TownshipRow | None:
        """The township on `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[TownshipRow]:
        """The townships, in display order."""
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """One row per township."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """The columns of `COLUMNS`."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_C, COLUMNS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: N802 - Qt API
        """Natural order of a column (`ui.widgets.sorting`); -1: by code, as registered."""
        self.layoutAboutToBeChanged.emit()
        if column < 0:
            self._rows = list(self._original)
        else:
            values = [_values(r)[column] for r in self._original]
            self._rows = [self._original[i] for i in sorted_positions(values, order)]
        self.layoutChanged.emit()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Text (names as the township registered, plain); a township waiting in red."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(_values(row)[col])
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS_COL and not row.last_number and not row.retired:
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and row.fingerprint:
            return QCoreApplication.translate(_C, "完整指纹:{fp}").format(fp=row.fingerprint)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return Qt.AlignmentFlag.AlignCenter
        return None
