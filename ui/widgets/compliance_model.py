"""The board as a table: villages down, obligations across, a township row at the bottom.

Columns: 村, 数据截至, one per obligation, 按时率. Each obligation cell shows
a short word and its count ("按时 3/3", "缺失 1/4") on its state's colour;
the tooltip explains every occurrence. The last row is the township's: per
village duty the share of villages on time, and for the township's own
duties (answering what villages reported) its own cell.

Rows sort by any column (`sort`, called by the view's header): names in
natural Chinese order (pinyin, "第二村" before "第十村"), dates as dates,
cells worst first, rates as numbers; the villages listed apart as 长期未报送
stay after the others whatever the order, and the township row stays last.
`set_behind_only` keeps the villages that are behind (`Board.behind`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from models.natural_order import with_arabic_numbers
from models.township import compliance as eng
from models.township.board import (
    DUE,
    LATE,
    MISSING,
    NA,
    NONE,
    OK,
    TOWNSHIP,
    Board,
    Cell,
    VillageHead,
)
from ui.widgets import compliance_style as style
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


def _percent(share: float | None, unknown: bool = True) -> str:
    """"83%"; without a rate: "无数据" when cells could not be told, "—" when nothing applied (all 未到期)."""
    if share is None:
        return _tr("无数据") if unknown else "—"
    return f"{round(share * 100)}%"


def header_text(label: str) -> str:
    """A long Chinese column title on two lines (村规民约 over 备案), so eleven columns fit a 1366 px screen."""
    if len(label) >= 5 and " " not in label:
        return f"{label[:-2]}\n{label[-2:]}"
    return label


#: Cells sort worst first (ascending): a gap, no data, late, not yet due, not required, on time.
_CELL_RANK = {MISSING: 0, NA: 1, LATE: 2, DUE: 3, NONE: 4, OK: 5}


def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    return collator


def name_key(collator: QCollator, name: str):
    """Natural Chinese order of a name: pinyin, numbers (also in Chinese numerals) as numbers."""
    return collator.sortKey(with_arabic_numbers(name))


def cell_key(cell: Cell) -> tuple[int, float]:
    """A cell's place when sorting: its state (worst first), then its share done."""
    return _CELL_RANK.get(cell.state, 1), (cell.done - cell.late) / cell.expected if cell.expected else 0.0


def behind_tooltip(median: float | None) -> str:
    """What “落后” means, with the median of this board."""
    return _tr("落后的村:本村职责中有“缺失”或“逾期”的格子,或本村按时率低于各村按时率的中位数(本期 {median}),"
               "或本村按时率为“无数据”。上报事项答复是乡镇的职责,不算。").format(median=_percent(median))


def cell_text(key: str, cell: Cell) -> str:
    """What the grid shows in a cell: the state's word and the count (or the cell's own words)."""
    if cell.state in (NA, NONE) and cell.note in ("", "—"):
        return style.short_label(cell.state)
    if cell.state == DUE and cell.done == 0:
        return style.short_label(DUE)
    if key in TEXT_NOTES:
        return QCoreApplication.translate("compliance", cell.note)
    return f"{style.short_label(cell.state)} {cell.note}".strip()



def _cell_look(key: str, cell, role: int):
    """A state cell's text and colours (a village's or the township's own), None for other roles."""
    if role == Qt.ItemDataRole.DisplayRole:
        return cell_text(key, cell)
    if role == Qt.ItemDataRole.BackgroundRole:
        return style.background(cell.state)
    if role == Qt.ItemDataRole.ForegroundRole:
        return style.foreground(cell.state)
    return None

