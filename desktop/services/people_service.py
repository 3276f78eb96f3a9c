"""The Person register (人员名册): add, edit and end a person's stay; roles; kinship links read both ways.

Groups and households are `households_service`'s; the field checks are
`person_checks`'; the village's 户数/人口 figures are `village_figures`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.services import (
    households_service,
    person_checks,
    read_models,
    record_store,
    village_figures,
)
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models import entities, person_details
from models.db import database
from models.entities import LEFT_KINDS, Kinship, Person, PersonRole
from models.errors import NotFound, ValidationError
from models.kinship import RELATIONS, Link, close_relations, close_relative_ids, relatives
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.roster.groups import group_order
from models.stored_values import stored_int

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


#: The fields a person's form writes (besides name and gender).
DETAIL_FIELDS = ("birth_year", "birth_month", "village_group", "household_entry", "household_relation",
                 "phone", "note", "household", "ethnicity", "education", "political_status")

#: The choices the form offers (the service takes these, "" and the spellings `models.person_details` knows).
ETHNICITIES = person_details.ETHNICITIES
EDUCATION_LEVELS = entities.EDUCATION_LEVELS
POLITICAL_STATUSES = entities.POLITICAL_STATUSES
PARTY_MEMBER_STATUSES = entities.PARTY_MEMBER_STATUSES


def add_person(session: Session, name: str, gender: str, **details) -> read_models.PersonView:
    """Register a person (name and gender are required; see `person_checks.checked` for the rest).

    A group named here that the village does not have yet is made in the
    same transaction (older callers and imports name groups by their name).
    """
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        values = person_checks.checked(name, gender, details)
        households_service.ensure_group(session, values.get("village_group", ""))
        person = record_store.create(session, Person, **values)
        village_figures.follow_register(session)
    return snapshot(person)


def edit_person(session: Session, person_id: str, name: str, gender: str, **details) -> read_models.PersonView:
    """Change a person's entry (the same checks as `add_person`; the stay's end is `end_stay`'s)."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        current = _person(person_id)
        merged = {f: getattr(current, f) for f in DETAIL_FIELDS if f != "household_entry"}
        merged["household_entry"] = current.__data__.get("household_entry")
        merged.update(details)
        values = person_checks.checked(name, gender, merged, person_id=current.id, left_on=current.left_on)
        households_service.ensure_group(session, values.get("village_group", ""))
        person = record_store.update(session, current, **values)
        village_figures.follow_register(session)
    return snapshot(person)


def end_stay(session: Session, person_id: str, left_on: date | str, kind: str,
             reason: str) -> read_models.PersonView:
    """End a person's stay on the register: dated 迁出/死亡/其他 with a reason, never a deletion.

    The person stays in the database (records that name them keep the
    name) and leaves the default register list, pickers and counts.
    """
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        current = _person(person_id)
        values = person_checks.checked_end(current, left_on, kind, reason)
        person = record_store.update(session, current, **values)
        village_figures.follow_register(session)
    return snapshot(person)


def resume_stay(session: Session, person_id: str) -> read_models.PersonView:
    """Put back on the register a person whose stay was ended by mistake."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        current = _person(person_id)
        if not current.left_on:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}还在名册上。"), name=current.name)
        households_service.check_head(current.__data__.get("household_entry"), current.household_relation, current.id)
        person = record_store.update(session, current, left_on="", left_kind="", left_reason="")
        village_figures.follow_register(session)
    return snapshot(person)


def _person(person_id: str) -> Person:
    person = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))  # noqa: E712
    if person is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个人,可能已被删除。")))
    return person


def person(person_id: str) -> read_models.PersonView:
    """One person's entry."""
    return snapshot(_person(person_id))


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
    """Declare that `person` is `relation` of `relative` (enter it from either side; it reads both ways)."""
    session.require(Permission.EDIT_REGISTER)
    if relation not in RELATIONS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的亲属关系:{relation}"), relation=relation)
    if person.id == relative.id:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不能登记一个人和自己的亲属关系。"))
    with database.atomic():
        first, second = _person(person.id), _person(relative.id)
        existing = Kinship.live().where(
            ((Kinship.person == first.id) & (Kinship.relative == second.id))
            | ((Kinship.person == second.id) & (Kinship.relative == first.id))).first()
        if existing is not None:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "{a}和{b}之间已经登记了亲属关系;要改,先删除原来那条。"), a=first.name, b=second.name)
        link = record_store.create(session, Kinship, person=first.id, relative=second.id, relation=relation)
    return snapshot(link)


