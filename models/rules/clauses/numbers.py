"""Money amounts as villages write them: "50元", "2.5万元", "罚款一千元", "两千块", "五百元".

A fine or a fee is recognised by its amount as much as by the word 罚款, so
the amount pattern is shared by the analyzer's fine and fee readings, and
`parse_amount` gives its value in 元 (for messages and tests).
"""

from __future__ import annotations

import re

from models.chinese_numerals import numeral_value

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

#: Chinese numeral characters that can make up an amount ("一千", "两万五千", "壹佰").
CN_NUMERAL = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿"
#: The currency words that close an amount.
CURRENCY = r"(?:元|块钱|块|圆|人民币)"
#: One amount: "50元", "2.5万元", "1,500 元", "一千元", "两千块", "伍佰元", "500-1000元".
AMOUNT = (rf"(?:[0-9０-９][0-9０-９.,，．]*\s*(?:[万千百萬]\s*)?(?:[-~～至到][0-9０-９.]+\s*(?:[万千百萬]\s*)?)?"
          rf"|[{CN_NUMERAL}]{{1,8}}(?:[-~～至到][{CN_NUMERAL}]{{1,8}})?)\s*{CURRENCY}")
AMOUNT_RE = re.compile(AMOUNT)


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
    value = numeral_value(number)
    return float(value) if value is not None else None
