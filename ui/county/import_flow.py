"""The county reads its townships' 县级汇总包: pick, check, preview, import, say what came — one at a time.

The same steps as the township's import of village packages
(`ui.widgets.exchange.import_flow`), over `county_import`: each file is
verified on the job runner (`plan_aggregate`), previewed
(`AggregatePreviewDialog`, with the fingerprint on a township's first
package), applied on the job runner (`apply_aggregate`, which checks the
typed fingerprint again), and its message closed before the next file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.paths import AppPaths
from desktop.services import county_exchange_service as ces
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.errors import PackageRefused
from ui.county.aggregate_preview import AggregatePreviewDialog
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.exchange.package_dialogs import PickPackagesDialog
from ui.widgets.field_message import FieldMessage


def is_own_package(name: str) -> bool:
    """Files the county wrote itself (入网文件, 回执): offered unticked when a U盘 is scanned."""
    return "_入网文件_" in name or "_县级回执_" in name


class CountyImport(QObject):
    """Queue → check → preview → import → message, one file at a time, over the widget `parent`."""

    #: A 汇总包 was imported (or found already imported): its `AggregatePlan`.
    imported = Signal(object)
    #: A file was refused (its reason is in the message and the journal).
    refused = Signal()

    def __init__(self, session: Session, paths: AppPaths | None, jobs: Runner, notifier: Notifier,
                 message: FieldMessage, parent: QWidget):
        super().__init__(parent)
        self._session, self._paths, self._jobs, self._notifier = session, paths, jobs, notifier
        self._message, self._parent = message, parent
        self.preview_dialog: AggregatePreviewDialog | None = None
        self.last_import = None
        self._queue: list[Path] = []
        self._current: Path | None = None
        self._waiting = False

    def choose_files(self, start: Path | None = None) -> None:
        """The open-files dialog (several 汇总包 at once)."""
        files, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("选择县级汇总包"), str(start or Path.home()), self.tr("村务台账数据包 (*.cwpkg)"))
        if files:
            self.import_files([Path(f) for f in files])

    def scan_drives(self) -> PickPackagesDialog | None:
        """Look for packages on every U盘 found; the person ticks the ones to import."""
        drives = xs.removable_drives()
        found = [p for d in drives for p in xs.scan_for_packages(d.path)]
        if not found:
            self._notifier.inform(self.tr("U盘上没有数据包。"), self.tr(
                "没有找到U盘,或U盘上没有“.cwpkg”文件。请插好乡镇交来的U盘,稍等几秒后再试;"
                "也可以点“选择文件…”直接选择汇总包。"))
            return None
        dialog = PickPackagesDialog(found, is_own_package, self._parent)
        dialog.accepted.connect(lambda: self.import_files(dialog.chosen()))
        dialog.open()
        return dialog

    def import_files(self, files: list[Path]) -> None:
        """Preview (then import) each file in turn."""
        self._queue.extend(Path(f) for f in files)
        if not self._waiting and not self._jobs.is_busy():
            self._next()

    def _next(self) -> None:
        self._waiting = False
        self._current = None
        if not self._queue:
            return
        path = self._current = self._queue.pop(0)
        self._waiting = True
        if not path.is_file():
            text = self.tr("找不到文件 {file}。U盘是否已经拔出?请插好U盘后重新选择。").format(file=path.name)
            self._message.show_error(text)
            self._notifier.inform(self.tr("找不到这个汇总包。"), text).finished.connect(self._next)
            return
        paths = self._paths
        self._message.show_hint(self.tr("正在检查 {file}…").format(file=path.name))
        self._jobs.run_call(lambda: ces.plan_aggregate(paths, path), self._plan_ready, self._plan_failed)

    def _plan_ready(self, plan) -> None:
        self._message.clear_message()
        dialog = AggregatePreviewDialog(plan, self._parent)
        dialog.finished.connect(lambda result: self._preview_closed(dialog, result))
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self, dialog: AggregatePreviewDialog, result: int) -> None:
        plan = dialog.plan
        if result != AggregatePreviewDialog.DialogCode.Accepted or plan.already_imported:
            self._message.show_hint(self.tr("没有导入 {file}。").format(file=plan.path.name))
            self._next()
            return
        session, paths, path = self._session, self._paths, plan.path
        typed = dialog.typed_fingerprint()  # checked again by the import: a first package needs it
        self._message.show_hint(self.tr("正在导入 {file},请稍候…").format(file=path.name))
        self._jobs.run_call(lambda: ces.import_aggregate(session, paths, path, typed),
                            self._done, self._failed)

    def _done(self, plan) -> None:
        self.last_import = plan
        self.imported.emit(plan)
        name = plan.peer_name or plan.sender_code
        if plan.already_imported:
            text = self.tr("{file} 已经导入过了,没有任何变化。").format(file=plan.path.name)
        elif plan.older:
            text = self.tr("已记录{name}的第 {n} 号汇总包(较早的一个,数据不变)。").format(name=name, n=plan.number)
        else:
            text = self.tr("已导入{name}的第 {n} 号汇总包:{v} 个村、{p} 个期间,{f} 件备案。").format(
                name=name, n=plan.number, v=plan.villages, p=plan.periods, f=plan.filings)
        self._message.show_ok(text)
        details = text + "\n\n" + self.tr("在“合规看板”查看各村情况,在“报表”里给乡镇写回执。")
        self._notifier.inform(self.tr("导入完成。"), details).finished.connect(self._next)

    def _plan_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PackageRefused) and self._current is not None:
            ces.record_refusal(self._paths, self._current, str(exc))  # the import journals its own
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        name = self._current.name if self._current else ""
        text = self.tr("已拒绝 {file}:{reason}").format(file=name, reason=error_text(exc))
        self._message.show_error(text)
        self.refused.emit()
        # the queue goes on: a refused file must not leave 导入汇总包 doing nothing for the next one
        if self._queue:
            self._notifier.inform(self.tr("已拒绝这个文件。"), text).finished.connect(self._next)
        else:
            self._waiting, self._current = False, None
        self._notifier.error(exc).finished.connect(self._next)