def remove_kinship(session: Session, link_id: str) -> None:
    """Remove a declared link (to the 回收站); inferred relations go with the links they came from."""
    session.require(Permission.EDIT_REGISTER)
    link = Kinship.live().where(Kinship.id == link_id).first()
    if link is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "这条亲属关系已不存在。")))
    record_store.soft_delete(session, link)


def _links_near(person_id: str) -> list[Link]:
    """The links of `person_id` and of the people one link away (what inference needs)."""
    def touching(ids: set[str]) -> list[Link]:
        rows = Kinship.live().where(Kinship.person.in_(list(ids)) | Kinship.relative.in_(list(ids)))
        return [Link(r.person_id, r.relative_id, r.relation, r.id) for r in rows]

    own = touching({person_id})
    near = {x for link in own for x in (link.person, link.relative)} | {person_id}
    return touching(near)


@dataclass(frozen=True)
class RelativeRow:
    """A relative of a person for the kinship panel: "`name` 是本人的 `relation`"."""

    person_id: str
    name: str
    relation: str  # a code of models.kinship.RELATIONS, read from the person's side
    inferred: bool
    via_name: str  # the person an inferred relation goes through
    link_id: str  # the declared link, "" when inferred
    on_register: bool


def relatives_of(person_id: str) -> list[RelativeRow]:
    """Declared and inferred relatives of a person, declared first, by name."""
    found = relatives(person_id, _links_near(person_id))
    ids = {r.other for r in found} | {r.via for r in found if r.via}
    people = {p.id: p for p in Person.select(Person.id, Person.name, Person.left_on).where(Person.id.in_(list(ids)))}
    rows = [RelativeRow(r.other, people[r.other].name if r.other in people else "", r.relation, r.inferred,
                        people[r.via].name if r.via in people else "", r.link_id,
                        r.other in people and not people[r.other].left_on)
            for r in found]
    return sorted(rows, key=lambda r: (r.inferred, r.name))


def close_relatives(person_id: str) -> set[str]:
    """Ids of the 近亲属 of `person_id`: declared either way, or inferred (common parent, parent's parent)."""
    return close_relative_ids(person_id, _links_near(person_id))


def close_relatives_with_relation(person_id: str) -> dict[str, str]:
    """The 近亲属 of `person_id` (declared or inferred) -> the relation code, read from that person's side."""
    return close_relations(person_id, _links_near(person_id))


@dataclass(frozen=True)
class PersonRow:
    """One line of the register list."""

    id: str
    name: str
    gender: str
    village_group: str
    roles: tuple[str, ...]
    birth_year: int | None = None
    birth_month: int | None = None
    household_number: str = ""
    household_relation: str = ""
    phone: str = ""
    left_on: str = ""
    left_kind: str = ""
    ethnicity: str = ""  # 民族, "" when not recorded
    education: str = ""  # 文化程度 (EDUCATION_LEVELS)
    political_status: str = ""  # 政治面貌 (POLITICAL_STATUSES)

    def birth_text(self) -> str:
        """出生年月 as the 花名册 writes it: "1968.03", "1968" or ""."""
        if self.birth_year is None:
            return ""
        return f"{self.birth_year}.{self.birth_month:02d}" if self.birth_month else str(self.birth_year)

    def on_register(self) -> bool:
        """True while the person's stay has not ended."""
        return not self.left_on


