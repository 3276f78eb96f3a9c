"""发起罢免 / 登记申辩 / 登记表决结果 / 职务自行终止 / 发起补选: the dialogs of 罢免与补选.

Each dialog tells, while the numbers are typed, whether the law's share is reached and why
(组织法 第十六条: ⅕ of the voters or ⅓ of the 村民代表 sign; more than half of the registered vote
and more than half of those voting agree), from the same engine the service records with. A
refusal (impossible numbers, a request short of its share) is shown in the dialog, which stays
open with nothing changed.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import recall_service
from desktop.services.recall_service import (
    BASIS_LABELS,
    BODY_LABELS,
    LAW_END_CAUSES,
    RecallRow,
    Vacancy,
)
from desktop.services.session import Session
from models.stored_values import stored_date
from ui.elections.labels import role_label
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import findings_html
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.palette import RED
from ui.widgets.screen_fit import resize_within_screen

_R = "elections.recall"


def _spin(maximum: int = 100000) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setGroupSeparatorShown(False)
    return spin


def _verdict_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)  # findings_html escapes every text
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("role", "hint")
    return label


class _Dialog(QDialog):
    """A form, the live verdict under it, a message line and OK/取消; `done_with(value)` after a write."""

    done_with = Signal(object)

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 40, em * 30)
        self.form = QFormLayout()
        self.verdict_label = _verdict_label()
        self.message = FieldMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(intro))
        layout.addLayout(self.form)
        layout.addWidget(self.verdict_label, 1)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, ok_text)
        layout.addWidget(self.buttons)

    def write(self) -> object:
        """The service call (subclasses)."""
        raise NotImplementedError

    def problem(self) -> str:
        """What is missing before the write can be tried ("" = nothing; subclasses)."""
        return ""

    def accept(self) -> None:
        """Write, or explain why not and stay open."""
        problem = self.problem()
        if problem:
            self.message.show_error(problem)
            return
        outcome = run_op(self, self.write, on_failure=self.message.show_failure)
        if not outcome:
            return
        super().accept()
        self.done_with.emit(outcome.value)


class FileRecallDialog(_Dialog):
    """发起罢免: the member, the day, who signed (voters or representatives), how many of how many, why."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("发起罢免"), self.tr(
            "本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名,可以提出罢免村民委员会成员的要求,"
            "并说明理由。总数按最近一次选举的选民名单或当天在任的村民代表计算,可以修改。"), self.tr("登记罢免要求"), parent)
        self._session = session
        self.date_edit = date_edit(date.today())
        self.member_combo = QComboBox()
        self.basis_combo = QComboBox()
        for code, label in BASIS_LABELS.items():
            self.basis_combo.addItem(QCoreApplication.translate(_R, label), code)
        self.base_spin = _spin()
        self.signers_spin = _spin()
        self.reasons_edit = QPlainTextEdit()
        self.reasons_edit.setPlaceholderText(self.tr("要求罢免的理由"))
        self.reasons_edit.setMaximumHeight(self.fontMetrics().height() * 5)
        self.form.addRow(self.tr("提出日期:"), self.date_edit)
        self.form.addRow(self.tr("被提出罢免的成员:"), self.member_combo)
        self.form.addRow(self.tr("联名:"), self.basis_combo)
        self.form.addRow(self.tr("总数(人):"), self.base_spin)
        self.form.addRow(self.tr("联名人数:"), self.signers_spin)
        self.form.addRow(self.tr("理由:"), self.reasons_edit)
        self.date_edit.dateChanged.connect(lambda *_: self._fill())
        self.basis_combo.currentIndexChanged.connect(lambda *_: self._fill_base())
        for spin in (self.base_spin, self.signers_spin):
            spin.valueChanged.connect(lambda *_: self.update_verdict())
        self.reasons_edit.textChanged.connect(self.update_verdict)
        self._fill()

    def _fill(self) -> None:
        """The members in office on the day, and the base for it."""
        day = to_date(self.date_edit)
        chosen = self.member_combo.currentData()
        found = run_query(self, lambda: recall_service.members_on(day), on_failure=self.message.show_failure)
        self.member_combo.clear()
        for row in found.value if found else []:
            self.member_combo.addItem(f"{row.name}({role_label(row.role)})", row.id)
        if chosen is not None:
            self.member_combo.setCurrentIndex(max(0, self.member_combo.findData(chosen)))
        self._fill_base()

    def _fill_base(self) -> None:
        day, basis = to_date(self.date_edit), self.basis_combo.currentData()
        found = run_query(self, lambda: recall_service.base_count(basis, day))
        self.base_spin.setValue(found.value if found else 0)
        self.update_verdict()

    def update_verdict(self) -> None:
        """Whether the signers reach the share, and why."""
        verdict = recall_service.check_request(self.basis_combo.currentData(), self.signers_spin.value(),
                                               self.base_spin.value(), to_date(self.date_edit),
                                               self.reasons_edit.toPlainText())
        self.verdict_label.setText(findings_html(verdict.findings))

    def problem(self) -> str:
        """No member in office that day."""
        return "" if self.member_combo.currentData() else self.tr("这一天没有在任的村民委员会成员。")

    def write(self) -> RecallRow:
        """File the request."""
        return recall_service.file_recall(self._session, self.member_combo.currentData(), to_date(self.date_edit),
                                          self.basis_combo.currentData(), self.signers_spin.value(),
                                          self.reasons_edit.toPlainText(), self.base_spin.value())


