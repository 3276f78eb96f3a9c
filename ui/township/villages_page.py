"""村庄 (township): the register of enrolled villages, and the package exchange with each of them.

The register answers “which village have we not heard from?” at a glance:
each village's code, name, province profile, PC fingerprint, last package
received, last 回执 sent, gaps and days of silence (red past
`villages_service.SILENCE_THRESHOLD_DAYS`). It is the page's one table of
villages: the village selected in it is the one whose packages are listed
below (`VillageHistory`) and the recipient of the 回执 written by the export
box on the right. The export box, the import box, the history table and
the conflicts panel are the shared exchange parts (`ui.widgets.exchange`)
the village's 数据交换 page is built from too; enrolling, retiring
(`villages_actions`) and notices (`notice_dialog`) are the township's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services import villages_service as vs
from desktop.services.session import Session
from models.roles import Permission
from ui.operations import Runner
from ui.township import villages_actions
from ui.township.villages_history import VillageHistory
from ui.township.villages_register import VillageRegister
from ui.widgets.exchange.audit_flag import BROKEN_STYLE, flag_label
from ui.widgets.exchange.conflicts_panel import ConflictsPanel
from ui.widgets.exchange.export_box import TO_VILLAGE, ExportBox, Recipient
from ui.widgets.exchange.history_table import HistoryTable
from ui.widgets.exchange.import_box import ImportBox
from ui.widgets.exchange.import_flow import SIDE_TOWNSHIP
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.exchange.package_dialogs import PickPackagesDialog
from ui.widgets.exchange.parts_state import ExchangePartsState
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.scroll import transparent_scroll
from ui.widgets.side_panel import SideBySideOrTabs


class VillagesPage(QWidget, ExchangePartsState):
    """The page of the township's navigation area “村庄”."""

    #: A package was written or read: the main window's status bar re-reads.
    exchanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self._can_manage = session.can(Permission.MANAGE_VILLAGES)
        self.register: vs.Register | None = None
        self._shown_for: tuple[str | None, int] | None = None  # (village, register) the history was read for
        self.jobs = Runner(self)
        self.jobs.busy_changed.connect(self._on_busy)
        self.notifier = Notifier(self)
        self.enroll_dialog = None
        self.recovery_dialog = None

        self.villages = VillageRegister()
        self.villages.selection_changed.connect(self._on_selected)
        self.villages.activated.connect(lambda: self.open_village_file(self.selected_code() or ""))
        # The register's parts, by the names the page has always had.
        self.model, self.proxy, self.table = self.villages.model, self.villages.proxy, self.villages.table
        self.search, self.attention_check = self.villages.search, self.villages.attention_check
        self.table_stack, self.no_match = self.villages, self.villages.no_match
        #: Words matching no village: the main window opens the search over every village's records.
        self.search_requested = self.villages.search_requested
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setToolTip(self.tr("村里导入入网文件时,会打电话与您核对这一串字母和数字。"))
        self._build_buttons()
        self.message = FieldMessage()
        self.audit_banner = flag_label("ok", "")  # red while a village's audit log is known rewritten
        self.history = VillageHistory()

        # The shared exchange parts, the recipient being the village selected in the register.
        self.export_box = ExportBox(session, paths, self.jobs, self.notifier, TO_VILLAGE)
        self.export_box.exported.connect(self._after_exchange)
        self.import_box = ImportBox(session, paths, self.jobs, self.notifier, SIDE_TOWNSHIP, "",
                                    self.export_box.target)
        self.import_box.flow.imported.connect(self._after_import)
        self.import_box.flow.refused.connect(self.refresh)
        self.target, self.export_button = self.export_box.target, self.export_box.export_button
        self.import_message = self.import_box.import_message
        self.history_table = HistoryTable()
        self.conflicts_panel = ConflictsPanel(session)
        self.conflicts_panel.resolved.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history, self.tr("选中村的数据包往来"))
        self.tabs.addTab(self.history_table, self.tr("全部收发记录"))
        self.tabs.addTab(self.conflicts_panel, self.tr("冲突"))

        self._lay_out()
        self.refresh()
        self._fresh = True  # just read: the first showing need not read it again

    # --- building ---------------------------------------------------------------------------------

    def _build_buttons(self) -> None:
        self.enroll_button = QPushButton(self.tr("新增村庄…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.reenroll_button = QPushButton(self.tr("重新入网…"))
        self.reenroll_button.clicked.connect(self.reenroll)
        self.retire_button = QPushButton(self.tr("停用…"))
        self.retire_button.setToolTip(self.tr("不再接收选中村的数据包(如合村并居);记录保留,可重新入网恢复。"))
        self.retire_button.clicked.connect(self.retire)
        self.recovery_button = QPushButton(self.tr("生成恢复包…"))
        self.recovery_button.setToolTip(self.tr("选中村的电脑损坏且没有备份时:把本机保存的该村全部记录写成恢复包,"
                                                "在村里重新入网后的新电脑上导入。"))
        self.recovery_button.clicked.connect(self.write_recovery)
        self.notice_button = QPushButton(self.tr("发通知…"))
        self.notice_button.setToolTip(self.tr("给选中的村(或全部村)写一份通知,随下一次回执送到村里。"))
        self.notice_button.clicked.connect(self.write_notice)
        self.file_button = QPushButton(self.tr("查看村档案"))
        self.file_button.setToolTip(self.tr("打开选中村的档案(只读):村规民约、会议、公开、监督、换届和数据包。也可以双击表中的村。"))
        self.file_button.clicked.connect(lambda: self.open_village_file(self.selected_code() or ""))
        if not self._can_manage:
            self.enroll_button.setToolTip(self.tr("只有乡镇管理员可以给村庄入网。"))
            self.reenroll_button.setToolTip(self.tr("只有乡镇管理员可以给村庄入网。"))
            self.notice_button.setToolTip(self.tr("只有乡镇管理员可以发通知。"))
            self.retire_button.setToolTip(self.tr("只有乡镇管理员可以停用村庄。"))
            self.recovery_button.setToolTip(self.tr("只有乡镇管理员可以生成恢复包。"))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("村庄"), 1.5, bold=True))
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.fingerprint_label)
        # The selected village's most used action, where the summary's wrapping leaves room at any font
        # size (a fourth button in the row above the register squeezed them all at 标准 and 大).
        top.addWidget(self.file_button)
        # The page's own actions beside the search; those for the village selected in the register
        # (rare, and each explained by its dialog) right above it: one row of all five did not fit a
        # 1024×600 screen, and the page scrolled sideways with 发通知… and 发送回执 off its edge.
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.attention_check)
        tools.addStretch(1)
        tools.addWidget(self.enroll_button)
        tools.addWidget(self.notice_button)
        selected = QHBoxLayout()
        for button in (self.reenroll_button, self.recovery_button, self.retire_button):
            selected.addWidget(button)
        selected.addStretch(1)
        self.legend = legend = QLabel()
        legend.setProperty("role", "hint")
        legend.setWordWrap(True)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.villages)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(selected)
        left_layout.addWidget(split, 1)
        left_layout.addWidget(self.message)
        # Readable at any font size: below these the page scrolls instead of squeezing the table.
        em = self.fontMetrics().horizontalAdvance("国")
        left.setMinimumWidth(em * 22)
        self.villages.setMinimumHeight(self.fontMetrics().height() * 6)
        self.tabs.setMinimumHeight(self.fontMetrics().height() * 8)
        self.search.setMinimumWidth(em * 11)

        # The export and import boxes in a column of their own, as wide as they need, beside the
        # register when both fit; on a narrow screen or at a large font size the two become tabs.
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.export_box)
        column_layout.addWidget(self.import_box)
        column_layout.addStretch(1)
        self.panes = SideBySideOrTabs(left, column, self.tr("村庄登记"), self.tr("发送回执 · 导入数据包"),
                                      stretch=(1, 0))
        self._column = column
        self.panes.arranged.connect(self._keep_column_narrow)
        self.panes.arranged.connect(self._say_where_the_receipt_is)
        self._keep_column_narrow()
        self._say_where_the_receipt_is(self.panes.side_by_side())
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(legend)
        layout.addWidget(self.audit_banner)
        layout.addWidget(self.panes, 1)
        # On a small screen or at a large font size the page scrolls; nothing is cut off or overlaps.
        # The village file (read only) opens in place of the register, 返回 brings the register back.
        self.pages = QStackedWidget()
        self.pages.addWidget(transparent_scroll(content))
        self.village_file = None  # built the first time a village is opened
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    # --- the parts' state, as tests and the main window reach it ---------------------------------


    def _say_where_the_receipt_is(self, side_by_side: bool) -> None:
        """The legend points at the 回执 box where it is: on the right, or behind its tab on a narrow screen."""
        where = self.tr("右边给它发送回执。") if side_by_side else self.tr("在“发送回执 · 导入数据包”里给它发送回执。")
        self.legend.setText(self.tr("红色:超过 {days} 天没有收到数据包,或缺少数据包。选中一个村,下面显示它的数据包往来,"
                                    ).format(days=vs.SILENCE_THRESHOLD_DAYS) + where)

    def _keep_column_narrow(self, *_args) -> None:
        """Beside the register, the export/import column is as wide as it asks and no wider.

        The register gets the rest of a wide screen; re-measured at each arrangement, so a new font
        size is followed.
        """
        self._column.setMaximumWidth(16777215)  # as a tab of its own, the whole width
        if self.panes.side_by_side():
            self._column.setMaximumWidth(max(self._column.sizeHint().width(),
                                             self._column.minimumSizeHint().width()))

    # --- showing --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Re-read the register each time the page comes on screen (days of silence change)."""
        super().showEvent(event)
        if self._fresh:
            self._fresh = False
        elif not self.jobs.is_busy():
            self.target.refresh_drives()
            self.refresh()

    def refresh(self) -> None:
        """Re-read the register, the history and the conflicts, keeping the selected village."""
        self.register = vs.register(self._paths)
        self.villages.set_rows(list(self.register.rows))  # a new selection shows its history at once
        self.summary.setText(self._summary_text(self.register))
        self._show_audit_flags(self.register)
        self.fingerprint_label.setText(self.tr("本机电脑指纹:{fp}").format(fp=self.register.fingerprint))
        if self._shown_for != (self.selected_code(), id(self.register)):  # the same village: read its history again
            self._on_selected()
        self.history_table.show_rows(xs.history(self._paths))
        self.conflicts_panel.refresh()
        n = self.conflicts_panel.count()
        index = self.tabs.indexOf(self.conflicts_panel)
        self.tabs.setTabText(index, self.tr("冲突({n})").format(n=n))
        self.tabs.setTabVisible(index, n > 0)
        if n == 0 and self.tabs.currentWidget() is self.conflicts_panel:
            self.tabs.setCurrentIndex(0)
        if getattr(self, "village_file", None) is not None and self.village_file_shown():
            self.village_file.reload()  # a package imported meanwhile shows in the file

    def _summary_text(self, r: vs.Register) -> str:
        if not r.rows:
            return self.tr("还没有登记任何村。点“新增村庄…”为村里生成入网文件。")
        # Each village in one count: one whose audit log was rewritten is never among the 正常 ones.
        parts = [self.tr("正常 {n}").format(n=r.active)]
        if r.audit_broken:
            parts.append(self.tr("审计日志被改动 {n}").format(n=r.audit_broken))
        if r.pending:
            parts.append(self.tr("等待第一个数据包 {n}").format(n=r.pending))
        if r.retired:
            parts.append(self.tr("已停用 {n}").format(n=r.retired))
        text = self.tr("共 {n} 个村:").format(n=len(r.rows)) + ",".join(parts)
        if r.overdue:
            text += self.tr(";{n} 个村超过 {days} 天没有消息").format(n=r.overdue, days=vs.SILENCE_THRESHOLD_DAYS)
        if r.with_gaps:
            text += self.tr(";{n} 个村缺少数据包").format(n=r.with_gaps)
        return text

    def _show_audit_flags(self, r: vs.Register) -> None:
        """Every village whose audit log was rewritten after sending, in red, until it is re-enrolled."""
        broken = [row for row in r.rows if row.audit == "broken"]
        lines = [self.tr("审计日志异常 — {name}({code}),{date} 收到的数据包发现:{reason}").format(
            name=row.name, code=row.code, date=row.audit_date, reason=row.audit_reason) for row in broken]
        if broken:
            lines.append(self.tr("这些村的数据照常导入,但已经发出的审计记录被改动或删除过,请与村里核实。"
                                 "标记一直保留,直到该村“重新入网”(之后从新的审计日志重新开始核对)。"))
        self.audit_banner.setText("\n".join(lines))
        self.audit_banner.setStyleSheet(BROKEN_STYLE if broken else "")
        self.audit_banner.setVisible(bool(broken))

    def selected_row(self) -> vs.VillageRow | None:
        """The village selected in the register, or None."""
        return self.villages.selected_row()

    def selected_code(self) -> str | None:
        """The code of the selected village, or None."""
        return self.villages.selected_code()

    def select_village(self, code: str) -> bool:
        """Select a village by code (False when it is not listed)."""
        return self.villages.select_village(code)

    def open_village_file(self, code: str, kind: str | None = None, record_id: str | None = None) -> bool:
        """Show the village file of `code` in place of the register, on one record when `kind` and `record_id`.

        The go-to target ``village_file:<code>:<kind>@<id>`` of the main window lands here (see
        `ui.township.village_file`). False, said under the register or in the file, when the
        village or the record is not there.
        """
        if not code:
            self.message.show_error(self.tr("请先在表中选中要查看档案的村。"))
            return False
        if self.village_file is None:
            from ui.township.village_file.view import VillageFileView, scrolling

            self.village_file = VillageFileView(self._session, self._paths)
            self.village_file.back.connect(self.close_village_file)
            # In a scroll area as the register is: at a large font size the file scrolls, never clips.
            self._file_area = scrolling(self.village_file)
            self.pages.addWidget(self._file_area)
        if not self.village_file.show_village(code):  # read again: a package may have come since
            self.message.show_error(self.village_file.message.text())
            return False
        self.select_village(code)
        self.pages.setCurrentWidget(self._file_area)
        if kind and record_id:
            return self.village_file.open_record(kind, record_id)
        return True

    def village_file_shown(self) -> bool:
        """Whether a village file is on screen (else the register)."""
        return self.pages.currentIndex() != 0

    def close_village_file(self) -> None:
        """Back from a village file to the register, the village still selected."""
        self.pages.setCurrentIndex(0)
        self.villages.table.setFocus()

    def _on_selected(self, *_args) -> None:
        row = self.selected_row()
        # what the history and the 回执 box show, for `refresh` (it read the selected village's packages
        # twice on opening: once as the first row got selected, once more after)
        self._shown_for = (row.code if row else None, id(self.register))
        self.history.show_village(row, vs.package_history(self._paths, row.code) if row else [])
        self.export_box.set_recipient(
            Recipient(row.code, row.name, ready=row.status == "active") if row is not None else None)
        self._on_busy(self.jobs.is_busy())

    def _on_busy(self, busy: bool) -> None:
        row = self.selected_row()
        self.enroll_button.setEnabled(self._can_manage and not busy)
        self.reenroll_button.setEnabled(self._can_manage and not busy and row is not None)
        self.retire_button.setEnabled(self._can_manage and not busy and row is not None and row.status != "retired")
        self.recovery_button.setEnabled(self._can_manage and not busy and row is not None
                                        and row.status != "retired")
        self.file_button.setEnabled(row is not None)
        self.notice_button.setEnabled(self._can_manage and not busy and bool(self.register and self.register.rows))
        if busy:
            self.message.show_hint(self.tr("正在处理数据包,请不要拔出U盘…"))
        elif self.message.role() == "hint":
            self.message.clear_message()

    # --- after a part did something -------------------------------------------------------------

    def _after_exchange(self, *_args) -> None:
        self.refresh()
        self.exchanged.emit()

    def _after_import(self, plan) -> None:
        self._after_exchange()
        if plan.sender_code:  # the village just heard from is the one the 回执 is most likely for
            self.villages.select_village(plan.sender_code)
        if not plan.already_imported and plan.total("conflict"):
            self.tabs.setCurrentWidget(self.conflicts_panel)

    # --- actions --------------------------------------------------------------------------------

    def enroll(self):
        """新增村庄…: code and name, then the 入网文件 is written (non-blocking dialog)."""
        self.enroll_dialog = villages_actions.open_enroll(self, self._session, self._paths, self.target.folder(),
                                                          self._enrolled)
        return self.enroll_dialog

    def reenroll(self):
        """重新入网… for the selected village (non-blocking dialog)."""
        row = self.selected_row()
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要重新入网的村。"))
            return None
        self.enroll_dialog = villages_actions.open_reenroll(self, self._session, self._paths, row.code, row.name,
                                                            self.target.folder(), self._enrolled)
        return self.enroll_dialog

    def _enrolled(self, dialog) -> None:
        self.refresh()
        title, details = villages_actions.enrolled_message(dialog.written, self.register.fingerprint)
        self.notifier.inform(title, details)

    def retire(self):
        """停用… the selected village, after its reason and consequences are confirmed."""
        row = self.selected_row()
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要停用的村。"))
            return None
        dialog = villages_actions.open_retire(self, self._session, row.code, row.name)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(lambda: self.message.show_hint(
            self.tr("{name}已停用,不再接收它的数据包。").format(name=row.name)))
        return dialog

    def write_recovery(self):
        """生成恢复包… for the selected village: the dialog explains when, and writes it (non-blocking)."""
        from ui.township.recovery_dialog import RecoveryDialog

        row = self.selected_row()
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要生成恢复包的村。"))
            return None
        dialog = RecoveryDialog(self._session, self._paths, row.code, row.name, self)
        folder = self.target.folder()
        if folder is not None:
            dialog.target.set_folder(folder)
        dialog.accepted.connect(lambda: (self.refresh(), self.notifier.inform(*dialog.written_message())))
        dialog.open()
        self.recovery_dialog = dialog
        return dialog

    def write_notice(self):
        """发通知…: to the selected village (preselected) or all; it travels with the next 回执."""
        from ui.township.notice_dialog import SendNoticeDialog

        villages = [(r.code, r.name) for r in self.register.rows if r.status != "retired"]
        dialog = SendNoticeDialog(self._session, villages, preselect=self.selected_code(), parent=self)
        dialog.accepted.connect(lambda: self.message.show_hint(
            self.tr("通知已保存({n} 个村),将随下一次发给这些村的回执一起送达。").format(n=dialog.sent)))
        dialog.open()
        return dialog

    def send_receipt(self) -> bool:
        """Write the 回执 for the selected village to the chosen U盘 or folder (the export box)."""
        return self.export_box.start()

    def pick_packages(self, found: list[Path]) -> PickPackagesDialog | None:
        """Offer the packages found (the township's own unticked); the ticked ones are imported."""
        return self.import_box.flow.pick_packages(found)

    def import_files(self, files: list[Path]) -> None:
        """Preview and import these packages, one after the other."""
        self.import_box.flow.import_files([Path(f) for f in files])

    def open_package(self, path: Path) -> None:
        """A package double-clicked in the file manager: its preview, over this page."""
        self.import_files([Path(path)])
