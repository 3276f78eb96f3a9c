"""帮助 → 关于: what the program is, its version, where the data lives, and this PC's fingerprint.

The fingerprint is what the village's secretary reads out when the township
phones before importing the village's first package (issue 16): its first 8
characters, large, with the full one under it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.sync import first_contact
from ui.widgets.outside_text import plain
from ui.widgets.scaled_label import ScaledLabel


class AboutDialog(QDialog):
    """Name, version and data folder (selectable, so it can be copied for support)."""

    def __init__(self, version: str, data_dir: Path, parent: QWidget | None = None,
                 identity: str = "", fingerprint: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于村务台账"))
        self.setMinimumWidth(480)
        title = ScaledLabel(self.tr("村民自治台账"), 1.6, bold=True)
        blurb = QLabel(self.tr(
            "帮助村委会和村务监督委员会记录村规民约、村务公开、会议与表决,"
            "并与乡镇交换数据。所有数据都保存在这台电脑上,不需要联网。"))
        blurb.setWordWrap(True)
        folder = QLabel(str(data_dir))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("版本:"), QLabel(version))
        form.addRow(self.tr("数据文件夹:"), folder)
        #: The 8 characters read out on the phone ("" when not given).
        self.fingerprint_label = ScaledLabel(first_contact.spoken(fingerprint), 1.4, bold=True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if identity:
            form.insertRow(0, self.tr("本机:"), plain(QLabel(identity)))
        if fingerprint:
            form.addRow(self.tr("电脑指纹:"), self.fingerprint_label)
            full = QLabel(self.tr("完整指纹:{fp}。乡镇第一次导入本机的数据包时,会打电话请您念出上面的 8 位。").format(
                fp=fingerprint))
            full.setWordWrap(True)
            full.setProperty("role", "hint")
            full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow("", full)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(buttons)
