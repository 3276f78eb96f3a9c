"""提请审核: sending the draft to the township, and recording its opinion.

The township's opinion binds to the fingerprint of the exact text sent, so
the tab shows the fingerprint's short form next to the submission date: the
same short form is printed on the copy that goes to the township.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rules_service
from desktop.services.rules_service import VersionView
from desktop.services.session import Session
from models.errors import CunwuError
from models.roles import Permission
from models.rules import procedure as proc
from ui.errors import error_text
from ui.rules.forms import date_edit, section, to_date
from ui.rules.labels import opinion_label, reasons_text
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary


def short_fingerprint(fp: str) -> str:
    """The first 12 hex digits in groups of four (what a person can compare by eye)."""
    return " ".join(fp[i:i + 4] for i in range(0, 12, 4)).upper() if fp else ""


class ReviewTab(QWidget):
    """Submission and the township's opinion. `changed()` after a write."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view: VersionView | None = None

        self.submit_date_edit = date_edit()
        self.submit_button = make_primary(QPushButton(self.tr("报乡镇审核")))
        self.submit_button.clicked.connect(self.submit)
        self.submit_hint = FieldMessage()
        self.submitted_label = QLabel()
        self.submitted_label.setWordWrap(True)
        submit_card, submit_layout = section(self.tr("报送审核"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("报送日期:")))
        row.addWidget(self.submit_date_edit)
        row.addWidget(self.submit_button)
        row.addStretch(1)
        submit_layout.addWidget(self.submitted_label)
        submit_layout.addLayout(row)
        submit_layout.addWidget(self.submit_hint)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.opinion_combo = QComboBox()
        for code in proc.OPINIONS:
            self.opinion_combo.addItem(opinion_label(code), code)
        self.review_date_edit = date_edit()
        self.by_edit = QLineEdit()
        self.by_edit.setPlaceholderText(self.tr("例如:镇民政办"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("审核意见原文(“修改后同意”“不同意”时必填,或逐条填写)"))
        self.text_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.text_edit.setTabChangesFocus(True)
        self.comments = QTableWidget(0, 2)
        self.comments.setHorizontalHeaderLabels([self.tr("条文"), self.tr("逐条意见")])
        self.comments.verticalHeader().setVisible(False)
        self.comments.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.comments.setColumnWidth(0, self.fontMetrics().horizontalAdvance("国") * 9)
        self.comments.setMaximumHeight(self.fontMetrics().height() * 7)
        self.comments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_comment_button = QPushButton(self.tr("添加逐条意见"))
        self.add_comment_button.clicked.connect(self.add_comment_row)
        self.record_button = make_primary(QPushButton(self.tr("登记审核意见")))
        self.record_button.clicked.connect(self.record_review)
        self.record_hint = FieldMessage()
        review_card, review_layout = section(self.tr("乡镇审核意见"))
        review_layout.addWidget(self.result_label)
        form = QFormLayout()
        form.addRow(self.tr("审核意见:"), self.opinion_combo)
        form.addRow(self.tr("审核日期:"), self.review_date_edit)
        form.addRow(self.tr("审核单位:"), self.by_edit)
        form.addRow(self.tr("意见原文:"), self.text_edit)
        review_layout.addLayout(form)
        review_layout.addWidget(self.comments)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_comment_button)
        buttons.addWidget(self.record_hint, 1)
        buttons.addWidget(self.record_button)
        review_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(submit_card)
        layout.addWidget(review_card, 1)

    def set_view(self, view: VersionView) -> None:
        """Show the submission and opinion of `view`."""
        self.view = view
        record = view.record
        can_edit = self._session.can(Permission.EDIT_RECORDS)
        can_review = can_edit or self._session.can(Permission.REVIEW_RULES)
        if record.submitted_on:
            self.submitted_label.setText(self.tr("已于 {on} 报乡镇审核,文本指纹 {fp}。").format(
                on=record.submitted_on, fp=short_fingerprint(record.submitted_fingerprint)))
        else:
            self.submitted_label.setText(self.tr("还没有报乡镇审核。"))
        reasons = proc.can_submit(rules_service.facts(view.id))
        self.submit_button.setEnabled(can_edit and not reasons)
        self.submit_date_edit.setEnabled(self.submit_button.isEnabled())
        if reasons:
            self.submit_hint.show_error(self.tr("现在还不能报审:") + reasons_text(reasons))
        else:
            self.submit_hint.show_hint(self.tr("报审后如果再修改条文,需要重新报审。"))
        self.submit_button.setToolTip(self.submit_hint.text())

        review = view.review
        if review is not None:
            lines = [self.tr("{on} {by}:{opinion}").format(
                on=review.reviewed_on, by=escape(review.by), opinion=opinion_label(review.opinion))]
            if review.from_township:
                lines[0] += escape(self.tr("(乡镇的审核意见已随回执数据包送达)"))
            if review.text:
                lines.append(escape(review.text))
            labels = {i: a.label for i, a in enumerate(view.articles, start=1)}
            for c in view.review_comments:
                if c.fingerprint != review.fingerprint:
                    continue
                where = labels.get(c.position, self.tr("全文")) if c.position else self.tr("全文")
                lines.append(f"• {escape(where)}:{escape(c.comment)}")
            stale = review.fingerprint and review.fingerprint != rules_service.facts(view.id).current_fingerprint
            if stale:
                lines.append("<span style='color:#b3261e'>" + escape(self.tr(
                    "审核后条文又改过,这份意见不再适用于现在的文本。")) + "</span>")
            self.result_label.setText("<br>".join(lines))
        else:
            self.result_label.setText(escape(self.tr("还没有乡镇的审核意见。乡镇的意见会随回执数据包自动送到;收到的是纸质意见时,在下面登记。")))
        waiting = bool(record.submitted_fingerprint) and review is None
        for widget in (self.opinion_combo, self.review_date_edit, self.by_edit, self.text_edit,
                       self.comments, self.add_comment_button, self.record_button):
            widget.setEnabled(can_review and waiting)
        if waiting:
            self.record_hint.show_hint(self.tr("登记的意见对应报审时的文本(指纹 {fp})。").format(
                fp=short_fingerprint(record.submitted_fingerprint)))
        else:
            self.record_hint.clear_message()
        self.comments.setRowCount(0)

    def add_comment_row(self) -> None:
        """A new row for a comment on one article (choose the article, type the comment)."""
        if self.view is None:
            return
        row = self.comments.rowCount()
        self.comments.insertRow(row)
        combo = QComboBox()
        combo.addItem(self.tr("全文"), 0)
        for position, article in enumerate(self.view.articles, start=1):
            combo.addItem(article.label or str(position), position)
        self.comments.setCellWidget(row, 0, combo)
        self.comments.setItem(row, 1, QTableWidgetItem(""))
        self.comments.setCurrentCell(row, 1)
        self.comments.editItem(self.comments.item(row, 1))

    def _comments(self) -> list[tuple[int, str]]:
        out = []
        for row in range(self.comments.rowCount()):
            combo = self.comments.cellWidget(row, 0)
            item = self.comments.item(row, 1)
            if item and item.text().strip():
                out.append((combo.currentData(), item.text()))
        return out

    def submit(self) -> bool:
        """提请审核 on the chosen date."""
        if self.view is None:
            return False
        try:
            rules_service.submit_for_review(self._session, self.view.id, to_date(self.submit_date_edit))
        except CunwuError as exc:
            self.submit_hint.show_error(error_text(exc))
            return False
        self.changed.emit()
        return True

    def record_review(self) -> bool:
        """Record the township's opinion from the form."""
        if self.view is None:
            return False
        try:
            rules_service.record_review(
                self._session, self.view.id, self.opinion_combo.currentData(), to_date(self.review_date_edit),
                self.by_edit.text(), self.text_edit.toPlainText(), self._comments())
        except CunwuError as exc:
            self.record_hint.show_error(error_text(exc))
            return False
        self.text_edit.clear()
        self.changed.emit()
        return True
