"""Province profiles known to this release.

Labels only; the rules live with the areas that use them, as data keyed by
these codes (see `models.meetings.profiles`).
"""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP

_C = "provinces"

PROVINCES: dict[str, str] = {
    "national": QT_TRANSLATE_NOOP(_C, "全国通用(仅按国家法律)"),
    "zhejiang": QT_TRANSLATE_NOOP(_C, "浙江省"),
    "chongqing": QT_TRANSLATE_NOOP(_C, "重庆市"),
    "shandong": QT_TRANSLATE_NOOP(_C, "山东省"),
    "shanghai": QT_TRANSLATE_NOOP(_C, "上海市"),
    "henan": QT_TRANSLATE_NOOP(_C, "河南省"),
    "beijing": QT_TRANSLATE_NOOP(_C, "北京市"),
}


def province_label(code: str) -> str:
    """Chinese label of a profile code."""
    return PROVINCES.get(code, code)
