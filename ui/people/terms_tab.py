"""任职: who sits on the 村委会, 村民代表, 小组长, 党组织 and 监委会 today, and the law's warnings.

A list of the bodies on the left (with how many sit on each); on the right
the chosen body's members with their start dates, 任命… / 离任… / 换届登记…,
and what 组织法 asks of the body as it sits (warnings in plain Chinese,
citing the article in force today). A fresh village sees why the list is
empty and the button that fills it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision_service, terms_service
from desktop.services.session import Session
from models.roles import Permission
from models.stored_values import stored_date
from ui.operations import run_query
from ui.people.appoint_dialog import AppointDialog, role_label
from ui.people.terms_model import GROUP_LEADERS, OFFICES, REPRESENTATIVES, TermsModel, post_text
from ui.widgets.add_member_dialog import AddMemberDialog
from ui.widgets.end_office_dialog import EndOfficeDialog
from ui.widgets.findings import finding_lines_html
from ui.widgets.forms import section
from ui.widgets.households_picker import HouseholdsDialog
from ui.widgets.name_order import pinyin_sorted
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.seating import can_seat, seat_only_tip
from ui.widgets.tables import read_only_view

SUPERVISION = "supervision"
_CODE = Qt.ItemDataRole.UserRole


def _in_reading_order(parent: QWidget, view: terms_service.BodyView) -> list:
    """The holders as the service groups them (by role), by pinyin within a role; 小组长 by their group's order."""
    role_place: dict[str, int] = {}
    for h in view.holders:
        role_place.setdefault(h.role, len(role_place))
    group_place: dict[str, int] = {}
    if view.code == "group_leaders":
        found = run_query(parent, terms_service.group_names)
        group_place = {name: n for n, name in enumerate(found.value if found else [])}
    return sorted(pinyin_sorted(view.holders, lambda h: h.name),
                  key=lambda h: (role_place[h.role], group_place.get(h.scope, len(group_place))))


