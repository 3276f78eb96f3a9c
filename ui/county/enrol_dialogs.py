"""乡镇 (county) → 登记乡镇…, 重新入网… and 停用…: a township's 入网文件, or no more of its 汇总包.

The county's side of the same 入网 the township does with its villages
(`ui.township.enrol_dialogs`): a code inside this county and a name, or a
reason for a new PC, and the U盘 or folder the file goes to. A refusal
(a code of another county, no folder) is said under the form and the dialog
stays; the write goes through `ui.operations.run_op`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import county_exchange_service as ces
from desktop.services import setup_service
from desktop.services.session import Session
from ui.errors import refusal
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.outside_text import one_line
from ui.widgets.screen_fit import grow_for_wrapped_text
from ui.widgets.target_chooser import TargetChooser


class TownshipEnrollDialog(QDialog):
    """登记乡镇: the township's 9-digit code (this county's prefix) and name, and where its 入网文件 goes."""

    def __init__(self, session: Session, paths: AppPaths, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        info = session.installation_info()
        self._county_code = info.code if info is not None else ""
        self.written: Path | None = None
        self.setWindowTitle(self.tr("登记乡镇"))
        self.setMinimumWidth(540)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.code_edit.setPlaceholderText(self.tr("9 位数字,以本县代码 {code} 开头").format(code=self._county_code))
        self.code_message = FieldMessage()
        self.code_edit.textEdited.connect(self.check_code)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例如:城关镇"))
        self.target = TargetChooser()
        self.message = FieldMessage()
        explain = QLabel(self.tr(
            "软件会为这个乡镇生成一个“入网文件”。请把它拷到U盘上当面交给乡镇,乡镇在“村务台账”里导入后,"
            "就可以把县级汇总包报送本县。"))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("乡镇代码"), self.code_edit)
        form.addRow("", self.code_message)
        form.addRow(self.tr("乡镇名称"), self.name_edit)
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("生成入网文件")))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Tall enough for every line of the explanation at any font size."""
        super().showEvent(event)
        grow_for_wrapped_text(self)

    def check_code(self, *_args) -> bool:
        """Say under the field what is wrong with the code as typed (9 digits, this county's prefix)."""
        text = self.code_edit.text()
        county = self._county_code
        refused = refusal(lambda: setup_service.validate_code(text, "township", county_code=county)) \
            if text.strip() else None
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
        done = run_op(self, lambda: ces.enroll_township(
            self._session, self._paths, self.code_edit.text(), self.name_edit.text(), folder),
            on_failure=self.message.show_failure)
        if done:
            self.written = done.value
            super().accept()


class TownshipReenrollDialog(QDialog):
    """重新入网: the township changed its PC; the reason is required, the old key is retired."""

    def __init__(self, session: Session, paths: AppPaths, code: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths, self._code = session, paths, code
        self.written: Path | None = None
        self.setWindowTitle(self.tr("重新入网"))
        self.setMinimumWidth(540)
        explain = QLabel(self.tr(
            "{name}({code})换了电脑或重装了系统时使用:旧电脑的密钥将停用,以后旧电脑导出的汇总包会被拒绝。"
            "软件会生成新的入网文件,请带给乡镇在新电脑上导入。").format(name=one_line(name), code=code))
        explain.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例如:乡镇换了电脑"))
        self.target = TargetChooser()
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("原因"), self.reason_edit)
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("重新入网")))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Tall enough for every line of the explanation at any font size."""
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
        done = run_op(self, lambda: ces.reenroll_township(
            self._session, self._paths, self._code, self.reason_edit.text(), folder),
            on_failure=self.message.show_failure)
        if done:
            self.written = done.value
            super().accept()


class TownshipRetireDialog(QDialog):
    """乡镇 → 停用…: the reason, the consequences, and 停用 / 取消 (取消 is the default)."""

    def __init__(self, session: Session, code: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._code = session, code
        self.setWindowTitle(self.tr("停用乡镇"))
        self.setMinimumWidth(540)
        explain = QLabel(self.tr(
            "停用后,本县不再接收{name}({code})的县级汇总包;已经导入的数据保留,合规看板只在它的数据覆盖的期间"
            "显示它。以后如需恢复,请用“重新入网…”。").format(name=one_line(name), code=code))
        explain.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例如:已撤并入城关镇"))
        self.message = FieldMessage()
        self.reason_edit.textChanged.connect(self.message.clear_message)
        form = QFormLayout()
        form.addRow(self.tr("停用原因"), self.reason_edit)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("停用"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Tall enough for every line of the explanation at any font size."""
        super().showEvent(event)
        grow_for_wrapped_text(self)

    def accept(self) -> None:
        """Retire the township; a missing reason or a refusal is explained and the dialog stays."""
        if run_op(self, lambda: ces.retire_township(self._session, self._code, self.reason_edit.text()),
                  on_failure=self.message.show_failure):
            super().accept()
