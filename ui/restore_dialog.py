"""文件 → 从备份恢复…: the automatic backups (date, kind, size) or a file, checked, asked, restored.

The same functions as `cunwu restore FILE` (`desktop.backup.summarize` and
`restore`), in three steps a person can follow:

1. choose a backup from the list of this installation's backups, or another
   file (the folder dialog starts where the last backup was saved);
2. the file is checked on a worker (a file that is not our backup is refused
   here in Chinese, and nothing is touched), then the question says in plain
   words what will replace what, and that the current data is kept first;
3. 恢复: the connection is closed, the current data saved as a
   `before-restore` backup and the backup swapped in on a worker (progress,
   取消 until the swap); the database is then opened again — the restored
   file, or the old one untouched when anything failed — and `restored` is
   emitted: the main window ends the session, since the accounts may differ.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import backup, storage
from desktop.paths import AppPaths
from desktop.services import backup_service
from desktop.services.session import Session
from models.clock import local_display
from models.errors import Cancelled
from ui.backups_model import TAKEN, BackupsModel
from ui.errors import error_text
from ui.operations import Runner
from ui.settings_store import SettingsStore
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.tables import read_only_view


class RestoreDialog(QDialog):
    """The backups, 选择其他备份文件…, 恢复…; `restored(previous)` once the data was replaced."""

    restored = Signal(object)  # the before-restore backup of the data replaced (a Path, or None)

    def __init__(self, session: Session, paths: AppPaths, settings: SettingsStore, parent: QWidget | None = None,
                 before_restore: Callable[[Callable[[bool], None]], None] | None = None):
        """`before_restore(then)` is asked after 恢复 was confirmed; `then(True)` goes on.

        The main window passes its `ask_leave_all`: every editor with unsaved
        typing is asked 保存 / 不保存 / 取消 before the data is replaced.
        """
        super().__init__(parent)
        self._before = before_restore or (lambda then: then(True))
        self._session = session
        self._paths = paths
        self._settings = settings
        self.chosen: Path | None = None
        self.pending_box: QMessageBox | None = None
        self.previous: Path | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(min(em * 38, 680))

        intro = QLabel(self.tr("选一个备份,用它替换现在的全部数据。恢复前会先把现在的数据另存一份备份,"
                               "恢复错了还能再恢复回来。恢复后需要重新登录。"))
        intro.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = read_only_view(self.model, TAKEN)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.ask_restore())
        self.empty_label = QLabel(self.tr("备份文件夹里还没有备份。每天第一次打开村务台账时会自动备份一次。"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        self.other_button = QPushButton(self.tr("选择其他备份文件…"))
        self.other_button.setToolTip(self.tr("例如 U 盘上的备份(.sqlite3)"))
        self.other_button.clicked.connect(self.choose_file)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other_button)
        other_row.addWidget(self.chosen_label, 1)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = FieldMessage()
        self.message.setWordWrap(True)
        self.restore_button = make_primary(QPushButton(self.tr("恢复…")))
        self.restore_button.clicked.connect(self.ask_restore)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("在替换数据之前停下,什么都不改"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("本机的备份(最新的在上面):")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(other_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.checker = Runner(self, writes=False)  # reads the chosen file
        # Replaces the database: one writer (never beside an import), and no connection held to the file.
        self.runner = Runner(self, connect=False)
        self.runner.progress.connect(self._on_progress)
        self.runner.busy_changed.connect(self._on_busy)
        self.checker.busy_changed.connect(self._on_busy)
        self.refresh()

    # ----- choosing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the backups folder."""
        self.model.set_backups(backup.list_backups(self._paths.backups))
        self.table.setVisible(bool(self.model.total()))
        self.empty_label.setVisible(not self.model.total())
        self._update_buttons()

    def selected_file(self) -> Path | None:
        """The backup to restore: a file chosen with 选择其他备份文件…, else the selected row."""
        if self.chosen is not None:
            return self.chosen
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()).path if rows else None

    def select_row(self, row: int) -> None:
        """Select a backup of the list (as a click would)."""
        self.table.selectRow(row)

    def pick_file(self, path: Path) -> None:
        """Use `path` (what the file dialog calls)."""
        self.chosen = Path(path)
        self.table.clearSelection()
        self.chosen_label.setText(self.tr("已选:{path}").format(path=path))
        self.chosen_label.setToolTip(str(path))
        self._update_buttons()

    def choose_file(self) -> None:
        """Ask for a backup file, starting where the last backup was saved."""
        start = self._settings.values.last_backup_dir or str(self._paths.backups)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), start,
                                              self.tr("村务台账备份 (*.sqlite3);;所有文件 (*)"))
        if path:
            self._settings.values.last_backup_dir = str(Path(path).parent)
            self._settings.save()
            self.pick_file(Path(path))

    def _on_selection(self, *_args) -> None:
        if self.table.selectionModel().selectedRows():
            self.chosen = None
            self.chosen_label.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.runner.is_busy() or self.checker.is_busy()
        self.restore_button.setEnabled(not busy and self.selected_file() is not None)

    # ----- checking and asking ----------------------------------------------------------------

    def ask_restore(self) -> bool:
        """Check the chosen file on a worker, then ask; False when nothing is chosen or a job runs."""
        path = self.selected_file()
        if path is None or self.runner.is_busy():
            return False
        database = self._paths.database
        self.message.show_hint(self.tr("正在检查备份文件……"))

        def read(_progress, _cancelled):
            incoming = backup.summarize(path)
            current = backup.summarize(database) if database.exists() else None
            return incoming, current

        return self.checker.run(read, lambda found: self._ask(path, *found), self.message.show_failure)

    def _describe(self, summary: backup.DatabaseSummary) -> str:
        """Two lines: whose data, then how much and when it was last changed."""
        shown = ("人员", "账号") + (("村庄",) if summary.mode == "township" else ())
        counts = "、".join(f"{label} {summary.counts[label]}" for label in shown if label in summary.counts)
        return self.tr("{name}({code})\n　　{counts},最后修改 {when}").format(
            name=summary.name or self.tr("(未初始化)"), code=summary.code or "-",
            when=local_display(summary.last_change) or self.tr("无"), counts=counts)

    def _ask(self, path: Path, incoming: backup.DatabaseSummary, current: backup.DatabaseSummary | None) -> None:
        self.message.clear_message()
        lines = [self.tr("用这个备份替换现在的全部数据吗?"), "",
                 self.tr("备份里的:{what}").format(what=self._describe(incoming))]
        if current is not None:
            lines.append(self.tr("现在的:{what}").format(what=self._describe(current)))
            if current.code and incoming.code and current.code != incoming.code:
                lines += ["", self.tr("注意:这个备份是另一个村(或乡镇)的数据,不是现在这个。")]
        lines += ["", self.tr("恢复前,现在的数据会先另存一份备份(列表里的“恢复前自动备份”),"
                              "恢复错了还能恢复回来。恢复后需要重新登录。")]
        self.pending_box = ask_confirm(self, self.tr("从备份恢复"), "\n".join(lines), self.tr("恢复"),
                                       lambda: self._before(lambda ok: ok and self.start_restore(path)),
                                       on_answer=self._forget_box)

    def _forget_box(self) -> None:
        self.pending_box = None

    # ----- restoring --------------------------------------------------------------------------

    def start_restore(self, path: Path) -> bool:
        """Close the connection and replace the database with `path` on a worker (no question asked)."""
        paths, session = self._paths, self._session
        if not backup_service.may_restore(session):
            self.message.show_error(self.tr("只有管理员可以从备份恢复。"))
            return False
        self.message.show_hint(self.tr("正在恢复……请不要关闭电脑。"))
        self.progress.setRange(0, 0)
        storage.close_for_restore()

        def work(progress, cancelled):  # the service checks again: the administrator's only
            return backup_service.restore(session, paths, path, progress, cancelled)

        started = self.runner.run(work, self._done, self._failed)
        if not started:
            storage.open_store(paths)
        return started

    def cancel(self) -> None:
        """Stop before the swap (nothing changes)."""
        self.runner.cancel()

    def _done(self, previous: Path | None) -> None:
        self.previous = previous
        reopened = self._reopen()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if reopened:
            self.message.show_ok(self.tr("已恢复。原来的数据另存为:{path}").format(path=previous or "-"))
            self.restored.emit(previous)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        if not self._reopen():
            return
        if isinstance(exc, Cancelled):
            self.message.show_hint(self.tr("已取消,现在的数据没有任何改动。"))
        else:
            self.message.show_failure(exc)
        self.refresh()

    def _reopen(self) -> bool:
        """Open the database again (the restored file, or the old one); say so if it cannot be."""
        try:
            storage.open_store(self._paths)
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt's event loop
            self.message.show_error(self.tr("数据库没能重新打开:{reason}。请关闭村务台账后重新打开。").format(
                reason=error_text(exc)))
            return False
        return True

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_busy(self, _busy: bool) -> None:
        restoring = self.runner.is_busy()
        self.progress.setVisible(restoring or self.previous is not None)
        for widget in (self.other_button, self.close_button, self.table):
            widget.setEnabled(not restoring)
        self.cancel_button.setEnabled(restoring)
        self._update_buttons()

    def reject(self) -> None:
        """关闭 (or Esc): not while the data is being replaced."""
        if self.runner.is_busy():
            self.message.show_hint(self.tr("正在恢复,请等它完成,或先点“取消”。"))
            return
        super().reject()
