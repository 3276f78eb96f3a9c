"""村民反映: questions and objections about postings, their answers, and the ones past the answer period.

The answer period is the profile's (`disclosure_service.feedback_due_days`:
重庆 3 days, elsewhere 10); an unanswered question past it is red.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services import ui_support_disclosure
from desktop.services.session import Session
from desktop.services.ui_support_disclosure import FeedbackRow
from models.roles import Permission
from ui.disclosure.feedback_model import FeedbackModel, township_answer_text
from ui.fonts import font_notifier
from ui.operations import run_op
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.primary_button import make_primary
from ui.widgets.shrinking_columns import ShrinkingColumns
from ui.widgets.tables import read_only_view

RECEIVED, VILLAGER, ABOUT, CONTENT, STATE = range(5)


class FeedbackTab(QWidget):
    """The list, 登记村民反映 and 答复."""

    def __init__(self, session: Session, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._session = session
        self._today = today
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = FeedbackModel(self)
        self.table = read_only_view(self.model)
        # Widths in characters; 答复情况 stretches. Sized to their contents the 内容 took the row and
        # left 答复情况 a sliver on a netbook at 特大: here they shrink towards floors instead (wrapped).
        column_chars = (6, 4, 10, 14, 0)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, chars in enumerate(column_chars):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if chars == 0
                                        else QHeaderView.ResizeMode.Interactive)
        self._columns = ShrinkingColumns(self.table, column_chars, (5.5, 3, 5, 6, 0), stretch_chars=8)
        font_notifier().changed.connect(self._columns.resize_columns)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)

        add_card, add_layout = section(self.tr("登记村民反映"))
        self.received_edit = date_edit(today)
        self.villager_edit = QLineEdit()
        self.villager_edit.setPlaceholderText(self.tr("不填即为匿名"))
        self.item_combo = QComboBox()
        self.item_combo.setMinimumContentsLength(16)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.content_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_button = make_primary(QPushButton(self.tr("登记")))
        self.add_button.clicked.connect(self.add)
        self.add_message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("收到日期:"), self.received_edit)
        form.addRow(self.tr("反映人:"), self.villager_edit)
        form.addRow(self.tr("关于:"), self.item_combo)
        form.addRow(self.tr("内容:"), self.content_edit)
        add_layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        add_layout.addLayout(add_row)
        add_layout.addWidget(self.add_message)

        answer_card, answer_layout = section(self.tr("答复"))
        self.selected_label = QLabel(self.tr("在上面的列表里选中一条反映。"))
        self.selected_label.setWordWrap(True)
        self.answered_edit = date_edit(today)
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.answer_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.answer_button = make_primary(QPushButton(self.tr("登记答复")))
        self.answer_button.clicked.connect(self.answer)
        self.answer_message = FieldMessage()
        answer_form = QFormLayout()
        answer_form.addRow(self.tr("答复日期:"), self.answered_edit)
        answer_form.addRow(self.tr("答复内容:"), self.answer_edit)
        answer_layout.addWidget(self.selected_label)
        answer_layout.addLayout(answer_form)
        self.escalate_button = QPushButton(self.tr("报告乡镇"))
        self.escalate_button.setToolTip(self.tr("逾期仍未答复的,可以报告乡镇,随下一个数据包送到乡镇。"))
        self.escalate_button.clicked.connect(self.escalate)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_button)
        answer_row.addStretch(1)
        answer_row.addWidget(self.escalate_button)
        answer_layout.addLayout(answer_row)
        answer_layout.addWidget(self.answer_message)

        can_add = session.can(Permission.EDIT_RECORDS) or session.can(Permission.COMMITTEE_REVIEW)
        self.add_button.setEnabled(can_add)
        if not can_add:
            self.add_button.setToolTip(self.tr("您的账号只能查看。"))
        cards = QHBoxLayout()
        cards.addWidget(add_card, 1)
        cards.addWidget(answer_card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(cards)
        self.refresh()

    def _today_date(self) -> date:
        return self._today or date.today()

    @property
    def rows(self) -> list[FeedbackRow]:
        """The feedback listed (the model's rows)."""
        return self.model.all_rows()

    def refresh(self, *_args) -> None:
        """Re-read the feedback and the items it can be about."""
        selected = self.current_id()
        days = ds.feedback_due_days()
        self.model.set_deadline(self._today_date(), days)
        self.model.set_rows(ui_support_disclosure.list_feedback())
        overdue = sum(1 for f in self.rows if self.model.overdue(f))
        self.summary_label.setText(self.tr(
            "共 {n} 条反映,{open} 条未答复,其中 {late} 条已超过 {days} 天的答复期限。").format(
            n=len(self.rows), open=sum(1 for f in self.rows if not f.answered_on), late=overdue, days=days))
        self.item_combo.clear()
        self.item_combo.addItem(self.tr("(不针对某一期公开)"), None)
        for row in ds.list_items(limit=60):
            self.item_combo.addItem(row.title, row.id)
        if selected:
            self.select(selected)
        self._on_selected()

    def current_id(self) -> str | None:
        """The selected feedback."""
        selected = self.table.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()).id if selected else None

    def select(self, feedback_id: str) -> None:
        """Select the row of `feedback_id`."""
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).id == feedback_id:
                self.table.selectRow(r)

    def _on_selected(self) -> None:
        fid = self.current_id()
        row = next((f for f in self.rows if f.id == fid), None)
        can = self._session.can(Permission.EDIT_RECORDS) and row is not None and not row.answered_on
        for w in (self.answered_edit, self.answer_edit, self.answer_button):
            w.setEnabled(can)
        may_act = self._session.can(Permission.EDIT_RECORDS) or self._session.can(Permission.COMMITTEE_REVIEW)
        self.escalate_button.setEnabled(bool(may_act and row is not None and not row.answered_on
                                             and not row.escalated_on))
        if row is None:
            self.selected_label.setText(self.tr("在上面的列表里选中一条反映。"))
        elif row.answered_on:
            self.selected_label.setText(self.tr("这条反映已于 {day} 答复。").format(day=row.answered_on))
        else:
            self.selected_label.setText(self.tr("{who} {day} 反映:{content}").format(
                who=row.villager or self.tr("匿名村民"), day=row.received_on, content=row.content))
        if row is not None and row.township_answer:
            self.selected_label.setText(self.selected_label.text() + "\n" + township_answer_text(row))
        if row is not None and not self._session.can(Permission.EDIT_RECORDS):
            self.answer_button.setToolTip(self.tr("答复由村委会(村文书)登记。"))

    def add(self) -> bool:
        """登记 the feedback typed in the form."""
        added = run_op(self, lambda: ds.add_feedback(
            self._session, to_date(self.received_edit), self.content_edit.toPlainText(), self.villager_edit.text(),
            self.item_combo.currentData()), on_failure=self.add_message.show_failure)
        if not added:
            return False
        fb = added.value
        self.villager_edit.clear()
        self.content_edit.clear()
        self.refresh()
        self.select(fb.id)
        self.add_message.show_ok(self.tr("已登记。请在 {days} 天内答复。").format(days=ds.feedback_due_days()))
        return True

    def answer(self) -> bool:
        """登记答复 of the selected feedback."""
        fid = self.current_id()
        if fid is None:
            return False
        if not run_op(self, lambda: ds.answer_feedback(self._session, fid, to_date(self.answered_edit),
                                                       self.answer_edit.toPlainText()),
                      on_failure=self.answer_message.show_failure):
            return False
        self.answer_edit.clear()
        self.refresh()
        self.select(fid)
        self.answer_message.show_ok(self.tr("已登记答复。"))
        return True

    def escalate(self) -> bool:
        """报告乡镇: an unanswered question goes to the township with the next package."""
        fid = self.current_id()
        if fid is None:
            return False
        if not run_op(self, lambda: ds.escalate_feedback(self._session, fid, self._today_date()),
                      on_failure=self.answer_message.show_failure):
            return False
        self.refresh()
        self.select(fid)
        self.answer_message.show_ok(self.tr("已报告乡镇,将随下一个数据包送出。"))
        return True
