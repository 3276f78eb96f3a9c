"""Natural order for Chinese names and labels: "第二村" before "第十村", "城关3组" before "城关12组".

Village and group names carry numbers in Chinese numerals as often as in
digits. Sorting them as text puts "十一" before "二"; here every run of
numerals (一二三…十百千万, 〇/零, 两) or digits becomes its number, so a
table sorted by name reads the way people count. Pure: the screen adds
pinyin collation of the rest (`ui` uses QCollator on `with_arabic_numbers`).
"""

from __future__ import annotations

import re

from models.chinese_numerals import numeral_value

#: A numeral run starts with a digit or 十 ("十里村" is 10); 百/千/万 alone are words ("万家村").
_RUN = re.compile(r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*")
_PARTS = re.compile(r"(\d+)")


def chinese_number(run: str) -> int:
    """The value of a run of Chinese numerals: "十二" 12, "一百零五" 105, "二〇二六" 2026 (digit by digit)."""
    return numeral_value(run) or 0


def with_arabic_numbers(text: str) -> str:
    """`text` with every Chinese numeral run written in digits ("第十二村" → "第12村")."""
    return _RUN.sub(lambda m: str(chinese_number(m.group(0))), text or "")


def natural_key(text: str) -> tuple:
    """A sort key: numbers (in digits or Chinese numerals) compare as numbers, the rest as text."""
    out = []
    for i, part in enumerate(_PARTS.split(with_arabic_numbers(text))):
        if i % 2:
            out.append((0, int(part), ""))
        elif part:
            out.append((1, 0, part))
    return tuple(out)
