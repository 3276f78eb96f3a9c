"""The quorum and vote engine: facts in, a verdict with every reason out.

Pure functions over plain data, so the same verdict is computed in the
editor as you tick attendance, in the service before saving, at the township
on import, and in tests. Integer arithmetic only (see `ratios`).

A verdict lists findings, each with a severity, a plain-Chinese sentence and
the provision it rests on: "实到 19 人,不足应到 30 人的三分之二以上(20 人),
会议不能作出有效决定。依据《村民委员会组织法》(2018)第二十六条".

A quorum is a fact to be shown, never a default: while nobody is on the
attendance list (应到 0) or the number present was never recorded, the
verdict says the quorum *cannot be judged* (`quorum_judged` False) and
`quorum_met` stays False, so such a meeting neither shows as valid nor counts
toward the quarterly 村民代表会议 (组织法 第二十二、二十六条 fix the quorum as a
share of the members, which an empty list cannot show).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.legal import LegalBasis, organic_law
from models.meetings.profiles import ProvinceProfile, profile
from models.meetings.ratios import FOUR_FIFTHS_OR_MORE, ONE_THIRD_OR_MORE, Ratio
from models.meetings.types import VOTE_BASE_PRESENT, VOTE_BASE_TOTAL, MeetingType, meeting_type
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "quorum"

ERROR, WARNING, INFO = "error", "warning", "info"

PRESENT, ABSENT, LEAVE, OBSERVER = "present", "absent", "leave", "observer"
ATTENDANCE_STATUSES = (PRESENT, ABSENT, LEAVE, OBSERVER)


@dataclass(frozen=True)
class Attendee:
    """One line of an attendance list. Observers (列席) neither count nor vote."""

    person_id: str
    status: str
    gender: str = ""
    is_representative: bool = False  # 村民代表 (vs 村委会 member) in a 代表会议
    is_supervisor: bool = False  # a 村务监督委员会 member on the meeting's date (列席 since 2026)


@dataclass(frozen=True)
class Ballot:
    """Vote counts on one resolution."""

    yes: int
    no: int = 0
    abstain: int = 0


#: The vote base "all 村民代表" (土地承包法 第十九条: 三分之二以上村民代表的同意).
VOTE_BASE_REPRESENTATIVES = "representatives"


@dataclass(frozen=True)
class VoteRule:
    """A passing rule another law sets for one matter, replacing the meeting type's own.

    组织法 第二十二条 ("法律对召开村民会议及作出决定另有规定的,依照其规定") and
    第二十四条 last paragraph yield to the land and collective-organisation laws: a
    land-contracting plan needs 三分之二以上 of *all* members or of *all* 村民代表,
    not 过半数 of those present.
    """

    ratio: Ratio
    base: str  # VOTE_BASE_TOTAL (应到: all adults/households/members) or VOTE_BASE_REPRESENTATIVES
    basis: LegalBasis


@dataclass(frozen=True)
class MeetingFacts:
    """What the engine needs to know about a meeting.

    For a body with a roster (代表会议, 两委...), 应到/实到 come from
    `attendees`; `expected`/`present` are then only cross-checked. For a
    村民会议 the totals come from the village (adults or households) and the
    counts from the sign-in sheets.
    """

    type_code: str
    meeting_date: date | None = None
    notice_date: date | None = None
    attendees: tuple[Attendee, ...] = ()
    expected: int | None = None
    present: int | None = None
    province: str = "national"


@dataclass(frozen=True)
class Finding:
    """One reason: severity, sentence, legal basis."""

    severity: str
    message: Message
    basis: LegalBasis | None = None

    def text(self) -> str:
        """Sentence plus citation, in the source language."""
        return f"{self.message}" + (f"({self.basis.cite()})" if self.basis else "")


@dataclass
class Verdict:
    """The engine's answer for a meeting (and optionally one vote).

    `quorum_met` is True only when the quorum was judged and reached (or, for
    a practice rule, judged and flagged); `quorum_judged` says whether the
    attendance on record allows a judgement at all.
    """

    expected: int = 0
    present: int = 0
    needed_present: int | None = None
    quorum_met: bool = False
    quorum_judged: bool = False
    needed_yes: int | None = None
    passed: bool | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """Findings that make the decision invalid or the data impossible."""
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings that need attention but do not void the meeting."""
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def valid(self) -> bool:
        """Quorum met and no error."""
        return self.quorum_met and not self.errors

    def add(self, severity: str, message: Message, basis: LegalBasis | None = None) -> None:
        """Append a finding."""
        self.findings.append(Finding(severity, message, basis))


