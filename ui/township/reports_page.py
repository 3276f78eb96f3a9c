"""报表 (township): the compliance report for the county, as Excel or PDF.

Choose the period, press 生成Excel报表 or 生成PDF, pick where to save. The
board is computed (`compliance_service.board`, on the runner's worker with its own
connection) and written (`compliance_xlsx` / `compliance_pdf`) on a worker
thread with a progress bar and 取消; the window stays responsive. The same
board the 合规看板 shows, so the numbers on paper and on screen agree.
"""

from __future__ import annotations

from datetime import date
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
from desktop.reports.compliance_common import SignLines, sign_lines_for
from desktop.reports.compliance_pdf import write_compliance_pdf
from desktop.reports.compliance_xlsx import write_compliance_xlsx
from desktop.services import compliance_service as cs
from desktop.services import exchange_service as xs
from desktop.services import setup_service
from desktop.services.session import Session
from models.roles import Permission
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.background import ask_save_path, pdf_pattern, xlsx_pattern
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel

XLSX, PDF = "xlsx", "pdf"
#: Share of the bar for computing the board; the rest is writing the file.
_BOARD_SHARE = 60


def make_report(kind: str, period: str, path: Path, progress, cancelled, today: date | None = None,
                sign: SignLines | None = None) -> Path:
    """Compute the board for `period` and write it to `path` (runs on the worker thread).

    `sign`: the names on the signature lines (read on the UI thread, `sign_lines_for`).
    """
    def board_progress(done: int, total: int) -> None:
        progress(done * _BOARD_SHARE // max(total, 1), 100)

    def file_progress(done: int, total: int) -> None:
        progress(_BOARD_SHARE + done * (100 - _BOARD_SHARE) // max(total, 1), 100)

    board = cs.board(period, today, board_progress, cancelled)
    if cancelled():
        raise cs.Cancelled()
    if kind == XLSX:
        return write_compliance_xlsx(board, path, file_progress, cancelled, sign)
    written = write_compliance_pdf(board, path, sign)
    progress(100, 100)
    return written


class ReportsPage(QWidget):
    """The page of navigation area “报表” (township mode)."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._session, self._paths, self._today = session, paths, today
        self.written: Path | None = None
        self.jobs = Runner(self)
        self.jobs.busy_changed.connect(self._on_busy)
        self.jobs.progress.connect(self._on_progress)

        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(14)
        self.xlsx_button = QPushButton(self.tr("生成Excel报表…"))
        make_primary(self.xlsx_button)
        self.xlsx_button.clicked.connect(lambda: self.generate(XLSX))
        self.pdf_button = QPushButton(self.tr("生成PDF…"))
        self.pdf_button.clicked.connect(lambda: self.generate(PDF))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.jobs.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.message = FieldMessage()
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()

        card = QFrame()
        card.setProperty("card", True)
        explain = QLabel(self.tr(
            "报表按所选期间汇总各村的村务公开、村民代表会议、两委会议、民主评议、村规民约备案和上报事项,"
            "与“合规看板”的数字一致,只依据各村数据包带来的记录,并注明数据截至日期。\n"
            "Excel 报表:第一张是汇总表(每村一行,合计、比率、颜色和图表),之后每项指标一张表,已设好 A4 横向打印。"
            "PDF:A4 横向的汇总表,字号随村数自动缩小,尽量排在同一张纸上,可直接打印或报送。"
            "两种报表都带填报单位、填报人、审核人、负责人、填报日期和盖章处,姓名在“公文设置”里填写。"))
        explain.setWordWrap(True)
        period_row = QHBoxLayout()
        period_row.addWidget(QLabel(self.tr("期间:")))
        period_row.addWidget(self.period_combo)
        period_row.addStretch(1)
        self.settings_button = QPushButton(self.tr("公文设置…"))
        self.settings_button.setToolTip(self.tr("报表签字栏的填报人、审核人、负责人,以及文件的机关名称和文号"))
        self.settings_button.clicked.connect(self.open_document_settings)
        period_row.addWidget(self.settings_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        done_row = QHBoxLayout()
        done_row.addWidget(self.message, 1)
        done_row.addWidget(self.open_folder_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(12)
        inner.addWidget(explain)
        inner.addLayout(period_row)
        inner.addLayout(buttons)
        inner.addWidget(self.progress)
        inner.addLayout(done_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(ScaledLabel(self.tr("报表"), 1.5, bold=True))
        layout.addWidget(card)
        layout.addWidget(ScaledLabel(self.tr("报送县里"), 1.2, bold=True))
        layout.addWidget(self._county_card())
        layout.addStretch(1)
        self.fill_periods()

    def _county_card(self) -> QFrame:
        """县级汇总包: every period's board, no personal data, signed, for the county's software."""
        from ui.widgets.target_chooser import TargetChooser

        card = QFrame()
        card.setProperty("card", True)
        explain = QLabel(self.tr(
            "把全乡镇各村各期间的合规情况和各村备案的村规民约全文(不含任何个人信息)写成一个“县级汇总包”,"
            "用U盘报送县里。文件由本机签名:县里用“村务台账”县级版导入,第一次导入时打电话核对本机电脑指纹,"
            "以后每次都核对签名,确认它来自本乡镇、没有被改动。"))
        explain.setWordWrap(True)
        self.county_target = TargetChooser()
        self.county_button = QPushButton(self.tr("导出县级汇总包"))
        self.county_button.setEnabled(self._session.can(Permission.EXCHANGE))
        if not self.county_button.isEnabled():
            self.county_button.setToolTip(self.tr("您的账号没有数据交换的权限。"))
        self.county_button.clicked.connect(self.export_for_county)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("保存到:")))
        row.addWidget(self.county_target, 1)
        row.addWidget(self.county_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.setSpacing(12)
        inner.addWidget(explain)
        inner.addLayout(row)
        from ui.township.county_link import CountyLink

        #: Joined to a county or not, and what the county's last 回执 said it has.
        self.county_link = CountyLink(self._session, self._paths)
        inner.addWidget(self.county_link)
        return card

    def export_for_county(self) -> bool:
        """Write the 县级汇总包 to the chosen U盘 or folder, in the background."""
        if self.jobs.is_busy():
            return False
        folder = self.county_target.folder()
        if folder is None:
            self.county_target.choose_folder()
            folder = self.county_target.folder()
            if folder is None:
                return False
        session, paths = self._session, self._paths

        def work(progress, cancelled):
            return xs.export_for_county(session, paths, folder, progress, cancelled)

        def done(result) -> None:
            self.written = Path(result.path)
            self.progress.hide()
            self.message.show_ok(self.tr("县级汇总包已保存:{path}({n} 个村)。可以安全拔出U盘。").format(
                path=self.written, n=result.villages))
            self.open_folder_button.show()

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            if isinstance(exc, xs.Cancelled):
                self.message.show_hint(self.tr("已取消,没有写出汇总包。"))
            else:
                self.message.show_error(error_text(exc))

        self.written = None
        self.open_folder_button.hide()
        self.message.show_hint(self.tr("正在汇总各村各期间的情况…"))
        self.progress.setValue(0)
        self.progress.show()
        return self.jobs.run(work, done, failed)

    def _today_or_now(self) -> date:
        return self._today or date.today()

    def refresh(self) -> None:
        """Packages arrived: the periods with data may have grown (the chosen one is kept); the county's state."""
        self.fill_periods()
        self.county_link.refresh()

    def fill_periods(self) -> None:
        """Quarters and years that have data, newest first; the last ended quarter chosen."""
        today = self._today_or_now()
        keep = self.period() or cs.default_period(today)
        self.period_combo.clear()
        for code in cs.periods(today):
            self.period_combo.addItem(cs.parse_period(code)[2], code)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(keep)))

    def period(self) -> str:
        """The chosen period code ("2026Q3" or "2026")."""
        return self.period_combo.currentData() or ""

    def set_period(self, code: str) -> None:
        """Choose a period by its code."""
        index = self.period_combo.findData(code)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def open_document_settings(self):
        """公文设置: the names on the report's signature lines (and the township's documents)."""
        from ui.township.document_settings_dialog import DocumentSettingsDialog

        self.settings_dialog = DocumentSettingsDialog(self._session, self)
        self.settings_dialog.open()
        return self.settings_dialog

    def suggested_path(self, kind: str) -> Path:
        """Where the save dialog starts: the documents folder, a name with the township and period."""
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                      or Path.home())
        info = self._session.installation or setup_service.current()
        # The period as people say it (2026年第三季度), not its code (2026Q3): the name is read in a folder.
        name = self.tr("{township}合规报表_{period}").format(township=info.name if info else "",
                                                         period=self.period_combo.currentText() or self.period())
        return folder / f"{name}.{kind}"

    def generate(self, kind: str) -> bool:
        """Ask where to save, then compute and write the report in the background."""
        if self.jobs.is_busy() or not self.period():
            return False
        pattern, suffix = (xlsx_pattern(), ".xlsx") if kind == XLSX else (pdf_pattern(), ".pdf")
        path = ask_save_path(self, self.tr("保存报表"), str(self.suggested_path(kind)), pattern, suffix)
        if path is None:
            return False
        period, today = self.period(), self._today
        # the names from 公文设置 (填报人: the person logged in unless one is set), read here on the UI thread
        sign = sign_lines_for(self._session.display_name, today or date.today())

        def work(progress, cancelled):
            return make_report(kind, period, path, progress, cancelled, today, sign)

        self.written = None
        self.open_folder_button.hide()
        self.message.show_hint(self.tr("正在生成 {file}…").format(file=path.name))
        self.progress.setValue(0)
        self.progress.show()
        return self.jobs.run(work, self._done, self._failed)

    def _done(self, path: Path) -> None:
        self.written = Path(path)
        self.progress.hide()
        self.message.show_ok(self.tr("报表已保存:{path}").format(path=self.written))
        self.open_folder_button.show()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, cs.Cancelled):
            self.message.show_hint(self.tr("已取消,没有保存报表。"))
        else:
            self.message.show_error(error_text(exc))

    def open_folder(self) -> bool:
        """Open the folder of the report just written in the system's file manager."""
        if self.written is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def _on_busy(self, busy: bool) -> None:
        for widget in (self.xlsx_button, self.pdf_button, self.period_combo):
            widget.setEnabled(not busy)
        self.county_button.setEnabled(not busy and self._session.can(Permission.EXCHANGE))
        self.cancel_button.setEnabled(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
