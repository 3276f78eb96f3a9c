"""Two password fields (新密码, 再输一次) with a strength hint that follows the typing.

Used where a person chooses a password: 设置 → 修改密码…, the login after a
reset, 设置 → 账号 → 新增. The hint comes from `models.passwords.strength`,
the same rule the service refuses with, so what turns red here is what the
service would refuse.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit

from models.passwords import strength
from ui.widgets.field_message import FieldMessage

_C = "passwords"


class NewPasswordFields:
    """The two fields and the hint, added as rows to a form (`add_to`)."""

    def __init__(self) -> None:
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = FieldMessage()
        self.password_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)
        self._update()

    def add_to(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        """Add 新密码, the hint under it, and 再输一次 to `form`."""
        form.addRow(label, self.password_edit)
        form.addRow("", self.hint)
        form.addRow(repeat_label, self.repeat_edit)

    def password(self) -> str:
        """The password typed."""
        return self.password_edit.text()

    def repeat(self) -> str:
        """The password typed the second time."""
        return self.repeat_edit.text()

    def clear(self) -> None:
        """Empty both fields (after a refusal: start again)."""
        self.password_edit.clear()
        self.repeat_edit.clear()

    def _update(self) -> None:
        text = self.password()
        if not text:
            self.hint.show_hint(QCoreApplication.translate(_C, "至少 6 位;8 位以上、字母和数字混合更安全。"))
            return
        score, hint = strength(text)
        words = QCoreApplication.translate(_C, hint)
        if self.repeat() and self.repeat() != text and len(self.repeat()) >= len(text):
            self.hint.show_error(QCoreApplication.translate(_C, "两次输入的密码不一致。"))
        elif score == 0:
            self.hint.show_error(words)
        elif score == 1:
            self.hint.show_hint(words)
        else:
            self.hint.show_ok(QCoreApplication.translate(_C, "强度:{hint}").format(hint=words))
