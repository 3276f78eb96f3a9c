"""Wizard page 3: the administrator account (login, name, password twice)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from desktop.services import setup_service
from models import passwords
from ui.errors import refusal
from ui.setup.commit_busy import CommitBusy
from ui.setup.titles import rich_title
from ui.widgets.field_message import FieldMessage

#: Strength score -> label colour role: refused, weak, fair, strong.
_STRENGTH_ROLE = {0: "error", 1: "error", 2: "hint", 3: "ok"}


def _stacked(field: QWidget, message: FieldMessage) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return box


class AdminPage(QWizardPage):
    """Collects the first administrator; the strength hint updates as you type."""

    def __init__(self):
        super().__init__()
        self.setTitle(rich_title(self.tr("管理员账号")))
        self.setSubTitle(self.tr(
            "管理员可以添加其他账号、做备份和恢复。请记住密码;忘记后只能由管理员重设。"))
        self.login_edit = QLineEdit("admin")
        self.display_edit = QLineEdit(self.tr("管理员"))
        self.password_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.password_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_message = FieldMessage()
        self.strength_message = FieldMessage()
        self.repeat_message = FieldMessage()
        self.commit_message = FieldMessage()
        self.strength_message.show_hint(self.tr("至少 6 位;8 位以上、字母和数字混合更安全。"))

        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("登录名"), _stacked(self.login_edit, self.login_message))
        form.addRow(self.tr("姓名"), self.display_edit)
        form.addRow(self.tr("密码"), _stacked(self.password_edit, self.strength_message))
        form.addRow(self.tr("再输一次"), _stacked(self.repeat_edit, self.repeat_message))
        form.addRow(self.commit_message)
        self.commit_busy = CommitBusy()
        form.addRow(self.commit_busy)

        self.login_edit.textEdited.connect(self._check_login)
        self.password_edit.textEdited.connect(self._check_password)
        self.repeat_edit.textEdited.connect(self._check_password)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        """Start in the password field: the login name is usually fine as it is."""
        # QWizard focuses the first field after this returns; queue ours after it.
        QTimer.singleShot(0, self, self._focus_password)

    def _focus_password(self) -> None:
        self.password_edit.setFocus()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        """Complete when the service would accept this login and password."""
        return refusal(lambda: (setup_service.validate_login(self.login_edit.text()),
                                setup_service.validate_password(self.password_edit.text(),
                                                                self.repeat_edit.text()))) is None

    def login(self) -> str:
        """The login name, trimmed."""
        return self.login_edit.text().strip()

    def display_name(self) -> str:
        """The person's name as shown in the status bar (the login when empty)."""
        return self.display_edit.text().strip() or self.login()

    def password(self) -> str:
        """The password as typed."""
        return self.password_edit.text()

    def repeat(self) -> str:
        """The repeated password as typed."""
        return self.repeat_edit.text()

    def show_commit_error(self, text: str) -> None:
        """Show why creating the account failed (used when this is the last page)."""
        self.commit_message.show_error(text)

    def _check_login(self) -> None:
        refused = refusal(lambda: setup_service.validate_login(self.login_edit.text()))
        if refused is not None:
            self.login_message.show_failure(refused)
        else:
            self.login_message.clear_message()
        self.completeChanged.emit()

    def _check_password(self) -> None:
        password = self.password_edit.text()
        score, hint = passwords.strength(password)
        text = self.tr("密码强度:{hint}").format(
            hint=QCoreApplication.translate("passwords", hint))
        getattr(self.strength_message, f"show_{_STRENGTH_ROLE[score]}")(text)
        repeat = self.repeat_edit.text()
        if repeat and repeat != password and len(repeat) >= len(password):
            self.repeat_message.show_error(self.tr("两次输入的密码不一致。"))
        elif repeat and repeat == password:
            self.repeat_message.show_ok(self.tr("两次输入一致。"))
        else:
            self.repeat_message.clear_message()
        self.completeChanged.emit()
