"""迁出或注销: a person leaves the register on a date, as 迁出, 死亡 or 其他, with a reason.

Nothing is deleted: the person stays in every record that names them and
can be shown again with 含已迁出/死亡 (and put back with 恢复在册).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import people_service
from desktop.services.session import Session
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit
from ui.widgets.ok_cancel import ok_cancel


class EndStayDialog(QDialog):
    """Date, kind and reason; 确定 writes them (the reason for a refusal stays under the fields)."""

    def __init__(self, session: Session, person_id: str, name: str, roles: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._person_id = person_id
        self.setWindowTitle(self.tr("迁出或注销"))
        intro = QLabel(self.tr("{name}将离开名册。记录里仍保留这个名字;名册勾选“含已迁出/死亡”时可以看到。").format(
            name=name))
        intro.setWordWrap(True)
        offices = QLabel(self.tr("{name}现任{roles}。离开名册不会自动结束这些任职,请另外结束。").format(
            name=name, roles=roles))
        offices.setWordWrap(True)
        offices.setProperty("role", "error")
        offices.setVisible(bool(roles))
        self.kind_buttons = QButtonGroup(self)
        kinds = QHBoxLayout()
        for n, (code, label) in enumerate(people_service.LEFT_KINDS.items()):
            button = QRadioButton(QCoreApplication.translate("people", label))
            button.setProperty("kind", code)
            self.kind_buttons.addButton(button, n)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.kind_buttons.button(0).setChecked(True)
        self.date_edit = date_edit(date.today())
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例如:婚嫁迁往邻村、病故"))
        self.reason_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 20)
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("方式:"), kinds)
        form.addRow(self.tr("日期:"), self.date_edit)
        form.addRow(self.tr("原因:"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(offices)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("确定")))

    def kind(self) -> str:
        """The chosen code (moved_out, died, other)."""
        return self.kind_buttons.checkedButton().property("kind")

    def accept(self) -> None:
        """End the stay; stays open with the reason when refused."""
        pid, on, kind, reason = self._person_id, self.date_edit.value(), self.kind(), self.reason_edit.text()
        if run_op(self, lambda: people_service.end_stay(self._session, pid, on, kind, reason),
                  on_failure=self.message.show_failure):
            super().accept()
