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
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import rules_service
from desktop.services.rules_service import VersionView
from desktop.services.session import Session
from models.roles import Permission
from models.rules import procedure as proc
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import reasons_text
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.palette import AMBER, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import opinion_label, short_fingerprint


def needs_changes(view: VersionView) -> bool:
    """The township asked for changes (修改后同意 / 不同意) and the text has not been changed since.

    Sending the same text again would only bring the same opinion back, so the
    village's next step is to edit the articles, not to resubmit.
    """
    review = view.review
    if review is None or review.opinion == proc.AGREE or not review.fingerprint:
        return False
    return review.fingerprint == rules_service.facts(view.id).current_fingerprint


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
        # The date and the button on two short rows: at a large font in the narrow tab column
        # one long row would make the whole tab wider than its space, and the opinion below unreadable.
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("报送日期:")))
        row.addWidget(self.submit_date_edit)
        row.addStretch(1)
        button_row = QHBoxLayout()
        button_row.addWidget(self.submit_button)
        button_row.addStretch(1)
        submit_layout.addWidget(self.submitted_label)
        submit_layout.addLayout(row)
        submit_layout.addLayout(button_row)
        submit_layout.addWidget(self.submit_hint)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: What the village does next with the opinion (edit, vote, or wait for it).
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
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
        review_layout.addWidget(self.next_label)
        # The form for a paper opinion: shown only while the township's opinion is awaited,
        # so an opinion that arrived (or was typed) is never squeezed by empty, disabled fields.
        self.paper_box = QWidget()
        paper = QVBoxLayout(self.paper_box)
        paper.setContentsMargins(0, 4, 0, 0)
        paper_title = QLabel(self.tr("收到的是纸质审核意见时,在这里登记:"))
        paper_title.setWordWrap(True)
        paper.addWidget(paper_title)
        form = QFormLayout()
        form.addRow(self.tr("审核意见:"), self.opinion_combo)
        form.addRow(self.tr("审核日期:"), self.review_date_edit)
        form.addRow(self.tr("审核单位:"), self.by_edit)
        form.addRow(self.tr("意见原文:"), self.text_edit)
        paper.addLayout(form)
        paper.addWidget(self.comments)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_comment_button)
        buttons.addWidget(self.record_hint, 1)
        buttons.addWidget(self.record_button)
        paper.addLayout(buttons)
        review_layout.addWidget(self.paper_box)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 6, 0, 0)
        inner.addWidget(submit_card)
        inner.addWidget(review_card)
        inner.addStretch(1)
        self._inner, self._submit_card, self._review_card = inner, submit_card, review_card
        # In a scroll area: a long opinion with many per-article comments is read in full.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

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
        change_first = needs_changes(view)
        self.submit_button.setEnabled(can_edit and not reasons and not change_first)
        self.submit_date_edit.setEnabled(self.submit_button.isEnabled())
        if change_first:  # the next step, not an error
            self.submit_hint.show_hint(self.tr(
                "请先到“条文”中按乡镇的意见修改,改好后再点“报乡镇审核”重新报审。"))
        elif reasons:
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
            elif review.self_declared:  # at the township: the village's own claim, not the township's opinion
                lines.insert(0, f"<span style='color:{AMBER.name()}'>" + escape(self.tr(
                    "村里自报已审核(乡镇无审核记录,请核实)")) + "</span>")
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
                lines.append(f"<span style='color:{RED.name()}'>" + escape(self.tr(
                    "审核后条文又改过,这份意见不再适用于现在的文本。")) + "</span>")
            self.result_label.setText("<br>".join(lines))
        else:
            self.result_label.setText(escape(self.tr("还没有乡镇的审核意见。乡镇的意见会随回执数据包自动送到。")))
        self.next_label.setText(self._next_text(view))
        # Once the township has answered, its opinion is what the secretary came for: it goes on top.
        first = self._review_card if review is not None else self._submit_card
        if self._inner.indexOf(first) != 0:
            self._inner.removeWidget(first)
            self._inner.insertWidget(0, first)
        waiting = bool(record.submitted_fingerprint) and review is None
        for widget in (self.opinion_combo, self.review_date_edit, self.by_edit, self.text_edit,
                       self.comments, self.add_comment_button, self.record_button):
            widget.setEnabled(can_review and waiting)
        self.paper_box.setVisible(waiting)
        if waiting:
            self.record_hint.show_hint(self.tr("登记的意见对应报审时的文本(指纹 {fp})。").format(
                fp=short_fingerprint(record.submitted_fingerprint)))
        else:
            self.record_hint.clear_message()
        self.comments.setRowCount(0)

    def _next_text(self, view: VersionView) -> str:
        """What the village does next with the township's opinion, in one or two plain sentences."""
        record, review = view.record, view.review
        current = rules_service.facts(view.id).current_fingerprint
        if record.is_history or not record.submitted_on:
            return ""
        if review is None:
            if record.submitted_fingerprint != current:
                return self.tr("报审后条文又改过。下一步:点上面的“报乡镇审核”重新报审。")
            return self.tr(
                "正在等乡镇的审核意见。请到“数据交换”导出数据包,把U盘交给乡镇;"
                "乡镇的意见会随回执数据包送回,在“数据交换”导入后就显示在这里。")
        if review.fingerprint and review.fingerprint != current:
            return self.tr("条文已经改过。下一步:点上面的“报乡镇审核”重新报审,"
                           "再到“数据交换”导出数据包交给乡镇。")
        if review.opinion == proc.AGREE:
            return self.tr("乡镇同意了这份草案。下一步:召开村民会议(或村民代表会议)表决,"
                           "然后在“表决与备案”中登记表决结果。")
        return self.tr("下一步:到“条文”中按上面的意见逐条修改草案;改好后回到这里点“报乡镇审核”重新报审,"
                       "再到“数据交换”导出数据包交给乡镇。")

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
        if not run_op(self, lambda: rules_service.submit_for_review(self._session, self.view.id,
                                                                  to_date(self.submit_date_edit)),
                      on_failure=self.submit_hint.show_failure):
            return False
        self.changed.emit()
        return True

    def record_review(self) -> bool:
        """Record the township's opinion from the form."""
        if self.view is None:
            return False
        if not run_op(self, lambda: rules_service.record_review(
                self._session, self.view.id, self.opinion_combo.currentData(), to_date(self.review_date_edit),
                self.by_edit.text(), self.text_edit.toPlainText(), self._comments()),
                on_failure=self.record_hint.show_failure):
            return False
        self.text_edit.clear()
        self.changed.emit()
        return True
