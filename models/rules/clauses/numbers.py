"""Money amounts as villages write them: "50元", "2.5万元", "罚款一千元", "两千块", "五百元".

A fine or a fee is recognised by its amount as much as by the word 罚款, so
the amount pattern is shared by the analyzer's fine and fee readings, and
`parse_amount` gives its value in 元 (for messages and tests).
"""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
           "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

#: Chinese numeral characters that can make up an amount ("一千", "两万五千", "壹佰").
CN_NUMERAL = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿"
#: The currency words that close an amount.
CURRENCY = r"(?:元|块钱|块|圆|人民币)"
#: One amount: "50元", "2.5万元", "1,500 元", "一千元", "两千块", "伍佰元", "500-1000元".
AMOUNT = (rf"(?:[0-9０-９][0-9０-９.,，．]*\s*(?:[万千百萬]\s*)?(?:[-~～至到][0-9０-９.]+\s*(?:[万千百萬]\s*)?)?"
          rf"|[{CN_NUMERAL}]{{1,8}}(?:[-~～至到][{CN_NUMERAL}]{{1,8}})?)\s*{CURRENCY}")
AMOUNT_RE = re.compile(AMOUNT)


def _chinese(text: str) -> int | None:
    total, section, current = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (current or 1) * _SMALL_UNITS[ch]
            current = 0
        elif ch in _BIG_UNITS:
            total += (section + current) * _BIG_UNITS[ch]
            section, current = 0, 0
        else:
            return None
    return total + section + current


def parse_amount(text: str) -> float | None:
    """The value in 元 of the first amount in `text` ("罚款一千元" → 1000, "2.5万元" → 25000), or None."""
    match = AMOUNT_RE.search(text)
    if not match:
        return None
    number = re.sub(rf"\s|{CURRENCY}", "", match.group(0)).translate(_FULLWIDTH)
    number = re.split(r"[-~～至到]", number)[0]
    arabic = re.fullmatch(r"([0-9][0-9.,]*)([万千百萬]?)", number)
    if arabic:
        digits = arabic.group(1).replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        return value * {"": 1, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000}[arabic.group(2)]
    value = _chinese(number)
    return float(value) if value is not None else None
