"""Small dialogs of the register: a 村民小组's name (new or renamed) and a 户 (new or changed).

Both are opened non-blocking (`open()`), write through `ui.operations.run_op`
when 确定 is clicked, keep the refusal under the fields (nothing changed),
and emit `done_with(value)` after a successful write: the group's name, or
the household's id.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.services import households_service
from desktop.services.session import Session
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel


class GroupNameDialog(QDialog):
    """新建村民小组 (no `group_id`) or 修改小组名称 (with the group's id and current name)."""

    done_with = Signal(str)

    def __init__(self, session: Session, group_id: str = "", name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._group_id = group_id
        self.setWindowTitle(self.tr("修改小组名称") if group_id else self.tr("新建村民小组"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(self.tr("例如:第三村民小组、三组"))
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 18)
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("小组名称:"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("确定")))

    def accept(self) -> None:
        """Write the name; the dialog stays open with the reason when refused."""
        name = self.name_edit.text()
        if self._group_id:
            gid = self._group_id
            outcome = run_op(self, lambda: households_service.rename_group(self._session, gid, name),
                             on_failure=self.message.show_failure)
        else:
            outcome = run_op(self, lambda: households_service.add_group(self._session, name),
                             on_failure=self.message.show_failure)
        if outcome:
            super().accept()
            self.done_with.emit(name.strip())


class HouseholdDialog(QDialog):
    """新建户 or 修改户: 户号, 村民小组 and 住址."""

    done_with = Signal(str)

    def __init__(self, session: Session, group: str = "", household_id: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._household_id = household_id
        self.setWindowTitle(self.tr("修改户") if household_id else self.tr("新建户"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(32)
        self.number_edit.setPlaceholderText(self.tr("户口簿上的户号,例如 0012"))
        self.number_edit.setMinimumWidth(em * 18)
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("(未分组)"), "")
        for name in households_service.group_names():
            self.group_combo.addItem(name, name)
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(128)
        self.message = FieldMessage()
        note = ""
        if household_id:
            row = households_service.household(household_id)
            self.number_edit.setText(row.number)
            group = row.village_group
            self.address_edit.setText(row.address)
            note = row.note
        self._note = note
        if group and self.group_combo.findData(group) < 0:
            self.group_combo.addItem(group, group)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group)))
        form = QFormLayout()
        form.addRow(self.tr("户号:"), self.number_edit)
        form.addRow(self.tr("村民小组:"), self.group_combo)
        form.addRow(self.tr("住址:"), self.address_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("确定")))

    def accept(self) -> None:
        """Write the household; the dialog stays open with the reason when refused."""
        number, address = self.number_edit.text(), self.address_edit.text()
        group = self.group_combo.currentData() or ""
        if self._household_id:
            hid = self._household_id
            outcome = run_op(self, lambda: households_service.edit_household(
                self._session, hid, number, group, address, self._note), on_failure=self.message.show_failure)
            made = hid
        else:
            outcome = run_op(self, lambda: households_service.add_household(self._session, number, group, address),
                             on_failure=self.message.show_failure)
            made = outcome.value.id if outcome else ""
        if outcome:
            super().accept()
            self.done_with.emit(made)