def counts_from_attendance(attendees: tuple[Attendee, ...]) -> tuple[int, int]:
    """(应到, 实到) from an attendance list: observers are not members."""
    members = [a for a in attendees if a.status != OBSERVER]
    return len(members), sum(1 for a in members if a.status == PRESENT)


def evaluate(facts: MeetingFacts, ballot: Ballot | None = None, rule: VoteRule | None = None) -> Verdict:
    """Check a meeting (and a vote, if given) against the law and the province profile.

    `rule` is the passing rule another law sets for the matter voted on (`matters.vote_rule`);
    without it the meeting type's own rule applies. Every 组织法 basis is cited as the text
    in force on the meeting's date.
    """
    kind = meeting_type(facts.type_code, on=facts.meeting_date)
    on = facts.meeting_date
    prof = profile(facts.province)
    verdict = Verdict()
    unit = kind.unit

    present_recorded = True
    if kind.roster and facts.attendees:
        expected, present = counts_from_attendance(facts.attendees)
        _cross_check(verdict, facts, expected, present, unit)
    else:
        expected, present = facts.expected or 0, facts.present or 0
        present_recorded = facts.present is not None
    verdict.expected, verdict.present = expected, present

    if present < 0 or expected < 0:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "人数不能是负数。")))
    if present > expected:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "实到 {present} {unit}多于应到 {expected} {unit},请核对签到表。"),
            present=present, expected=expected, unit=unit))
    _check_quorum(verdict, kind, expected, present, present_recorded, on)
    _check_notice(verdict, kind, prof, facts)
    if kind.is_representatives and facts.attendees:
        _check_composition(verdict, facts.attendees, on)
    if ballot is not None:
        _check_vote(verdict, kind, ballot, expected, present, on, rule, facts.attendees)
    return verdict


def _cross_check(verdict: Verdict, facts: MeetingFacts, expected: int, present: int, unit: str) -> None:
    if facts.expected is not None and facts.expected != expected:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "填写的应到 {typed} {unit}与名单上的 {counted} {unit}不一致,以名单为准。"),
            typed=facts.expected, counted=expected, unit=unit))
    if facts.present is not None and facts.present != present:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "填写的实到 {typed} {unit}与签到名单上的 {counted} {unit}不一致,以名单为准。"),
            typed=facts.present, counted=present, unit=unit))


def _check_quorum(verdict: Verdict, kind: MeetingType, expected: int, present: int,
                  present_recorded: bool = True, on: date | None = None) -> None:
    if kind.quorum is None:
        verdict.quorum_judged = verdict.quorum_met = True  # no quorum rule for this body
        return
    basis = kind.quorum_basis
    if expected <= 0 or not present_recorded:
        _quorum_unknown(verdict, kind, expected, basis)
        return
    verdict.quorum_judged = True
    verdict.needed_present = kind.quorum.needed(expected)
    verdict.quorum_met = kind.quorum.met(present, expected) and present <= expected
    if verdict.quorum_met:
        verdict.add(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "实到 {present} {unit},达到应到 {expected} {unit}的{ratio}({needed} {unit}),会议有效。"),
            present=present, expected=expected, unit=kind.unit, ratio=kind.quorum.label,
            needed=verdict.needed_present), basis)
    elif present <= expected:
        verdict.add(kind.quorum_severity, msg(_C, QT_TRANSLATE_NOOP(
            _C, "实到 {present} {unit},不足应到 {expected} {unit}的{ratio}({needed} {unit}),"
                "会议不能作出有效决定。"),
            present=present, expected=expected, unit=kind.unit, ratio=kind.quorum.label,
            needed=verdict.needed_present), basis)
        if kind.quorum_severity == WARNING:
            verdict.quorum_met = True  # practice rule: flagged, not voiding


