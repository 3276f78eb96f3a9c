"""The Person register: villagers who hold roles, and declared kinship links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.services import read_models, record_store
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models.db import database
from models.entities import GENDERS, Kinship, Person, PersonRole
from models.errors import ValidationError
from models.kinship import RELATIONS, is_close_relation
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "people"

#: Role codes of the register (a person may hold several).
PERSON_ROLES: dict[str, str] = {
    "vc_chair": QT_TRANSLATE_NOOP(_C, "村委会主任"),
    "vc_vice": QT_TRANSLATE_NOOP(_C, "村委会副主任"),
    "vc_member": QT_TRANSLATE_NOOP(_C, "村委会委员"),
    "representative": QT_TRANSLATE_NOOP(_C, "村民代表"),
    "party_secretary": QT_TRANSLATE_NOOP(_C, "党组织书记"),
    "party_committee": QT_TRANSLATE_NOOP(_C, "党组织委员"),
    "party_member": QT_TRANSLATE_NOOP(_C, "党员"),
    "sc_chair": QT_TRANSLATE_NOOP(_C, "监委会主任"),
    "sc_member": QT_TRANSLATE_NOOP(_C, "监委会委员"),
    "clerk": QT_TRANSLATE_NOOP(_C, "村文书"),
    "accountant": QT_TRANSLATE_NOOP(_C, "报账员"),
    "group_leader": QT_TRANSLATE_NOOP(_C, "村民小组长"),
}

VILLAGE_COMMITTEE_ROLES = frozenset({"vc_chair", "vc_vice", "vc_member"})


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def add_person(session: Session, name: str, gender: str, **details) -> read_models.PersonView:
    """Register a person (name and gender are required)."""
    session.require(Permission.EDIT_REGISTER)
    name = (name or "").strip()
    if not 1 <= len(name) <= 32:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写姓名(最多 32 个字)。"))
    if gender not in GENDERS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择性别(男或女)。"))
    return snapshot(record_store.create(session, Person, name=name, gender=gender, **details))


def add_role(session: Session, person: Person | read_models.PersonView, role: str, start_date: str = "",
             end_date: str = "") -> read_models.PersonRoleView:
    """Record that `person` holds `role` from `start_date` (to `end_date`)."""
    session.require(Permission.EDIT_REGISTER)
    if role not in PERSON_ROLES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的职务:{role}"), role=role)
    if end_date and start_date and end_date < start_date:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "任职结束日期不能早于开始日期。"))
    return snapshot(record_store.create(
        session, PersonRole, person=person.id, role=role, start_date=start_date, end_date=end_date))


def add_kinship(session: Session, person: Person | read_models.PersonView, relative: Person | read_models.PersonView,
                relation: str) -> read_models.KinshipView:
    """Declare that `person` is `relation` of `relative`."""
    session.require(Permission.EDIT_REGISTER)
    if relation not in RELATIONS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的亲属关系:{relation}"), relation=relation)
    if person.id == relative.id:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不能登记一个人和自己的亲属关系。"))
    return snapshot(record_store.create(
        session, Kinship, person=person.id, relative=relative.id, relation=relation))


def close_relatives(person_id: str) -> set[str]:
    """Ids of people declared 近亲属 of `person_id` (either direction)."""
    rows = Kinship.live().where(
        (Kinship.person == person_id) | (Kinship.relative == person_id))
    out = set()
    for link in rows:
        if is_close_relation(link.relation):
            out.add(link.relative_id if link.person_id == person_id else link.person_id)
    return out


@dataclass(frozen=True)
class PersonRow:
    """One line of the register list."""

    id: str
    name: str
    gender: str
    village_group: str
    roles: tuple[str, ...]


def register(search: str = "") -> list[PersonRow]:
    """Every line of the register (not deleted, names containing `search`), by name, with current roles.

    For callers that need the whole list (pickers, reports); the register page
    fetches only the lines it shows (`register_ids` + `register_rows`).
    """
    ids = register_ids(search)
    return [row for start in range(0, len(ids), _WHOLE_CHUNK)
            for row in register_rows(ids[start:start + _WHOLE_CHUNK])]


#: Ids per query when `register()` reads the whole list.
_WHOLE_CHUNK = 500


def register_ids(search: str = "") -> list[str]:
    """The ids of the register's people (not deleted, names containing `search`), by name.

    One SELECT of ids: the register page holds these and fetches the rows it
    shows with `register_rows`, so a register of 100,000 opens at once.
    Equal names keep the order they were entered in, as `register()` lists them.
    """
    search = (search or "").strip()
    # instr(), not LIKE: LIKE on short CJK strings misbehaves in SQLite 3.40.
    where = " AND instr(name, ?) > 0" if search else ""
    # `+deleted`: without statistics SQLite would pick the index on `deleted`
    # (one value for nearly every row) over the one on `name`.
    cursor = database.execute_sql(f"SELECT id FROM person WHERE +deleted = 0{where} ORDER BY name, rowid",
                                  [search] if search else [])
    return [person_id for (person_id,) in cursor]


def register_rows(ids: Sequence[str]) -> list[PersonRow]:
    """The register lines of `ids` with their current roles (one query; deleted people left out).

    In the order of `ids`; meant for a chunk of a few hundred ids, as the
    register page asks (SQLite binds at most 32,766 values).
    """
    ids = list(ids)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    # `+deleted` keeps SQLite on the primary key and the person_id index (see register_ids).
    cursor = database.execute_sql(
        "SELECT p.id, p.name, p.gender, p.village_group,"
        " (SELECT group_concat(r.role, ',') FROM person_role r"
        "  WHERE r.person_id = p.id AND +r.deleted = 0 AND r.end_date = '')"
        f" FROM person p WHERE +p.deleted = 0 AND p.id IN ({marks})", ids)
    found = {pid: PersonRow(pid, name, gender, group, tuple(roles.split(",")) if roles else ())
             for pid, name, gender, group, roles in cursor}
    return [found[pid] for pid in ids if pid in found]


def counts() -> dict[str, int]:
    """People per current role, for the home page."""
    cursor = database.execute_sql(
        "SELECT r.role, count(DISTINCT r.person_id) FROM person_role r JOIN person p ON p.id = r.person_id"
        " WHERE r.deleted = 0 AND p.deleted = 0 AND r.end_date = '' GROUP BY r.role")
    return {role: n for role, n in cursor}
