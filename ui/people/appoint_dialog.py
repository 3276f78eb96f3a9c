"""任命…: record that people from the register hold an office from a date.

One dialog per body (村委会, 村民代表, 村民小组长, 党组织): search the register,
highlight a person, choose the post (and the group for a 小组长, the
households for a 村民代表), the start date, then 任命. The dialog stays open
so a whole committee is entered in one go; after each appointment it shows
what the law asks of the body as it now sits (warnings, with the article).
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
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.services import people_service, terms_service
from desktop.services.people_service import PERSON_ROLES
from desktop.services.session import Session
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_lines_html
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.households_picker import HouseholdsPicker
from ui.widgets.primary_button import make_primary
from ui.widgets.register_picker import RegisterPicker, lay_out_picker_dialog
from ui.widgets.screen_fit import resize_within_screen


def role_label(role: str) -> str:
    """村委会主任, 村民代表... (translated)."""
    return QCoreApplication.translate("people", PERSON_ROLES.get(role, role))


class AppointDialog(QDialog):
    """Search, highlight, choose the post and date, 任命. `appointed(person_id)` after each one."""

    appointed = Signal(str)

    def __init__(self, session: Session, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._body = body
        label, roles = terms_service.BODIES[body]
        self.setWindowTitle(self.tr("任命:{body}").format(body=QCoreApplication.translate("terms", label)))
        em = self.fontMetrics().horizontalAdvance("国")
        # A 村民代表's households are a table of four columns: room for them beside the people.
        wide = body == "representatives"
        resize_within_screen(self, em * (68 if wide else 54), em * (42 if wide else 36))
        self.message = FieldMessage()

        self.picker = RegisterPicker()
        self.search_edit, self.people_list = self.picker.search_edit, self.picker.people_list
        self.search_edit.textChanged.connect(self.search)
        self.people_list.currentItemChanged.connect(lambda *_: self.message.clear_message())
        self.people_list.currentItemChanged.connect(self._follow_group)

        self.role_combo = QComboBox()
        for role in roles:
            self.role_combo.addItem(role_label(role), role)
        self.start_edit = date_edit(date.today())
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.group_combo.addItems(terms_service.group_names())
        self.households = HouseholdsPicker() if body == "representatives" else None

        form = QFormLayout()
        form.addRow(self.tr("职务:"), self.role_combo)
        form.addRow(self.tr("任职日期:"), self.start_edit)
        if body == "group_leaders":
            form.addRow(self.tr("村民小组:"), self.group_combo)
        card, card_layout = section(self.tr("任职"))
        card_layout.addLayout(form)
        if self.households is not None:
            card_layout.addWidget(QLabel(self.tr("联系的户(每五户至十五户推选一人):")))
            card_layout.addWidget(self.households, 1)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        card_layout.addWidget(self.findings_label)
        if self.households is None:
            card_layout.addStretch(1)  # with households, their list takes the height (it showed 5 of them)

        self.appoint_button = make_primary(QPushButton(self.tr("任命")))
        self.appoint_button.clicked.connect(self.appoint)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.appoint_button)
        buttons.addWidget(self.close_button)
        lay_out_picker_dialog(self, self.tr("在人员名册里选人,填写职务和任职日期。可以连续任命几个人,完成后点“关闭”。"),
                              self.picker, card, buttons)
        self.search("")

    # ----- people and households ---------------------------------------------------------------

    def search(self, text: str) -> None:
        """List the register people whose name contains `text`."""
        found = run_query(self, lambda: people_service.register(text), on_failure=self.message.show_failure)
        self.picker.fill(found.value if found else [])
        if not self.people_list.count() and not text:
            self.message.show_hint(self.tr("人员名册还是空的:请先在“名册”里登记人员。"))

    def _follow_group(self, item: QListWidgetItem | None, _previous=None) -> None:
        """A 村民代表's households list shows the highlighted person's group, until the person picks one."""
        if self.households is not None and item is not None and not self.households.group_chosen:
            self.households.set_group(RegisterPicker.group_of(item))

    def select_person(self, person_id: str) -> bool:
        """Highlight `person_id` in the list (as a click would)."""
        return self.picker.select_person(person_id)

    def person_id(self) -> str | None:
        """The highlighted person."""
        return self.picker.person_id()

    def household_ids(self) -> list[str]:
        """The checked households (a 村民代表's)."""
        return self.households.household_ids() if self.households is not None else []

    # ----- appointing ------------------------------------------------------------------------------

    def appoint(self) -> bool:
        """Record the office; show the body's warnings, or explain a refusal, in the dialog."""
        person_id = self.person_id()
        if person_id is None:
            self.message.show_error(self.tr("请先在左边选一个人。"))
            return False
        role = self.role_combo.currentData()
        outcome = run_op(self, lambda: terms_service.appoint(
            self._session, person_id, role, to_date(self.start_edit), scope=self.group_combo.currentText(),
            household_ids=self.household_ids()), on_failure=self.message.show_failure)
        if not outcome:
            return False
        name = self.picker.name()
        if self.households is not None:
            self.households.reload()  # no ticks; the households just given show their new representative
        self.appointed.emit(person_id)
        # The list shows the new post beside the name (re-listing clears the message: show it after).
        self.search(self.search_edit.text())
        self.select_person(person_id)
        self.message.show_ok(self.tr("已任命{name}为{post}。").format(name=name, post=role_label(role)))
        self.findings_label.setText(finding_lines_html(outcome.value.warnings, self.tr("符合法律对人数和组成的要求。")))
        return True
