"""Province profiles known to this release.

Labels and each province's implementing measure (name, version, where its text was read);
the rules live with the areas that use them, as data keyed by these codes, each rule with
its article (see `models.meetings.profiles`, `models.disclosure.calendar`).
"""

from __future__ import annotations

from dataclasses import dataclass

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


def profile_of_code(code: str) -> str:
    """The profile a region code's first two digits name (330106 → zhejiang), "national" if none.

    A county's profile is what every township it enrols, and every village they enrol, starts
    with; the wizard and `cunwu init county` take it from the code unless the person names one.
    """
    prefix = (code or "").strip()[:2]
    return next((p for p, c in PROVINCE_CODES.items() if c == prefix), "national")


def province_label(code: str) -> str:
    """Chinese label of a profile code."""
    return PROVINCES.get(code, code)


@dataclass(frozen=True)
class Measure:
    """A province's 实施办法: its title, the version cited, and where its articles were checked.

    `checked_in` names the text an article number was read from; rules citing a measure whose
    text was not at hand cite it without an article (never a guessed number).
    """

    name: str
    version: str
    checked_in: str


#: Profile code -> the implementing measure its rules cite (DOMAIN §13).
MEASURES: dict[str, Measure] = {
    "zhejiang": Measure("浙江省实施《中华人民共和国村民委员会组织法》办法", "2020",
                        "shared/samples/law_02_zhejiang_shishi_banfa_2020.txt"),
    "chongqing": Measure("重庆市实施《中华人民共和国村民委员会组织法》办法", "2013",
                         "shared/samples/law_03_chongqing_shishi_banfa_2013.txt"),
    "shandong": Measure("山东省实施《中华人民共和国村民委员会组织法》办法", "2012",
                        "DOMAIN §13 [SD] (LawRefBook/Laws; not among the samples)"),
    "shanghai": Measure("上海市实施《中华人民共和国村民委员会组织法》办法", "2017",
                        "DOMAIN §13 [SH] (LawRefBook/Laws; not among the samples)"),
    "henan": Measure("河南省实施《中华人民共和国村民委员会组织法》办法", "2011",
                     "DOMAIN §13 [HN] (LawRefBook/Laws; not among the samples)"),
    "beijing": Measure("北京市实施《中华人民共和国村民委员会组织法》若干规定", "2012",
                       "DOMAIN §13 [BJ] (LawRefBook/Laws; not among the samples)"),
    "shaanxi": Measure("陕西省实施《中华人民共和国村民委员会组织法》办法", "2011",
                       "art. 35 (民主评议) read in the 2011 修订 text at fsou.com via the search tool; "
                       "a 2019 修正 exists, its numbering not checked"),
}
