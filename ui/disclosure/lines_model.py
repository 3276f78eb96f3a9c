"""The line items of a 财务公开表 as typed: a table model over text, and a keyboard-fast view.

Cells keep what the person typed; amounts are parsed with
`models.disclosure.money.parse_fen` on every change, so a cell that is not
money turns red with the reason as its tooltip and never becomes a guess.
Enter commits a cell and moves to the next one; from the last column it goes
to the next row, adding one at the end of the table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from models.disclosure import financial_table as ft
from models.disclosure.financial_table import Line
from models.disclosure.money import MoneyError, format_fen, parse_fen
from models.typed_dates import DateError, parse_typed_date
from ui.widgets.palette import RED, RED_BACKGROUND
from ui.widgets.tables import keep_column_readable, keep_rows_visible

DAY, VOUCHER, SUMMARY, CATEGORY, INCOME, EXPENSE, HANDLER = range(7)
AMOUNTS = (INCOME, EXPENSE)
_INVALID_BACKGROUND = RED_BACKGROUND
_DAY_SHORT = re.compile(r"^(\d{1,2})$")

_Index = QModelIndex | QPersistentModelIndex
#: What a column typically holds, to size it by (the title may be wider).
_COLUMN_SAMPLES = {DAY: "2026-11-28", VOUCHER: "记-0123", CATEGORY: "经营收入", INCOME: "9,999,999.99",
                   EXPENSE: "9,999,999.99", HANDLER: "王文书"}


class FinancialLinesModel(QAbstractTableModel):
    """Rows of seven text cells. `edited` after every change a person (or an import) makes."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[list[str]] = [[""] * 7]
        self._editable = True
        self._month = ""  # "2026-10": a bare day "3" becomes "2026-10-03"
        self._headers = [self.tr("日期"), self.tr("凭证号"), self.tr("摘要"), self.tr("科目"),
                         self.tr("收入(元)"), self.tr("支出(元)"), self.tr("经手人")]

    # --- contents -------------------------------------------------------------

    def set_month(self, month: str) -> None:
        """The posting's month ("2026-10"), used to complete a typed day of the month."""
        self._month = month

    def month(self) -> str:
        """The posting's month ("2026-10"), or "" for a table that is not monthly."""
        return self._month

    def completed(self, lines: list[Line]) -> list[Line]:
        """`lines` (e.g. imported) with their dates written as the editor writes typed ones."""
        return [replace(x, day=self._complete_day(x.day)) for x in lines]

    def set_editable(self, editable: bool) -> None:
        """Read-only once the table was submitted."""
        self._editable = editable

    def set_lines(self, lines: list[Line]) -> None:
        """Replace every row with `lines` (plus one empty row to type into when editable)."""
        self.beginResetModel()
        self._rows = [[x.day, x.voucher, x.summary, x.category,
                       format_fen(x.income_fen) if x.income_fen else "",
                       format_fen(x.expense_fen) if x.expense_fen else "", x.handler] for x in lines]
        if self._editable or not self._rows:
            self._rows.append([""] * 7)
        self.endResetModel()
        self.edited.emit()

    def typed_rows(self) -> list[list[str]]:
        """Every non-blank row as typed (seven texts): what a kept draft holds and what “unsaved” compares."""
        return [list(row) for r, row in enumerate(self._rows) if not self.is_blank(r)]

    def set_typed_rows(self, rows: list[list[str]]) -> None:
        """Put rows kept by `typed_rows` back (plus the empty row to type into)."""
        self.beginResetModel()
        self._rows = [[str(cell) for cell in (list(row) + [""] * 7)[:7]] for row in rows]
        if self._editable or not self._rows:
            self._rows.append([""] * 7)
        self.endResetModel()
        self.edited.emit()

    def append_row(self) -> int:
        """Add an empty row at the end; returns its number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([""] * 7)
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        """Delete row `row` (an empty row stays so there is always one to type into)."""
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        if not self._rows:
            self.append_row()
        self.edited.emit()

    def text(self, row: int, column: int) -> str:
        """The cell as typed."""
        return self._rows[row][column]

    def amount(self, row: int, column: int) -> tuple[int, str]:
        """(分, "") for a good amount or a blank cell, (0, reason) for text that is not money."""
        text = self._rows[row][column].strip()
        if not text:
            return 0, ""
        try:
            return parse_fen(text), ""
        except MoneyError as exc:
            return 0, exc.reason

    def is_blank(self, row: int) -> bool:
        """Whether every cell of `row` is empty."""
        return not any(cell.strip() for cell in self._rows[row])

    def lines(self) -> list[Line]:
        """The non-blank rows as `Line`s (an unreadable amount counts as 0; see `invalid_cells`)."""
        out = []
        for r, row in enumerate(self._rows):
            if self.is_blank(r):
                continue
            out.append(Line(row[DAY].strip(), row[VOUCHER].strip(), row[SUMMARY].strip(), row[CATEGORY].strip(),
                            self.amount(r, INCOME)[0], self.amount(r, EXPENSE)[0], row[HANDLER].strip()))
        return out

    def invalid_cells(self) -> list[tuple[int, int, str, str]]:
        """(line number counted as in `lines()`, column, text, reason) of every amount that is not money."""
        out = []
        n = 0
        for r in range(len(self._rows)):
            if self.is_blank(r):
                continue
            n += 1
            for column in AMOUNTS:
                reason = self.amount(r, column)[1]
                if reason:
                    out.append((n, column, self._rows[r][column], reason))
        return out

    def _complete_day(self, text: str) -> str:
        """A typed date as yyyy-MM-dd: "3" is the 3rd of the posting's month, "10.3" of its year.

        Text that is not a date (or a day that does not exist) is kept as typed;
        the cell turns red and the check says why.
        """
        text = text.strip()
        short = _DAY_SHORT.match(text)
        if short and self._month:
            text = f"{self._month}-{int(short.group(1)):02d}"
        year = int(self._month[:4]) if self._month else None
        try:
            return parse_typed_date(text, year).isoformat()
        except DateError:
            return text

    def day_problem(self, row: int) -> str:
        """Why the 日期 of `row` is not a date ("" when it is one, or blank)."""
        return ft.day_problem(self._rows[row][DAY], self._month)

    # --- Qt model -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Rows, including the empty one at the end."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Seven columns."""
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Column titles; rows are numbered."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Editable cells while the table is a draft."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self._editable else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Text as typed (amounts shown as 1,234.50 once they are money); red with the reason when not."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        text = self._rows[row][column]
        if role == Qt.ItemDataRole.EditRole:
            return text
        if column in AMOUNTS:
            fen, reason = self.amount(row, column)
            if role == Qt.ItemDataRole.DisplayRole:
                return format_fen(fen) if text.strip() and not reason else text
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if reason and role == Qt.ItemDataRole.ForegroundRole:
                return RED
            if reason and role == Qt.ItemDataRole.BackgroundRole:
                return _INVALID_BACKGROUND
            if reason and role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("“{text}”{reason}。金额可以写成 1,234.5 或 1234.50元").format(text=text, reason=reason)
            return None
        if column == DAY and text.strip():
            problem = ft.day_problem(text, self._month)
            if problem and role == Qt.ItemDataRole.ForegroundRole:
                return RED
            if problem and role == Qt.ItemDataRole.BackgroundRole:
                return _INVALID_BACKGROUND
            if problem and role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("“{text}”{reason}").format(text=text, reason=problem)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text or None
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        """Store what was typed (a bare day of the month is completed to a date)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self._editable:
            return False
        text = str(value or "")
        if index.column() == DAY:
            text = self._complete_day(text)
        if self._rows[index.row()][index.column()] == text:
            return True
        self._rows[index.row()][index.column()] = text
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class _CellDelegate(QStyledItemDelegate):
    """The default line-edit editor; remembers the open one so a save can commit it first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor: QWidget | None = None

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        """A line edit, remembered until it closes."""
        self.editor = super().createEditor(parent, option, index)
        return self.editor

    def destroyEditor(self, editor, index):  # noqa: N802 - Qt API
        """Forget the editor."""
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)