ON_REGISTER = QT_TRANSLATE_NOOP(_C, "在册")


def status_text(row: PersonRow) -> str:
    """在册, or how and when the person left ("迁出 2026-03-01"), in the source language (reports, CLI)."""
    if row.on_register():
        return ON_REGISTER
    return f"{LEFT_KINDS.get(row.left_kind, row.left_kind)} {row.left_on}"


def register(search: str = "", include_left: bool = False, order: str = "roster") -> list[PersonRow]:
    """Every line of the register (names containing `search`), in `order` (see `register_ids`), with current roles.

    People whose stay ended (迁出/死亡/其他) are left out unless
    `include_left`. For callers that need the whole list (pickers,
    reports); the register page fetches only the lines it shows
    (`register_ids` + `register_rows`).
    """
    ids = register_ids(search, include_left, order)
    return [row for start in range(0, len(ids), _WHOLE_CHUNK)
            for row in register_rows(ids[start:start + _WHOLE_CHUNK])]


#: Ids per query when `register()` reads the whole list.
_WHOLE_CHUNK = 500

#: The orders `register_ids` knows: the roster's (组, 户号, 户主 first) and by name (code point, as SQLite compares).
ORDERS = ("roster", "name", "name_desc")

#: Where people with no group, or a group the village has not recorded, come in the roster order.
_UNRANKED = 1_000_000


def group_ranks() -> dict[str, int]:
    """村民小组 name -> its place in the roster: by the group's position, then its number (一组 < 二组 < … < 十组).

    The groups are few (a village has tens, not thousands), so they are
    ranked here, in Python, with `models.roster.groups.group_order`, and the
    register's one SELECT sorts by the rank.
    """
    cursor = database.execute_sql("SELECT name, position FROM village_group WHERE deleted = 0")
    ordered = sorted(cursor, key=lambda g: (stored_int(g[1], 0), group_order(g[0])))  # text: an older import
    return {name: rank for rank, (name, _position) in enumerate(ordered)}


def register_ids(search: str = "", include_left: bool = False, order: str = "roster") -> list[str]:
    """The ids of the register's people (names containing `search`), in `order`; the departed only if asked.

    `order` "roster" is how a village office reads its 花名册: by 村民小组
    (the group's position, then its number, `group_ranks`), then 户号
    (numerically: 2 before 10), the 户主 first in each household, then the
    others in the order they were entered (a roster lists 户主, 配偶, 子女).
    "name" / "name_desc" sort by name (code points: SQL's order; the 姓名 header sorts
    `register_values(ids, "name")` by pinyin in the register page instead).

    One SELECT of ids: a header sort orders these; the register page opens
    on `register_count` and the page it shows (`register_page`).
    Equal keys keep the order they were entered in.
    """
    query = _RegisterQuery(search, include_left, order)
    cursor = database.execute_sql(f"SELECT p.id {query.source} ORDER BY {query.order()}", query.params())
    return [person_id for (person_id,) in cursor]


def register_count(search: str = "", include_left: bool = False) -> int:
    """How many people the register shows (names containing `search`; the departed only if asked)."""
    if not (search or "").strip():  # per group, from the `person_roster` index alone
        return sum(count for _name, count in _roster_groups(include_left))
    query = _RegisterQuery(search, include_left, "name")
    return database.execute_sql(f"SELECT count(*) {query.source}", query.where_params).fetchone()[0]


