"""数据交换: send packages to the peer, read the peer's packages (preview first), the history and conflicts.

A village sees its township; a township sees the table of its villages, enrols
them (入网文件) and sends each its return package (回执). Writing and reading
packages runs on a worker thread (`ui.operations.Runner`): the window stays responsive,
the export shows progress and can be cancelled. The services check the
permissions again on every write.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.errors import CunwuError, PackageRefused
from models.roles import Permission
from ui.errors import error_text, show_error
from ui.exchange.conflicts_panel import ConflictsPanel
from ui.exchange.dialogs import (
    EnrollDialog,
    PickPackagesDialog,
    ReenrollDialog,
    SetupConfirmDialog,
)
from ui.exchange.labels import (
    direction_label,
    numbers_text,
    package_text,
    peer_status_label,
    silence_text,
    status_label,
)
from ui.exchange.preview_dialog import PreviewDialog
from ui.operations import Runner
from ui.widgets.dialogs import inform
from ui.widgets.field_message import FieldMessage
from ui.widgets.palette import RED
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.tables import read_only_table
from ui.widgets.target_chooser import TargetChooser


def _cell(text: str, tooltip: str = "", center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _set_role(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


def _card() -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    return frame


class ExchangePage(QWidget):
    """The page of navigation area “数据交换” (village) or “村庄” (township)."""

    #: A package was written or read, or the township joined: the status bar re-reads.
    exchanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self._township = xs.is_township()
        self._can_exchange = session.can(Permission.EXCHANGE)
        self._can_manage = session.can(Permission.MANAGE_VILLAGES)
        self.jobs = Runner(self)
        self.jobs.busy_changed.connect(self._on_busy)
        self.jobs.progress.connect(self._on_progress)
        self.overview: xs.Overview | None = None
        self.message_box: QMessageBox | None = None  # the last message shown (tests close it)
        self.preview_dialog: PreviewDialog | None = None
        self.setup_dialog: SetupConfirmDialog | None = None
        self.enroll_dialog: EnrollDialog | ReenrollDialog | None = None
        self.export_result = None
        self.last_import = None
        self._queue: list[Path] = []
        self._current: Path | None = None
        self._waiting = False  # a dialog or message of the current file is open

        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(ScaledLabel(self.tr("数据交换") if not self._township else self.tr("村庄与数据交换"),
                                     1.5, bold=True))
        header.addStretch(1)
        header.addWidget(self.fingerprint_label)

        # In a scroll area: at a large font size or on a small screen nothing overlaps.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        if not self._township:
            layout.addWidget(self._build_peer_card())
        boxes = QHBoxLayout()
        boxes.setSpacing(12)
        boxes.addWidget(self._build_export_box(), 1)
        boxes.addWidget(self._build_import_box(), 1)
        layout.addLayout(boxes)

        self.history_table = read_only_table([self.tr("收/发"), self.tr("对方"), self.tr("编号"), self.tr("日期"),
                                              self.tr("状态"), self.tr("记录数"), self.tr("内容"), self.tr("说明")],
                                             fit_columns=False, word_wrap=False)
        self.history_table.setMinimumHeight(140)
        self.conflicts_panel = ConflictsPanel(session)
        self.conflicts_panel.setMinimumHeight(220)
        self.conflicts_panel.resolved.connect(self.refresh)
        self.tabs = QTabWidget()
        if self._township:
            self.tabs.addTab(self._build_villages(), self.tr("本乡镇的村"))
        self.tabs.addTab(self.history_table, self.tr("收发记录"))
        self.tabs.addTab(self.conflicts_panel, self.tr("冲突"))
        layout.addWidget(self.tabs, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    # --- building ---------------------------------------------------------------------------------

    def _build_peer_card(self) -> QWidget:
        card = _card()
        form = QFormLayout(card)
        form.setContentsMargins(16, 10, 16, 10)
        form.setVerticalSpacing(4)
        self.peer_label = QLabel()
        self.peer_label.setWordWrap(True)
        self.peer_fingerprint_label = QLabel()
        self.peer_fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sent_label = QLabel()
        self.sent_label.setWordWrap(True)
        self.received_label = QLabel()
        self.missing_label = QLabel()
        self.missing_label.setProperty("role", "error")
        self.missing_label.setWordWrap(True)
        form.addRow(self.tr("乡镇:"), self.peer_label)
        form.addRow(self.tr("乡镇电脑指纹:"), self.peer_fingerprint_label)
        form.addRow(self.tr("最近发出:"), self.sent_label)
        form.addRow(self.tr("最近收到:"), self.received_label)
        form.addRow(self.missing_label)
        self._peer_form = form
        return card

    def _build_villages(self) -> QWidget:
        box = QWidget()
        self.villages_table = read_only_table([
            self.tr("村(代码)"), self.tr("状态"), self.tr("电脑指纹"), self.tr("最近收到"),
            self.tr("消息"), self.tr("缺少的数据包"), self.tr("最近回执")], fit_columns=False, word_wrap=False)
        self.villages_table.itemSelectionChanged.connect(self._on_village_selected)
        self.villages_table.setMinimumHeight(150)
        header = self.villages_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The fingerprint takes what is left (elided on a narrow window; the whole of it is the tooltip).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.enroll_button = QPushButton(self.tr("新增村庄…"))
        self.enroll_button.clicked.connect(self.open_enroll_dialog)
        self.reenroll_button = QPushButton(self.tr("重新入网…"))
        self.reenroll_button.clicked.connect(self.open_reenroll_dialog)
        if not self._can_manage:
            tip = self.tr("只有乡镇管理员可以给村庄入网。")
            self.enroll_button.setToolTip(tip)
            self.reenroll_button.setToolTip(tip)
        self.enroll_button.setEnabled(self._can_manage)
        self.villages_empty = QLabel(self.tr(
            "还没有登记任何村。点“新增村庄…”为村里生成入网文件。"))
        self.villages_empty.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.villages_empty)
        buttons.addStretch(1)
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.reenroll_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.villages_table, 1)
        layout.addLayout(buttons)
        return box

    def _build_export_box(self) -> QWidget:
        box = QGroupBox(self.tr("发送回执给村里") if self._township else self.tr("导出数据包(发给乡镇)"))
        self.target = TargetChooser()
        self.target.changed.connect(self._on_target_changed)
        #: Shown while there is no U盘 and no folder: what to do, since 导出 is off until then.
        self.target_hint = QLabel(self.tr(
            "没有找到U盘。请插好U盘(稍等几秒会自动出现在上面),或点“选择文件夹…”选一个文件夹。"))
        self.target_hint.setWordWrap(True)
        self.target_hint.setProperty("role", "hint")
        self.full_check = QCheckBox(self.tr("完整数据包(包含全部记录,一般不用勾选)"))
        self.export_button = QPushButton(self.tr("发送回执") if self._township else self.tr("导出数据包"))
        make_primary(self.export_button)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.jobs.cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.export_message = FieldMessage()
        if not self._can_exchange:
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(self.tr("您的账号没有数据交换的权限。"))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        if self._township:
            self.recipient_label = QLabel(self.tr("请先在下面“本乡镇的村”中选中一个村"))
            self.recipient_label.setProperty("role", "hint")
            form.addRow(self.tr("发给:"), self.recipient_label)
        form.addRow(self.tr("保存到:"), self.target)
        form.addRow(self.target_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(self.full_check)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.export_message)
        layout.addStretch(1)
        return box

    def _build_import_box(self) -> QWidget:
        box = QGroupBox(self.tr("导入数据包(各村发来的)") if self._township else self.tr("导入数据包(乡镇发来的)"))
        explain = QLabel(self.tr("导入前会先显示数据包的内容,您确认后才会导入。"))
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        self.choose_files_button = QPushButton(self.tr("选择文件…"))
        self.choose_files_button.clicked.connect(self.choose_files)
        self.scan_button = QPushButton(self.tr("扫描U盘"))
        self.scan_button.clicked.connect(self.scan_drives)
        for button in (self.choose_files_button, self.scan_button):
            button.setEnabled(self._can_exchange)
            if not self._can_exchange:
                button.setToolTip(self.tr("您的账号没有数据交换的权限。"))
        self.import_message = FieldMessage()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.choose_files_button)
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addLayout(buttons)
        layout.addWidget(self.import_message)
        layout.addStretch(1)
        return box

    # --- showing --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Re-read the counters and the U盘s each time the page comes on screen."""
        super().showEvent(event)
        if not self.jobs.is_busy():
            self.target.refresh_drives()
            self.refresh()

    def refresh(self) -> None:
        """Re-read the overview, the history and the conflicts."""
        self.overview = xs.overview(self._paths)
        self.fingerprint_label.setText(self.tr("本机电脑指纹:{fp}").format(fp=self.overview.fingerprint))
        self.fingerprint_label.setToolTip(self.tr(
            "对方第一次收到本机的数据包时,会打电话和您核对这一串字母和数字。"))
        if self._township:
            self._fill_villages()
        else:
            self._fill_peer()
        self._fill_history()
        self._on_target_changed()
        self.conflicts_panel.refresh()
        n = self.overview.open_conflicts
        index = self.tabs.indexOf(self.conflicts_panel)
        self.tabs.setTabText(index, self.tr("冲突({n})").format(n=n))
        self.tabs.setTabVisible(index, n > 0)
        if n == 0 and self.tabs.currentWidget() is self.conflicts_panel:
            self.tabs.setCurrentIndex(0)

    def _fill_peer(self) -> None:
        peer = next((p for p in self.overview.peers if p.kind == "township"), None)
        rows = (self.peer_fingerprint_label, self.sent_label, self.received_label)
        for label in rows:
            self._peer_form.setRowVisible(label, peer is not None)
        if peer is None:
            self.peer_label.setText(self.tr(
                "本村还没有加入乡镇。请用右边的“选择文件…”打开乡镇发来的入网文件(文件名中有“入网文件”)。"))
            _set_role(self.peer_label, "error")
            self._peer_form.setRowVisible(self.missing_label, False)
            return
        _set_role(self.peer_label, "")
        self.peer_label.setText(self.tr("{name}({code}) · {status}").format(
            name=peer.name, code=peer.code, status=peer_status_label(peer.status)))
        self.peer_fingerprint_label.setText(peer.fingerprint)
        sent = package_text(peer.last_out_no, peer.last_out_at)
        if peer.last_out_no:
            if peer.out_acked_no >= peer.last_out_no:
                sent += self.tr(" · 乡镇已确认收到")
            elif peer.out_acked_no:
                sent += self.tr(" · 乡镇已确认收到第 {acked} 号及以前的;之后的修改会随下一个数据包一起带上,"
                                "不用重发").format(acked=peer.out_acked_no)
            else:
                sent += self.tr(" · 乡镇还没有确认收到")
        self.sent_label.setText(sent)
        self.received_label.setText(package_text(peer.last_in_no, peer.last_in_at))
        self.missing_label.setText(self.tr("还没有收到乡镇的{numbers}数据包。").format(
            numbers=numbers_text(peer.missing)) if peer.missing else "")
        self._peer_form.setRowVisible(self.missing_label, bool(peer.missing))

    def _fill_villages(self) -> None:
        keep = self.selected_village()
        villages = [p for p in self.overview.peers if p.kind == "village"]
        table = self.villages_table
        table.blockSignals(True)
        table.setRowCount(len(villages))
        for row, p in enumerate(villages):
            receipt = package_text(p.last_out_no, "")
            if p.last_out_no:
                receipt += self.tr(" · 村里已收到") if p.out_acked_no >= p.last_out_no else self.tr(" · 村里未确认")
            cells = [f"{p.name}({p.code})", peer_status_label(p.status), p.fingerprint or self.tr("(还没有)"),
                     package_text(p.last_in_no, p.last_in_at[:10]), silence_text(p.silent_days),
                     numbers_text(p.missing) or self.tr("不缺"), receipt]
            for col, text in enumerate(cells):
                item = _cell(text, tooltip=package_text(p.last_out_no, p.last_out_at) if col == 6 else "")
                item.setData(Qt.ItemDataRole.UserRole, p.code)
                if (col == 5 and p.missing) or (col == 4 and (p.silent_days or 0) > 30):
                    item.setForeground(RED)
                table.setItem(row, col, item)
        table.blockSignals(False)
        codes = [p.code for p in villages]
        if keep in codes:
            table.selectRow(codes.index(keep))
        elif codes:
            table.selectRow(0)
        self.villages_empty.setVisible(not codes)
        self._on_village_selected()

    def _fill_history(self) -> None:
        rows = xs.history(self._paths)
        table = self.history_table
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = _cell(status_label(r.status))
            if r.status == "refused":
                status.setForeground(RED)
            cells = [_cell(direction_label(r.direction), center=True),
                     _cell(f"{r.peer_name}({r.peer_code})" if r.peer_name != r.peer_code else r.peer_code),
                     _cell(str(r.number) if r.number else "–", center=True),
                     _cell(r.created_at or r.logged_at), status,
                     _cell(str(r.records) if r.records else "–", center=True), _cell(r.counts),
                     _cell(r.note.replace("\n", ";"), tooltip=f"{r.file_name}\n{r.note}".strip())]
            for col, item in enumerate(cells):
                table.setItem(i, col, item)
        table.resizeColumnsToContents()
        for col in (6, 7):
            table.setColumnWidth(col, min(table.columnWidth(col), 260))

    def selected_village(self) -> str | None:
        """Township: the code of the village selected in the table, or None."""
        if not self._township:
            return None
        items = self.villages_table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_village(self, code: str) -> None:
        """Township: select the village with this code in the table."""
        for row in range(self.villages_table.rowCount()):
            if self.villages_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == code:
                self.villages_table.selectRow(row)
                return

    def _village_row(self, code: str | None):
        return next((p for p in (self.overview.peers if self.overview else ()) if p.code == code), None)

    def _on_village_selected(self) -> None:
        peer = self._village_row(self.selected_village())
        self.reenroll_button.setEnabled(self._can_manage and peer is not None)
        if peer is None:
            self.recipient_label.setText(self.tr("请先在下面“本乡镇的村”中选中一个村"))
            _set_role(self.recipient_label, "hint")
        elif peer.status != "active":
            self.recipient_label.setText(self.tr("{name}:还没有收到它的第一个数据包,暂时不能发送回执").format(
                name=peer.name))
            _set_role(self.recipient_label, "error")
        else:
            self.recipient_label.setText(f"{peer.name}({peer.code})")
            _set_role(self.recipient_label, "")
        self._on_busy(self.jobs.is_busy())

    # --- export ---------------------------------------------------------------------------------

    def start_export(self) -> bool:
        """Write the next package (the township: the selected village's 回执) on the worker thread."""
        folder = self.target.folder()
        if folder is None:
            self.export_message.show_error(self.tr("请先选择保存到哪个U盘或文件夹(没有U盘时点“选择文件夹…”)。"))
            return False
        recipient = None
        if self._township:
            recipient = self.selected_village()
            if recipient is None:
                self.export_message.show_error(self.tr("请先在下面“本乡镇的村”中选中要发送回执的村。"))
                return False
        session, paths, full = self._session, self._paths, self.full_check.isChecked()

        def work(progress, cancelled):
            return xs.export_in_worker(session, paths, folder, full, recipient, progress, cancelled)

        self.export_message.show_hint(self.tr("正在写入数据包,请不要拔出U盘…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        return self.jobs.run(work, self._export_done, self._export_failed)

    def _export_done(self, result) -> None:
        self.export_result = result
        self.progress.hide()
        what = self.tr("共 {n} 条记录").format(n=result.records) if result.records else \
            self.tr("没有新的修改,只带有回执信息")
        if result.attachments:
            what += self.tr(",附件 {n} 个").format(n=result.attachments)
        self.export_message.show_ok(self.tr("已保存 {file}({what})。可以安全拔出U盘。").format(
            file=result.path.name, what=what))
        details = self.tr(
            "文件:{file}\n位置:{folder}\n内容:第 {number} 号数据包,{what}。\n\n可以安全拔出U盘。").format(
            file=result.path.name, folder=result.path.parent, number=result.number, what=what)
        if not self._township:
            details += "\n\n" + self.tr(
                "下一步:把U盘交给乡镇。乡镇导入后,会给本村一个回执数据包(文件名中有“乡镇回执”);"
                "拿回来后,在本页右边的“导入数据包”中点“扫描U盘”或“选择文件…”导入。")
        self._inform(self.tr("数据包已保存好。"), details)
        self.refresh()
        self.exchanged.emit()
        self._resume_queue()

    def _export_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, xs.Cancelled):
            self.export_message.show_hint(self.tr("已取消导出,目标上没有留下任何文件。"))
        else:
            self.export_message.show_error(error_text(exc))
            self.message_box = show_error(self, exc)
        self._resume_queue()

    def _resume_queue(self) -> None:
        """Files given while an export ran (a double-clicked package) are previewed now."""
        if self._queue and not self._waiting:
            self._next()

    # --- import ---------------------------------------------------------------------------------

    def choose_files(self) -> None:
        """The open-files dialog (several `.cwpkg` at once)."""
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择数据包"), str(self.target.folder() or Path.home()),
            self.tr("村务台账数据包 (*.cwpkg)"))
        if files:
            self.import_files([Path(f) for f in files])

    def scan_drives(self) -> PickPackagesDialog | None:
        """Look for packages on every U盘 found; the person ticks the ones to import."""
        self.target.refresh_drives()
        drives = xs.removable_drives()
        if not drives:
            self._inform(self.tr("没有找到U盘。"), self.tr(
                "请插好U盘,稍等几秒后再点“扫描U盘”。也可以点“选择文件…”直接选择数据包。"))
            return None
        found = [p for d in drives for p in xs.scan_for_packages(d.path)]
        return self.pick_packages(found)

    def pick_packages(self, found: list[Path]) -> PickPackagesDialog | None:
        """Offer the packages found (ours unticked); the ticked ones are previewed and imported."""
        if not found:
            self._inform(self.tr("U盘上没有数据包。"), self.tr(
                "U盘上没有找到“.cwpkg”数据包。请确认对方已经把数据包拷到这个U盘上。"))
            return None
        code = self.overview.code if self.overview else ""
        if self._township:
            def is_own(name: str) -> bool:
                return "_乡镇回执_" in name or "_入网文件_" in name
        else:
            own = re.compile(rf"^{re.escape(code)}_\d+_")

            def is_own(name: str) -> bool:
                return bool(own.match(name))
        dialog = PickPackagesDialog(found, is_own, self)
        dialog.accepted.connect(lambda: self.import_files(dialog.chosen()))
        dialog.open()
        return dialog

    def open_package(self, path: Path) -> None:
        """A package given on the command line (double-clicked): preview it like a chosen file."""
        self.import_files([Path(path)])

    def import_files(self, files: list[Path]) -> None:
        """Preview (then import) each file in turn; 入网文件 are recognised and confirmed."""
        self._queue.extend(Path(f) for f in files)
        if not self._waiting and not self.jobs.is_busy():
            self._next()

    def _next(self) -> None:
        self._waiting = False
        self._current = None
        if not self._queue:
            return
        path = self._current = self._queue.pop(0)
        if not path.is_file():
            # Said here in plain words: the package reader would pass on the system's (English) reason.
            text = self.tr("找不到文件 {file}。U盘是否已经拔出?请插好U盘后重新选择。").format(file=path.name)
            self.import_message.show_error(text)
            self._waiting = True
            self._inform(self.tr("找不到这个数据包。"), text).finished.connect(self._next)
            return
        if xs.is_setup_file(path):
            self._open_setup(path)
            return
        paths = self._paths
        self.import_message.show_hint(self.tr("正在检查 {file}…").format(file=path.name))
        self._waiting = True
        self.jobs.run(lambda _progress, _cancelled: xs.plan_in_worker(paths, path),
                      self._plan_ready, self._plan_failed)

    def _plan_ready(self, plan) -> None:
        self.import_message.clear_message()
        dialog = PreviewDialog(plan, self)
        dialog.finished.connect(lambda result: self._preview_closed(dialog, result))
        self.preview_dialog = dialog
        self._waiting = True
        dialog.open()

    def _preview_closed(self, dialog: PreviewDialog, result: int) -> None:
        plan = dialog.plan
        if result != PreviewDialog.DialogCode.Accepted or plan.already_imported:
            self.import_message.show_hint(self.tr("没有导入 {file}。").format(file=plan.path.name))
            self._next()
            return
        session, paths, path = self._session, self._paths, plan.path
        self.import_message.show_hint(self.tr("正在导入 {file},请稍候…").format(file=path.name))
        self.jobs.run(lambda _progress, _cancelled: xs.import_in_worker(session, paths, path),
                      self._import_done, self._import_failed)

    def _import_done(self, plan) -> None:
        self.last_import = plan
        self.refresh()
        self.exchanged.emit()
        if plan.already_imported:
            text = self.tr("{file} 已经导入过了,没有任何变化。").format(file=plan.path.name)
        else:
            text = self.tr("已导入{sender}的第 {number} 号数据包:新增 {new} 条,修改 {changed} 条。").format(
                sender=plan.sender_name, number=plan.number, new=plan.total("new"),
                changed=plan.total("changed"))
        conflicts = plan.total("conflict") if not plan.already_imported else 0
        self.import_message.show_ok(text)
        details = text
        if conflicts:
            details += "\n\n" + self.tr("有 {n} 条记录与本机的不一致,两个版本都保留了。"
                                        "请在下方“冲突”中逐条选择保留哪一个。").format(n=conflicts)
            self.tabs.setCurrentWidget(self.conflicts_panel)
        where = self._where_to_read(plan)
        if where:
            details += "\n\n" + where
        box = self._inform(self.tr("导入完成。"), details)
        box.finished.connect(self._next)

    def _where_to_read(self, plan) -> str:
        """Village: where each kind of thing the township sent can be read (empty for nothing new)."""
        if self._township or plan.already_imported:
            return ""
        arrived = {t.table for t in plan.tables if t.new or t.changed}
        places = (
            ({"rule_review", "review_comment"}, self.tr("乡镇对村规民约草案的审核意见:在“村规民约”中选中草案,看“审核”")),
            ({"rule_filing"}, self.tr("村规民约的备案回执:在“村规民约”中选中该版本,看“表决与备案”")),
            ({"township_answer"}, self.tr(
                "乡镇对上报事项的答复:在“村务监督”的“监督事项”或“村务公开”的“村民反映”中查看")),
            ({"township_notice"}, self.tr("乡镇通知:在“首页”的“乡镇通知”中阅读")),
        )
        lines = [f"• {text}" for tables, text in places if tables & arrived]
        if not lines:
            return ""
        return self.tr("乡镇发来的内容在这里查看:") + "\n" + "\n".join(lines)

    def _plan_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PackageRefused) and self._current is not None:
            xs.record_refusal(self._paths, self._current, str(exc))
        self._import_failed(exc)

    def _import_failed(self, exc: BaseException) -> None:
        name = self._current.name if self._current else ""
        self.import_message.show_error(self.tr("已拒绝 {file}:{reason}").format(file=name, reason=error_text(exc)))
        self.refresh()
        box = show_error(self, exc)
        self.message_box = box
        box.finished.connect(self._next)

    def _open_setup(self, path: Path) -> None:
        self._waiting = True
        try:
            if self._township:
                xs.accept_setup_file(path)  # refuses: a 入网文件 is for a village's PC
            setup = xs.read_setup_file(path)
        except CunwuError as exc:
            self._import_failed(exc)
            return
        dialog = SetupConfirmDialog(setup, self)
        dialog.finished.connect(lambda result: self._setup_closed(path, result))
        self.setup_dialog = dialog
        dialog.open()

    def _setup_closed(self, path: Path, result: int) -> None:
        if result != SetupConfirmDialog.DialogCode.Accepted:
            self.import_message.show_hint(self.tr("没有加入乡镇。"))
            self._next()
            return
        try:
            setup = xs.accept_setup_file(path)
        except CunwuError as exc:
            self._import_failed(exc)
            return
        text = self.tr("已加入{township}({code})。现在可以导出数据包发给乡镇了。").format(
            township=setup.township_name, code=setup.township_code)
        self.import_message.show_ok(text)
        self.refresh()
        self.exchanged.emit()
        self._inform(self.tr("已加入乡镇。"), text).finished.connect(self._next)

    # --- township: enrolment --------------------------------------------------------------------

    def open_enroll_dialog(self) -> EnrollDialog:
        """新增村庄…: code and name, then the 入网文件 is written (non-blocking dialog)."""
        dialog = EnrollDialog(self._session, self._paths, self)
        if self.target.folder() is not None:
            dialog.target.set_folder(self.target.folder())
        dialog.accepted.connect(lambda: self._enrolled(dialog))
        self.enroll_dialog = dialog
        dialog.open()
        return dialog

    def open_reenroll_dialog(self) -> ReenrollDialog | None:
        """重新入网… for the selected village (non-blocking dialog)."""
        peer = self._village_row(self.selected_village())
        if peer is None:
            return None
        dialog = ReenrollDialog(self._session, self._paths, peer.code, peer.name, self)
        if self.target.folder() is not None:
            dialog.target.set_folder(self.target.folder())
        dialog.accepted.connect(lambda: self._enrolled(dialog))
        self.enroll_dialog = dialog
        dialog.open()
        return dialog

    def _enrolled(self, dialog: EnrollDialog | ReenrollDialog) -> None:
        self.refresh()
        fingerprint = self.overview.fingerprint if self.overview else ""
        self._inform(self.tr("入网文件已生成。"), self.tr(
            "文件:{file}\n位置:{folder}\n\n请把这个文件拷给村里,在村里的电脑上导入。"
            "村里导入时会打电话核对乡镇电脑指纹,请念给对方:\n\n{fp}").format(
            file=dialog.written.name, folder=dialog.written.parent, fp=fingerprint))

    # --- common ---------------------------------------------------------------------------------

    def _inform(self, text: str, details: str) -> QMessageBox:
        self.message_box = inform(self, self.tr("数据交换"), text, details)
        return self.message_box

    def _joined(self) -> bool:
        """Village: a township is pinned (a package has someone to go to)."""
        return self._township or any(p.kind == "township" for p in (self.overview.peers if self.overview else ()))

    def _on_target_changed(self) -> None:
        none = self.target.folder() is None
        self.target_hint.setVisible(none)
        if not self._can_exchange:
            tip = self.tr("您的账号没有数据交换的权限。")
        elif not self._joined():
            tip = self.tr("本村还没有加入乡镇,先导入乡镇发来的入网文件,才能导出数据包。")
        else:
            tip = self.target_hint.text() if none else ""
        self.export_button.setToolTip(tip)
        self._on_busy(self.jobs.is_busy())

    def _on_busy(self, busy: bool) -> None:
        exporting = busy and self.progress.isVisible()
        self.cancel_button.setEnabled(exporting)
        can_send = self._can_exchange and not busy and self.target.folder() is not None and self._joined()
        if self._township:
            peer = self._village_row(self.selected_village())
            can_send = can_send and peer is not None and peer.status == "active"
        self.export_button.setEnabled(can_send)
        self.choose_files_button.setEnabled(self._can_exchange and not busy)
        self.scan_button.setEnabled(self._can_exchange and not busy)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
