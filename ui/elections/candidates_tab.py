"""候选人: the candidates of each post, nominated by the registered voters (组织法 2018 第十五条).

By post, with their 提名票数; above the table, which posts still have no more
candidates than seats (差额 — the candidate list cannot be published until
every post has more). 提名候选人 picks from the 选民名单; a member of the
村民选举委员会 nominated leaves it (第十二条), and the dialog says so.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QWidget

from desktop.services import election_people_service as eps
from desktop.services import elections_service
from desktop.services.session import Session
from ui.elections.election_tab import ElectionTab
from ui.elections.labels import post_label
from ui.elections.people_dialogs import DayReasonDialog, PickPersonDialog
from ui.errors import message_text
from ui.operations import run_query
from ui.widgets.dialogs import inform
from ui.widgets.forms import date_edit, to_date
from ui.widgets.palette import GREY


class CandidatesTab(ElectionTab):
    """Candidates by post."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, [self.tr("职位"), self.tr("姓名"), self.tr("性别"), self.tr("提名日期"),
                                   self.tr("提名票数"), self.tr("状态")], stretch=5, parent=parent)
        self.nominate_button = self.add_button(self.tr("提名候选人…"), self.open_nominate)
        self.withdraw_button = self.add_button(self.tr("退出…"), self.open_withdraw, needs_row=True)
        self.finish_buttons()
        self._withdrawn: set[str] = set()
        self._seats: dict[str, int] = {}

    def fill(self, election_id: str) -> None:
        """One row per record of `election_id`, and the line above the table."""
        outcome = run_query(self, lambda: (eps.candidates(election_id), eps.margin(election_id),
                                           elections_service.summary(election_id).seats))
        if not outcome:
            return
        rows, problems, self._seats = outcome.value
        self._withdrawn = {r.id for r in rows if r.withdrawn_on}
        for r in rows:
            status = (self.tr("{day}退出:{reason}").format(day=r.withdrawn_on, reason=r.withdrawn_reason)
                      if r.withdrawn_on else self.tr("候选人"))
            texts = [post_label(r.post), r.name, r.gender, r.nominated_on, str(r.nominations), status]
            self.add_row(texts, r.id, GREY if r.withdrawn_on else None, centered=(4,))
        if problems:
            self.set_note("\n".join("⚠ " + message_text(p) for p in problems))
        else:
            self.set_note(self.tr("每个职位的候选人都多于应选名额(差额)。"))

    def row_allows(self, record_id: str) -> bool:
        """退出 applies only to a row still in place."""
        return record_id not in self._withdrawn

    def open_nominate(self) -> PickPersonDialog | None:
        """提名候选人: a person on the 选民名单, the post, the day and the 提名票数."""
        if self.election_id is None:
            return None
        election_id = self.election_id
        outcome = run_query(self, lambda: (eps.nominee_choices(election_id), eps.candidates(election_id),
                                           eps.committee(election_id)))
        rows, standing, seated = outcome.value if outcome else ([], [], [])
        posts = {c.person_id: c.post for c in standing if not c.withdrawn_on}
        members = {m.person_id for m in seated if not m.left_on}

        def line(row, text: str) -> str:
            if row.id in posts:
                return text + self.tr(" · 已是{post}候选人").format(post=post_label(posts[row.id]))
            if row.id in members:
                return text + self.tr(" · 选举委员会成员,提名后退出")
            return text

        post = QComboBox()
        for code in self._seats:
            post.addItem(post_label(code), code)
        day = date_edit(date.today())
        votes = QSpinBox()
        votes.setRange(0, 100000)
        form = QFormLayout()
        form.addRow(self.tr("职位"), post)
        form.addRow(self.tr("提名日期"), day)
        form.addRow(self.tr("提名票数"), votes)
        intro = (self.tr("候选人由有选举权的村民直接提名:换届选举从选民名单中选择,补选从本村年满十八周岁的村民中选择。")
                 if rows else self.tr("选民名单还是空的:请先在“选民登记”中登记选民。"))
        dialog = PickPersonDialog(
            self.tr("提名候选人"), intro, rows, form,
            lambda pid: eps.add_candidate(self._session, election_id, pid, post.currentData(), to_date(day),
                                          votes.value()), self, line=line, ok_text=self.tr("提名"))
        dialog.post_combo, dialog.day_edit, dialog.votes_spin = post, day, votes
        dialog.accepted.connect(lambda: self._after(dialog.saved.notes if dialog.saved else ()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_withdraw(self) -> DayReasonDialog | None:
        """退出: the day and why (本人放弃, 资格取消…)."""
        candidate_id = self.selected_id()
        if candidate_id is None:
            return None
        dialog = DayReasonDialog(self.tr("候选人退出"),
                                 lambda day, reason: eps.withdraw_candidate(self._session, candidate_id, day,
                                                                            reason),
                                 self, self.tr("例如:本人书面放弃"))
        dialog.accepted.connect(lambda: self._after(dialog.saved or ()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after(self, notes) -> None:
        self.written()
        if notes:
            self.dialog = inform(self, self.tr("候选人"), "\n".join(message_text(n) for n in notes))
