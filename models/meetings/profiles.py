"""Province rule profiles for meetings, as data.

National law sets the floor; provinces add precision (notice for a 村民代表
会议, whether rules may be adopted by representatives, who may not sit on the
supervision committee...). Each value carries the provision it comes from.
DOMAIN.md §3.2, §4.2, §6.2 are the sources; unknown values stay `None` and the
national rule applies.

Article numbers: 浙江 (2020) and 重庆 (2013) are checked against shared/samples law_02 and
law_03; 山东, 上海, 河南 and 北京 come from DOMAIN §13 (read from LawRefBook/Laws; not among the
samples). Where an article was not confirmed the rule cites the measure without one (山东's
60-day vacancy rule: it is not its art. 31, the exclusions article, DOMAIN §14). The national
default `organic_law(27)` is in 2018 numbering; a finding resolves it for its record's date
with `models.legal.in_force_on`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.legal import LegalBasis, organic_law
from models.meetings.ratios import MORE_THAN_HALF, TWO_THIRDS_OR_MORE, Ratio


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
    #: The provision of the vacancy rule (None with no rule; the measure without article if unconfirmed).
    vacancy_basis: LegalBasis | None = None
    appraisal_min_interval_months: int | None = None
    appraisal_interval_basis: LegalBasis | None = None
    #: 民主评议: the share of the attendees whose 不称职 votes make the verdict 不称职, per body
    #: (组织法 33 sets no threshold; only a province measure does). None: the province is silent.
    appraisal_assembly_ratio: Ratio | None = None
    appraisal_representatives_ratio: Ratio | None = None
    appraisal_threshold_basis: LegalBasis | None = None
    #: 民主评议 of paid staff (聘用人员): the provision that has them dismissed after two consecutive
    #: 不称职 (组织法 33 ends only a 村委会 member's office). None: the province's rule is not recorded.
    appraisal_staff_dismissal_basis: LegalBasis | None = None


def _provincial(name: str, version: str, article: int, code: str) -> LegalBasis:
    return LegalBasis(name, version, article, code)


_ZJ = "浙江省实施《中华人民共和国村民委员会组织法》办法"
_SD = "山东省实施《中华人民共和国村民委员会组织法》办法"
_CQ = "重庆市实施《中华人民共和国村民委员会组织法》办法"
_SH = "上海市实施《中华人民共和国村民委员会组织法》办法"
_HN = "河南省实施《中华人民共和国村民委员会组织法》办法"
_BJ = "北京市实施《中华人民共和国村民委员会组织法》若干规定"
_SX = "陕西省实施《中华人民共和国村民委员会组织法》办法"

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
        # Not 山东 31 (the exclusions article, DOMAIN §14); the article was not confirmed: none cited.
        vacancy_basis=_provincial(_SD, "2012", 0, "shandong"),
        appraisal_min_interval_months=6,
        # 山东 29 per DOMAIN §10; the text was not at hand to confirm the number: cited without it.
        appraisal_interval_basis=_provincial(_SD, "2012", 0, "shandong"),
    ),
    "chongqing": ProvinceProfile(
        "chongqing", _CQ, "2013",
        appraisal_min_interval_months=6,
        # 第三十六条: "对同一评议对象的民主评议,间隔时间不得少于六个月" (shared/samples/law_03).
        appraisal_interval_basis=_provincial(_CQ, "2013", 36, "chongqing"),
        # 第三十六条: "其他评议对象连续两次被评议不称职的,应当予以解聘,一年内不得再次聘用" (law_03).
        appraisal_staff_dismissal_basis=_provincial(_CQ, "2013", 36, "chongqing"),
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
    # 陕西 第三十五条 〔民主评议〕(2011 修订 text, read at fsou.com): "评议为不称职的,应当经村民会议到会
    # 人员过半数,或者经村民代表会议到会人员的三分之二以上通过。" A 2019 修正 exists; its numbering of
    # this article was not confirmed, so the citation names the 2011 text that was read.
    "shaanxi": ProvinceProfile(
        "shaanxi", _SX, "2011",
        appraisal_assembly_ratio=MORE_THAN_HALF,
        appraisal_representatives_ratio=TWO_THIRDS_OR_MORE,
        appraisal_threshold_basis=_provincial(_SX, "2011", 35, "shaanxi"),
    ),
}


def profile(code: str) -> ProvinceProfile:
    """The profile for `code`, falling back to the national one."""
    return PROFILES.get(code, PROFILES["national"])
