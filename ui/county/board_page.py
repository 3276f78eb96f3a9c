"""合规看板 (county): townships × obligations, then a township's villages, then a village's cells.

Three levels in one page, one table each, with a breadcrumb above them
(全县 › 城关镇 › 青山村) and 返回上一级: double-click a row, or Enter on
it, to go down; Backspace or Alt+← to go up. The first level sums each
township's board (`ui.county.board_model`); the second is that township's
own board, drawn by the township's model so it looks exactly as the
township sees it; the third spells one village's cells out with their
counts and reasons. The county board (one GROUP BY over the period,
`county_service.board`) is read on a worker; a township's board is one
township's cells, read when it is opened; going up queries nothing.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import county_service
from desktop.services import county_views as cv
from desktop.services.county_service import CountyBoard, TownshipHead
from desktop.services.session import Session
from models.errors import CunwuError
from models.township.board import Board, VillageHead
from ui.county.board_model import CountyBoardModel, percent
from ui.county.legend_strip import LegendStrip
from ui.county.township_board_model import CountyTownshipBoardModel
from ui.county.village_cells_model import VillageCellsModel
from ui.county.village_cells_view import VillageCellsTable
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.column_widths import sampled_widths
from ui.widgets.enter_key import on_enter
from ui.widgets.scaled_label import ScaledLabel, scale_font

COUNTY_LEVEL, TOWNSHIP_LEVEL, VILLAGE_LEVEL = 0, 1, 2
QUARTER, YEAR = "quarter", "year"


def _grid(table: QTableView | None = None) -> QTableView:
    """A board table: cells keep their colours (nothing is selected), the keyboard moves a current cell."""
    table = table if table is not None else QTableView()
    table.verticalHeader().setVisible(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if not isinstance(table, VillageCellsTable):  # its 说明 wraps
        table.setWordWrap(False)
    table.setMouseTracking(True)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(64)
    if isinstance(table, VillageCellsTable):  # a dozen rows, two of its columns shared out by `fit_columns`
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # the others (a row per township, a row per village) get `sampled_widths` once their model is set
    return table


class CountyBoardPage(QWidget):
    """The page of the county's navigation area “合规看板”."""

    def __init__(self, session: Session, paths: AppPaths | None = None, parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._session = session
        self._today = today
        self.board: CountyBoard | None = None
        self.township: Board | None = None  # the township opened (level 2 and 3)
        self.village: VillageHead | None = None  # the village opened (level 3)
        self._pending = False
        self._shown_once = False
        self.jobs = Runner(self, writes=False)
        self.jobs.busy_changed.connect(self._on_busy)
        self.jobs.progress.connect(self._on_progress)

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("季度"), QUARTER)
        self.kind_combo.addItem(self.tr("年度"), YEAR)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(10)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        header = QHBoxLayout()
        header.addWidget(ScaledLabel(self.tr("合规看板"), 1.5, bold=True))
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("期间:")))
        header.addWidget(self.kind_combo)
        header.addWidget(self.period_combo)
        header.addWidget(self.refresh_button)

        self.back_button = QPushButton(self.tr("← 返回上一级"))
        self.back_button.setToolTip(self.tr("也可以按退格键(Backspace)或 Alt+←"))
        self.back_button.clicked.connect(self.go_up)
        #: 全县 › 城关镇 › 青山村: the levels above the one shown are links (names escaped: they are outside text).
        self.crumbs = QLabel()
        self.crumbs.setTextFormat(Qt.TextFormat.RichText)
        self.crumbs.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.crumbs.linkActivated.connect(lambda level: self._go_to(int(level)))
        scale_font(self.crumbs, 1.15)
        trail = QHBoxLayout()
        trail.addWidget(self.back_button)
        trail.addSpacing(8)
        trail.addWidget(self.crumbs, 1)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.jobs.cancel)
        self._busy_row = QWidget()
        busy = QHBoxLayout(self._busy_row)
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self._busy_row.setVisible(False)

        self.county_model = CountyBoardModel(self)
        self.county_table = _grid()
        self.county_table.horizontalHeader().setMinimumSectionSize(48)
        self.county_table.setModel(self.county_model)
        # measured once per board from the titles and a sample of rows (and on a font change), draggable:
        # `ResizeToContents` asked every cell for every role again on each change
        self.county_widths = sampled_widths(self.county_table, follow_model=False)
        self.county_table.setSortingEnabled(True)
        self.county_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # after setSortingEnabled, which shows Qt's indicator again (it reserves room in every section):
        # the models mark the sorted column's title with ▲/▼ instead
        self.county_table.horizontalHeader().setSortIndicatorShown(False)
        self.township_model = CountyTownshipBoardModel(self)
        self.township_table = _grid()
        # eleven columns in about 830 px at 1024×600, a year's "无数据 2/4" included: titles of at most
        # four characters a line (the model), less room beside a title, no floor above a cell's width
        self.township_table.horizontalHeader().setMinimumSectionSize(48)
        self.township_table.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 6px 3px; }")
        self.township_table.setModel(self.township_model)
        self.township_widths = sampled_widths(self.township_table, follow_model=False)
        self.township_table.setSortingEnabled(True)
        self.township_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # after setSortingEnabled, which shows Qt's indicator again (it reserves room in every section):
        # the models mark the sorted column's title with ▲/▼ instead
        self.township_table.horizontalHeader().setSortIndicatorShown(False)
        self.village_model = VillageCellsModel(self)
        self.village_table = _grid(VillageCellsTable())
        self.village_table.setModel(self.village_model)  # 说明 stretches and wraps, 依据 on one line
        for table, down in ((self.county_table, self.open_current_township),
                            (self.township_table, self.open_current_village)):
            table.doubleClicked.connect(lambda index, down=down: down(index.row()))
            on_enter(table, lambda down=down, table=table: down(table.currentIndex().row()))

        self.empty_label = QLabel(self.tr(
            "还没有导入任何乡镇的县级汇总包。\n\n各乡镇在“报表”页导出县级汇总包(U 盘上的 .cwpkg 文件)交来后,"
            "在“乡镇”页导入,这里就会显示每个乡镇、每个村的村务公开、会议、村规民约备案是否按时按规完成。"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setProperty("role", "hint")
        self.stack = QStackedWidget()
        for widget in (self.county_table, self.township_table, self.village_table, self.empty_label):
            self.stack.addWidget(widget)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)

        self.legend = LegendStrip()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(trail)
        layout.addWidget(self.summary_label)
        layout.addWidget(self._busy_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)

        for keys in (QKeySequence(Qt.Key.Key_Backspace), QKeySequence("Alt+Left")):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.go_up)

        self._fill_periods(cv.default_period(self._today))
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self._show_level(COUNTY_LEVEL)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Read again when the page comes back on screen: a package may have been imported meanwhile."""
        super().showEvent(event)
        if self._shown_once and not event.spontaneous() and not self.jobs.is_busy():
            self.refresh()
        self._shown_once = True

    # --- periods ------------------------------------------------------------------------------------

    def _fill_periods(self, select: str) -> None:
        quarters = self.kind_combo.currentData() == QUARTER
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for code, label in cv.period_choices():
            if ("Q" in code) == quarters:
                self.period_combo.addItem(label, code)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(select)))
        self.period_combo.blockSignals(False)

    def _on_kind_changed(self) -> None:
        default = cv.default_period(self._today)
        year = (self.period() or default)[:4]
        # back to quarters: the last ended one of this year (the one a county checks now), else its 第四季度
        quarter = default if default.startswith(year) else f"{year}Q4"
        self._fill_periods(year if self.kind_combo.currentData() == YEAR else quarter)
        self.reload()

    def period(self) -> str:
        """The chosen period code ("2026Q3" or "2026")."""
        return self.period_combo.currentData() or ""

    def set_period(self, code: str) -> None:
        """Choose a period (as a person would with the two boxes) and compute it."""
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(0 if "Q" in code else 1)
        self.kind_combo.blockSignals(False)
        self._fill_periods(code)
        self.reload()

    # --- computing ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """A package arrived: the periods and the boards again (staying on the level shown)."""
        self._fill_periods(self.period() or cv.default_period(self._today))
        self.reload()

    def reload(self) -> None:
        """Read every township's board for the chosen period on a worker thread."""
        period = self.period()
        if not period:
            return
        if self.jobs.is_busy():
            self._pending = True
            self.jobs.cancel()
            return
        self.summary_label.setText(self.tr("正在读取各乡镇的数据……"))
        self.jobs.run_call(lambda: county_service.board(period), self._on_done, self._on_failed)

    def is_busy(self) -> bool:
        """Whether the boards are being read."""
        return self.jobs.is_busy()

    def _on_busy(self, busy: bool) -> None:
        self._busy_row.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        if not busy and self._pending:
            self._pending = False
            self.reload()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _on_failed(self, exc: BaseException) -> None:
        self.summary_label.setText(self.tr("读取失败:{reason}").format(reason=error_text(exc)))

    def _on_done(self, board: CountyBoard) -> None:
        self.board = board
        self.county_model.set_board(board)
        # Stay where the person was: the same township and village in the new period, when still there.
        township = next((t for t in board.townships if self.township and t.code == self.township.township_code), None)
        village = self.village
        self._show_level(COUNTY_LEVEL)
        if township is not None and self.open_township(township) and village is not None:
            same = next((v for v in self.township.villages if v.code == village.code), None)
            if same is not None:
                self.open_village(same)
        self.county_widths.fit()

    # --- levels -------------------------------------------------------------------------------------

    def level(self) -> int:
        """COUNTY_LEVEL, TOWNSHIP_LEVEL or VILLAGE_LEVEL: what the page shows."""
        return self._level

    def open_current_township(self, row: int) -> bool:
        """Double-click or Enter on the county table: open that row's township."""
        township = self.county_model.township_at(row)
        return township is not None and self.open_township(township)

    def open_current_village(self, row: int) -> bool:
        """Double-click or Enter on a township's table: open that row's village (not the township row)."""
        village = self.township_model.village_at(row)
        return village is not None and self.open_village(village)

    def open_township(self, township: TownshipHead) -> bool:
        """Show a township's villages × obligations (False, said in the summary, if it cannot be read)."""
        try:
            board = cv.township_board(township.code, self.period(), self._today)
        except CunwuError as exc:
            self.summary_label.setText(error_text(exc))
            return False
        self.township, self.village = board, None
        self.township_model.set_board(board)
        self.township_widths.fit()
        self._show_level(TOWNSHIP_LEVEL)
        return True

    def open_village(self, village: VillageHead) -> bool:
        """Show one village's cells of the township open."""
        if self.township is None:
            return False
        self.village = village
        board = self.township
        self.village_model.set_cells([(o, board.cell(village.code, o.key)) for o in board.obligations])
        self._show_level(VILLAGE_LEVEL)
        self.village_table.fit_columns()
        return True

    def go_up(self) -> None:
        """One level up (返回上一级, Backspace, Alt+←), the row left selected."""
        if self._level == VILLAGE_LEVEL:
            village = self.village
            self.village = None
            self._show_level(TOWNSHIP_LEVEL)
            rows = self.township_model.shown_villages()
            if village is not None and village in rows:
                self.township_table.setCurrentIndex(self.township_model.index(rows.index(village), 0))
        elif self._level == TOWNSHIP_LEVEL:
            code = self.township.township_code if self.township is not None else None
            self.township = None
            self._show_level(COUNTY_LEVEL)
            rows = [t.code for t in self.county_model.shown_townships()]
            if code in rows:
                self.county_table.setCurrentIndex(self.county_model.index(rows.index(code), 0))

    def _go_to(self, level: int) -> None:
        while self._level > level:
            self.go_up()

    def _show_level(self, level: int) -> None:
        self._level = level
        tables = (self.county_table, self.township_table, self.village_table)
        if level == COUNTY_LEVEL and (self.board is None or not any(t.last_number for t in self.board.townships)):
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(tables[level])
            table = tables[level]
            if not table.currentIndex().isValid() and table.model().rowCount() > 0:
                table.setCurrentIndex(table.model().index(0, 0))
            table.setFocus()
        self.back_button.setEnabled(level > COUNTY_LEVEL)
        self.legend.show_county_note(level == COUNTY_LEVEL)
        self._fill_crumbs()
        self.summary_label.setText(self._summary())
        self.hint.setText((
            self.tr("双击一个乡镇(或用方向键选中后按回车),查看它的各村;点击表头排序;鼠标停在格子上可看各状态的村数。"),
            self.tr("双击一个村(或选中后按回车),查看它每一项的完成情况和原因;按退格键返回全县。"),
            self.tr("这是该乡镇汇总包里这个村的情况;按退格键返回乡镇。"),
        )[level])

    def _fill_crumbs(self) -> None:
        names = [self.tr("全县")]
        if self._level >= TOWNSHIP_LEVEL and self.township is not None:
            names.append(self.township.township_name)
        if self._level >= VILLAGE_LEVEL and self.village is not None:
            names.append(self.village.name)
        parts = [f'<a href="{level}">{html.escape(name)}</a>' for level, name in enumerate(names[:-1])]
        parts.append(f"<b>{html.escape(names[-1])}</b>")
        self.crumbs.setText(" › ".join(parts))

    def _summary(self) -> str:
        period_label = self.period_combo.currentText()
        county = self.board
        if county is None or not county.townships:
            return self.tr("{period} · 还没有登记任何乡镇").format(period=period_label)
        if self._level == COUNTY_LEVEL:
            return self.tr("{county} · {period} · {n} 个乡镇 · {v} 个村 · 全县按时率 {rate}").format(
                county=county.county_name, period=period_label, n=len(county.townships), v=county.villages,
                rate=percent(county.overall_rate(), self.tr("无数据")))
        board = self.township
        if self._level == TOWNSHIP_LEVEL:
            return self.tr("{township}(代码 {code})· {period} · {n} 个村 · 数据截至 {as_of}").format(
                township=board.township_name, code=board.township_code, period=period_label,
                n=len(board.villages), as_of=board.data_as_of or self.tr("无"))
        village = self.village
        return self.tr("{village}(代码 {code}),{township} · {period} · 该村数据截至 {as_of}").format(
            village=village.name, code=village.code, township=board.township_name, period=period_label,
            as_of=village.data_as_of or self.tr("从未收到"))
