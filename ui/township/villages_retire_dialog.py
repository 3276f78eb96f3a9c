"""村庄 → 停用…: stop accepting a village's packages (合村并居, no longer supervised).

Asked with the consequences spelled out and a reason required; the village's
records stay, and 重新入网 brings it back.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import exchange_service as xs
from desktop.services.session import Session
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.screen_fit import grow_for_wrapped_text


class RetireDialog(QDialog):
    """The reason, the consequences, and 停用 / 取消 (取消 is the default)."""

    def __init__(self, session: Session, code: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._code = session, code
        self.setWindowTitle(self.tr("停用村庄"))
        self.setMinimumWidth(560)
        explain = QLabel(self.tr(
            "停用后,本机不再接收{name}({code})的数据包,也不再给它发回执;已经收到的记录全部保留,"
            "合规看板只在它的数据覆盖的期间显示它。以后如需恢复,请用“重新入网…”。").format(name=name, code=code))
        explain.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例如:已并入石桥村"))
        self.message = FieldMessage()
        self.reason_edit.textChanged.connect(self.message.clear_message)
        form = QFormLayout()
        form.addRow(self.tr("停用原因"), self.reason_edit)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("停用"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Tall enough for every line of the explanation (a large font wraps it onto more lines)."""
        super().showEvent(event)
        grow_for_wrapped_text(self)

    def accept(self) -> None:
        """Retire the village; a missing reason or a refusal is explained and the dialog stays."""
        if run_op(self, lambda: xs.retire_village(self._session, self._code, self.reason_edit.text()),
                  on_failure=self.message.show_failure):
            super().accept()
