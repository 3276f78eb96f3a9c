"""乡镇 → 新增村庄… and 重新入网…: the dialogs that write a village's 入网文件.

Both stay open on a refusal (a code already taken, no reason given) and say
why under the form; the write goes through `ui.operations.run_op`, so the
register and the other pages hear of the new village.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services import villages_service
from desktop.services.session import Session
from ui.errors import refusal
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.screen_fit import grow_for_wrapped_text
from ui.widgets.target_chooser import TargetChooser


class EnrollDialog(QDialog):
    """乡镇 → 新增村庄: the village's code and name, and where its 入网文件 goes."""

    def __init__(self, session: Session, paths: AppPaths, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self.written: Path | None = None
        self.setWindowTitle(self.tr("新增村庄"))
        self.setMinimumWidth(560)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.code_edit.setPlaceholderText(self.tr("12 位数字,例如 330106001001"))
        self.code_message = FieldMessage()
        self.code_edit.textEdited.connect(self.check_code)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例如:青山村"))
        self.target = TargetChooser()
        self.message = FieldMessage()
        explain = QLabel(self.tr(
            "软件会为这个村生成一个“入网文件”。请把它拷到U盘上带给村里,"
            "村里第一次打开“村务台账”时选择“导入入网文件”。"))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("村代码"), self.code_edit)
        form.addRow("", self.code_message)
        form.addRow(self.tr("村名称"), self.name_edit)
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("生成入网文件")))

    def check_code(self, *_args) -> bool:
        """Say under the field what is wrong with the code as typed (12 digits, this township's prefix)."""
        text = self.code_edit.text()
        refused = refusal(lambda: villages_service.validate_village_code(text)) if text.strip() else None
        if refused is not None:
            self.code_message.show_failure(refused)
        else:
            self.code_message.clear_message()
        return refused is None

    def accept(self) -> None:
        """Write the 入网文件; a refusal is explained under the form and the dialog stays."""
        folder = self.target.folder()
        if folder is None:
            self.message.show_error(self.tr("请选择保存到哪个U盘或文件夹。"))
            return
        done = run_op(self, lambda: xs.enroll_village(self._session, self._paths, self.code_edit.text(),
                                                      self.name_edit.text(), folder),
                      on_failure=self.message.show_failure)
        if done:
            self.written = done.value
            super().accept()


class ReenrollDialog(QDialog):
    """乡镇 → 重新入网: a village changed its PC; the reason is required."""

    def __init__(self, session: Session, paths: AppPaths, code: str, name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths, self._code = session, paths, code
        self.written: Path | None = None
        self.setWindowTitle(self.tr("重新入网"))
        self.setMinimumWidth(560)
        explain = QLabel(self.tr(
            "{name}({code})换了电脑或重装了系统时使用:旧电脑的密钥将停用,以后旧电脑导出的数据包会被拒绝。"
            "软件会生成新的入网文件,请带给村里在新电脑上导入。").format(name=name, code=code))
        explain.setWordWrap(True)
        #: The way back for a village whose PC died without a backup starts here: say the rest of it.
        self.recovery_hint = QLabel(self.tr(
            "村里的电脑坏了、又没有备份时:村里在新电脑上导入新的入网文件,导出第一个数据包交回乡镇;"
            "本机导入它(电话核对指纹)后,再选中该村点“生成恢复包…”,把乡镇保存的该村记录送回新电脑。"))
        self.recovery_hint.setWordWrap(True)
        self.recovery_hint.setProperty("role", "hint")
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例如:村里换了电脑"))
        self.target = TargetChooser()
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("原因"), self.reason_edit)
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addWidget(self.recovery_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("重新入网")))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Tall enough for every line of the explanation (a large font wraps it onto more lines)."""
        super().showEvent(event)
        grow_for_wrapped_text(self)

    def accept(self) -> None:
        """Retire the old key and write the new 入网文件 (the reason is required)."""
        folder = self.target.folder()
        if not self.reason_edit.text().strip():
            self.message.show_error(self.tr("请写明重新入网的原因。"))
            return
        if folder is None:
            self.message.show_error(self.tr("请选择保存到哪个U盘或文件夹。"))
            return
        done = run_op(self, lambda: xs.reenroll_village(self._session, self._paths, self._code,
                                                        self.reason_edit.text(), folder),
                      on_failure=self.message.show_failure)
        if done:
            self.written = done.value
            super().accept()
