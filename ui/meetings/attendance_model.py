"""The attendance list of a meeting draft as an editable table.

The model edits the draft's `AttendanceLine`s in place, so the editor can
hand the same draft to the verdict engine after every tick. Column 到会 is
a checkbox (ticked = 到会, unticked = 缺席); column 出席情况 takes any of
the four statuses (combo editor, or the quick keys 1–4 in the view).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableView, QWidget

from desktop.services.meetings_service import AttendanceLine
from models.meetings.quorum import ABSENT, OBSERVER, PRESENT
from models.messages import QT_TRANSLATE_NOOP
from ui.meetings.labels import STATUS_ORDER, status_label
from ui.widgets.palette import GREY, RED

_C = "AttendanceModel"
ModelIndex = QModelIndex | QPersistentModelIndex

TICK, NAME, GENDER, SEAT, STATUS = range(5)


class AttendanceModel(QAbstractTableModel):
    """Columns: 到会 (checkbox), 姓名, 性别, 身份, 出席情况."""

    COLUMNS = (QT_TRANSLATE_NOOP(_C, "到会"), QT_TRANSLATE_NOOP(_C, "姓名"),
               QT_TRANSLATE_NOOP(_C, "性别"), QT_TRANSLATE_NOOP(_C, "身份"),
               QT_TRANSLATE_NOOP(_C, "出席情况"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: list[AttendanceLine] = []
        self._editable = True
        self._show_seat = False
        self._roster_ids: frozenset[str] | None = None

    def set_lines(self, lines: list[AttendanceLine], editable: bool, show_seat: bool) -> None:
        """Show (and edit in place) `lines`."""
        self.beginResetModel()
        self._lines = lines
        self._editable = editable
        self._show_seat = show_seat
        self.endResetModel()

    def set_roster_ids(self, ids: frozenset[str] | None) -> None:
        """Who is on the body's roster (None: unknown); others show as 名单外 and may be removed."""
        self._roster_ids = ids
        if self._lines:
            self.dataChanged.emit(self.index(0, SEAT), self.index(len(self._lines) - 1, SEAT))

    def lines(self) -> list[AttendanceLine]:
        """The lines shown (the draft's own list)."""
        return self._lines

    def is_off_roster(self, row: int) -> bool:
        """Whether the person of `row` was added by hand (not on the body's roster)."""
        return self._roster_ids is not None and self._lines[row].person_id not in self._roster_ids

    def add_lines(self, lines: list[AttendanceLine]) -> int:
        """Append people not yet on the list; returns how many were added."""
        listed = {a.person_id for a in self._lines}
        new = []
        for line in lines:
            if line.person_id not in listed:
                listed.add(line.person_id)
                new.append(line)
        if not self._editable or not new:
            return 0
        first = len(self._lines)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._lines.extend(new)  # in place: the draft's list
        self.endInsertRows()
        return len(new)

    def remove_rows(self, rows: list[int]) -> int:
        """Take people added by hand off the list (roster members stay); returns how many."""
        if not self._editable:
            return 0
        removed = 0
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._lines) and self.is_off_roster(row):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._lines[row]
                self.endRemoveRows()
                removed += 1
        return removed

    def counts(self) -> tuple[int, int]:
        """(应到, 实到) as on the list: 列席 people are not members."""
        members = [a for a in self._lines if a.status != OBSERVER]
        return len(members), sum(1 for a in members if a.status == PRESENT)

    def set_status(self, row: int, status: str) -> None:
        """Change one person's status (and tell the view)."""
        line = self._lines[row]
        if line.status == status or not self._editable:
            return
        line.status = status
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def mark_all_present(self) -> None:
        """全部到会: everyone except 列席 becomes 到会."""
        if not self._editable or not self._lines:
            return
        for line in self._lines:
            if line.status != OBSERVER:
                line.status = PRESENT
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """One row per person on the list."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """到会 is checkable and 出席情况 editable, unless the minutes are frozen."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() == TICK:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        if self._editable and index.column() == STATUS:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Check state, text and colour per column; `UserRole` gives the status code."""
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == TICK:
            return Qt.CheckState.Checked if line.status == PRESENT else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return line.name
            if column == GENDER:
                return line.gender
            if column == SEAT:
                return self._seat(line)
            if column == STATUS:
                return status_label(line.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and line.status != PRESENT:
            return RED if line.status == ABSENT else GREY
        if role == Qt.ItemDataRole.ToolTipRole and column == SEAT and self.is_off_roster(index.row()):
            return QCoreApplication.translate(_C, "不在本会议的组成人员名单上,是另外添加的;可以移出名单。")
        if role == Qt.ItemDataRole.UserRole:
            return line.status
        return None

    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Tick/untick 到会, or pick a status code in 出席情况."""
        if not index.isValid() or not self._editable:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == TICK:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.set_status(index.row(), PRESENT if checked else ABSENT)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == STATUS and value in STATUS_ORDER:
            self.set_status(index.row(), value)
            return True
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (translated); row numbers down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(_C, self.COLUMNS[section])
        return section + 1

    def _seat(self, line: AttendanceLine) -> str:
        if self._roster_ids is not None and line.person_id not in self._roster_ids:
            return QCoreApplication.translate(_C, "名单外")
        if not self._show_seat:
            return ""
        return (QCoreApplication.translate(_C, "村民代表") if line.is_representative
                else QCoreApplication.translate(_C, "村委会成员"))


class NameFilterModel(QSortFilterProxyModel):
    """Type-to-search over the 姓名 column (substring, so "王" finds every 王)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterKeyColumn(NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class StatusDelegate(QStyledItemDelegate):
    """A combo box of the four statuses for the 出席情况 column."""

    def createEditor(self, parent: QWidget, option, index):  # noqa: N802
        """The combo, listing 到会/缺席/请假/列席 with their quick keys."""
        combo = QComboBox(parent)
        for number, status in enumerate(STATUS_ORDER, start=1):
            combo.addItem(f"{number} {status_label(status)}", status)
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802
        """Select the current status."""
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.UserRole))))

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802
        """Store the chosen status code."""
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendanceView(QTableView):
    """The table, plus quick keys: 1 到会, 2 缺席, 3 请假, 4 列席 on the selected rows."""

    _KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Set the status of every selected person with one key press."""
        slot = self._KEYS.get(Qt.Key(event.key()))
        if slot is None or self.state() == QTableView.State.EditingState:
            super().keyPressEvent(event)
            return
        rows = {i.row() for i in self.selectionModel().selectedRows()} or (
            {self.currentIndex().row()} if self.currentIndex().isValid() else set())
        for row in sorted(rows):
            self.model().setData(self.model().index(row, STATUS), STATUS_ORDER[slot],
                                 Qt.ItemDataRole.EditRole)
        event.accept()
