"""新建选举 / 修改选举: kind, name, planned election day, posts and seats; a 补选's body and term end.

A 换届选举 elects a whole 村民委员会 (主任 1, 副主任 and 委员 to three to seven
members, 组织法 2018 第六条); a 补选 fills a vacancy, decided by the 村民会议 or
the 村民代表会议, and its members serve until the current term ends (第十九条) —
the dialog fills that day in from the sitting 村委会 and lets the secretary
correct it. The service checks everything again; a refusal is shown beside
the buttons and the dialog stays open with what was typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import elections_service
from desktop.services.elections_service import (
    BODY_REPRESENTATIVES,
    BODY_VILLAGERS,
    KIND_BY_ELECTION,
    KIND_GENERAL,
    POSTS,
)
from desktop.services.session import Session
from models.legal import organic_law_both
from ui.elections.labels import body_label, kind_label, post_label
from ui.errors import error_text
from ui.operations import run_op
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.palette import RED

#: What a new 换届 proposes: 主任 1, 副主任 1, 委员 3 (five members, within 三至七人).
DEFAULT_SEATS = {"vc_chair": 1, "vc_vice": 1, "vc_member": 3}


class NewElectionDialog(QDialog):
    """The form; `created` holds the new (or changed) election's row once saved.

    With `editing` (the election's summary) it changes that election: its
    kind stays, the rest is filled in from the record.
    """

    def __init__(self, session: Session, parent: QWidget | None = None,
                 editing: elections_service.ElectionSummary | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改选举") if editing else self.tr("新建选举"))
        self._session = session
        self._editing = editing
        self.created: elections_service.ElectionRow | None = None
        self.kind_combo = QComboBox()
        for kind in (KIND_GENERAL, KIND_BY_ELECTION):
            self.kind_combo.addItem(kind_label(kind), kind)
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(64)
        self.label_edit.setPlaceholderText(self.tr("例如:第十二届村民委员会换届选举"))
        self.day_check = QCheckBox(self.tr("已定"))
        self.day_check.setChecked(True)
        self.day_edit = date_edit(date.today())
        self.day_check.toggled.connect(self.day_edit.setEnabled)
        self.seat_spins: dict[str, QSpinBox] = {}
        seats_row = QHBoxLayout()
        for post in POSTS:
            spin = QSpinBox()
            spin.setRange(0, 7)
            spin.setValue(DEFAULT_SEATS[post])
            spin.setAccessibleName(post_label(post))
            self.seat_spins[post] = spin
            seats_row.addWidget(QLabel(post_label(post)))
            seats_row.addWidget(spin)
            seats_row.addSpacing(8)
        seats_row.addStretch(1)
        self.body_combo = QComboBox()
        for body in (BODY_VILLAGERS, BODY_REPRESENTATIVES):
            self.body_combo.addItem(body_label(body), body)
        self.term_end_edit = date_edit(date.today())
        self.term_hint = QLabel()
        self.term_hint.setProperty("role", "hint")
        self.term_hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED.name()};")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind_combo)
        form.addRow(self.tr("名称"), self.label_edit)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_edit)
        day_row.addWidget(self.day_check)
        day_row.addStretch(1)
        form.addRow(self.tr("选举日"), day_row)
        form.addRow(self.tr("应选职位和名额"), seats_row)
        self.body_row_label = QLabel(self.tr("补选会议"))
        form.addRow(self.body_row_label, self.body_combo)
        self.term_row_label = QLabel(self.tr("任期届满"))
        form.addRow(self.term_row_label, self.term_end_edit)
        form.addRow("", self.term_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("保存") if editing else self.tr("创建")))
        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self._on_kind()
        if editing is not None:
            self._fill(editing)
        self.resize(560, self.sizeHint().height())

    def _on_kind(self) -> None:
        by = self.kind_combo.currentData() == KIND_BY_ELECTION
        for widget in (self.body_row_label, self.body_combo, self.term_row_label, self.term_end_edit,
                       self.term_hint):
            widget.setVisible(by)
        self.label_edit.setPlaceholderText(self.tr("例如:补选村民委员会委员") if by else self.tr(
            "例如:第十二届村民委员会换届选举"))
        if by:
            if self.seat_spins["vc_chair"].value() == 1 and self.seat_spins["vc_member"].value() == 3:
                for post, spin in self.seat_spins.items():
                    spin.setValue(1 if post == "vc_member" else 0)
            end = elections_service.current_term_end()
            if end:
                self.term_end_edit.setDate(date.fromisoformat(end))
                self.term_hint.setText(self.tr("按本届村民委员会的任期算出,补选的成员任期到本届届满时止({law})。").format(
                    law=organic_law_both(19)))
            else:
                self.term_hint.setText(self.tr("名册中没有在任的村民委员会成员,请填写本届任期届满的日期。"))
        self.adjustSize()

    def _fill(self, e: elections_service.ElectionSummary) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(e.kind))
        self.kind_combo.setEnabled(False)  # a 换届 does not become a 补选
        self.label_edit.setText(e.label)
        self.day_check.setChecked(bool(e.election_day))
        if e.election_day:
            self.day_edit.setDate(date.fromisoformat(e.election_day))
        for post, spin in self.seat_spins.items():
            spin.setValue(e.seats.get(post, 0))
        if e.body:
            self.body_combo.setCurrentIndex(max(0, self.body_combo.findData(e.body)))
        if e.term_end:
            self.term_end_edit.setDate(date.fromisoformat(e.term_end))

    def values(self) -> dict:
        """What the form says, as the service's arguments."""
        by = self.kind_combo.currentData() == KIND_BY_ELECTION
        return {
            "kind": self.kind_combo.currentData(),
            "label": self.label_edit.text(),
            "election_day": to_date(self.day_edit) if self.day_check.isChecked() else None,
            "seats": {post: spin.value() for post, spin in self.seat_spins.items()},
            "body": self.body_combo.currentData() if by else "",
            "term_end": to_date(self.term_end_edit) if by else None,
        }

    def accept(self) -> None:
        """Create the election; a refusal stays in the dialog, beside the buttons."""
        values = self.values()

        def refused(exc: BaseException) -> None:
            self.error_label.setText(error_text(exc))
            self.error_label.show()

        if self._editing is not None:
            election_id = self._editing.id
            values.pop("kind")

            def save():
                return elections_service.edit_election(self._session, election_id, **values)
        else:
            def save():
                return elections_service.create_election(self._session, **values)

        outcome = run_op(self, save, on_failure=refused)
        if outcome:
            self.created = outcome.value
            super().accept()
