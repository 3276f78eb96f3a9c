"""Meeting types and the quorum and passing rules of each (DOMAIN §3.2).

Each rule names its base: the quorum is counted against 应到 (everyone
entitled to attend), the vote against 实到 (attendees) or, for a 集体经济组织,
against all members. The bases are written in the 组织法's 2018 numbering;
`meeting_type(code, on=day)` gives them as the text in force on the meeting's day
cites them (the 2025 amendment renumbers the law). Severity says whether breaking it voids the decision
("error": the law says so) or only needs attention ("warning": practice).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from models.legal import (
    COLLECTIVE_ORG_LAW,
    PARTY_BRANCH_RULES,
    LegalBasis,
    in_force_on,
    organic_law,
)
from models.meetings.ratios import HALF_OR_MORE, MORE_THAN_HALF, TWO_THIRDS_OR_MORE, Ratio
from models.messages import QT_TRANSLATE_NOOP

_C = "meeting_types"

VOTE_BASE_PRESENT = "present"  # 到会人员
VOTE_BASE_TOTAL = "total"  # 全体成员 (应到)

# Who the 应到/实到 counts are: people, households, members...
UNIT_PEOPLE = "人"
UNIT_HOUSEHOLDS = "户"


@dataclass(frozen=True)
class MeetingType:
    """A kind of meeting and its rules."""

    code: str
    label: str
    quorum: Ratio | None
    quorum_basis: LegalBasis | None
    quorum_severity: str  # "error" | "warning"
    vote: Ratio
    vote_base: str
    vote_basis: LegalBasis | None
    unit: str = UNIT_PEOPLE
    #: Is attendance taken from the Person register (a body with a member list)?
    roster: bool = True
    notice_days: int | None = None
    notice_basis: LegalBasis | None = None
    #: Is this a form of the 村民会议 (for "who may decide")?
    is_assembly: bool = False
    is_representatives: bool = False


ASSEMBLY = "assembly"  # 村民会议(本村十八周岁以上村民)
ASSEMBLY_HOUSEHOLDS = "assembly_households"  # 村民会议(户代表)
REPRESENTATIVES = "representatives"  # 村民代表会议
GROUP = "group"  # 村民小组会议
GROUP_HOUSEHOLDS = "group_households"
TWO_COMMITTEES = "two_committees"  # 两委联席会议
VILLAGE_COMMITTEE = "village_committee"  # 村民委员会会议
PARTY_BRANCH_COMMITTEE = "party_branch_committee"  # 村党组织委员会会议
PARTY_MEMBERS = "party_members"  # 党员大会
SUPERVISION = "supervision"  # 村务监督委员会会议
COLLECTIVE_MEMBERS = "collective_members"  # 集体经济组织成员大会
COLLECTIVE_REPRESENTATIVES = "collective_representatives"  # 成员代表大会

_J = COLLECTIVE_ORG_LAW

TYPES: dict[str, MeetingType] = {t.code: t for t in (
    MeetingType(ASSEMBLY, QT_TRANSLATE_NOOP(_C, "村民会议"), MORE_THAN_HALF, organic_law(22), "error",
                MORE_THAN_HALF, VOTE_BASE_PRESENT, organic_law(22), roster=False,
                notice_days=10, notice_basis=organic_law(21), is_assembly=True),
    MeetingType(ASSEMBLY_HOUSEHOLDS, QT_TRANSLATE_NOOP(_C, "村民会议(户代表)"), TWO_THIRDS_OR_MORE,
                organic_law(22), "error", MORE_THAN_HALF, VOTE_BASE_PRESENT, organic_law(22),
                unit=UNIT_HOUSEHOLDS, roster=False, notice_days=10, notice_basis=organic_law(21),
                is_assembly=True),
    MeetingType(REPRESENTATIVES, QT_TRANSLATE_NOOP(_C, "村民代表会议"), TWO_THIRDS_OR_MORE,
                organic_law(26), "error", MORE_THAN_HALF, VOTE_BASE_PRESENT, organic_law(26),
                is_representatives=True),
    MeetingType(GROUP, QT_TRANSLATE_NOOP(_C, "村民小组会议"), TWO_THIRDS_OR_MORE, organic_law(28),
                "error", MORE_THAN_HALF, VOTE_BASE_PRESENT, organic_law(28), roster=False),
    MeetingType(GROUP_HOUSEHOLDS, QT_TRANSLATE_NOOP(_C, "村民小组会议(户代表)"), TWO_THIRDS_OR_MORE,
                organic_law(28), "error", MORE_THAN_HALF, VOTE_BASE_PRESENT, organic_law(28),
                unit=UNIT_HOUSEHOLDS, roster=False),
    MeetingType(TWO_COMMITTEES, QT_TRANSLATE_NOOP(_C, "两委联席会议"), MORE_THAN_HALF, None, "warning",
                MORE_THAN_HALF, VOTE_BASE_PRESENT, None),
    MeetingType(VILLAGE_COMMITTEE, QT_TRANSLATE_NOOP(_C, "村民委员会会议"), MORE_THAN_HALF, None,
                "warning", MORE_THAN_HALF, VOTE_BASE_PRESENT, None),
    MeetingType(PARTY_BRANCH_COMMITTEE, QT_TRANSLATE_NOOP(_C, "村党组织委员会会议"), MORE_THAN_HALF,
                None, "warning", MORE_THAN_HALF, VOTE_BASE_TOTAL, None),
    # 党支部工作条例: 有表决权的党员半数以上到会; 赞成人数超过应到会有表决权党员的半数。
    MeetingType(PARTY_MEMBERS, QT_TRANSLATE_NOOP(_C, "党员大会"), HALF_OR_MORE,
                LegalBasis(PARTY_BRANCH_RULES, "2018"), "warning", MORE_THAN_HALF, VOTE_BASE_TOTAL,
                LegalBasis(PARTY_BRANCH_RULES, "2018")),
    MeetingType(SUPERVISION, QT_TRANSLATE_NOOP(_C, "村务监督委员会会议"), MORE_THAN_HALF, None,
                "warning", MORE_THAN_HALF, VOTE_BASE_PRESENT, None),
    MeetingType(COLLECTIVE_MEMBERS, QT_TRANSLATE_NOOP(_C, "集体经济组织成员大会"), TWO_THIRDS_OR_MORE,
                LegalBasis(_J, "2024", 27), "error", TWO_THIRDS_OR_MORE, VOTE_BASE_TOTAL,
                LegalBasis(_J, "2024", 27), roster=False, notice_days=10,
                notice_basis=LegalBasis(_J, "2024", 27)),
    MeetingType(COLLECTIVE_REPRESENTATIVES, QT_TRANSLATE_NOOP(_C, "集体经济组织成员代表大会"),
                TWO_THIRDS_OR_MORE, LegalBasis(_J, "2024", 28), "error", TWO_THIRDS_OR_MORE,
                VOTE_BASE_TOTAL, LegalBasis(_J, "2024", 28), roster=False),
)}


def meeting_type(code: str, on: date | str | None = None) -> MeetingType:
    """The type for `code` (KeyError for unknown codes: a programming error).

    With `on` (the meeting's day), its legal bases cite the 组织法 text in force that day;
    without, the 2018 text.
    """
    kind = TYPES[code]
    if on is None:
        return kind
    return replace(kind, quorum_basis=in_force_on(kind.quorum_basis, on),
                   vote_basis=in_force_on(kind.vote_basis, on), notice_basis=in_force_on(kind.notice_basis, on))
