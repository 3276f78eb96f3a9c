"""The township's 换届 board: each village's election, its stage and what is late or irregular.

Pure rules over plain facts. `desktop/services/election_board_service.py`
reads what the villages' packages brought (one query per table for every
village) into `VillageElection` facts; `village_row` turns one village's
facts into a `BoardRow` (stage + findings) the screen and the 统计表 read.

The stage is the last step the records show: an election with no 选举委员会
yet has not started; once the 当选公告 is out it is 已公告, once the work is
handed over 已移交, and 完成 when, besides, every seat is filled and the
outgoing committee's 离任经济责任审计 was published.

Every finding cites the 组织法 text in force on the election day
(`models.legal.organic_law(article_2018, on=...)`); the votes themselves are
judged by the 计票 engine (`models.elections.tally`), the same as the
village's 计票 screen, so the rule of 第十五条 lives in one place. The day arithmetic of 第十四条 and 第二十条 is the village's election
engine's (`models.elections.procedure`). Only a vote the law declares
invalid (第十五条), or counts that cannot be, is an error; the rest are
warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.elections import law, procedure, recall, tally
from models.legal import organic_law
from models.meetings.quorum import ERROR, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.terms import default_term_last_day

_C = "elections_board"

#: Stages, in the order an election goes through them.
NOT_STARTED = "not_started"
COMMITTEE = "committee"
REGISTRATION = "registration"
NOMINATION = "nomination"
VOTING = "voting"
RUNOFF = "runoff"
ANNOUNCED = "announced"
HANDED_OVER = "handed_over"
DONE = "done"
STAGES = (NOT_STARTED, COMMITTEE, REGISTRATION, NOMINATION, VOTING, RUNOFF, ANNOUNCED, HANDED_OVER, DONE)
STAGE_LABELS = {
    NOT_STARTED: QT_TRANSLATE_NOOP(_C, "未启动"),
    COMMITTEE: QT_TRANSLATE_NOOP(_C, "选举委员会已推选"),
    REGISTRATION: QT_TRANSLATE_NOOP(_C, "选民登记"),
    NOMINATION: QT_TRANSLATE_NOOP(_C, "候选人提名"),
    VOTING: QT_TRANSLATE_NOOP(_C, "投票"),
    RUNOFF: QT_TRANSLATE_NOOP(_C, "另行选举"),
    ANNOUNCED: QT_TRANSLATE_NOOP(_C, "已公告"),
    HANDED_OVER: QT_TRANSLATE_NOOP(_C, "已移交"),
    DONE: QT_TRANSLATE_NOOP(_C, "完成"),
}

ROLL_ARTICLE, WOMEN_ARTICLE, HANDOVER_ARTICLE, AUDIT_ARTICLE = law.ART_ROLL, law.ART_COMPOSITION, \
    law.ART_HANDOVER, law.ART_AUDIT

#: Finding keys (stable: tests and the screen's filters use them).
ROLL_LATE, NO_WOMAN, HANDOVER_LATE, AUDIT_LATE, TURNOUT_LOW, COUNT_WRONG, RECALL_SHORT, VOTE_OVERDUE = (
    "roll_late", "no_woman", "handover_late", "audit_late", "turnout_low", "count_wrong", "recall_short",
    "vote_overdue")
#: Someone on two villages' current lists (第十三条第三款): judged across villages, `township.election_duplicates`.
REGISTERED_TWICE = "registered_twice"

#: A few words per finding for the board's 问题 column (the detail panel gives the sentence and the article).
FINDING_LABELS = {
    TURNOUT_LOW: QT_TRANSLATE_NOOP(_C, "投票未过半(选举无效)"),
    COUNT_WRONG: QT_TRANSLATE_NOOP(_C, "计票数字有误"),
    ROLL_LATE: QT_TRANSLATE_NOOP(_C, "名单公布不足二十日"),
    NO_WOMAN: QT_TRANSLATE_NOOP(_C, "无妇女成员"),
    HANDOVER_LATE: QT_TRANSLATE_NOOP(_C, "移交超过十日"),
    AUDIT_LATE: QT_TRANSLATE_NOOP(_C, "离任审计未在选举前公布"),
    RECALL_SHORT: QT_TRANSLATE_NOOP(_C, "罢免票数不足"),
    REGISTERED_TWICE: QT_TRANSLATE_NOOP(_C, "疑似两村登记"),
    VOTE_OVERDUE: QT_TRANSLATE_NOOP(_C, "选举日已过未见投票"),
}

#: The next 换届 is due within this many days of the end of the term (its last year).
DUE_DAYS = 365

FEMALE = "女"
MAIN_ROUND, RUNOFF_ROUND = "main", "runoff"
GENERAL = "general"


@dataclass(frozen=True)
class RoundFact:
    """One vote of an election: the 正式选举 or a 另行选举."""

    number: int
    kind: str  # main / runoff
    held_on: str
    issued: int = 0
    cast: int = 0
    invalid: int = 0
    entries: tuple[tally.Entry, ...] = ()  # the 计票: votes per name per post (empty: not recorded)


@dataclass(frozen=True)
class MemberFact:
    """Someone elected, with what the 统计表 counts about them (from the register)."""

    person_id: str
    name: str
    post: str  # vc_chair / vc_vice / vc_member
    gender: str = ""
    birth_year: int | None = None
    political_status: str = ""
    education: str = ""
    ethnicity: str = ""


@dataclass(frozen=True)
class ElectionFact:
    """One election as the township's copy holds it ("" = the step not recorded yet)."""

    id: str
    kind: str = GENERAL
    label: str = ""
    election_day: str = ""
    seats: int = 0  # seats to fill, all posts together
    committee_chosen_on: str = ""
    roll_published_on: str = ""
    candidates_published_on: str = ""
    announced_on: str = ""
    handover_on: str = ""
    audit_published_on: str = ""
    cancelled_on: str = ""
    registered: int = 0  # live lines of the 选民名单
    candidates: int = 0  # candidates not withdrawn
    rounds: tuple[RoundFact, ...] = ()
    members: tuple[MemberFact, ...] = ()
    posts: tuple[tuple[str, int], ...] = ()  # seats per post, as the election set them

    @property
    def main_round(self) -> RoundFact | None:
        """The first 正式选举 held (None before the vote)."""
        mains = [r for r in self.rounds if r.kind == MAIN_ROUND and r.held_on]
        return min(mains, key=lambda r: (r.held_on, r.number)) if mains else None

    @property
    def vote_day(self) -> str:
        """The day of the vote: the 正式选举 held, else the election day planned ("" = none yet)."""
        main = self.main_round
        return main.held_on if main else self.election_day


