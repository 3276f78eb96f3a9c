"""Terms of office (任期): appoint and end offices, each dated; who holds office on a date.

`office_holders(roles, on)` is the one answer to "who holds office on date D"
for the 村委会, 村民代表, 村民小组长 and 党组织 (`person_role`);
`committee_members_on(on)` answers it for the 监委会 (`committee_member`).
Meetings (attendance lists) and the supervision committee's eligibility
checks ask through these, with the meeting's or the record's date.

Refusals are what cannot be true at once (two 村委会主任, two 小组长 of one
group, an office ending before it began); what the law asks of a
composition (a woman on the 村委会, 3 to 7 members, one 村民代表 per five to
fifteen households...) comes back as warnings (`models.terms`).
Every write goes through `record_store`, so it is audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.services import installation, read_models, record_store
from desktop.services.people_service import PERSON_ROLES, group_ranks
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models import terms
from models.db import database
from models.entities import (
    Household,
    Person,
    PersonRole,
    RepresentedHousehold,
    Village,
    VillageGroup,
)
from models.errors import NotFound, ValidationError
from models.meetings.quorum import Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.supervision.records import CommitteeMember, CommitteeTerm

_C = "terms"

#: Why an office ends: code -> label (the end_reason starts with the label).
END_REASONS: dict[str, str] = {
    "term_over": QT_TRANSLATE_NOOP(_C, "届满"),
    "resigned": QT_TRANSLATE_NOOP(_C, "辞职"),
    "recalled": QT_TRANSLATE_NOOP(_C, "罢免"),
    "ineligible": QT_TRANSLATE_NOOP(_C, "不再符合任职条件"),
    "died": QT_TRANSLATE_NOOP(_C, "死亡"),
    "other": QT_TRANSLATE_NOOP(_C, "其他"),
}

#: The bodies of the 任职 tab: code -> (label, role codes).
BODIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "village_committee": (QT_TRANSLATE_NOOP(_C, "村民委员会"), terms.VILLAGE_COMMITTEE),
    "representatives": (QT_TRANSLATE_NOOP(_C, "村民代表"), ("representative",)),
    "group_leaders": (QT_TRANSLATE_NOOP(_C, "村民小组长"), ("group_leader",)),
    "party": (QT_TRANSLATE_NOOP(_C, "村党组织"), terms.PARTY),
    # Not elected offices, but the 监委会 eligibility (浙江, 山东...) and the 民主评议 depend on them.
    "staff": (QT_TRANSLATE_NOOP(_C, "村文书、报账员"), ("clerk", "accountant")),
}

#: Roles this service appoints (the register keeps the others: 党员, 村文书...).
OFFICE_ROLES = frozenset(role for _label, roles in BODIES.values() for role in roles)


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _iso(on: date | str | None) -> str:
    if on is None:
        return date.today().isoformat()
    return on if isinstance(on, str) else on.isoformat()


# --- who holds office on a date --------------------------------------------------------

@dataclass(frozen=True)
class OfficeRow:
    """One person in one office (a `person_role`), with the households a 村民代表 represents."""

    id: str
    person_id: str
    name: str
    gender: str
    village_group: str
    role: str
    start_date: str
    end_date: str
    end_reason: str
    scope: str
    household_ids: tuple[str, ...]


def _represented(role_ids: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for start in range(0, len(role_ids), 500):
        chunk = role_ids[start:start + 500]
        for link in RepresentedHousehold.live().where(RepresentedHousehold.role.in_(chunk)):
            out.setdefault(link.role_id, []).append(link.household_id)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _rows(query) -> list[OfficeRow]:
    """`query` joins Person: its columns come in the same row, not one query per office (N+1)."""
    found = list(query.select_extend(Person))
    households = _represented([r.id for r in found if r.role == "representative"])
    # A 小组长 recorded before groups were data has no scope: he leads his own group.
    return [OfficeRow(r.id, r.person_id, r.person.name, r.person.gender, r.person.village_group, r.role,
                      r.start_date, r.end_date, r.end_reason,
                      r.scope or (r.person.village_group if r.role == "group_leader" else ""),
                      households.get(r.id, ()))
            for r in found]


def office_holders(role_codes: Iterable[str], on: date | str | None = None) -> list[OfficeRow]:
    """Everyone holding one of `role_codes` on `on` (today when None), by role then name.

    The one place that decides "in office on date D": started on or before D
    (or no start recorded), not yet ended (an end date is the first day out
    of office), and the person still on the register that day.
    """
    day = _iso(on)
    roles = sorted(set(role_codes))
    query = (PersonRole.live().join(Person)
             .where(PersonRole.role.in_(roles) & (Person.deleted == False)  # noqa: E712
                    & ((PersonRole.start_date == "") | (PersonRole.start_date <= day))
                    & ((PersonRole.end_date == "") | (PersonRole.end_date > day))
                    # A person who left the register (迁出, 死亡) holds nothing from that day.
                    & ((Person.left_on == "") | (Person.left_on > day)))
             .order_by(PersonRole.role, Person.name))
    return _rows(query)


def roles_on(on: date | str | None = None, person_ids: Iterable[str] | None = None,
             until: date | str | None = None) -> dict[str, set[str]]:
    """Person id -> the register roles held on `on` (all roles, not only offices).

    With `until`, the roles held at any time from `on` to `until` (a seat
    recorded late must not overlap a 村委会 office held meanwhile).
    """
    day = _iso(on)
    last = max(day, _iso(until)) if until is not None else day
    query = PersonRole.live().where(((PersonRole.start_date == "") | (PersonRole.start_date <= last))
                                    & ((PersonRole.end_date == "") | (PersonRole.end_date > day)))
    if person_ids is not None:
        query = query.where(PersonRole.person.in_(sorted(set(person_ids))))
    out: dict[str, set[str]] = {}
    for r in query:
        out.setdefault(r.person_id, set()).add(r.role)
    return out


@dataclass(frozen=True)
class SeatRow:
    """A 监委会 seat held on a date."""

    id: str
    term_id: str
    term_label: str
    person_id: str
    name: str
    gender: str
    chair: bool
    finance_qualified: bool
    joined_on: str
    left_on: str
    left_reason: str


def committee_members_on(on: date | str | None = None) -> list[SeatRow]:
    """The 监委会 members on `on` (today when None): seated, not yet left, their term not over.

    A 届次's 任期结束 is its LAST day, as the term is written ("2026-12-04 至 2031-12-03",
    the default of 新建届次), while a seat's `left_on`, like an office's end date, is the
    first day out of it (a successor may start that day).
    """
    day = _iso(on)
    query = (CommitteeMember.live().select_extend(CommitteeTerm, Person)  # with each row, not a query each
             .join(CommitteeTerm).switch(CommitteeMember).join(Person)
             .where((CommitteeMember.joined_on <= day)
                    & ((CommitteeMember.left_on == "") | (CommitteeMember.left_on > day))
                    & (Person.deleted == False) & ((Person.left_on == "") | (Person.left_on > day))  # noqa: E712
                    & (CommitteeTerm.deleted == False) & (CommitteeTerm.start_date <= day)  # noqa: E712
                    & ((CommitteeTerm.end_date == "") | (CommitteeTerm.end_date >= day)))
             .order_by(CommitteeMember.position, Person.name))
    return [SeatRow(m.id, m.term_id, m.term.label, m.person_id, m.person.name, m.person.gender,
                    m.position == "chair", m.finance_qualified, m.joined_on, m.left_on, m.left_reason)
            for m in query]


# --- appointing and ending ---------------------------------------------------------------

@dataclass(frozen=True)
class Appointed:
    """An office recorded, and what the law asks of the body it joined (warnings, on its start date)."""

    office: read_models.PersonRoleView
    warnings: tuple[Finding, ...]


def _conflict(role: str, scope: str, start: str, exclude_person: str = "") -> PersonRole | None:
    """A holder of a one-at-a-time office whose time overlaps one starting on `start`."""
    query = PersonRole.live().join(Person).where(
        (PersonRole.role == role) & (Person.deleted == False)  # noqa: E712
        & ((PersonRole.end_date == "") | (PersonRole.end_date > start)))
    if role == "group_leader":
        query = query.where((PersonRole.scope == scope) | ((PersonRole.scope == "") & (Person.village_group == scope)))
    if exclude_person:
        query = query.where(PersonRole.person != exclude_person)
    return query.first()


def appoint(session: Session, person_id: str, role: str, start: date, scope: str = "",
            household_ids: Iterable[str] = ()) -> Appointed:
    """Record that a person holds `role` from `start` (a 村民小组长 for the group `scope`).

    Refused: an unknown office, a person not on the register, the same person
    already in that office then, a second 村委会主任 / 党组织书记 / 小组长 of the
    same group at the same time. Everything else is a warning in the answer.
    """
    session.require(Permission.EDIT_REGISTER)
    if role not in OFFICE_ROLES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择职务。"))
    if not isinstance(start, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写任职日期。"))
    day = start.isoformat()
    if start > date.today().replace(year=date.today().year + 1):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "任职日期 {on} 太远了,请核对。"), on=day)
    person = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))  # noqa: E712
    if person is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "人员名册里找不到这个人。")))
    if person.left_on and person.left_on <= day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已于 {on} 离开人员名册,不能任职。"),
                       name=person.name, on=person.left_on)
    scope = (scope or "").strip()
    if role == "group_leader":
        if not scope:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择村民小组长所在的村民小组。"))
    else:
        scope = ""
    same = PersonRole.live().where((PersonRole.person == person_id) & (PersonRole.role == role)
                                   & ((PersonRole.end_date == "") | (PersonRole.end_date > day)))
    if role == "group_leader":
        same = same.where(PersonRole.scope == scope)
    if same.exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已经担任{post},不必重复登记。"),
                       name=person.name, post=PERSON_ROLES[role])
    if role in terms.SINGLE_HOLDER:
        other = _conflict(role, scope, day)
        if other is not None:
            template = {
                "vc_chair": QT_TRANSLATE_NOOP(
                    _C, "村民委员会同一时间只有一名主任:{name}自 {start} 起任主任。请先登记其离任,再任命新主任。"),
                "party_secretary": QT_TRANSLATE_NOOP(
                    _C, "村党组织同一时间只有一名书记:{name}自 {start} 起任书记。请先登记其离任。"),
                "group_leader": QT_TRANSLATE_NOOP(
                    _C, "{scope}同一时间只有一名村民小组长:{name}自 {start} 起任组长。请先登记其离任。"),
            }[role]
            raise _invalid(template, name=other.person.name, start=other.start_date or "—", scope=scope)
    households = sorted(set(household_ids)) if role == "representative" else []
    _require_households(households)
    with database.atomic():
        office = record_store.create(session, PersonRole, person=person_id, role=role, start_date=day,
                                     end_date="", scope=scope)
        for hid in households:
            record_store.create(session, RepresentedHousehold, role=office, household=hid)
    return Appointed(snapshot(office), tuple(body_findings(_body_of(role), day)))


def _require_households(household_ids: list[str]) -> None:
    if not household_ids:
        return
    found = {h.id for h in Household.live().where(Household.id.in_(household_ids))}
    if set(household_ids) - found:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到所选的户,可能已被删除。")))


def _office(role_id: str) -> PersonRole:
    office = PersonRole.get_or_none((PersonRole.id == role_id) & (PersonRole.deleted == False))  # noqa: E712
    if office is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这项任职记录。")))
    return office


def reason_text(kind: str, detail: str = "") -> str:
    """The stored end reason: the kind's label, then the details (`罢免:村民会议 2025-03-01 表决`)."""
    if kind not in END_REASONS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择离任原因。"))
    detail = (detail or "").strip()
    if kind == "other" and not detail:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离任原因选“其他”时,请写明原因。"))
    label = END_REASONS[kind]
    return f"{label}:{detail}" if detail else label


