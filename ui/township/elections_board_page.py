"""换届选举 (township): every village's 村委会 election — its stage, what is late or irregular, the 统计表.

The board is computed on a worker thread (`ui.operations.Runner`, with the
worker's own connection) from what the villages' packages brought
(`election_board_service.board`); the page shows the last board until the
new one arrives. The table (fixed column widths: a township has up to 200
villages) filters to 全部 / 有问题的 / 未启动 and sorts on a header click; the
panel beside it shows the selected village's steps and each finding with the
article. Villages that never sent a package are listed apart under the
table. 导出统计表 writes the county's 换届结果统计表 (.xlsx) off the UI
thread. Until some village has sent an election the page says so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import election_board_service as svc
from desktop.services.session import Session
from models.township import elections_board as eb
from models.township.elections_board import ElectionBoard
from ui.errors import error_text
from ui.operations import Runner
from ui.township.elections_board_detail import ElectionDetail
from ui.township.elections_board_model import (
    ALL,
    DAY,
    ELECTED,
    NOT_STARTED,
    PROBLEMS_ONLY,
    REGISTERED,
    STAGE,
    TURNOUT,
    VILLAGE,
    ElectionsBoardModel,
)
from ui.widgets.background import ask_save_path, xlsx_pattern
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import ScaledLabel

#: Sample contents each column is sized to (fixed widths: never measured over 200 rows' contents).
_SAMPLES = {VILLAGE: "枫树湾村村", STAGE: "选举委员会已推选", DAY: "2026-05-10", REGISTERED: "12345",
            TURNOUT: "100.0%", ELECTED: "7人/女2"}


class ElectionsBoardPage(QWidget):
    """The page of navigation area “换届选举” (township mode)."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._session = session
        self._today = today
        self.board: ElectionBoard | None = None
        self.written: Path | None = None
        self.jobs = Runner(self, writes=False)
        self.jobs.busy_changed.connect(self._on_busy)
        self._pending = False

        self.filter_combo = QComboBox()
        self.filter_combo.addItem(self.tr("全部"), ALL)
        self.filter_combo.addItem(self.tr("有问题的"), PROBLEMS_ONLY)
        self.filter_combo.addItem(self.tr("未启动"), NOT_STARTED)
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the counts grow
        self.filter_combo.currentIndexChanged.connect(self._on_filter)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("导出统计表…"))
        self.export_button.setToolTip(self.tr("把各村换届结果写成县里要的《村民委员会换届选举结果统计表》(.xlsx)"))
        self.export_button.clicked.connect(self.export_stats)
        header = QHBoxLayout()
        header.addWidget(ScaledLabel(self.tr("换届选举"), 1.5, bold=True))
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("显示:")))
        header.addWidget(self.filter_combo)
        header.addWidget(self.refresh_button)
        header.addWidget(self.export_button)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = FieldMessage()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setVisible(False)  # only after an export: no empty line above the table

        self.model = ElectionsBoardModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(False)  # the model marks the title with ▲/▼
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.silent_label = QLabel()
        self.silent_label.setWordWrap(True)
        self.silent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.silent_label.setProperty("role", "hint")
        self.silent_label.setVisible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.silent_label)

        self.detail = ElectionDetail()
        self.detail.setMinimumWidth(240)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._layout_wide: bool | None = None

        self.empty_label = QLabel(self.tr(
            "还没有哪个村交来换届选举的记录。\n\n各村在“换届选举”中登记选举委员会、选民名单、投票和当选公告后,"
            "把数据包交来并在“村庄”页导入,这里就会显示每个村的换届进度,以及名单公布、妇女成员、投票率、"
            "工作移交和离任审计是否合规。"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.reload()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        cells, titles = self.table.fontMetrics(), header.fontMetrics()
        for column, sample in _SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(cells.horizontalAdvance(sample),
                                             titles.horizontalAdvance(title + " ▲")) + 16)

    def table_width(self) -> int:
        """The width the table needs to show every column (the 问题 column at a readable minimum)."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in _SAMPLES)
        problems = self.table.fontMetrics().horizontalAdvance("名单公布不足二十日、无妇女成员")
        return fixed + problems + self.table.frameWidth() * 2 + self.table.verticalScrollBar().sizeHint().width()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Beside the table when both fit; under it on a narrow screen (1024 px), so no column hides."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        wide = room >= self.table_width() + self.splitter.handleWidth() + 300
        if wide == self._layout_wide:
            return
        self._layout_wide = wide
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        if wide:
            self.splitter.setSizes([self.table_width(), max(300, room - self.table_width())])
        else:
            # In pixels: [3, 2] was taken as sizes, not shares, and the (empty until a village is
            # clicked) detail got half the height; the table of 30 villages showed 7 rows at 1024×600.
            height = max(self.splitter.height(), self.height() - 120, 300)
            self.splitter.setSizes([height * 2 // 3, height - height * 2 // 3])

    # --- computing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Records changed (a package arrived): compute the board again."""
        self.reload()

    def reload(self) -> None:
        """Compute the board on a worker thread."""
        if self.jobs.is_busy():
            self._pending = True
            return
        self.summary_label.setText(self.tr("正在读取各村的换届选举记录……"))
        session, today = self._session, self._today
        self.jobs.run(lambda _progress, _cancelled: svc.board(session, today), self._on_done, self._on_failed)

    def is_busy(self) -> bool:
        """Whether a board is being computed or a sheet written."""
        return self.jobs.is_busy()

    def _on_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.board is not None and not self.board.empty)
        if not busy and self._pending:
            self._pending = False
            QTimer.singleShot(0, self, self.reload)

    def _on_done(self, board: ElectionBoard) -> None:
        code = self._current_code()
        self.board = board
        self.model.set_board(board)
        self.stack.setCurrentIndex(1 if board.empty else 0)
        self.export_button.setEnabled(not board.empty)
        self.summary_label.setText(self._summary(board))
        self._fill_silent(board)
        rows = board.reporting
        self.filter_combo.setItemText(0, self.tr("全部({n})").format(n=len(rows)))
        self.filter_combo.setItemText(1, self.tr("有问题的({n})").format(n=sum(1 for r in rows if r.findings)))
        self.filter_combo.setItemText(2, self.tr("未启动({n})").format(
            n=sum(1 for r in rows if r.stage == eb.NOT_STARTED)))
        row = self.model.row_of(code) if code else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.detail.show_row(None)

    def _on_failed(self, exc: BaseException) -> None:
        self.summary_label.setText(self.tr("读取失败:{reason}").format(reason=error_text(exc)))

    def _summary(self, board: ElectionBoard) -> str:
        rows = board.reporting
        if not board.rows:
            return self.tr("{township} · 还没有登记任何村").format(township=board.township_name)
        done = sum(1 for r in rows if r.stage in (eb.DONE, eb.HANDED_OVER))
        problems = sum(1 for r in rows if r.findings)
        invalid = sum(1 for r in rows if any(f.key == eb.TURNOUT_LOW for f in r.findings))
        waiting = sum(1 for r in rows if r.stage == eb.NOT_STARTED)
        text = self.tr("{township} · {n} 个村 · 已移交 {done} · 有问题 {problems}(其中选举无效 {invalid})"
                       " · 未启动 {waiting} · 判断日期 {today}").format(
            township=board.township_name, n=len(board.rows), done=done, problems=problems, invalid=invalid,
            waiting=waiting, today=board.today.isoformat())
        if board.silent:
            text += self.tr(" · 未交来数据包 {n} 个").format(n=len(board.silent))
        return text

    def _fill_silent(self, board: ElectionBoard) -> None:
        silent = board.silent
        self.silent_label.setVisible(bool(silent))
        if silent:
            self.silent_label.setText(self.tr("还没有交来数据包的村({n} 个,无法判断):{names}").format(
                n=len(silent), names="、".join(r.village.name for r in silent)))

    # --- table --------------------------------------------------------------------------------

    def _on_filter(self) -> None:
        code = self._current_code()
        self.model.set_filter(self.filter_combo.currentData())
        row = self.model.row_of(code) if code else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.detail.show_row(None)

    def set_filter(self, key: str) -> None:
        """Choose 全部 / 有问题的 / 未启动 (as a person would in the box)."""
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(key))

    def _current_code(self) -> str:
        r = self.model.row_at(self.table.currentIndex().row())
        return r.village.code if r else ""

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_row(self.model.row_at(current.row()) if current.isValid() else None)

    def select_village(self, code: str) -> bool:
        """Select the village `code` in the table (False when it is not shown)."""
        row = self.model.row_of(code)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    # --- the 统计表 -----------------------------------------------------------------------------

    def suggested_path(self) -> Path:
        """Where the save dialog starts: the documents folder, a name with the township and the day."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        board = self.board
        name = self.tr("{township}换届选举结果统计表_{day}.xlsx").format(
            township=board.township_name if board else "", day=(board.today if board else date.today()).isoformat())
        return Path(folder) / name

    def export_stats(self) -> bool:
        """Ask where to save, then write the 统计表 of the board shown on a worker thread."""
        board = self.board
        if board is None or board.empty or self.jobs.is_busy():
            return False
        path = ask_save_path(self, self.tr("保存换届结果统计表"), str(self.suggested_path()), xlsx_pattern(), ".xlsx")
        if path is None:
            return False
        self.written = None
        self.message.setVisible(True)
        self.message.show_hint(self.tr("正在生成 {file}…").format(file=path.name))
        return self.jobs.run(lambda _progress, _cancelled: svc.write_stats(board, path), self._on_written,
                             self._on_write_failed)

    def _on_written(self, path) -> None:
        self.written = Path(path)
        self.message.show_ok(self.tr("统计表已保存:{path}").format(path=self.written))

    def _on_write_failed(self, exc: BaseException) -> None:
        self.message.show_error(error_text(exc))
