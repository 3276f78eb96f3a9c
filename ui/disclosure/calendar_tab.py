"""公开日历: the year's statutory obligations as a grid, each coloured by how it was met.

Row one is the monthly 财务收支 (when the village is held to it), row two the
quarterly 村务 posting, one cell spanning its three months. A cell with a
posting opens it; so does one whose posting is under way (a draft, in review:
never a second draft for the same period); an empty one starts the posting
for that period. A right click on a cell with a draft offers 放弃草稿.
Below, the 随时 items of the year: one row per event, due the profile's days
after it, in the same states and colours; a row opens its item.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services import ui_support_disclosure
from desktop.services.disclosure_service import ObligationRow
from models.disclosure import calendar as cal
from models.disclosure import catalogue as cat
from ui.disclosure.ad_hoc_model import TITLE, AdHocModel
from ui.errors import message_text
from ui.widgets.disclosure_labels import (
    obligation_background,
    obligation_color,
    obligation_label,
)
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.tables import read_only_view

MONTHLY, QUARTERLY = 0, 1
_ROW = Qt.ItemDataRole.UserRole


class CalendarTab(QWidget):
    """Year combo, the grid, the counts and the legend."""

    open_requested = Signal(str)
    new_requested = Signal(str, str, str)  # subject, period kind, period
    abandon_requested = Signal(str)  # the draft of an obligation (right click → 放弃草稿)

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._today = today
        self.rows: list[ObligationRow] = []
        self.year_combo = QComboBox()
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)  # our coloured counts, escaped
        self.summary_label.setWordWrap(True)
        self.grid = QTableWidget(2, 12)
        self.grid.setHorizontalHeaderLabels([self.tr("{n}月").format(n=n) for n in range(1, 13)])
        self.grid.setVerticalHeaderLabels([self.tr("财务收支\n(每月)"), self.tr("村务公开\n(每季度)")])
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped lines at the current column width (a narrow
        # screen or a large font wraps 按时公开 / 4月20日前 / 点击打开 onto more lines);
        # the grid keeps every row in view (see _fit_height).
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        line = self.fontMetrics().height()
        self.grid.verticalHeader().setMinimumSectionSize(int(line * 4.6))
        self.grid.verticalHeader().setDefaultSectionSize(int(line * 4.6))
        self.grid.horizontalHeader().sectionResized.connect(self._fit_height)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for q in range(4):
            self.grid.setSpan(QUARTERLY, q * 3, 1, 3)
        self.grid.cellClicked.connect(self._on_cell)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._on_menu)
        self.menu: QMenu | None = None
        self.grid.setCursor(Qt.CursorShape.PointingHandCursor)
        legend = QLabel(" ".join(
            f"<span style='background:{obligation_background(code).name()}; color:{obligation_color(code).name()};'>"
            f"&nbsp;{escape(obligation_label(code))}&nbsp;</span>"
            for code in (cal.DONE_ON_TIME, cal.DONE_LATE, cal.OVERDUE, cal.DUE_SOON, cal.NOT_DUE, cal.BEFORE_USE)))
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)  # on one line the six states needed 723 px at 特大 (a netbook scrolled sideways)
        hint = QLabel(self.tr("点击一格打开那一期的公开;还没有公开的,点击即可新建。"
                              "期限按本村所在省份的规定计算。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.practice_note = QLabel()  # a deadline that is practice, not law (浙江's 20th): says 惯例
        self.practice_note.setProperty("role", "hint")
        self.practice_note.setWordWrap(True)
        self.practice_note.hide()
        self.ad_hoc_rule = QLabel()
        self.ad_hoc_rule.setProperty("role", "hint")
        self.ad_hoc_rule.setWordWrap(True)
        self.ad_hoc_empty = QLabel(self.tr("这一年还没有登记随时公开的事项(工程项目、村民会议决定等,在“公开清单”中新建)。"))
        self.ad_hoc_empty.setProperty("role", "hint")
        self.ad_hoc_empty.setWordWrap(True)
        self.ad_hoc_model = AdHocModel(self)
        self.ad_hoc_table = read_only_view(self.ad_hoc_model, TITLE)
        self.ad_hoc_table.setAlternatingRowColors(False)  # the rows carry their state's background
        self.ad_hoc_table.setCursor(Qt.CursorShape.PointingHandCursor)
        self.ad_hoc_table.clicked.connect(self._on_ad_hoc_row)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份:")))
        top.addWidget(self.year_combo)
        top.addSpacing(16)
        top.addWidget(self.summary_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid)
        layout.addWidget(legend)
        layout.addWidget(hint)
        layout.addWidget(self.practice_note)
        layout.addSpacing(6)
        layout.addWidget(ScaledLabel(self.tr("随时公开的事项"), 1.08, bold=True))
        layout.addWidget(self.ad_hoc_rule)
        layout.addWidget(self.ad_hoc_table, 1)
        layout.addWidget(self.ad_hoc_empty, 1, Qt.AlignmentFlag.AlignTop)  # only one of the two is shown
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _today_date(self) -> date:
        return self._today or date.today()

    def _fill_years(self) -> None:
        this_year = self._today_date().year
        years = sorted(set(ui_support_disclosure.item_years()) | {this_year}, reverse=True)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            if year <= this_year:
                self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current or this_year), 0))
        self.year_combo.blockSignals(False)

    def year(self) -> int:
        """The year shown."""
        return self.year_combo.currentData() or self._today_date().year

    def set_year(self, year: int) -> None:
        """Show `year` (as the combo would)."""
        index = self.year_combo.findData(year)
        if index < 0:
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)

    def reload_years(self) -> None:
        """Items of a new year may have been added."""
        self._fill_years()
        self.refresh()

    def refresh(self, *_args) -> None:
        """Recompute the obligations of the year."""
        year = self.year()
        self.rows = ds.calendar_year(year, self._today, since=ds.records_began())
        for row in range(2):
            for column in range(12):
                self.grid.setItem(row, column, self._empty_cell())
        monthly = False
        for o in self.rows:
            if o.kind == "monthly_finance":
                monthly = True
                self.grid.setItem(MONTHLY, int(o.period[5:7]) - 1, self._cell(o))
            elif o.kind == "quarterly":
                self.grid.setItem(QUARTERLY, (int(o.period[-1]) - 1) * 3, self._cell(o))
        self.grid.setRowHidden(MONTHLY, not monthly)
        self._fit_height()
        self._fill_ad_hoc([o for o in self.rows if o.kind == "ad_hoc"])
        counts = Counter(o.status for o in self.rows)
        ad_hoc = sum(1 for o in self.rows if o.kind == "ad_hoc")
        head = self.tr("{year} 年应公开 {n} 期").format(year=year, n=len(self.rows) - ad_hoc)
        if ad_hoc:
            head += self.tr(",随时公开 {n} 项").format(n=ad_hoc)
        parts = [escape(head)]
        for code in (cal.DONE_ON_TIME, cal.DONE_LATE, cal.OVERDUE, cal.DUE_SOON, cal.NOT_DUE, cal.BEFORE_USE):
            if counts[code]:
                parts.append(f"<span style='color:{obligation_color(code).name()}'>"
                             f"{escape(obligation_label(code))} {counts[code]}</span>")
        self.summary_label.setText(" · ".join(parts))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Re-fit the rows once the columns took the new width."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_height)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Re-fit the rows: the columns may have changed width while the tab was hidden."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_height)

    def _fit_height(self, *_args) -> None:
        """Rows as tall as their wrapped text, the grid exactly as tall as its rows (no row cut off)."""
        option = QStyleOptionViewItem()
        self.grid.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        for row in range(2):
            need = self.grid.verticalHeader().minimumSectionSize()
            for column in range(12):
                if self.grid.item(row, column) is None:
                    continue
                span = range(column, column + self.grid.columnSpan(row, column))
                option.rect = QRect(0, 0, sum(self.grid.columnWidth(c) for c in span), 10_000)
                index = self.grid.model().index(row, column)
                need = max(need, self.grid.itemDelegateForIndex(index).sizeHint(option, index).height())
            need += 1 if self.grid.showGrid() else 0  # the grid line is part of the row
            if self.grid.rowHeight(row) != need:
                self.grid.setRowHeight(row, need)
        rows_height = sum(self.grid.rowHeight(r) for r in range(2) if not self.grid.isRowHidden(r))
        self.grid.setFixedHeight(self.grid.horizontalHeader().sizeHint().height() + rows_height
                                 + 2 * self.grid.frameWidth())

    def _fill_ad_hoc(self, rows: list[ObligationRow]) -> None:
        note = ui_support_disclosure.deadline_practice_note()
        self.practice_note.setText(message_text(note) if note else "")
        self.practice_note.setVisible(note is not None)
        days, by_law = ui_support_disclosure.ad_hoc_days()
        self.ad_hoc_rule.setText(
            self.tr("事情发生(或作出决定)后 {days} 日内公开,按本省规定。").format(days=days) if by_law else
            self.tr("本省规定“随时公开”,没有写明天数;这里按通行做法,以事情发生后 {days} 日内为期限。").format(days=days))
        self.ad_hoc_model.set_context(self.year(), ds.own_subject_labels())
        self.ad_hoc_model.set_rows(rows)
        self.ad_hoc_table.setVisible(bool(rows))
        self.ad_hoc_empty.setVisible(not rows)

    def ad_hoc_at(self, row: int) -> ObligationRow | None:
        """The 随时 obligation of a row of the lower table."""
        return self.ad_hoc_model.row_at(row) if 0 <= row < self.ad_hoc_model.rowCount() else None

    def _on_ad_hoc_row(self, index: QModelIndex) -> None:
        o = self.ad_hoc_at(index.row())
        if o is not None and o.item_id:
            self.open_requested.emit(o.item_id)

    def _empty_cell(self) -> QTableWidgetItem:
        item = QTableWidgetItem(self.tr("尚未到期"))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setForeground(obligation_color(cal.NOT_DUE))
        return item

    def _cell(self, o: ObligationRow) -> QTableWidgetItem:
        due = date.fromisoformat(o.due)
        lines = [obligation_label(o.status), self.tr("{m}月{d}日前").format(m=due.month, d=due.day)]
        lines.append(self.tr("点击打开") if o.item_id else self.tr("点击打开草稿") if o.draft_id
                     else self.tr("点击新建"))
        item = QTableWidgetItem("\n".join(lines))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setBackground(obligation_background(o.status))
        item.setForeground(obligation_color(o.status))
        font = item.font()
        font.setBold(o.status in (cal.OVERDUE, cal.DUE_SOON))
        item.setFont(font)
        period = cat.period_label(cat.MONTH if o.kind == "monthly_finance" else cat.QUARTER, o.period)
        if o.status == cal.BEFORE_USE:
            item.setToolTip(self.tr("{period}:截止 {due},在本村开始使用本软件之前,不作判断;"
                                    "以前的公开可以补录。").format(period=period, due=o.due))
        else:
            item.setToolTip(self.tr("{period}:{status},截止 {due}").format(
                period=period, status=obligation_label(o.status), due=o.due))
        item.setData(_ROW, o)
        return item

    def obligation_at(self, row: int, column: int) -> ObligationRow | None:
        """The obligation shown in a cell (None for an empty one)."""
        item = self.grid.item(row, column)
        return item.data(_ROW) if item is not None else None

    def cell_of(self, period: str) -> tuple[int, int]:
        """Where the obligation of `period` ("2026-03" or "2026Q1") is drawn."""
        if "Q" in period:
            return QUARTERLY, (int(period[-1]) - 1) * 3
        return MONTHLY, int(period[5:7]) - 1

    def _on_cell(self, row: int, column: int) -> None:
        o = self.obligation_at(row, column)
        if o is None:
            return
        if o.item_id or o.draft_id:
            self.open_requested.emit(o.item_id or o.draft_id)
        elif o.kind == "monthly_finance":
            self.new_requested.emit("finance_monthly", cat.MONTH, o.period)
        else:
            self.new_requested.emit("village_affairs", cat.QUARTER, o.period)

    def _on_menu(self, point: QPoint) -> None:
        index = self.grid.indexAt(point)
        o = self.obligation_at(index.row(), index.column()) if index.isValid() else None
        if o is None or not o.draft_id:
            return
        draft_id = o.draft_id
        self.menu = QMenu(self)
        self.menu.addAction(self.tr("打开草稿"), lambda: self.open_requested.emit(draft_id))
        self.menu.addAction(self.tr("放弃草稿…"), lambda: self.abandon_requested.emit(draft_id))
        self.menu.popup(self.grid.viewport().mapToGlobal(point))
