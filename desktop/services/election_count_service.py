"""投票计票, 当选公告, 工作移交 and the 离任审计 date of one election.

A vote is an `ElectionRound` (the 正式选举, then any 另行选举) with its ballot
counts and one `ElectionTally` per name and post (a candidate, or a name
written in: 另选他人). The result is never stored as a verdict: it is judged
again from the counts by the engine (`models.elections.tally`) every time it
is shown, so the screen, the printed 计票结果报告单 (`result_report`), the CLI
and the township board agree. Registered voters = the live lines of the
election's 选民名单 (`voter_roll_service.registered_voters`) — except for a 补选
decided by a meeting (第十九条): it has no 选民名单, and its vote is counted
against the meeting's members (`electors`): the 村民代表 in office on the day
for the 村民代表会议, the villagers 18 or over on the register for the 村民会议.

Announcing (`announce`) writes the `ElectedMember` rows and opens each one's
term record through `terms_service.appoint`, so every engine that asks who
holds office on a date sees the new 村委会 at once. A 换届 ends the outgoing
村委会's terms the same day (届满:换届), the members a 补选 added among them; a
补选's new terms stay open and so end with the current term's (第十九条;
`Election.term_end` records the day the term was due to end).

Refused (nothing written): counts that cannot be (more votes than ballots…),
a round before the vote is valid, an announcement while a 另行选举 or a tie
vote is still to be held, an elected write-in not found on the register. Late
工作移交 (第二十条) or 离任审计 (第三十五条) are warnings, judged by the same
rules as the township's board (`models.township.elections_board`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.services import record_store, terms_service, village_figures, voter_roll_service
from desktop.services.session import Session
from models import terms
from models.db import database
from models.elections import composition, law, tally
from models.elections.records import (
    BODY_REPRESENTATIVES,
    BODY_VILLAGERS,
    KIND_BY_ELECTION,
    KIND_GENERAL,
    POSTS,
    ROUND_MAIN,
    ROUND_RUNOFF,
    Candidate,
    ElectedMember,
    Election,
    ElectionRound,
    ElectionTally,
)
from models.entities import Person, PersonRole
from models.errors import NotFound, ValidationError
from models.legal import organic_law
from models.meetings.quorum import WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.township import elections_board as board

_C = "elections.count"
FEMALE = "女"


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


# --- what the screen shows -----------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One row of the count table: a name for a post and its votes.

    `candidate_id` for a nominated candidate; otherwise `write_in` is the name as written on
    the ballots (另选他人), and `person_id` the register's person it was matched to ("" = none).
    """

    post: str
    name: str
    votes: int = 0
    candidate_id: str = ""
    write_in: str = ""
    person_id: str = ""
    woman: bool | None = None

    @property
    def key(self) -> str:
        """The engine's key: the candidate, or the written name (one per post)."""
        return self.candidate_id or f"w:{self.write_in or self.name}"

    def entry(self) -> tally.Entry:
        """This line as the engine's input."""
        return tally.Entry(self.post, self.name, self.votes, is_candidate=bool(self.candidate_id), key=self.key,
                           woman=self.woman)


@dataclass(frozen=True)
class RoundInput:
    """What the count table holds before it is saved."""

    kind: str = ROUND_MAIN
    held_on: str = ""
    ballots_issued: int = 0
    ballots_cast: int = 0
    invalid_ballots: int = 0
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class RoundRow:
    """A saved vote."""

    id: str
    number: int
    kind: str
    held_on: str
    ballots_issued: int
    ballots_cast: int
    invalid_ballots: int


@dataclass
class RoundResult:
    """A saved vote, its lines and the engine's judgement of them."""

    round: RoundRow
    lines: list[Line]
    seats: dict[str, int]
    result: tally.Result


@dataclass(frozen=True)
class ElectedRow:
    """Someone elected (so far), with the round that elected them."""

    post: str
    name: str
    votes: int
    round_id: str
    candidate_id: str = ""
    person_id: str = ""
    woman: bool | None = None