class FinancialLinesView(QTableView):
    """Spreadsheet-like entry: type to start, Enter to go on, a new row after the last column."""

    def __init__(self, model: FinancialLinesModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self._delegate = _CellDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        keep_rows_visible(self, 4)

    def fit_columns(self) -> None:
        """Each column as wide as its title or what it typically holds, 摘要 taking the rest.

        Widths in ems (7.5 for a date, 5.5 for 凭证号…) added up to more than a
        1024-pixel screen with the 特大 font: the editor scrolled sideways. A
        date is ten digits, an amount "9,999,999.99", a 凭证号 "记-0123"; a
        column is the wider of that and its title, plus the cell's margins.
        """
        cell = self.fontMetrics()
        title = self.horizontalHeader().fontMetrics()
        pad = cell.horizontalAdvance("国")  # the cell's (and the title's) margins, and a little air
        model = self.model()
        for column, sample in _COLUMN_SAMPLES.items():
            heading = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            self.setColumnWidth(column, max(cell.horizontalAdvance(sample), title.horizontalAdvance(heading)) + pad)
        keep_column_readable(self, SUMMARY, 8)  # 摘要 is what a villager reads first

    def lines_model(self) -> FinancialLinesModel:
        """The model."""
        return self.model()  # type: ignore[return-value]

    def cell_editor(self) -> QWidget | None:
        """The line edit of the cell being typed into (None when no cell is open)."""
        return self._delegate.editor

    def commit_editor(self) -> None:
        """Commit and close the cell being typed into (before saving)."""
        editor = self._delegate.editor
        if editor is not None:
            self._delegate.commitData.emit(editor)
            self._delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def start_typing(self, row: int = 0, column: int = 0) -> None:
        """Put the cursor on a cell and open its editor."""
        index = self.model().index(row, column)
        self.setCurrentIndex(index)
        self.setFocus()
        self.edit(index)

    def advance(self) -> None:
        """Move to the next cell (the next row after the last column) and start typing there."""
        model = self.lines_model()
        if not model.flags(self.currentIndex()) & Qt.ItemFlag.ItemIsEditable:
            return
        current = self.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, -1)
        column += 1
        if column >= model.columnCount():
            row, column = row + 1, 0
        if row >= model.rowCount():
            model.append_row()
        self.start_typing(row, column)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt API
        """Enter (submit) moves on instead of staying on the cell."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.advance()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter on a cell that is not being edited moves on too; Delete clears the cell."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.advance()
            return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.model().setData(self.currentIndex(), "")
            return
        super().keyPressEvent(event)
