"""乡镇通知 on screen: the township writes one (to one village or all), a village reads them.

Reading a notice marks it read on this PC; the list shows unread ones in bold.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services import notice_service
from desktop.services.session import Session
from models.errors import CunwuError
from ui.errors import message_text
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
        try:
            self.sent = notice_service.send_notice(self._session, self.title_edit.text(),
                                                   self.text_edit.toPlainText(), date.today(),
                                                   None if code is None else [code])
        except CunwuError as exc:
            self.message.show_error(message_text(exc.message))
            return
        super().accept()


class NoticesDialog(QDialog):
    """The notices this village received from the township, newest first; opening one marks it read."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("乡镇通知"))
        self.resize(820, 520)
        self.list = QListWidget()
        self.list.setMinimumWidth(280)
        self.list.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.body)
        splitter.setStretchFactor(1, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._rows = notice_service.notices()
        for row in self._rows:
            item = QListWidgetItem(f"{row.issued_on}  {row.title}")
            if not row.read:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show)
        if self._rows:
            self.list.setCurrentRow(0)
            self.list.setFocus()  # ↑/↓ go through the notices straight away
        else:
            self.body.setPlainText(self.tr("还没有收到乡镇的通知。通知会随乡镇发来的数据包(回执)一起导入。"))

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        self.body.setHtml(
            f"<h3>{escape(row.title)}</h3>"
            f"<p style='white-space: pre-wrap'>{escape(row.text)}</p>"
            f"<p style='color: #666'>{escape(row.issued_by)}&nbsp;&nbsp;{escape(row.issued_on)}</p>")
        if not row.read:
            try:
                notice_service.mark_read(self._session, row.id)
            except CunwuError:
                return  # a viewer who may not mark: the text is shown all the same
            font = QFont(self.list.item(index).font())
            font.setBold(False)
            self.list.item(index).setFont(font)