@dataclass
class ElectionResult:
    """The whole count of an election: every round judged, who is elected, what vote is still to hold.

    The 计票结果报告单 (helper "papers") prints `rounds[i].result.arithmetic` and
    `.reasons`; `final` says whether the 当选公告 may be made.
    """

    election_id: str
    label: str
    kind: str
    election_day: str
    seats: dict[str, int]
    registered: int  # what the vote is counted against (`electors`; `base` says which)
    rounds: list[RoundResult] = field(default_factory=list)
    elected: list[ElectedRow] = field(default_factory=list)
    pending: list[tally.Further] = field(default_factory=list)
    unfilled: dict[str, int] = field(default_factory=dict)
    announced_on: str = ""
    base: str = "roll"  # BASE_ROLL, BASE_REPRESENTATIVES or BASE_VILLAGERS

    @property
    def valid(self) -> bool:
        """The last vote held is valid (turnout and counts)."""
        return bool(self.rounds) and self.rounds[-1].result.valid and not self.rounds[-1].result.errors

    @property
    def final(self) -> bool:
        """A valid vote held and no 另行选举 or tie vote still to hold: the result may be announced."""
        return self.valid and not self.pending

    def next_kind(self) -> str:
        """The kind of the next vote to record: a 另行选举 when one is pending, else the 正式选举."""
        return ROUND_RUNOFF if self.rounds and self.pending else ROUND_MAIN


def _election(election_id: str | None) -> Election:
    e = Election.get_or_none((Election.id == (election_id or "")) & (Election.deleted == False))  # noqa: E712
    if e is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次选举。")))
    return e


def seats_of(e: Election) -> dict[str, int]:
    """The posts and seats of an election (`vc_chair=1,…`), {} when not set or unreadable."""
    try:
        return tally.parse_seats(e.seats) if e.seats.strip() else {}
    except ValueError:
        return {}


def _women(person_ids: set[str]) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    ids = sorted(i for i in person_ids if i)
    for start in range(0, len(ids), 500):
        for p in Person.select(Person.id, Person.gender).where(Person.id.in_(ids[start:start + 500])):
            out[p.id] = True if p.gender == FEMALE else False if p.gender else None
    return out


def _candidates(election_id: str) -> list[Candidate]:
    return list(Candidate.live().join(Person).where((Candidate.election == election_id)
                                                    & (Candidate.withdrawn_on == ""))
                .order_by(Candidate.post, Candidate.nominations.desc(), Person.name))


def _rounds(election_id: str) -> list[ElectionRound]:
    return list(ElectionRound.live().where(ElectionRound.election == election_id)
                .order_by(ElectionRound.number, ElectionRound.held_on))


def _round_row(r: ElectionRound) -> RoundRow:
    return RoundRow(r.id, r.number, r.kind, r.held_on, r.ballots_issued, r.ballots_cast, r.invalid_ballots)


def _saved_lines(round_id: str) -> list[Line]:
    rows = list(ElectionTally.live().where(ElectionTally.round == round_id))
    cand = {c.id: c for c in Candidate.select().where(Candidate.id.in_([t.candidate_id for t in rows
                                                                        if t.candidate_id] or [""]))}
    persons = {c.person_id for c in cand.values()} | {t.person_id for t in rows if t.person_id}
    names = {p.id: p.name for p in Person.select(Person.id, Person.name).where(Person.id.in_(sorted(persons) or [""]))}
    women = _women(persons)
    out = []
    for t in rows:
        c = cand.get(t.candidate_id or "")
        pid = c.person_id if c else (t.person_id or "")
        name = names.get(c.person_id, "") if c else t.write_in
        out.append(Line(t.post, name, t.votes, t.candidate_id or "", "" if c else t.write_in, pid, women.get(pid)))
    order = {p: i for i, p in enumerate(POSTS)}
    return sorted(out, key=lambda ln: (order.get(ln.post, 9), bool(ln.write_in)))


