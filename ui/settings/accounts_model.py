"""The rows of 设置 → 账号: each login with its person, role, state and last login."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.accounts_service import AccountRow
from models.messages import QT_TRANSLATE_NOOP
from ui.settings.add_account_dialog import role_text
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import GREY

#: The context the dialog's texts were translated in before the model held them.
_C = "AccountsDialog"
LOGIN, NAME, ROLE, STATE, LAST_LOGIN = range(5)


def state_text(row: AccountRow) -> str:
    """已停用, 已锁定(到 …), 在用 · 待本人设新密码 or 在用."""
    tr = QCoreApplication.translate
    if not row.active:
        return tr(_C, "已停用")
    if row.locked_until:
        return tr(_C, "已锁定(到 {time})").format(time=row.locked_until)
    if row.must_change_password:
        return tr(_C, "在用 · 待本人设新密码")
    return tr(_C, "在用")


class AccountsModel(BatchedRowsModel):
    """Columns: 登录名, 姓名, 角色, 状态, 最后登录; a disabled account reads grey; its id under `ID_ROLE`."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "登录名"), QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "角色"),
               QT_TRANSLATE_NOOP(_C, "状态"), QT_TRANSLATE_NOOP(_C, "最后登录"))

    def display(self, row: AccountRow, column: int) -> str:
        """The text of a cell (the account's own name when it is bound to nobody on the register)."""
        if column == LOGIN:
            return row.login
        if column == NAME:
            return row.person_name or row.display_name
        if column == ROLE:
            return role_text(row.role_label)
        if column == STATE:
            return state_text(row)
        return row.last_login or QCoreApplication.translate(_C, "从未登录")

    def tooltip(self, row: AccountRow, column: int) -> str | None:
        """The cell's text; on the name of an account bound to nobody, that it is not on the register."""
        if column == NAME and not row.person_name:
            return QCoreApplication.translate(_C, "未关联人员名册")
        return self.display(row, column)

    def foreground(self, row: AccountRow, column: int) -> QColor | None:
        """A disabled account is grey."""
        return None if row.active else GREY

    def row_id(self, row: AccountRow) -> str:
        """The account's id."""
        return row.id