@dataclass(frozen=True)
class RecallFact:
    """A 罢免 as the board lists it."""

    person_name: str
    requested_on: str
    vote_on: str = ""
    outcome: str = ""  # recalled / not_recalled / withdrawn / ""
    registered: int = 0  # 登记参加选举的村民 on the vote day
    cast: int = 0
    agree: int = 0


@dataclass(frozen=True)
class RoleFact:
    """A term record of the village: who held which office from when to when (end exclusive, "" open)."""

    person_id: str
    role: str
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class VillageElection:
    """All the board needs about one village."""

    code: str
    name: str
    data_as_of: str = ""  # the day of its last package ("" = never sent one)
    general: ElectionFact | None = None  # its latest 换届选举 (not called off)
    by_elections: tuple[ElectionFact, ...] = ()
    recalls: tuple[RecallFact, ...] = ()
    roles: tuple[RoleFact, ...] = ()  # the 村委会 and Party offices (for the 统计表's 一肩挑, 交叉任职, 连任)
    previous: ElectionFact | None = None  # the last 换届 of the term ending (shown, not judged)


@dataclass(frozen=True)
class BoardFinding:
    """One thing late or irregular, with its key (for filters) and the law behind it."""

    key: str
    finding: Finding
    where: Message | None = None  # which vote it is about (正式选举 / 另行选举 and its day), when one

    @property
    def severity(self) -> str:
        """ERROR (the election is invalid) or WARNING."""
        return self.finding.severity

    def text(self) -> str:
        """The sentence with its citation (source language), after the vote it is about."""
        return (f"{self.where}:" if self.where else "") + self.finding.text()


