"""The last level of the county's drill-down: one village's cells, one row per obligation.

What the township's board shows in one row, spelled out: the state on its
colour (the same look as every board), the counts behind it (done, of
which late, expected) and what the state means, with the obligation's legal
basis. Everything comes from the township's 汇总包 (the county recomputes
nothing); names and texts are shown as they arrived, as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.messages import QT_TRANSLATE_NOOP
from models.township.board import DUE, LATE, MISSING, NONE, OK, TOWNSHIP, Cell, Obligation
from models.township.compliance import ESCALATIONS
from ui.widgets import compliance_style as style

_C = "county_board"
_Index = QModelIndex | QPersistentModelIndex

OBLIGATION_COL, STATE_COL, COUNT_COL, LATE_COL, REASON_COL, BASIS_COL = range(6)
_HEADERS = (
    QT_TRANSLATE_NOOP(_C, "义务"), QT_TRANSLATE_NOOP(_C, "情况"), QT_TRANSLATE_NOOP(_C, "完成/应完成"),
    QT_TRANSLATE_NOOP(_C, "其中逾期"), QT_TRANSLATE_NOOP(_C, "说明"), QT_TRANSLATE_NOOP(_C, "依据"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def reason(obligation: Obligation, cell: Cell) -> str:
    """Why the cell is what it is, in a sentence with its counts (the township's own detail when it sent one)."""
    if cell.detail:
        return cell.detail.replace("\n", ";")
    due, done, late = cell.expected, cell.done, cell.late
    if obligation.key == ESCALATIONS:
        return _escalations(cell)
    if cell.state == OK:
        text = _tr("应完成 {due} 次,都在期限内完成").format(due=due) if due else style.explanation(OK)
    elif cell.state == LATE:
        text = _tr("应完成 {due} 次,完成 {done} 次,其中 {late} 次晚于期限").format(due=due, done=done, late=late)
    elif cell.state == MISSING:
        text = _tr("应完成 {due} 次,完成 {done} 次;{gap} 次期限已过,没有记录").format(
            due=due, done=done, gap=max(1, due - done))
    elif cell.state == DUE:
        text = _tr("期限还没到(已完成 {done} 次)").format(done=done) if done else style.explanation(DUE)
    else:
        text = style.explanation(cell.state)
    if obligation.duty_of == TOWNSHIP:
        return _tr("{text}(乡镇的职责,不计入该村按时率)").format(text=text)
    return text


def _escalations(cell: Cell) -> str:
    """The township's answers to what the village reported, counted in 件."""
    due, done, late = cell.expected, cell.done, cell.late
    if cell.state == OK:
        text = (_tr("{due} 件上报事项都按时答复").format(due=due) if due
                else _tr("这一时期没有待答复的上报事项"))
    elif cell.state == LATE:
        text = _tr("{due} 件上报事项都已答复,其中 {late} 件晚于期限").format(due=due, late=late)
    elif cell.state == MISSING:
        text = _tr("{due} 件上报事项中,{gap} 件超过期限未答复").format(due=due, gap=max(1, due - done))
    elif cell.state == DUE:
        text = _tr("{n} 件上报事项待答复,期限还没到").format(n=max(0, due - done))
    else:
        text = style.explanation(cell.state)
    return _tr("{text}(乡镇的职责,不计入该村按时率)").format(text=text)


class VillageCellsModel(QAbstractTableModel):
    """(obligation, cell) pairs of one village and period, read-only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[Obligation, Cell]] = []

    def set_cells(self, rows: list[tuple[Obligation, Cell]]) -> None:
        """Show these obligations and cells, in the board's column order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """One row per obligation."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """义务, 情况, 完成/应完成, 其中逾期, 说明, 依据."""
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_C, _HEADERS[section])
        return None

    def row_at(self, row: int) -> tuple[Obligation, Cell] | None:
        """The obligation and cell of a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Text of each column; the state column on its colour."""
        if not index.isValid():
            return None
        obligation, cell = self._rows[index.row()]
        col = index.column()
        if col == STATE_COL and role == Qt.ItemDataRole.BackgroundRole:
            return style.background(cell.state)
        if col == STATE_COL and role == Qt.ItemDataRole.ForegroundRole:
            return style.foreground(cell.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (STATE_COL, COUNT_COL, LATE_COL):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and col in (REASON_COL, BASIS_COL):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == OBLIGATION_COL:
            return QCoreApplication.translate("compliance", obligation.label)
        if col == STATE_COL:
            return style.short_label(cell.state)
        if col == COUNT_COL:
            return "—" if cell.state == NONE or not cell.expected else f"{cell.done}/{cell.expected}"
        if col == LATE_COL:
            return str(cell.late) if cell.late else "—"
        if col == REASON_COL:
            return reason(obligation, cell)
        return QCoreApplication.translate("compliance", obligation.basis)
