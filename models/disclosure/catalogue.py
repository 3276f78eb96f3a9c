"""The disclosure catalogue (公开目录): what a village posts, by category, with its usual period.

Three layers make a village's effective catalogue:

* `SUBJECTS`, built in: 组织法 第三十条 and common practice (DOMAIN §6.1, §6.4);
* `PROVINCE_SUBJECTS`, the extra mandatory items a province's 实施办法 names
  (DOMAIN §6.2), data keyed by the profile code;
* the village's own subjects (`records.DisclosureSubject`, synced), added,
  renamed and deactivated in the app; only the active ones take new items.

Codes are what items store; they never change. Built-in labels are marked for
translation; a village's own labels are its own words.
"""

from __future__ import annotations

from dataclasses import dataclass

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

#: Province profile code -> the extra subjects its 实施办法 names (DOMAIN §6.2), code -> (label, category, period).
#: A code shared by two provinces means the same subject in both.
PROVINCE_SUBJECTS: dict[str, dict[str, tuple[str, str, str]]] = {
    "chongqing": {  # 重庆 第二十七条
        "insurance": (QT_TRANSLATE_NOOP(_C, "参加社会保险情况"), VILLAGE, QUARTER),
        "population": (QT_TRANSLATE_NOOP(_C, "人口变动情况"), VILLAGE, QUARTER),
        "debts": (QT_TRANSLATE_NOOP(_C, "债权债务"), FINANCE, QUARTER),
        "requested": (QT_TRANSLATE_NOOP(_C, "村民联名要求公开的事项"), VILLAGE, AD_HOC),
    },
    "zhejiang": {  # 浙江 第二十九条; the county catalogue's 5 万元以上 major matters
        "medical_aid": (QT_TRANSLATE_NOOP(_C, "医疗救助、临时救助对象和标准"), VILLAGE, QUARTER),
        "extreme_poverty": (QT_TRANSLATE_NOOP(_C, "特困人员供养"), VILLAGE, QUARTER),
        "major_matters": (QT_TRANSLATE_NOOP(_C, "投入资金5万元以上的重大事项"), VILLAGE, AD_HOC),
    },
    "shandong": {  # 山东 第二十七条
        "plan_execution": (QT_TRANSLATE_NOOP(_C, "计划执行情况"), VILLAGE, YEAR),
        "asset_disposal": (QT_TRANSLATE_NOOP(_C, "集体资产处置"), FINANCE, AD_HOC),
        "levies": (QT_TRANSLATE_NOOP(_C, "一事一议筹资筹劳执行情况"), FINANCE, AD_HOC),
    },
    "shanghai": {  # 上海 第二十三条
        "committee_work": (QT_TRANSLATE_NOOP(_C, "村务监督委员会组成及监督情况"), VILLAGE, HALF),
    },
    "henan": {  # 河南 第五十五条
        "household_changes": (QT_TRANSLATE_NOOP(_C, "户籍变动情况"), VILLAGE, QUARTER),
        "cooperative_medical": (QT_TRANSLATE_NOOP(_C, "合作医疗"), VILLAGE, YEAR),
        "utility_fees": (QT_TRANSLATE_NOOP(_C, "水电费收缴"), FINANCE, QUARTER),
        "debts": (QT_TRANSLATE_NOOP(_C, "债权债务"), FINANCE, QUARTER),
    },
}

#: Every built-in code of any profile (an item keeps its label when the village's profile changes).
ALL_BUILTIN: dict[str, tuple[str, str, str]] = {
    **{code: entry for extra in PROVINCE_SUBJECTS.values() for code, entry in extra.items()}, **SUBJECTS}

#: Prefix of the codes of a village's own subjects (never used by a built-in one).
CUSTOM_PREFIX = "custom_"


@dataclass(frozen=True)
class Subject:
    """One entry of a village's catalogue."""

    code: str
    label: str  # built-in: the source text to translate (context "disclosure_catalogue"); own: as typed
    category: str
    period_kind: str
    builtin: bool
    active: bool = True


def is_builtin(code: str) -> bool:
    """A code of the built-in catalogue (of any profile)."""
    return code in ALL_BUILTIN


def builtin_subjects(province: str) -> list[Subject]:
    """The national built-ins, then the province's additions (其他 stays last)."""
    national = {code: entry for code, entry in SUBJECTS.items() if code != "other"}
    entries = {**national, **PROVINCE_SUBJECTS.get(province, {}), "other": SUBJECTS["other"]}
    return [Subject(code, label, category, kind, True) for code, (label, category, kind) in entries.items()]


def effective(province: str, own: list[Subject], include_inactive: bool = False) -> list[Subject]:
    """Built-ins of `province` + the village's own subjects (active only unless asked), by category."""
    order = list(CATEGORIES)
    rows = builtin_subjects(province) + [s for s in own if s.active or include_inactive]
    # Stable sort: within a category the built-ins keep the catalogue's order, the village's own come after.
    return sorted(rows, key=lambda s: (order.index(s.category) if s.category in order else len(order),
                                       not s.builtin))


def period_label(kind: str, period: str) -> str:
    """Periods in words: "2026-10" → 2026年10月, "2026Q3" → 2026年第3季度, 随时 → its event's date."""
    if kind == MONTH and len(period) == 7:
        return f"{period[:4]}年{int(period[5:])}月"
    if kind == QUARTER and "Q" in period:
        return f"{period[:4]}年第{period[-1]}季度"
    if kind == HALF and "H" in period:
        return f"{period[:4]}年{'上' if period.endswith('1') else '下'}半年"
    if kind == YEAR:
        return f"{period[:4]}年"
    if kind == AD_HOC and len(period) == 10:  # the event's date
        return f"随时({int(period[:4])}年{int(period[5:7])}月{int(period[8:])}日事项)"
    return period
