"""Family relations and the 近亲属 rule of 民法典 第一千零四十五条.

近亲属 = 配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女.
Relations are declared one way ("A 是 B 的 父亲"); the check looks both ways.
"""

from __future__ import annotations

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
