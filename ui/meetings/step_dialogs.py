"""Small dialogs of the 四议两公开 tab: record a step, open a new register."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import decisions_service, meetings_service
from desktop.services.session import Session
from models.meetings import four_two as ft
from models.meetings.matters import MATTERS
from ui.operations import run_op
from ui.widgets.date_field import DateField
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.record_labels import matter_label, type_label

_DATE_ROLE = Qt.ItemDataRole.UserRole + 1  # a meeting's date, to prefill the step's date


class StepDialog(QDialog):
    """登记这一步: date, the meeting it was (for ①–④), the 监委会's opinion (for ⑤–⑥)."""

    def __init__(self, session: Session, register_id: str, step: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session, self._register_id, self._step = session, register_id, step
        self.setWindowTitle(self.tr("登记:{step}").format(step=_step_text(step)))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 36)
        self.date_edit = DateField()
        form = QFormLayout()
        form.addRow(self.tr("日期:"), self.date_edit)
        self.meeting_combo: QComboBox | None = None
        self.opinion_edit: QPlainTextEdit | None = None
        missing = ""
        allowed = ft.STEP_MEETING_TYPES.get(step)
        if allowed:
            self.meeting_combo = QComboBox()
            self.meeting_combo.setMinimumContentsLength(24)
            for row in meetings_service.list_meetings():
                if row.type_code in allowed:
                    text = f"{row.held_on}  {row.title}({type_label(row.type_code)})"
                    if not row.quorum_judged:
                        text += self.tr(" — 法定人数无法判断")
                    elif row.quorum_met is False:
                        text += self.tr(" — 未达法定人数")
                    self.meeting_combo.addItem(text, row.id)
                    self.meeting_combo.setItemData(self.meeting_combo.count() - 1, row.held_on,
                                                   _DATE_ROLE)
            self.meeting_combo.currentIndexChanged.connect(self._on_meeting)
            form.addRow(self.tr("会议记录:"), self.meeting_combo)
            if not self.meeting_combo.count():
                missing = self.tr("还没有{types}的会议记录,请先在“会议记录”中登记。").format(
                    types="、".join(type_label(t) for t in allowed))
            self._on_meeting()
        if step in ("publish_resolution", "publish_result"):
            self.opinion_edit = QPlainTextEdit()
            self.opinion_edit.setPlaceholderText(self.tr("例如:经审核,决议内容与表决结果一致,同意公开。"))
            self.opinion_edit.setTabChangesFocus(True)
            self.opinion_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
            form.addRow(self.tr("监委会意见:"), self.opinion_edit)
        self.message = FieldMessage()
        if missing:
            self.message.show_error(missing)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("登记")))

    def _on_meeting(self) -> None:
        if self.meeting_combo is None or self.meeting_combo.currentIndex() < 0:
            return
        held_on = self.meeting_combo.currentData(_DATE_ROLE)
        if held_on:
            self.date_edit.setDate(QDate.fromString(held_on, "yyyy-MM-dd"))

    def accept(self) -> None:
        """Record the step; stay open with the reason when it is refused."""
        d = self.date_edit.date()
        if not run_op(self, lambda: decisions_service.add_step(
                self._session, self._register_id, self._step, date(d.year(), d.month(), d.day()),
                self.meeting_combo.currentData() if self.meeting_combo is not None else None,
                self.opinion_edit.toPlainText().strip() if self.opinion_edit is not None else ""),
                on_failure=self.message.show_failure):
            return
        super().accept()


def _step_text(step: str) -> str:
    return QCoreApplication.translate("four_two", ft.STEP_LABELS[step])


class NewRegisterDialog(QDialog):
    """新建登记: the matter's title and category."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("新建四议两公开登记"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 34)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例如:2026年村道硬化工程"))
        self.matter_combo = QComboBox()
        for code in MATTERS:
            self.matter_combo.addItem(matter_label(code), code)
        self.matter_combo.setCurrentIndex(self.matter_combo.findData("public_welfare"))
        form = QFormLayout()
        form.addRow(self.tr("事项名称:"), self.title_edit)
        form.addRow(self.tr("事项类别:"), self.matter_combo)
        self.message = FieldMessage()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("新建")))

    def accept(self) -> None:
        """Create the register; stay open with the reason when it is refused."""
        created = run_op(self, lambda: decisions_service.create_register(
            self._session, self.title_edit.text(), self.matter_combo.currentData()),
            on_failure=self.message.show_failure)
        if not created:
            return
        self.created_id = created.value.id
        super().accept()