def _end_day(start: str, end: date) -> str:
    if not isinstance(end, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写离任日期。"))
    if end > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离任日期不能晚于今天;到期后再登记。"))
    if start and end.isoformat() < start:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离任日期 {end} 早于任职日期 {start},请核对。"),
                       end=end.isoformat(), start=start)
    return end.isoformat()


def end_office(session: Session, role_id: str, end: date, kind: str, detail: str = "") -> read_models.PersonRoleView:
    """End an office on `end` (the first day out of office) with a reason; nothing is deleted."""
    session.require(Permission.EDIT_REGISTER)
    office = _office(role_id)
    if office.end_date:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这项任职已于 {on} 结束。"), on=office.end_date)
    day = _end_day(office.start_date, end)
    reason = reason_text(kind, detail)
    return snapshot(record_store.update(session, office, end_date=day, end_reason=reason))


def end_body(session: Session, body: str, end: date, kind: str = "term_over",
             detail: str = "") -> list[read_models.PersonRoleView]:
    """换届: end every office of a body sitting on `end` at once (one transaction), e.g. 届满."""
    session.require(Permission.EDIT_REGISTER)
    if body not in BODIES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择要换届的组织。"))
    day = _end_day("", end)
    reason = reason_text(kind, detail)
    sitting = office_holders(BODIES[body][1], day)
    if not sitting:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{on} 没有在任的{body}成员。"), on=day, body=BODIES[body][0])
    out = []
    with database.atomic():
        for row in sitting:
            if row.start_date and day < row.start_date:
                continue
            out.append(snapshot(record_store.update(session, _office(row.id), end_date=day, end_reason=reason)))
    return out


