"""The county's board as a table: townships down, the same obligations across.

Each township × obligation cell sums that township's villages: the share of
them on time (无数据 counting as not, as on the township's own board), on
the colour of the worst state among them — one village 缺失 turns the cell
red even at 97 %, because the county is asked to see the gaps, not an
average that hides them. The tooltip counts every state. The township's
own duty (answering what its villages reported) is a column too, in
italics as on the township's board, never in the 按时率.

Columns: 乡镇, 村数, 数据截至, one per obligation, 按时率. Rows sort by any
column (names in natural Chinese order, cells worst first).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.services.county_service import CountyBoard, StateCounts, TownshipHead
from models.township.board import DUE, LATE, MISSING, NA, NONE, OK, TOWNSHIP, Obligation
from ui.widgets import compliance_style as style
from ui.widgets.compliance_model import _collator, header_text, name_key
from ui.widgets.palette import RED

_C = "county_board"
_Index = QModelIndex | QPersistentModelIndex

TOWNSHIP_COL, VILLAGES_COL, AS_OF_COL = 0, 1, 2
FIRST_OBLIGATION_COL = 3
#: The colour of a township's cell: the worst state among its villages (left first).
_WORST_FIRST = (MISSING, NA, LATE, OK, DUE, NONE)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def short_header(label: str) -> str:
    """An obligation's title on two short lines (村务 over 公开, 村民代表 over 会议).

    A county cell holds only "83%": its column is no wider than its title, and twelve columns fit
    a 1024 px screen.
    """
    if len(label) == 4 and " " not in label:
        return f"{label[:2]}\n{label[2:]}"
    return header_text(label)


def worst_state(counts: StateCounts) -> str:
    """The state a township's cell is coloured with: the worst one any of its villages is in.

    A township without cells for the period (no 汇总包 covers it) is 无数据, never 不适用.
    """
    if not counts.total:
        return NA
    return next((s for s in _WORST_FIRST if counts.get(s)), NONE)


def percent(rate: float | None, unknown_text: str = "") -> str:
    """"83%", or `unknown_text` (无数据 / —) without a rate."""
    return unknown_text if rate is None else f"{round(rate * 100)}%"


def cell_text(counts: StateCounts, rate: float | None) -> str:
    """What a county cell shows: the rate, or the state's word when no rate can be given."""
    if rate is not None:
        return percent(rate)
    return style.short_label(worst_state(counts))


def cell_tooltip(township: str, obligation: Obligation, counts: StateCounts) -> str:
    """Each state and how many of the township's villages are in it."""
    label = QCoreApplication.translate("compliance", obligation.label)
    parts = [_tr("{state} {n} 个村").format(state=style.short_label(s), n=counts.get(s))
             for s in (OK, LATE, DUE, MISSING, NA, NONE) if counts.get(s)]
    how = (_tr("这是乡镇的职责(答复各村上报的事项):按时率 = 按时答复的村 ÷ 已有结果的村")
           if obligation.duty_of == TOWNSHIP else
           _tr("按时率 = 按时的村 ÷ 需要完成的村(无数据算作未按时,未到期、不适用的不计)"))
    return "\n".join((f"{township} · {label}", "、".join(parts) or _tr("没有村"), how,
                      _tr("双击(或回车)查看该乡镇各村")))


