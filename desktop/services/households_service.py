"""村民小组 and 户 as data: the village's groups (named, ordered) and its households with their 户主.

A person names their group by its name (`Person.village_group`) and belongs
to a household through `Person.household_entry`, with their 与户主关系 in
`Person.household_relation` ("户主" marks the head; one per household).
Renaming a group rewrites the name on its people and households in the
same transaction, so every record reads the new name at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services import record_store
from desktop.services.no_id_numbers import refuse_id_number
from desktop.services.session import Session
from models.db import database
from models.entities import Household, Kinship, Person, VillageGroup
from models.errors import NotFound, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "people"

#: The 与户主关系 that marks a household's head.
HEAD = "户主"
#: The usual answers of a 户口簿's 与户主关系 column (offered in the form; other text is accepted).
HOUSEHOLD_RELATIONS = ("户主", "配偶", "子", "女", "儿媳", "女婿", "孙子", "孙女", "父亲", "母亲",
                       "兄弟", "姐妹", "其他")


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


# ----- 村民小组 ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupRow:
    """One 村民小组 with how many people on the register and households it has."""

    id: str
    name: str
    position: int
    note: str
    people: int
    households: int


def _live_groups():
    return VillageGroup.select().where(VillageGroup.deleted == False)  # noqa: E712


def group_names() -> list[str]:
    """The groups' names in their order (for pickers)."""
    return [g.name for g in _live_groups().order_by(VillageGroup.position, VillageGroup.name)]


def list_groups() -> list[GroupRow]:
    """Every group in order, with its people on the register and its households."""
    people = dict(database.execute_sql(
        "SELECT village_group, count(*) FROM person WHERE deleted = 0 AND left_on = '' GROUP BY village_group"
    ).fetchall())
    households = dict(database.execute_sql(
        "SELECT village_group, count(*) FROM household WHERE deleted = 0 GROUP BY village_group").fetchall())
    return [GroupRow(g.id, g.name, g.position, g.note, people.get(g.name, 0), households.get(g.name, 0))
            for g in _live_groups().order_by(VillageGroup.position, VillageGroup.name)]


def _group(group_id: str) -> VillageGroup:
    group = _live_groups().where(VillageGroup.id == group_id).first()
    if group is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个村民小组,可能已被删除。")))
    return group


def _check_group_name(name: str, keep_id: str = "") -> str:
    name = (name or "").strip()
    if not 1 <= len(name) <= 32:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写村民小组的名称(最多 32 个字)。"))
    clash = _live_groups().where(VillageGroup.name == name)
    if keep_id:
        clash = clash.where(VillageGroup.id != keep_id)
    if clash.exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已经有一个叫“{name}”的村民小组。"), name=name)
    return name


def add_group(session: Session, name: str, note: str = "") -> GroupRow:
    """Add a group at the end of the order."""
    session.require(Permission.EDIT_REGISTER)
    name = _check_group_name(name)
    with database.atomic():
        last = max((g.position for g in _live_groups()), default=0)
        group = record_store.create(session, VillageGroup, name=name, position=last + 1, note=note.strip())
    return GroupRow(group.id, group.name, group.position, group.note, 0, 0)


def ensure_group(session: Session, name: str) -> None:
    """Make the group `name` if the village has none of that name (an import or an older caller names it)."""
    name = (name or "").strip()
    if name and not _live_groups().where(VillageGroup.name == name).exists():
        add_group(session, name)


def rename_group(session: Session, group_id: str, new_name: str) -> None:
    """Rename a group and, in the same transaction, the group name on its people and households."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        group = _group(group_id)
        new_name = _check_group_name(new_name, keep_id=group.id)
        old = group.name
        if new_name == old:
            return
        record_store.update(session, group, name=new_name)
        for person in Person.select().where((Person.deleted == False) & (Person.village_group == old)):  # noqa: E712
            record_store.update(session, person, village_group=new_name)
        for household in Household.select().where((Household.deleted == False)  # noqa: E712
                                                  & (Household.village_group == old)):
            record_store.update(session, household, village_group=new_name)


def move_group(session: Session, group_id: str, step: int) -> None:
    """Move a group one place up (`step` -1) or down (+1) in the order."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        ordered = list(_live_groups().order_by(VillageGroup.position, VillageGroup.name))
        index = next((i for i, g in enumerate(ordered) if g.id == group_id), None)
        if index is None:
            raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个村民小组,可能已被删除。")))
        target = index + (1 if step > 0 else -1)
        if not 0 <= target < len(ordered):
            return
        ordered[index], ordered[target] = ordered[target], ordered[index]
        for position, group in enumerate(ordered, start=1):
            if group.position != position:
                record_store.update(session, group, position=position)


