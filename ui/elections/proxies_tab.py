"""委托投票: who votes for whom (组织法 2018 第十五条; 民法典 第一千零四十五条).

A registered voter away during the election entrusts, in writing, a near
relative who is also on the 选民名单; the 村民选举委员会 publishes the list of
委托人 and 受委托人 before the vote (recorded from the step summary). How many
委托 one voter may accept is the province's rule — over it, a warning.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from desktop.services import election_people_service as eps
from desktop.services.session import Session
from models.legal import organic_law_both
from ui.elections.election_tab import ElectionTab
from ui.elections.people_dialogs import PickPersonDialog
from ui.errors import message_text
from ui.operations import run_op, run_query
from ui.widgets.dialogs import ask_confirm, inform
from ui.widgets.forms import date_edit, to_date


def relation_label(code: str) -> str:
    """配偶 / 父母 / … (the register's kinship words)."""
    from PySide6.QtCore import QCoreApplication

    from models.kinship import RELATIONS

    return QCoreApplication.translate("kinship", RELATIONS[code]) if code in RELATIONS else code


class ProxiesTab(ElectionTab):
    """The 委托 of the election."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, [self.tr("委托人"), self.tr("受委托人"), self.tr("受委托人是委托人的"),
                                   self.tr("委托日期")], stretch=2, parent=parent)
        self.add_proxy_button = self.add_button(self.tr("登记委托…"), self.open_add)
        self.remove_button = self.add_button(self.tr("撤销委托"), self.ask_remove, needs_row=True)
        self.finish_buttons()

    def fill(self, election_id: str) -> None:
        """One row per record of `election_id`, and the line above the table."""
        outcome = run_query(self, lambda: eps.proxies(election_id))
        rows = outcome.value if outcome else []
        for r in rows:
            self.add_row([r.voter_name, r.proxy_name, relation_label(r.relation), r.granted_on], r.id)
        self.set_note(self.tr("登记参加选举的村民选举期间外出的,可以书面委托本村有选举权的近亲属代为投票;"
                              "委托人和受委托人的名单应当在投票前公布({law})。共{n}人委托。").format(
            n=len(rows), law=organic_law_both(15)))

    def open_add(self) -> PickPersonDialog | None:
        """登记委托: the voter who is away (the list) and the relative who votes for them (the combo)."""
        if self.election_id is None:
            return None
        election_id = self.election_id
        outcome = run_query(self, lambda: eps.listed_voters(election_id))
        rows = outcome.value if outcome else []
        proxy = QComboBox()
        proxy.setEditable(False)
        day = date_edit(date.today())
        form = QFormLayout()
        form.addRow(self.tr("受委托人"), proxy)
        form.addRow(self.tr("委托日期"), day)
        dialog = PickPersonDialog(
            self.tr("登记委托投票"), self.tr("在左边选外出的委托人,在右边选代为投票的近亲属(都须在选民名单上;名册中登记的近亲属排在前面)。"),
            rows, form,
            lambda pid: eps.add_proxy(self._session, election_id, pid, proxy.currentData(), to_date(day)),
            self, ok_text=self.tr("登记"))
        dialog.proxy_combo, dialog.day_edit = proxy, day

        def fill_proxies(*_args) -> None:
            voter = dialog.picker.person_id()
            proxy.clear()
            if voter is None:
                return
            found = run_query(dialog, lambda: eps.proxy_choices(election_id, voter))
            for c in found.value if found else []:
                text = c.name + (f"({c.village_group})" if c.village_group else "")
                if c.relation:
                    text += self.tr(" · {relation}").format(relation=relation_label(c.relation))
                proxy.addItem(text, c.person_id)

        dialog.picker.people_list.currentItemChanged.connect(fill_proxies)
        fill_proxies()
        dialog.accepted.connect(lambda: self._after(dialog.saved.warnings if dialog.saved else ()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_remove(self) -> None:
        """撤销委托 (the voter came home, or it was entered by mistake), after a question."""
        proxy_id = self.selected_id()
        if proxy_id is None:
            return

        def remove() -> None:
            outcome = run_op(self, lambda: eps.remove_proxy(self._session, proxy_id))
            if outcome:
                self._after(outcome.value)

        self.dialog = ask_confirm(self, self.tr("撤销委托"), self.tr("撤销这条委托吗?"), self.tr("撤销"), remove)

    def _after(self, notes) -> None:
        self.written()
        if notes:
            self.dialog = inform(self, self.tr("委托投票"), "\n".join(message_text(n) for n in notes))
