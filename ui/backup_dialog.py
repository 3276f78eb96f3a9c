"""文件 → 备份…: copy the whole database into a folder the person chooses, with progress and 取消.

The same function as `cunwu backup --to DIR` (`desktop.backup.create_backup` through
`desktop.services.backup_service.back_up`, which refuses a login without the permission;
reason "manual"): an online copy, checked, flushed and renamed into place, so
a pulled USB stick never leaves a file that looks like a good backup. The
file is readable by this user only (see `desktop.backup`); the folder chosen
last is remembered in the settings (`last_backup_dir`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import backup_service
from desktop.services.session import Session
from models.errors import Cancelled
from ui.backups_model import size_label
from ui.operations import Runner
from ui.settings_store import SettingsStore
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary


class BackupDialog(QDialog):
    """Where to, 开始备份, the progress bar, 取消 while it runs; `made` is the new file."""

    backed_up = Signal(str)

    def __init__(self, session: Session, paths: AppPaths, settings: SettingsStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self._settings = settings
        self.made: Path | None = None
        self.setWindowTitle(self.tr("备份"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(min(em * 36, 640))

        intro = QLabel(self.tr("把全部数据复制成一个备份文件。电脑坏了或数据出错时,"
                               "可以用“文件 → 从备份恢复”找回。建议定期备份到 U 盘,U 盘另外保管。"))
        intro.setWordWrap(True)
        privacy = QLabel(self.tr("备份里有人员名册等个人信息。备份文件只有您这个电脑用户能打开;"
                                 "存到 U 盘上就和 U 盘一样,谁拿到都能复制,请妥善保管。"))
        privacy.setWordWrap(True)
        privacy.setProperty("role", "hint")
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("选择文件夹…"))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("保存到:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = FieldMessage()
        self.message.setWordWrap(True)
        self.start_button = make_primary(QPushButton(self.tr("开始备份")))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止这次备份,不留下任何文件"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(privacy)
        layout.addSpacing(6)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.runner = Runner(self, writes=False)
        self.runner.progress.connect(self._on_progress)
        self.runner.busy_changed.connect(self._on_busy)
        last = settings.values.last_backup_dir
        self.set_folder(Path(last) if last else paths.backups)

    def folder(self) -> Path:
        """Where the backup goes."""
        return Path(self.folder_edit.text())

    def set_folder(self, folder: Path) -> None:
        """Choose the target folder (what the folder dialog calls)."""
        self.folder_edit.setText(str(folder))
        self.folder_edit.setToolTip(str(folder))

    def choose_folder(self) -> None:
        """Ask for the folder, starting at the last one used."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("备份保存到哪个文件夹"), str(self.folder()))
        if chosen:
            self.set_folder(Path(chosen))

    def start(self) -> bool:
        """Copy the database on a worker; False when a copy is already running."""
        folder, database = self.folder(), self._paths.database
        self.message.show_hint(self.tr("正在备份……"))
        self.progress.setRange(0, 0)  # busy until the first step says how many pages

        session = self._session

        def work(progress, cancelled):  # the service checks the login may back up (管理员, 村文书)
            return backup_service.back_up(session, database, folder, progress=progress, cancelled=cancelled)

        return self.runner.run(work, self._done, self._failed)

    def cancel(self) -> None:
        """Stop the running copy at its next step (nothing is left behind)."""
        self.runner.cancel()

    def _done(self, made: Path) -> None:
        self.made = Path(made)
        self._settings.values.last_backup_dir = str(self.folder())
        self._settings.save()
        self.message.show_ok(self.tr("备份完成:{path}({size})").format(
            path=made, size=size_label(self.made.stat().st_size)))
        self.backed_up.emit(str(made))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.message.show_hint(self.tr("备份已取消,没有留下任何文件。"))
        else:
            self.message.show_failure(exc)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.start_button, self.choose_button, self.close_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def reject(self) -> None:
        """关闭 (or Esc): not while a copy runs — 取消 stops it first."""
        if self.runner.is_busy():
            self.message.show_hint(self.tr("正在备份,请等它完成,或先点“取消”。"))
            return
        super().reject()
