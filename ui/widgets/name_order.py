"""Chinese names in the order people look them up: by 拼音, not by Unicode code point.

SQLite compares names by code point, so 严 comes before 何 before 冯: no one
looks a name up that way. Qt's `QCollator` for zh_CN sorts by pinyin where
the platform's collation knows it: ICU on Linux (bundled with the PySide6
wheels) and Windows' own `CompareStringEx` (whose zh-CN default is the
pronunciation order). Where it does not (a Qt built without ICU falls back
to code points), `pinyin_sorted` keeps the order it was given: the service's
roster order (组, 户号, 户主 first), which a village office also reads by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QCollator, QLocale

T = TypeVar("T")


@cache
def _collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)  # 2组 before 10组 in labels that carry numbers
    return collator


@cache
def pinyin_available() -> bool:
    """True when the collator really sorts by pinyin (阿 陈 冯 何 严, not 严 何 冯 by code point)."""
    c = _collator()
    return c.compare("阿", "陈") < 0 and c.compare("冯", "何") < 0 and c.compare("何", "严") < 0


def pinyin_sorted(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:
    """`items` by `name(item)` in pinyin order (stable); in the given order when pinyin is not available."""
    items = list(items)
    if not pinyin_available():
        return items
    key = _collator().sortKey
    return sorted(items, key=lambda item: key(name(item)))
