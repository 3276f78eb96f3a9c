"""Who may decide what, and by how many votes.

组织法 第二十四、二十七、二十八条; the land laws; 农村集体经济组织法 第二十六、二十七、二十八、六十四条.

The art. 24 matters must be decided by the 村民会议, or by the 村民代表会议
under a recorded authorization (授权) whose scope covers the matter and
which was in force on the meeting day — except the land-contracting matters
the 农村土地承包法 gives the 村民代表会议 directly (`REPRESENTATIVES_MAY_DECIDE`). Adopting 村规民约/章程 belongs to the
村民会议 (warning nationally, error where the province says so).

Other laws take precedence where they say more (组织法 第二十二条 "法律对召开村民会议
及作出决定另有规定的,依照其规定", 第二十四条 last paragraph):

- land: a contracting plan, its adjustment, contracting to outsiders and the
  出让/出租 of 集体经营性建设用地 need 三分之二以上 of *all* members of the 村民会议 or
  of *all* 村民代表 (`vote_rule`), not 过半数 of those present;
- the 成员大会 of a 农村集体经济组织 decides what 集体经济组织法 第二十六条 gives it
  (宅基地, 补偿费, land...), its 成员代表大会 the same except what 第二十八条 keeps for
  the 成员大会; where no such organisation exists the 村民委员会 acts for it
  (第六十四条) and the two-thirds rule applies to those matters at the 村民会议;
- a 村民小组会议 decides its own group's land and property (组织法 第二十八条).

Every 组织法 citation is of the text in force on the meeting day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.legal import (
    COLLECTIVE_ORG_LAW,
    LAND_ADMINISTRATION_LAW,
    LAND_CONTRACT_LAW,
    LegalBasis,
    in_force_on,
    organic_law,
)
from models.meetings import types as mt
from models.meetings.profiles import profile
from models.meetings.quorum import (
    ERROR,
    VOTE_BASE_REPRESENTATIVES,
    WARNING,
    Finding,
    VoteRule,
)
from models.meetings.ratios import TWO_THIRDS_OR_MORE
from models.meetings.types import VOTE_BASE_TOTAL, meeting_type
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "matters"

#: code -> label; the art. 24 list, plus rule adoption and collective property.
MATTERS: dict[str, str] = {
    "subsidy": QT_TRANSLATE_NOOP(_C, "享受误工补贴的人员及补贴标准"),
    "collective_income": QT_TRANSLATE_NOOP(_C, "集体经济所得收益的使用"),
    "public_welfare": QT_TRANSLATE_NOOP(_C, "公益事业兴办和筹资筹劳方案及建设承包方案"),
    "land_contracting": QT_TRANSLATE_NOOP(_C, "土地承包经营方案"),
    "land_adjustment": QT_TRANSLATE_NOOP(_C, "承包期内调整承包地"),
    "land_outsiders": QT_TRANSLATE_NOOP(_C, "将农村土地发包给本集体经济组织以外的单位或者个人"),
    "construction_land": QT_TRANSLATE_NOOP(_C, "集体经营性建设用地出让、出租"),
    "collective_projects": QT_TRANSLATE_NOOP(_C, "集体经济项目的立项、承包方案"),
    "homestead": QT_TRANSLATE_NOOP(_C, "宅基地的使用方案"),
    "land_compensation": QT_TRANSLATE_NOOP(_C, "征地补偿费的使用、分配方案"),
    "property_disposal": QT_TRANSLATE_NOOP(_C, "以借贷、租赁或者其他方式处分村集体财产"),
    "other_major": QT_TRANSLATE_NOOP(_C, "村民会议认为应当由村民会议讨论决定的其他事项"),
    "village_rules": QT_TRANSLATE_NOOP(_C, "制定和修改村规民约、村民自治章程"),
    "collective_member_rights": QT_TRANSLATE_NOOP(_C, "涉及集体经济组织财产和成员权益的事项"),
    "general": QT_TRANSLATE_NOOP(_C, "一般事项"),
}

#: 组织法 第二十四条: the 村民会议's matters (or an authorized 代表会议's). An adjustment of the
#: contracted land and contracting to outsiders are part of the 土地承包经营方案 (item 4); the
#: 出让/出租 of construction land disposes of collective property (item 8).
ART24_MATTERS = frozenset({"subsidy", "collective_income", "public_welfare", "land_contracting",
                           "land_adjustment", "land_outsiders", "construction_land",
                           "collective_projects", "homestead", "land_compensation",
                           "property_disposal", "other_major"})

#: The land matters another law decides by two-thirds of ALL members or ALL 村民代表, each with its provision:
#: 农村土地承包法 (2018) 第十九条第三项 (the contracting plan), 第二十八条 (adjustment), 第五十二条 (outsiders);
#: 土地管理法 (2019) 第六十三条 (集体经营性建设用地 出让、出租).
LAND_RULES: dict[str, LegalBasis] = {
    "land_contracting": LegalBasis(LAND_CONTRACT_LAW, "2018", 19),
    "land_adjustment": LegalBasis(LAND_CONTRACT_LAW, "2018", 28),
    "land_outsiders": LegalBasis(LAND_CONTRACT_LAW, "2018", 52),
    "construction_land": LegalBasis(LAND_ADMINISTRATION_LAW, "2019", 63),
}

#: The land matters a special law lets the 村民代表会议 decide by itself: "村民会议三分之二以上成员或者
#: 三分之二以上村民代表的同意" (农村土地承包法 (2018) 第十九条第三项, 第二十八条, 第五十二条; 土地管理法
#: (2019) 第六十三条 — as issue 17 and DOMAIN §14 state them). The special law gives the representatives
#: the power directly, so no 村民会议 授权 (组织法 第二十四条) is needed; `vote_rule` sets the
#: two-thirds-of-all-representatives vote.
REPRESENTATIVES_MAY_DECIDE = frozenset(LAND_RULES)

#: Collective property and members' rights that 集体经济组织法 第二十六条 gives the 成员大会 and
#: which the 村民委员会 decides in its stead where no 集体经济组织 exists (第六十四条), by two-thirds of all.
COLLECTIVE_PROPERTY_MATTERS = frozenset({"homestead", "land_compensation", "collective_member_rights"})

#: What the 成员大会 may decide (集体经济组织法 第二十六条: land contracting, 宅基地 use, construction
#: land, 土地补偿费 distribution, income distribution, investment, property management...).
COLLECTIVE_DECIDES = frozenset(LAND_RULES) | COLLECTIVE_PROPERTY_MATTERS | {
    "collective_income", "collective_projects", "property_disposal"}

#: What 第二十八条 keeps for the 成员大会: "成员代表大会按照农村集体经济组织章程规定行使本法第二十六条
#: 第一款规定的成员大会部分职权,但是第一项、第三项、第八项、第十项、第十二项规定的职权除外" (quoted by
#: https://zaimingwang.com/cms/zaimingpufa/2615.html, a lawyer's note on 土地补偿费 at the 代表大会).
#: Of those, our matters fall under item 8 (农村土地承包、宅基地使用…方案) and item 10 (土地补偿费等的
#: 分配、使用办法); the item texts are from the 2024 text as adopted (the note quotes them only in part),
#: so the finding cites the article without item numbers.
COLLECTIVE_REPRESENTATIVES_WITHHELD = frozenset({"land_contracting", "land_adjustment", "land_outsiders",
                                                 "homestead", "land_compensation"})

#: 组织法 第二十八条 (2018): "属于村民小组的集体所有的土地、企业和其他财产的经营管理以及公益事项的
#: 办理,由村民小组会议依照有关法律的规定讨论决定" — the group's own land and property.
GROUP_DECIDES = COLLECTIVE_DECIDES | {"public_welfare"}

_VILLAGE_BODIES = frozenset({mt.ASSEMBLY, mt.ASSEMBLY_HOUSEHOLDS, mt.REPRESENTATIVES, mt.GROUP,
                             mt.GROUP_HOUSEHOLDS})
_GROUP_BODIES = frozenset({mt.GROUP, mt.GROUP_HOUSEHOLDS})
_COLLECTIVE_BODIES = frozenset({mt.COLLECTIVE_MEMBERS, mt.COLLECTIVE_REPRESENTATIVES})


@dataclass(frozen=True)
class Authorization:
    """A 村民会议's authorization of the 村民代表会议: which matters, from when, until when."""

    matters: frozenset[str]
    granted_on: date
    expires_on: date | None = None  # usually the end of the 村委会 term

    def covers(self, matter: str, on: date) -> bool:
        """Whether this authorization lets the 代表会议 decide `matter` on `on`."""
        if matter not in self.matters or on < self.granted_on:
            return False
        return self.expires_on is None or on <= self.expires_on


