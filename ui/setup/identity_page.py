"""Wizard page 2: the village's or township's name, code and province profile."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from desktop.services import setup_service
from models.errors import CunwuError
from models.provinces import PROVINCES
from ui.errors import message_text
from ui.setup.titles import rich_title
from ui.widgets.field_message import FieldMessage


def _with_message(field: QWidget, message: FieldMessage) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return box


class IdentityPage(QWizardPage):
    """Name and code are checked by the same service rules the CLI uses, as you type."""

    def __init__(self, mode_of):
        """Build the page.

        Args:
            mode_of: callable returning the mode chosen on the previous page;
                the labels and examples follow it.
        """
        super().__init__()
        self._mode_of = mode_of
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.province_combo = QComboBox()
        for code, label in PROVINCES.items():
            self.province_combo.addItem(QCoreApplication.translate("provinces", label), code)
        self.name_message = FieldMessage()
        self.code_message = FieldMessage()

        self._form = QFormLayout(self)
        self._form.setVerticalSpacing(10)
        self._form.addRow(self.tr("名称"), _with_message(self.name_edit, self.name_message))
        self._form.addRow(self.tr("代码"), _with_message(self.code_edit, self.code_message))
        self._form.addRow(self.tr("省份"), self.province_combo)
        self.name_edit.textEdited.connect(self._check_name)
        self.code_edit.textEdited.connect(self._check_code)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        """Word the page for the chosen mode (the person may have gone back)."""
        village = self._mode_of() == "village"
        self.setTitle(rich_title(self.tr("村的名称和代码") if village else self.tr("乡镇的名称和代码")))
        self.setSubTitle(self.tr(
            "代码是国家统计局的统计用区划代码,可向乡镇或民政部门询问。省份决定适用哪些地方规定。"))
        self.name_edit.setPlaceholderText(self.tr("例如:青山村") if village else self.tr("例如:城关镇"))
        self.code_edit.setPlaceholderText(
            self.tr("12 位数字,例如 330106001001") if village else self.tr("9 位数字,例如 330106001"))
        self._form.labelForField(self.name_edit.parentWidget()).setText(
            self.tr("村名称") if village else self.tr("乡镇名称"))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        """Next is enabled only when both name and code pass the service checks."""
        return self._valid(setup_service.validate_name, self.name_edit.text()) and \
            self._valid(setup_service.validate_code, self.code_edit.text())

    def name(self) -> str:
        """The entered name, trimmed."""
        return self.name_edit.text().strip()

    def code(self) -> str:
        """The entered code, trimmed."""
        return self.code_edit.text().strip()

    def province(self) -> str:
        """The chosen province profile code."""
        return self.province_combo.currentData()

    def _check_name(self) -> None:
        self._explain(setup_service.validate_name, self.name_edit.text(), self.name_message)

    def _check_code(self) -> None:
        self._explain(setup_service.validate_code, self.code_edit.text(), self.code_message)

    def _explain(self, validate, text: str, message: FieldMessage) -> None:
        try:
            validate(text)
        except CunwuError as exc:
            message.show_error(message_text(exc.message))
        else:
            message.clear_message()
        self.completeChanged.emit()

    @staticmethod
    def _valid(validate, text: str) -> bool:
        try:
            validate(text)
        except CunwuError:
            return False
        return True