def set_households(session: Session, role_id: str, household_ids: Iterable[str]) -> tuple[Finding, ...]:
    """The households a 村民代表 represents (replacing the list); returns the representatives' warnings."""
    session.require(Permission.EDIT_REGISTER)
    office = _office(role_id)
    if office.role != "representative":
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只有村民代表登记联系的户。"))
    wanted = set(household_ids)
    _require_households(sorted(wanted))
    with database.atomic():
        have = {link.household_id: link for link in RepresentedHousehold.live().where(
            RepresentedHousehold.role == office)}
        for hid, link in have.items():
            if hid not in wanted:
                record_store.soft_delete(session, link)
        for hid in sorted(wanted - set(have)):
            record_store.create(session, RepresentedHousehold, role=office, household=hid)
    return tuple(body_findings("representatives", date.today().isoformat()))


# --- the bodies and what the law asks of them ------------------------------------------------

def _body_of(role: str) -> str:
    return next(code for code, (_label, roles) in BODIES.items() if role in roles)


def _holders(rows: list[OfficeRow]) -> list[terms.Holder]:
    return [terms.Holder(r.person_id, r.name, r.gender, r.role, r.start_date, r.end_date, r.scope,
                         r.household_ids) for r in rows]


@dataclass(frozen=True)
class HouseholdChoice:
    """A household for the representative's picker: its label, 户主, group and who represents it now.

    `representatives` are the sitting 村民代表 who represent it today, as
    (office id, name): the picker shows them, and the office being edited can
    leave itself out when it asks which households nobody represents yet.
    """

    id: str
    label: str
    village_group: str
    number: str = ""
    head: str = ""
    representatives: tuple[tuple[str, str], ...] = ()

    def represented_by_others(self, office_id: str = "") -> bool:
        """True when a sitting representative other than `office_id` represents it."""
        return any(oid != office_id for oid, _name in self.representatives)


