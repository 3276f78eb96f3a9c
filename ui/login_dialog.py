"""The login dialog: login name, password, 登录.

A wrong password is answered on the dialog itself (no message box to click
away), the password is cleared and the cursor put back, so the next try is
just typing again. After several wrong passwords the service asks for a wait
(`AuthenticationFailed.wait_seconds`): the 登录 button counts it down, the
UI thread never sleeps; after ten the login is locked and the message says
until when. The check itself (scrypt, ~0.4 s) runs on a worker (`Runner`).

A login whose password the administrator reset (`Session.must_change_password`)
is asked for a new one on the same dialog before it is accepted.

After a wrong password or a lock, a second line says what an administrator
who forgot their own password does (the command line on this computer): the
"找本机管理员" of the message is no help to the administrator. It is shown
only then, never before a try.

Esc does nothing here: it used to quit the program without a word (an Esc
meant for something else ends the session before it began). 退出 and the
window's ✕ quit, as they say.

`info` is the installation, or at start-up the `LoginFacts` read before the
database layer loaded: the dialog uses only its name and `is_demo`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
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
        self._runner = None  # made at the first 登录 (ui.operations loads after the first paint)
        self._wait_left = 0
        self._locked = False
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

        self.buttons = buttons
        # The login's fields, replaced by the new-password fields after a reset. Messages stay
        # in the dialog's own layout: a wrapped label there makes the dialog taller when needed.
        self.login_form = QWidget()
        self.login_form.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.new_password_page: QWidget | None = None  # built when a reset password was used

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addWidget(self.login_form)
        layout.addWidget(self.message)
        self.forgot_hint = QLabel(self.tr("管理员忘记密码:在本机命令行运行\ncunwu users reset-password 登录名"))
        self.forgot_hint.setProperty("role", "hint")
        self.forgot_hint.setWordWrap(True)
        self.forgot_hint.hide()
        layout.addWidget(self.forgot_hint)
        if info.is_demo:
            self.demo_hint = QLabel(self.tr("演示数据:管理员 admin,密码 demo1234"))
            self.demo_hint.setProperty("role", "hint")
            layout.addWidget(self.demo_hint)
        layout.addLayout(buttons)
        self._layout = layout

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.login_edit.textChanged.connect(self._other_login)
        (self.password_edit if self.login_edit.text() else self.login_edit).setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Esc does nothing (it quit the program silently); 退出 and ✕ quit."""
        # Not at import: the first paint never waits for PySide to build its Qt namespace (test_startup).
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def try_login(self) -> None:
        """Check the credentials on a worker; accept on success, explain inline on failure."""
        if self._wait_left or self._locked or (self._runner is not None and self._runner.is_busy()):
            return
        # Imported here: the dialog paints before the database layer loads (start-up
        # opens the database just after that paint and imports these there too).
        from desktop.services import auth_service
        from ui.operations import Runner

        if self._runner is None:
            self._runner = Runner(self)
        login, password = self.login_edit.text(), self.password_edit.text()
        self.login_button.setEnabled(False)
        self.login_button.setText(self.tr("正在登录…"))
        self.message.clear_message()
        # A write: the login time (or the count of wrong passwords) is recorded.
        self._runner.run_call(lambda: auth_service.login(login, password), self._logged_in, self._refused)

    def is_busy(self) -> bool:
        """Whether a login is being checked (tests wait for the answer)."""
        return self._runner is not None and self._runner.is_busy()

    def _logged_in(self, session: Session) -> None:
        self._ready()
        self._settings.values.last_login = session.actor
        self._settings.save()
        if session.must_change_password:
            self._ask_new_password(session)
            return
        self.session = session
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        """Wrong name or password: say so under the fields and start the password again."""
        from models.errors import AccountLocked, AuthenticationFailed

        self._ready()
        self.message.show_failure(exc)
        if isinstance(exc, AuthenticationFailed) and not self.forgot_hint.isVisible():  # locks and waits too
            from PySide6.QtCore import Qt  # after a try only, as in keyPressEvent

            self.forgot_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy it
        self.forgot_hint.setVisible(isinstance(exc, AuthenticationFailed))
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._fit_height()
        self._locked = isinstance(exc, AccountLocked)
        if self._locked:
            self.login_button.setEnabled(False)
            self.login_button.setText(self.tr("已锁定"))
            return
        wait = int(getattr(exc, "wait_seconds", 0) or 0)
        if wait > 0:
            self._wait_left = wait
            self._show_wait()
            self._tick.start()

    def _fit_height(self) -> None:
        """Grow to show a message that wrapped onto more lines (a top-level dialog does not by itself)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _ready(self) -> None:
        self.login_button.setEnabled(True)
        self.login_button.setText(self.tr("登录"))

    def _show_wait(self) -> None:
        self.login_button.setEnabled(False)
        self.login_button.setText(self.tr("请等 {seconds} 秒").format(seconds=self._wait_left))

    def _count_down(self) -> None:
        self._wait_left -= 1
        if self._wait_left > 0:
            self._show_wait()
            return
        self._tick.stop()
        self._wait_left = 0
        self._ready()

    def _other_login(self) -> None:
        """Another login name: its own waits apply (the service checks them), not this one's."""
        if self._locked or self._wait_left:
            self._tick.stop()
            self._wait_left = 0
            self._locked = False
            self._ready()
            self.message.clear_message()
            self.forgot_hint.hide()

    # --- a password reset by the administrator: a new one before going on -------------------------

    def _ask_new_password(self, session: Session) -> None:
        from ui.widgets.new_password import NewPasswordFields

        self._pending = session
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        explanation = QLabel(self.tr(
            "{name},这个密码是管理员为你设置的(新开的账号或重设的密码)。"
            "请设置一个只有你自己知道的新密码,以后用它登录。").format(
                name=session.display_name or session.actor))
        explanation.setWordWrap(True)
        self.new_password = NewPasswordFields()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(10)
        self.new_password.add_to(form, self.tr("新密码"), self.tr("再输一次"))
        box.addWidget(explanation)
        box.addLayout(form)
        self.new_password_message = self.message
        self.message.clear_message()
        self.save_password_button = primary_button(self.tr("保存并进入"))
        self.save_password_button.clicked.connect(self.save_new_password)
        self.login_button.hide()
        self.login_button.setDefault(False)
        self.buttons.addWidget(self.save_password_button)
        self.save_password_button.setDefault(True)
        self.login_form.hide()
        if hasattr(self, "demo_hint"):
            self.demo_hint.hide()
        self._layout.insertWidget(self._layout.indexOf(self.login_form) + 1, page)
        page.show()  # added to a dialog already on screen
        self.new_password_page = page
        self.new_password.password_edit.setFocus()
        self._fit_height()

    def save_new_password(self) -> None:
        """Save the new password (on a worker: two scrypt runs); then the session goes on."""
        from desktop.services import auth_service

        if self._runner.is_busy():
            return
        session, new, repeat = self._pending, self.new_password.password(), self.new_password.repeat()
        self.save_password_button.setEnabled(False)

        def saved(fresh: Session) -> None:
            self.session = fresh
            self.accept()

        def refused(exc: BaseException) -> None:
            self.save_password_button.setEnabled(True)
            self.new_password_message.show_failure(exc)
            self._fit_height()
            self.new_password.clear()
            self.new_password.password_edit.setFocus()

        self._runner.run_call(lambda: auth_service.set_new_password(session, new, repeat), saved, refused)
