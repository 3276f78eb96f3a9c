"""审议表决 and 备案公布: link the meeting that voted, then the filing and the publication.

The meeting's own verdict (quorum, the vote) is shown as soon as it is
picked, so the person sees *why* a vote would be refused before trying.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import meetings_service, rules_service
from desktop.services.meetings_service import MeetingDraft
from desktop.services.rules_service import VersionView
from desktop.services.session import Session
from models.meetings import types as mt
from models.roles import Permission
from models.rules import procedure as proc
from ui.errors import error_text
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import findings_html, reasons_text
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.palette import GREEN, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import matter_label, type_label
from ui.widgets.rule_labels import channel_labels


class VoteTab(QWidget):
    """The vote, the filing and the publication of one version. `changed()` after a write."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view: VersionView | None = None
        self.draft: MeetingDraft | None = None

        # --- vote
        self.vote_label = QLabel()
        self.vote_label.setWordWrap(True)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setMinimumContentsLength(16)
        self.meeting_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_combo.currentIndexChanged.connect(self._on_meeting)
        self.resolution_combo = QComboBox()
        self.resolution_combo.setMinimumContentsLength(16)
        self.resolution_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.resolution_combo.currentIndexChanged.connect(self._show_verdict)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.RichText)
        self.women_label = QLabel(self.tr("到会妇女人数:"))
        self.women_spin = QSpinBox()
        self.women_spin.setRange(0, 100000)
        self.women_spin.setSuffix(self.tr(" 人"))
        self.vote_button = make_primary(QPushButton(self.tr("登记表决")))
        self.vote_button.clicked.connect(self.record_vote)
        self.vote_hint = FieldMessage()
        vote_card, vote_layout = section(self.tr("审议表决"))
        vote_layout.addWidget(self.vote_label)
        vote_form = QFormLayout()
        vote_form.addRow(self.tr("表决会议:"), self.meeting_combo)
        vote_form.addRow(self.tr("表决事项:"), self.resolution_combo)
        vote_form.addRow(self.women_label, self.women_spin)
        vote_layout.addLayout(vote_form)
        vote_layout.addWidget(self.verdict_label)
        row = QHBoxLayout()
        row.addWidget(self.vote_hint, 1)
        row.addWidget(self.vote_button)
        vote_layout.addLayout(row)

        # --- filing
        self.filing_label = QLabel()
        self.filing_label.setWordWrap(True)
        self.filed_date_edit = date_edit()
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setPlaceholderText(self.tr("乡镇备案回执编号,回执到了再填也可以"))
        self.receipt_check = QCheckBox(self.tr("回执日期:"))
        self.receipt_date_edit = date_edit()
        self.receipt_date_edit.setEnabled(False)
        self.receipt_check.toggled.connect(self.receipt_date_edit.setEnabled)
        self.filing_button = QPushButton(self.tr("登记备案"))
        self.filing_button.clicked.connect(self.record_filing)
        self.filing_hint = FieldMessage()
        filing_card, filing_layout = section(self.tr("报乡镇备案"))
        filing_layout.addWidget(self.filing_label)
        filing_form = QFormLayout()
        filing_form.addRow(self.tr("报备日期:"), self.filed_date_edit)
        filing_form.addRow(self.tr("回执编号:"), self.receipt_edit)
        filing_form.addRow(self.receipt_check, self.receipt_date_edit)
        filing_layout.addLayout(filing_form)
        row = QHBoxLayout()
        row.addWidget(self.filing_hint, 1)
        row.addWidget(self.filing_button)
        filing_layout.addLayout(row)

        # --- publication
        self.publish_label = QLabel()
        self.publish_label.setWordWrap(True)
        self.publish_date_edit = date_edit()
        self.channel_combo = QComboBox()
        self.channel_combo.setEditable(True)
        self.channel_combo.addItems(channel_labels())
        self.publish_button = QPushButton(self.tr("登记公布"))
        self.publish_button.clicked.connect(self.record_publication)
        self.publish_hint = FieldMessage()
        publish_card, publish_layout = section(self.tr("公布"))
        publish_layout.addWidget(self.publish_label)
        publish_form = QFormLayout()
        publish_form.addRow(self.tr("公布日期:"), self.publish_date_edit)
        publish_form.addRow(self.tr("公布方式:"), self.channel_combo)
        publish_layout.addLayout(publish_form)
        row = QHBoxLayout()
        row.addWidget(self.publish_hint, 1)
        row.addWidget(self.publish_button)
        publish_layout.addLayout(row)

        lower = QHBoxLayout()
        lower.addWidget(filing_card, 1)
        lower.addWidget(publish_card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(vote_card)
        layout.addLayout(lower)
        layout.addStretch(1)

    # ----- showing ------------------------------------------------------------------------

    def set_view(self, view: VersionView) -> None:
        """Show the vote and filing of `view` and what can be recorded now."""
        self.view = view
        record = view.record
        can_edit = self._session.can(Permission.EDIT_RECORDS)
        facts = rules_service.facts(view.id)

        if record.vote_meeting_id:
            voted = run_query(self, lambda: meetings_service.load(record.vote_meeting_id),
                              on_failure=lambda exc: self.vote_label.setText(error_text(exc)))
            if voted:
                meeting = voted.value
                self.vote_label.setText(self.tr("已登记:{on} {title}({type})。").format(
                    on=meeting.held_on.isoformat(), title=meeting.title, type=type_label(meeting.type_code)))
        else:
            self.vote_label.setText(self.tr("表决要在会议记录里登记(会议类型、到会人数、票数),再在这里选中那次会议。"))
        vote_reasons = proc.can_record_vote(facts)
        already = proc.vote_valid(facts)
        self._fill_meetings(record.started_on, record.vote_meeting_id)
        if record.vote_women_present is not None:
            self.women_spin.setValue(record.vote_women_present)
        for edit, value in ((self.filed_date_edit, record.filed_on), (self.receipt_date_edit, record.receipt_date),
                            (self.publish_date_edit, record.published_on)):
            if value:
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        if record.receipt_no:
            self.receipt_edit.setText(record.receipt_no)
            self.receipt_check.setChecked(bool(record.receipt_date))
        if record.publish_channel:
            self.channel_combo.setEditText(record.publish_channel)
        for widget in (self.meeting_combo, self.resolution_combo, self.women_spin):
            widget.setEnabled(can_edit and not vote_reasons and not already)
        self.vote_button.setEnabled(can_edit and not vote_reasons and not already)
        if already:
            self.vote_hint.show_ok(self.tr("表决已登记,文本与报审、表决时一致。"))
        elif vote_reasons:
            self.vote_hint.show_error(self.tr("现在还不能登记表决:") + reasons_text(vote_reasons))
        else:
            self.vote_hint.show_hint(self.tr("选中通过村规民约的那次会议和那一项表决。"))
        self.vote_button.setToolTip(self.vote_hint.text())

        file_reasons = proc.can_record_filing(facts)
        filing = view.filing
        if filing is not None:
            receipt = (self.tr(",回执 {no}({on})").format(no=filing.receipt_no, on=filing.receipt_date)
                       if filing.receipt_no else self.tr(",回执尚未登记"))
            if filing.from_township:
                receipt += self.tr("(乡镇回执已随数据包送达)")
            if filing.correction:
                receipt += self.tr("。乡镇责令改正:{text}").format(text=filing.correction)
            self.filing_label.setText(self.tr("已于 {on} 报乡镇备案{receipt}。").format(
                on=filing.filed_on, receipt=receipt))
        else:
            self.filing_label.setText(self.tr("表决通过后,把文本报乡镇备案。"))
        if record.published_on:
            self.publish_label.setText(self.tr("已于 {on} 通过“{channel}”公布。").format(
                on=record.published_on, channel=record.publish_channel))
        else:
            self.publish_label.setText(self.tr("表决通过后,及时向全体村民公布。"))
        for widget, hint, done in ((self.filing_button, self.filing_hint, bool(filing and filing.receipt_no)),
                                   (self.publish_button, self.publish_hint, bool(record.published_on))):
            widget.setEnabled(can_edit and not file_reasons and not done)
            if file_reasons:
                hint.show_error(self.tr("表决通过之后才能备案和公布。"))
            elif done:
                hint.show_ok(self.tr("已登记。"))
            else:
                hint.clear_message()
        for widget in (self.filed_date_edit, self.receipt_edit, self.receipt_check):
            widget.setEnabled(self.filing_button.isEnabled())
        self.receipt_date_edit.setEnabled(self.filing_button.isEnabled() and self.receipt_check.isChecked())
        for widget in (self.publish_date_edit, self.channel_combo):
            widget.setEnabled(self.publish_button.isEnabled())

    def _fill_meetings(self, since: str, recorded: str | None = None) -> None:
        current = recorded or self.meeting_combo.currentData()
        self.meeting_combo.blockSignals(True)
        self.meeting_combo.clear()
        self.meeting_combo.addItem(self.tr("(请选择会议)"), None)
        for m in rules_service.vote_meetings(since, recorded):
            self.meeting_combo.addItem(f"{m.held_on} {type_label(m.type_code)} {m.title}", m.id)
        index = self.meeting_combo.findData(current)
        self.meeting_combo.setCurrentIndex(max(0, index))
        self.meeting_combo.blockSignals(False)
        self._on_meeting()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Meetings recorded meanwhile (in the 会议 area) become selectable."""
        super().showEvent(event)
        if self.view is not None and self.meeting_combo.isEnabled():
            self._fill_meetings(self.view.record.started_on, self.view.record.vote_meeting_id)

    def select_meeting(self, meeting_id: str) -> None:
        """Pick `meeting_id` in the combo (as a person would)."""
        self.meeting_combo.setCurrentIndex(self.meeting_combo.findData(meeting_id))

    def _on_meeting(self, *_args) -> None:
        meeting_id = self.meeting_combo.currentData()
        self.resolution_combo.blockSignals(True)
        self.resolution_combo.clear()
        self.draft = None
        if meeting_id:
            self.draft = run_query(self, lambda: meetings_service.load(meeting_id),
                                   on_failure=self.vote_hint.show_failure).value
        if self.draft is not None:
            preferred = None
            if self.view is not None and self.view.record.vote_meeting_id == meeting_id:
                preferred = rules_service.recorded_resolution_index(self.view.id)
            for i, r in enumerate(self.draft.resolutions):
                self.resolution_combo.addItem(f"{i + 1}. {r.text}({matter_label(r.matter)})", i)
                if r.matter == "village_rules" and preferred is None:
                    preferred = i
            self.resolution_combo.setCurrentIndex(preferred or 0)
        self.resolution_combo.blockSignals(False)
        typed = self.draft is not None and not mt.meeting_type(self.draft.type_code).roster
        self.women_label.setVisible(typed)
        self.women_spin.setVisible(typed)
        self._show_verdict()

    def _show_verdict(self, *_args) -> None:
        if self.draft is None:
            self.verdict_label.clear()
            return
        verdict = meetings_service.evaluate_draft(self.draft)
        unit = mt.meeting_type(self.draft.type_code).unit
        meeting = verdict.meeting
        parts = []
        if meeting.valid:
            parts.append(f"<b style='color:{GREEN.name()}'>" + escape(self.tr("会议有效:应到 {e} {u},实到 {p} {u}。").format(
                e=meeting.expected, p=meeting.present, u=unit)) + "</b>")
        else:
            parts.append(f"<b style='color:{RED.name()}'>" + escape(self.tr("会议无效,不能作为表决依据:")) + "</b>")
            parts.append(findings_html(meeting.errors))
        index = self.resolution_combo.currentData()
        if index is not None and index < len(verdict.resolutions):
            res = verdict.resolutions[index]
            line = self.draft.resolutions[index]
            counts = self.tr("赞成 {y},反对 {n},弃权 {a}").format(y=line.yes, n=line.no, a=line.abstain)
            if res.passed:
                parts.append(f"<span style='color:{GREEN.name()}'>" + escape(self.tr("这一项表决通过({counts})。").format(
                    counts=counts)) + "</span>")
            else:
                parts.append(f"<span style='color:{RED.name()}'>" + escape(self.tr("这一项表决没有通过({counts})。").format(
                    counts=counts)) + "</span>")
                parts.append(findings_html(res.errors))
        self.verdict_label.setText("<br>".join(p for p in parts if p))

    # ----- recording ----------------------------------------------------------------------

    def record_vote(self) -> bool:
        """Link the chosen meeting and resolution to the version."""
        if self.view is None:
            return False
        meeting_id = self.meeting_combo.currentData()
        if not meeting_id:
            self.vote_hint.show_error(self.tr("请先选择表决会议。"))
            return False
        typed = self.draft is not None and not mt.meeting_type(self.draft.type_code).roster
        women = self.women_spin.value() if typed else None
        if not run_op(self, lambda: rules_service.record_vote(self._session, self.view.id, meeting_id,
                                                            self.resolution_combo.currentData() or 0, women),
                      on_failure=self.vote_hint.show_failure):
            return False
        self.changed.emit()
        return True

    def record_filing(self) -> bool:
        """Record the filing (and the receipt, when it is back)."""
        if self.view is None:
            return False
        receipt_date = to_date(self.receipt_date_edit) if self.receipt_check.isChecked() else None
        if not run_op(self, lambda: rules_service.record_filing(self._session, self.view.id,
                                                              to_date(self.filed_date_edit),
                                                              self.receipt_edit.text(), receipt_date),
                      on_failure=self.filing_hint.show_failure):
            return False
        self.changed.emit()
        return True

    def record_publication(self) -> bool:
        """Record the publication date and channel."""
        if self.view is None:
            return False
        if not run_op(self, lambda: rules_service.record_publication(self._session, self.view.id,
                                                                    to_date(self.publish_date_edit),
                                                                    self.channel_combo.currentText()),
                      on_failure=self.publish_hint.show_failure):
            return False
        self.changed.emit()
        return True