def vote_rule(matter: str, type_code: str) -> VoteRule | None:
    """The passing rule another law sets for `matter` at `type_code` (None: the meeting type's own).

    Two-thirds of *all*: all adults or all households of the 村民会议 / 村民小组会议 (the meeting's
    应到, in its unit), or all 村民代表 of the 代表会议. The collective bodies already vote so.
    """
    if type_code not in _VILLAGE_BODIES:
        return None
    base = VOTE_BASE_REPRESENTATIVES if type_code == mt.REPRESENTATIVES else VOTE_BASE_TOTAL
    if matter in LAND_RULES:
        return VoteRule(TWO_THIRDS_OR_MORE, base, LAND_RULES[matter])
    if matter in COLLECTIVE_PROPERTY_MATTERS:
        return VoteRule(TWO_THIRDS_OR_MORE, base, LegalBasis(COLLECTIVE_ORG_LAW, "2024", 64))
    return None


def who_may_decide(matter: str, type_code: str, on: date, province: str = "national",
                   authorizations: tuple[Authorization, ...] = ()) -> list[Finding]:
    """Findings when `type_code` is not the body that may decide `matter` (or decides it under another law)."""
    if matter not in MATTERS:
        raise KeyError(matter)
    kind = meeting_type(type_code)
    findings: list[Finding] = []
    label = MATTERS[matter]
    if type_code in _COLLECTIVE_BODIES and matter in COLLECTIVE_DECIDES:
        if type_code == mt.COLLECTIVE_REPRESENTATIVES and matter in COLLECTIVE_REPRESENTATIVES_WITHHELD:
            findings.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "“{matter}”是成员大会的职权,按《农村集体经济组织法》不交由成员代表大会行使,"
                    "应当由成员大会决定。"), matter=label), LegalBasis(COLLECTIVE_ORG_LAW, "2024", 28)))
        return findings
    if type_code in _GROUP_BODIES and matter in GROUP_DECIDES:
        return findings  # the group's own land and property: its meeting decides (vote_rule sets the votes)
    if matter in ART24_MATTERS and not kind.is_assembly:
        if kind.is_representatives:
            if matter not in REPRESENTATIVES_MAY_DECIDE and not any(a.covers(matter, on) for a in authorizations):
                findings.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "“{matter}”须由村民会议讨论决定;村民代表会议决定须有村民会议的授权,"
                        "但没有找到在 {on} 有效、包含这一事项的授权记录。"),
                    matter=label, on=on.isoformat()), organic_law(24, on)))
        else:
            findings.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "“{matter}”须由村民会议(或经授权的村民代表会议)讨论决定,{body}不能决定。"),
                matter=label, body=kind.label), organic_law(24, on)))
    if matter == "village_rules" and not kind.is_assembly:
        prof = profile(province)
        severity = prof.rules_by_representatives if kind.is_representatives else ERROR
        findings.append(Finding(severity if severity in (ERROR, WARNING) else WARNING, msg(
            _C, QT_TRANSLATE_NOOP(_C, "村规民约、村民自治章程应当由村民会议制定和修改,本次由{body}表决。"),
            body=kind.label), in_force_on(prof.rules_by_representatives_basis, on)))
    if matter in COLLECTIVE_PROPERTY_MATTERS and type_code in _VILLAGE_BODIES:
        findings.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "“{matter}”涉及集体财产和成员权益:本村设有农村集体经济组织的,应由其成员大会决定;"
                "没有设立的,由村民委员会依法代行,须经全体成员(或全体村民代表)三分之二以上同意,"
                "表决按这一标准计算。"), matter=label),
            LegalBasis(COLLECTIVE_ORG_LAW, "2024", 64)))
    elif matter == "collective_member_rights" and type_code not in _COLLECTIVE_BODIES:
        findings.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "涉及集体经济组织财产和成员权益的事项,按《农村集体经济组织法》应由成员大会"
                "(或成员代表大会)决定,须经全体成员三分之二以上同意。")),
            LegalBasis(COLLECTIVE_ORG_LAW, "2024", 27)))
    return findings
