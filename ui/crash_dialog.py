"""The plain dialog shown when the program hits an unexpected error.

It says what happened in one calm sentence and offers the two things a
support person will ask for: the details (copied to the clipboard, ready to
paste into WeChat) and the log folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel


class CrashDialog(QDialog):
    """Shows one error: a sentence, the traceback, copy / open-logs / close."""

    def __init__(self, details: str, log_dir: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._details = details
        self._log_dir = log_dir
        self.setWindowTitle(self.tr("村务台账 - 出现错误"))
        self.setMinimumWidth(560)

        title = ScaledLabel(self.tr("程序出现了一个错误…"), 1.3, bold=True)
        explanation = QLabel(self.tr(
            "刚才的操作可能没有完成。已经保存的数据不受影响。\n"
            "如果问题反复出现,请点“复制详细信息”,发给技术支持人员。"))
        explanation.setWordWrap(True)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setMaximumHeight(160)

        self.copy_button = QPushButton(self.tr("复制详细信息"))
        self.logs_button = QPushButton(self.tr("打开日志文件夹"))
        self.close_button = make_primary(QPushButton(self.tr("关闭")))
        self.close_button.setDefault(True)
        self.logs_button.setEnabled(log_dir is not None)
        self.copy_button.clicked.connect(self.copy_details)
        self.logs_button.clicked.connect(self.open_log_folder)
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.logs_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(self.details_view)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        """Put the traceback on the clipboard and say so on the button."""
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(self.tr("已复制"))

    def open_log_folder(self) -> None:
        """Open the log folder in the system's file manager."""
        if self._log_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_dir)))
