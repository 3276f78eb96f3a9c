"""合规看板: villages × obligations for a quarter or a year, coloured, with the data's age and a trend.

The board is computed on a worker thread (`ui.operations.Runner`, which opens
the worker's own connection), with a progress bar and a cancel
button; the page shows the last board until the new one arrives. Clicking a
cell opens the records behind it (the township row's own duty: every
village's matters waiting for the township). A header click sorts; “只看落后的村”
keeps the villages behind (defined in its tooltip). The villages silent for
more than `Board.silent_after_days` are listed apart under the grid with
the date of their last package. Until any village's package has been
imported the page says so instead of showing an empty grid.

The 8-quarter trend costs twice the board itself: it is computed after the
board is shown, on a second worker, and only while it is on screen (on a
1024 px screen it is folded away until asked for). The columns are measured
once per board from their titles and the cells' texts (`SampledWidths`), not
re-measured cell by cell by Qt on every change.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import compliance_service as cs
from desktop.services.session import Session
from models.township.board import TOWNSHIP, Board, VillageHead
from models.township.compliance import ANSWER_DAYS
from ui.errors import error_text
from ui.operations import Runner
from ui.township.compliance_chart import TrendChart
from ui.township.compliance_records import CellRecordsDialog
from ui.widgets.column_widths import sampled_widths
from ui.widgets.compliance_model import FIRST_OBLIGATION_COL, BoardModel, behind_tooltip
from ui.widgets.compliance_style import Legend, short_label
from ui.widgets.enter_key import on_enter
from ui.widgets.scaled_label import ScaledLabel

QUARTER, YEAR = "quarter", "year"


def _card() -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    return frame


class CompliancePage(QWidget):
    """The page of navigation area “合规看板” (township mode)."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._session = session
        self._today = today
        self.board: Board | None = None
        self.records_dialog: CellRecordsDialog | None = None
        self.jobs = Runner(self, writes=False)
        self.jobs.busy_changed.connect(self._on_busy)
        self.jobs.progress.connect(self._on_progress)
        self._pending: str | None = None
        #: The trend: computed apart, once the board is shown and only when it is on screen.
        self.trend_jobs = Runner(self, writes=False)
        self.trend_jobs.busy_changed.connect(self._on_trend_busy)
        self._trend_period: str | None = None  # the period whose trend is shown or being computed
        #: Trends computed since the records were last read (a period chosen again shows its trend at once).
        self._trends: dict[str, tuple[tuple[str, float], ...]] = {}
        self._generation = 0  # `refresh` counts up: a trend computed before it is not kept

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("季度"), QUARTER)
        self.kind_combo.addItem(self.tr("年度"), YEAR)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(12)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        self.behind_check = QCheckBox(self.tr("只看落后的村"))
        self.behind_check.setToolTip(behind_tooltip(None))
        header = QHBoxLayout()
        header.addWidget(ScaledLabel(self.tr("合规看板"), 1.5, bold=True))
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("期间:")))
        header.addWidget(self.kind_combo)
        header.addWidget(self.period_combo)
        header.addWidget(self.refresh_button)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.jobs.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self._busy_row = QWidget()
        self._busy_row.setLayout(busy)
        self._busy_row.setVisible(False)

        self.model = BoardModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMouseTracking(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setMinimumSectionSize(72)
        # measured once per board (and on a font change), draggable; `ResizeToContents` asked every cell
        # for every role again and again (71,872 `data()` calls at 200 villages)
        self.widths = sampled_widths(self.table, follow_model=False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as registered
        self.table.setSortingEnabled(True)  # a header click calls model.sort
        # Qt's indicator reserves room in every section (eleven columns no longer fit 1366 px): the model
        # marks the sorted column's title with ▲/▼ instead.
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.behind_check.toggled.connect(self._on_behind_toggled)
        self.table.clicked.connect(self._on_cell_clicked)
        # Keyboard: arrows move the current cell (nothing is selected, the colours stay), Enter opens it.
        on_enter(self.table, self.open_current)
        hint = QLabel(self.tr("点击任一格子(或用方向键选中后按回车),查看它背后的记录;点击表头排序;"
                              "鼠标停在格子上可看说明。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)  # one line of it made the page 896 px wide at 1024×600 (room: 850)

        self.trend = TrendChart()
        trend_card = _card()
        trend_layout = QVBoxLayout(trend_card)
        trend_layout.setContentsMargins(12, 10, 12, 10)
        trend_title = QLabel(self.tr("近八个季度全乡镇按时率"))
        trend_title.setStyleSheet("font-weight: bold;")
        trend_layout.addWidget(trend_title)
        trend_layout.addWidget(self.trend)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(Legend())
        side.addWidget(trend_card)
        side.addStretch(1)
        side_content = QWidget()
        side_content.setLayout(side)
        # The legend and the trend scroll on their own: their full height (about 440 px) made the whole
        # page taller than a 1024×600 window when shown there, so the hint under the grid was cut off.
        # An ignored vertical size hint lets the grid's column decide the page's height.
        side_box = QScrollArea()
        side_box.setWidget(side_content)
        side_box.setWidgetResizable(True)
        side_box.setFrameShape(QFrame.Shape.NoFrame)
        side_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        side_box.setFixedWidth(270)
        self.side_box = side_box
        # On a narrow screen (1024 px) the grid needs the width: the legend and the trend give way, and a
        # button brings them back (`_fit_side`).
        self.side_button = QPushButton(self.tr("图例和趋势"))
        self.side_button.setCheckable(True)
        self.side_button.setToolTip(self.tr("屏幕较窄时,图例和近八个季度的趋势收起,让表格完整显示;点此展开或收起。"))
        self.side_button.setVisible(False)
        self.side_button.toggled.connect(lambda _on: self._fit_side())

        # The villages listed apart (长期未报送) and the township's own duties, under the grid.
        self.silent_label = QLabel()
        self.silent_label.setWordWrap(True)
        self.silent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.township_label = QLabel()
        self.township_label.setWordWrap(True)
        self.township_label.setTextFormat(Qt.TextFormat.PlainText)
        self.apart = _card()
        apart_layout = QVBoxLayout(self.apart)
        apart_layout.setContentsMargins(12, 6, 12, 6)
        apart_layout.setSpacing(2)
        apart_layout.addWidget(self.township_label)
        apart_layout.addWidget(self.silent_label)
        self.apart.setVisible(False)

        grid_box = QVBoxLayout()
        grid_box.setContentsMargins(0, 0, 0, 0)
        grid_box.addWidget(self.table, 1)
        grid_box.addWidget(self.apart)
        grid_box.addWidget(hint)
        content = QHBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(grid_box, 1)
        content.addWidget(side_box)
        board_page = QWidget()
        board_page.setLayout(content)

        self.empty_label = QLabel(self.tr(
            "还没有收到任何村的数据包。\n\n各村把数据包(U 盘上的 .cwpkg 文件)交来后,在“村庄”页导入,"
            "这里就会显示每个村的村务公开、会议、民主评议、村规民约备案是否按时按规完成。"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(board_page)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        # the summary wraps beside the view options, so the header row stays as narrow as it was
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.side_button)
        summary_row.addWidget(self.behind_check)
        layout.addLayout(summary_row)
        layout.addWidget(self._busy_row)
        layout.addWidget(self.stack, 1)

        self._fill_periods(cs.default_period(self._today_or_now()))
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.reload()

    # --- periods ------------------------------------------------------------------------------------

    def _today_or_now(self) -> date:
        return self._today or date.today()

    def _fill_periods(self, select: str) -> None:
        kind = self.kind_combo.currentData()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for code in cs.periods(self._today_or_now()):
            is_quarter = "Q" in code
            if (kind == QUARTER) == is_quarter:
                self.period_combo.addItem(cs.parse_period(code)[2], code)
        index = self.period_combo.findData(select)
        self.period_combo.setCurrentIndex(max(0, index))
        self.period_combo.blockSignals(False)

    def _on_kind_changed(self) -> None:
        current = self.period() or cs.default_period(self._today_or_now())
        year = current[:4]
        if self.kind_combo.currentData() == YEAR:
            select = year
        else:
            select = f"{year}Q4" if year < cs.default_period(self._today_or_now())[:4] else \
                cs.default_period(self._today_or_now())
        self._fill_periods(select)
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
        """Records changed (a package arrived) or 刷新: compute the board again, and its trend."""
        self._trends.clear()
        self._generation += 1
        self.reload()

    def reload(self) -> None:
        """Compute the board for the chosen period on a worker thread."""
        period = self.period()
        if not period:
            return
        self._trend_period = None  # decided when the board comes (`_on_done`: kept, or computed again)
        if self.jobs.is_busy():
            self._pending = period  # computed when the running job ends
            self.jobs.cancel()
            return
        self.summary_label.setText(self.tr("正在统计各村数据……"))
        today = self._today
        self.jobs.run(lambda progress, cancelled: cs.board(period, today, progress, cancelled, with_trend=False),
                      self._on_done, self._on_failed)

    def is_busy(self) -> bool:
        """Whether a board is being computed."""
        return self.jobs.is_busy()

    def _on_busy(self, busy: bool) -> None:
        self._busy_row.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        if not busy and self._pending:
            self._pending = None
            QTimer.singleShot(0, self, self.reload)  # after the finished job's own callback (not once the page is gone)

    def _on_progress(self, done: int, total: int) -> None:
        # at most about fifty steps: each one repaints the bar at once (200 villages: 0.2 s of the page)
        if done == total or done % max(1, total // 50) == 0:
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(done)

    def _on_done(self, board: Board) -> None:
        self.board = board
        self.model.set_board(board)
        points = self._trends.get(board.period)  # the board comes without its trend (`reload`)
        if points is not None or self._trend_period != board.period:  # else: the trend of this period is there
            self._trend_period = board.period if points is not None else None
            self.trend.set_points(points or ())
        received = any(v.data_as_of for v in board.villages)
        self.stack.setCurrentIndex(0 if received else 1)
        self.summary_label.setText(self._summary(board, received))
        self.behind_check.setToolTip(behind_tooltip(self.model.median))
        self._fill_apart(board)
        self.widths.fit()
        self._fit_side()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Give the grid the width it needs before the legend and the trend (see `_fit_side`)."""
        super().resizeEvent(event)
        self._fit_side()

    def _fit_side(self) -> None:
        """Show the legend and trend beside the grid when all columns still fit; else only on request."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        frame = self.table.frameWidth() * 2 + self.table.verticalScrollBar().sizeHint().width()
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        # No grid on screen (no village has sent data: the empty page): nothing to make room for.
        grid_shown = self.stack.currentIndex() == 0 and self.model.columnCount() > 0
        narrow = grid_shown and columns + frame + self.side_box.width() + 12 > room
        self.side_button.setVisible(narrow)
        self.side_box.setVisible(not narrow or self.side_button.isChecked())
        self._want_trend()

    # --- the trend ----------------------------------------------------------------------------------

    def _want_trend(self) -> None:
        """Compute the trend of the board shown, once it is on screen (not again for the same period)."""
        board = self.board
        if not shiboken6.isValid(self.side_box):  # the job ended after the window closed the page
            return
        if board is None or not self.side_box.isVisibleTo(self) or self._trend_period == board.period:
            return
        if self.trend_jobs.is_busy():  # another period's: stop it, this one follows (`_on_trend_busy`)
            self.trend_jobs.cancel()
            return
        period, today, generation = board.period, self._today, self._generation
        self._trend_period = period
        self.trend.set_pending(True)
        self.trend_jobs.run(lambda _progress, cancelled: cs.trend(period, today, None, cancelled),
                            lambda points: self._on_trend(period, generation, points),
                            lambda exc: self._on_trend_failed(period, exc))

    def trend_ready(self) -> bool:
        """Whether the trend beside the board is computed (or not wanted: folded away, no board)."""
        return not self.trend_jobs.is_busy() and (
            self.board is None or not self.side_box.isVisibleTo(self) or self._trend_period == self.board.period)

    def _on_trend(self, period: str, generation: int, points: tuple[tuple[str, float], ...]) -> None:
        if generation == self._generation:  # read before a refresh: shown at most, never kept
            self._trends[period] = points
        if self.board is not None and self.board.period == period:
            self.trend.set_points(points)

    def _on_trend_failed(self, period: str, exc: BaseException) -> None:
        """Cancelled (another board came: computed again for it) or failed (not retried): an empty chart."""
        if self._trend_period != period:  # another period's trend is shown or computed by now
            return
        if isinstance(exc, cs.Cancelled):
            self._trend_period = None
        self.trend.set_points(())

    def _on_trend_busy(self, busy: bool) -> None:
        if not busy:
            self.trend.set_pending(False)
            QTimer.singleShot(0, self, self._want_trend)  # a board of another period came meanwhile

    def _on_behind_toggled(self, on: bool) -> None:
        self.model.set_behind_only(on)
        if self.board is not None:
            self.summary_label.setText(self._summary(self.board, any(v.data_as_of for v in self.board.villages)))

    def _fill_apart(self, board: Board) -> None:
        """The township's own duties and the villages silent too long, one short line each (more in tooltips)."""
        lines = []
        for ob in board.township_obligations:
            cell = board.township_cell(ob.key)
            note = "" if cell.note in ("", "—") else f",{cell.note}"
            lines.append(self.tr("乡镇本级 · {obligation}:{state}{note}(乡镇的职责,不计入各村按时率)").format(
                obligation=QCoreApplication.translate("compliance", ob.label), state=short_label(cell.state),
                note=note))
        self.township_label.setText("\n".join(lines))
        self.township_label.setToolTip(self.tr("各村上报、等乡镇答复的事项:期限 {days} 天。点击表格最下一行的这一格,"
                                               "查看每一件。").format(days=ANSWER_DAYS))
        self.township_label.setVisible(bool(lines))
        silent = board.silent_villages
        if silent:
            never = self.tr("从未报送")
            items = [self.tr("{name}({never})").format(name=v.name, never=never) if not v.data_as_of
                     else self.tr("{name}(最后数据包 {day},已 {days} 天)").format(
                         name=v.name, day=v.data_as_of, days=v.silent_days) for v in silent]
            self.silent_label.setText(self.tr("长期未报送的村(超过 {days} 天没有数据包):{items}").format(
                days=board.silent_after_days, items="、".join(items)))
            self.silent_label.setToolTip(self.tr(
                "超过 {days} 天没有收到数据包(或从未收到)的村排在表格最后。它们无法判断的格子显示“无数据”,"
                "算作未按时计入按时率:不报送不等于履行了。").format(days=board.silent_after_days))
        self.silent_label.setVisible(bool(silent))
        self.apart.setVisible(bool(lines) or bool(silent))

    def _summary(self, board: Board, received: bool) -> str:
        if not board.villages:
            return self.tr("{township} · {period} · 还没有登记任何村").format(
                township=board.township_name, period=board.period_label)
        if not received:
            return self.tr("{township} · {period} · 已登记 {n} 个村,都还没有交来数据包").format(
                township=board.township_name, period=board.period_label, n=len(board.villages))
        silent = sum(1 for v in board.villages if not v.data_as_of)
        text = self.tr("{township} · {period}({start} 至 {end})· {n} 个村 · 数据截至 {as_of}").format(
            township=board.township_name, period=board.period_label, start=board.start.isoformat(),
            end=board.end.isoformat(), n=len(board.villages), as_of=board.data_as_of)
        if silent:
            text += self.tr(" · 其中 {n} 个村还没有交来数据包").format(n=silent)
        if self.model.behind_only():
            text += self.tr(" · 只看落后的村:{shown} 个").format(shown=len(self.model.shown_villages()))
        return text

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, cs.Cancelled):
            self.summary_label.setText(self.tr("已取消统计。"))
            return
        self.summary_label.setText(self.tr("统计失败:{reason}").format(reason=error_text(exc)))

    # --- drill-down ---------------------------------------------------------------------------------

    def _on_cell_clicked(self, index: QModelIndex) -> None:
        if index.column() < FIRST_OBLIGATION_COL:
            return
        self.open_cell(index.row(), index.column())

    def open_current(self) -> CellRecordsDialog | None:
        """Enter: the records behind the cell the keyboard is on."""
        index = self.table.currentIndex()
        if not index.isValid() or index.column() < FIRST_OBLIGATION_COL:
            return None
        return self.open_cell(index.row(), index.column())

    def open_cell(self, row: int, column: int) -> CellRecordsDialog | None:
        """Open the records behind the cell at (row, column) of the grid (the township row: its own duty)."""
        village = self.model.village_at(row)
        ob = self.model.obligation_at(column)
        if ob is None or self.board is None:
            return None
        if village is None:
            if not self.model.is_total_row(row) or ob.duty_of != TOWNSHIP:
                return None
            rows = cs.township_records(ob.key, self.board.period, self._today)
            own = VillageHead(self.board.township_code, self.tr("乡镇本级"), "", self.board.data_as_of)
            cell = self.board.township_cell(ob.key)
            as_of = self.tr("各村上报、等乡镇答复的事项,每一件一行(期限 {days} 天)").format(days=ANSWER_DAYS)
        else:
            rows = cs.cell_records(village.code, ob.key, self.board.period, self._today)
            own, cell, as_of = village, self.board.cell(village.code, ob.key), None
        if self.records_dialog is not None:
            self.records_dialog.close()
        self.records_dialog = CellRecordsDialog(own, ob, self.board.period_label, cell, rows, self, as_of)
        self.records_dialog.show()
        return self.records_dialog
