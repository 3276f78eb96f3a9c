"""The small dialogs of the 数据交换 page: 入网文件 (township and village), pick packages found on a U盘."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import exchange_service as xs
from desktop.services.session import Session
from models.errors import CunwuError
from ui.errors import message_text
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.target_chooser import TargetChooser


def fingerprint_label(fingerprint: str) -> QLabel:
    """A fingerprint in large, spaced, selectable letters (to read out on the phone)."""
    label = ScaledLabel(fingerprint, 1.4, bold=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class EnrollDialog(QDialog):
    """乡镇 → 新增村庄: the village's code and name, and where its 入网文件 goes."""

    def __init__(self, session: Session, paths: AppPaths, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths = session, paths
        self.written: Path | None = None
        self.setWindowTitle(self.tr("新增村庄"))
        self.setMinimumWidth(560)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.code_edit.setPlaceholderText(self.tr("12 位数字,例如 330106001001"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例如:青山村"))
        self.target = TargetChooser()
        self.message = FieldMessage()
        explain = QLabel(self.tr(
            "软件会为这个村生成一个“入网文件”。请把它拷到U盘上带给村里,"
            "村里第一次打开“村务台账”时选择“导入入网文件”。"))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("村代码"), self.code_edit)
        form.addRow(self.tr("村名称"), self.name_edit)
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("生成入网文件")))

    def accept(self) -> None:
        """Write the 入网文件; a refusal is explained under the form and the dialog stays."""
        folder = self.target.folder()
        if folder is None:
            self.message.show_error(self.tr("请选择保存到哪个U盘或文件夹。"))
            return
        try:
            self.written = xs.enroll_village(self._session, self._paths, self.code_edit.text(),
                                             self.name_edit.text(), folder)
        except CunwuError as exc:
            self.message.show_error(message_text(exc.message))
            return
        super().accept()


class ReenrollDialog(QDialog):
    """乡镇 → 重新入网: a village changed its PC; the reason is required."""

    def __init__(self, session: Session, paths: AppPaths, code: str, name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._paths, self._code = session, paths, code
        self.written: Path | None = None
        self.setWindowTitle(self.tr("重新入网"))
        self.setMinimumWidth(560)
        explain = QLabel(self.tr(
            "{name}({code})换了电脑或重装了系统时使用:旧电脑的密钥将停用,以后旧电脑导出的数据包会被拒绝。"
            "软件会生成新的入网文件,请带给村里在新电脑上导入。").format(name=name, code=code))
        explain.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例如:村里换了电脑"))
        self.target = TargetChooser()
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("原因"), self.reason_edit)
        form.addRow(self.tr("保存到"), self.target)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("重新入网")))

    def accept(self) -> None:
        """Retire the old key and write the new 入网文件 (the reason is required)."""
        folder = self.target.folder()
        if not self.reason_edit.text().strip():
            self.message.show_error(self.tr("请写明重新入网的原因。"))
            return
        if folder is None:
            self.message.show_error(self.tr("请选择保存到哪个U盘或文件夹。"))
            return
        try:
            self.written = xs.reenroll_village(self._session, self._paths, self._code,
                                               self.reason_edit.text(), folder)
        except CunwuError as exc:
            self.message.show_error(message_text(exc.message))
            return
        super().accept()


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
