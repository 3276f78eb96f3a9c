"""村民小组 names as rosters spell them: "第一组", "一组", "1组", "第一村民小组" are one group.

A roster names its groups its own way; the register may already spell them
another. Import keeps the register's spelling (or the file's first one) for
every spelling of the same group, so no second "一组" appears beside "第一组".
"""

from __future__ import annotations

import re
import unicodedata

_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_NUMBERED = re.compile(r"^第?([零一二三四五六七八九十百\d]+)(?:村民小组|村民组|小组|组)$")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 二十三 → 23, "12" → 12; None for anything else."""
    if text.isdigit():
        return int(text)
    digits = [_NUMERALS.get(ch) for ch in text]
    if not digits or None in digits:
        return None
    if len(digits) == 1:
        return digits[0]
    if digits[0] == 10 and len(digits) == 2:
        return 10 + digits[1]
    if len(digits) == 2 and digits[1] == 10:
        return digits[0] * 10
    if len(digits) == 3 and digits[1] == 10:
        return digits[0] * 10 + digits[2]
    return None


def group_key(name: str) -> str:
    """What two spellings of a group share: "第一组", "一组", "1组" and "第一村民小组" all give "1"."""
    text = "".join(unicodedata.normalize("NFKC", name).split())
    m = _NUMBERED.match(text)
    if m:
        n = chinese_number(m[1])
        if n is not None:
            return str(n)
    return text


def group_order(name: str) -> tuple[int, str]:
    """一组 before 二组 before 十一组 (and 2组 before 10组); named groups after numbered ones."""
    key = group_key(name)
    return (int(key), name) if key.isdigit() else (10_000, name)