def _woman_sitting(e: Election, on: str) -> bool:
    """A 补选: a woman already sits on the 村委会 on the day (第六条 is then met)."""
    if e.kind != KIND_BY_ELECTION or not on:
        return False
    return any(r.gender == FEMALE for r in terms_service.office_holders(terms.VILLAGE_COMMITTEE, on))


#: What a vote is counted against (`ElectionResult.base`): the 选民名单, or a meeting's members.
BASE_ROLL, BASE_REPRESENTATIVES, BASE_VILLAGERS = "roll", "representatives", "villagers"


def electors_base(e: Election) -> str:
    """BASE_*: a 补选 by the 村民代表会议 or the 村民会议 counts its meeting's members, anything else its 选民名单."""
    if e.kind == KIND_BY_ELECTION and e.body == BODY_REPRESENTATIVES:
        return BASE_REPRESENTATIVES
    if e.kind == KIND_BY_ELECTION and e.body == BODY_VILLAGERS:
        return BASE_VILLAGERS
    return BASE_ROLL


def electors(e: Election) -> int:
    """How many may vote: the 选民名单's lines, or for a 补选 by a meeting its members on the election day.

    The 村民代表会议: the 村民代表 in office (terms_service.office_holders); the 村民会议: the
    villagers 18 or over living here (village_figures.register_counts), or the list of them when the
    village wrote one (the demo's 村民会议 补选 does). A 补选 needs no 选民名单
    (第十九条 refers to the vote of 第十五条, not to the 选民登记 of 第十三条/第十四条).
    """
    base = electors_base(e)
    listed = voter_roll_service.registered_voters(e.id)
    if base == BASE_ROLL or (base == BASE_VILLAGERS and listed):  # a 村民会议 that listed its members
        return listed
    day = date.fromisoformat(e.election_day) if e.election_day else date.today()
    if base == BASE_REPRESENTATIVES:
        return len({r.person_id for r in terms_service.office_holders(("representative",), day)})
    return village_figures.register_counts(day).adults


def _judge(e: Election, registered: int, kind: str, held_on: str, issued: int, cast: int, invalid: int,
           lines: list[Line], seats: dict[str, int], woman_sitting: bool) -> tally.Result:
    return tally.count_round(tally.Count(
        registered=registered, ballots_cast=cast, seats=seats, entries=tuple(ln.entry() for ln in lines),
        ballots_issued=issued if issued else None, invalid_ballots=invalid, kind=kind,
        on=held_on or e.election_day or None, woman_sitting=woman_sitting))


def _seats_after(seats: dict[str, int], res: tally.Result) -> dict[str, int]:
    """The seats a further vote fills: per post, those not filled by this vote."""
    filled: dict[str, int] = {}
    for o in res.elected:
        filled[o.entry.post] = filled.get(o.entry.post, 0) + 1
    return {p: n - filled.get(p, 0) for p, n in seats.items() if n - filled.get(p, 0) > 0}