_UNKNOWN_PRESENT = QT_TRANSLATE_NOOP(
    _C, "还没有登记实到人数,无法判断是否达到应到 {expected} {unit}的{ratio}(法定人数),会议暂不能作出有效决定。"
        "请填写实到人数。")
_UNKNOWN_LIST = QT_TRANSLATE_NOOP(
    _C, "还没有登记应到人员,无法判断是否达到{ratio}(法定人数),会议暂不能作出有效决定。"
        "请在出席名单上登记应参加会议的人员。")
_UNKNOWN_TOTAL = QT_TRANSLATE_NOOP(
    _C, "还没有登记应到人数,无法判断是否达到{ratio}(法定人数),会议暂不能作出有效决定。请填写应到人数。")
#: Templates of the findings that say the quorum cannot be judged (no attendance on record).
QUORUM_UNKNOWN = frozenset({_UNKNOWN_PRESENT, _UNKNOWN_LIST, _UNKNOWN_TOTAL})


def _quorum_unknown(verdict: Verdict, kind: MeetingType, expected: int, basis: LegalBasis | None) -> None:
    """No attendance on record: the quorum is not established, and the verdict says why."""
    if expected > 0:
        verdict.needed_present = kind.quorum.needed(expected)
        template = _UNKNOWN_PRESENT
    else:
        template = _UNKNOWN_LIST if kind.roster else _UNKNOWN_TOTAL
    verdict.add(ERROR, msg(_C, template, expected=expected, unit=kind.unit, ratio=kind.quorum.label),
                basis)


def _check_notice(verdict: Verdict, kind: MeetingType, prof: ProvinceProfile, facts: MeetingFacts) -> None:
    days, basis, severity = kind.notice_days, kind.notice_basis, ERROR
    if kind.is_representatives and prof.representatives_notice_days is not None:
        days, basis, severity = prof.representatives_notice_days, prof.representatives_notice_basis, WARNING
    if days is None or facts.meeting_date is None:
        return
    if facts.notice_date is None:
        verdict.add(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "没有填写通知日期。这类会议应当提前 {days} 天通知。"), days=days), basis)
        return
    gap = (facts.meeting_date - facts.notice_date).days
    if gap < 0:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "通知日期晚于开会日期,请核对。")))
    elif gap < days:
        verdict.add(severity, msg(_C, QT_TRANSLATE_NOOP(
            _C, "只提前 {gap} 天通知,应当提前 {days} 天。"), gap=gap, days=days), basis)


def women_representatives(attendees: tuple[Attendee, ...], present_only: bool = False) -> int:
    """Women among the 村民代表 on the list (or among those present), never the 村委会's women.

    组织法 第二十五条 counts "妇女村民代表": a woman on the 村委会 sits as a committee member and is
    not one. The composition check counts the whole body (everyone but 列席); the 村规民约 vote's
    "一定比例妇女参会" at a 村民代表会议 counts the women representatives present.
    """
    return sum(1 for a in attendees if a.is_representative and a.gender == "女" and a.status != OBSERVER
               and (a.status == PRESENT or not present_only))


