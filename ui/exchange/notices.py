"""乡镇通知 on the village's screen: the notices the township sent, read one by one.

(The township writes them in `ui.township.notice_dialog`.)

Reading a notice marks it read on this PC; the list shows unread ones in bold.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services import notice_service
from desktop.services.session import Session
from ui.operations import run_op


class NoticesDialog(QDialog):
    """The notices this village received from the township, newest first; opening one marks it read."""

    def __init__(self, session: Session, parent: QWidget | None = None, notice_id: str | None = None):
        """`notice_id`: the notice to open first (a search hit), else the newest."""
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
        if notice_id is not None:
            if not self.show_notice(notice_id):
                self.body.setPlainText(self.tr("要找的通知已经不在了。"))
        elif self._rows:
            self.list.setCurrentRow(0)
            self.list.setFocus()  # ↑/↓ go through the notices straight away
        else:
            self.body.setPlainText(self.tr("还没有收到乡镇的通知。通知会随乡镇发来的数据包(回执)一起导入。"))

    def show_notice(self, notice_id: str) -> bool:
        """Bring notice `notice_id` up (a search hit); False when it is not among this village's notices."""
        for index, row in enumerate(self._rows):
            if row.id == notice_id:
                self.list.setCurrentRow(index)
                self.list.setFocus()
                return True
        return False

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        self.body.setHtml(
            f"<h3>{escape(row.title)}</h3>"
            f"<p style='white-space: pre-wrap'>{escape(row.text)}</p>"
            f"<p style='color: #666'>{escape(row.issued_by)}&nbsp;&nbsp;{escape(row.issued_on)}</p>")
        if not row.read:
            marked = run_op(self, lambda: notice_service.mark_read(self._session, row.id),
                            on_failure=_shown_all_the_same)
            if not marked:
                return
            font = QFont(self.list.item(index).font())
            font.setBold(False)
            self.list.item(index).setFont(font)


def _shown_all_the_same(_exc: BaseException) -> None:
    """A viewer may not mark a notice read: the text is shown all the same, nothing to say."""