@dataclass(frozen=True)
class BoardRow:
    """One village on the board."""

    village: VillageElection
    stage: str
    findings: tuple[BoardFinding, ...] = ()

    @property
    def silent(self) -> bool:
        """No package from this village ever arrived: it is listed apart, not judged."""
        return not self.village.data_as_of

    @property
    def election(self) -> ElectionFact | None:
        """The 换届选举 the row is about (None: not started)."""
        return self.village.general

    @property
    def turnout(self) -> float | None:
        """Ballots cast in the 正式选举 over the registered voters (None: no vote or no list)."""
        e = self.election
        main = e.main_round if e else None
        if main is None or not e.registered:
            return None
        return main.cast / e.registered

    @property
    def women_elected(self) -> int:
        """Women among the members elected."""
        e = self.election
        return sum(1 for m in e.members if m.gender == FEMALE) if e else 0


@dataclass(frozen=True)
class ElectionBoard:
    """The whole board: every enrolled village, judged on `today`."""

    township_name: str
    township_code: str
    today: date
    rows: tuple[BoardRow, ...] = field(default_factory=tuple)

    @property
    def reporting(self) -> tuple[BoardRow, ...]:
        """The villages that sent packages (the silent ones are listed apart)."""
        return tuple(r for r in self.rows if not r.silent)

    @property
    def silent(self) -> tuple[BoardRow, ...]:
        """The villages no package has come from."""
        return tuple(r for r in self.rows if r.silent)

    @property
    def empty(self) -> bool:
        """True when no village has sent an election yet (the page shows its empty state)."""
        return not any(r.election is not None for r in self.rows)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def this_round(latest: ElectionFact | None, today: date) -> tuple[ElectionFact | None, ElectionFact | None]:
    """(the 换届 of this round, the previous one) from a village's latest 换届.

    A term is five years (组织法 第十一条) and the next 换届 is prepared in its last year: once
    today is within `DUE_DAYS` of the end of the term the latest 换届 opened, that 换届 is the
    previous round's and this round has not started (the 2021 换届 seen in 2026).
    """
    vote = _day(latest.vote_day) if latest is not None else None
    if latest is None or vote is None:
        return latest, None
    if (default_term_last_day(vote) - today).days < DUE_DAYS:
        return None, latest
    return latest, None


def leaves_runoff(e: ElectionFact, r: RoundFact) -> bool:
    """Whether the 计票 of the 正式选举 `r` (the tally engine's) left seats to a 另行选举 (or a tie vote)."""
    if r.kind != MAIN_ROUND or not r.entries or not e.posts or not e.registered:
        return False
    result = tally.count_round(tally.Count(
        registered=e.registered, ballots_cast=r.cast, seats=dict(e.posts), entries=r.entries,
        ballots_issued=r.issued or None, invalid_ballots=r.invalid, kind=r.kind, on=r.held_on))
    return result.valid and bool(result.further)


def stage(e: ElectionFact | None, today: date) -> str:
    """The last step the records show (steps dated after `today` are planned, not done)."""
    if e is None:
        return NOT_STARTED

    def done(text: str) -> bool:
        d = _day(text)
        return d is not None and d <= today

    if done(e.handover_on):
        filled = e.seats > 0 and len(e.members) >= e.seats
        return DONE if filled and done(e.audit_published_on) else HANDED_OVER
    if done(e.announced_on):
        return ANNOUNCED
    held = [r for r in e.rounds if done(r.held_on)]
    if any(r.kind == RUNOFF_ROUND for r in held) or any(leaves_runoff(e, r) for r in held):
        return RUNOFF
    if held or done(e.candidates_published_on):
        return VOTING
    if done(e.roll_published_on):
        return NOMINATION
    if e.registered or (done(e.committee_chosen_on) and e.candidates):
        return REGISTRATION
    if done(e.committee_chosen_on):
        return COMMITTEE
    return NOT_STARTED


def _f(key: str, severity: str, template: str, article: int, on: str, **params) -> BoardFinding:
    return BoardFinding(key, Finding(severity, msg(_C, template, **params), organic_law(article, on=on or None)))