def _roster_groups(include_left: bool) -> list[tuple[str, int]]:
    """(村民小组, how many people) in the roster's order of groups, as `register_ids` puts them.

    One GROUP BY over the partial index `person_roster` (migration 0018):
    the register in the roster's order is read one group at a time.
    """
    # Every page asks: the answer is kept until the database changes (this connection's writes,
    # `total_changes`; another's, `data_version`), so scrolling costs one group's page, not a count too.
    connection = database.connection()
    state = (database.database, id(connection), include_left, connection.total_changes,
             connection.execute("PRAGMA data_version").fetchone()[0])
    if _groups_kept.get("state") == state:
        return _groups_kept["groups"]
    ranks = group_ranks()
    where = "" if include_left else " AND left_on = ''"
    counts = database.execute_sql(
        f"SELECT village_group, count(*) FROM person WHERE deleted = 0{where} GROUP BY village_group").fetchall()
    groups = sorted(counts, key=lambda g: (ranks.get(g[0], _UNRANKED), g[0] == "", g[0]))
    _groups_kept.update(state=state, groups=groups)
    return groups


#: `_roster_groups`' last answer and the database state it was read in.
_groups_kept: dict[str, object] = {}


def register_page(search: str, include_left: bool, order: str, offset: int, limit: int,
                  total: int | None = None) -> list[PersonRow]:
    """The register lines at positions offset .. offset+limit-1 in `order` (as `register_ids` orders them).

    One SELECT of the page's ids (`LIMIT … OFFSET`), then their lines
    (`register_rows`). Given `total` (the count), a page in the second half
    is read from the far end in the reversed order, so the end of the
    register costs what its start does.
    """
    if order == "roster" and not (search or "").strip():
        return register_rows(_roster_page(include_left, offset, limit))
    return register_rows(_page_ids(_RegisterQuery(search, include_left, order), offset, limit, total))


def _page_ids(query: _RegisterQuery, offset: int, limit: int, total: int | None) -> list[str]:
    """The ids at offset .. offset+limit-1 of `query`; from the far end when past the middle of `total`."""
    backwards = total is not None and offset > total // 2
    if backwards:
        end = min(offset + limit, total)
        offset, limit = total - end, max(0, end - offset)
    cursor = database.execute_sql(
        f"SELECT p.id {query.source} ORDER BY {query.order(backwards)} LIMIT ? OFFSET ?",
        query.params() + [limit, offset])
    ids = [person_id for (person_id,) in cursor]
    return ids[::-1] if backwards else ids


def _roster_page(include_left: bool, offset: int, limit: int) -> list[str]:
    """The roster's ids at offset .. offset+limit-1, read from the groups the page spans (one query each).

    A group's people come from `person_roster` and only they are sorted
    (户号, 户主 first): a page costs a group's sort, not the register's.
    """
    ids: list[str] = []
    start = 0
    for name, count in _roster_groups(include_left):
        low, high = max(offset, start), min(offset + limit, start + count)
        if low < high:
            query = _RegisterQuery("", include_left, "roster", group=name)
            ids += _page_ids(query, low - start, high - low, count)
        start += count
        if start >= offset + limit:
            break
    return ids


