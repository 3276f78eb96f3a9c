"""报表 (county): the county's compliance report (.xlsx), and the 回执 that tell townships what arrived.

The report is written from the same `county_service.board` the 合规看板
shows (so the numbers agree), on a worker with a progress bar. The 回执 box
writes, for every township something was imported from (or the one
chosen), a signed `<乡镇代码>_县级回执_….cwpkg` onto the U盘: the township
imports it and its 报表 page then says which 汇总包 the county has.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.reports.county_xlsx import write_county_xlsx
from desktop.services import county_exchange_service as ces
from desktop.services import county_service, setup_service
from desktop.services import county_views as cv
from desktop.services.session import Session
from models.errors import Cancelled
from models.roles import Permission
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.background import ask_save_path, xlsx_pattern
from ui.widgets.field_message import FieldMessage
from ui.widgets.outside_text import one_line
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.scroll import transparent_scroll
from ui.widgets.target_chooser import TargetChooser


def _card() -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    return frame


def make_report(period: str, path: Path, progress, cancelled) -> Path:
    """The county board for `period` written to `path` (on a worker; a sheet per township, each a step)."""
    return write_county_xlsx(county_service.board(period), path, progress=progress, cancelled=cancelled)


class CountyReportsPage(QWidget):
    """The page of the county's navigation area “报表”."""

    def __init__(self, session: Session, paths: AppPaths | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self.written: Path | None = None
        self.receipts: list = []
        self.jobs = Runner(self)
        self.jobs.busy_changed.connect(self._on_busy)
        self.jobs.progress.connect(self._on_progress)

        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(12)
        self.xlsx_button = QPushButton(self.tr("生成Excel报表…"))
        make_primary(self.xlsx_button)
        self.xlsx_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.jobs.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.message = FieldMessage()
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        report = _card()
        explain = QLabel(self.tr(
            "报表按所选期间汇总各乡镇、各村的村务公开、会议、民主评议、村规民约生效和备案、上报事项答复,"
            "与“合规看板”的数字一致,只依据各乡镇县级汇总包带来的数据,并注明每个乡镇的数据截至日期。"))
        explain.setWordWrap(True)
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("期间:")))
        period_row.addWidget(self.period_combo)
        period_row.addStretch(1)
        period_row.addWidget(self.xlsx_button)
        done_row = QHBoxLayout()
        done_row.addWidget(self.message, 1)
        done_row.addWidget(self.open_folder_button)
        inner = QVBoxLayout(report)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(10)
        inner.addWidget(explain)
        inner.addLayout(period_row)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        inner.addLayout(busy_row)
        inner.addLayout(done_row)

        self.township_combo = QComboBox()
        self.township_combo.setMinimumContentsLength(10)
        self.receipt_target = TargetChooser()
        self.receipt_button = QPushButton(self.tr("写回执"))
        self.receipt_button.clicked.connect(self.export_receipts)
        self.receipt_message = FieldMessage()
        receipts = _card()
        receipt_explain = QLabel(self.tr(
            "回执告诉乡镇:本县已经收到它的哪几号县级汇总包、哪天导入。乡镇导入回执后,它的“报表”页会显示"
            "“县里已于…收到第 N 号汇总包”。回执由本机签名,不含个人信息。"))
        receipt_explain.setWordWrap(True)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("给:")))
        who.addWidget(self.township_combo)
        who.addWidget(QLabel(self.tr("保存到:")))
        who.addWidget(self.receipt_target, 1)
        who.addWidget(self.receipt_button)
        inner = QVBoxLayout(receipts)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(10)
        inner.addWidget(receipt_explain)
        inner.addLayout(who)
        inner.addWidget(self.receipt_message)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(ScaledLabel(self.tr("报表"), 1.5, bold=True))
        layout.addWidget(report)
        layout.addWidget(ScaledLabel(self.tr("给乡镇的回执"), 1.2, bold=True))
        layout.addWidget(receipts)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(transparent_scroll(content))
        self.refresh()

    def refresh(self) -> None:
        """The periods and the townships that can be answered, read again."""
        keep = self.period_combo.currentData() or cv.default_period()
        self.period_combo.clear()
        for code, label in cv.period_choices():
            self.period_combo.addItem(label, code)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(keep)))
        keep_township = self.township_combo.currentData()
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("全部乡镇"), "")
        for row in county_service.townships():
            if row.last_number:  # a 汇总包 was imported from it: there is something to acknowledge
                self.township_combo.addItem(row.name, row.code)
        self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(keep_township)))
        self._on_busy(self.jobs.is_busy())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Read the choices again when the page comes back (a package may have been imported)."""
        super().showEvent(event)
        if not event.spontaneous() and not self.jobs.is_busy():
            self.refresh()

    def period(self) -> str:
        """The chosen period code."""
        return self.period_combo.currentData() or ""

    def suggested_path(self) -> Path:
        """The documents folder, a name with the county and the period as people say it."""
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                      or Path.home())
        info = setup_service.current()
        name = self.tr("{county}合规报表_{period}").format(county=info.name if info else "",
                                                       period=self.period_combo.currentText() or self.period())
        return folder / f"{name}.xlsx"

    def generate(self) -> bool:
        """Ask where to save, then write the report in the background."""
        if self.jobs.is_busy() or not self.period():
            return False
        path = ask_save_path(self, self.tr("保存报表"), str(self.suggested_path()), xlsx_pattern(), ".xlsx")
        if path is None:
            return False
        return self.write_report(path)

    def write_report(self, path: Path) -> bool:
        """Write the report for the chosen period to `path` on a worker."""
        period = self.period()
        self.written = None
        self.open_folder_button.hide()
        self.message.show_hint(self.tr("正在生成 {file}…").format(file=path.name))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        return self.jobs.run(lambda progress, cancelled: make_report(period, path, progress, cancelled),
                             self._report_done, self._report_failed)

    def _report_done(self, path: Path) -> None:
        self.written = Path(path)
        self.progress.hide()
        self.cancel_button.hide()
        self.message.show_ok(self.tr("报表已保存:{path}").format(path=self.written))
        self.open_folder_button.show()

    def _report_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        if isinstance(exc, Cancelled):
            self.message.show_hint(self.tr("已取消,没有保存报表。"))
        else:
            self.message.show_error(error_text(exc))

    def open_folder(self) -> bool:
        """Open the folder of the report just written."""
        if self.written is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def export_receipts(self) -> bool:
        """Write the 回执 (for the township chosen, or every one imported from) onto the chosen U盘."""
        if self.jobs.is_busy():
            return False
        folder = self.receipt_target.folder()
        if folder is None:
            self.receipt_target.choose_folder()
            folder = self.receipt_target.folder()
        if folder is None:
            self.receipt_message.show_error(self.tr("请选择保存到哪个U盘或文件夹。"))
            return False
        session, paths, code = self._session, self._paths, self.township_combo.currentData()

        def work():
            return ces.export_receipts(session, paths, folder, code or None)

        self.receipt_message.show_hint(self.tr("正在写回执…"))
        return self.jobs.run_call(work, self._receipts_done, self._receipts_failed)

    def _receipts_done(self, results: list) -> None:
        self.receipts = list(results)
        if not results:
            self.receipt_message.show_hint(self.tr("还没有导入过任何乡镇的汇总包,没有可以回执的内容。"))
            return
        names = "、".join(self.tr("{name}(第 {numbers} 号汇总包)").format(
            name=one_line(r.township_name), numbers="、".join(str(n) for n in r.received[-5:])) for r in results)
        self.receipt_message.show_ok(self.tr("已写 {n} 份回执到 {folder}:{names}。可以安全拔出U盘。").format(
            n=len(results), folder=results[0].path.parent, names=names))

    def _receipts_failed(self, exc: BaseException) -> None:
        self.receipt_message.show_error(error_text(exc))

    def _on_busy(self, busy: bool) -> None:
        can_exchange = self._session.can(Permission.EXCHANGE)
        self.xlsx_button.setEnabled(not busy and bool(self.period()))
        self.period_combo.setEnabled(not busy)
        self.receipt_button.setEnabled(not busy and can_exchange and self.township_combo.count() > 1)
        if not can_exchange:
            self.receipt_button.setToolTip(self.tr("您的账号没有数据交换的权限。"))
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