def result_report(election_id: str) -> ElectionResult:
    """Every round of the election judged by the engine, the elected so far and what is still to vote."""
    e = _election(election_id)
    seats = seats_of(e)
    registered = electors(e)
    out = ElectionResult(e.id, e.label, e.kind, e.election_day, seats, registered, announced_on=e.announced_on,
                         base=electors_base(e))
    current_seats = dict(seats)
    for r in _rounds(e.id):
        lines = _saved_lines(r.id)
        if r.kind == ROUND_MAIN:
            out.elected, current_seats = [], dict(seats)  # a new 正式选举 (the earlier one invalid) starts over
        women_before = any(x.woman for x in out.elected)
        res = _judge(e, registered, r.kind, r.held_on, r.ballots_issued, r.ballots_cast, r.invalid_ballots, lines,
                     current_seats, women_before or _woman_sitting(e, r.held_on))
        out.rounds.append(RoundResult(_round_row(r), lines, dict(current_seats), res))
        if res.errors or not res.valid:
            continue
        by_key = {ln.key: ln for ln in lines}
        for o in res.elected:
            ln = by_key.get(o.entry.key)
            out.elected.append(ElectedRow(o.entry.post, o.entry.name, o.entry.votes, r.id,
                                          ln.candidate_id if ln else "", ln.person_id if ln else "",
                                          ln.woman if ln else None))
        current_seats = _seats_after(current_seats, res)
        out.pending = list(res.further)
    out.unfilled = dict(current_seats)
    if out.rounds and out.rounds[-1].result.kind == ROUND_MAIN and not out.valid:
        out.pending = []  # the 正式选举 itself is to be held again
    return out


def round_lines(election_id: str, kind: str | None = None) -> RoundInput:
    """The rows of a new count table, each with 0 votes and the ballot counts empty.

    The candidates per post (in the 正式选举), or the 另行选举's candidates (the unelected with
    the most votes of the vote before).
    """
    e = _election(election_id)
    report = result_report(e.id)
    kind = kind or report.next_kind()
    if kind == ROUND_RUNOFF and report.pending:
        by_key = {ln.key: ln for ln in report.rounds[-1].lines}
        lines = []
        for f in report.pending:
            for en in f.entries:
                ln = by_key.get(en.key)
                if ln is not None:
                    lines.append(Line(ln.post, ln.name, 0, ln.candidate_id, ln.write_in, ln.person_id, ln.woman))
        return RoundInput(kind=kind, held_on=e.election_day, lines=tuple(lines))
    cands = _candidates(e.id)
    women = _women({c.person_id for c in cands})
    seats = seats_of(e)
    order = {p: i for i, p in enumerate(POSTS)}
    lines = [Line(c.post, c.person.name, 0, c.id, "", c.person_id, women.get(c.person_id))
             for c in sorted(cands, key=lambda c: order.get(c.post, 9)) if not seats or c.post in seats]
    return RoundInput(kind=ROUND_MAIN, held_on=e.election_day, lines=tuple(lines))


def round_seats(election_id: str, kind: str) -> dict[str, int]:
    """The seats the next vote of `kind` fills (the election's seats, or those a 另行选举 is for)."""
    report = result_report(election_id)
    if kind == ROUND_MAIN or not report.rounds:
        return dict(report.seats)
    return dict(report.unfilled)


def preview(election_id: str, data: RoundInput, round_id: str | None = None) -> tally.Result:
    """The engine's judgement of a count table as typed (nothing written): the panel beside the table."""
    e = _election(election_id)
    seats, woman_before = _round_context(e, data.kind, round_id)
    return _judge(e, electors(e), data.kind, data.held_on, data.ballots_issued,
                  data.ballots_cast, data.invalid_ballots, list(data.lines), seats,
                  woman_before or _woman_sitting(e, data.held_on))


def _round_context(e: Election, kind: str, round_id: str | None) -> tuple[dict[str, int], bool]:
    """The seats a round fills and whether a woman was elected before it (rounds before `round_id`)."""
    seats = seats_of(e)
    if kind == ROUND_MAIN:
        return seats, False
    report = result_report(e.id)
    earlier = [rr for rr in report.rounds if round_id is None or rr.round.id != round_id]
    if round_id is not None:
        mine = next((rr for rr in report.rounds if rr.round.id == round_id), None)
        if mine is not None:
            return mine.seats, any(x.woman for x in report.elected if x.round_id != round_id)
    if not earlier:
        return seats, False
    return dict(report.unfilled), any(x.woman for x in report.elected)


# --- writing a round ------------------------------------------------------------------------

