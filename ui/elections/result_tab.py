"""当选与移交: the result of the count, the 当选公告, the 工作移交 and the 离任经济责任审计 date.

The result is the engine's (`election_count_service.result_report`): who is
elected in which vote, what is still to vote, and the law's notes (a woman on
the committee, 第六条). 公告 writes the elected members and opens their terms
(the outgoing 村委会's end the same day, for a 换届); the 工作移交 (第二十条:
within ten days, presided by the 村民选举委员会, supervised by the township)
and the 离任审计 (第三十五条: published before the election) are dated here,
with a warning when late.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import election_count_service as ec
from desktop.services.session import Session
from models.elections.records import KIND_GENERAL, ROUND_MAIN
from models.meetings.quorum import INFO
from models.roles import Permission
from models.stored_values import stored_date
from ui.elections.labels import post_label
from ui.elections.result_model import ElectedLine, ElectedModel
from ui.errors import error_text
from ui.operations import run_op, run_query
from ui.widgets.findings import finding_lines_html
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.palette import GREEN, RED
from ui.widgets.primary_button import primary_button
from ui.widgets.scroll import transparent_scroll
from ui.widgets.tables import read_only_view


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _rich_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)  # built with finding_lines_html: every text escaped
    label.setWordWrap(True)
    return label


class ResultTab(QWidget):
    """当选与移交 of one election (tab contract: show_election, refresh, changed)."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._election_id: str | None = None
        self.can_edit = session.can(Permission.EDIT_REGISTER)

        result_card, result_layout = section(self.tr("计票结果"))
        self.status_label = _plain_label()
        self.status_label.setObjectName("result_status")
        self.elected = ElectedModel(self)
        self.table = read_only_view(self.elected)
        self.table.setObjectName("result_table")
        self.table.setMinimumHeight(150)
        self.notes_label = _rich_label()
        result_layout.addWidget(self.status_label)
        result_layout.addWidget(self.table)
        result_layout.addWidget(self.notes_label)

        announce_card, announce_layout = section(self.tr("当选公告"))
        self.announce_edit = date_edit(date.today())
        self.announce_button = primary_button(self.tr("公告当选结果"))
        self.announce_button.setObjectName("announce_button")
        self.announce_button.clicked.connect(self.announce)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("公告日期")))
        row.addWidget(self.announce_edit)
        row.addWidget(self.announce_button)
        row.addStretch(1)
        self.announce_label = _plain_label()
        self.announce_notes = _rich_label()
        announce_layout.addLayout(row)
        announce_layout.addWidget(self.announce_label)
        announce_layout.addWidget(self.announce_notes)

        handover_card, handover_layout = section(self.tr("工作移交"))
        hint = _plain_label()
        hint.setProperty("role", "hint")
        hint.setText(self.tr("新一届村民委员会产生之日起十日内完成移交,由村民选举委员会主持,乡镇人民政府监督。"))
        self.handover_edit = date_edit(date.today())
        self.presided_edit = QLineEdit(self.tr("村民选举委员会"))
        self.supervised_edit = QLineEdit()
        self.supervised_edit.setPlaceholderText(self.tr("乡镇人民政府到场监督的人"))
        self.items_edit = QPlainTextEdit()
        self.items_edit.setPlaceholderText(self.tr("每行一项:公章、财务账目、档案资料、集体资产清单……"))
        self.items_edit.setFixedHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("移交日期"), self.handover_edit)
        form.addRow(self.tr("主持"), self.presided_edit)
        form.addRow(self.tr("监督"), self.supervised_edit)
        form.addRow(self.tr("移交清单"), self.items_edit)
        self.handover_button = QPushButton(self.tr("保存移交"))
        self.handover_button.clicked.connect(self.save_handover)
        self.handover_notes = _rich_label()
        handover_layout.addWidget(hint)
        handover_layout.addLayout(form)
        handover_layout.addWidget(self.handover_button, 0, Qt.AlignmentFlag.AlignLeft)
        handover_layout.addWidget(self.handover_notes)

        self.audit_card, audit_layout = section(self.tr("上届村民委员会成员离任经济责任审计"))
        audit_hint = _plain_label()
        audit_hint.setProperty("role", "hint")
        audit_hint.setText(self.tr("离任经济责任审计结果应当在村民委员会选举之前公布。"))
        self.audit_edit = date_edit(date.today())
        self.audit_button = QPushButton(self.tr("保存公布日期"))
        self.audit_button.clicked.connect(self.save_audit)
        audit_row = QHBoxLayout()
        audit_row.addWidget(QLabel(self.tr("审计结果公布日期")))
        audit_row.addWidget(self.audit_edit)
        audit_row.addWidget(self.audit_button)
        audit_row.addStretch(1)
        self.audit_notes = _rich_label()
        audit_layout.addWidget(audit_hint)
        audit_layout.addLayout(audit_row)
        audit_layout.addWidget(self.audit_notes)

        self.message = _plain_label()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 8, 0, 0)
        for card in (result_card, announce_card, handover_card, self.audit_card):
            body_layout.addWidget(card)
        body_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(transparent_scroll(body), 1)
        # Under the cards, outside their scroll: "已公告…" / "移交已保存。" stays in view whichever card was used
        # (below the last card it was off screen at 1366×768, and 公告 moves the focus down to 工作移交).
        layout.addWidget(self.message)

    # --- the tab contract --------------------------------------------------------------------

    def show_election(self, election_id: str | None) -> None:
        """Show the result of `election_id` (None: nothing chosen)."""
        self._election_id = election_id
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the result, the announcement, the handover and the audit date."""
        self.elected.set_rows([])
        for label in (self.status_label, self.notes_label, self.announce_label, self.announce_notes,
                      self.handover_notes, self.audit_notes):
            label.clear()
        if self._election_id is None:
            self._enable(False, False, False)
            return
        eid = self._election_id
        outcome = run_query(self, lambda: (ec.result_report(eid), ec.handover_view(eid), ec.handover_findings(eid)))
        if not outcome:
            return
        report, view, findings = outcome.value
        self._show_result(report)
        self.audit_card.setVisible(view.kind == KIND_GENERAL)
        announced = bool(view.announced_on)
        if announced:
            self.announce_label.setText(self.tr(
                "已于 {day} 公告。当选人员已登记任职(人员名册 → 任职记录)。").format(day=view.announced_on))
            self.announce_edit.setDate(stored_date(view.announced_on) or date.today())
        else:
            last = max((rr.round.held_on for rr in report.rounds), default="")
            if last:
                self.announce_edit.setDate(stored_date(last) or date.today())
            self.announce_label.setText(self.tr("公告后,当选人员即登记任职;换届的,上届村民委员会成员的任职同日结束。")
                                        if report.final else self.tr("计票完成(没有待进行的另行选举)后才能公告。"))
        if view.handover_on:
            self.handover_edit.setDate(stored_date(view.handover_on) or date.today())
            self.presided_edit.setText(view.presided_by)
            self.supervised_edit.setText(view.supervised_by)
            self.items_edit.setPlainText(view.items)
        elif announced:
            self.handover_edit.setDate(stored_date(view.announced_on) or date.today())
        if view.audit_published_on:
            self.audit_edit.setDate(stored_date(view.audit_published_on) or date.today())
        handover = [f for f in findings if "移交" in str(f.message)]
        audit = [f for f in findings if f not in handover]
        self.handover_notes.setText(finding_lines_html(handover, self.tr("移交按期完成。") if view.handover_on else ""))
        self.audit_notes.setText(finding_lines_html(audit, self.tr("已在选举前公布。") if view.audit_published_on else ""))
        self._enable(self.can_edit and report.final and not announced, self.can_edit and announced, self.can_edit)

    def _enable(self, announce: bool, handover: bool, audit: bool) -> None:
        self.announce_button.setEnabled(announce)
        self.announce_edit.setEnabled(announce)
        for w in (self.handover_edit, self.presided_edit, self.supervised_edit, self.items_edit, self.handover_button):
            w.setEnabled(handover)
        for w in (self.audit_edit, self.audit_button):
            w.setEnabled(audit)

    def _show_result(self, report: ec.ElectionResult) -> None:
        if not report.rounds:
            self.status_label.setText(self.tr("还没有登记投票。在“投票计票”中输入各人的得票。"))
            return
        if not report.valid:
            self.status_label.setText(self.tr("最近一次投票无效或计票有误,无人当选;见“投票计票”中的说明。"))
        elif report.pending:
            self.status_label.setText(self.tr("还要另行选举(或就票数相等的人再次投票):{what}。").format(
                what="、".join(self.tr("{post} {n} 名").format(post=post_label(f.post), n=f.seats)
                              for f in report.pending)))
        else:
            self.status_label.setText(self.tr("计票已完成,共当选 {n} 名。").format(n=len(report.elected)))
        numbers = {rr.round.id: (rr.round.number, rr.round.kind) for rr in report.rounds}
        self.elected.set_rows([ElectedLine(x, *numbers.get(x.round_id, (0, ROUND_MAIN))) for x in report.elected])
        last = report.rounds[-1].result
        notes = [f for f in last.reasons if f.severity != INFO]
        if report.final and report.unfilled:
            gaps = "、".join(self.tr("{post} {n} 名").format(post=post_label(p), n=n) for p, n in report.unfilled.items())
            self.status_label.setText(self.status_label.text() + self.tr("仍缺:{gaps}。").format(gaps=gaps))
        self.notes_label.setText(finding_lines_html(notes))

    # --- writing -----------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.refresh()
        self.message.setStyleSheet(f"color: {GREEN.name()};")
        self.message.setText(text)
        self.changed.emit()

    def _refused(self, exc: BaseException) -> None:
        self.message.setStyleSheet(f"color: {RED.name()};")
        self.message.setText(error_text(exc))

    def announce(self) -> None:
        """当选公告: the elected take office; the warnings of the new body are shown."""
        if self._election_id is None:
            return
        day, eid = to_date(self.announce_edit), self._election_id
        outcome = run_op(self, lambda: ec.announce(self._session, eid, day), on_failure=self._refused)
        if outcome:
            done = outcome.value
            self._done(self.tr("已公告:{n} 人登记任职;上届 {ended} 人的任职同日结束。").format(
                n=len(done.elected), ended=done.ended))
            self.announce_notes.setText(finding_lines_html(list(done.warnings)))

    def save_handover(self) -> None:
        """Save the 工作移交; a late one is saved with its warning."""
        if self._election_id is None:
            return
        eid, day = self._election_id, to_date(self.handover_edit)
        presided, supervised, items = (self.presided_edit.text(), self.supervised_edit.text(),
                                       self.items_edit.toPlainText())
        outcome = run_op(self, lambda: ec.record_handover(self._session, eid, day, presided, supervised, items),
                         on_failure=self._refused)
        if outcome:
            self._done(self.tr("移交已保存。"))

    def save_audit(self) -> None:
        """Save the day the outgoing committee's 离任审计 result was published."""
        if self._election_id is None:
            return
        eid, day = self._election_id, to_date(self.audit_edit)
        outcome = run_op(self, lambda: ec.record_audit(self._session, eid, day), on_failure=self._refused)
        if outcome:
            self._done(self.tr("审计结果公布日期已保存。"))
