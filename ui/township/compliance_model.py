"""The board as a table: villages down, obligations across, a township row at the bottom.

Columns: 村, 数据截至, one per obligation, 按时率. Each obligation cell shows
a short word and its count ("按时 3/3", "缺失 1/4") on its state's colour;
the tooltip explains every occurrence. The last row gives the township's
share per obligation.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from models.township import compliance as eng
from models.township.board import DUE, NA, Board, Cell
from ui.township import compliance_style as style
from ui.widgets.palette import RED

_C = "compliance_board"
_Index = QModelIndex | QPersistentModelIndex

VILLAGE_COL, AS_OF_COL = 0, 1
FIRST_OBLIGATION_COL = 2
#: Days without a package after which the 数据截至 column turns red.
SILENT_WARN_DAYS = 45
#: Obligations whose cells speak in words (已生效, 已备案, 无待答复) rather than a state and a count.
TEXT_NOTES = (eng.RULES_IN_FORCE, eng.RULES_FILED, eng.ESCALATIONS)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def header_text(label: str) -> str:
    """A long Chinese column title on two lines (村规民约 over 备案), so eleven columns fit a 1366 px screen."""
    if len(label) >= 5 and " " not in label:
        return f"{label[:-2]}\n{label[-2:]}"
    return label


def cell_text(key: str, cell: Cell) -> str:
    """What the grid shows in a cell: the state's word and the count (or the cell's own words)."""
    if cell.state == NA and cell.note in ("", "—"):
        return style.short_label(NA)
    if cell.state == DUE and cell.done == 0:
        return style.short_label(DUE)
    if key in TEXT_NOTES:
        return QCoreApplication.translate("compliance", cell.note)
    return f"{style.short_label(cell.state)} {cell.note}".strip()


class BoardModel(QAbstractTableModel):
    """A `Board` for a QTableView (read-only)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.board: Board | None = None

    def set_board(self, board: Board | None) -> None:
        """Show `board` (None: nothing)."""
        self.beginResetModel()
        self.board = board
        self.endResetModel()

    # --- shape ------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Villages plus the township row."""
        if parent.isValid() or self.board is None or not self.board.villages:
            return 0
        return len(self.board.villages) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """村, 数据截至, the obligations, 按时率."""
        if parent.isValid():
            return 0
        return FIRST_OBLIGATION_COL + len(eng.OBLIGATIONS) + 1

    def is_total_row(self, row: int) -> bool:
        """Whether `row` is the township row at the bottom."""
        return self.board is not None and row == len(self.board.villages)

    def obligation_at(self, column: int):
        """The obligation of a column (None for the other columns)."""
        i = column - FIRST_OBLIGATION_COL
        return eng.OBLIGATIONS[i] if 0 <= i < len(eng.OBLIGATIONS) else None

    def village_at(self, row: int):
        """The village of a row (None for the township row)."""
        if self.board is None or not 0 <= row < len(self.board.villages):
            return None
        return self.board.villages[row]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles; the obligation's legal basis as tooltip."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        ob = self.obligation_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == VILLAGE_COL:
                return _tr("村")
            if section == AS_OF_COL:
                return _tr("数据截至")
            if ob is not None:
                return header_text(QCoreApplication.translate("compliance", ob.label))
            return _tr("按时率")
        if role == Qt.ItemDataRole.ToolTipRole:
            if ob is not None:
                return QCoreApplication.translate("compliance", ob.basis)
            if section == AS_OF_COL:
                return _tr("该村最近一个数据包的生成日期:看板只能反映到这一天为止的情况")
            if section == self.columnCount() - 1:
                return _tr("该村适用各项中按时完成的比例(未到期、无数据的不计)")
        return None

    # --- cells ------------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: C901 - one switch per role
        """Text, colours, tooltips and alignment of a cell."""
        if not index.isValid() or self.board is None:
            return None
        row, col = index.row(), index.column()
        ob = self.obligation_at(col)
        if self.is_total_row(row):
            return self._total_data(col, ob, role)
        village = self.board.villages[row]
        if ob is not None:
            cell = self.board.cell(village.code, ob.key)
            if role == Qt.ItemDataRole.DisplayRole:
                return cell_text(ob.key, cell)
            if role == Qt.ItemDataRole.BackgroundRole:
                return style.background(cell.state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return style.foreground(cell.state)
            if role == Qt.ItemDataRole.ToolTipRole:
                head = f"{village.name} · {QCoreApplication.translate('compliance', ob.label)}:" \
                       f"{style.short_label(cell.state)}({style.explanation(cell.state)})"
                tail = _tr("点击查看具体记录")
                return "\n".join(x for x in (head, cell.detail, tail) if x)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if col == VILLAGE_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return village.name + (_tr("(已停用)") if village.retired else "")
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr("{name}(代码 {code})").format(name=village.name, code=village.code)
            return None
        if col == AS_OF_COL:
            silent = village.silent_days
            if role == Qt.ItemDataRole.DisplayRole:
                return village.data_as_of or _tr("从未收到")
            if role == Qt.ItemDataRole.ForegroundRole and (silent is None or silent > SILENT_WARN_DAYS):
                return RED
            if role == Qt.ItemDataRole.ToolTipRole:
                if silent is None:
                    return _tr("还没有收到这个村的任何数据包")
                return _tr("已有 {days} 天没有收到这个村的数据包").format(days=silent)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        # 按时率
        if role == Qt.ItemDataRole.DisplayRole:
            return _percent(self.board.village_rate(village.code))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _total_data(self, col: int, ob, role: int):
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#f1efe8")
        if role == Qt.ItemDataRole.TextAlignmentRole and col != VILLAGE_COL:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and ob is not None:
            return _tr("全乡镇在这一项上按时完成的村所占比例(未到期、无数据的村不计)")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == VILLAGE_COL:
            return _tr("全乡镇按时率")
        if col == AS_OF_COL:
            return self.board.data_as_of or "—"
        if ob is not None:
            return _percent(self.board.rate(ob.key))
        shares = [self.board.village_rate(v.code) for v in self.board.villages]
        shares = [s for s in shares if s is not None]
        return _percent(sum(shares) / len(shares) if shares else None)
