"""民主评议: record the yearly appraisal with a live verdict per person, and the history.

The verdict rule is the pure `models.supervision.appraisal.verdict`, so the
row shows what the service will decide while the counts are typed; the
service checks it again when saving and refuses impossible counts.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import (
    installation,
    supervision_service,
    terms_service,
    ui_support_supervision,
)
from desktop.services.people_service import PERSON_ROLES
from desktop.services.session import Session
from desktop.services.supervision_service import AppraisalLine
from models.supervision import appraisal as ap
from ui.errors import error_text, message_text
from ui.operations import run_op
from ui.supervision.appraisal_history_model import AppraisalHistoryModel
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_lines_html, finding_text
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.palette import GREY, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.supervision_labels import (
    body_label,
    can_act,
    read_only_tip,
    verdict_color,
    verdict_label,
)
from ui.widgets.tables import read_only_table, read_only_view

NAME, POST, COMPETENT, BASIC, INCOMPETENT, VERDICT = range(6)
_ID = Qt.ItemDataRole.UserRole
#: Who is appraised by default: the 村委会 and the paid staff, in this order.
APPRAISED_ROLES = ("vc_chair", "vc_vice", "vc_member", "clerk", "accountant")


def _post_label(role: str) -> str:
    return QCoreApplication.translate("people", PERSON_ROLES.get(role, role))


class AppraisalTab(QWidget):
    """The entry form (top) and the past appraisals with the schedule check (bottom)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        allowed = can_act(session)
        today = date.today()

        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.held_edit = date_edit()
        self.body_combo = QComboBox()
        self.body_combo.addItem(body_label("representatives"), "representatives")
        self.body_combo.addItem(body_label("assembly"), "assembly")
        self.attendees_spin = QSpinBox()
        self.attendees_spin.setRange(0, 100000)
        self.attendees_spin.setSuffix(self.tr(" 人"))
        self.body_combo.currentIndexChanged.connect(self.update_verdicts)
        self.attendees_spin.valueChanged.connect(self.update_verdicts)
        self.held_edit.dateChanged.connect(self.update_verdicts)  # the citation follows the text in force that day

        self.table = read_only_table([self.tr("姓名"), self.tr("职务"), self.tr("称职"), self.tr("基本称职"),
                                  self.tr("不称职"), self.tr("评议结果")])
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        self.rule_label = QLabel()
        self.rule_label.setProperty("role", "hint")
        self.rule_label.setWordWrap(True)
        self.save_button = make_primary(QPushButton(self.tr("保存评议结果")))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("重新填写"))
        self.reset_button.clicked.connect(self.reset)
        if not allowed:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(read_only_tip(session))
        self.message = FieldMessage()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)

        self.history_model = AppraisalHistoryModel(self)
        self.history = read_only_view(self.history_model)
        self.schedule_label = QLabel()
        self.schedule_label.setWordWrap(True)
        self.schedule_label.setTextFormat(Qt.TextFormat.RichText)

        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("评议年度:")))
        head.addWidget(self.year_spin)
        head.addSpacing(16)
        head.addWidget(QLabel(self.tr("日期:")))
        head.addWidget(self.held_edit)
        head.addStretch(1)
        # 会议 and 到会人数 on a second row: the four in one row needed 982 px at 特大 (sideways on a netbook).
        meeting = QHBoxLayout()
        meeting.addWidget(QLabel(self.tr("会议:")))
        meeting.addWidget(self.body_combo)
        meeting.addSpacing(16)
        meeting.addWidget(QLabel(self.tr("到会人数:")))
        meeting.addWidget(self.attendees_spin)
        meeting.addStretch(1)
        form.addRow(head)
        form.addRow(meeting)
        entry, entry_layout = section(self.tr("登记民主评议"))
        entry_layout.addLayout(form)
        entry_layout.addWidget(self.table, 1)
        entry_layout.addWidget(self.rule_label)
        # The message on its own row, as wide as the section: beside the buttons the read-only reason
        # wrapped into five lines at 特大 on a 1024×600 screen and was cut.
        entry_layout.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.save_button)
        entry_layout.addLayout(actions)
        entry_layout.addWidget(self.result_label)
        past, past_layout = section(self.tr("历次评议"))
        past_layout.addWidget(self.schedule_label)
        past_layout.addWidget(self.history, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(entry)
        splitter.addWidget(past)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        self.reset()
        self.refresh()

    # ----- the entry table ----------------------------------------------------------------------

    def reset(self) -> None:
        """Start a fresh form: the current 村委会 and paid staff, counts at zero."""
        # Who held the posts on the appraisal's date (terms_service answers "who holds office on D").
        first: dict[str, tuple] = {}
        for office in terms_service.office_holders(APPRAISED_ROLES, to_date(self.held_edit)):
            entry = (APPRAISED_ROLES.index(office.role), office.name, office.person_id, _post_label(office.role))
            first[office.person_id] = min(first.get(office.person_id, entry), entry)
        people = sorted(first.values())
        self.table.setRowCount(len(people))
        for row, (_order, name, person_id, post) in enumerate(people):
            item = QTableWidgetItem(name)
            item.setData(_ID, person_id)
            self.table.setItem(row, NAME, item)
            self.table.setItem(row, POST, QTableWidgetItem(post))
            for column in (COMPETENT, BASIC, INCOMPETENT):
                spin = QSpinBox()
                spin.setRange(0, 100000)
                spin.setFrame(False)
                spin.valueChanged.connect(self.update_verdicts)
                self.table.setCellWidget(row, column, spin)
            self.table.setItem(row, VERDICT, QTableWidgetItem())
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message.clear_message()
        if not can_act(self._session):  # the reason in words, and what to do (a village without its committee yet);
            self.message.show_hint(read_only_tip(self._session))  # a fresh form must not wipe it
        self.result_label.clear()
        self.result_label.setMinimumHeight(0)
        self.update_verdicts()

    def spin(self, row: int, column: int) -> QSpinBox:
        """The count box of `row` in `column` (COMPETENT, BASIC or INCOMPETENT)."""
        return self.table.cellWidget(row, column)

    def row_of(self, name: str) -> int:
        """The row of the person named `name` (-1 when absent)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, NAME).text() == name:
                return row
        return -1

    def verdict_text(self, row: int) -> str:
        """The 评议结果 cell of `row` as shown."""
        return self.table.item(row, VERDICT).text()

    def _counts(self, row: int) -> ap.Counts:
        return ap.Counts(*(self.spin(row, c).value() for c in (COMPETENT, BASIC, INCOMPETENT)))

    def update_verdicts(self, *_args) -> None:
        """Recompute every row's verdict from its counts, the attendees and the body."""
        attendees = self.attendees_spin.value()
        assembly = self.body_combo.currentData() == "assembly"
        held_on = to_date(self.held_edit)
        province = installation.province()  # 不称职 thresholds are a province's rule (陕西 35), not the law's
        rule = supervision_service.appraisal_rule(assembly, held_on)
        # One line even at 1024 px (a wrapped second line slid under the table): the rule in words,
        # its provision (a province measure's title is long) on hover.
        self.rule_label.setText(message_text(rule.message))
        self.rule_label.setToolTip(finding_text(rule))
        for row in range(self.table.rowCount()):
            item = self.table.item(row, VERDICT)
            counts = self._counts(row)
            if not attendees:
                item.setText(self.tr("请先填写到会人数"))
                item.setForeground(GREY)
                item.setToolTip("")
                continue
            if not counts.total:
                item.setText(self.tr("未填票数"))
                item.setForeground(GREY)
                item.setToolTip("")
                continue
            result, notes = ap.verdict(counts, attendees, assembly, self.table.item(row, NAME).text(),
                                       province, held_on)
            if result is None:
                text = message_text(notes[0].message)
                item.setText("✖ " + text)
                item.setForeground(RED)
                item.setToolTip(text)
            else:
                item.setText(verdict_label(result))
                item.setForeground(verdict_color(result))
                item.setToolTip("\n".join(message_text(n.message) for n in notes))

    def lines(self) -> list[AppraisalLine]:
        """The rows with any votes, as the service wants them."""
        out = []
        for row in range(self.table.rowCount()):
            counts = self._counts(row)
            if counts.total:
                out.append(AppraisalLine(self.table.item(row, NAME).data(_ID), self.table.item(row, POST).text(),
                                         counts.competent, counts.basic, counts.incompetent))
        return out

    def _not_saved(self, exc: BaseException) -> None:
        self.message.show_error(self.tr("没有保存:{reason}").format(reason=error_text(exc)))

    def save(self) -> bool:
        """Record the appraisal; show the findings (verdicts, two-year consequence) or the refusal."""
        recorded = run_op(self, lambda: supervision_service.record_appraisal(
            self._session, self.year_spin.value(), to_date(self.held_edit), self.body_combo.currentData(),
            self.attendees_spin.value(), self.lines()), on_failure=self._not_saved)
        if not recorded:
            return False
        _id, findings = recorded.value
        self.message.show_ok(self.tr("{year} 年度民主评议已保存。").format(year=self.year_spin.value()))
        self.result_label.setText(finding_lines_html(findings, self.tr("被评议人员均为称职或基本称职。")))
        # The splitter sizes the form by its one-line minimum; findings that wrap (a province measure's
        # long title) would slide over the table: the label asks for the height its lines need.
        self.result_label.setMinimumHeight(self.result_label.heightForWidth(max(self.result_label.width(), 1)))
        self.refresh()
        return True

    # ----- history ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read past appraisals and the schedule check."""
        rows = ui_support_supervision.appraisals()
        self.history_model.set_rows(rows)
        findings = list(supervision_service.appraisal_schedule())
        seen = set()
        for a in rows:
            for x in a.results:
                if x.person_id not in seen:
                    seen.add(x.person_id)
                    findings.extend(supervision_service.consequences(x.person_id))
        self.schedule_label.setText(finding_lines_html(findings))
        self.schedule_label.setVisible(bool(findings))

    def history_texts(self) -> list[str]:
        """Each past appraisal as one line of text (for tests)."""
        model = self.history_model
        return [" ".join(model.index(r, c).data() for c in range(model.columnCount()))
                for r in range(model.rowCount())]
