"""The status bar: where the data is, who is logged in, the last package exchanged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.services import status_service
from desktop.services.session import Session
from models.roles import role_label
from ui.widgets.elided_label import ElidedLabel


class AppStatusBar(QStatusBar):
    """Three permanent labels; `refresh_exchange()` after a package is sent or read."""

    def __init__(self, data_dir: Path, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.user_label = QLabel(self.tr("当前用户:{name}({role})").format(
            name=session.display_name or session.actor,
            role=QCoreApplication.translate("roles", role_label(session.role))))
        self.exchange_label = ElidedLabel()  # the 数据交换 page lists every package in full
        self.data_label = ElidedLabel(self.tr("数据文件夹:{path}").format(path=data_dir))
        self.data_label.setToolTip(str(data_dir))
        self.addWidget(self.user_label)
        self.addWidget(self.exchange_label, 1)
        self.addPermanentWidget(self.data_label)
        self.refresh_exchange()

    def refresh_exchange(self) -> None:
        """Re-read the last package sent and received."""
        status = status_service.exchange_status()
        if not status.last_sent and not status.last_received:
            text = self.tr("尚未发送/接收数据包")
        else:
            none = self.tr("无")
            text = self.tr("最近发送:{sent};最近接收:{received}").format(
                sent=status.last_sent or none, received=status.last_received or none)
        self.exchange_label.setText(text)