def _check_input(e: Election, data: RoundInput) -> str:
    if data.kind not in (ROUND_MAIN, ROUND_RUNOFF):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择正式选举或另行选举。"))
    try:
        held = date.fromisoformat(data.held_on)
    except (TypeError, ValueError):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写投票日期。")) from None
    if held > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "投票日期 {on} 还没到;投票以后再登记计票结果。"), on=data.held_on)
    if e.announced_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选举结果已于 {on} 公告,不能再改计票。"), on=e.announced_on)
    if e.cancelled_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举已于 {on} 取消。"), on=e.cancelled_on)
    if not seats_of(e):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举还没有填写应选名额(主任、副主任、委员各几名)。"))
    if not data.ballots_cast:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写收回的选票张数。"))
    seen = set()
    for ln in data.lines:
        if not ln.candidate_id and not (ln.write_in or ln.name).strip():
            raise _invalid(QT_TRANSLATE_NOOP(_C, "另选他人的一行没有写姓名。"))
        if (ln.post, ln.key) in seen:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}在同一职位下出现了两次,请合并为一行。"), name=ln.name)
        seen.add((ln.post, ln.key))
    _check_nominated(e, data.lines)
    return held.isoformat()


def _check_nominated(e: Election, lines) -> None:
    """A line counted as a candidate's is a live, nominated candidate of this election for that post.

    Anyone else's votes are 另选他人 (a written-in name): 第十五条 — candidates are those the
    registered voters nominated, published before the vote.
    """
    wanted = {ln.candidate_id for ln in lines if ln.candidate_id}
    if not wanted:
        return
    found = {c.id: c for c in Candidate.live().where((Candidate.election == e.id) & Candidate.id.in_(sorted(wanted)))}
    for ln in lines:
        c = found.get(ln.candidate_id) if ln.candidate_id else None
        if ln.candidate_id and (c is None or c.withdrawn_on or c.post != ln.post):
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "{name}不是这次选举提名的{post}候选人(未提名、已退出或提名的是别的职位);候选人由登记参加选举的村民"
                    "直接提名({law})。写上他的选票请记在“另选他人”下。"),
                name=ln.name, post=tally.post_label(ln.post), law=law.cite(law.ART_VOTE, e.election_day or None))


def _match_person(name: str) -> str:
    """A write-in's person: the one live person on the register with exactly this name ("" otherwise)."""
    found = list(Person.live().where((Person.name == name.strip()) & (Person.left_on == "")).limit(2))
    return found[0].id if len(found) == 1 else ""


def save_round(session: Session, election_id: str, data: RoundInput, round_id: str | None = None) -> RoundResult:
    """Record a vote (or correct one not yet announced) and its tallies; returns the engine's judgement.

    Refused, nothing written: counts that cannot be (the engine's errors, with the reason), no
    vote day, a day still to come, an election already announced.
    """
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    held = _check_input(e, data)
    result = preview(e.id, data, round_id)
    if result.errors:
        first = result.errors[0]
        raise ValidationError(first.message if first.basis is None else msg(
            _C, QT_TRANSLATE_NOOP(_C, "{reason}({law})"), reason=first.message, law=first.basis.cite()))
    lines = [ln if ln.candidate_id or ln.person_id else Line(
        ln.post, (ln.write_in or ln.name).strip(), ln.votes, "", (ln.write_in or ln.name).strip(),
        _match_person(ln.write_in or ln.name), ln.woman) for ln in data.lines]
    with database.atomic():
        if round_id:
            r = ElectionRound.get_or_none((ElectionRound.id == round_id) & (ElectionRound.deleted == False)  # noqa: E712
                                          & (ElectionRound.election == e.id))
            if r is None:
                raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一轮投票。")))
            r = record_store.update(session, r, kind=data.kind, held_on=held, ballots_issued=data.ballots_issued,
                                    ballots_cast=data.ballots_cast, invalid_ballots=data.invalid_ballots)
        else:
            number = max((x.number for x in _rounds(e.id)), default=0) + 1
            r = record_store.create(session, ElectionRound, election=e.id, number=number, kind=data.kind,
                                    held_on=held, ballots_issued=data.ballots_issued, ballots_cast=data.ballots_cast,
                                    invalid_ballots=data.invalid_ballots, note="")
        have = {(t.post, t.candidate_id or f"w:{t.write_in}"): t
                for t in ElectionTally.live().where(ElectionTally.round == r.id)}
        wanted = set()
        for ln in lines:
            key = (ln.post, ln.key)
            wanted.add(key)
            row = have.get(key)
            if row is None:
                record_store.create(session, ElectionTally, round=r.id, post=ln.post, candidate=ln.candidate_id or None,
                                    person=(ln.person_id or None) if not ln.candidate_id else None,
                                    write_in=ln.write_in, votes=ln.votes)
            elif row.votes != ln.votes:
                record_store.update(session, row, votes=ln.votes)
        for key, row in have.items():
            if key not in wanted:
                record_store.soft_delete(session, row)
    report = result_report(e.id)
    return next(rr for rr in report.rounds if rr.round.id == r.id)


