"""Family relations and the 近亲属 rule of 民法典 第一千零四十五条.

近亲属 = 配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女.
Relations are declared one way ("A 是 B 的 父母"); they read both ways (B 是 A 的 子女),
and siblings, grandparents and grandchildren are inferred from parent links:
the 近亲属 checks count them whether or not anyone typed them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.messages import QT_TRANSLATE_NOOP

_C = "kinship"

#: code -> Chinese label. Codes are stable (they travel in packages).
RELATIONS: dict[str, str] = {
    "spouse": QT_TRANSLATE_NOOP(_C, "配偶"),
    "parent": QT_TRANSLATE_NOOP(_C, "父母"),
    "child": QT_TRANSLATE_NOOP(_C, "子女"),
    "sibling": QT_TRANSLATE_NOOP(_C, "兄弟姐妹"),
    "grandparent": QT_TRANSLATE_NOOP(_C, "祖父母、外祖父母"),
    "grandchild": QT_TRANSLATE_NOOP(_C, "孙子女、外孙子女"),
    "in_law": QT_TRANSLATE_NOOP(_C, "姻亲"),
    "other": QT_TRANSLATE_NOOP(_C, "其他亲属"),
}

#: The relations that make two people 近亲属 under 民法典 1045.
CLOSE_RELATIONS = frozenset({"spouse", "parent", "child", "sibling", "grandparent", "grandchild"})


def is_close_relation(relation: str) -> bool:
    """True when `relation` makes two people 近亲属 (symmetric by definition)."""
    return relation in CLOSE_RELATIONS


#: How a link reads from the other side: A 是 B 的父母 ⇒ B 是 A 的子女.
INVERSE: dict[str, str] = {
    "spouse": "spouse",
    "parent": "child",
    "child": "parent",
    "sibling": "sibling",
    "grandparent": "grandchild",
    "grandchild": "grandparent",
    "in_law": "in_law",
    "other": "other",
}


def inverse(relation: str) -> str:
    """The relation read from the other side (an unknown code reads as itself)."""
    return INVERSE.get(relation, relation)


@dataclass(frozen=True)
class Link:
    """A declared link as stored: `person` is `relation` of `relative`."""

    person: str
    relative: str
    relation: str
    link_id: str = ""


@dataclass(frozen=True)
class Relative:
    """Someone related to the person asked about: `other` is `relation` of that person.

    `inferred` relations come from declared ones (`via` is the person they
    go through: the common parent of two siblings, the parent between a
    grandparent and a grandchild); `link_id` is the declared link, "" when inferred.
    """

    other: str
    relation: str
    inferred: bool = False
    via: str = ""
    link_id: str = ""


def declared(person_id: str, links: Iterable[Link]) -> list[Relative]:
    """The declared links of `person_id`, each read from that person's side."""
    out = []
    for link in links:
        if link.relative == person_id and link.person != person_id:
            out.append(Relative(link.person, link.relation, link_id=link.link_id))
        elif link.person == person_id and link.relative != person_id:
            out.append(Relative(link.relative, inverse(link.relation), link_id=link.link_id))
    return out


def _parents_and_children(links: Iterable[Link]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Who are each person's declared parents and children (links read both ways)."""
    parents: dict[str, set[str]] = {}
    children: dict[str, set[str]] = {}
    for link in links:
        if link.person == link.relative:
            continue
        if link.relation == "parent":
            parent, child = link.person, link.relative
        elif link.relation == "child":
            parent, child = link.relative, link.person
        else:
            continue
        parents.setdefault(child, set()).add(parent)
        children.setdefault(parent, set()).add(child)
    return parents, children


def relatives(person_id: str, links: Iterable[Link]) -> list[Relative]:
    """Declared relatives of `person_id` and those inferred from parent links.

    Inferred (民法典 1045 degrees the 近亲属 checks need): two people with a
    common parent are 兄弟姐妹; a parent's parent is a 祖父母/外祖父母, and
    the person is their 孙子女/外孙子女. A relation already declared between
    the same two people is not repeated as inferred. `links` must hold the
    links of the person and of their parents and children (two steps).
    """
    links = list(links)
    out = declared(person_id, links)
    known = {(r.other, r.relation) for r in out}
    parents, children = _parents_and_children(links)

    def add(other: str, relation: str, via: str) -> None:
        if other != person_id and (other, relation) not in known:
            known.add((other, relation))
            out.append(Relative(other, relation, inferred=True, via=via))

    for parent in sorted(parents.get(person_id, ())):
        for sibling in sorted(children.get(parent, ())):
            add(sibling, "sibling", parent)
        for grandparent in sorted(parents.get(parent, ())):
            add(grandparent, "grandparent", parent)
    for child in sorted(children.get(person_id, ())):
        for grandchild in sorted(children.get(child, ())):
            add(grandchild, "grandchild", child)
    return out


def close_relative_ids(person_id: str, links: Iterable[Link]) -> set[str]:
    """Ids of the 近亲属 of `person_id`, declared or inferred (民法典 1045)."""
    return {r.other for r in relatives(person_id, links) if is_close_relation(r.relation)}


def close_relations(person_id: str, links: Iterable[Link]) -> dict[str, str]:
    """The 近亲属 of `person_id` (民法典 1045), each with how they are related.

    Read from that person's side ("sibling": the other is the person's 兄弟姐妹); a declared
    relation is preferred to an inferred one.
    """
    out: dict[str, str] = {}
    for r in sorted(relatives(person_id, links), key=lambda r: r.inferred):
        if is_close_relation(r.relation):
            out.setdefault(r.other, r.relation)
    return out