def _number_key(number: str) -> tuple:
    """户号 as a village counts them: "2" before "10"; numbers before the rest, then as written."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return (number == "", not digits, int(digits) if digits else 0, number)


def household_choices(on: date | str | None = None) -> list[HouseholdChoice]:
    """The village's households in the roster's order (组, then 户号), with 户主 and the representatives on `on`."""
    heads = {p.household_id: p.name for p in Person.live().where(
        (Person.household_relation == "户主") & Person.household_entry.is_null(False))}
    representing: dict[str, list[tuple[str, str]]] = {}
    for office in office_holders(("representative",), on):
        for hid in office.household_ids:
            representing.setdefault(hid, []).append((office.id, office.name))
    ranks = group_ranks()
    out = []
    households = sorted(Household.live(), key=lambda h: (ranks.get(h.village_group, len(ranks)), h.village_group,
                                                          _number_key(h.number)))
    for h in households:
        head = heads.get(h.id, "")
        label = (f"{h.number} {head}".strip() if h.number else head) or h.id[:8]
        out.append(HouseholdChoice(h.id, label, h.village_group, h.number, head, tuple(representing.get(h.id, ()))))
    return out


def _household_facts() -> list[terms.Household]:
    members: dict[str, set[str]] = {}
    for p in Person.live().where(Person.household_entry.is_null(False)):
        members.setdefault(p.household_id, set()).add(p.id)
    return [terms.Household(c.id, c.label, frozenset(members.get(c.id, set()))) for c in household_choices()]


def _population() -> int:
    village = Village.get_or_none(Village.code == installation.code())
    counted = Person.live().where(Person.left_on == "").count()
    return counted or (village.adult_population if village else 0)


def group_names() -> list[str]:
    """The village's 村民小组, in their order (for the 小组长's scope)."""
    return [g.name for g in VillageGroup.live().order_by(VillageGroup.position, VillageGroup.name)]


def body_findings(body: str, on: str) -> list[Finding]:
    """What the law asks of `body` as it sits on `on`, as warnings citing the text in force then."""
    if body == "village_committee":
        return terms.check_village_committee(_holders(office_holders(terms.VILLAGE_COMMITTEE, on)), on)
    if body == "representatives":
        committee = {r.person_id for r in office_holders(terms.VILLAGE_COMMITTEE, on)}
        reps = [h for h in _holders(office_holders(("representative",), on)) if h.person_id not in committee]
        return terms.check_representatives(reps, len(committee), _household_facts(), on,
                                           installation.province(), _population())
    if body == "group_leaders":
        return terms.check_group_leaders(group_names(), _holders(office_holders(("group_leader",), on)), on)
    return []


#: Bodies the law sets composition rules for (the others show no 是否符合 card).
CHECKED_BODIES = ("village_committee", "representatives", "group_leaders")


@dataclass(frozen=True)
class BodyView:
    """A body as it sits on a date: its holders and the warnings."""

    code: str
    label: str
    holders: tuple[OfficeRow, ...]
    findings: tuple[Finding, ...]


def overview(on: date | str | None = None) -> list[BodyView]:
    """The 村委会, 村民代表, 小组长 and 党组织 sitting on `on` (today when None), with their warnings."""
    day = _iso(on)
    order = {role: i for i, role in enumerate(
        ("vc_chair", "vc_vice", "vc_member", "party_secretary", "party_committee", "clerk", "accountant"))}
    out = []
    for code, (label, roles) in BODIES.items():
        rows = office_holders(roles, day)
        if code == "group_leaders":
            groups = {name: i for i, name in enumerate(group_names())}
            rows.sort(key=lambda r: (groups.get(r.scope, len(groups)), r.scope))
        else:
            rows.sort(key=lambda r: (order.get(r.role, 9), r.name))
        out.append(BodyView(code, label, tuple(rows), tuple(body_findings(code, day))))
    return out


def history(person_id: str | None = None, role_codes: Iterable[str] | None = None,
            ended_only: bool = False) -> list[OfficeRow]:
    """Every office ever recorded (of one person, or of `role_codes`), newest first: the record of terms."""
    roles = sorted(set(role_codes)) if role_codes is not None else sorted(OFFICE_ROLES)
    query = (PersonRole.live().join(Person).where(PersonRole.role.in_(roles))
             .order_by(PersonRole.end_date.desc(), PersonRole.start_date.desc(), Person.name))
    if person_id:
        query = query.where(PersonRole.person == person_id)
    if ended_only:
        query = query.where(PersonRole.end_date != "")
    return _rows(query)
