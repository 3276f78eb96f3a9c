"""Reading packages: pick them, preview each, import it, then say what arrived and where to read it.

The flow is the same on both sides; what differs is passed in as `side`
(the installation's own kind): which files on a U盘 are our own (left
unticked), whether a 入网文件 can be accepted (only on a village's PC), and
whether the what-next message points to where the township's answers are
read (only on a village). Files are taken one at a time from a queue: each
is checked on the job runner, previewed in a non-blocking dialog, imported
on the job runner, and its message closed before the next is opened.
Files given while another job runs (a package double-clicked during an
export) wait in the queue. The files of one run of the queue are one batch:
the database is backed up once, before the first of them that writes
(`exchange_service.start_import_batch`), not before each.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services import recovery_service
from desktop.services.session import Session
from models.errors import PackageRefused
from ui.errors import error_text
from ui.operations import Runner, run_op
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.exchange.package_dialogs import PickPackagesDialog, SetupConfirmDialog
from ui.widgets.exchange.preview_dialog import PreviewDialog
from ui.widgets.exchange.recovery_step import RecoveryStep
from ui.widgets.field_message import FieldMessage

SIDE_VILLAGE, SIDE_TOWNSHIP = "village", "township"


def is_own_package(side: str, own_code: str, name: str) -> bool:
    """Whether the file `name` was written by this installation (offered unticked on a U盘)."""
    if side == SIDE_TOWNSHIP:
        return "_乡镇回执_" in name or "_入网文件_" in name or "_恢复包_" in name
    return bool(re.match(rf"^{re.escape(own_code)}_\d+_", name))


class ImportFlow(QObject):
    """Queue → check → preview → import → message, one file at a time, over the widget `parent`."""

    #: A package was imported (or found already imported): `importer.ImportPlan`.
    imported = Signal(object)
    #: A package was refused (the history shows it now).
    refused = Signal()
    #: A village accepted its 入网文件 (`exchange_service.SetupInfo`).
    joined = Signal(object)
    #: A village's new PC imported its 恢复包 (`recovery_service.RecoveryPlan`).
    recovered = Signal(object)

    def __init__(self, session: Session, paths: AppPaths | None, jobs: Runner, notifier: Notifier,
                 message: FieldMessage, side: str, own_code: str, parent: QWidget):
        super().__init__(parent)
        self._session, self._paths, self._jobs, self._notifier = session, paths, jobs, notifier
        self._message, self._side, self._own_code, self._parent = message, side, own_code, parent
        self.preview_dialog: PreviewDialog | None = None
        self.setup_dialog: SetupConfirmDialog | None = None
        self.recovery_step: RecoveryStep | None = None
        #: The plan of the last package imported (tests and the page read it).
        self.last_import = None
        self._queue: list[Path] = []
        self._current: Path | None = None
        self._batch = None  # the backup shared by the files of this run of the queue
        self._waiting = False  # a dialog, message or job of the current file is open
        jobs.busy_changed.connect(self._on_busy)

    # --- choosing files -------------------------------------------------------------------------

    def choose_files(self, start: Path | None = None) -> None:
        """The open-files dialog (several `.cwpkg` at once), opening in `start`."""
        files, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("选择数据包"), str(start or Path.home()), self.tr("村务台账数据包 (*.cwpkg)"))
        if files:
            self.import_files([Path(f) for f in files])

    def scan_drives(self) -> PickPackagesDialog | None:
        """Look for packages on every U盘 found; the person ticks the ones to import."""
        drives = xs.removable_drives()
        if not drives:
            self._notifier.inform(self.tr("没有找到U盘。"), self.tr(
                "请插好U盘,稍等几秒后再点“扫描U盘”。也可以点“选择文件…”直接选择数据包。"))
            return None
        return self.pick_packages([p for d in drives for p in xs.scan_for_packages(d.path)])

    def pick_packages(self, found: list[Path]) -> PickPackagesDialog | None:
        """Offer the packages found (ours unticked); the ticked ones are previewed and imported."""
        if not found:
            self._notifier.inform(self.tr("U盘上没有数据包。"), self.tr(
                "U盘上没有找到“.cwpkg”数据包。请确认对方已经把数据包拷到这个U盘上。"))
            return None
        side, code = self._side, self._own_code
        dialog = PickPackagesDialog(found, lambda name: is_own_package(side, code, name), self._parent)
        dialog.accepted.connect(lambda: self.import_files(dialog.chosen()))
        dialog.open()
        return dialog

    def import_files(self, files: list[Path]) -> None:
        """Preview (then import) each file in turn; 入网文件 are recognised and confirmed."""
        self._queue.extend(Path(f) for f in files)
        if not self._waiting and not self._jobs.is_busy():
            self._next()

    def _on_busy(self, busy: bool) -> None:
        # Another job (an export) ended: files queued meanwhile are previewed once its message is up.
        if not busy and self._queue and not self._waiting:
            QTimer.singleShot(0, self, self._resume)

    def _resume(self) -> None:
        if self._queue and not self._waiting and not self._jobs.is_busy():
            self._next()

    # --- one file -------------------------------------------------------------------------------

    def _next(self) -> None:
        self._waiting = False
        self._current = None
        if not self._queue:
            self._batch = None  # the next files are a new batch, with a backup of their own
            return
        if self._batch is None:
            self._batch = xs.start_import_batch(self._paths)
        path = self._current = self._queue.pop(0)
        if not path.is_file():
            # Said here in plain words: the package reader would pass on the system's (English) reason.
            text = self.tr("找不到文件 {file}。U盘是否已经拔出?请插好U盘后重新选择。").format(file=path.name)
            self._message.show_error(text)
            self._waiting = True
            self._notifier.inform(self.tr("找不到这个数据包。"), text).finished.connect(self._next)
            return
        if xs.is_setup_file(path):
            self._open_setup(path)
            return
        if recovery_service.is_recovery_file(path):  # the township's 恢复包 for this village's new PC
            self._waiting = True
            self.recovery_step = RecoveryStep(self._session, self._paths, self._jobs, self._notifier, self._message,
                                              self._parent, self._next, self.recovered.emit)
            self.recovery_step.start(path)
            return
        paths = self._paths
        self._message.show_hint(self.tr("正在检查 {file}…").format(file=path.name))
        self._waiting = True
        self._jobs.run_call(lambda: xs.plan_package(paths, path),
                            self._plan_ready, self._plan_failed)

    def _plan_ready(self, plan) -> None:
        self._message.clear_message()
        dialog = PreviewDialog(plan, self._parent)
        dialog.finished.connect(lambda result: self._preview_closed(dialog, result))
        self.preview_dialog = dialog
        self._waiting = True
        dialog.open()

    def _preview_closed(self, dialog: PreviewDialog, result: int) -> None:
        plan = dialog.plan
        if result != PreviewDialog.DialogCode.Accepted or plan.already_imported:
            self._message.show_hint(self.tr("没有导入 {file}。").format(file=plan.path.name))
            self._next()
            return
        session, paths, path, batch = self._session, self._paths, plan.path, self._batch
        typed = dialog.typed_fingerprint() or ""  # checked again by the import: a first package needs it
        self._message.show_hint(self.tr("正在导入 {file},请稍候…").format(file=path.name))
        self._jobs.run_call(lambda: xs.import_package(session, paths, path, batch, fingerprint=typed),
                            self._import_done, self._import_failed)

    def _import_done(self, plan) -> None:
        self.last_import = plan
        self.imported.emit(plan)
        if plan.already_imported:
            text = self.tr("{file} 已经导入过了,没有任何变化。").format(file=plan.path.name)
        else:
            text = self.tr("已导入{sender}的第 {number} 号数据包:新增 {new} 条,修改 {changed} 条。").format(
                sender=plan.sender_name, number=plan.number, new=plan.total("new"),
                changed=plan.total("changed"))
        conflicts = plan.total("conflict") if not plan.already_imported else 0
        self._message.show_ok(text)
        details = text
        if conflicts:
            details += "\n\n" + self.tr("有 {n} 条记录与本机的不一致,两个版本都保留了。"
                                        "请在下方“冲突”中逐条选择保留哪一个。").format(n=conflicts)
        where = self._where_to_read(plan)
        if where:
            details += "\n\n" + where
        self._notifier.inform(self.tr("导入完成。"), details).finished.connect(self._next)

    def _where_to_read(self, plan) -> str:
        """Village: where each kind of thing the township sent can be read (empty for nothing new)."""
        if self._side != SIDE_VILLAGE or plan.already_imported:
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
        self._message.show_error(self.tr("已拒绝 {file}:{reason}").format(file=name, reason=error_text(exc)))
        self.refused.emit()
        self._notifier.error(exc).finished.connect(self._next)

    # --- 入网文件 --------------------------------------------------------------------------------

    def _open_setup(self, path: Path) -> None:
        self._waiting = True
        side = self._side

        def read():
            if side == SIDE_TOWNSHIP:
                xs.accept_setup_file(path)  # refuses: a 入网文件 is for a village's PC
            return xs.read_setup_file(path)

        done = run_op(self._parent, read, on_failure=self._import_failed)
        if not done:
            return
        dialog = SetupConfirmDialog(done.value, self._parent)
        dialog.finished.connect(lambda result: self._setup_closed(path, result))
        self.setup_dialog = dialog
        dialog.open()

    def _setup_closed(self, path: Path, result: int) -> None:
        if result != SetupConfirmDialog.DialogCode.Accepted:
            self._message.show_hint(self.tr("没有加入乡镇。"))
            self._next()
            return
        done = run_op(self._parent, lambda: xs.accept_setup_file(path), on_failure=self._import_failed)
        if not done:
            return
        setup = done.value
        text = self.tr("已加入{township}({code})。现在可以导出数据包发给乡镇了。").format(
            township=setup.township_name, code=setup.township_code)
        self._message.show_ok(text)
        self.joined.emit(setup)
        self._notifier.inform(self.tr("已加入乡镇。"), text).finished.connect(self._next)
