"""设置 → 修改密码…: everyone changes their own password (the old one first).

The check and the new hash are two scrypt runs (~0.8 s at today's cost), so
they run on a worker (`Runner`) while the dialog says it is saving.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services import auth_service
from desktop.services.session import Session
from ui.operations import Runner
from ui.widgets.field_message import FieldMessage
from ui.widgets.new_password import NewPasswordFields
from ui.widgets.ok_cancel import ok_cancel


class ChangePasswordDialog(QDialog):
    """原密码, 新密码 (with its strength), 再输一次; 确定 saves, a refusal stays on the dialog."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._runner = Runner(self)
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 30)

        who = QLabel(self.tr("账号:{login}({name})").format(
            login=session.actor, name=session.display_name or session.actor))
        self.old_edit = QLineEdit()
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password = NewPasswordFields()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("原密码"), self.old_edit)
        self.new_password.add_to(form, self.tr("新密码"), self.tr("再输一次"))
        self.message = FieldMessage()
        self.buttons = ok_cancel(self, self.tr("保存新密码"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.old_edit.setFocus()

    def is_busy(self) -> bool:
        """Whether the change is being saved (tests wait for it)."""
        return self._runner.is_busy()

    def accept(self) -> None:
        """Check the old password and save the new one; a refusal keeps the dialog open with the reason."""
        if self._runner.is_busy():
            return
        session, old = self._session, self.old_edit.text()
        new, repeat = self.new_password.password(), self.new_password.repeat()
        self.ok_button.setEnabled(False)
        self.message.show_hint(self.tr("正在保存…"))
        self._runner.run_call(lambda: auth_service.change_password(session, old, new, repeat),
                              self._saved, self._refused)

    def _saved(self, _result) -> None:
        from ui.widgets.dialogs import inform

        super().accept()
        inform(self.parentWidget(), self.tr("修改密码"), self.tr("密码已修改,下次登录请用新密码。"))

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_failure(exc)
        self.new_password.clear()
        self.old_edit.setFocus()