def delete_round(session: Session, election_id: str, round_id: str) -> None:
    """Take back a vote recorded by mistake (before the announcement); its tallies go with it."""
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    if e.announced_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选举结果已于 {on} 公告,不能再改计票。"), on=e.announced_on)
    r = ElectionRound.get_or_none((ElectionRound.id == round_id) & (ElectionRound.election == e.id)
                                  & (ElectionRound.deleted == False))  # noqa: E712
    if r is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一轮投票。")))
    if any(x.number > r.number for x in _rounds(e.id)):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这一轮之后还有投票;请先撤销后面的一轮。"))
    with database.atomic():
        for t in ElectionTally.live().where(ElectionTally.round == r.id):
            record_store.soft_delete(session, t)
        record_store.soft_delete(session, r)


# --- 当选公告 -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Announced:
    """The result announced: who took office, whose office ended, and what the law asks of the new body."""

    elected: tuple[ElectedRow, ...]
    ended: int
    warnings: tuple[Finding, ...]


def announce(session: Session, election_id: str, announced_on: date) -> Announced:
    """当选公告: write the elected members and open their terms (the outgoing 村委会's end, for a 换届).

    Refused: no valid vote, a 另行选举 or tie vote still to hold, a day before the last vote or
    still to come, an elected name written in that is not (exactly once) on the register.
    """
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    if e.announced_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已于 {on} 公告。"), on=e.announced_on)
    if not isinstance(announced_on, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写公告日期。"))
    day = announced_on.isoformat()
    report = result_report(e.id)
    if not report.rounds:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "还没有登记投票和计票结果。"))
    if not report.valid:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "最近一次投票无效,无人当选;应当重新投票。"))
    if report.pending:
        what = "、".join(tally.post_label(f.post) for f in report.pending)
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{posts}还要另行选举(或就票数相等的人再次投票),投票后再公告。"), posts=what)
    if not report.elected:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有人当选,无可公告。"))
    last = max(rr.round.held_on for rr in report.rounds)
    if day < last:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "公告日期 {on} 早于投票日 {vote}。"), on=day, vote=last)
    if announced_on > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "公告日期 {on} 还没到。"), on=day)
    missing = [x.name for x in report.elected if not x.person_id]
    if missing:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "当选的{names}是另选他人写上的,人员名册里找不到(或有同名的人);请先在人员名册登记,"
                "再在计票表中重新保存这一轮。"), names="、".join(missing))
    warnings: list[Finding] = []
    ended = 0
    with database.atomic():
        if e.kind == KIND_GENERAL:
            try:
                ended = len(terms_service.end_body(session, "village_committee", announced_on, "term_over", "换届"))
            except ValidationError:
                ended = 0  # nobody sitting (a new village, or the terms were ended by hand)
        order = {p: i for i, p in enumerate(POSTS)}
        for x in sorted(report.elected, key=lambda x: order.get(x.post, 9)):
            # A 补选's member serves until the current term ends (第十九条): the office stays open and
            # ends with the other members' when the next 换届 is announced (`end_body` above), never on
            # a date of its own — a 换届 held late would otherwise leave one member out of office early.
            appointed = terms_service.appoint(session, x.person_id, x.post, announced_on)
            role = PersonRole.get_by_id(appointed.office.id)
            record_store.create(session, ElectedMember, election=e.id, round=x.round_id, person=x.person_id,
                                post=x.post, votes=x.votes, role=role.id)
        # The committee as it sits once everyone is in: each appointment's own findings judged it half
        # filled ("村民委员会现有 1 人…三至七人" after the first of five).
        if report.elected:
            warnings.extend(terms_service.body_findings("village_committee", day))
        record_store.update(session, e, announced_on=day)
        if e.kind == KIND_GENERAL:
            warnings.extend(reselection_warnings(min(rr.round.held_on for rr in report.rounds), day))
        minority = minority_member_warning(e, day)
        if minority is not None:
            warnings.append(minority)
    unique = []
    for w in warnings:
        if w.text() not in {u.text() for u in unique}:
            unique.append(w)
    return Announced(tuple(report.elected), ended, tuple(unique))


