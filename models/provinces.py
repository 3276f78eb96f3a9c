"""Province profiles known to this release.

Labels only; the rules live with the areas that use them, as data keyed by
these codes (see `models.meetings.profiles`).
"""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP

_C = "provinces"

#: Each profile's province code in the 统计用区划代码 (the first two digits of its villages' codes).
PROVINCE_CODES: dict[str, str] = {
    "beijing": "11", "shanghai": "31", "zhejiang": "33", "shandong": "37", "henan": "41", "chongqing": "50",
    "shaanxi": "61",
}

_LABELS: dict[str, str] = {
    "national": QT_TRANSLATE_NOOP(_C, "全国通用(仅按国家法律)"),
    "zhejiang": QT_TRANSLATE_NOOP(_C, "浙江省"),
    "chongqing": QT_TRANSLATE_NOOP(_C, "重庆市"),
    "shandong": QT_TRANSLATE_NOOP(_C, "山东省"),
    "shanghai": QT_TRANSLATE_NOOP(_C, "上海市"),
    "henan": QT_TRANSLATE_NOOP(_C, "河南省"),
    "beijing": QT_TRANSLATE_NOOP(_C, "北京市"),
    "shaanxi": QT_TRANSLATE_NOOP(_C, "陕西省"),
}

#: Profile code -> label, in the order every list shows them: 全国通用 first, then by the
#: 统计用区划代码 province code (11 北京 … 65 新疆), the order of every official table.
PROVINCES: dict[str, str] = dict(sorted(_LABELS.items(), key=lambda kv: PROVINCE_CODES.get(kv[0], "00")))


def province_label(code: str) -> str:
    """Chinese label of a profile code."""
    return PROVINCES.get(code, code)
