"""Province rule profiles for meetings, as data.

National law sets the floor; provinces add precision (notice for a 村民代表
会议, whether rules may be adopted by representatives, who may not sit on the
supervision committee...). Each value carries the provision it comes from.
DOMAIN.md §3.2, §4.2, §6.2 are the sources; unknown values stay `None` and the
national rule applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.legal import LegalBasis, organic_law


@dataclass(frozen=True)
class ProvinceProfile:
    """Meeting-related rules of one province (national defaults where silent)."""

    code: str
    law_name: str = ""  # the provincial implementing measure
    law_version: str = ""
    representatives_notice_days: int | None = None
    representatives_notice_basis: LegalBasis | None = None
    #: Adopting 村规民约/章程 at a 村民代表会议: "warning" (national) or "error".
    rules_by_representatives: str = "warning"
    rules_by_representatives_basis: LegalBasis = field(default_factory=lambda: organic_law(27))
    #: Extra posts barred from the 村务监督委员会 (besides 村委会 members and 近亲属).
    committee_extra_exclusions: tuple[str, ...] = ()
    committee_size: tuple[int, int] = (3, 5)
    committee_exclusions_basis: LegalBasis | None = None
    #: Roles whose *close relatives* are excluded too (上海: 集体经济组织管理人员).
    committee_relative_exclusions: tuple[str, ...] = ()
    vacancy_days: int | None = None
    appraisal_min_interval_months: int | None = None


def _provincial(name: str, version: str, article: int, code: str) -> LegalBasis:
    return LegalBasis(name, version, article, code)


_ZJ = "浙江省实施《中华人民共和国村民委员会组织法》办法"
_SD = "山东省实施《中华人民共和国村民委员会组织法》办法"
_CQ = "重庆市实施《中华人民共和国村民委员会组织法》办法"
_SH = "上海市实施《中华人民共和国村民委员会组织法》办法"
_HN = "河南省实施《中华人民共和国村民委员会组织法》办法"
_BJ = "北京市实施《中华人民共和国村民委员会组织法》若干规定"

PROFILES: dict[str, ProvinceProfile] = {
    "national": ProvinceProfile("national"),
    "zhejiang": ProvinceProfile(
        "zhejiang", _ZJ, "2020",
        representatives_notice_days=3,
        representatives_notice_basis=_provincial(_ZJ, "2020", 23, "zhejiang"),
        committee_extra_exclusions=("clerk", "accountant"),
        committee_exclusions_basis=_provincial(_ZJ, "2020", 30, "zhejiang"),
    ),
    "shandong": ProvinceProfile(
        "shandong", _SD, "2012",
        representatives_notice_days=5,
        representatives_notice_basis=_provincial(_SD, "2012", 24, "shandong"),
        committee_extra_exclusions=("accountant",),
        committee_exclusions_basis=_provincial(_SD, "2012", 31, "shandong"),
        vacancy_days=60,
        appraisal_min_interval_months=6,
    ),
    "chongqing": ProvinceProfile(
        "chongqing", _CQ, "2013",
        appraisal_min_interval_months=6,
    ),
    "shanghai": ProvinceProfile(
        "shanghai", _SH, "2017",
        rules_by_representatives="error",
        rules_by_representatives_basis=_provincial(_SH, "2017", 16, "shanghai"),
        committee_extra_exclusions=("accountant", "collective_manager"),
        committee_relative_exclusions=("collective_manager",),
        committee_exclusions_basis=_provincial(_SH, "2017", 25, "shanghai"),
        committee_size=(3, 7),
    ),
    "henan": ProvinceProfile(
        "henan", _HN, "2011",
        committee_extra_exclusions=("accountant",),
        committee_exclusions_basis=_provincial(_HN, "2011", 56, "henan"),
        committee_size=(3, 5),
    ),
    "beijing": ProvinceProfile("beijing", _BJ, "2012"),
}


def profile(code: str) -> ProvinceProfile:
    """The profile for `code`, falling back to the national one."""
    return PROFILES.get(code, PROFILES["national"])
