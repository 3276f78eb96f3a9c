"""乡镇 → 发通知…: a notice to one village or all, saved now and carried by the next 回执 to each."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import notice_service
from desktop.services.session import Session
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel


class SendNoticeDialog(QDialog):
    """乡镇 → 发通知: title, text, and to which village (or all); it goes with the next 回执."""

    def __init__(self, session: Session, villages: list[tuple[str, str]], preselect: str | None = None,
                 parent: QWidget | None = None):
        """`villages`: (code, name) of the enrolled villages; `preselect`: a code to choose first."""
        super().__init__(parent)
        self._session = session
        self.sent = 0
        self.setWindowTitle(self.tr("发通知"))
        self.setMinimumSize(600, 420)
        self.to_combo = QComboBox()
        self.to_combo.addItem(self.tr("全部村庄({n} 个)").format(n=len(villages)), None)
        for code, name in villages:
            self.to_combo.addItem(f"{name}({code})", code)
        if preselect:
            index = self.to_combo.findData(preselect)
            if index >= 0:
                self.to_combo.setCurrentIndex(index)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(notice_service.MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("例如:关于报送第四季度村务公开材料的通知"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.message = FieldMessage()
        explain = QLabel(self.tr("通知随下一次发给该村的数据包(回执)一起送到村里。"))
        explain.setProperty("role", "hint")
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("发给"), self.to_combo)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("内容"), self.text_edit)
        buttons = ok_cancel(self, self.tr("保存通知"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.title_edit.setFocus()

    def accept(self) -> None:
        """Save the notice; a refusal is explained under the form and the dialog stays open."""
        code = self.to_combo.currentData()
        done = run_op(self, lambda: notice_service.send_notice(self._session, self.title_edit.text(),
                                                               self.text_edit.toPlainText(), date.today(),
                                                               None if code is None else [code]),
                      on_failure=self.message.show_failure)
        if done:
            self.sent = done.value
            super().accept()