class AnswerDialog(_Dialog):
    """登记申辩: what the member answered (or that they declined), and when."""

    def __init__(self, session: Session, row: RecallRow, parent: QWidget | None = None):
        super().__init__(self.tr("登记申辩意见"), self.tr(
            "被提出罢免的村民委员会成员有权提出申辩意见。请在表决前登记;本人放弃申辩的,写明“放弃申辩”。"),
            self.tr("登记申辩"), parent)
        self._session, self._row = session, row
        self.date_edit = date_edit(date.today())
        self.answer_edit = QPlainTextEdit(row.answer)
        self.answer_edit.setPlaceholderText(self.tr("申辩意见"))
        who = QLabel(f"{row.name}({role_label(row.post)})")
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("成员:"), who)
        self.form.addRow(self.tr("申辩日期:"), self.date_edit)
        self.form.addRow(self.tr("申辩意见:"), self.answer_edit)

    def write(self) -> RecallRow:
        """Record the answer."""
        return recall_service.record_answer(self._session, self._row.id, self.answer_edit.toPlainText(),
                                            to_date(self.date_edit))


class VoteDialog(_Dialog):
    """登记表决结果: registered voters, how many voted, how many agreed; the outcome as it is typed."""

    def __init__(self, session: Session, row: RecallRow, parent: QWidget | None = None):
        super().__init__(self.tr("登记罢免表决结果"), self.tr(
            "罢免村民委员会成员,须有登记参加选举的村民过半数投票,并须经投票的村民过半数通过(恰好一半不够)。"
            "罢免通过的,该成员的职务自表决日起终止。"), self.tr("登记表决结果"), parent)
        self._session, self._row = session, row
        self.date_edit = date_edit(date.today())
        self.registered_spin = _spin()
        self.cast_spin = _spin()
        self.agree_spin = _spin()
        self.meeting_combo = QComboBox()
        self.meeting_combo.addItem(self.tr("(不关联会议记录)"), "")
        meetings = run_query(self, recall_service.assembly_meetings)
        for meeting_id, text in meetings.value if meetings else []:
            self.meeting_combo.addItem(text, meeting_id)
        who = QLabel(f"{row.name}({role_label(row.post)})")
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("成员:"), who)
        self.form.addRow(self.tr("表决日期:"), self.date_edit)
        self.form.addRow(self.tr("登记参加选举的村民(人):"), self.registered_spin)
        self.form.addRow(self.tr("投票人数:"), self.cast_spin)
        self.form.addRow(self.tr("赞成罢免(票):"), self.agree_spin)
        self.form.addRow(self.tr("村民会议记录:"), self.meeting_combo)
        found = run_query(self, lambda: recall_service.latest_roll(date.today()))
        if found and found.value[1]:
            self.registered_spin.setValue(found.value[1])
        for spin in (self.registered_spin, self.cast_spin, self.agree_spin):
            spin.valueChanged.connect(lambda *_: self.update_verdict())
        self.date_edit.dateChanged.connect(lambda *_: self.update_verdict())
        self.update_verdict()

    def update_verdict(self) -> None:
        """Turnout and agreement against their majorities, and the numbers that cannot be."""
        numbers = (self.registered_spin.value(), self.cast_spin.value(), self.agree_spin.value())
        errors = recall_service.vote_problems(*numbers)
        if errors and numbers[0]:
            text = escape(QCoreApplication.translate(_R, errors[0]))
            self.verdict_label.setText(f"<div style='color:{RED.name()}'>✖ {text}</div>")
            return
        verdict = recall_service.check_vote(*numbers, to_date(self.date_edit))
        self.verdict_label.setText(findings_html(verdict.findings))

    def write(self) -> recall_service.VoteResult:
        """Record the vote (and end the office when it recalls)."""
        return recall_service.record_vote(self._session, self._row.id, to_date(self.date_edit),
                                          self.registered_spin.value(), self.cast_spin.value(),
                                          self.agree_spin.value(), self.meeting_combo.currentData() or None)


