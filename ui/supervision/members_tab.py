"""成员: the committee per term, each member with the conflict check beside the name."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision_service
from desktop.services.session import Session
from desktop.services.supervision_service import MemberRow, TermView
from models import terms
from models.meetings.quorum import ERROR
from models.stored_values import stored_date
from ui.operations import run_op
from ui.supervision.members_model import CHECK, MembersModel
from ui.widgets.add_member_dialog import AddMemberDialog
from ui.widgets.end_office_dialog import EndOfficeDialog
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_lines_html
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.primary_button import make_primary
from ui.widgets.seating import can_seat, seat_only_tip
from ui.widgets.tables import read_only_view


class NewTermDialog(QDialog):
    """届次, start and end of a new term (the end five years on by default, editable).

    组织法 sets five years for the 村委会 and the committee changes with it,
    so the end is asked for with start + 5 years − 1 day filled in; it follows
    the start until the person changes the end themselves.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.term_id: str | None = None
        self._end_typed = False  # the person set the end: a new start no longer moves it
        self.setWindowTitle(self.tr("新建届次"))
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("例如:第七届"))
        self.start_edit = date_edit()
        self.end_edit = date_edit(terms.default_term_last_day(to_date(self.start_edit)))
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("届次:"), self.label_edit)
        form.addRow(self.tr("任期开始:"), self.start_edit)
        form.addRow(self.tr("任期结束:"), self.end_edit)
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self._show_basis()
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("建立")))
        self.start_edit.dateChanged.connect(self._start_changed)
        self.end_edit.dateChanged.connect(self._end_changed)

    def _show_basis(self) -> None:
        basis = terms.term_basis(to_date(self.start_edit))
        self.hint.setText(self.tr(
            "村务监督委员会与村民委员会同步换届,每届任期五年,{basis}。"
            "任期结束日已按开始日期满五年的前一天填好,可以修改。").format(basis=basis.cite()))

    def _start_changed(self, *_args) -> None:
        self._show_basis()
        if not self._end_typed:
            self.end_edit.blockSignals(True)
            self.end_edit.set_value(terms.default_term_last_day(to_date(self.start_edit)))
            self.end_edit.blockSignals(False)

    def _end_changed(self, *_args) -> None:
        self._end_typed = True

    def accept(self) -> None:
        """Create the term, or explain why not and stay open."""
        outcome = run_op(self, lambda: supervision_service.create_term(
            self._session, self.label_edit.text(), to_date(self.start_edit), to_date(self.end_edit)),
            on_failure=self.message.show_failure)
        if not outcome:
            return
        term = outcome.value
        self.term_id = term.id
        super().accept()


