"""设置 → 账号 → 新增…: a login for a person on the register, with a role and a first password.

A village's account belongs to someone on the 人员名册 (picked from it, never
typed), so what the account signs is traced to a person. With nobody on the
register the dialog says so and offers the way there. A township keeps no
register of its staff: the name is typed instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts_service
from desktop.services.session import Session
from ui.operations import Runner, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.new_password import NewPasswordFields
from ui.widgets.ok_cancel import ok_cancel


class AddAccountDialog(QDialog):
    """Person, role, login name and password; 确定 adds the account (the service checks it all again)."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 show_register: Callable[[], None] | None = None):
        super().__init__(parent)
        self._session = session
        self._show_register = show_register
        self._runner = Runner(self)
        self.added = None
        info = session.installation_info()
        # a township and a county keep no register of their staff: the account names its person itself
        self._township = info is not None and info.mode in ("township", "county")
        self.setWindowTitle(self.tr("新增账号"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 34)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.person_combo = QComboBox()
        self.name_edit = QLineEdit()
        self.empty_register: QWidget | None = None
        people = [] if self._township else (run_query(self, accounts_service.people_choices).value or [])
        if self._township:
            form.addRow(self.tr("姓名"), self.name_edit)
        else:
            self.person_combo.setEditable(True)  # type a name to find it among hundreds
            self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.person_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            self.person_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            for choice in people:
                label = choice.name + (f"({choice.detail})" if choice.detail else "")
                if choice.has_account:
                    label += self.tr(" — 已有账号 {login}").format(login=choice.has_account)
                self.person_combo.addItem(label, choice.id)
            self.person_combo.setCurrentIndex(-1)
            self.person_combo.lineEdit().setPlaceholderText(self.tr("输入姓名查找"))
            form.addRow(self.tr("人员(名册)"), self.person_combo)
        self.role_combo = QComboBox()
        for code, label in accounts_service.roles(session):
            self.role_combo.addItem(role_text(label), code)
        self.role_combo.setCurrentIndex(-1)
        self.role_combo.setPlaceholderText(self.tr("请选择角色"))
        form.addRow(self.tr("角色"), self.role_combo)
        self.login_edit = QLineEdit()
        self.login_edit.setPlaceholderText(self.tr("2–32 位字母、数字或 _ . -,如 wangfang"))
        form.addRow(self.tr("登录名"), self.login_edit)
        self.password = NewPasswordFields()
        self.password.add_to(form, self.tr("初始密码"), self.tr("再输一次"))
        self.message = FieldMessage()
        self.buttons = ok_cancel(self, self.tr("新增"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        if not self._township and not people:
            self._add_empty_register(layout)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _add_empty_register(self, layout: QVBoxLayout) -> None:
        """Nobody on the register: say where people are added, and offer to go there."""
        self.empty_register = QWidget()
        box = QVBoxLayout(self.empty_register)
        box.setContentsMargins(0, 0, 0, 0)
        text = QLabel(self.tr("人员名册里还没有人。账号要属于名册里的一个人:请先在人员名册登记此人"
                              "(左侧“人员名册” → 新增,或导入花名册),再回来开账号。"))
        text.setWordWrap(True)
        box.addWidget(text)
        if self._show_register is not None:
            self.register_button = QPushButton(self.tr("打开人员名册"))
            self.register_button.clicked.connect(self._go_to_register)
            box.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty_register)
        self.person_combo.setEnabled(False)

    def _go_to_register(self) -> None:
        self.reject()
        if self._show_register is not None:
            self._show_register()

    def choose_person(self, person_id: str) -> None:
        """Pick the person `person_id` (as choosing them in the list would)."""
        self.person_combo.setCurrentIndex(self.person_combo.findData(person_id))

    def typed_person(self) -> tuple[str, str]:
        """The person the name field names, and why there is none ("" when there is one).

        The list's lines read "王秀兰(女 1968.03)": a name typed and confirmed
        with Enter or Tab without picking from the list left no person chosen
        (the account was refused), and a name typed over an earlier choice kept
        that earlier person. The text decides: a line it equals, else the one
        line whose name it is; two people of that name must be told apart.
        """
        text = self.person_combo.currentText().strip()
        if not text:
            return "", ""
        index = self.person_combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.person_combo.setCurrentIndex(index)
            return self.person_combo.itemData(index) or "", ""
        named = [i for i in range(self.person_combo.count())
                 if self.person_combo.itemText(i).startswith((text + "(", text + " — "))]
        if len(named) == 1:
            self.person_combo.setCurrentIndex(named[0])
            return self.person_combo.itemData(named[0]) or "", ""
        if named:
            return "", self.tr("名册里有 {n} 个“{name}”:请在下拉列表里按性别和出生年月选定一个。").format(
                n=len(named), name=text)
        return "", self.tr("名册里没有“{name}”:请从下拉列表里选人(名册里没有的人,请先在人员名册登记)。").format(
            name=text)

    def choose_role(self, code: str) -> None:
        """Pick the role `code`."""
        self.role_combo.setCurrentIndex(self.role_combo.findData(code))

    def is_busy(self) -> bool:
        """Whether the account is being saved (tests wait for it)."""
        return self._runner.is_busy()

    def accept(self) -> None:
        """Add the account on a worker (the password hash takes ~0.4 s); a refusal stays on the dialog."""
        if self._runner.is_busy():
            return
        person_id = ""
        if not self._township:
            person_id, problem = self.typed_person()
            if problem:
                self.message.show_error(problem)
                return
        role = self.role_combo.currentData() or ""
        session, login, name = self._session, self.login_edit.text(), self.name_edit.text()
        password, repeat = self.password.password(), self.password.repeat()
        self.ok_button.setEnabled(False)
        self._runner.run_call(
            lambda: accounts_service.add_account(session, login, person_id, role, password, repeat,
                                                 display_name=name),
            self._added, self._refused)

    def _added(self, user) -> None:
        self.added = user
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.show_failure(exc)


def role_text(label: str) -> str:
    """A role's label in the person's language (`models.roles` marks them for translation)."""
    return QCoreApplication.translate("roles", label)