class EndByLawDialog(_Dialog):
    """职务自行终止: a member who lost legal capacity or was sentenced leaves office by law (第十八条)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(self.tr("职务自行终止"), self.tr(
            "村民委员会成员丧失行为能力或者被判处刑罚的,其职务自行终止,不需要罢免。登记后可以发起补选。"),
            self.tr("登记职务终止"), parent)
        self._session = session
        self.member_combo = QComboBox()
        found = run_query(self, lambda: recall_service.members_on(date.today()))
        for row in found.value if found else []:
            self.member_combo.addItem(f"{row.name}({role_label(row.role)})", row.id)
        self.cause_combo = QComboBox()
        for code, label in LAW_END_CAUSES.items():
            self.cause_combo.addItem(QCoreApplication.translate(_R, label), code)
        self.date_edit = date_edit(date.today())
        self.form.addRow(self.tr("成员:"), self.member_combo)
        self.form.addRow(self.tr("原因:"), self.cause_combo)
        self.form.addRow(self.tr("终止日期:"), self.date_edit)

    def problem(self) -> str:
        """No member in office."""
        return "" if self.member_combo.currentData() else self.tr("没有在任的村民委员会成员。")

    def write(self):
        """End the office by law."""
        return recall_service.end_by_law(self._session, self.member_combo.currentData(), to_date(self.date_edit),
                                         self.cause_combo.currentData())


class ByElectionDialog(_Dialog):
    """发起补选: the body that elects, the planned day; the term ends with the current 村委会's."""

    def __init__(self, session: Session, vacancy: Vacancy, parent: QWidget | None = None):
        super().__init__(self.tr("发起补选"), self.tr(
            "村民委员会成员出缺,可以由村民会议或者村民代表会议进行补选,程序参照村民委员会的选举;"
            "补选的成员任期到本届村民委员会任期届满时止。补选会列在上面的选举列表中,候选人、投票和计票在那里登记(“投票计票”页)。"), self.tr("发起补选"), parent)
        self._session, self._vacancy = session, vacancy
        who = QLabel(self.tr("{name}({post}),{on} 出缺:{reason}").format(
            name=vacancy.name, post=role_label(vacancy.post), on=vacancy.ended_on, reason=vacancy.reason))
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setWordWrap(True)
        self.body_combo = QComboBox()
        for code, label in BODY_LABELS.items():
            self.body_combo.addItem(QCoreApplication.translate(_R, label), code)
        self.date_edit = date_edit(max(date.today(), stored_date(vacancy.ended_on) or date.today()))
        end = QLabel(vacancy.term_end or self.tr("未知(没有换届选举或在任成员的记录)"))
        end.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("出缺:"), who)
        self.form.addRow(self.tr("补选机构:"), self.body_combo)
        self.form.addRow(self.tr("补选日期:"), self.date_edit)
        self.form.addRow(self.tr("任期届满:"), end)
        self.body_combo.currentIndexChanged.connect(lambda *_: self.update_verdict())
        self.date_edit.dateChanged.connect(lambda *_: self.update_verdict())
        self.update_verdict()

    def update_verdict(self) -> None:
        """What 第十九条 says of this 补选."""
        findings = recall_service.by_election_preview(self.body_combo.currentData(), self._vacancy.term_end,
                                                      to_date(self.date_edit))
        self.verdict_label.setText(findings_html(findings))

    def write(self) -> recall_service.ByElection:
        """Open the 补选."""
        return recall_service.start_by_election(self._session, self._vacancy.role_id, self.body_combo.currentData(),
                                                to_date(self.date_edit), self._vacancy.term_end)