def composition_findings(attendees: tuple[Attendee, ...], on: date | None = None) -> list[Finding]:
    """组织法 第二十五条: 村民代表 五分之四以上, 妇女村民代表 三分之一以上 of the 组成人员.

    The shares are of the whole body (组成人员: everyone on the list but 列席), the women counted
    by `women_representatives`. A shortfall is how the body was made up, not how this meeting
    decided: it is reported beside the decisions (a warning) and voids none of them.
    """
    members = [a for a in attendees if a.status != OBSERVER]
    total = len(members)
    if total == 0:
        return []
    reps = sum(1 for a in members if a.is_representative)
    women = women_representatives(attendees)
    basis = organic_law(25, on)
    out: list[Finding] = []
    if not FOUR_FIFTHS_OR_MORE.met(reps, total):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民代表 {reps} 人,不足组成人员 {total} 人的五分之四({needed} 人)。"
                "这是村民代表会议的组成问题,应当调整,不影响本次会议决定的效力。"),
            reps=reps, total=total, needed=FOUR_FIFTHS_OR_MORE.needed(total)), basis))
    if not ONE_THIRD_OR_MORE.met(women, total):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "妇女村民代表 {women} 人,不足组成人员 {total} 人的三分之一({needed} 人)"
                "(村委会成员不算村民代表)。这是村民代表会议的组成问题,应当调整,不影响本次会议决定的效力。"),
            women=women, total=total, needed=ONE_THIRD_OR_MORE.needed(total)), basis))
    return out


def _check_composition(verdict: Verdict, attendees: tuple[Attendee, ...], on: date | None = None) -> None:
    """The composition findings (`composition_findings`) added to the meeting's verdict."""
    verdict.findings.extend(composition_findings(attendees, on))


def _check_vote(verdict: Verdict, kind: MeetingType, ballot: Ballot, expected: int, present: int,
                on: date | None = None, rule: VoteRule | None = None,
                attendees: tuple[Attendee, ...] = ()) -> None:
    if min(ballot.yes, ballot.no, ballot.abstain) < 0:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "票数不能是负数。")))
        verdict.passed = False
        return
    cast = ballot.yes + ballot.no + ballot.abstain
    if cast > present:
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "赞成、反对、弃权共 {cast} 票,多于实到 {present} 人,请核对票数。"),
            cast=cast, present=present))
        verdict.passed = False
        return
    quorum_basis = kind.quorum_basis
    ratio, vote_base, basis = kind.vote, kind.vote_base, kind.vote_basis
    if rule is not None:
        ratio, vote_base, basis = rule.ratio, rule.base, rule.basis
    unit = kind.unit
    if vote_base == VOTE_BASE_REPRESENTATIVES:
        base, base_label, unit = sum(1 for a in attendees if a.status != OBSERVER and a.is_representative), "全体村民代表", "人"
    elif vote_base == VOTE_BASE_TOTAL:
        base, base_label = expected, "全体成员" if rule is not None else "应到"
    else:
        assert vote_base == VOTE_BASE_PRESENT, vote_base
        base, base_label = present, "到会"
    verdict.needed_yes = ratio.needed(base)
    if not verdict.quorum_judged:
        verdict.passed = False
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "还不能判断会议是否达到法定人数,表决结果暂不能认定。")), quorum_basis)
        return
    if not verdict.quorum_met:
        verdict.passed = False
        verdict.add(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "会议未达到法定人数,表决结果无效。")), quorum_basis)
        return
    verdict.passed = base > 0 and ratio.met(ballot.yes, base)
    if rule is not None:  # another law's rule: the base is everyone, in the meeting's unit
        template = (QT_TRANSLATE_NOOP(_C, "赞成 {yes} 票,达到{base_label} {base} {unit}的{ratio}({needed} 票),通过。")
                    if verdict.passed else
                    QT_TRANSLATE_NOOP(_C, "赞成 {yes} 票,未达到{base_label} {base} {unit}的{ratio}({needed} 票),"
                                          "未通过(这一事项不按到会人员的过半数计算)。"))
    else:
        template = (QT_TRANSLATE_NOOP(_C, "赞成 {yes} 票,达到{base_label} {base} 人的{ratio}({needed} 票),通过。")
                    if verdict.passed else
                    QT_TRANSLATE_NOOP(_C, "赞成 {yes} 票,未达到{base_label} {base} 人的{ratio}({needed} 票),未通过。"))
    verdict.add(INFO if verdict.passed else WARNING, msg(
        _C, template, yes=ballot.yes, base_label=base_label, base=base, unit=unit, ratio=ratio.label,
        needed=verdict.needed_yes), basis)