class CountyBoardModel(QAbstractTableModel):
    """A `county_service.CountyBoard` for a QTableView (read-only), one row per township."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.board: CountyBoard | None = None
        self._rows: list[TownshipHead] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._collator = _collator()

    def set_board(self, board: CountyBoard | None) -> None:
        """Show `board` (None: nothing), in the current order."""
        self.beginResetModel()
        self.board = board
        self._rows = list(board.townships) if board is not None else []
        self._arrange()
        self.endResetModel()

    def shown_townships(self) -> list[TownshipHead]:
        """The township rows, in display order."""
        return list(self._rows)

    def township_at(self, row: int) -> TownshipHead | None:
        """The township on `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def obligation_at(self, column: int) -> Obligation | None:
        """The obligation of a column (None for the other columns)."""
        obligations = self.board.obligations if self.board is not None else ()
        i = column - FIRST_OBLIGATION_COL
        return obligations[i] if 0 <= i < len(obligations) else None

    # --- sorting ----------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: N802 - Qt API
        """Order the townships by `column` (names naturally, cells worst first, rates as numbers)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._arrange()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))

    def _arrange(self) -> None:
        column, order = self._sort
        if column >= 0 and self.board is not None:
            self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def _key(self, column: int):
        board = self.board
        ob = self.obligation_at(column)
        if ob is not None:
            def by_cell(t: TownshipHead):
                rate = board.rate(t.code, ob.key)
                return _WORST_FIRST.index(worst_state(board.count(t.code, ob.key))), -1.0 if rate is None else rate
            return by_cell
        if column == TOWNSHIP_COL:
            return lambda t: name_key(self._collator, t.name)
        if column == VILLAGES_COL:
            return lambda t: t.villages
        if column == AS_OF_COL:
            return lambda t: t.data_as_of
        return lambda t: (r if (r := board.township_rate(t.code)) is not None else -1.0)

    # --- shape ------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """One row per township."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """乡镇, 村数, 数据截至, the obligations, 按时率."""
        if parent.isValid() or self.board is None:
            return 0
        return FIRST_OBLIGATION_COL + len(self.board.obligations) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles (▲/▼ on the sorted one); the legal basis as tooltip."""
        if orientation != Qt.Orientation.Horizontal or self.board is None:
            return None
        ob = self.obligation_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == TOWNSHIP_COL:
                title = _tr("乡镇")
            elif section == VILLAGES_COL:
                title = _tr("村数")
            elif section == AS_OF_COL:
                title = _tr("数据截至")
            elif ob is not None:
                title = short_header(QCoreApplication.translate("compliance", ob.label))
            else:
                title = _tr("按时率")
            column, order = self._sort
            arrow = ("▲" if order == Qt.SortOrder.AscendingOrder else "▼") if section == column else ""
            return title + arrow
        if role == Qt.ItemDataRole.FontRole and ob is not None and ob.duty_of == TOWNSHIP:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            click = _tr("点击表头排序,再点一次倒序。")
            if ob is not None:
                return QCoreApplication.translate("compliance", ob.basis) + "\n" + click
            if section == AS_OF_COL:
                return _tr("该乡镇汇总包里这一期间最新的村数据日期:看板只能反映到这一天为止的情况") + "\n" + click
            if section == self.columnCount() - 1:
                return _tr("该乡镇各村本村职责中按时完成的格子所占比例(无数据算作未按时)") + "\n" + click
            return click
        return None

    # --- cells ------------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: C901 - one switch per role
        """Text, colours and tooltips of a cell."""
        if not index.isValid() or self.board is None:
            return None
        board = self.board
        township = self._rows[index.row()]
        col = index.column()
        ob = self.obligation_at(col)
        if ob is not None:
            counts = board.count(township.code, ob.key)
            if role == Qt.ItemDataRole.DisplayRole:
                return cell_text(counts, board.rate(township.code, ob.key))
            if role == Qt.ItemDataRole.BackgroundRole:
                return style.background(worst_state(counts))
            if role == Qt.ItemDataRole.ForegroundRole:
                return style.foreground(worst_state(counts))
            if role == Qt.ItemDataRole.ToolTipRole:
                return cell_tooltip(township.name, ob, counts)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role == Qt.ItemDataRole.FontRole and ob.duty_of == TOWNSHIP:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col != TOWNSHIP_COL:
            return Qt.AlignmentFlag.AlignCenter
        if col == TOWNSHIP_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return township.name + (_tr("(已停用)") if township.retired else "")
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr("{name}(代码 {code})\n双击(或回车)查看该乡镇各村").format(
                    name=township.name, code=township.code)
            return None
        if col == VILLAGES_COL:
            return str(township.villages) if role == Qt.ItemDataRole.DisplayRole else None
        if col == AS_OF_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                if township.data_as_of:
                    return township.data_as_of
                # a 汇总包 came, but it holds no cells of this period (its villages' records start later)
                return _tr("本期无数据") if township.last_number else _tr("从未收到")
            if role == Qt.ItemDataRole.ToolTipRole and not township.data_as_of and township.last_number:
                return _tr("已收到第 {n} 号汇总包,其中没有这一期间的数据(该乡镇各村的记录从更晚的期间开始)。").format(
                    n=township.last_number)
            if role == Qt.ItemDataRole.ForegroundRole and not township.data_as_of and not township.last_number:
                return RED
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            unknown = any(board.count(township.code, o.key).na for o in board.village_obligations)
            return percent(board.township_rate(township.code), _tr("无数据") if unknown else "—")
        return None