class BoardModel(QAbstractTableModel):
    """A `Board` for a QTableView (read-only)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.board: Board | None = None
        self._rows: list[VillageHead] = []  # the villages shown, in display order
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._behind_only = False
        self._collator = _collator()
        self.median: float | None = None
        self._totals: dict[int, str] = {}

    def set_board(self, board: Board | None) -> None:
        """Show `board` (None: nothing), in the current order and filter."""
        self.beginResetModel()
        self.board = board
        self.median = board.median_rate() if board is not None else None
        self._totals: dict[int, str] = {}  # the township row's texts (each one reads every village)
        self._arrange()
        self.endResetModel()

    def set_behind_only(self, on: bool) -> None:
        """Show only the villages that are behind (`Board.behind`), or all of them."""
        if on == self._behind_only:
            return
        self.beginResetModel()
        self._behind_only = on
        self._arrange()
        self.endResetModel()

    def behind_only(self) -> bool:
        """Whether only the villages behind are shown."""
        return self._behind_only

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: N802 - Qt API
        """Order the villages by `column` (-1: as registered, by code); 长期未报送 stay after the others."""
        self.layoutAboutToBeChanged.emit()
        previous = self._sort[0]
        self._sort = (column, order)
        self._arrange()
        self.layoutChanged.emit()
        for section in {previous, column} - {-1}:  # the ▲/▼ moves
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    def shown_villages(self) -> list[VillageHead]:
        """The village rows, in display order."""
        return list(self._rows)

    def _arrange(self) -> None:
        board = self.board
        if board is None:
            self._rows = []
            return
        villages = list(board.villages)
        if self._behind_only:
            villages = [v for v in villages if board.behind(v.code, self.median)]
        column, order = self._sort
        if column >= 0:
            villages.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [v for v in villages if not board.is_silent(v)] + [v for v in villages if board.is_silent(v)]

    def _key(self, column: int):
        board = self.board
        ob = self.obligation_at(column)
        if ob is not None:
            return lambda v: cell_key(board.cell(v.code, ob.key))
        if column == VILLAGE_COL:
            return lambda v: name_key(self._collator, v.name)
        if column == AS_OF_COL:
            return lambda v: v.data_as_of  # ISO dates; never ("") first: the oldest news
        return lambda v: (r if (r := board.village_rate(v.code)) is not None else -1.0)  # 无数据 below 0%

    # --- shape ------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Villages shown plus the township row."""
        if parent.isValid() or self.board is None or not self.board.villages:
            return 0
        return len(self._rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """村, 数据截至, the obligations, 按时率."""
        if parent.isValid():
            return 0
        return FIRST_OBLIGATION_COL + len(eng.OBLIGATIONS) + 1

    def is_total_row(self, row: int) -> bool:
        """Whether `row` is the township row at the bottom."""
        return self.board is not None and row == len(self._rows)

    def obligation_at(self, column: int):
        """The obligation of a column (None for the other columns)."""
        i = column - FIRST_OBLIGATION_COL
        return eng.OBLIGATIONS[i] if 0 <= i < len(eng.OBLIGATIONS) else None

    def village_at(self, row: int):
        """The village of a row (None for the township row)."""
        if self.board is None or not 0 <= row < len(self._rows):
            return None
        return self._rows[row]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles; the obligation's legal basis as tooltip."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        ob = self.obligation_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(section, ob) + self._arrow(section)
        if role == Qt.ItemDataRole.FontRole and ob is not None and ob.duty_of == TOWNSHIP:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            click = _tr("点击表头排序,再点一次倒序。")
            if ob is not None and ob.duty_of == TOWNSHIP:
                return "\n".join((QCoreApplication.translate("compliance", ob.basis), _tr(
                    "这是乡镇的职责:各村一格是乡镇对该村上报事项的答复情况,不计入该村的按时率;"
                    "最下一行是乡镇本级的情况。"), click))
            if ob is not None:
                return QCoreApplication.translate("compliance", ob.basis) + "\n" + click
            if section == AS_OF_COL:
                return _tr("该村最近一个数据包的生成日期:看板只能反映到这一天为止的情况") + "\n" + click
            if section == self.columnCount() - 1:
                return _tr("该村本村职责中按时完成的比例:“无数据”算作未按时,未到期、不适用的不计;"
                           "什么都无法判断时显示“无数据”") + "\n" + click
            return _tr("按村名排序(拼音,数字按大小)。") + click
        return None

    def _title(self, section: int, ob) -> str:
        if section == VILLAGE_COL:
            return _tr("村")
        if section == AS_OF_COL:
            return _tr("数据截至")
        if ob is not None:
            return header_text(QCoreApplication.translate("compliance", ob.label))
        return _tr("按时率")

    def _arrow(self, section: int) -> str:
        """▲ (ascending) or ▼ after the title of the column the rows are sorted by."""
        column, order = self._sort
        if section != column:
            return ""
        return "▲" if order == Qt.SortOrder.AscendingOrder else "▼"

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column the rows are sorted by (-1: as registered) and the order."""
        return self._sort

    # --- cells ------------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: C901 - one switch per role
        """Text, colours, tooltips and alignment of a cell."""
        if not index.isValid() or self.board is None:
            return None
        row, col = index.row(), index.column()
        ob = self.obligation_at(col)
        if self.is_total_row(row):
            return self._total_data(col, ob, role)
        village = self._rows[row]
        if ob is not None:
            cell = self.board.cell(village.code, ob.key)
            shown = _cell_look(ob.key, cell, role)
            if shown is not None:
                return shown
            if role == Qt.ItemDataRole.ToolTipRole:
                head = f"{village.name} · {QCoreApplication.translate('compliance', ob.label)}:" \
                       f"{style.short_label(cell.state)}({style.explanation(cell.state)})"
                duty = _tr("这是乡镇的职责,不计入该村的按时率") if ob.duty_of == TOWNSHIP else ""
                tail = _tr("点击查看具体记录")
                return "\n".join(x for x in (head, duty, cell.detail, tail) if x)
            if role == Qt.ItemDataRole.FontRole and ob.duty_of == TOWNSHIP:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if col == VILLAGE_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return village.name + (_tr("(已停用)") if village.retired else "")
            if role == Qt.ItemDataRole.ToolTipRole:
                text = _tr("{name}(代码 {code})").format(name=village.name, code=village.code)
                if self.board.is_silent(village):
                    text += "\n" + _tr("长期未报送:超过 {days} 天没有收到数据包(或从未收到),排在最后").format(
                        days=self.board.silent_after_days)
                return text
            if role == Qt.ItemDataRole.ForegroundRole and self.board.is_silent(village):
                return RED
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
            unknown = any(self.board.cell(village.code, o.key).state == NA for o in self.board.village_obligations)
            return _percent(self.board.village_rate(village.code), unknown)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and self.board.village_rate(village.code) is None:
            return style.foreground(NA)
        return None

    def _total_data(self, col: int, ob, role: int):
        own = ob is not None and ob.duty_of == TOWNSHIP
        if own:
            return self._township_data(ob, role)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#f1efe8")
        if role == Qt.ItemDataRole.TextAlignmentRole and col != VILLAGE_COL:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            if ob is not None:
                return _tr("全乡镇在这一项上按时完成的村所占比例(“无数据”的村算作未按时,未到期、不适用的不计)")
            if col == VILLAGE_COL:
                return _tr("这一行是乡镇的:各村职责一栏是全乡镇的按时率,乡镇职责一栏是乡镇本级的情况")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        text = self._totals.get(col)
        if text is None:
            text = self._totals[col] = self._total_text(col, ob)
        return text

    def _total_text(self, col: int, ob) -> str:
        """The township row's text in column `col` (`_total_data` keeps it for the board shown)."""
        if col == VILLAGE_COL:
            return _tr("全乡镇按时率")
        if col == AS_OF_COL:
            return self.board.data_as_of or "—"
        if ob is not None:
            unknown = any(self.board.cell(v.code, ob.key).state == NA for v in self.board.villages)
            return _percent(self.board.rate(ob.key), unknown)
        return _percent(self.board.overall_rate())

    def _township_data(self, ob, role: int):
        """The township's own cell (its duty), in the township row: state colours like a village's cell."""
        cell = self.board.township_cell(ob.key)
        shown = _cell_look(ob.key, cell, role)
        if shown is not None:
            return shown
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            head = _tr("乡镇本级 · {obligation}:{state}({meaning})").format(
                obligation=QCoreApplication.translate("compliance", ob.label), state=style.short_label(cell.state),
                meaning=style.explanation(cell.state))
            return "\n".join(x for x in (head, cell.detail, _tr("点击查看具体记录")) if x)
        return None
