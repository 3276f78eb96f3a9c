"""The login dialog: login name, password, 登录.

A wrong password is answered on the dialog itself (no message box to click
away), the password is cleared and the cursor put back, so the next try is
just typing again.

`info` is the installation, or at start-up the `LoginFacts` read before the
database layer loaded: the dialog uses only its name and `is_demo`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.settings_store import SettingsStore
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import primary_button
from ui.widgets.scaled_label import ScaledLabel

if TYPE_CHECKING:
    from desktop.login_facts import LoginFacts
    from desktop.services.session import Session
    from desktop.services.setup_service import InstallationInfo


class LoginDialog(QDialog):
    """Asks for a login; after `accepted`, `session` is the logged-in user."""

    def __init__(self, info: InstallationInfo | LoginFacts, settings: SettingsStore,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session: Session | None = None
        self._settings = settings
        self.setWindowTitle(self.tr("{name} - 村务台账 - 登录").format(name=info.name))
        self.setMinimumWidth(440)

        title = ScaledLabel(info.name, 1.5, bold=True)
        subtitle = QLabel(self.tr("村民自治台账"))
        subtitle.setProperty("role", "hint")

        self.login_edit = QLineEdit(settings.values.last_login or "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("登录名"), self.login_edit)
        form.addRow(self.tr("密码"), self.password_edit)

        self.login_button = primary_button(self.tr("登录"))
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.try_login)
        cancel = QPushButton(self.tr("退出"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        if info.is_demo:
            self.demo_hint = QLabel(self.tr("演示数据:管理员 admin,密码 demo1234"))
            self.demo_hint.setProperty("role", "hint")
            layout.addWidget(self.demo_hint)
        layout.addLayout(buttons)
        (self.password_edit if self.login_edit.text() else self.login_edit).setFocus()

    def try_login(self) -> None:
        """Check the credentials; accept on success, explain inline on failure."""
        # Imported here: the dialog paints before the database layer loads (start-up
        # opens the database just after that paint and imports these there too).
        from desktop.services import auth_service
        from ui.operations import run_op

        # A write: the login time is recorded.
        logged_in = run_op(self, lambda: auth_service.login(self.login_edit.text(), self.password_edit.text()),
                           on_failure=self._refused)
        if not logged_in:
            return
        self.session = logged_in.value
        self._settings.values.last_login = self.session.actor
        self._settings.save()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        """Wrong name or password: say so under the fields and start the password again."""
        self.message.show_failure(exc)
        self.password_edit.clear()
        self.password_edit.setFocus()
