"""登记备案 (with a receipt number and, when the text is unlawful, 责令改正) and 责令改正 later."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import review_service
from desktop.services.review_service import FilingRow
from desktop.services.session import Session
from models.legal import organic_law
from ui.errors import message_text
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.palette import RED


def _correction_edit(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(parent.tr("通过的文本没有违法内容时留空"))
    return edit


def _day(iso: str) -> date | None:
    """A stored "2021-08-10" as a date (None when empty or malformed)."""
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


class FilingDialog(QDialog):
    """Register 备案 of an adopted version; accepted once the service has recorded it."""

    def __init__(self, session: Session, version_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.version_id = version_id
        self.draft = review_service.filing_draft(version_id)
        self.setWindowTitle(self.tr("登记备案"))
        self.setMinimumWidth(600)
        d = self.draft
        text = self.tr("{village}《{label}》,{voted} 经村民会议表决通过。").format(
            village=d.village_name, label=d.label, voted=d.voted_on or self.tr("(表决日期不详)"))
        if d.paper_receipt_no or d.paper_receipt_date:
            text += self.tr("村里记录了本镇出具的纸质回执 {no}({on}),下面按纸质回执补登,请核对。").format(
                no=d.paper_receipt_no or "—", on=d.paper_receipt_date or "—")
        intro = QLabel(text)
        intro.setWordWrap(True)
        received = _day(d.sent_on) if d.paper_receipt_no or d.paper_receipt_date else None
        self.received_edit = date_edit(received)
        self.receipt_date_edit = date_edit(_day(d.paper_receipt_date) or received)
        self.receipt_no_edit = QLineEdit(d.receipt_no)
        self.receipt_no_edit.setToolTip(self.tr("按本镇的编号顺序自动生成,也可以改成纸质回执上的编号"))
        self.correction_edit = _correction_edit(self)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        if d.unlawful:
            where = "、".join(dict.fromkeys(d.labels.get(f.article, str(f.article)) for f in d.unlawful))
            self.warning.setText(self.tr(
                "通过的文本里仍有可能违法的内容({where})。按照{basis},备案时应责令改正;"
                "下面已经写好了责令改正的意见,请核对。").format(
                where=where, basis=organic_law(27, on=date.today()).cite().removeprefix("依据")))
            self.warning.setStyleSheet(f"color: {RED.name()}")
            self.correction_edit.setPlainText(d.suggested_correction)
        self.warning.setVisible(bool(d.unlawful))
        self.message = FieldMessage()
        if d.blocked_by:
            self.message.show_error("\n".join(message_text(m) for m in d.blocked_by))

        form = QFormLayout()
        form.addRow(self.tr("收到日期:"), self.received_edit)
        form.addRow(self.tr("回执日期:"), self.receipt_date_edit)
        form.addRow(self.tr("回执编号:"), self.receipt_no_edit)
        form.addRow(self.tr("责令改正:"), self.correction_edit)
        self.buttons = ok_cancel(self, self.tr("登记备案"))
        # Nothing can be registered (already filed, not adopted): say why and offer only 取消.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not d.blocked_by)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Record the filing; stay open with the reason when refused."""
        if not run_op(self, lambda: review_service.record_filing(self._session, self.version_id, to_date(self.received_edit),
            to_date(self.receipt_date_edit), self.receipt_no_edit.text(),
            self.correction_edit.toPlainText()),
            on_failure=self.message.show_failure):
            return
        super().accept()


class CorrectionDialog(QDialog):
    """责令改正 on a text already filed (or withdrawing it with an empty text)."""

    def __init__(self, session: Session, row: FilingRow, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.row = row
        self.setWindowTitle(self.tr("责令改正"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("{village}《{title}》(第{no}版),备案回执 {receipt}。").format(
            village=row.village_name, title=row.title, no=row.version_no, receipt=row.receipt_no))
        intro.setWordWrap(True)
        self.correction_edit = _correction_edit(self)
        self.correction_edit.setPlainText(row.correction or review_service.filing_draft(row.version_id)
                                          .suggested_correction)
        self.message = FieldMessage()
        self.buttons = ok_cancel(self, self.tr("保存"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.correction_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Save the order; stay open with the reason when refused."""
        if not run_op(self, lambda: review_service.order_correction(self._session, self.row.filing_id, self.correction_edit.toPlainText()),
                      on_failure=self.message.show_failure):
            return
        super().accept()
