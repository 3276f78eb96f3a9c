"""The checkable parts of the 2025 amendment of the 村民委员会组织法, for meetings from 2026-01-01.

The amendment (adopted 2025-10-28, in force 2026-01-01) adds two duties a meeting
record can show:

- important matters that need a decision of the 村民会议 or 村民代表会议 are first
  studied by the village Party organisation ("需由村(居)民会议或者村(居)民代表会议决定的
  重要事项,应当先经村(社区)党组织研究讨论");
- members of the 村务监督机构 may attend (列席) the 村民代表会议 ("其成员可以列席村(居)民
  代表会议").

Source of the wording: the 全国人大常委会法工委 spokesman's briefing of 2025-10-23 on the
draft, as reported by 中评社/中央纪委国家监委网站 (the stored page could be read; the
consolidated text could not). The article holding the Party-study rule is not known here, so
it is cited by version only; the 监委会 rule is in the article that was 2018 art. 32
(`organic_law(32, on=...)`, whose 2025 number `models.statutes` records).

Meetings before 2026 get neither finding: the 2018 text did not require these. Both are
warnings: a missing record of the study is a gap in the minutes, not proof that the matter was
never studied, and inviting the 监委会 is a "可以", which the finding reminds of.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from models.legal import ORGANIC_2025_IN_FORCE, ORGANIC_LAW, LegalBasis, organic_law
from models.meetings import types as mt
from models.meetings.quorum import OBSERVER, WARNING, Attendee, Finding
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "amendment_2025"

#: The bodies whose important matters the Party organisation studies first.
DECIDING_BODIES = frozenset({mt.ASSEMBLY, mt.ASSEMBLY_HOUSEHOLDS, mt.REPRESENTATIVES})

#: Matters that are not "important": an ordinary item on the agenda.
ORDINARY_MATTERS = frozenset({"general"})

PARTY_STUDY_BASIS = LegalBasis(ORGANIC_LAW, "2025")  # article not confirmed: cited by version


def applies(on: date | None) -> bool:
    """Whether a meeting held on `on` falls under the amended text."""
    return on is not None and on >= ORGANIC_2025_IN_FORCE


def party_study_findings(type_code: str, on: date | None, matters: Iterable[str],
                         studied_on: date | None) -> list[Finding]:
    """A warning when important matters of a 2026+ 村民(代表)会议 have no recorded Party study.

    `studied_on` is the day the village Party organisation studied them (the meeting's own
    field, or the ① 党组织提议 step of a 四议两公开 register that resolved at this meeting).
    """
    if not applies(on) or type_code not in DECIDING_BODIES:
        return []
    important = [m for m in dict.fromkeys(matters) if m not in ORDINARY_MATTERS]
    if not important:
        return []
    if studied_on is None:
        return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "修改后的村民委员会组织法(2026 年 1 月 1 日起施行)规定,需由村民会议或者村民代表会议决定的"
                "重要事项,应当先经村党组织研究讨论。本次会议有 {n} 项重要事项,但没有记录村党组织研究讨论的日期:"
                "请在“党组织研究讨论”填写日期,或在四议两公开登记中把这次会议登记为“决议”。"), n=len(important)),
            PARTY_STUDY_BASIS)]
    if studied_on > on:
        return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村党组织研究讨论的日期 {studied} 晚于会议日期 {on}:重要事项应当先经村党组织研究讨论,再提交会议决定。"),
            studied=studied_on.isoformat(), on=on.isoformat()), PARTY_STUDY_BASIS)]
    return []


def supervisor_findings(type_code: str, on: date | None, attendees: Iterable[Attendee]) -> list[Finding]:
    """A warning when a 2026+ 村民代表会议's list has no 村务监督委员会 member (invited or attending).

    Anyone on the list counts as invited, whatever their status (到会, 列席, 缺席, 请假).
    """
    people = list(attendees)
    if not applies(on) or type_code != mt.REPRESENTATIVES or not people:
        return []
    if any(a.is_supervisor for a in people):
        return []
    observers = sum(1 for a in people if a.status == OBSERVER)
    return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
        _C, "修改后的村民委员会组织法规定,村务监督机构成员可以列席村民代表会议;本次会议名单上没有村务监督委员会成员"
            "(列席 {observers} 人)。如邀请了监委会成员,请用“添加人员…”把他们以“列席”加入名单。"),
        observers=observers), organic_law(32, on))]
