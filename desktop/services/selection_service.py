"""推选 of 村民代表 and 村民小组长: the term record it opens and the `selection` row beside it.

A 推选 opens the office through `terms_service.appoint` (a 村民代表 with the households that chose
them, a 小组长 for their group), so every engine that asks who holds office on a date sees it at
once, and records how it was done (by households or by the group, how many took part, the votes).
What the law asks (组织法 第二十五条, 第二十八条; `models.elections.selection`) comes back as
findings — households outside 5–15, women under ⅓ of the 村民代表会议, the group meeting's ⅔ and
majority, the term that ends with the 村委会's — never as refusals. Refusals are the term
record's (the same person twice, two 小组长 of one group at once) and impossible numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from desktop.services import recall_service, record_store, terms_service
from desktop.services.session import Session
from models import terms
from models.db import database
from models.elections import selection as sel
from models.elections.records import (
    METHOD_GROUP,
    METHOD_HOUSEHOLDS,
    SELECT_GROUP_LEADER,
    SELECT_REPRESENTATIVE,
    SELECTION_KINDS,
    SELECTION_METHODS,
    Selection,
)
from models.errors import ValidationError
from models.meetings.quorum import Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "elections.selection"

KIND_LABELS = {SELECT_REPRESENTATIVE: QT_TRANSLATE_NOOP(_C, "村民代表"),
               SELECT_GROUP_LEADER: QT_TRANSLATE_NOOP(_C, "村民小组长")}
METHOD_LABELS = {METHOD_HOUSEHOLDS: QT_TRANSLATE_NOOP(_C, "按户推选(每五户至十五户一人)"),
                 METHOD_GROUP: QT_TRANSLATE_NOOP(_C, "村民小组推选")}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _count(value, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{label}应当是不小于 0 的整数。"), label=label)
    return value


@dataclass(frozen=True)
class SelectionRow:
    """A 推选 as the screens list it: who, for what, how, and its findings now."""

    id: str
    role_id: str
    person_id: str
    name: str
    gender: str
    kind: str
    method: str
    held_on: str
    village_group: str
    households: int
    electors: int
    votes: int
    office_end: str
    note: str
    findings: tuple[Finding, ...]


def _women_and_members(on: str) -> tuple[int, int]:
    """Women 村民代表 and the 村民代表会议's members (村委会 + 代表) in office on `on`."""
    committee = {r.person_id for r in terms_service.office_holders(terms.VILLAGE_COMMITTEE, on)}
    reps = {r.person_id: r.gender for r in terms_service.office_holders(("representative",), on)
            if r.person_id not in committee}
    if not reps:
        return 0, 0
    return sum(1 for g in reps.values() if g == "女"), len(committee) + len(reps)


def _facts(kind: str, method: str, held_on: str, village_group: str, households: int, electors: int,
           votes: int, group_size: int = 0) -> sel.SelectionFacts:
    women, members = _women_and_members(held_on) if kind == SELECT_REPRESENTATIVE else (0, 0)
    return sel.SelectionFacts(kind, method, held_on, village_group, households, electors, votes, group_size,
                              women, members, recall_service.term_end_on(held_on))


def _row(s: Selection) -> SelectionRow:
    office = s.role
    findings = sel.check_selection(_facts(s.kind, s.method, s.held_on, s.village_group, s.households,
                                          s.electors, s.votes))
    return SelectionRow(s.id, s.role_id, office.person_id, office.person.name, office.person.gender, s.kind,
                        s.method, s.held_on, s.village_group, s.households, s.electors, s.votes, office.end_date,
                        s.note, tuple(findings))


def selections() -> list[SelectionRow]:
    """Every 推选, newest first."""
    return [_row(s) for s in Selection.live().order_by(Selection.held_on.desc(), Selection.seq.desc())]


def preview(kind: str, method: str, held_on: date, village_group: str = "", households: int = 0,
            electors: int = 0, votes: int = 0, group_size: int = 0, gender: str = "") -> list[Finding]:
    """The findings a 推选 would have, before it is recorded (the dialog's live answer).

    `gender`: the person chosen, counted among the women 村民代表 as the body will be.
    """
    day = held_on.isoformat() if isinstance(held_on, date) else str(held_on)
    facts = _facts(kind, method, day, village_group, households, electors, votes, group_size)
    if kind == SELECT_REPRESENTATIVE:
        base_women, base_members = facts.women, facts.members
        if not base_members:
            base_members = len({r.person_id for r in terms_service.office_holders(terms.VILLAGE_COMMITTEE, day)})
        facts = replace(facts, women=base_women + (gender == "女"), members=base_members + 1)
    return sel.check_selection(facts)


@dataclass(frozen=True)
class Recorded:
    """The 推选 recorded and its findings (this 推选, then the body's warnings on that day)."""

    selection: SelectionRow
    findings: tuple[Finding, ...]


def record_selection(session: Session, person_id: str, kind: str, held_on: date, method: str,
                     village_group: str = "", household_ids: Iterable[str] = (), households: int | None = None,
                     electors: int = 0, votes: int = 0, group_size: int = 0, note: str = "") -> Recorded:
    """Record a 推选: open the office (`terms_service.appoint`) and write the `selection` beside it.

    `households`: how many households chose (defaults to the households linked); `group_size`:
    the group's adults or households, only for the findings (not stored).
    """
    session.require(Permission.EDIT_REGISTER)
    if kind not in SELECTION_KINDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择推选的是村民代表还是村民小组长。"))
    if method not in SELECTION_METHODS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择推选方式。"))
    if not isinstance(held_on, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写推选日期。"))
    if held_on > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "推选日期 {on} 晚于今天;推选后再登记。"), on=held_on.isoformat())
    group = (village_group or "").strip()
    linked = sorted(set(household_ids)) if kind == SELECT_REPRESENTATIVE else []
    count = len(linked) if households is None else _count(households, QT_TRANSLATE_NOOP(_C, "推选户数"))
    electors = _count(electors, QT_TRANSLATE_NOOP(_C, "参加推选人数"))
    votes = _count(votes, QT_TRANSLATE_NOOP(_C, "得票数"))
    group_size = _count(group_size, QT_TRANSLATE_NOOP(_C, "本组人数"))
    if electors and votes > electors:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "得票 {votes} 多于参加推选的 {electors} 人(户),请核对。"),
                       votes=votes, electors=electors)
    if group_size and electors > group_size:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "到会 {electors} 人(户)多于本组 {size} 人(户),请核对。"),
                       electors=electors, size=group_size)
    if kind == SELECT_GROUP_LEADER and not group:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择村民小组长所在的村民小组。"))
    with database.atomic():
        appointed = terms_service.appoint(session, person_id, sel.ROLE_OF_KIND[kind], held_on,
                                          scope=group if kind == SELECT_GROUP_LEADER else "", household_ids=linked)
        created = record_store.create(session, Selection, role=appointed.office.id, kind=kind, method=method,
                                      held_on=held_on.isoformat(), village_group=group, households=count,
                                      electors=electors, votes=votes, note=(note or "").strip())
    row = _row(created)
    findings = sel.check_selection(_facts(kind, method, row.held_on, group, count, electors, votes, group_size))
    return Recorded(row, tuple(findings))


def households(on: date | str | None = None) -> list[terms_service.HouseholdChoice]:
    """The households for a 村民代表's picker (who represents each now), in the roster's order."""
    return terms_service.household_choices(on)


def groups() -> list[str]:
    """The village's 村民小组 (for a 小组长 or a group's 推选)."""
    return terms_service.group_names()
