"""乡镇 (county): the enrolled townships, enrolling a new one, and importing their 县级汇总包.

The register answers "which township have we not heard from?": each
township's code, name, state (red while waiting for its first 汇总包), the
fingerprint pinned from that first package, the last package and when it
was imported, how far its data goes, its villages and filed rules. 登记乡镇…
writes a township's 入网文件 to a U盘 (the township joins with it);
导入汇总包 reads what the townships hand in, with the fingerprint asked on
phone the first time (`ui.county.import_flow`). This PC's own fingerprint is
shown at the top: a township joining reads it out on the phone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services import county_service
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.roles import Permission
from ui.county.enrol_dialogs import (
    TownshipEnrollDialog,
    TownshipReenrollDialog,
    TownshipRetireDialog,
)
from ui.county.import_flow import CountyImport
from ui.county.townships_model import NAME_COL, TownshipsModel
from ui.operations import Runner
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.field_message import FieldMessage
from ui.widgets.outside_text import one_line
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.tables import read_only_view


class TownshipsPage(QWidget):
    """The page of the county's navigation area “乡镇”."""

    #: A package was read or a 入网文件 written: the status bar re-reads.
    exchanged = Signal()

    def __init__(self, session: Session, paths: AppPaths | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self._can_manage = session.can(Permission.MANAGE_VILLAGES)
        self._can_exchange = session.can(Permission.EXCHANGE)
        self.jobs = Runner(self)
        self.jobs.busy_changed.connect(self._on_busy)
        self.notifier = Notifier(self)
        self.message = FieldMessage()
        self.flow = CountyImport(session, paths, self.jobs, self.notifier, self.message, self)
        self.flow.imported.connect(self._after_import)
        self.flow.refused.connect(self.refresh)
        self.enroll_dialog = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setToolTip(self.tr("乡镇导入入网文件时,会打电话与您核对这一串字母和数字。"))
        self.enroll_button = QPushButton(self.tr("登记乡镇…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.reenroll_button = QPushButton(self.tr("重新入网…"))
        self.reenroll_button.setToolTip(self.tr("选中的乡镇换了电脑:停用旧密钥,生成新的入网文件。"))
        self.reenroll_button.clicked.connect(self.reenroll)
        self.retire_button = QPushButton(self.tr("停用…"))
        self.retire_button.setToolTip(self.tr("不再接收选中乡镇的汇总包(如撤并);已导入的数据保留,可重新入网恢复。"))
        self.retire_button.clicked.connect(self.retire)
        self.import_button = QPushButton(self.tr("导入汇总包…"))
        self.import_button.setToolTip(self.tr("选择乡镇交来的县级汇总包(.cwpkg 文件),可以一次选多个。"))
        self.import_button.clicked.connect(lambda: self.flow.choose_files())
        self.scan_button = QPushButton(self.tr("扫描U盘"))
        self.scan_button.clicked.connect(lambda: self.flow.scan_drives())
        if not self._can_manage:
            for button in (self.enroll_button, self.reenroll_button, self.retire_button):
                button.setToolTip(self.tr("只有县级管理员可以给乡镇入网或停用乡镇。"))
        if not self._can_exchange:
            for button in (self.import_button, self.scan_button):
                button.setToolTip(self.tr("您的账号没有数据交换的权限。"))

        #: Moves while a package is checked or imported (a large 汇总包 takes a few seconds).
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.model = TownshipsModel(self)
        self.table = read_only_view(self.model, NAME_COL, word_wrap=False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_busy(self.jobs.is_busy()))
        hint = QLabel(self.tr(
            "红色:已登记、还没有导入第一个汇总包的乡镇。乡镇在“报表”页导出县级汇总包,用U盘交来后点“导入汇总包…”;"
            "每个乡镇的第一个汇总包要打电话核对电脑指纹。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("乡镇"), 1.5, bold=True))
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.fingerprint_label)
        tools = QHBoxLayout()
        for button in (self.import_button, self.scan_button):
            tools.addWidget(button)
        tools.addStretch(1)
        for button in (self.enroll_button, self.reenroll_button, self.retire_button):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        self.refresh()
        self._fresh = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Re-read the register each time the page comes on screen."""
        super().showEvent(event)
        if self._fresh:
            self._fresh = False
        elif not event.spontaneous() and not self.jobs.is_busy():
            self.refresh()

    def refresh(self) -> None:
        """Read the townships again, keeping the one selected."""
        keep = self.selected_code()
        rows = county_service.townships()
        self.model.set_rows(rows)
        if keep is not None:
            self.select_township(keep)
        waiting = sum(1 for r in rows if not r.last_number and not r.retired)
        if not rows:
            self.summary.setText(self.tr("还没有登记任何乡镇。点“登记乡镇…”为乡镇生成入网文件。"))
        else:
            text = self.tr("共 {n} 个乡镇").format(n=len(rows))
            if waiting:
                text += self.tr(",{n} 个等待第一个汇总包").format(n=waiting)
            self.summary.setText(text)
        if self._paths is not None:
            self.fingerprint_label.setText(self.tr("本机电脑指纹:{fp}").format(fp=xs.own_fingerprint(self._paths)))
        self._on_busy(self.jobs.is_busy())

    def selected_code(self) -> str | None:
        """The code of the township selected, or None."""
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() and self.table.selectionModel().hasSelection() \
            else None
        return row.code if row is not None else None

    def select_township(self, code: str) -> bool:
        """Select a township by code (False when it is not listed)."""
        for i, row in enumerate(self.model.rows()):
            if row.code == code:
                self.table.selectRow(i)
                return True
        return False

    def _on_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        selected = self.selected_code() is not None
        self.enroll_button.setEnabled(self._can_manage and not busy)
        self.reenroll_button.setEnabled(self._can_manage and not busy and selected)
        row = next((r for r in self.model.rows() if r.code == self.selected_code()), None)
        self.retire_button.setEnabled(self._can_manage and not busy and row is not None and not row.retired)
        self.import_button.setEnabled(self._can_exchange and not busy)
        self.scan_button.setEnabled(self._can_exchange and not busy)

    def _after_import(self, plan) -> None:
        self.refresh()
        self.select_township(plan.sender_code)
        self.exchanged.emit()

    def enroll(self) -> TownshipEnrollDialog:
        """登记乡镇…: code and name, then the 入网文件 is written (non-blocking dialog)."""
        dialog = TownshipEnrollDialog(self._session, self._paths, self)
        dialog.accepted.connect(lambda: self._enrolled(dialog.written))
        dialog.open()
        self.enroll_dialog = dialog
        return dialog

    def reenroll(self) -> TownshipReenrollDialog | None:
        """重新入网… for the selected township (non-blocking dialog)."""
        code = self.selected_code()
        row = next((r for r in self.model.rows() if r.code == code), None)
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要重新入网的乡镇。"))
            return None
        dialog = TownshipReenrollDialog(self._session, self._paths, row.code, row.name, self)
        dialog.accepted.connect(lambda: self._enrolled(dialog.written))
        dialog.open()
        self.enroll_dialog = dialog
        return dialog

    def retire(self) -> TownshipRetireDialog | None:
        """停用… the selected township, after its reason and consequences are confirmed (non-blocking)."""
        row = next((r for r in self.model.rows() if r.code == self.selected_code()), None)
        if row is None:
            self.message.show_error(self.tr("请先在表中选中要停用的乡镇。"))
            return None
        dialog = TownshipRetireDialog(self._session, row.code, row.name, self)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(lambda: self.message.show_hint(
            self.tr("{name}已停用,不再接收它的汇总包。").format(name=one_line(row.name))))
        dialog.open()
        self.enroll_dialog = dialog
        return dialog

    def _enrolled(self, written: Path | None) -> None:
        self.refresh()
        self.exchanged.emit()
        if written is None:
            return
        self.notifier.inform(self.tr("入网文件已生成。"), self.tr(
            "文件:{file}\n位置:{folder}\n\n请用U盘当面交给乡镇,不要通过微信、QQ、邮件或网盘发送"
            "(谁拿到这个文件,谁就能冒充这个乡镇的电脑)。乡镇导入时会打电话核对本县电脑指纹,请念给对方:\n\n{fp}").format(
            file=one_line(written.name), folder=one_line(str(written.parent)),
            fp=xs.own_fingerprint(self._paths) if self._paths is not None else ""))

    def import_files(self, files: list[Path]) -> None:
        """Preview and import these 汇总包, one after the other."""
        self.flow.import_files([Path(f) for f in files])

    def open_package(self, path: Path) -> None:
        """A package double-clicked in the file manager: its preview, over this page."""
        self.import_files([Path(path)])