def remove_group(session: Session, group_id: str) -> None:
    """Remove an empty group (to the 回收站); refused while people on the register or households name it."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        group = _group(group_id)
        people = Person.select().where((Person.deleted == False) & (Person.left_on == "")  # noqa: E712
                                       & (Person.village_group == group.name)).count()
        households = Household.select().where((Household.deleted == False)  # noqa: E712
                                              & (Household.village_group == group.name)).count()
        if people or households:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "“{name}”还有 {people} 人、{households} 户,不能删除。先把他们改到别的小组。"),
                name=group.name, people=people, households=households)
        record_store.soft_delete(session, group)


# ----- 户 ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HouseholdRow:
    """One household: its 户号, group, address, 户主 and members on the register."""

    id: str
    number: str
    village_group: str
    address: str
    note: str
    head: str  # the 户主's name, "" when none is marked
    members: int

    def label(self) -> str:
        """户号 and 户主 as a picker shows them ("0012 王建国户")."""
        return f"{self.number} {self.head}户".strip() if self.head else self.number


def _live_households():
    return Household.select().where(Household.deleted == False)  # noqa: E712


def list_households(group: str | None = None) -> list[HouseholdRow]:
    """The households (of one group when given), by 户号, with their 户主 and members on the register."""
    where = " AND h.village_group = ?" if group is not None else ""
    cursor = database.execute_sql(
        "SELECT h.id, h.number, h.village_group, h.address, h.note,"
        " (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.deleted = 0 AND p.left_on = ''"
        "  AND p.household_relation = ? LIMIT 1),"
        " (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted = 0 AND p.left_on = '')"
        f" FROM household h WHERE h.deleted = 0{where} ORDER BY h.village_group, h.number, h.rowid",
        [HEAD] + ([group] if group is not None else []))
    return [HouseholdRow(i, n, g, a, note, head or "", count) for i, n, g, a, note, head, count in cursor]


def household(household_id: str) -> HouseholdRow:
    """One household by id."""
    found = [h for h in list_households() if h.id == household_id]
    if not found:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一户,可能已被删除。")))
    return found[0]


def _check_household(number: str, group: str, address: str, keep_id: str = "") -> tuple[str, str, str]:
    number, group, address = (number or "").strip(), (group or "").strip(), (address or "").strip()
    if not 1 <= len(number) <= 32:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写户号(最多 32 个字)。"))
    if len(address) > 128:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "住址最多 128 个字。"))
    refuse_id_number("number", number)
    refuse_id_number("address", address)
    if group and not _live_groups().where(VillageGroup.name == group).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有叫“{name}”的村民小组,请先在“小组与户”里新增。"), name=group)
    clash = _live_households().where(Household.number == number)
    if keep_id:
        clash = clash.where(Household.id != keep_id)
    if clash.exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "户号“{number}”已经登记过了。"), number=number)
    return number, group, address


def add_household(session: Session, number: str, village_group: str = "", address: str = "",
                  note: str = "") -> HouseholdRow:
    """Register a household (户号 unique in the village)."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        number, village_group, address = _check_household(number, village_group, address)
        refuse_id_number("note", note or "")
        made = record_store.create(session, Household, number=number, village_group=village_group,
                                   address=address, note=(note or "").strip())
    return HouseholdRow(made.id, made.number, made.village_group, made.address, made.note, "", 0)


def edit_household(session: Session, household_id: str, number: str, village_group: str, address: str,
                   note: str = "") -> None:
    """Change a household's 户号, group, address or note."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        row = _live_households().where(Household.id == household_id).first()
        if row is None:
            raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一户,可能已被删除。")))
        number, village_group, address = _check_household(number, village_group, address, keep_id=row.id)
        refuse_id_number("note", note or "")
        record_store.update(session, row, number=number, village_group=village_group, address=address,
                            note=(note or "").strip())


def remove_household(session: Session, household_id: str) -> None:
    """Remove a household with nobody in it (to the 回收站)."""
    session.require(Permission.EDIT_REGISTER)
    with database.atomic():
        row = _live_households().where(Household.id == household_id).first()
        if row is None:
            raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一户,可能已被删除。")))
        members = Person.select().where((Person.deleted == False)  # noqa: E712
                                        & (Person.household_entry == row.id)).count()
        if members:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "这一户还登记着 {n} 人,不能删除。"), n=members)
        record_store.soft_delete(session, row)


def check_head(household_id: str | None, relation: str, person_id: str = "") -> None:
    """Refuse a second 户主: `relation` "户主" in a household that already has one on the register."""
    if not household_id or relation != HEAD:
        return
    query = Person.select(Person.name).where(
        (Person.deleted == False) & (Person.left_on == "")  # noqa: E712
        & (Person.household_entry == household_id) & (Person.household_relation == HEAD))
    if person_id:
        query = query.where(Person.id != person_id)
    other = query.first()
    if other is not None:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "这一户的户主已经是{name}。一户只有一个户主;先把{name}的与户主关系改掉。"), name=other.name)


def check_restorable(row: VillageGroup | Household | Kinship) -> None:
    """Refuse to bring back a group, household or link that would clash with one made since it was removed."""
    if isinstance(row, VillageGroup):
        if _live_groups().where(VillageGroup.name == row.name).exists():
            raise _invalid(QT_TRANSLATE_NOOP(_C, "已经有一个叫“{name}”的村民小组,不能再恢复同名的。"), name=row.name)
    elif isinstance(row, Household):
        if _live_households().where(Household.number == row.number).exists():
            raise _invalid(QT_TRANSLATE_NOOP(_C, "户号“{number}”已经登记过了,不能再恢复。"), number=row.number)
    elif Kinship.live().where(
            ((Kinship.person == row.person_id) & (Kinship.relative == row.relative_id))
            | ((Kinship.person == row.relative_id) & (Kinship.relative == row.person_id))).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这两人之间已经登记了亲属关系,不能再恢复这一条。"))
