"""添加成员…: seat a person from the register on a committee term.

The eligibility check runs for the highlighted person before anything is
saved: ✔ 可以担任, ✖ 不能担任 with the legal reasons (the 添加 button then
explains and refuses), or ⚠ 需要说明理由 with a box for the justification
the service records next to the seat. A person already seated on this term
is marked 已在本届 in the list and cannot be added again (the service
refuses too); they used to read "可以担任".

Shared by 村务监督 → 成员 and 人员名册 → 任职, so it lives in the kit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.services import people_service, supervision_service
from desktop.services.session import Session
from models.meetings.quorum import ERROR, WARNING, Finding
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_lines_html, worst
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.palette import AMBER, GREEN, GREY, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.register_picker import RegisterPicker, lay_out_picker_dialog
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen


class AddMemberDialog(QDialog):
    """Type to search, highlight a person, read the verdict, add. `added(person_id)` after each seat."""

    added = Signal(str)

    def __init__(self, session: Session, term_id: str, term_start: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._term_id = term_id
        self.findings: list[Finding] = []
        self._seated: frozenset[str] = frozenset()
        self.setWindowTitle(self.tr("添加监委会成员"))
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 52, em * 34)

        self.picker = RegisterPicker()
        self.search_edit, self.people_list = self.picker.search_edit, self.picker.people_list
        self.search_edit.textChanged.connect(self.search)
        self.people_list.currentItemChanged.connect(self._on_current)

        self.verdict_label = ScaledLabel("", 1.2, bold=True)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        self.findings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reason_label = QLabel(self.tr("理由(会记在成员名单旁):"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.reason_edit.setPlaceholderText(self.tr("例如:经村民代表会议讨论同意,报乡镇备案。"))
        self.reason_edit.setMaximumHeight(em * 5)
        self.chair_box = QCheckBox(self.tr("主任"))
        self.finance_box = QCheckBox(self.tr("具备财会知识"))
        self.joined_edit = date_edit(term_start or date.today())
        self.message = FieldMessage()
        self.add_button = make_primary(QPushButton(self.tr("添加")))
        self.add_button.clicked.connect(self.add)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)

        card, card_layout = section(self.tr("能否担任"))
        card_layout.addWidget(self.verdict_label)
        card_layout.addWidget(self.findings_label, 1)
        card_layout.addWidget(self.reason_label)
        card_layout.addWidget(self.reason_edit)
        form = QFormLayout()
        roles = QHBoxLayout()
        roles.addWidget(self.chair_box)
        roles.addWidget(self.finance_box)
        roles.addStretch(1)
        form.addRow(self.tr("职务:"), roles)
        form.addRow(self.tr("任职日期:"), self.joined_edit)
        card_layout.addLayout(form)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.close_button)
        lay_out_picker_dialog(self, self.tr("在名册里选人,先看他能不能担任监委会成员。村委会成员及其近亲属依法不得担任。"),
                              self.picker, card, buttons)
        self.search("")

    # ----- searching and checking -------------------------------------------------------------

    def search(self, text: str) -> None:
        """List the register people whose name contains `text`."""
        seated = run_query(self, lambda: supervision_service.seated_people(self._term_id))
        self._seated = seated.value if seated else frozenset()
        self.picker.fill(people_service.register(text), lambda row, line: self.tr("{line}  · 已在本届").format(
            line=line) if row.id in self._seated else line)
        if not self.people_list.count():
            self._show(None)

    def select_person(self, person_id: str) -> None:
        """Highlight `person_id` in the list (as a click would)."""
        self.picker.select_person(person_id)

    def person_id(self) -> str | None:
        """The highlighted person."""
        return self.picker.person_id()

    def _on_current(self, *_args) -> None:
        self.message.clear_message()
        self._show(self.person_id())

    def _show(self, person_id: str | None) -> None:
        if person_id is None:
            self.findings = []
            self.verdict_label.setText(self.tr("没有找到这个人。名册里没有的人,请先在“人员名册”登记。"))
            self._color(self.verdict_label, None)
            self.findings_label.clear()
            self._reason_visible(False)
            self.add_button.setEnabled(False)
            return
        if person_id in self._seated:
            self.findings = []
            self.verdict_label.setText(self.tr("已在本届"))
            self._color(self.verdict_label, None)
            self.findings_label.setText(self.tr("这个人已经是本届监委会成员,不用再添加。"))
            self._reason_visible(False)
            self.add_button.setEnabled(False)
            return
        checked = run_query(self, lambda: supervision_service.check_person(person_id),
                            on_failure=self.message.show_failure)
        self.findings = checked.value if checked else []
        if not checked:
            return
        level = worst(self.findings)
        if level == ERROR:
            self.verdict_label.setText(self.tr("✖ 不能担任"))
        elif level == WARNING:
            self.verdict_label.setText(self.tr("⚠ 需要说明理由"))
        else:
            self.verdict_label.setText(self.tr("✔ 可以担任"))
        self._color(self.verdict_label, level or "ok")
        self.findings_label.setText(finding_lines_html(
            self.findings, self.tr("没有发现不得担任的情形。")))
        self._reason_visible(level == WARNING)
        self.add_button.setEnabled(True)

    def _reason_visible(self, visible: bool) -> None:
        self.reason_label.setVisible(visible)
        self.reason_edit.setVisible(visible)

    @staticmethod
    def _color(label: QLabel, level: str | None) -> None:
        color = {ERROR: RED, WARNING: AMBER}.get(level, GREEN) if level is not None else GREY
        label.setStyleSheet(f"color: {color.name()};")

    def verdict_text(self) -> str:
        """The big ✔/✖/⚠ line as shown."""
        return self.verdict_label.text()

    # ----- adding -----------------------------------------------------------------------------

    def add(self) -> bool:
        """Seat the highlighted person; explain a refusal in the dialog."""
        person_id = self.person_id()
        if person_id is None:
            return False
        if worst(self.findings) == ERROR:
            self.message.show_error(self.tr("不能添加:{reason}").format(
                reason=self.tr("依法不得担任监委会成员,见上面的原因。")))
            return False
        reason = self.reason_edit.toPlainText().strip() if self.reason_edit.isVisible() else ""
        if worst(self.findings) == WARNING and not reason:
            self.message.show_error(self.tr("请先在“理由”里写明为什么仍然选他担任。"))
            self.reason_edit.setFocus()
            return False
        if not run_op(self, lambda: supervision_service.add_member(
            self._session, self._term_id, person_id, chair=self.chair_box.isChecked(),
            finance_qualified=self.finance_box.isChecked(), joined_on=to_date(self.joined_edit),
            override_reason=reason),
            on_failure=self.message.show_failure):
            return False
        name = self.picker.name()
        self.message.show_ok(self.tr("已添加{name}。").format(name=name))
        self.reason_edit.clear()
        self.chair_box.setChecked(False)
        self.finance_box.setChecked(False)
        self.added.emit(person_id)
        self._mark_seated(person_id)
        return True

    def _mark_seated(self, person_id: str) -> None:
        """The person just added reads 已在本届 at once (the list is not searched again)."""
        self._seated = self._seated | {person_id}
        item = self.people_list.currentItem()
        if item is not None and self.picker.person_id() == person_id:
            item.setText(self.tr("{line}  · 已在本届").format(line=item.text()))
        self._show(person_id)