class MembersTab(QWidget):
    """Terms combo, members table with conflict warnings, composition findings, 添加成员…"""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view: TermView | None = None
        self.dialog: QDialog | None = None
        allowed = can_seat(session)

        self.term_combo = QComboBox()
        self.term_combo.setMinimumContentsLength(16)
        self.term_combo.currentIndexChanged.connect(self.show_term)
        self.new_term_button = QPushButton(self.tr("新建届次…"))
        self.new_term_button.clicked.connect(self.open_new_term)
        self.add_button = make_primary(QPushButton(self.tr("添加成员…")))
        self.add_button.clicked.connect(self.open_add_member)
        self.end_button = QPushButton(self.tr("离任…"))
        self.end_button.setEnabled(False)
        self.end_button.clicked.connect(self.open_end_seat)
        for button in (self.new_term_button, self.add_button, self.end_button):
            button.setEnabled(allowed and button is not self.end_button)
            if not allowed:
                button.setToolTip(seat_only_tip(session))
        self.period_label = QLabel()
        self.period_label.setProperty("role", "hint")

        self.model = MembersModel(self)
        self.table = read_only_view(self.model)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_end_button())
        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setWordWrap(True)
        self.composition_label = QLabel()
        self.composition_label.setWordWrap(True)
        self.composition_label.setTextFormat(Qt.TextFormat.RichText)

        # The term and its buttons in two rows: in one they needed 916 px, more than a 1024×600
        # netbook gives the page at the 大/特大 fonts (the page scrolled sideways).
        top = QVBoxLayout()
        term_row = QHBoxLayout()
        term_row.addWidget(QLabel(self.tr("届次:")))
        term_row.addWidget(self.term_combo)
        term_row.addWidget(self.period_label)
        term_row.addStretch(1)
        button_row = QHBoxLayout()
        button_row.addWidget(self.new_term_button)
        button_row.addWidget(self.add_button)
        button_row.addWidget(self.end_button)
        button_row.addStretch(1)
        top.addLayout(term_row)
        top.addLayout(button_row)
        card, card_layout = section(self.tr("组成是否合规"))
        card_layout.addWidget(self.composition_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(card)
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the terms (keeping or moving to `select_id`) and the chosen term."""
        keep = select_id or self.term_combo.currentData()
        self.term_combo.blockSignals(True)
        self.term_combo.clear()
        for term in supervision_service.list_terms():
            self.term_combo.addItem(term.label, term.id)
        self.term_combo.setCurrentIndex(max(0, self.term_combo.findData(keep)))
        self.term_combo.blockSignals(False)
        self.show_term()

    def term_id(self) -> str | None:
        """The term chosen in the combo."""
        return self.term_combo.currentData()

    def show_term(self, *_args) -> None:
        """Fill the table and the composition card for the chosen term."""
        term_id = self.term_id()
        self.model.set_rows([])
        if term_id is None:
            self.view = None
            self.empty_label.setText(self.tr("还没有登记监委会。点“新建届次…”登记本届监委会,再添加成员。")
                                     if can_seat(self._session) else
                                     self.tr("还没有登记监委会。监委会的选举结果由村文书或管理员登记。"))
            self.empty_label.show()
            self.period_label.clear()
            self.composition_label.clear()
            self.add_button.setEnabled(False)
            return
        self.add_button.setEnabled(can_seat(self._session))
        self.view = view = supervision_service.term_view(term_id)
        self.empty_label.setVisible(not view.members)
        self.empty_label.setText(self.tr("本届还没有成员。点“添加成员…”登记当选的主任和委员。"))
        self.period_label.setText(self.tr("任期 {start} 至 {end}").format(
            start=view.start_date, end=view.end_date or self.tr("(未填)")))
        self.model.set_rows(list(view.members))
        self._update_end_button()
        # Rows follow their wrapped findings at whatever width the window gives the table.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.composition_label.setText(finding_lines_html(
            view.composition, self.tr("人数、主任和财会人员都符合要求。")))

    def selected_member(self) -> MemberRow | None:
        """The seat of the highlighted row."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(index.row())

    def _update_end_button(self) -> None:
        member = self.selected_member()
        self.end_button.setEnabled(can_seat(self._session) and member is not None and not member.left_on)

    def open_end_seat(self) -> EndOfficeDialog | None:
        """离任… for the highlighted sitting member (届满, 辞职, 罢免, 不再符合任职条件, 死亡).

        A member the eligibility check now bars is offered 不再符合任职条件
        with the finding as the reason.
        """
        member = self.selected_member()
        if member is None or member.left_on:
            return None
        barred = [f for f in member.findings if f.severity == ERROR]
        dialog = EndOfficeDialog(
            self.tr("监委会成员离任"),
            self.tr("{name}({post},{start} 起任职)离开村务监督委员会。").format(
                name=member.name, post=self.tr("主任") if member.chair else self.tr("委员"), start=member.joined_on),
            lambda on, kind, detail: supervision_service.end_seat(self._session, member.id, on, kind, detail),
            self, kind="ineligible" if barred else "resigned", detail=";".join(f.text() for f in barred))
        dialog.accepted.connect(self.show_term)
        self.dialog = dialog
        dialog.open()
        return dialog

    def check_text(self, row: int) -> str:
        """The 任职资格 cell of `row` as shown."""
        return self.model.index(row, CHECK).data()

    def open_new_term(self) -> NewTermDialog:
        """The 新建届次 dialog (window-modal, not blocking)."""
        dialog = NewTermDialog(self._session, self)
        dialog.accepted.connect(lambda: self.refresh(dialog.term_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_add_member(self) -> AddMemberDialog | None:
        """The 添加成员 dialog for the chosen term."""
        if self.view is None:
            return None
        dialog = AddMemberDialog(self._session, self.view.id, stored_date(self.view.start_date) or date.today(), self)
        dialog.added.connect(lambda _pid: self.show_term())
        self.dialog = dialog
        dialog.open()
        return dialog
