"""The register entry of one person: name, gender, 出生年月, 民族/文化/政治面貌, group, household, phone, note.

The form is the unit the "never lose typed work" framework handles: it says
whether it has unsaved changes (`is_dirty`), saves (`save`), forgets them
(`discard`), and gives and takes its typed state as plain JSON-able data
(`draft_state` / `restore_draft`) for the autosaved draft.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import households_service, people_service
from desktop.services.session import Session
from models.errors import NotFound
from ui.operations import run_op, run_query
from ui.people.group_dialogs import GroupNameDialog, HouseholdDialog
from ui.widgets.field_message import FieldMessage

_BIRTH = re.compile(r"\s*(\d{4})\s*(?:(?:[-./年]\s*(\d{1,2})\s*月?)|(\d{2}))?\s*")


def parse_birth(text: str) -> tuple[int | None, int | None] | None:
    """出生年月 typed as 1968.03, 1968年3月, 1968-3, 196803 or 1968: (year, month); (None, None) if empty.

    None when the text is not one of these forms (the form says so).
    """
    if not text.strip():
        return None, None
    match = _BIRTH.fullmatch(text)
    if match is None:
        return None
    month = match.group(2) or match.group(3)
    return int(match.group(1)), int(month) if month else None


def birth_text(year: int | None, month: int | None) -> str:
    """(1968, 3) as "1968.03"; a year alone as "1968"; "" when unknown."""
    if year is None:
        return ""
    return f"{year}.{month:02d}" if month else str(year)


class PersonForm(QWidget):
    """The fields of one person, for a new entry (`person_id` "") or an existing one.

    `saved(person_id)` after a successful save.
    """

    saved = Signal(str)
    #: Something typed or picked changed (drives the autosave of `ui.widgets.unsaved`).
    edited = Signal()

    def __init__(self, session: Session, person_id: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.person_id = person_id
        self._saved_state: dict[str, Any] = {}
        em = self.fontMetrics().horizontalAdvance("国")

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(32)
        self.name_edit.setPlaceholderText(self.tr("必填"))
        self.gender_combo = QComboBox()
        self.gender_combo.addItem(self.tr("请选择"), "")
        self.gender_combo.addItem(self.tr("男"), "男")
        self.gender_combo.addItem(self.tr("女"), "女")
        self.birth_edit = QLineEdit()
        self.birth_edit.setPlaceholderText(self.tr("例如 1968.03 或 1968年3月"))
        self.birth_edit.setMaximumWidth(em * 16)
        self.ethnicity_combo = QComboBox()
        self.ethnicity_combo.setEditable(True)  # the 56 offered, 汉族 first; a typed "汉" is taken as 汉族
        self.ethnicity_combo.addItem("")
        self.ethnicity_combo.addItems(list(people_service.ETHNICITIES))
        self.ethnicity_combo.lineEdit().setPlaceholderText(self.tr("未填"))
        self.ethnicity_combo.setMinimumContentsLength(6)
        self.ethnicity_combo.setMaximumWidth(em * 12)
        self.education_combo = QComboBox()
        self.education_combo.addItem(self.tr("未填"), "")
        for level in people_service.EDUCATION_LEVELS:
            self.education_combo.addItem(level, level)
        self.education_combo.setMaximumWidth(em * 12)
        self.political_combo = QComboBox()
        self.political_combo.addItem(self.tr("未填"), "")
        for status in people_service.POLITICAL_STATUSES:
            self.political_combo.addItem(status, status)
        self.political_combo.setMaximumWidth(em * 12)
        self.group_combo = QComboBox()
        self.group_combo.setMinimumContentsLength(8)
        self.new_group_button = QPushButton(self.tr("新建小组…"))
        self.household_combo = QComboBox()
        self.household_combo.setMinimumContentsLength(12)
        self.new_household_button = QPushButton(self.tr("新建户…"))
        self.relation_combo = QComboBox()
        self.relation_combo.setEditable(True)
        self.relation_combo.addItem("")
        for relation in households_service.HOUSEHOLD_RELATIONS:
            self.relation_combo.addItem(relation)
        self.relation_combo.setMinimumContentsLength(6)
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(32)
        self.phone_edit.setMaximumWidth(em * 16)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.note_edit.setMaximumHeight(em * 4)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setProperty("role", "hint")
        self.message = FieldMessage()

        group_row = QHBoxLayout()
        group_row.addWidget(self.group_combo, 1)
        group_row.addWidget(self.new_group_button)
        household_row = QHBoxLayout()
        household_row.addWidget(self.household_combo, 1)
        household_row.addWidget(self.new_household_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("姓名:"), self.name_edit)
        form.addRow(self.tr("性别:"), self.gender_combo)
        form.addRow(self.tr("出生年月:"), self.birth_edit)
        form.addRow(self.tr("村民小组:"), group_row)
        form.addRow(self.tr("户:"), household_row)
        form.addRow(self.tr("与户主关系:"), self.relation_combo)
        form.addRow(self.tr("电话:"), self.phone_edit)
        # After 电话: a 花名册 typed from paper goes 姓名, 性别, 出生年月, 组, 户 first (Enter walks them in order).
        details_row = QHBoxLayout()  # one row for the two short combos: the form stays one screen tall
        details_row.addWidget(self.ethnicity_combo)
        details_row.addSpacing(em)
        education_label = QLabel(self.tr("文化程度:"))
        education_label.setBuddy(self.education_combo)
        details_row.addWidget(education_label)
        details_row.addWidget(self.education_combo)
        details_row.addStretch(1)
        form.addRow(self.tr("民族:"), details_row)
        form.addRow(self.tr("政治面貌:"), self.political_combo)
        form.addRow(self.tr("备注:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.birth_edit.textChanged.connect(self._check_birth)
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        self.new_group_button.clicked.connect(self.open_new_group)
        self.new_household_button.clicked.connect(self.open_new_household)
        self._fill_groups("")
        self._load()
        for signal in (self.name_edit.textEdited, self.gender_combo.activated, self.birth_edit.textEdited,
                       self.ethnicity_combo.currentTextChanged, self.education_combo.activated,
                       self.political_combo.activated,
                       self.group_combo.activated, self.household_combo.activated,
                       self.relation_combo.currentTextChanged, self.phone_edit.textEdited,
                       self.note_edit.textChanged):
            signal.connect(self._typed)

    def _typed(self, *_args) -> None:
        if self.is_dirty():
            self.edited.emit()

    # ----- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        self.status_label.hide()
        if self.person_id:
            found = run_query(self, lambda: people_service.person(self.person_id))
            if found:
                p = found.value
                self.name_edit.setText(p.name)
                self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(p.gender)))
                self.birth_edit.setText(birth_text(p.birth_year, p.birth_month))
                self._set_details(p.ethnicity, p.education, p.political_status)
                self._fill_groups(p.village_group)
                self._fill_households(p.household_id or "")
                self.relation_combo.setCurrentText(p.household_relation)
                self.phone_edit.setText(p.phone)
                self.note_edit.setPlainText(p.note)
                if p.left_on:
                    kind = QCoreApplication.translate("people", people_service.LEFT_KINDS.get(p.left_kind, ""))
                    self.status_label.setText(self.tr("已于 {date} {kind}离开名册:{reason}").format(
                        date=p.left_on, kind=kind, reason=p.left_reason))
                    self.status_label.show()
        self._saved_state = self.draft_state()

    def _set_details(self, ethnicity: str, education: str, political_status: str) -> None:
        """Show 民族, 文化程度 and 政治面貌 (a stored value the lists lack is shown as it is)."""
        self.ethnicity_combo.setCurrentText(ethnicity)
        for combo, value in ((self.education_combo, education), (self.political_combo, political_status)):
            if value and combo.findData(value) < 0:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def _fill_groups(self, selected: str) -> None:
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("(未分组)"), "")
        names = households_service.group_names()
        for name in names:
            self.group_combo.addItem(name, name)
        if selected and selected not in names:
            self.group_combo.addItem(selected, selected)  # a name from before groups were data
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(selected)))
        self.group_combo.blockSignals(False)
        self._fill_households(self.household_combo.currentData() or "")

    def _fill_households(self, selected: str, keep_outside: bool = True) -> None:
        """List the chosen group's households (all when no group) and select `selected`.

        A household outside the list is added when `keep_outside` (an entry as
        stored); after the person picked another group it is dropped instead.
        """
        group = self.group_combo.currentData() or ""
        self.household_combo.clear()
        self.household_combo.addItem(self.tr("(不在任何户)"), "")
        for row in households_service.list_households(group or None):
            self.household_combo.addItem(f"{row.label()}" + (f"({row.village_group})" if not group and
                                                               row.village_group else ""), row.id)
        index = self.household_combo.findData(selected)
        if index < 0 and selected and keep_outside:
            try:
                row = households_service.household(selected)
            except NotFound:  # a household removed meanwhile: the entry shows none
                row = None
            if row is not None:
                self.household_combo.addItem(row.label(), row.id)
                index = self.household_combo.count() - 1
        self.household_combo.setCurrentIndex(max(0, index))

    def _group_changed(self) -> None:
        self._fill_households(self.household_combo.currentData() or "", keep_outside=False)

    def _check_birth(self, text: str) -> None:
        if parse_birth(text) is None:
            self.message.show_error(self.tr("出生年月请写成 1968.03、1968年3月 或 1968。"))
        else:
            self.message.clear_message()

    # ----- new group / household -----------------------------------------------------------------

    def open_new_group(self) -> GroupNameDialog:
        """Ask for a new group's name; it is made and chosen (non-blocking; returns the dialog)."""
        dialog = GroupNameDialog(self._session, parent=self)
        dialog.done_with.connect(lambda name: self._fill_groups(name))
        dialog.open()
        return dialog

    def open_new_household(self) -> HouseholdDialog:
        """Ask for a new household (in the chosen group); it is made and chosen."""
        dialog = HouseholdDialog(self._session, group=self.group_combo.currentData() or "", parent=self)
        dialog.done_with.connect(self._household_made)
        dialog.open()
        return dialog

    def _household_made(self, household_id: str) -> None:
        row = households_service.household(household_id)
        self._fill_groups(row.village_group or (self.group_combo.currentData() or ""))
        self._fill_households(household_id)
        if not self.relation_combo.currentText() and row.members == 0:
            self.relation_combo.setCurrentText(households_service.HEAD)

    def start_next(self) -> None:
        """Empty the form for the next new person, keeping 村民小组 and 户 (a 花名册 is typed in that order).

        The entry just saved stays in the register; the form is a new, unchanged entry again.
        """
        group, household = self.group_combo.currentData() or "", self.household_combo.currentData() or ""
        self.person_id = ""
        for edit in (self.name_edit, self.birth_edit, self.phone_edit):
            edit.clear()
        self.gender_combo.setCurrentIndex(0)
        self._set_details("", "", "")
        self.relation_combo.setCurrentText("")
        self.note_edit.clear()
        self._fill_groups(group)
        self._fill_households(household)
        self.message.clear_message()
        self._saved_state = self.draft_state()
        self.name_edit.setFocus()

    # ----- the unsaved-work contract -------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        """What is typed, as JSON-able data (see `restore_draft`)."""
        return {
            "person_id": self.person_id, "name": self.name_edit.text(), "gender": self.gender_combo.currentData(),
            "birth": self.birth_edit.text(), "ethnicity": self.ethnicity_combo.currentText(),
            "education": self.education_combo.currentData() or "",
            "political_status": self.political_combo.currentData() or "",
            "group": self.group_combo.currentData() or "",
            "household_id": self.household_combo.currentData() or "",
            "relation": self.relation_combo.currentText(), "phone": self.phone_edit.text(),
            "note": self.note_edit.toPlainText(),
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Put back what `draft_state` gave (after a crash); the form then counts as changed."""
        self.person_id = state.get("person_id", self.person_id) or ""
        self.name_edit.setText(state.get("name", ""))
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(state.get("gender", ""))))
        self.birth_edit.setText(state.get("birth", ""))
        self._set_details(state.get("ethnicity", ""), state.get("education", ""), state.get("political_status", ""))
        self._fill_groups(state.get("group", ""))
        self._fill_households(state.get("household_id", ""))
        self.relation_combo.setCurrentText(state.get("relation", ""))
        self.phone_edit.setText(state.get("phone", ""))
        self.note_edit.setPlainText(state.get("note", ""))

    def is_dirty(self) -> bool:
        """True when something typed differs from what is saved."""
        return self.draft_state() != self._saved_state

    def discard(self) -> None:
        """Forget the typed changes: the fields show the saved entry again."""
        self._load()
        self.message.clear_message()

    def save(self) -> bool:
        """Write the entry; False (with the reason under the fields) when refused."""
        birth = parse_birth(self.birth_edit.text())
        if birth is None:
            self.message.show_error(self.tr("出生年月请写成 1968.03、1968年3月 或 1968。"))
            return False
        year, month = birth
        details = {"birth_year": year, "birth_month": month, "village_group": self.group_combo.currentData() or "",
                   "household_entry": self.household_combo.currentData() or None,
                   "household_relation": self.relation_combo.currentText().strip(),
                   "phone": self.phone_edit.text(), "note": self.note_edit.toPlainText(),
                   "ethnicity": self.ethnicity_combo.currentText().strip(),
                   "education": self.education_combo.currentData() or "",
                   "political_status": self.political_combo.currentData() or ""}
        name, gender = self.name_edit.text(), self.gender_combo.currentData() or ""
        if self.person_id:
            pid = self.person_id
            outcome = run_op(self, lambda: people_service.edit_person(self._session, pid, name, gender, **details),
                             on_failure=self.message.show_failure)
        else:
            outcome = run_op(self, lambda: people_service.add_person(self._session, name, gender, **details),
                             on_failure=self.message.show_failure)
        if not outcome:
            return False
        self.person_id = outcome.value.id
        self._saved_state = self.draft_state()
        self.message.show_ok(self.tr("已保存。"))
        self.saved.emit(self.person_id)
        return True