def roll_finding(e: ElectionFact, today: date) -> BoardFinding | None:
    """第十四条: the 选民名单 published at least 20 days before the vote (exactly 20 is in time).

    The day arithmetic is the village's election engine's (`models.elections.procedure`).
    """
    vote = _day(e.vote_day)
    if vote is None:
        return None
    published = _day(e.roll_published_on)
    if published is not None:
        if procedure.roll_gap_problem(e.roll_published_on, e.vote_day) is None:
            return None
        return _f(ROLL_LATE, WARNING, QT_TRANSLATE_NOOP(
            _C, "选民名单 {published} 公布,距选举日 {vote} 只有 {days} 天;应当在选举日的二十日前公布。"),
            ROLL_ARTICLE, e.vote_day, published=e.roll_published_on, vote=e.vote_day, days=(vote - published).days)
    if today.isoformat() > procedure.latest_roll_day(e.vote_day):
        return _f(ROLL_LATE, WARNING, QT_TRANSLATE_NOOP(
            _C, "选民名单还没有公布,已来不及在选举日 {vote} 的二十日前公布。"),
            ROLL_ARTICLE, e.vote_day, vote=e.vote_day)
    return None


def women_finding(e: ElectionFact, today: date) -> BoardFinding | None:
    """第六条: once the result is announced, the committee must have a woman member."""
    announced = _day(e.announced_on)
    if announced is None or announced > today or not e.members:
        return None
    if any(m.gender == FEMALE for m in e.members):
        return None
    return _f(NO_WOMAN, WARNING, QT_TRANSLATE_NOOP(
        _C, "当选的 {n} 名村民委员会成员中没有妇女;村民委员会成员中应当有妇女成员。"),
        WOMEN_ARTICLE, e.vote_day, n=len(e.members))


def handover_finding(e: ElectionFact, today: date) -> BoardFinding | None:
    """第二十条: the work handed over within 10 days (day 10 is in time, day 11 late; not done by then: late).

    The deadline is the village's election engine's (`procedure.handover_deadline`).
    """
    announced = _day(e.announced_on)
    if announced is None or announced > today:
        return None
    deadline = procedure.handover_deadline(e.announced_on)
    handover = _day(e.handover_on)
    if handover is not None:
        if e.handover_on <= deadline:
            return None
        return _f(HANDOVER_LATE, WARNING, QT_TRANSLATE_NOOP(
            _C, "工作移交在当选公告后第 {days} 天({handover})才完成;应当在十日内完成移交。"),
            HANDOVER_ARTICLE, e.vote_day, days=(handover - announced).days, handover=e.handover_on)
    if today.isoformat() <= deadline:
        return None
    return _f(HANDOVER_LATE, WARNING, QT_TRANSLATE_NOOP(
        _C, "当选公告({announced})已过 {days} 天,工作还没有移交;应当在十日内完成移交。"),
        HANDOVER_ARTICLE, e.vote_day, announced=e.announced_on, days=(today - announced).days)


def audit_finding(e: ElectionFact, today: date) -> BoardFinding | None:
    """第三十五条: the outgoing committee's 离任经济责任审计 result published before the next election (a 换届 only).

    "Before" as the village's election engine reads it: a day earlier than the vote.
    """
    if e.kind != GENERAL or e.main_round is None:  # judged once the vote is on record
        return None
    vote = _day(e.vote_day)
    if vote is None or vote > today:
        return None
    published = _day(e.audit_published_on)
    if published is not None and published < vote:
        return None
    if published is None:
        return _f(AUDIT_LATE, WARNING, QT_TRANSLATE_NOOP(
            _C, "选举日 {vote} 前没有公布上届村民委员会成员的离任经济责任审计结果;审计结果应当在下一届村民委员会选举之前公布。"),
            AUDIT_ARTICLE, e.vote_day, vote=e.vote_day)
    return _f(AUDIT_LATE, WARNING, QT_TRANSLATE_NOOP(
        _C, "离任经济责任审计结果 {published} 才公布,不在选举日 {vote} 之前;审计结果应当在下一届村民委员会选举之前公布。"),
        AUDIT_ARTICLE, e.vote_day, published=e.audit_published_on, vote=e.vote_day)


