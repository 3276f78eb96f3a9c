"""The county's 备案 register as a table: one row per village's rule in force that its township filed."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.services.county_service import FilingRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.sorting import sorted_positions

_C = "county_filings"
_Index = QModelIndex | QPersistentModelIndex

COLUMNS = (QT_TRANSLATE_NOOP(_C, "乡镇"), QT_TRANSLATE_NOOP(_C, "村"), QT_TRANSLATE_NOOP(_C, "村规民约"),
           QT_TRANSLATE_NOOP(_C, "版本"), QT_TRANSLATE_NOOP(_C, "备案号"), QT_TRANSLATE_NOOP(_C, "回执日期"),
           QT_TRANSLATE_NOOP(_C, "表决日期"), QT_TRANSLATE_NOOP(_C, "报备日期"), QT_TRANSLATE_NOOP(_C, "条数"),
           QT_TRANSLATE_NOOP(_C, "责令改正"))
TITLE_COL, CORRECTION_COL = 2, 9
_CENTRED = (3, 5, 6, 7, 8)


def _values(row: FilingRow) -> tuple:
    return (row.township_name, row.village_name, row.title, row.version_no, row.receipt_no, row.receipt_date,
            row.adopted_on, row.filed_on, row.articles, row.correction)


class FilingsModel(QAbstractTableModel):
    """`county_service.filings` rows, read-only, sorted by a header click (`ui.widgets.sorting`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[FilingRow] = []
        self._original: list[FilingRow] = []

    def set_rows(self, rows: list[FilingRow]) -> None:
        """Show these lines."""
        self.beginResetModel()
        self._original = list(rows)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> FilingRow | None:
        """The line on `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """One row per filed rule."""
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
        """Order by a column in natural order (`ui.widgets.sorting`); -1: the register's own (newest receipt first)."""
        self.layoutAboutToBeChanged.emit()
        if column < 0:
            self._rows = list(self._original)
        else:
            values = [_values(row)[column] for row in self._original]
            self._rows = [self._original[i] for i in sorted_positions(values, order)]
        self.layoutChanged.emit()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Text as the township filed it (shown as plain text by the view)."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = _values(row)[col]
            if col == CORRECTION_COL:
                return value.replace("\n", " ") if value else "—"
            return str(value) if value != "" else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == CORRECTION_COL and row.correction:
                return row.correction
            return QCoreApplication.translate(_C, "双击(或回车)查看全文")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        return None
