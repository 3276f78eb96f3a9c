"""The 换届选举 board's table: one row per village that sent packages, filtered and sortable.

Columns: 村名, 阶段, 选举日, 登记选民, 投票率, 当选(人数/女性), 问题. A village
with a problem has its 问题 cell in red *and* the problems in words (never
colour alone); an invalid election's row says 选举无效 in words too. The
filter (全部 / 有问题的 / 未启动) and the sort (a header click) are the
model's own, so the row a person clicked is always `row_at(index)`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.township import elections_board as eb
from models.township.elections_board import BoardRow, ElectionBoard
from ui.widgets.palette import RED

_C = "elections_board"

VILLAGE, STAGE, DAY, REGISTERED, TURNOUT, ELECTED, PROBLEMS = range(7)
ALL, PROBLEMS_ONLY, NOT_STARTED = "all", "problems", "not_started"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def headers() -> list[str]:
    """The column titles, translated."""
    return [_tr("村名"), _tr("阶段"), _tr("选举日"), _tr("登记选民"), _tr("投票率"), _tr("当选/女性"),
            _tr("问题")]


def problems_text(row: BoardRow) -> str:
    """The 问题 cell: the problems in a few words each, "—" when none."""
    if not row.findings:
        return "—"
    seen: list[str] = []
    for f in row.findings:
        label = _tr(eb.FINDING_LABELS.get(f.key, f.key))
        if label not in seen:
            seen.append(label)
    return "、".join(seen)


def turnout_text(row: BoardRow) -> str:
    """投票率 as a percentage with one decimal ("—" before the vote)."""
    t = row.turnout
    return "—" if t is None else f"{t * 100:.1f}%"


def elected_text(row: BoardRow) -> str:
    """当选 members and the women among them, "5人/女1"; "—" before anyone is elected."""
    e = row.election
    if e is None or not e.members:
        return "—"
    return _tr("{n}人/女{women}").format(n=len(e.members), women=row.women_elected)


class ElectionsBoardModel(QAbstractTableModel):
    """The villages of an `ElectionBoard` that sent packages (the silent ones are listed apart)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[BoardRow] = []
        self._rows: list[BoardRow] = []
        self._filter = ALL
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- content ------------------------------------------------------------------------------

    def set_board(self, board: ElectionBoard | None) -> None:
        """Show `board` (None: nothing)."""
        self.beginResetModel()
        self._all = list(board.reporting) if board is not None else []
        self._apply()
        self.endResetModel()

    def set_filter(self, key: str) -> None:
        """ALL, PROBLEMS_ONLY (a finding of any kind) or NOT_STARTED."""
        self.beginResetModel()
        self._filter = key
        self._apply()
        self.endResetModel()

    def filter(self) -> str:
        """The filter in use."""
        return self._filter

    def row_at(self, row: int) -> BoardRow | None:
        """The village shown on table row `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        """The table row of the village `code` (-1 when filtered out)."""
        return next((i for i, r in enumerate(self._rows) if r.village.code == code), -1)

    def shown(self) -> list[BoardRow]:
        """The rows shown, in their order."""
        return list(self._rows)

    def _apply(self) -> None:
        rows = self._all
        if self._filter == PROBLEMS_ONLY:
            rows = [r for r in rows if r.findings]
        elif self._filter == NOT_STARTED:
            rows = [r for r in rows if r.stage == eb.NOT_STARTED]
        rows = list(rows)
        if self._sort is not None:
            column, order = self._sort
            rows.sort(key=lambda r: self._key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    @staticmethod
    def _key(r: BoardRow, column: int):
        e = r.election
        if column == STAGE:
            return eb.STAGES.index(r.stage), r.village.code
        if column == DAY:
            return (e.vote_day if e else "") or "9999", r.village.code
        if column == REGISTERED:
            return e.registered if e else -1, r.village.code
        if column == TURNOUT:
            return -1.0 if r.turnout is None else r.turnout, r.village.code
        if column == ELECTED:
            return (len(e.members) if e else -1), r.women_elected, r.village.code
        if column == PROBLEMS:
            errors = sum(1 for f in r.findings if f.severity == eb.ERROR)
            return errors, len(r.findings), r.village.code
        return r.village.code  # 村名: in the order of the village codes (the county's order)

    # --- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """Villages shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """Seven columns."""
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        """Column titles; the sorted one carries ▲/▼."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        title = headers()[section]
        if self._sort is not None and self._sort[0] == section:
            title += " ▲" if self._sort[1] == Qt.SortOrder.AscendingOrder else " ▼"
        return title

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """A header click: sort by that column."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        """Plain text; the 问题 cell red when there is one (and words in it)."""
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == PROBLEMS and r.findings:
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and column == PROBLEMS and r.findings:
            return "\n".join(_tr(eb.FINDING_LABELS.get(f.key, f.key)) for f in r.findings)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (REGISTERED, TURNOUT, ELECTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(r: BoardRow, column: int) -> str:
        e = r.election
        if column == VILLAGE:
            return r.village.name
        if column == STAGE:
            return _tr(eb.stage_label(r.stage))
        if column == DAY:
            return (e.vote_day if e else "") or "—"
        if column == REGISTERED:
            return str(e.registered) if e and e.registered else "—"
        if column == TURNOUT:
            return turnout_text(r)
        if column == ELECTED:
            return elected_text(r)
        return problems_text(r)
