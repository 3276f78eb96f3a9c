"""登记审核意见: 同意 / 修改后同意 / 不同意, dated and signed, bound to the text on screen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import review_service
from desktop.services.review_service import DraftView
from desktop.services.session import Session
from models.rules import procedure as proc
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.record_labels import opinion_label, short_fingerprint


class ReviewOpinionDialog(QDialog):
    """The opinion form; accepted only once the service has recorded it."""

    def __init__(self, session: Session, view: DraftView, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view = view
        self.setWindowTitle(self.tr("登记审核意见"))
        self.setMinimumWidth(560)

        comments = len(view.general_comments) + sum(len(a.comments) for a in view.articles)
        intro = QLabel(self.tr(
            "{village}《{title}》(第{no}版),{on} 报审,文本指纹 {fp}。意见只对这份文本有效,"
            "随下一个回执数据包发回该村。已写逐条意见 {n} 条,会一起发回。").format(
            village=view.village_name, title=view.title, no=view.version_no, on=view.submitted_on,
            fp=short_fingerprint(view.submitted_fingerprint), n=comments))
        intro.setWordWrap(True)

        self.opinion_group = QButtonGroup(self)
        self.opinion_buttons: dict[str, QRadioButton] = {}
        radios = QHBoxLayout()
        for number, code in enumerate(proc.OPINIONS, start=1):
            button = QRadioButton(f"&{number} {opinion_label(code)}")
            self.opinion_group.addButton(button)
            self.opinion_buttons[code] = button
            radios.addWidget(button)
        radios.addStretch(1)
        self.date_edit = date_edit()
        self.reviewer_edit = QLineEdit(self.tr("镇民政办"))
        self.reviewer_edit.setPlaceholderText(self.tr("审核人或审核单位,例如“镇民政办”"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr(
            "法律审查意见(“修改后同意”“不同意”时请写明理由,或在草案里逐条提出意见)"))
        self.message = FieldMessage()

        form = QFormLayout()
        form.addRow(self.tr("审核意见:"), radios)
        form.addRow(self.tr("审核日期:"), self.date_edit)
        form.addRow(self.tr("审核人:"), self.reviewer_edit)
        form.addRow(self.tr("意见原文:"), self.text_edit)
        self.buttons = ok_cancel(self, self.tr("登记"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.opinion_buttons[proc.AGREE].setFocus()

    def choose(self, code: str) -> None:
        """Tick the opinion `code` (as a click would)."""
        self.opinion_buttons[code].setChecked(True)

    def opinion(self) -> str:
        """The ticked opinion code ("" when none)."""
        return next((code for code, b in self.opinion_buttons.items() if b.isChecked()), "")

    def accept(self) -> None:
        """Record the opinion; stay open with the reason when refused."""
        if not run_op(self, lambda: review_service.record_opinion(
            self._session, self.view.version_id, self.opinion(), to_date(self.date_edit),
            self.reviewer_edit.text(), self.text_edit.toPlainText(),
            seen_fingerprint=self.view.submitted_fingerprint),
            on_failure=self.message.show_failure):
            return
        super().accept()
