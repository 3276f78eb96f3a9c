"""上报事项: committee matters and villagers' feedback the villages reported, with the township's answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import review_service
from desktop.services.review_service import MATTER, EscalationRow
from desktop.services.session import Session
from models.roles import Permission
from ui.operations import run_op
from ui.township.escalation_model import SUBJECT, EscalationModel
from ui.township.review_widgets import empty_label
from ui.widgets.column_widths import sampled_widths
from ui.widgets.enter_key import on_enter
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.outside_text import OutsideLabel
from ui.widgets.primary_button import make_primary
from ui.widgets.tables import read_only_view


class EscalationTab(QWidget):
    """The list and the answer form; `changed()` after an answer."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.model = EscalationModel(self)
        self.table = read_only_view(self.model, SUBJECT)
        # measured from a sample once per new set of rows: ResizeToContents asked every cell again on each
        # selection (tens of thousands of data() calls at 200 villages)
        self.widths = sampled_widths(self.table, SUBJECT)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.empty = empty_label(self.tr(
            "目前没有村里报告乡镇的事项。\n村务监督委员会的监督事项或村民的反映逾期没有解决、报告乡镇后,会随村里的数据包出现在这里。"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.detail_label = OutsideLabel()  # the village's own words (title, findings)
        self.detail_label.setWordWrap(True)
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.answer_edit.setPlaceholderText(self.tr("乡镇的答复,例如“已责成村委会十日内公开”"))
        self.by_edit = QLineEdit(self.tr("镇民政办"))
        self.date_edit = date_edit()
        self.date_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16)
        self.by_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("国") * 16)
        self.answer_button = make_primary(QPushButton(self.tr("答复")))
        self.answer_button.setToolTip(self.tr("记下乡镇的答复,随下一个回执数据包发回该村(在答复内容里按 Ctrl+回车 也可以)"))
        self.answer_button.clicked.connect(self.answer)
        on_enter(self.answer_edit, self.answer, Qt.KeyboardModifier.ControlModifier)
        self._shown_id: str | None = None  # the escalation the form shows, to tell a new selection
        self._refreshing = False
        self.message = FieldMessage()
        card, card_layout = section(self.tr("乡镇答复"))
        card_layout.addWidget(self.detail_label)
        form = QFormLayout()
        form.addRow(self.tr("答复内容(&A):"), self.answer_edit)
        form.addRow(self.tr("答复单位:"), self.by_edit)
        form.addRow(self.tr("答复日期:"), self.date_edit)
        card_layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.answer_button)
        card_layout.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(card)
        self.refresh()

    @property
    def rows(self) -> list[EscalationRow]:
        """The escalations listed (the model's rows)."""
        return self.model.all_rows()

    def waiting(self) -> int:
        """Escalations without the township's answer (for the tab title)."""
        return sum(1 for r in self.rows if not r.answer)

    def refresh(self, *_args) -> None:
        """Re-read the escalations, keeping the selection."""
        selected = self.current()
        self._refreshing = True  # the table's own selection signals while it is refilled are not choices
        self.model.set_rows(review_service.escalations())
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)
        if selected is not None:
            self.select(selected.id)
        if self.rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._refreshing = False
        self._on_selection()

    def current(self) -> EscalationRow | None:
        """The selected escalation."""
        selected = self.table.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()) if selected else None

    def select(self, record_id: str) -> None:
        """Select the line of `record_id`."""
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).id == record_id:
                self.table.selectRow(r)

    def _on_selection(self) -> None:
        if self._refreshing:
            return
        row = self.current()
        if (row.id if row else None) != self._shown_id:
            self.message.clear_message()  # a note about the previous item must not stay under the next one
            self._shown_id = row.id if row else None
        can = self._session.can(Permission.REVIEW_RULES) and row is not None
        for widget in (self.answer_edit, self.by_edit, self.date_edit, self.answer_button):
            widget.setEnabled(can)
        if row is None:
            self.detail_label.setText(self.tr("在上面的列表里选中一个事项。"))
            return
        if row.kind == MATTER:
            lines = [self.tr("{village} {on} 报告监督事项“{title}”:{detail}").format(
                village=row.village_name, on=row.escalated_on, title=row.title, detail=row.detail)]
        else:
            lines = [self.tr("{village} {on} 报告村民反映:{detail}").format(
                village=row.village_name, on=row.escalated_on, detail=row.detail)]
        if row.village_answer:
            lines.append(self.tr("村里的答复:{text}").format(text=row.village_answer))
        self.detail_label.setText("\n".join(lines))
        self.answer_edit.setPlainText(row.answer)
        if row.answered_by:
            self.by_edit.setText(row.answered_by)
        self.answer_button.setText(self.tr("修改答复") if row.answer else self.tr("答复"))

    def answer(self) -> bool:
        """Record the township's answer to the selected escalation."""
        row = self.current()
        if row is None:
            return False
        if not run_op(self, lambda: review_service.answer(self._session, row.kind, row.id, to_date(self.date_edit), self.by_edit.text(),
            self.answer_edit.toPlainText()),
            on_failure=self.message.show_failure):
            return False
        self.message.show_ok(self.tr("已答复,会随下一个回执数据包发回{village}。").format(village=row.village_name))
        self.refresh()
        self.changed.emit()
        return True
