"""The small dialogs of reading packages: confirm a 入网文件 (village), pick the packages found on a U盘."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import exchange_service as xs
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.scaled_label import ScaledLabel


def fingerprint_label(fingerprint: str) -> QLabel:
    """A fingerprint in large, spaced, selectable letters (to read out on the phone)."""
    label = ScaledLabel(fingerprint, 1.4, bold=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SetupConfirmDialog(QDialog):
    """Village: a township's 入网文件 was opened; confirm its fingerprint by phone, then join."""

    def __init__(self, setup: xs.SetupInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setup = setup
        self.setWindowTitle(self.tr("加入乡镇"))
        self.setMinimumWidth(560)
        head = QLabel(self.tr("这是{township}({code})发给{village}的入网文件。").format(
            township=setup.township_name, code=setup.township_code, village=setup.village_name))
        head.setWordWrap(True)
        ask = QLabel(self.tr("请打电话给乡镇,请对方念出乡镇电脑的指纹,与下面这一串逐组核对:"))
        ask.setWordWrap(True)
        after = QLabel(self.tr("核对一致后,点“加入乡镇”。不一致时请点“取消”,并联系乡镇。"))
        after.setWordWrap(True)
        after.setProperty("role", "hint")
        self.fingerprint = fingerprint_label(setup.fingerprint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(head)
        layout.addWidget(ask)
        layout.addWidget(self.fingerprint)
        layout.addWidget(after)
        layout.addWidget(ok_cancel(self, self.tr("加入乡镇")))


class PickPackagesDialog(QDialog):
    """The packages found on the U盘: tick the ones to import (our own outgoing ones are unticked)."""

    def __init__(self, found: list[Path], is_own: Callable[[str], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("U盘上的数据包"))
        self.setMinimumSize(560, 360)
        explain = QLabel(self.tr("找到 {n} 个数据包。请勾选要导入的(本机自己导出的已去掉勾选):").format(n=len(found)))
        explain.setWordWrap(True)
        self.list = QListWidget()
        for path in found:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            own = is_own(path.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if own else Qt.CheckState.Checked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(ok_cancel(self, self.tr("预览并导入")))

    def chosen(self) -> list[Path]:
        """The ticked files, in the listed order."""
        return [Path(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
