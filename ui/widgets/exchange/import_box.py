"""The box with the two ways to read packages (扫描U盘, 选择文件…) and the line that says how it went.

It owns the `ImportFlow` that does the reading (`flow`); the page that holds
the box passes in the side it is on and, for the file dialog's first folder
and the U盘 list, the target chooser of its export box.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from models.roles import Permission
from ui.operations import Runner
from ui.widgets.exchange.import_flow import SIDE_TOWNSHIP, ImportFlow
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.exchange.package_dialogs import PickPackagesDialog
from ui.widgets.field_message import FieldMessage
from ui.widgets.target_chooser import TargetChooser


class ImportBox(QGroupBox):
    """导入数据包: 扫描U盘 / 选择文件… start the import flow; its progress is said under the buttons."""

    def __init__(self, session: Session, paths: AppPaths | None, jobs: Runner, notifier: Notifier,
                 side: str, own_code: str, target: TargetChooser, parent: QWidget | None = None):
        super().__init__(parent)
        self._jobs, self._target = jobs, target
        self._can_exchange = session.can(Permission.EXCHANGE)
        self.setTitle(self.tr("导入数据包(各村发来的)") if side == SIDE_TOWNSHIP else self.tr("导入数据包(乡镇发来的)"))
        explain = QLabel(self.tr("导入前会先显示数据包的内容,您确认后才会导入。"))
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        #: On a village's new PC (the old one died without a backup) nothing else says the records can come
        #: back: the 恢复包 the township writes is read here like any package.
        self.recovery_hint = None
        if side != SIDE_TOWNSHIP:
            self.recovery_hint = QLabel(self.tr(
                "电脑坏了又没有备份?请乡镇为本村“重新入网”并生成“恢复包”,拿回来在这里导入,本村的记录就回来了。"
                "恢复之前请先不要录入(恢复包只能导入到还没有本村记录的电脑上)。"))
            self.recovery_hint.setWordWrap(True)
            self.recovery_hint.setProperty("role", "hint")
        self.choose_files_button = QPushButton(self.tr("选择文件…"))
        self.choose_files_button.clicked.connect(self.choose_files)
        self.scan_button = QPushButton(self.tr("扫描U盘"))
        self.scan_button.clicked.connect(self.scan_drives)
        if not self._can_exchange:
            for button in (self.choose_files_button, self.scan_button):
                button.setToolTip(self.tr("您的账号没有数据交换的权限。"))
        self.import_message = FieldMessage()
        self.flow = ImportFlow(session, paths, jobs, notifier, self.import_message, side, own_code, self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.choose_files_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        if self.recovery_hint is not None:
            layout.addWidget(self.recovery_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.import_message)
        layout.addStretch(1)
        jobs.busy_changed.connect(self._on_busy)
        self._on_busy(jobs.is_busy())

    def choose_files(self) -> None:
        """选择文件…: the open-files dialog, starting where packages are written."""
        self.flow.choose_files(self._target.folder())

    def scan_drives(self) -> PickPackagesDialog | None:
        """扫描U盘: the U盘 list is re-read (so the export box shows it too), then searched."""
        self._target.refresh_drives()
        return self.flow.scan_drives()

    def _on_busy(self, busy: bool) -> None:
        for button in (self.choose_files_button, self.scan_button):
            button.setEnabled(self._can_exchange and not busy)
