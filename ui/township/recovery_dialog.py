"""乡镇 → 村庄 → 生成恢复包…: every record the township holds of a village, for its new PC.

The dialog is the confirmation: it says when to use a 恢复包 (the village's
PC died and there is no backup), what must have happened first (重新入网,
and the new PC's first package imported here, its fingerprint checked), what
it holds and what it does not (logins, settings). It stays open on a refusal
and says why under the form; 取消 is the default answer. The 恢复包 holds a
village's whole history with its attachments, so it is written on a worker
with a progress bar, and 取消 stops it (nothing is left on the stick).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services import recovery_service
from desktop.services.session import Session
from models.errors import Cancelled
from ui.operations import Runner
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import grow_for_wrapped_text
from ui.widgets.target_chooser import TargetChooser


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from packages and the register
    label.setWordWrap(True)
    return label


class RecoveryDialog(QDialog):
    """Write the 恢复包 of the village `code` to a U盘 or folder."""

    def __init__(self, session: Session, paths: AppPaths, code: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths, self._code = session, paths, code
        self.written: recovery_service.RecoveryExport | None = None
        self.setWindowTitle(self.tr("生成恢复包"))
        self.setMinimumWidth(600)
        state = recovery_service.readiness(code)
        self.when = _plain(self.tr(
            "只在{name}({code})的电脑损坏或丢失、而且没有备份时使用。恢复包包含本机保存的该村全部记录"
            "({n} 条)和附件,村里在新电脑上导入后即可继续使用,以后的数据包接着往下编号。").format(
            name=name, code=code, n=state.records))
        self.steps = _plain(self.tr(
            "使用前:1. 在本页为该村“重新入网…”,把新的入网文件交给村里;2. 村里在新电脑上导入入网文件,"
            "导出一个数据包交回乡镇;3. 在本机导入它并电话核对指纹。恢复包只能由这台新电脑打开。"))
        self.steps.setProperty("role", "hint")
        self.not_included = _plain(self.tr(
            "账号和密码、村里电脑的设置不在恢复包里:新电脑初始化时创建的管理员继续使用,其他账号请在村里重新添加。"
            "乡镇的审核意见、备案回执和通知随下一次发给该村的回执送到。"))
        self.not_included.setProperty("role", "hint")
        self.target = TargetChooser()
        self.message = FieldMessage()
        self.progress = QProgressBar()
        self.progress.hide()
        self.jobs = Runner(self)
        self.jobs.progress.connect(self._on_progress)
        form = QFormLayout()
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        self.heading = ScaledLabel(self.tr("为{name}生成恢复包").format(name=name), 1.3, bold=True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        for label in (self.when, self.steps, self.not_included):
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("生成恢复包")))
        self.cancel_button.setDefault(True)
        self.ok_button.setAutoDefault(False)
        if not state.ready:  # the rule `cunwu export --recovery` refuses by, and its reason
            self.message.show_error(state.reason)
            self.ok_button.setEnabled(False)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Tall enough for every line of the explanation (a large font wraps it onto more lines)."""
        super().showEvent(event)
        grow_for_wrapped_text(self)

    def accept(self) -> None:
        """Write the 恢复包 on a worker; a refusal is explained under the form and the dialog stays."""
        if self.jobs.is_busy():
            return
        folder: Path | None = self.target.folder()
        if folder is None:
            self.message.show_error(self.tr("请选择保存到哪个U盘或文件夹。"))
            return
        session, paths, code = self._session, self._paths, self._code

        def work(progress, cancelled):
            return recovery_service.export_recovery(session, paths, code, folder, progress, cancelled)

        self.ok_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.show_hint(self.tr("正在生成恢复包,请不要拔出U盘…"))
        self.jobs.run(work, self._written, self._failed)

    def reject(self) -> None:
        """取消: stops a 恢复包 being written (nothing is left on the stick), else closes."""
        if self.jobs.is_busy():
            self.jobs.cancel()
            return
        super().reject()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _written(self, result) -> None:
        self.progress.hide()
        self.written = result
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.ok_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.message.show_hint(self.tr("已取消,没有生成恢复包。"))
        else:
            self.message.show_failure(exc)

    def written_message(self) -> tuple[str, str]:
        """What the page tells once the 恢复包 is written: where it is and what to do with it."""
        w = self.written
        details = self.tr("文件:{file}\n位置:{folder}\n共 {n} 条记录、{files} 个附件文件。\n\n"
                          "请把它拷给村里,在新电脑的“数据交换”中导入。").format(
            file=w.path.name, folder=w.path.parent, n=w.records, files=w.attachments)
        if w.missing_attachments:
            details += "\n\n" + self.tr("注意:本机有 {n} 个附件文件找不到,没有包含在恢复包里。").format(
                n=w.missing_attachments)
        return self.tr("恢复包已生成。"), details
