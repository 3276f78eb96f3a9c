"""设置 → 账号…: the administrator's list of accounts and what can be done to one.

The table shows each login with its person on the register, role, state and
last login; 新增… opens `AddAccountDialog`; 停用/启用, 重设密码… and 解锁 act on
the selected row. Every refusal (oneself, the last administrator) comes from
`accounts_service` and is shown under the table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts_service
from desktop.services.accounts_service import AccountRow
from desktop.services.session import Session
from ui.operations import Runner, run_op, run_query
from ui.settings.accounts_model import AccountsModel
from ui.settings.add_account_dialog import AddAccountDialog
from ui.widgets.batched_model import ID_ROLE
from ui.widgets.dialogs import ask_confirm, inform
from ui.widgets.field_message import FieldMessage
from ui.widgets.tables import keep_rows_visible, read_only_view


class AccountsDialog(QDialog):
    """Accounts of this installation; the buttons follow the selected row."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 show_register: Callable[[], None] | None = None):
        """`show_register`: opens the 人员名册 (offered when nobody is on it yet)."""
        super().__init__(parent)
        self._session = session
        self._show_register = show_register
        self._runner = Runner(self)
        self._runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.model = AccountsModel(self)
        self.add_dialog: AddAccountDialog | None = None
        self.setWindowTitle(self.tr("账号"))
        self.setMinimumWidth(min(760, self.fontMetrics().horizontalAdvance("国") * 50))

        explanation = QLabel(self.tr(
            "每个账号属于人员名册里的一个人,按角色决定能做什么。停用的账号不能登录;"
            "重设密码后,本人下次登录时要换成自己的新密码。"))
        explanation.setWordWrap(True)
        self.table = read_only_view(self.model, stretch=3)
        keep_rows_visible(self.table, 4)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("新增…"))
        self.add_button.clicked.connect(self.open_add)
        self.active_button = QPushButton(self.tr("停用"))
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("重设密码…"))
        self.reset_button.clicked.connect(self.ask_reset)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.clicked.connect(self.unlock)
        actions = QHBoxLayout()
        for button in (self.add_button, self.active_button, self.reset_button, self.unlock_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = FieldMessage()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    # --- the list -------------------------------------------------------------------------------

    def refresh(self, keep: str | None = None) -> None:
        """Read the accounts again, keeping the selected one (or selecting `keep`)."""
        keep = keep or self.selected_id()
        rows = run_query(self, lambda: accounts_service.accounts(self._session)).value or []
        self.model.set_rows(rows)
        for r, row in enumerate(self.model.all_rows()):  # in the order shown (a header may sort)
            if row.id == keep:
                self.table.selectRow(r)
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The id of the selected account, None when no row is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.index(rows[0].row(), 0).data(ID_ROLE) if rows else None

    def select_login(self, login: str) -> None:
        """Select the account `login` (as clicking its row would)."""
        for r, row in enumerate(self.model.all_rows()):
            if row.login == login:
                self.table.selectRow(r)

    def _selected(self) -> AccountRow | None:
        wanted = self.selected_id()
        return next((row for row in self.model.all_rows() if row.id == wanted), None)

    def _update_buttons(self) -> None:
        row = self._selected()
        busy = self._runner.is_busy()
        self.add_button.setEnabled(not busy)
        for button in (self.active_button, self.reset_button, self.unlock_button):
            button.setEnabled(row is not None and not busy)
        self.active_button.setText(self.tr("启用") if row is not None and not row.active else self.tr("停用"))
        self.unlock_button.setEnabled(row is not None and bool(row.locked_until) and not busy)

    # --- the actions ----------------------------------------------------------------------------

    def open_add(self) -> AddAccountDialog:
        """新增…: the add dialog (non-blocking; returned for tests and screenshots)."""
        self.add_dialog = AddAccountDialog(self._session, self, show_register=self._leave_for_register)
        self.add_dialog.accepted.connect(self._on_added)
        self.add_dialog.open()
        return self.add_dialog

    def _leave_for_register(self) -> None:
        self.reject()
        if self._show_register is not None:
            self._show_register()

    def _on_added(self) -> None:
        added = self.add_dialog.added if self.add_dialog is not None else None
        if added is not None:
            self.message.show_ok(self.tr("已新增账号“{login}”。").format(login=added.login))
            self.refresh(keep=added.id)

    def toggle_active(self) -> None:
        """停用 the selected account (after asking), or 启用 it again."""
        row = self._selected()
        if row is None:
            return
        if not row.active:
            self._set_active(row, True)
            return
        ask_confirm(self, self.tr("停用账号"),
                    self.tr("停用“{login}”({name})?停用后这个账号不能登录,它以前的记录都保留;以后可以再启用。").format(
                        login=row.login, name=row.person_name or row.display_name),
                    self.tr("停用"), lambda: self._set_active(row, False))

    def _set_active(self, row: AccountRow, active: bool) -> None:
        done = run_op(self, lambda: accounts_service.set_active(self._session, row.id, active),
                      on_failure=self.message.show_failure)
        if done:
            self.message.show_ok(self.tr("“{login}”已启用。").format(login=row.login) if active
                                 else self.tr("“{login}”已停用。").format(login=row.login))
            self.refresh()

    def ask_reset(self) -> None:
        """重设密码…: ask, then give the account a temporary password and show it once."""
        row = self._selected()
        if row is None:
            return
        ask_confirm(self, self.tr("重设密码"),
                    self.tr("给“{login}”({name})一个临时密码?原来的密码立即失效;本人用临时密码登录后,"
                            "要马上设一个自己的新密码。").format(login=row.login, name=row.person_name or row.display_name),
                    self.tr("重设"), lambda: self._reset(row))

    def _reset(self, row: AccountRow) -> None:
        session = self._session
        self._runner.run_call(lambda: accounts_service.reset_password(session, row.id),
                              lambda word: self._show_temporary(row, word), self.message.show_failure)
        self._update_buttons()

    def _show_temporary(self, row: AccountRow, word: str) -> None:
        self.refresh()
        self.temporary_box = inform(
            self, self.tr("临时密码"),
            self.tr("“{login}”的临时密码是:{word}").format(login=row.login, word=word),
            self.tr("请当面交给本人(这里只显示这一次)。本人登录时会被要求换成自己的新密码。"))

    def unlock(self) -> None:
        """解锁: lift the lock after ten wrong passwords before its 15 minutes run out."""
        row = self._selected()
        if row is None:
            return
        if run_op(self, lambda: accounts_service.unlock(self._session, row.id), on_failure=self.message.show_failure):
            self.message.show_ok(self.tr("“{login}”已解锁,可以重新登录。").format(login=row.login))
            self.refresh()
