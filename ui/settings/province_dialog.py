"""设置 → 省份配置…: which province's rules the checks follow.

The profile changes the hints and checks that depend on provincial rules
(notice periods of the 村民代表会议, who the 监委会 members may not be related
to, …). Only an administrator may change it; the service checks that again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services import setup_service
from desktop.services.session import Session
from models.provinces import PROVINCES
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel


def province_text(code: str) -> str:
    """The translated label of a province profile (the code itself when unknown)."""
    return QCoreApplication.translate("provinces", PROVINCES[code]) if code in PROVINCES else code


class ProvinceDialog(QDialog):
    """A combo of the province profiles; 确定 saves through `setup_service.set_province`.

    `province_changed(code)` is emitted after a successful change (not when
    the person presses 确定 without choosing another profile).
    """

    province_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        info = setup_service.current()
        self._current = info.province if info else "national"
        self.setWindowTitle(self.tr("省份配置"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 32)

        self.combo = QComboBox()
        for code in PROVINCES:
            self.combo.addItem(province_text(code), code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self._current)))
        self.combo.currentIndexChanged.connect(self._on_choice)
        explanation = QLabel(self.tr(
            "省份配置影响会议通知期限、监委会成员回避范围等规则的提示。"
            "请选择所在的省(自治区、直辖市);没有列出的,选“全国通用”,只按国家法律检查。"))
        explanation.setWordWrap(True)
        self.current_label = QLabel(province_text(self._current))
        self.message = FieldMessage()

        self.buttons = ok_cancel(self, self.tr("确定"))

        form = QFormLayout()
        form.addRow(self.tr("现在使用:"), self.current_label)
        form.addRow(self.tr("改为:"), self.combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def chosen(self) -> str:
        """The profile code chosen in the combo."""
        return self.combo.currentData()

    def choose(self, code: str) -> None:
        """Select profile `code` (as picking it in the combo would)."""
        self.combo.setCurrentIndex(self.combo.findData(code))

    def _on_choice(self) -> None:
        if self.chosen() == self._current:
            self.message.clear_message()
        else:
            self.message.show_hint(self.tr("点“确定”后,各处的检查改按“{province}”的规定。").format(
                province=province_text(self.chosen())))

    def accept(self) -> None:
        """Save the chosen profile; on refusal keep the dialog open with the reason."""
        code = self.chosen()
        if code == self._current:
            super().accept()
            return
        if not run_op(self, lambda: setup_service.set_province(self._session, code),
                      on_failure=self.message.show_failure):
            return
        self._current = code
        self.province_changed.emit(code)
        super().accept()
