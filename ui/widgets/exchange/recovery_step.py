"""A 恢复包 among the files a village imports: check it, preview it, import it, say what came back.

The import flow hands a file here when it says it is a 恢复包 (the township
wrote it for this village's new PC). The steps are the flow's for a data
package — checked on the job runner, previewed in a non-blocking dialog,
imported on the job runner, a message — and `done` is called when the
person has read the last message (or a refusal), so the flow takes its next
file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services import recovery_service
from desktop.services.session import Session
from models.clock import local_display
from models.errors import PackageRefused
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel


def _plain(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the township's name comes from the package
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class RecoveryPreviewDialog(QDialog):
    """What a verified 恢复包 holds; 导入 brings the records onto this PC, 取消 changes nothing."""

    def __init__(self, plan: recovery_service.RecoveryPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入恢复包 - 请先确认"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(ScaledLabel(self.tr("导入恢复包前请确认"), 1.3, bold=True))
        self.summary_label = _plain(self.tr(
            "这是{township}为本村生成的恢复包(生成于 {when}),包含 {n} 条记录、{files} 个附件文件。"
            "本村电脑损坏而且没有备份时,用它在新电脑上找回本村的记录。").format(
            township=plan.township_name, when=local_display(plan.created_at), n=plan.records,
            files=plan.attachments))
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(len(plan.counts), 2)
        self.table.setHorizontalHeaderLabels([self.tr("内容"), self.tr("条数")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (label, n) in enumerate(recovery_service.labelled_counts(plan)):
            for col, text in enumerate((label, str(n))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        rows = min(len(plan.counts), 8)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                                  + sum(self.table.rowHeight(r) for r in range(rows)) + 4)
        layout.addWidget(self.table)
        self.after_label = _plain(self.tr(
            "导入后本机继续使用这些记录,下一个数据包接着往下编号,乡镇会把它当作新的数据包接收。"))
        layout.addWidget(self.after_label)
        self.not_included_label = _plain(self.tr(
            "不在恢复包里的:账号和密码、本机设置(初始化时创建的管理员继续使用,其他账号请重新添加);"
            "乡镇的审核意见、备案回执和通知由乡镇下一次的回执带回。"), "hint")
        layout.addWidget(self.not_included_label)
        self.missing_label = _plain(self.tr(
            "请注意:乡镇电脑上有 {n} 个附件文件找不到,没有包含在恢复包里。").format(n=plan.missing_attachments), "error")
        self.missing_label.setVisible(bool(plan.missing_attachments))
        layout.addWidget(self.missing_label)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        make_primary(self.import_button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(680, self.sizeHint().height())


class RecoveryStep(QObject):
    """One 恢复包: check → preview → import → message, then `done()`."""

    def __init__(self, session: Session, paths: AppPaths | None, jobs: Runner, notifier: Notifier,
                 message: FieldMessage, parent: QWidget, done: Callable[[], None],
                 recovered: Callable[[recovery_service.RecoveryPlan], None]):
        super().__init__(parent)
        self._session, self._paths, self._jobs, self._notifier = session, paths, jobs, notifier
        self._message, self._parent, self._done, self._recovered = message, parent, done, recovered
        self._path: Path | None = None
        self.preview_dialog: RecoveryPreviewDialog | None = None

    def start(self, path: Path) -> None:
        """Check the 恢复包 on the job runner, then preview it."""
        self._path = path
        paths = self._paths
        self._message.show_hint(self.tr("正在检查 {file}…").format(file=path.name))
        self._jobs.run_call(lambda: recovery_service.plan_recovery(paths, path), self._plan_ready, self._plan_failed)

    def _plan_ready(self, plan) -> None:
        self._message.clear_message()
        dialog = self.preview_dialog = RecoveryPreviewDialog(plan, self._parent)
        dialog.finished.connect(lambda result: self._preview_closed(dialog, result))
        dialog.open()

    def _preview_closed(self, dialog: RecoveryPreviewDialog, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self._message.show_hint(self.tr("没有导入 {file}。").format(file=dialog.plan.path.name))
            self._done()
            return
        session, paths, path = self._session, self._paths, dialog.plan.path
        self._message.show_hint(self.tr("正在导入恢复包 {file},请稍候…").format(file=path.name))
        self._jobs.run_call(lambda: recovery_service.import_recovery(session, paths, path),
                            self._imported, self._failed)

    def _imported(self, plan) -> None:
        text = self.tr("已从{township}的恢复包找回本村 {n} 条记录。").format(township=plan.township_name,
                                                                       n=plan.records)
        self._message.show_ok(text)
        self._recovered(plan)
        details = text + "\n\n" + self.tr(
            "以后照常导出数据包发给乡镇,编号接着往下。其他账号请在“设置”中重新添加;"
            "乡镇的审核意见、备案回执和通知请等乡镇下一次的回执。")
        self._notifier.inform(self.tr("恢复完成。"), details).finished.connect(self._done)

    def _plan_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PackageRefused) and self._path is not None:
            xs.record_refusal(self._paths, self._path, str(exc))
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        name = self._path.name if self._path else ""
        self._message.show_error(self.tr("已拒绝 {file}:{reason}").format(file=name, reason=error_text(exc)))
        self._notifier.error(exc).finished.connect(self._done)
