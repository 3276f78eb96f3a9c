"""登记这一步: the date a step was taken, with what the step needs besides.

The steps recorded from the summary: the 村民选举委员会 (which body chose it —
村民会议, 村民代表会议 or 各村民小组会议, 组织法 2018 第十二条 — and the meeting's
record), the 候选人名单 and 委托 lists published, the 离任审计 published. The
service refuses what the law does not allow (a candidate list without 差额, a
委托 list after the vote…); the refusal is shown in the dialog.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services import elections_service
from desktop.services.elections_service import BODIES
from desktop.services.session import Session
from models.elections import procedure as pr
from models.legal import organic_law_both
from ui.elections.labels import body_label, tr
from ui.errors import error_text
from ui.operations import run_op, run_query
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.palette import RED


class StepDialog(QDialog):
    """Record step `key` of election `election_id`."""

    def __init__(self, session: Session, election_id: str, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记:{step}").format(step=tr(pr.STEP_TITLES[key])))
        self._session = session
        self._election_id = election_id
        self._key = key
        self.day_edit = date_edit(date.today())
        hints = {
            pr.STEP_COMMITTEE: self.tr("村民选举委员会由村民会议、村民代表会议或者各村民小组会议推选产生,"
                                       "主持本次选举({law})。登记推选的日期和会议。").format(law=organic_law_both(12)),
            pr.STEP_CANDIDATES: self.tr("登记候选人名单公布的日期。每个职位的候选人应当多于应选名额({law})。").format(
                law=organic_law_both(15)),
            pr.STEP_PROXIES: self.tr("登记委托人和受委托人名单公布的日期,应当在投票之前({law})。").format(
                law=organic_law_both(15)),
            pr.STEP_AUDIT: self.tr("登记上一届村民委员会成员离任经济责任审计结果公布的日期,"
                                   "应当在本次选举之前({law})。").format(law=organic_law_both(35)),
        }
        self.hint_label = QLabel(hints.get(key, ""))
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("role", "hint")
        self.hint_label.setVisible(key in hints)
        form = QFormLayout()
        form.addRow(self.tr("日期"), self.day_edit)
        self.body_combo = QComboBox()
        self.meeting_combo = QComboBox()
        if key == pr.STEP_COMMITTEE:
            for body in BODIES:
                self.body_combo.addItem(body_label(body), body)
            form.addRow(self.tr("推选会议"), self.body_combo)
            self.meeting_combo.addItem(self.tr("(不关联会议记录)"), None)
            found = run_query(self, lambda: elections_service.committee_meeting_choices(election_id))
            self._meetings = {}
            for meeting_id, held_on, title, body in found.value if found else []:
                self.meeting_combo.addItem(f"{held_on} {title}", meeting_id)
                self._meetings[meeting_id] = (held_on, body)
            self.meeting_combo.currentIndexChanged.connect(self._on_meeting)
            form.addRow(self.tr("会议记录"), self.meeting_combo)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED.name()};")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("登记")))
        self.resize(480, self.sizeHint().height())

    def _on_meeting(self) -> None:
        """A meeting chosen: its day and its body are the 推选's."""
        held_on, body = self._meetings.get(self.meeting_combo.currentData(), ("", ""))
        if held_on:
            self.day_edit.setDate(date.fromisoformat(held_on))
        if body:
            self.body_combo.setCurrentIndex(max(0, self.body_combo.findData(body)))

    def accept(self) -> None:
        """Record the step; a refusal stays in the dialog."""
        details = {}
        if self._key == pr.STEP_COMMITTEE:
            details["by"] = self.body_combo.currentData()
            details["meeting_id"] = self.meeting_combo.currentData()
        day = to_date(self.day_edit)

        def refused(exc: BaseException) -> None:
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        outcome = run_op(self, lambda: elections_service.record_step(
            self._session, self._election_id, self._key, day, **details), on_failure=refused)
        if outcome:
            super().accept()