class TermsTab(QWidget):
    """The sitting bodies; `refresh()` re-reads them (records changed elsewhere)."""

    #: A place elsewhere to open ("area:tab", as the home page's to-do lines): the 监委会's terms
    #: are made under 村务监督 → 成员, which a village without one is sent to.
    go_to = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.bodies: dict[str, terms_service.BodyView] = {}
        self.seats: list[terms_service.SeatRow] = []
        self.seat_problems: dict[str, list] = {}
        self.dialog: QDialog | None = None
        em = self.fontMetrics().horizontalAdvance("国")

        self.body_list = QListWidget()
        self.body_list.setMaximumWidth(em * 11)
        self.body_list.setMinimumWidth(em * 8)
        self.body_list.setSpacing(3)
        for code, (label, _roles) in terms_service.BODIES.items():
            item = QListWidgetItem(QCoreApplication.translate("terms", label))
            item.setData(_CODE, code)
            self.body_list.addItem(item)
        item = QListWidgetItem(self.tr("村务监督委员会"))
        item.setData(_CODE, SUPERVISION)
        self.body_list.addItem(item)
        self.body_list.currentRowChanged.connect(lambda _row: self.show_body())

        self.title_label = ScaledLabel("", 1.15, bold=True)
        self.appoint_button = make_primary(QPushButton(self.tr("任命…")))
        self.appoint_button.clicked.connect(self.open_appoint)
        self.end_button = QPushButton(self.tr("离任…"))
        self.end_button.clicked.connect(self.open_end)
        self.households_button = QPushButton(self.tr("联系户…"))
        self.households_button.setToolTip(self.tr("这名村民代表联系的户"))
        self.households_button.clicked.connect(self.open_households)
        self.past_box = QCheckBox(self.tr("含已离任"))
        self.past_box.setToolTip(self.tr("也列出以前任职、已经离任的人,以及离任日期和原因"))
        self.past_box.toggled.connect(lambda _on: self.show_body())
        self.sitting_ids: set[str] = set()
        self.changeover_button = QPushButton(self.tr("换届登记…"))
        self.changeover_button.setToolTip(self.tr("本届任期届满:所有在任成员同一天离任,再任命新一届。"))
        self.changeover_button.clicked.connect(self.open_changeover)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        self.empty_button = make_primary(QPushButton())
        self.empty_button.clicked.connect(self.open_appoint)
        self.model = TermsModel(self)
        self.table = read_only_view(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        self.findings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.appoint_button)
        top.addWidget(self.households_button)
        top.addWidget(self.end_button)
        top.addWidget(self.changeover_button)
        empty = QHBoxLayout()
        empty.addWidget(self.empty_label, 1)
        empty.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignTop)
        card, card_layout = section(self.tr("是否符合法律要求"))
        self.findings_card = card
        # Holds the space of the hidden table when a body is empty (the card hides too).
        self.filler = QWidget()
        card_layout.addWidget(self.findings_label)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addLayout(empty)
        right.addWidget(self.table, 1)
        right.addWidget(self.filler, 1)
        right.addWidget(card)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.body_list, 1)
        left.addWidget(self.past_box)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self._stale = True  # read when first shown: the 名册 tab opens without waiting for this one
        self.body_list.setCurrentRow(0)

    # ----- reading --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Read the bodies if records changed while the tab was hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Re-read every body as it sits today, keeping the chosen one (later, when the tab is hidden)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        found = run_query(self, lambda: (terms_service.overview(), terms_service.committee_members_on()))
        if not found:
            return
        bodies, self.seats = found.value
        self.bodies = {b.code: b for b in bodies}
        problems = run_query(self, lambda: {s.id: supervision_service.seat_problems(s.id) for s in self.seats})
        self.seat_problems = problems.value if problems else {}
        for i in range(self.body_list.count()):
            item = self.body_list.item(i)
            code = item.data(_CODE)
            n = len({s.person_id for s in self.seats}) if code == SUPERVISION else len(
                {r.person_id for r in self.bodies[code].holders})
            label = self.tr("村务监督委员会") if code == SUPERVISION else QCoreApplication.translate(
                "terms", terms_service.BODIES[code][0])
            item.setText(f"{label}({n})")
        self.show_body()

    def body(self) -> str:
        """The code of the chosen body (`supervision` for the 监委会)."""
        item = self.body_list.currentItem()
        return item.data(_CODE) if item is not None else "village_committee"

    def select_body(self, code: str) -> None:
        """Choose a body as a click on the list would."""
        for i in range(self.body_list.count()):
            if self.body_list.item(i).data(_CODE) == code:
                self.body_list.setCurrentRow(i)

    def show_body(self) -> None:
        """Fill the table, the empty state and the warnings for the chosen body."""
        code = self.body()
        if code == SUPERVISION:
            self._show_committee()
        elif code in self.bodies:
            self._show_offices(self.bodies[code])
        self._update_buttons()

    def _fit_columns(self) -> None:
        """The columns change with the body: each fits its contents, the last takes the spare width."""
        header = self.table.horizontalHeader()
        columns = self.model.columnCount()
        for c in range(columns):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _show_offices(self, view: terms_service.BodyView) -> None:
        label = QCoreApplication.translate("terms", view.label)
        self.title_label.setText(label)
        holders = _in_reading_order(self, view)
        self.sitting_ids = {h.id for h in holders}
        shown = holders
        if self.past_box.isChecked():
            past = run_query(self, lambda: terms_service.history(
                role_codes=terms_service.BODIES[view.code][1], ended_only=True))
            shown = holders + (past.value if past else [])
        shape = {"representatives": REPRESENTATIVES, "group_leaders": GROUP_LEADERS}.get(view.code, OFFICES)
        self.model.show_offices(shape, shown, self.past_box.isChecked())
        self._fit_columns()
        self._empty(not shown, {
            "village_committee": self.tr("还没有登记村委会成员。点右边的按钮,从名册里选人,登记本届村委会的"
                                         "主任、副主任和委员(三至七人,其中应当有妇女);名册里没有的人先在“名册”里登记。"),
            "representatives": self.tr("还没有登记村民代表。每五户至十五户推选一人,或由各村民小组推选若干人。"),
            "group_leaders": self.tr("还没有登记村民小组长。每个村民小组一名组长,由小组会议推选。"),
            "party": self.tr("还没有登记村党组织书记和委员。"),
            "staff": self.tr("还没有登记村文书和报账员。监委会成员的任职资格和民主评议都要用到。"),
        }[view.code], {
            "village_committee": self.tr("登记村委会成员…"),
            "representatives": self.tr("登记村民代表…"),
            "group_leaders": self.tr("登记村民小组长…"),
            "party": self.tr("登记党组织成员…"),
            "staff": self.tr("登记村文书、报账员…"),
        }[view.code])
        findings = [f for f in view.findings if holders or f.severity != "info"]
        self.findings_label.setText(finding_lines_html(findings, self.tr("符合法律对人数和组成的要求。")))
        self.findings_card.setVisible(bool(holders) and view.code in terms_service.CHECKED_BODIES)

    def _show_committee(self) -> None:
        self.title_label.setText(self.tr("村务监督委员会"))
        self.sitting_ids = {s.id for s in self.seats}
        self.model.show_seats(self.seats, self.seat_problems)
        self._fit_columns()
        has_term = bool(supervision_service.list_terms())
        self._empty(not self.seats, self.tr(
            "还没有在任的监委会成员。监委会与村委会同步换届;先在“村务监督 → 成员”新建届次,再添加成员。")
            if not has_term else self.tr("本届监委会还没有在任成员。点右边的按钮添加当选的主任和委员。"),
            self.tr("添加监委会成员…") if has_term else self.tr("去新建届次…"))
        findings: list = []
        for term_id in sorted({s.term_id for s in self.seats}):
            view = run_query(self, lambda term_id=term_id: supervision_service.term_view(term_id))
            if view:
                findings += list(view.value.composition)
        findings = [p for s in self.seats for p in self.seat_problems.get(s.id, [])] + findings
        self.findings_label.setText(finding_lines_html(findings, self.tr("人数、主任和财会人员都符合要求。")))

    def _empty(self, empty: bool, text: str, button: str) -> None:
        self.empty_label.setVisible(empty)
        self.empty_label.setText(text)
        self.empty_button.setVisible(empty and bool(button) and self._can_edit())
        self.empty_button.setText(button)
        self.table.setVisible(not empty)
        self.filler.setVisible(empty)
        self.findings_card.setVisible(not empty)

    # ----- actions --------------------------------------------------------------------------------

    def _can_edit(self) -> bool:
        if self.body() == SUPERVISION:
            return can_seat(self._session)
        return self._session.can(Permission.EDIT_REGISTER)

    def selected_id(self) -> str | None:
        """The office (or seat) of the highlighted row."""
        rows = self.table.selectionModel().selectedRows()
        record_id = self.model.row_at(rows[0].row()).id if rows else None
        return record_id if record_id in self.sitting_ids else None  # a past office cannot end again

    def _update_buttons(self) -> None:
        allowed = self._can_edit()
        supervision = self.body() == SUPERVISION
        tip = "" if allowed else (seat_only_tip(self._session) if supervision else self.tr("您的账号只能查看任职情况。"))
        self.appoint_button.setEnabled(allowed and (not supervision or bool(supervision_service.list_terms())))
        self.end_button.setEnabled(allowed and self.selected_id() is not None)
        self.households_button.setVisible(self.body() == "representatives")
        self.households_button.setEnabled(allowed and self.selected_id() is not None)
        self.changeover_button.setVisible(not supervision)
        self.past_box.setVisible(not supervision)  # the 监委会's past seats are under 村务监督 → 成员
        self.changeover_button.setEnabled(allowed and bool(self.bodies.get(self.body()) and
                                                           self.bodies[self.body()].holders))
        for button in (self.appoint_button, self.end_button, self.changeover_button, self.households_button):
            button.setToolTip(tip or button.toolTip())

    def _opened(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def open_appoint(self) -> QDialog | None:
        """任命… for the chosen body (the 监委会: its 添加成员 dialog with the eligibility check)."""
        if self.body() == SUPERVISION:
            terms = supervision_service.list_terms()
            if not terms:  # no term to seat anyone in: its place is 村务监督 → 成员 (新建届次…)
                self.go_to.emit("supervision:members")
                return None
            dialog = AddMemberDialog(self._session, terms[0].id, stored_date(terms[0].start_date) or date.today(), self)
            dialog.added.connect(lambda _pid: self.refresh())
            return self._opened(dialog)
        dialog = AppointDialog(self._session, self.body(), self)
        dialog.appointed.connect(lambda _pid: self.refresh())
        return self._opened(dialog)

    def open_end(self) -> QDialog | None:
        """离任… for the highlighted office or seat."""
        record_id = self.selected_id()
        if record_id is None:
            return None
        if self.body() == SUPERVISION:
            seat = next(s for s in self.seats if s.id == record_id)
            problems = self.seat_problems.get(record_id, [])
            dialog = EndOfficeDialog(
                self.tr("监委会成员离任"),
                self.tr("{name}({post},{start} 起任职)离开村务监督委员会。").format(
                    name=seat.name, post=post_text(seat), start=seat.joined_on),
                lambda on, kind, detail: supervision_service.end_seat(self._session, record_id, on, kind, detail),
                self, kind="ineligible" if problems else "resigned",
                detail=";".join(p.text() for p in problems))
            return self._opened(dialog)
        office = next(h for h in self.bodies[self.body()].holders if h.id == record_id)
        dialog = EndOfficeDialog(
            self.tr("离任"),
            self.tr("{name}({post},{start} 起任职)离任。").format(
                name=office.name, post=role_label(office.role), start=office.start_date or "—"),
            lambda on, kind, detail: terms_service.end_office(self._session, record_id, on, kind, detail), self)
        return self._opened(dialog)

    def open_households(self) -> QDialog | None:
        """联系户… for the highlighted 村民代表."""
        record_id = self.selected_id()
        if record_id is None or self.body() != "representatives":
            return None
        office = next(h for h in self.bodies["representatives"].holders if h.id == record_id)
        return self._opened(HouseholdsDialog(self._session, office, self))

    def open_changeover(self) -> QDialog | None:
        """换届登记…: every member of the chosen body leaves on one date (届满), then 任命 the new term."""
        code = self.body()
        if code == SUPERVISION or not self.bodies.get(code):
            return None
        label = QCoreApplication.translate("terms", terms_service.BODIES[code][0])
        dialog = EndOfficeDialog(
            self.tr("换届登记:{body}").format(body=label),
            self.tr("本届{body}的 {n} 名在任成员同一天离任。登记后请点“任命…”登记新一届成员"
                    "(连任的人也要重新任命)。").format(body=label, n=len(self.bodies[code].holders)),
            lambda on, kind, detail: terms_service.end_body(self._session, code, on, kind, detail),
            self, kind="term_over", ok_text=self.tr("登记换届"))
        return self._opened(dialog)