#: The offices chosen by 推选 whose term is the 村委会's (第二十五条, 第二十八条): role → 2018 article.
RESELECTED_ROLES = {"representative": 25, "group_leader": 28}


def reselection_warnings(vote_day: str, on: str) -> list[Finding]:
    """After a 换届: the 村民代表 and 村民小组长 still in office who were chosen before the vote.

    Their term is the same as the 村委会's (组织法 第二十五条, 第二十八条), so with the new
    村委会 they are to be chosen again (their offices are left as they are: the village records
    the new 推选, and ends the old office then). One warning per kind, None of a kind without any.
    """
    out = []
    labels = {"representative": QT_TRANSLATE_NOOP(
        _C, "仍在任的{n}名村民代表是{vote}投票前推选的;村民代表的任期与村民委员会的任期相同,换届后应当重新推选。"),
        "group_leader": QT_TRANSLATE_NOOP(
        _C, "仍在任的{n}名村民小组长是{vote}投票前推选的;村民小组长的任期与村民委员会的任期相同,换届后应当重新推选。")}
    holders = terms_service.office_holders(tuple(RESELECTED_ROLES), on)
    for role, article in RESELECTED_ROLES.items():
        old = [h for h in holders if h.role == role and h.start_date < vote_day]
        if old:
            out.append(Finding(WARNING, msg(_C, labels[role], n=len(old), vote=vote_day),
                               organic_law(article, on=vote_day)))
    return out


def minority_member_warning(e: Election, on: str) -> Finding | None:
    """第六条: the warning when a 多民族 village's committee on `on` has no member of a smaller 民族.

    None when it has one, or the register does not tell. Read from the register: the 民族 of the
    people living in the village and of the 村委会 members in office that day (the new ones after a
    换届, all sitting ones after a 补选).
    """
    village = [row[0] or "" for row in Person.select(Person.ethnicity).where(
        (Person.deleted == False) & ((Person.left_on == "") | (Person.left_on > on))).tuples()]  # noqa: E712
    holders = {h.person_id for h in terms_service.office_holders(terms.VILLAGE_COMMITTEE, on)}
    members = [row[0] or "" for row in Person.select(Person.ethnicity).where(
        Person.id.in_(sorted(holders) or [""])).tuples()]
    return composition.minority_member_finding(village, members, e.election_day or on)


