"""离任… / 换届登记…: the date an office (or a whole body's term) ends, and why.

The same dialog ends one 村委会/村民代表/小组长/党组织 office, a 监委会 seat,
or every office of a body at a 换届: the caller passes what to do with the
date, the reason's code and its details. Nothing is deleted; the office
stays on record with its end date and reason. Shared by 人员名册 → 任职 and
村务监督 → 成员, so it lives in the kit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.terms_service import END_REASONS
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel

#: (date, reason code, details) -> the service call's result.
Ending = Callable[[date, str, str], Any]


class EndOfficeDialog(QDialog):
    """Date, reason (届满/辞职/罢免/不再符合任职条件/死亡/其他) and details; OK ends the office."""

    def __init__(self, title: str, intro: str, end: Ending, parent: QWidget | None = None, *,
                 kind: str = "resigned", detail: str = "", ok_text: str = ""):
        super().__init__(parent)
        self._end = end
        self.setWindowTitle(title)
        self.date_edit = date_edit(date.today())
        self.reason_combo = QComboBox()
        for code, label in END_REASONS.items():
            self.reason_combo.addItem(QCoreApplication.translate("terms", label), code)
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(kind)))
        self.detail_edit = QLineEdit(detail)
        self.detail_edit.setPlaceholderText(self.tr("例如:2026年5月6日村民会议表决通过"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.detail_edit.setMinimumWidth(em * 26)
        self.message = FieldMessage()
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("离任日期:"), self.date_edit)
        form.addRow(self.tr("离任原因:"), self.reason_combo)
        form.addRow(self.tr("说明:"), self.detail_edit)
        hint = QLabel(self.tr("离任日期是不再任职的第一天。记录不会删除,离任人员仍出现在以前的会议和记录里。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, ok_text or self.tr("登记离任")))

    def accept(self) -> None:
        """End the office, or explain why not and stay open."""
        if not run_op(self, lambda: self._end(to_date(self.date_edit), self.reason_combo.currentData(),
                                              self.detail_edit.text()),
                      on_failure=self.message.show_failure):
            return
        super().accept()