def round_findings(e: ElectionFact, today: date) -> list[BoardFinding]:
    """Each vote held, judged by the 计票 engine (`models.elections.tally`).

    Marked: counts that cannot be (more ballots cast than issued or than
    voters on the list), or a turnout not more than half of the registered
    voters (第十五条: the election is invalid).
    """
    out = []
    for r in sorted(e.rounds, key=lambda r: (r.held_on, r.number)):
        held = _day(r.held_on)
        if held is None or held > today or not e.registered:
            continue
        result = tally.count_round(tally.Count(
            registered=e.registered, ballots_cast=r.cast, seats={}, ballots_issued=r.issued or None,
            invalid_ballots=r.invalid, kind=r.kind, on=r.held_on))
        if e.kind != GENERAL:
            where = msg(_C, QT_TRANSLATE_NOOP(_C, "补选({held})"), held=r.held_on)
        elif r.kind == RUNOFF_ROUND:
            where = msg(_C, QT_TRANSLATE_NOOP(_C, "另行选举({held})"), held=r.held_on)
        else:
            where = msg(_C, QT_TRANSLATE_NOOP(_C, "正式选举({held})"), held=r.held_on)
        if result.errors:
            out.extend(BoardFinding(COUNT_WRONG, f, where) for f in result.errors)
        elif not result.valid:
            out.extend(BoardFinding(TURNOUT_LOW, f, where) for f in result.reasons if f.severity == ERROR)
    return out


def recall_findings(r: RecallFact) -> list[BoardFinding]:
    """A member recorded as 罢免 though the vote on record does not reach both majorities (第十六条).

    Judged by the village's recall engine (`models.elections.recall.check_vote`); a recall without
    its numbers is not judged.
    """
    if r.outcome != "recalled" or not r.vote_on or r.registered <= 0:
        return []
    verdict = recall.check_vote(r.registered, r.cast, r.agree, r.vote_on)
    if verdict.passed:
        return []
    where = msg(_C, QT_TRANSLATE_NOOP(_C, "罢免{name}({day})"), name=r.person_name, day=r.vote_on)
    return [BoardFinding(RECALL_SHORT, f, where) for f in verdict.findings if f.severity == ERROR]


def overdue_finding(e: ElectionFact, today: date) -> BoardFinding | None:
    """The election day has passed and the village's records show no vote (stalled, or not sent yet).

    Not a rule of its own (no article): the township asks the village, which the sentence says.
    """
    day = _day(e.election_day)
    if day is None or day >= today or e.rounds or e.announced_on or e.cancelled_on:
        return None
    return BoardFinding(VOTE_OVERDUE, Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
        _C, "选举日 {day} 已过,该村交来的记录里还没有投票;请向该村核实选举是否举行、是否推迟。"), day=e.election_day)))


def findings(e: ElectionFact | None, today: date) -> tuple[BoardFinding, ...]:
    """Everything late or irregular about one election, the invalid votes first."""
    if e is None:
        return ()
    out = round_findings(e, today)
    for check in (overdue_finding, roll_finding, women_finding, handover_finding, audit_finding):
        f = check(e, today)
        if f is not None:
            out.append(f)
    return tuple(out)


def village_row(v: VillageElection, today: date) -> BoardRow:
    """One village's row: its 换届's stage and findings (a silent village: not started, nothing judged).

    An election with an invalid vote (or counts that cannot be) is never 完成, whatever was recorded after.
    The 补选 since the 换届 add the findings of their votes when they have voter lines to count against
    (第十九条 refers to 第十五条; a 补选 decided by the 村民会议 or 村民代表会议 without a 选民名单 of its own
    is judged by that meeting's own quorum, not here), and a 罢免 recorded as passed whose numbers do not
    pass is marked.

    An election day passed with no vote on record is marked whatever the round logic: `this_round` may
    count such an election as the previous round's (its planned day opened a term now in its last year),
    and that election is otherwise shown but not judged — a village silent since its planned vote must
    still be asked (`overdue_finding`; a finished election has its vote on record and is not marked).
    """
    found = findings(v.general, today)
    if v.previous is not None and v.previous is not v.general:
        stalled = overdue_finding(v.previous, today)
        if stalled is not None:
            found += (stalled,)
    reached = stage(v.general, today)
    if reached == DONE and any(f.severity == ERROR for f in found):
        reached = HANDED_OVER
    for b in v.by_elections:
        found += tuple(round_findings(b, today))
    for r in v.recalls:
        found += tuple(recall_findings(r))
    return BoardRow(v, reached, found)


def stage_label(code: str) -> str:
    """The untranslated Chinese label of a stage (translate in context `elections_board`)."""
    return STAGE_LABELS.get(code, code)
