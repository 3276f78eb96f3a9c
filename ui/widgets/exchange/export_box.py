"""The box that writes a package to a U盘 or folder: for the township (a village) or for a village (a township).

The recipient is passed in by the page that holds the box (`set_recipient`):
the village's page gives its township once it has joined; the township's
村庄 page gives the village selected in its register. The box chooses the
target, full or incremental, shows progress, can cancel, and ends with
“可以安全拔出U盘”. The write runs on the page's job runner, so an import and
an export never run at the same time.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.roles import Permission
from ui.errors import error_text
from ui.operations import Runner
from ui.widgets.exchange.notifier import Notifier
from ui.widgets.field_message import FieldMessage
from ui.widgets.palette import set_role
from ui.widgets.primary_button import make_primary
from ui.widgets.target_chooser import TargetChooser

#: Who the box writes to (the constructor's `to`).
TO_TOWNSHIP, TO_VILLAGE = "township", "village"


@dataclass(frozen=True)
class Recipient:
    """Whom the next package goes to, as the page knows it."""

    code: str
    name: str
    #: Whether a package can go to it now (a village that has not sent its first package cannot get a 回执).
    ready: bool = True
    #: This PC's 8 characters while the recipient has not yet confirmed any package of ours: its person
    #: will phone and ask for them before the first import, so the export's message says so.
    phone_fingerprint: str = ""



class ExportBox(QGroupBox):
    """导出数据包 (to the township) or 发送回执 (to a village): target, full/incremental, progress, cancel."""

    #: A package was written (`exporter.ExportResult`).
    exported = Signal(object)

    def __init__(self, session: Session, paths: AppPaths | None, jobs: Runner, notifier: Notifier,
                 to: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths, self._jobs, self._notifier = session, paths, jobs, notifier
        self._to = to
        self._can_exchange = session.can(Permission.EXCHANGE)
        self._recipient: Recipient | None = None
        self._why_not = ""  # why there is no recipient (the tooltip of the button)
        #: The last package written (tests and the page read it).
        self.export_result = None
        self.setTitle(self.tr("发送回执给村里") if to == TO_VILLAGE else self.tr("导出数据包(发给乡镇)"))

        self.target = TargetChooser()
        self.target.changed.connect(self._update)
        #: Shown while there is no U盘 and no folder: what to do, since 导出 is off until then.
        self.target_hint = QLabel(self.tr(
            "没有找到U盘。请插好U盘(稍等几秒会自动出现在上面),或点“选择文件夹…”选一个文件夹。"))
        self.target_hint.setWordWrap(True)
        self.target_hint.setProperty("role", "hint")
        self.full_check = QCheckBox(self.tr("完整数据包(包含全部记录,一般不用勾选)"))
        self.export_button = QPushButton(self.tr("发送回执") if to == TO_VILLAGE else self.tr("导出数据包"))
        make_primary(self.export_button)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(jobs.cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.export_message = FieldMessage()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.recipient_label = QLabel()
        self.recipient_label.setWordWrap(True)
        if to == TO_VILLAGE:
            form.addRow(self.tr("发给:"), self.recipient_label)
        form.addRow(self.tr("保存到:"), self.target)
        form.addRow(self.target_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.full_check)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.export_message)
        layout.addStretch(1)
        jobs.busy_changed.connect(self._update)
        jobs.progress.connect(self._on_progress)
        self.set_recipient(None)

    # --- the recipient --------------------------------------------------------------------------

    def set_recipient(self, recipient: Recipient | None, why_not: str = "") -> None:
        """Whom the next package goes to; None (with `why_not`, said on the button) when nobody yet."""
        self._recipient, self._why_not = recipient, why_not
        if self._to == TO_VILLAGE:
            if recipient is None:
                self.recipient_label.setText(self.tr("请先在左边的表中选中一个村"))
                set_role(self.recipient_label, "hint")
            elif not recipient.ready:
                self.recipient_label.setText(self.tr(
                    "{name}:还没有收到它的第一个数据包,暂时不能发送回执").format(name=recipient.name))
                set_role(self.recipient_label, "error")
            else:
                self.recipient_label.setText(f"{recipient.name}({recipient.code})")
                set_role(self.recipient_label, "")
        self._update()

    def recipient(self) -> Recipient | None:
        """Whom the next package goes to (None: nobody yet)."""
        return self._recipient

    # --- writing --------------------------------------------------------------------------------

    def start(self) -> bool:
        """Write the next package on the job runner; False (and a message why) when it cannot start."""
        folder = self.target.folder()
        if folder is None:
            self.export_message.show_error(self.tr("请先选择保存到哪个U盘或文件夹(没有U盘时点“选择文件夹…”)。"))
            return False
        recipient = self._recipient
        if self._to == TO_VILLAGE and recipient is None:
            self.export_message.show_error(self.tr("请先在左边的表中选中要发送回执的村。"))
            return False
        # The village's package goes to its one township: the service knows whom.
        code = recipient.code if self._to == TO_VILLAGE else None
        session, paths, full = self._session, self._paths, self.full_check.isChecked()

        def work(progress, cancelled):
            return xs.export_package(session, paths, folder, full, code, progress, cancelled)

        self.export_message.show_hint(self.tr("正在写入数据包,请不要拔出U盘…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        started = self._jobs.run(work, self._done, self._failed)
        if not started:
            self.progress.hide()
            self.export_message.show_error(self.tr("正在处理另一个数据包,请等它完成后再试。"))
        return started

    def _done(self, result) -> None:
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
        if self._to == TO_TOWNSHIP:
            details += "\n\n" + self.tr(
                "下一步:把U盘交给乡镇。乡镇导入后,会给本村一个回执数据包(文件名中有“乡镇回执”);"
                "拿回来后,在本页右边的“导入数据包”中点“扫描U盘”或“选择文件…”导入。")
            spoken = self._recipient.phone_fingerprint if self._recipient is not None else ""
            if spoken:
                details += "\n\n" + self.tr(
                    "乡镇第一次导入本机的数据包前,会打电话来核对本机的电脑指纹。请念给对方这 8 位:{fp}"
                    "(本页右上角和“帮助 → 关于”里也有)。").format(fp=spoken)
        self._notifier.inform(self.tr("数据包已保存好。"), details)
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, xs.Cancelled):
            self.export_message.show_hint(self.tr("已取消导出,目标上没有留下任何文件。"))
        else:
            self.export_message.show_error(error_text(exc))
            self._notifier.error(exc)
        self._update()

    # --- state ----------------------------------------------------------------------------------

    def _update(self, *_args) -> None:
        busy = self._jobs.is_busy()
        none = self.target.folder() is None
        self.target_hint.setVisible(none)
        self.cancel_button.setEnabled(busy and self.progress.isVisible())
        recipient = self._recipient
        if not self._can_exchange:
            tip = self.tr("您的账号没有数据交换的权限。")
        elif recipient is None and self._why_not:
            tip = self._why_not
        else:
            tip = self.target_hint.text() if none else ""
        self.export_button.setToolTip(tip)
        self.export_button.setEnabled(self._can_exchange and not busy and not none
                                      and recipient is not None and recipient.ready)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and self.progress.isVisible():
            self.progress.setRange(0, total)
            self.progress.setValue(done)