class _RegisterQuery:
    """The register's FROM/WHERE and ORDER BY for a search, a 含已迁出 choice and an order (`ORDERS`)."""

    def __init__(self, search: str, include_left: bool, order: str, group: str | None = None):
        """`group`: only that 村民小组's people, in the roster's order within a group (from `person_roster`)."""
        if order not in ORDERS:
            raise ValueError(order)
        search = (search or "").strip()
        # instr(), not LIKE: LIKE on short CJK strings misbehaves in SQLite 3.40.
        where = " AND instr(p.name, ?) > 0" if search else ""
        self.where_params: list[object] = [search] if search else []
        if not include_left:
            where += " AND p.left_on = ''"
        # `+deleted`: the name order walks the index on `name` (an older file may still have
        # the one on `deleted`); one group's people come from the partial index `person_roster`.
        deleted = "+p.deleted = 0"
        if group is not None:
            deleted = "p.deleted = 0 AND p.village_group = ?"
            self.where_params.insert(0, group)
        self.source = ("FROM person p LEFT JOIN household h ON h.id = p.household_id"
                       f" WHERE {deleted}{where}")
        # (term, descending, its parameters): every term is NOT NULL, so `<` and `=` compare them all.
        self._terms: list[tuple[str, bool, list[object]]] = []
        if order != "roster":
            self._terms = [("p.name", order == "name_desc", []), ("p.rowid", False, [])]
            return
        number = "coalesce(h.number, p.household)"
        if group is not None:
            self._terms = [(term, False, []) for term in (
                f"{number} = ''", f"CAST({number} AS INTEGER)", number, "p.household_relation != '户主'", "p.rowid")]
            return
        ranks = group_ranks()
        # The rank of each group as a CASE over the few group names (bound, not spliced); the rest sort after.
        # (No groups recorded: no CASE at all; a bare number in ORDER BY would name a column.)
        if ranks:
            self._terms.append(("CASE p.village_group" + " WHEN ? THEN ?" * len(ranks) + f" ELSE {_UNRANKED} END",
                                False, [value for name, place in ranks.items() for value in (name, place)]))
        self._terms += [(term, False, []) for term in (
            "p.village_group = ''", "p.village_group", f"{number} = ''", f"CAST({number} AS INTEGER)", number,
            "p.household_relation != '户主'", "p.rowid")]

    def order(self, backwards: bool = False) -> str:
        """The ORDER BY terms (every one turned round when reading from the far end)."""
        return ", ".join(f"{term} DESC" if descending != backwards else term for term, descending, _ in self._terms)

    def params(self) -> list[object]:
        """The WHERE's parameters, then the ORDER BY's."""
        return self.where_params + [value for _, _, params in self._terms for value in params]

    def keys(self) -> tuple[str, list[object]]:
        """The ORDER BY terms as a SELECT list, and their parameters."""
        return ", ".join(term for term, _, _ in self._terms), [v for _, _, params in self._terms for v in params]

    def before(self, key: Sequence[object]) -> tuple[str, list[object]]:
        """SQL true for the rows ordered before a row whose terms are `key`, and its parameters."""
        ors, params = [], []
        for k, (term, descending, _) in enumerate(self._terms):
            ands = [f"({earlier}) = ?" for earlier, _, _ in self._terms[:k]]  # (`x = '' < ?` is `x = ('' < ?)`)
            ands.append(f"({term}) {'>' if descending else '<'} ?")
            ors.append("(" + " AND ".join(ands) + ")")
            for (_, _, earlier_params), value in zip(self._terms[:k + 1], key[:k + 1], strict=True):
                params += [*earlier_params, value]
        return "(" + " OR ".join(ors) + ")", params


def register_position(person_id: str, search: str = "", include_left: bool = False,
                      order: str = "roster") -> int | None:
    """Where `person_id` comes in the register (as `register_ids` orders it), None when it is not shown.

    One count over the register (no id list): the people ordered before
    this person's sort key.
    """
    earlier = 0
    if order == "roster" and not (search or "").strip():  # the groups before the person's, then within it
        found = database.execute_sql("SELECT village_group FROM person WHERE id = ? AND deleted = 0",
                                     [person_id]).fetchone()
        if found is None:
            return None
        for name, count in _roster_groups(include_left):
            if name == found[0]:
                break
            earlier += count
        query = _RegisterQuery("", include_left, order, group=found[0])
    else:
        query = _RegisterQuery(search, include_left, order)
    keys, key_params = query.keys()
    key = database.execute_sql(f"SELECT {keys} {query.source} AND p.id = ?",
                               key_params + query.where_params + [person_id]).fetchone()
    if key is None:
        return None
    before, before_params = query.before(key)
    return earlier + database.execute_sql(f"SELECT count(*) {query.source} AND {before}",
                                          query.where_params + before_params).fetchone()[0]


