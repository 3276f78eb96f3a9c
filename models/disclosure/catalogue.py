"""The disclosure catalogue: what a village posts, by category, with its usual period.

Built-in subjects cover 组织法 第三十条 and the common provincial additions
(DOMAIN §6.1–6.4); a village adds its own in the app (they are data).
"""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP

_C = "disclosure_catalogue"

PARTY, VILLAGE, FINANCE = "party", "village", "finance"
CATEGORIES = {
    PARTY: QT_TRANSLATE_NOOP(_C, "党务"),
    VILLAGE: QT_TRANSLATE_NOOP(_C, "村务"),
    FINANCE: QT_TRANSLATE_NOOP(_C, "财务"),
}
MONTH, QUARTER, HALF, YEAR, AD_HOC = "month", "quarter", "half", "year", "ad_hoc"
PERIODS = {
    MONTH: QT_TRANSLATE_NOOP(_C, "每月"), QUARTER: QT_TRANSLATE_NOOP(_C, "每季度"),
    HALF: QT_TRANSLATE_NOOP(_C, "每半年"), YEAR: QT_TRANSLATE_NOOP(_C, "每年"),
    AD_HOC: QT_TRANSLATE_NOOP(_C, "随时"),
}

#: code -> (label, category, usual period)
SUBJECTS: dict[str, tuple[str, str, str]] = {
    "finance_monthly": (QT_TRANSLATE_NOOP(_C, "财务收支"), FINANCE, MONTH),
    "assets": (QT_TRANSLATE_NOOP(_C, "集体资产资源"), FINANCE, HALF),
    "projects": (QT_TRANSLATE_NOOP(_C, "工程项目"), VILLAGE, AD_HOC),
    "relief": (QT_TRANSLATE_NOOP(_C, "低保、救助"), VILLAGE, QUARTER),
    "subsidies": (QT_TRANSLATE_NOOP(_C, "惠农补贴"), FINANCE, QUARTER),
    "homestead": (QT_TRANSLATE_NOOP(_C, "宅基地审批"), VILLAGE, AD_HOC),
    "assembly_decisions": (QT_TRANSLATE_NOOP(_C, "村民会议、村民代表会议决定事项"), VILLAGE, AD_HOC),
    "four_two": (QT_TRANSLATE_NOOP(_C, "四议两公开决议与结果"), VILLAGE, AD_HOC),
    "appraisal": (QT_TRANSLATE_NOOP(_C, "民主评议结果"), VILLAGE, YEAR),
    "audit": (QT_TRANSLATE_NOOP(_C, "审计结果"), FINANCE, AD_HOC),
    "village_affairs": (QT_TRANSLATE_NOOP(_C, "村务工作(季度)"), VILLAGE, QUARTER),
    "party_affairs": (QT_TRANSLATE_NOOP(_C, "党务工作"), PARTY, HALF),
    "other": (QT_TRANSLATE_NOOP(_C, "其他"), VILLAGE, AD_HOC),
}


def period_label(kind: str, period: str) -> str:
    """"2026-10" → "2026年10月", "2026Q3" → "2026年第3季度", "2026H1" → "2026年上半年"."""
    if kind == MONTH and len(period) == 7:
        return f"{period[:4]}年{int(period[5:])}月"
    if kind == QUARTER and "Q" in period:
        return f"{period[:4]}年第{period[-1]}季度"
    if kind == HALF and "H" in period:
        return f"{period[:4]}年{'上' if period.endswith('1') else '下'}半年"
    if kind == YEAR:
        return f"{period[:4]}年"
    return period
