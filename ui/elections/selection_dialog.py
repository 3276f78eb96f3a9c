"""登记推选: a 村民代表 chosen by 5–15 households or by a group, or a 村民小组长 by the group meeting.

Pick the person on the left; on the right what they were chosen as, how, on which day, by whom
(the households ticked, or the group and how many took part) and the votes. While it is filled
in, the dialog says what 组织法 第二十五条 / 第二十八条 ask of it (households 5–15, women ≥ ⅓ of
the 村民代表会议, the group meeting's ⅔ and majority, the term that ends with the 村委会's) —
warnings, the 推选 is recorded anyway. Recording opens the office (任职) at once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.services import people_service, selection_service
from desktop.services.selection_service import KIND_LABELS, METHOD_LABELS
from desktop.services.session import Session
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import findings_html
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.households_picker import HouseholdsPicker
from ui.widgets.primary_button import make_primary
from ui.widgets.register_picker import RegisterPicker, lay_out_picker_dialog
from ui.widgets.screen_fit import resize_within_screen

_S = "elections.selection"
REPRESENTATIVE, GROUP_LEADER = "village_rep", "group_leader"
HOUSEHOLDS, GROUP = "households", "group_meeting"


def _spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 100000)
    return spin


class SelectionDialog(QDialog):
    """Person, kind, method, day, group, households, numbers; 登记推选 records it and closes."""

    recorded = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("登记推选"))
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 70, em * 44)
        self.message = FieldMessage()
        self.picker = RegisterPicker()
        self.search_edit, self.people_list = self.picker.search_edit, self.picker.people_list
        self.search_edit.textChanged.connect(self.search)
        self.people_list.currentItemChanged.connect(self._follow_person)

        self.kind_combo = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind_combo.addItem(QCoreApplication.translate(_S, label), code)
        self.method_combo = QComboBox()
        for code, label in METHOD_LABELS.items():
            self.method_combo.addItem(QCoreApplication.translate(_S, label), code)
        self.date_edit = date_edit(date.today())
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        found = run_query(self, selection_service.groups)
        self.group_combo.addItems(found.value if found else [])
        self.electors_spin = _spin()
        self.votes_spin = _spin()
        self.size_spin = _spin()
        self.size_spin.setToolTip(self.tr("本组十八周岁以上的村民(或户)数,用来核对村民小组会议是否有三分之二以上到会;不保存"))
        self.households = HouseholdsPicker()

        form = QFormLayout()
        form.addRow(self.tr("推选为:"), self.kind_combo)
        form.addRow(self.tr("推选方式:"), self.method_combo)
        form.addRow(self.tr("推选日期:"), self.date_edit)
        form.addRow(self.tr("村民小组:"), self.group_combo)
        numbers = QHBoxLayout()
        for label, spin in ((self.tr("参加"), self.electors_spin), (self.tr("得票"), self.votes_spin),
                            (self.tr("本组共"), self.size_spin)):
            numbers.addWidget(QLabel(label))
            numbers.addWidget(spin)
        numbers.addStretch(1)
        form.addRow(self.tr("人(户)数:"), numbers)
        card, card_layout = section(self.tr("推选"))
        card_layout.addLayout(form)
        self.households_label = QLabel(self.tr("推选的户(每五户至十五户推选一人):"))
        card_layout.addWidget(self.households_label)
        card_layout.addWidget(self.households, 1)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)  # findings_html escapes
        card_layout.addWidget(self.findings_label)
        self.spacer = QWidget()  # keeps the form at the top while the households are hidden
        card_layout.addWidget(self.spacer, 1)

        self.record_button = make_primary(QPushButton(self.tr("登记推选")))
        self.record_button.clicked.connect(self.record)
        self.close_button = QPushButton(self.tr("取消"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        lay_out_picker_dialog(self, self.tr(
            "村民代表由村民按每五户至十五户推选一人,或者由各村民小组推选若干人;村民小组长由村民小组会议推选。"
            "登记后即在“任职”里列为在任,任期与本届村民委员会相同。"), self.picker, card, buttons)

        for combo in (self.kind_combo, self.method_combo):
            combo.currentIndexChanged.connect(lambda *_: self._shape())
        self.group_combo.currentTextChanged.connect(lambda *_: self.update_findings())
        self.date_edit.dateChanged.connect(lambda *_: self.update_findings())
        for spin in (self.electors_spin, self.votes_spin, self.size_spin):
            spin.valueChanged.connect(lambda *_: self.update_findings())
        self.households.model.dataChanged.connect(lambda *_: self.update_findings())
        self.search("")
        self._shape()

    def search(self, text: str) -> None:
        """List the register people whose name contains `text`."""
        found = run_query(self, lambda: people_service.register(text), on_failure=self.message.show_failure)
        self.picker.fill(found.value if found else [])

    def _follow_person(self, item, _previous=None) -> None:
        group = RegisterPicker.group_of(item)
        if group and not self.group_combo.currentText():
            self.group_combo.setCurrentText(group)
        if self.households.isVisible() or not self.households.group_chosen:
            self.households.set_group(group)
        self.update_findings()

    def _shape(self) -> None:
        """A 小组长 is chosen by the group meeting; households only for a 村民代表 chosen by households."""
        leader = self.kind_combo.currentData() == GROUP_LEADER
        if leader:
            self.method_combo.setCurrentIndex(self.method_combo.findData(GROUP))
        by_households = not leader and self.method_combo.currentData() == HOUSEHOLDS
        self.households.setVisible(by_households)
        self.households_label.setVisible(by_households)
        self.spacer.setVisible(not by_households)
        self.size_spin.setEnabled(self.method_combo.currentData() == GROUP)
        self.update_findings()

    def _gender(self) -> str:
        person_id = self.picker.person_id()
        if person_id is None:
            return ""
        found = run_query(self, lambda: people_service.person(person_id))
        return found.value.gender if found else ""

    def update_findings(self) -> None:
        """What the law asks of the 推选 as it is filled in."""
        ids = self.households.household_ids() if self.households.isVisibleTo(self) else []
        found = run_query(self, lambda: selection_service.preview(
            self.kind_combo.currentData(), self.method_combo.currentData(), to_date(self.date_edit),
            self.group_combo.currentText().strip(), len(ids), self.electors_spin.value(), self.votes_spin.value(),
            self.size_spin.value(), self._gender()))
        self.findings_label.setText(findings_html(found.value if found else []))

    def record(self) -> bool:
        """Record the 推选 (opening the office); a refusal stays in the dialog."""
        person_id = self.picker.person_id()
        if person_id is None:
            self.message.show_error(self.tr("请先在左边选一个人。"))
            return False
        by_households = self.households.isVisibleTo(self)
        outcome = run_op(self, lambda: selection_service.record_selection(
            self._session, person_id, self.kind_combo.currentData(), to_date(self.date_edit),
            self.method_combo.currentData(), self.group_combo.currentText(),
            self.households.household_ids() if by_households else [], None if by_households else 0,
            self.electors_spin.value(), self.votes_spin.value(), self.size_spin.value()),
            on_failure=self.message.show_failure)
        if not outcome:
            return False
        self.accept()
        self.recorded.emit(outcome.value)
        return True