#: The register's columns a header sorts by (`register_values`), as SQL over person p LEFT JOIN household h.
REGISTER_FIELDS = {
    "name": "p.name",
    "gender": "p.gender",
    "village_group": "p.village_group",
    "roles": "(SELECT group_concat(r.role, ',') FROM person_role r"
             " WHERE r.person_id = p.id AND +r.deleted = 0 AND r.end_date = '')",
    "birth": "p.birth_year, p.birth_month",
    "household": "coalesce(h.number, p.household)",
    "relation": "p.household_relation",
    "status": "p.left_on, p.left_kind",
    "phone": "p.phone",
    "ethnicity": "p.ethnicity",
    "education": "p.education",
    "political_status": "p.political_status",
}


def register_values(ids: Sequence[str], field: str) -> dict[str, tuple]:
    """Person id -> the raw value(s) of one register column (`REGISTER_FIELDS`), for sorting by it.

    One lean query (no row objects): a header click on the register reads
    one column of every match, then sorts in natural order. Many ids: one
    scan of the register, kept to `ids` here (binding 100,000 ids is slower
    and over SQLite's limit of bound values).
    """
    if field not in REGISTER_FIELDS:
        raise ValueError(field)
    ids = list(ids)
    select = f"SELECT p.id, {REGISTER_FIELDS[field]} FROM person p LEFT JOIN household h ON h.id = p.household_id"
    if len(ids) > 2_000:  # most of the register: one scan beats binding every id
        wanted = set(ids)
        cursor = database.execute_sql(f"{select} WHERE +p.deleted = 0")
        return {row[0]: row[1:] for row in cursor if row[0] in wanted}
    marks = ", ".join("?" * len(ids))
    cursor = database.execute_sql(f"{select} WHERE +p.deleted = 0 AND p.id IN ({marks})", ids) if ids else []
    return {row[0]: row[1:] for row in cursor}


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
        "  WHERE r.person_id = p.id AND +r.deleted = 0 AND r.end_date = ''),"
        " p.birth_year, p.birth_month, coalesce(h.number, p.household), p.household_relation, p.phone,"
        " p.left_on, p.left_kind, p.ethnicity, p.education, p.political_status"
        " FROM person p LEFT JOIN household h ON h.id = p.household_id"
        f" WHERE +p.deleted = 0 AND p.id IN ({marks})", ids)
    # 出生年月 stored as text by an older import reads as unknown (`stored_int`), never breaking the list.
    found = {row[0]: PersonRow(row[0], row[1], row[2], row[3], tuple(row[4].split(",")) if row[4] else (),
                               stored_int(row[5]), stored_int(row[6]), *row[7:])
             for row in cursor}
    return [found[pid] for pid in ids if pid in found]


def counts() -> dict[str, int]:
    """People on the register per current role, for the home page.

    The 监委会 is counted from its seats today (村务监督 → 成员, `terms_service.committee_members_on`),
    the same answer the meetings and the sign-offs use: a village that formed its committee there
    has no 监委会 role on the register, and the home page said 0 人. The seats alone decide, also when
    there are none today (a term over, every member gone): an old 监委会 role on the register is not
    a seat, and counting it would show a committee that cannot sign anything.
    """
    from desktop.services import terms_service  # imports this module: only when called

    cursor = database.execute_sql(
        "SELECT r.role, count(DISTINCT r.person_id) FROM person_role r JOIN person p ON p.id = r.person_id"
        " WHERE r.deleted = 0 AND p.deleted = 0 AND p.left_on = '' AND r.end_date = '' GROUP BY r.role")
    found = {role: n for role, n in cursor}
    found.pop("sc_chair", None)
    found.pop("sc_member", None)
    seats = terms_service.committee_members_on()
    chairs = {s.person_id for s in seats if s.chair}
    members = {s.person_id for s in seats if not s.chair} - chairs
    if chairs:
        found["sc_chair"] = len(chairs)
    if members:
        found["sc_member"] = len(members)
    return found


def has_anyone() -> bool:
    """True when the register has ever had someone (on it or left): a fresh village shows its empty state."""
    return database.execute_sql("SELECT 1 FROM person WHERE deleted = 0 LIMIT 1").fetchone() is not None