def elected(election_id: str) -> list[ElectedRow]:
    """The members announced (after the 当选公告), in post order."""
    e = _election(election_id)
    rows = list(ElectedMember.live().join(Person).where(ElectedMember.election == e.id))
    women = _women({r.person_id for r in rows})
    order = {p: i for i, p in enumerate(POSTS)}
    return sorted((ElectedRow(r.post, r.person.name, r.votes, r.round_id or "", "", r.person_id, women.get(r.person_id))
                   for r in rows), key=lambda x: (order.get(x.post, 9), -x.votes))


# --- 工作移交 and 离任审计 ---------------------------------------------------------------

def _fact(e: Election) -> board.ElectionFact:
    rounds = tuple(board.RoundFact(r.number, r.kind, r.held_on, r.ballots_issued, r.ballots_cast, r.invalid_ballots)
                   for r in _rounds(e.id))
    return board.ElectionFact(e.id, kind=e.kind, label=e.label, election_day=e.election_day,
                              announced_on=e.announced_on, handover_on=e.handover_on,
                              audit_published_on=e.audit_published_on, rounds=rounds)


def handover_findings(election_id: str, today: date | None = None) -> list[Finding]:
    """第二十条 and 第三十五条 as the township's board judges them: late handover, audit not before the vote."""
    e = _election(election_id)
    fact = _fact(e)
    today = today or date.today()
    out = [f.finding for f in (board.handover_finding(fact, today), board.audit_finding(fact, today)) if f]
    if e.handover_on and not e.handover_presided_by.strip():
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "没有写明工作移交由谁主持;工作移交由村民选举委员会主持。")), _law(20, e)))
    if e.handover_on and not e.handover_supervised_by.strip():
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "没有写明哪位乡镇人员到场监督;工作移交由乡镇人民政府监督。")), _law(20, e)))
    return out


def _law(article: int, e: Election):
    from models.legal import organic_law

    return organic_law(article, on=(e.election_day or None))


def record_handover(session: Session, election_id: str, handover_on: date, presided_by: str, supervised_by: str,
                    items: str) -> list[Finding]:
    """工作移交: the day, who presided (the 选举委员会) and who supervised (the township), the list handed over.

    Refused before the announcement or dated before it; more than 10 days after it is a warning.
    """
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    if not e.announced_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选举结果公告以后才能登记工作移交。"))
    if not isinstance(handover_on, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写移交日期。"))
    day = handover_on.isoformat()
    if day < e.announced_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "移交日期 {on} 早于当选公告日 {announced}。"), on=day, announced=e.announced_on)
    if handover_on > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "移交日期 {on} 还没到。"), on=day)
    record_store.update(session, e, handover_on=day, handover_presided_by=(presided_by or "").strip()[:64],
                        handover_supervised_by=(supervised_by or "").strip()[:64],
                        handover_items="\n".join(x.strip() for x in (items or "").splitlines() if x.strip()))
    return handover_findings(e.id)


def record_audit(session: Session, election_id: str, published_on: date | None) -> list[Finding]:
    """离任经济责任审计结果公布日 (None clears it); published on or after the vote is a warning (第三十五条)."""
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    day = published_on.isoformat() if isinstance(published_on, date) else ""
    if published_on is not None and published_on > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "公布日期 {on} 还没到。"), on=day)
    record_store.update(session, e, audit_published_on=day)
    return handover_findings(e.id)


@dataclass(frozen=True)
class HandoverView:
    """The 当选与移交 tab's facts."""

    label: str
    kind: str
    election_day: str
    announced_on: str
    handover_on: str
    presided_by: str
    supervised_by: str
    items: str
    audit_published_on: str


def handover_view(election_id: str) -> HandoverView:
    """What the 当选与移交 tab shows of the election."""
    e = _election(election_id)
    return HandoverView(e.label, e.kind, e.election_day, e.announced_on, e.handover_on, e.handover_presided_by,
                        e.handover_supervised_by, e.handover_items, e.audit_published_on)
