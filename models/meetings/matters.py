"""Who may decide what (组织法 第二十四条, 第二十七条; 集体经济组织法 第二十七、二十八条).

The art. 24 matters must be decided by the 村民会议, or by the 村民代表会议
under a recorded authorization (授权) whose scope covers the matter and
which was in force on the meeting day. Adopting 村规民约/章程 belongs to the
村民会议 (warning nationally, error where the province says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.legal import COLLECTIVE_ORG_LAW, LegalBasis, organic_law
from models.meetings.profiles import profile
from models.meetings.quorum import ERROR, WARNING, Finding
from models.meetings.types import meeting_type
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "matters"

#: code -> label; the art. 24 list, plus rule adoption and collective property.
MATTERS: dict[str, str] = {
    "subsidy": QT_TRANSLATE_NOOP(_C, "享受误工补贴的人员及补贴标准"),
    "collective_income": QT_TRANSLATE_NOOP(_C, "集体经济所得收益的使用"),
    "public_welfare": QT_TRANSLATE_NOOP(_C, "公益事业兴办和筹资筹劳方案及建设承包方案"),
    "land_contracting": QT_TRANSLATE_NOOP(_C, "土地承包经营方案"),
    "collective_projects": QT_TRANSLATE_NOOP(_C, "集体经济项目的立项、承包方案"),
    "homestead": QT_TRANSLATE_NOOP(_C, "宅基地的使用方案"),
    "land_compensation": QT_TRANSLATE_NOOP(_C, "征地补偿费的使用、分配方案"),
    "property_disposal": QT_TRANSLATE_NOOP(_C, "以借贷、租赁或者其他方式处分村集体财产"),
    "other_major": QT_TRANSLATE_NOOP(_C, "村民会议认为应当由村民会议讨论决定的其他事项"),
    "village_rules": QT_TRANSLATE_NOOP(_C, "制定和修改村规民约、村民自治章程"),
    "collective_member_rights": QT_TRANSLATE_NOOP(_C, "涉及集体经济组织财产和成员权益的事项"),
    "general": QT_TRANSLATE_NOOP(_C, "一般事项"),
}

ART24_MATTERS = frozenset({"subsidy", "collective_income", "public_welfare", "land_contracting",
                           "collective_projects", "homestead", "land_compensation",
                           "property_disposal", "other_major"})


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


def who_may_decide(matter: str, type_code: str, on: date, province: str = "national",
                   authorizations: tuple[Authorization, ...] = ()) -> list[Finding]:
    """Findings when `type_code` is not the body that may decide `matter`."""
    if matter not in MATTERS:
        raise KeyError(matter)
    kind = meeting_type(type_code)
    findings: list[Finding] = []
    label = MATTERS[matter]
    if matter in ART24_MATTERS and not kind.is_assembly:
        if kind.is_representatives:
            if not any(a.covers(matter, on) for a in authorizations):
                findings.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "“{matter}”须由村民会议讨论决定;村民代表会议决定须有村民会议的授权,"
                        "但没有找到在 {on} 有效、包含这一事项的授权记录。"),
                    matter=label, on=on.isoformat()), organic_law(24)))
        else:
            findings.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "“{matter}”须由村民会议(或经授权的村民代表会议)讨论决定,{body}不能决定。"),
                matter=label, body=kind.label), organic_law(24)))
    if matter == "village_rules" and not kind.is_assembly:
        prof = profile(province)
        severity = prof.rules_by_representatives if kind.is_representatives else ERROR
        findings.append(Finding(severity if severity in (ERROR, WARNING) else WARNING, msg(
            _C, QT_TRANSLATE_NOOP(_C, "村规民约、村民自治章程应当由村民会议制定和修改,本次由{body}表决。"),
            body=kind.label), prof.rules_by_representatives_basis))
    if matter == "collective_member_rights" and type_code not in (
            "collective_members", "collective_representatives"):
        findings.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "涉及集体经济组织财产和成员权益的事项,按《农村集体经济组织法》应由成员大会"
                "(或成员代表大会)决定,须经全体成员三分之二以上同意。")),
            LegalBasis(COLLECTIVE_ORG_LAW, "2024", 27)))
    return findings
