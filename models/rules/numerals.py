"""Chinese numerals as written in article numbers: 一, 十二, 二十六, 一百零五, 〇, 两."""

from __future__ import annotations

from models.chinese_numerals import numeral_value

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_number(text: str) -> int | None:
    """`二十六` → 26, `26` → 26, `十` → 10; None when `text` is not a number."""
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return numeral_value(text)


NUMERAL_CHARS = "零〇一二三四五六七八九十百千两0-9０-９"
