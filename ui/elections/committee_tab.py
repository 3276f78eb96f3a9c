"""选举委员会: the 村民选举委员会 that presides over the election (组织法 2018 第十二条).

Its members, seated and left (a member nominated as a candidate leaves it —
the candidates tab records that), with 添加成员 from the register and 退出
(出缺: 辞职, 迁出…). Which body chose it and when is the election's first
step, recorded from the step summary.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from desktop.services import election_people_service as eps
from desktop.services.session import Session
from models.legal import organic_law_both
from ui.elections.election_tab import ElectionTab
from ui.elections.labels import tr
from ui.elections.people_dialogs import DayReasonDialog, PickPersonDialog
from ui.operations import run_query
from ui.widgets.forms import date_edit, to_date
from ui.widgets.palette import GREY


class CommitteeTab(ElectionTab):
    """The 村民选举委员会's members."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, [self.tr("姓名"), self.tr("性别"), self.tr("职务"), self.tr("加入日期"),
                                   self.tr("状态")], stretch=4, parent=parent)
        self.add_button_ = self.add_button(self.tr("添加成员…"), self.open_add)
        self.leave_button = self.add_button(self.tr("退出…"), self.open_leave, needs_row=True)
        self.finish_buttons()
        self._left: set[str] = set()

    def fill(self, election_id: str) -> None:
        """One row per record of `election_id`, and the line above the table."""
        outcome = run_query(self, lambda: eps.committee(election_id))
        rows = outcome.value if outcome else []
        self._left = {r.id for r in rows if r.left_on}
        for r in rows:
            status = (self.tr("{day}退出:{reason}").format(day=r.left_on, reason=r.left_reason)
                      if r.left_on else self.tr("在任"))
            self.add_row([r.name, r.gender, tr(eps.COMMITTEE_POSITIONS.get(r.position, r.position)), r.joined_on,
                          status], r.id, GREY if r.left_on else None)
        seated = len(rows) - len(self._left)
        self.set_note(self.tr("村民选举委员会主持选举,由村民会议、村民代表会议或者各村民小组会议推选产生;"
                              "成员被提名为候选人的,应当退出({law})。在任{n}人。").format(
            n=seated, law=organic_law_both(12)))

    def row_allows(self, record_id: str) -> bool:
        """退出 applies only to a row still in place."""
        return record_id not in self._left

    def open_add(self) -> PickPersonDialog | None:
        """添加成员: a person of the register, 主任 or 委员, and the day."""
        if self.election_id is None:
            return None
        election_id = self.election_id
        outcome = run_query(self, lambda: (eps.committee_choices(), eps.committee(election_id)))
        choices, members = outcome.value if outcome else ([], [])
        seated = {m.person_id for m in members if not m.left_on}
        rows = [r for r in choices if r.id not in seated]  # a seated member would only be refused
        position = QComboBox()
        for code, label in eps.COMMITTEE_POSITIONS.items():
            position.addItem(tr(label), code)
        position.setCurrentIndex(1)
        day = date_edit(date.today())
        form = QFormLayout()
        form.addRow(self.tr("职务"), position)
        form.addRow(self.tr("加入日期"), day)
        dialog = PickPersonDialog(
            self.tr("添加村民选举委员会成员"), self.tr("从人员名册中选择推选出的成员。"), rows, form,
            lambda pid: eps.add_committee_member(self._session, election_id, pid, position.currentData(),
                                                 to_date(day)), self, ok_text=self.tr("添加"))
        dialog.position_combo, dialog.day_edit = position, day
        dialog.accepted.connect(self.written)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_leave(self) -> DayReasonDialog | None:
        """退出: the day and why the member left."""
        member_id = self.selected_id()
        if member_id is None:
            return None
        dialog = DayReasonDialog(self.tr("退出村民选举委员会"),
                                 lambda day, reason: eps.remove_committee_member(self._session, member_id, day,
                                                                                 reason),
                                 self, self.tr("例如:本人辞职、外出务工"))
        dialog.accepted.connect(self.written)
        self.dialog = dialog
        dialog.open()
        return dialog
