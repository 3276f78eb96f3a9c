"""Which 户 each person of a 花名册 belongs to, and who heads it.

Three layouts are common: a 户号 column (often merged over the members'
rows); a 户主 column naming the head on every member's row; and the 户籍
layout, where a "户主" row opens a household and the rows under it (配偶, 长子,
孙女...) belong to it until the next "户主".
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEAD = "户主"
_HEAD_WORDS = ("户主", "本人", "户主本人")


#: 与户主关系 as rosters write it -> the kinship code (models.kinship) of the member to the 户主.
_KIN_WORDS: dict[str, tuple[str, ...]] = {
    "spouse": ("配偶", "妻", "夫", "妻子", "丈夫", "老伴"),
    "child": ("子", "女", "儿子", "女儿", "长子", "次子", "三子", "四子", "五子", "长女", "次女", "三女", "四女",
              "五女", "独子", "独女", "养子", "养女", "继子", "继女", "子女"),
    "parent": ("父亲", "母亲", "父", "母", "父母", "养父", "养母", "继父", "继母"),
    "grandchild": ("孙子", "孙女", "外孙", "外孙子", "外孙女", "孙", "长孙", "次孙", "长孙女", "次孙女"),
    "grandparent": ("祖父", "祖母", "外祖父", "外祖母", "爷爷", "奶奶"),
    "sibling": ("兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹", "兄弟", "姐妹"),
    "in_law": ("儿媳", "女婿", "媳", "公公", "婆婆", "岳父", "岳母", "嫂", "弟媳", "姐夫", "妹夫", "孙媳"),
}
_KIN = {word: code for code, words in _KIN_WORDS.items() for word in words}


def kinship_of(relation: str) -> str | None:
    """The kinship code of a member to the 户主 ("长子" -> child, "之妻" -> spouse), None when unsure."""
    return _KIN.get(relation.removeprefix("之"))


def relation_of(value: object) -> str:
    """与户主关系 as stored (at most 16 characters; "本人" read as 户主)."""
    text = "".join(str(value).split()) if value is not None else ""
    return HEAD if text in _HEAD_WORDS else text[:16]


@dataclass
class HouseholdPlan:
    """A household to find or create: its number, group, address and its members' indexes."""

    key: tuple[str, str]
    number: str
    group: str
    address: str = ""
    members: list[int] = field(default_factory=list)
    head: int | None = None  # index (in the people list) of the 户主, when known


def plan(people: list, has_relation_column: bool) -> list[HouseholdPlan]:
    """Group `people` (objects with name, group, household_no, head_name, relation, address) into households.

    Sets `relation` to 户主 on the member a 户主 column names when the row said nothing.
    """
    found: dict[tuple[str, str], HouseholdPlan] = {}
    current: tuple[str, str] | None = None
    for i, p in enumerate(people):
        key = None
        if p.household_no:
            key = (p.group, "no:" + p.household_no)
        elif p.head_name:
            key = (p.group, "head:" + p.head_name)
        elif has_relation_column:
            if p.relation == HEAD:
                key = (p.group, f"row:{i}")
            elif current is not None and current[0] == p.group:
                key = current
        if key is None:
            current = None
            continue
        current = key
        hh = found.get(key)
        if hh is None:
            hh = found[key] = HouseholdPlan(key, p.household_no, p.group)
        hh.members.append(i)
        if p.address and not hh.address:
            hh.address = p.address
    for hh in found.values():
        heads = [i for i in hh.members if people[i].relation == HEAD]
        if not heads:
            named = {people[i].head_name for i in hh.members if people[i].head_name}
            heads = [i for i in hh.members if people[i].name in named and not people[i].relation]
            for i in heads[:1]:
                people[i].relation = HEAD
        hh.head = heads[0] if heads else None
    return list(found.values())
