"""罢免与推选: recalls of 村委会 members and the 补选 they open; the 推选 of 村民代表 and 村民小组长.

Two sub-tabs. 罢免与补选 lists every recall with its signers, answer, vote and result; under the
list, why the selected recall stands where it stands (⅕ / ⅓ reached or not, the two majorities,
the missing 申辩), and the vacancies waiting for a 补选 (a recall passed, an office ended by law).
推选 lists the 推选 on record with what the law says of each. Neither belongs to one election:
`show_election` is accepted (the elections page calls it on every tab) and ignored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import recall_service, selection_service
from desktop.services.session import Session
from models.roles import Permission
from ui.elections.labels import role_label
from ui.elections.recall_dialogs import (
    AnswerDialog,
    ByElectionDialog,
    EndByLawDialog,
    FileRecallDialog,
    VoteDialog,
)
from ui.elections.recall_models import RecallsModel, SelectionsModel
from ui.elections.selection_dialog import SelectionDialog
from ui.operations import run_op, run_query
from ui.widgets.dialogs import ask_confirm
from ui.widgets.findings import findings_html
from ui.widgets.primary_button import make_primary
from ui.widgets.scroll import transparent_scroll
from ui.widgets.tables import keep_rows_visible, read_only_view


def _rich_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)  # only findings_html, which escapes
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _plain_label(hint: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if hint:
        label.setProperty("role", "hint")
    return label


class RecallTab(QWidget):
    """The elections page's 罢免与推选 tab (tab contract: `show_election`, `refresh`, `changed`)."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._can_edit = session.can(Permission.EDIT_REGISTER)
        self.dialog = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._recall_page(), self.tr("罢免与补选"))
        self.tabs.addTab(self._selection_page(), self.tr("推选"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    # ----- layout ---------------------------------------------------------------------------------

    def _recall_page(self) -> QWidget:
        page = QWidget()
        self.file_button = make_primary(QPushButton(self.tr("发起罢免…")))
        self.file_button.clicked.connect(self.open_file)
        self.answer_button = QPushButton(self.tr("登记申辩…"))
        self.answer_button.clicked.connect(self.open_answer)
        self.vote_button = QPushButton(self.tr("登记表决结果…"))
        self.vote_button.clicked.connect(self.open_vote)
        self.withdraw_button = QPushButton(self.tr("撤回"))
        self.withdraw_button.setToolTip(self.tr("罢免要求撤回,或被罢免的成员已离任、不必表决"))
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        self.law_button = QPushButton(self.tr("职务自行终止…"))
        self.law_button.setToolTip(self.tr("丧失行为能力或者被判处刑罚的,职务自行终止(不需要罢免)"))
        self.law_button.clicked.connect(self.open_end_by_law)
        buttons = QHBoxLayout()
        for button in (self.file_button, self.answer_button, self.vote_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recalls = RecallsModel(self)
        self.recall_table = read_only_view(self.recalls)
        self.recall_table.selectionModel().selectionChanged.connect(lambda *_: self._show_recall())
        self.recall_empty = _plain_label(hint=True)
        self.recall_text = _plain_label()
        self.recall_findings = _rich_label()

        self.vacancy_combo = QComboBox()
        self.vacancy_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.by_election_button = QPushButton(self.tr("发起补选…"))
        self.by_election_button.clicked.connect(lambda: self.open_by_election())
        self.vacancy_label = QLabel(self.tr("出缺待补选:"))
        vacancies = QHBoxLayout()
        vacancies.addWidget(self.vacancy_label)
        vacancies.addWidget(self.vacancy_combo)
        vacancies.addWidget(self.by_election_button)
        vacancies.addStretch(1)
        vacancies.addWidget(self.law_button)  # an office ending by law is a vacancy too; one row fits 1024 px
        self.by_elections_label = _plain_label(hint=True)

        keep_rows_visible(self.recall_table)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.recall_text)
        details_layout.addWidget(self.recall_findings)
        details_layout.addStretch(1)
        self.recall_details = transparent_scroll(details)

        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.recall_empty)
        layout.addWidget(self.recall_table, 3)
        layout.addWidget(self.recall_details, 2)
        layout.addLayout(vacancies)
        layout.addWidget(self.by_elections_label)
        return page

    def _selection_page(self) -> QWidget:
        page = QWidget()
        self.select_button = make_primary(QPushButton(self.tr("登记推选…")))
        self.select_button.clicked.connect(self.open_selection)
        hint = _plain_label(hint=True)
        hint.setText(self.tr("村民代表每五户至十五户推选一人或由各村民小组推选,妇女村民代表应占村民代表会议组成人员的"
                             "三分之一以上;村民小组长由村民小组会议推选。任期都与村民委员会相同。"))
        top = QHBoxLayout()
        top.addWidget(self.select_button)
        top.addWidget(hint, 1)
        self.selections = SelectionsModel(self)
        self.selection_table = read_only_view(self.selections)
        self.selection_table.selectionModel().selectionChanged.connect(lambda *_: self._show_selection())
        self.selection_empty = _plain_label(hint=True)
        self.selection_findings = _rich_label()
        keep_rows_visible(self.selection_table)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.selection_empty)
        layout.addWidget(self.selection_table, 3)
        layout.addWidget(transparent_scroll(self.selection_findings), 2)
        return page

    # ----- the tab contract ------------------------------------------------------------------------

    def show_election(self, election_id: str | None) -> None:
        """Recalls and 推选 belong to no one election: the page's choice changes nothing here."""
        del election_id

    def refresh(self) -> None:
        """Re-read the recalls, vacancies, 补选 and 推选."""
        chosen = self.recall_id()
        found = run_query(self, recall_service.recalls)
        self.recalls.set_rows(found.value if found else [])
        self._select(self.recall_table, self.recalls, chosen)
        vacancies = run_query(self, recall_service.vacancies)
        self.vacancy_combo.clear()
        for v in vacancies.value if vacancies else []:
            self.vacancy_combo.addItem(self.tr("{name}({post},{on} 出缺)").format(
                name=v.name, post=role_label(v.post), on=v.ended_on), v)
        started = run_query(self, recall_service.by_elections)
        labels = [f"{e.label}{'(' + e.election_day + ')' if e.election_day else ''}"
                  for e in (started.value if started else [])]
        self.by_elections_label.setText(self.tr(
            "已发起的补选:{list}(在上面的选举列表中选中这次补选,到“投票计票”页登记投票)").format(
            list="、".join(labels[:4])) if labels else "")
        self.by_elections_label.setVisible(bool(labels))
        chosen_selection = self.selection_id()
        found = run_query(self, selection_service.selections)
        self.selections.set_rows(found.value if found else [])
        self._select(self.selection_table, self.selections, chosen_selection)
        self._update()

    # ----- selection and state -----------------------------------------------------------------------

    @staticmethod
    def _select(table, model, row_id: str | None) -> None:
        rows = model.all_rows()
        index = next((n for n, r in enumerate(rows) if r.id == row_id), 0 if rows else -1)
        if index >= 0:
            table.selectRow(index)

    @staticmethod
    def _current(table, model):
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def current_recall(self) -> recall_service.RecallRow | None:
        """The highlighted recall."""
        return self._current(self.recall_table, self.recalls)

    def recall_id(self) -> str | None:
        """The highlighted recall's id."""
        row = self.current_recall() if self.recalls.total() else None
        return row.id if row else None

    def selection_id(self) -> str | None:
        """The highlighted 推选's id."""
        if not self.selections.total():
            return None
        row = self._current(self.selection_table, self.selections)
        return row.id if row else None

    def _update(self) -> None:
        empty = not self.recalls.total()
        self.recall_empty.setText(self.tr("还没有罢免记录。本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名,"
                                          "可以提出罢免村民委员会成员的要求:点“发起罢免…”登记。"))
        self.recall_empty.setVisible(empty)
        self.recall_table.setVisible(not empty)
        self.selection_empty.setText(self.tr("还没有登记推选。点“登记推选…”登记村民代表或村民小组长的推选。"))
        self.selection_empty.setVisible(not self.selections.total())
        self.selection_table.setVisible(bool(self.selections.total()))
        self._show_recall()
        self._show_selection()

    def _show_recall(self) -> None:
        row = self.current_recall() if self.recalls.total() else None
        open_ = row is not None and not row.outcome
        self.file_button.setEnabled(self._can_edit)
        self.law_button.setEnabled(self._can_edit)
        self.answer_button.setEnabled(self._can_edit and open_)
        self.vote_button.setEnabled(self._can_edit and open_ and row.request_met)
        self.withdraw_button.setEnabled(self._can_edit and open_)
        has_vacancy = self.vacancy_combo.count() > 0
        for widget in (self.vacancy_label, self.vacancy_combo, self.by_election_button):
            widget.setVisible(has_vacancy)
        self.by_election_button.setEnabled(self._can_edit and has_vacancy)
        if row is None:
            self.recall_text.setText("")
            self.recall_findings.setText("")
            return
        lines = [self.tr("罢免理由:{text}").format(text=row.reasons or "—"),
                 self.tr("申辩意见:{text}").format(text=row.answer or self.tr("未登记"))]
        self.recall_text.setText("\n".join(lines))
        self.recall_findings.setText(findings_html(row.findings))

    def _show_selection(self) -> None:
        self.select_button.setEnabled(self._can_edit)
        row = self._current(self.selection_table, self.selections) if self.selections.total() else None
        self.selection_findings.setText(findings_html(row.findings) if row else "")

    # ----- dialogs ---------------------------------------------------------------------------------------

    def _open(self, dialog, on_done) -> None:
        self.dialog = dialog
        signal = getattr(dialog, "done_with", None) or dialog.recorded
        signal.connect(on_done)
        dialog.open()

    def _written(self, *_args) -> None:
        self.refresh()
        self.changed.emit()

    def open_file(self) -> None:
        """发起罢免…"""
        self._open(FileRecallDialog(self._session, self), self._written)

    def open_answer(self) -> None:
        """登记申辩… for the highlighted recall."""
        row = self.current_recall()
        if row is not None:
            self._open(AnswerDialog(self._session, row, self), self._written)

    def open_vote(self) -> None:
        """登记表决结果… for the highlighted recall; a recall that passes offers the 补选."""
        row = self.current_recall()
        if row is not None:
            self._open(VoteDialog(self._session, row, self), self._voted)

    def _voted(self, result: recall_service.VoteResult) -> None:
        self._written()
        if result.ended is not None:
            self._offer_by_election(result.recall.role_id, self.tr("{name}已被罢免,职务自 {on} 起终止。").format(
                name=result.recall.name, on=result.recall.vote_on))

    def _offer_by_election(self, role_id: str, what: str) -> None:
        vacancy = next((self.vacancy_combo.itemData(i) for i in range(self.vacancy_combo.count())
                        if self.vacancy_combo.itemData(i).role_id == role_id), None)
        if vacancy is None or not self._can_edit:
            return
        ask_confirm(self, self.tr("发起补选"), what + self.tr("是否现在发起补选?"), self.tr("发起补选"),
                    lambda: self.open_by_election(vacancy))

    def ask_withdraw(self) -> None:
        """撤回 the highlighted request (after a question)."""
        row = self.current_recall()
        if row is None:
            return
        ask_confirm(self, self.tr("撤回罢免要求"), self.tr("撤回对{name}的罢免要求?记录会保留,标为已撤回。").format(
            name=row.name), self.tr("撤回"), lambda: self._withdraw(row.id))

    def _withdraw(self, recall_id: str) -> None:
        if run_op(self, lambda: recall_service.withdraw(self._session, recall_id)):
            self._written()

    def open_end_by_law(self) -> None:
        """职务自行终止…; the vacancy then offers its 补选."""
        dialog = EndByLawDialog(self._session, self)

        def ended(office) -> None:
            self._written()
            self._offer_by_election(office.id, self.tr("职务已自 {on} 起终止。").format(on=office.end_date))

        self._open(dialog, ended)

    def open_by_election(self, vacancy: recall_service.Vacancy | None = None) -> None:
        """发起补选… for a vacancy (the one chosen in the list when None)."""
        vacancy = vacancy or self.vacancy_combo.currentData()
        if vacancy is not None:
            self._open(ByElectionDialog(self._session, vacancy, self), self._written)

    def open_selection(self) -> None:
        """登记推选…"""
        self._open(SelectionDialog(self._session, self), self._written)
