"""The value of a run of Chinese numerals, the one reading every part of the app shares.

Article numbers ("第二十六条"), village and group names ("第十二村"), amounts in a
village rule ("罚款一千元", "伍佰元", "两万五千元") and years written digit by digit
("二〇二六") are all read here, so "一百零五" means 105 wherever it is written.
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
          "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}


def numeral_value(run: str) -> int | None:
    """`十二` 12, `一百零五` 105, `两万五千` 25000, `伍佰` 500, `二〇二六` 2026; None if not all numerals.

    A run of two or more bare digits with no unit is read digit by digit, as a year or a
    number written "一〇五" is meant.
    """
    if not run:
        return None
    if len(run) > 1 and all(c in DIGITS for c in run):
        return int("".join(str(DIGITS[c]) for c in run))
    total = section = current = 0
    for c in run:
        if c in DIGITS:
            current = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (current or 1) * SMALL_UNITS[c]
            current = 0
        elif c in BIG_UNITS:
            total += (section + current) * BIG_UNITS[c]
            section = current = 0
        else:
            return None
    return total + section + current
