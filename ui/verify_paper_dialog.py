"""核验纸质件: type the 核验码 printed on a paper and see whether it matches the records this PC holds.

Reached from 文件 → 核验纸质件… on every installation and from the township's
备案登记 tab. The verdict (`verification_code.verify`) is one of: matches
(green, with which package brought that version), does not match (red: the
paper was altered or the village changed the record after printing), unknown
here (not received yet), or 核验码有误 (the check character caught a typo). On
a match it shows what this PC holds, for the person to compare with the paper
— a copied code on an altered paper would match too. Everything read from the
records (village, title) is outside text, shown plain.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import verification_code
from desktop.services.verification_code import Verdict
from ui.errors import message_text
from ui.operations import run_query
from ui.widgets.outside_text import OutsideLabel, plain
from ui.widgets.palette import set_role
from ui.widgets.primary_button import make_primary


class VerifyPaperDialog(QDialog):
    """The code field, 核验, and the verdict; `verdict` holds the last one (None before the first)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.verdict: Verdict | None = None
        self.setWindowTitle(self.tr("核验纸质件"))
        self.setMinimumWidth(520)
        hint = QLabel(self.tr(
            "会议记录、公开栏公开表、民主评议结果和备案回执的页脚印有 12 位核验码。"
            "输入核验码,可以查看这份纸质件与本机收到的记录是否一致。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("如 MK7Q-M2XD-P9AE(不区分大小写)"))
        self.code_edit.setMaxLength(24)
        self.code_edit.returnPressed.connect(self.check)
        self.code_edit.textChanged.connect(self._on_text)
        self.check_button = make_primary(QPushButton(self.tr("核验")))
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.check_button)
        self.result_label = plain(QLabel())
        self.result_label.setWordWrap(True)
        self.kind_label, self.village_label, self.title_label, self.version_label = (
            OutsideLabel() for _ in range(4))
        for label in (self.kind_label, self.village_label, self.title_label, self.version_label):
            label.setWordWrap(True)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("文件:"), self.kind_label)
        form.addRow(self.tr("村(乡镇):"), self.village_label)
        form.addRow(self.tr("标题:"), self.title_label)
        form.addRow(self.tr("本机的版本:"), self.version_label)
        self.compare_label = QLabel(self.tr("一致只说明核验码对得上。请再对照纸上的标题、日期和数字是否与上面相同。"))
        self.compare_label.setWordWrap(True)
        self.compare_label.setProperty("role", "hint")
        self.warning_label = plain(QLabel())
        self.warning_label.setWordWrap(True)
        set_role(self.warning_label, "error")
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.details)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.compare_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._show(None)

    def _on_text(self, text: str) -> None:
        self.check_button.setEnabled(bool(text.strip()))

    def check(self) -> None:
        """Look the typed code up and show the verdict."""
        text = self.code_edit.text().strip()
        if not text:
            return
        outcome = run_query(self, lambda: verification_code.verify(text))
        if outcome.ok:
            self._show(outcome.value)

    def _show(self, verdict: Verdict | None) -> None:
        self.verdict = verdict
        self.result_label.setVisible(verdict is not None)
        self.details.setVisible(verdict is not None and bool(verdict.kind))
        self.compare_label.setVisible(verdict is not None and verdict.match is True)
        self.warning_label.setVisible(verdict is not None and bool(verdict.warnings))
        if verdict is None:
            return
        if verdict.match:
            text, role = self.tr("✔ 一致:{reason}"), "ok"
        elif verdict.match is None:
            text, role = self.tr("? 无法核验:{reason}"), ""
        else:
            text, role = self.tr("✘ 不一致:{reason}") if verdict.kind else "{reason}", "error"
        self.result_label.setText(text.format(reason=message_text(verdict.reason)))
        set_role(self.result_label, role)
        self.kind_label.setText(QCoreApplication.translate("verification_code", verdict.kind) if verdict.kind else "—")
        self.village_label.setText(verdict.village or "—")
        self.title_label.setText(verdict.title or "—")
        self.version_label.setText(self.tr("变更序号 {n}").format(n=verdict.seq) if verdict.seq else "—")
        self.warning_label.setText("\n".join(message_text(w) for w in verdict.warnings))
