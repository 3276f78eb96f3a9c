"""民主选举: elections of the 村委会 as procedures — create, list with their stage, record each step.

An election is a `换届选举` (kind general) or a `补选` (kind by_election,
decided by the 村民会议 or 村民代表会议, its members serving until the current
term ends: 组织法 2018 第十九条). Each step is a date on the `Election` row;
`summary` hands the page the steps and the next one with why it is or is not
possible yet (`models.elections.procedure`).

The register's keepers write (`EDIT_REGISTER`, as the term records the
elected become); everyone reads. A refusal is a Chinese sentence naming the
article, and nothing is written.

Candidates, the 村民选举委员会's members and the 委托 are in
`election_people_service`; the 选民名单 belongs to the roll service (this
module only reads the `voter` table to count it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import election_count_service, installation, record_store, terms_service
from desktop.services.session import Session
from models import terms
from models.elections import law
from models.elections import procedure as pr
from models.elections.records import (
    BODIES,
    BODY_REPRESENTATIVES,
    BODY_VILLAGERS,
    ELECTION_KINDS,
    KIND_BY_ELECTION,
    KIND_GENERAL,
    POSTS,
    ROUND_MAIN,
    Candidate,
    ElectedMember,
    Election,
    ElectionCommitteeMember,
    ElectionRound,
    ProxyVote,
    Voter,
)
from models.elections.seats import (
    MAX_MEMBERS,
    POST_LABELS,
    SeatsError,
    format_seats,
    parse_seats,
    total_seats,
)
from models.entities import PersonRole
from models.errors import NotFound, ValidationError
from models.meetings.records import Meeting
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission

_C = "elections"

#: The codes the page takes from here (ui imports no record module): kinds, bodies, posts.
CODES = (ELECTION_KINDS, BODIES, POSTS)

KIND_LABELS = {
    KIND_GENERAL: QT_TRANSLATE_NOOP(_C, "换届选举"),
    KIND_BY_ELECTION: QT_TRANSLATE_NOOP(_C, "补选"),
}
BODY_LABELS = {
    BODY_VILLAGERS: QT_TRANSLATE_NOOP(_C, "村民会议"),
    BODY_REPRESENTATIVES: QT_TRANSLATE_NOOP(_C, "村民代表会议"),
    "group_meetings": QT_TRANSLATE_NOOP(_C, "各村民小组会议"),
}

#: Steps recorded as a date on the election here. The 选民名单 is published by the roll service
#: (`voter_roll_service.publish`, with its own checks); the vote, the 当选公告 (which opens the
#: terms) and the 工作移交 by the count service (`election_count_service`).
STEP_FIELDS = {
    pr.STEP_COMMITTEE: "committee_chosen_on",
    pr.STEP_CANDIDATES: "candidates_published_on",
    pr.STEP_PROXIES: "proxies_published_on",
    pr.STEP_AUDIT: "audit_published_on",
}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _iso(day: date | str | None) -> str:
    if day is None:
        return ""
    return day if isinstance(day, str) else day.isoformat()


def _today(today: date | None) -> date:
    return today or date.today()


# --- reading ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ElectionRow:
    """One election in the list: what it is and how far it went."""

    id: str
    kind: str
    label: str
    election_day: str
    seats: str
    body: str
    term_end: str
    stage: str  # source text of the next step's title, 已完成 or 已取消 (translate under "elections")
    cancelled_on: str


@dataclass(frozen=True)
class ElectionSummary:
    """The step summary at the top of the page: every step and the next one."""

    id: str
    kind: str
    label: str
    election_day: str
    seats: dict[str, int]
    body: str
    term_end: str
    cancelled_on: str
    note: str
    steps: tuple[pr.Step, ...]
    next: pr.NextStep


def _election(election_id: str) -> Election:
    found = Election.get_or_none((Election.id == election_id) & (Election.deleted == False))  # noqa: E712
    if found is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次选举,可能已被删除。")))
    return found


def _seats_of(election: Election) -> dict[str, int]:
    try:
        return parse_seats(election.seats)
    except SeatsError:
        return {}  # a bad stored value shows as "no seats yet", never a crash


def facts(election_id: str) -> pr.ElectionFacts:
    """What the procedure engine needs of one election, read from its records."""
    e = _election(election_id)
    committee = ElectionCommitteeMember.live().where(
        (ElectionCommitteeMember.election == e) & (ElectionCommitteeMember.left_on == "")).count()
    voters = Voter.live().where((Voter.election == e) & (Voter.removed_on == "")).count()
    candidates: dict[str, int] = {}
    for c in Candidate.live().where((Candidate.election == e) & (Candidate.withdrawn_on == "")):
        candidates[c.post] = candidates.get(c.post, 0) + 1
    proxies = ProxyVote.live().where(ProxyVote.election == e).count()
    main = (ElectionRound.live().where((ElectionRound.election == e) & (ElectionRound.kind == ROUND_MAIN)
                                       & (ElectionRound.held_on != ""))
            .order_by(ElectionRound.number).first())
    elected = ElectedMember.live().where(ElectedMember.election == e).count()
    pending: tuple[str, ...] = ()
    invalid = False
    if main and not e.announced_on:
        # Before the 当选公告 nobody is written down yet: the count says who is elected so far and
        # what is still to vote (另行选举), or that the vote is to be held again.
        from desktop.services import election_count_service

        report = election_count_service.result_report(e.id)
        elected = len(report.elected)
        pending = tuple(f.post for f in report.pending)
        invalid = bool(report.rounds) and not report.valid
    return pr.ElectionFacts(
        kind=e.kind, election_day=e.election_day, seats=_seats_of(e),
        committee_chosen_on=e.committee_chosen_on, committee_members=committee,
        roll_published_on=e.roll_published_on, voters=voters,
        candidates_published_on=e.candidates_published_on, candidates=candidates,
        proxies=proxies, proxies_published_on=e.proxies_published_on,
        audit_published_on=e.audit_published_on, vote_held_on=main.held_on if main else "",
        elected=elected, vote_pending=pending, vote_invalid=invalid, announced_on=e.announced_on,
        handover_on=e.handover_on, cancelled_on=e.cancelled_on, province=installation.province())


def list_elections(today: date | None = None) -> list[ElectionRow]:
    """Every election of the village, newest first (by election day, then by when it was entered)."""
    rows = list(Election.live())
    rows.sort(key=lambda e: (e.election_day or "9999", e.seq), reverse=True)
    day = _today(today)
    return [ElectionRow(e.id, e.kind, e.label, e.election_day, e.seats, e.body, e.term_end,
                        pr.stage_title(facts(e.id), day), e.cancelled_on) for e in rows]


def summary(election_id: str, today: date | None = None) -> ElectionSummary:
    """The election's steps with their dates and the next step with why it is or is not possible."""
    e = _election(election_id)
    f = facts(election_id)
    return ElectionSummary(e.id, e.kind, e.label, e.election_day, f.seats, e.body, e.term_end, e.cancelled_on,
                           e.note, tuple(pr.steps_of(f)), pr.next_step(f, _today(today)))


def current_term_end(on: date | str | None = None) -> str:
    """The last day of the current 村委会's term (a 补选's members serve until then), "" when none sits.

    An end date recorded on a member's office as the term's (届满: a 补选's member, a committee
    ended by the next 换届) wins; otherwise five years from the day the sitting committee began
    (组织法 2018 第十一条), less one day. A member's own earlier end (罢免, 辞职, 死亡 recorded later)
    says nothing of the term: taken as the term's end, a 推选 made before a recall was given the
    recall's day as its term end.
    """
    day = _iso(on) or date.today().isoformat()
    sitting = [r for r in PersonRole.live().where(PersonRole.role.in_(terms.VILLAGE_COMMITTEE))
               if terms.holds_on(r.start_date, r.end_date, day)]
    term_over = terms_service.END_REASONS["term_over"]
    ends = sorted(r.end_date for r in sitting if r.end_date and (r.end_reason or "").startswith(term_over))
    if ends:
        return ends[-1]
    starts = sorted(r.start_date for r in sitting if r.start_date)
    if not starts:
        return ""
    return terms.default_term_last_day(date.fromisoformat(starts[0])).isoformat()


# --- writing ------------------------------------------------------------------------------------

def _checked(kind: str, label: str, election_day: str, seats: dict[str, int], body: str,
             term_end: str) -> dict:
    if kind not in ELECTION_KINDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择换届选举或补选。"))
    if not label.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写选举名称,例如“第十二届村民委员会换届选举”。"))
    if len(label.strip()) > 64:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选举名称太长了(最多64个字)。"))
    if election_day:
        try:
            date.fromisoformat(election_day)
        except ValueError:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "选举日“{day}”不是有效的日期。"), day=election_day) from None
    seats = {post: n for post, n in seats.items() if n}
    try:
        text = format_seats(parse_seats(format_seats(seats)))
    except SeatsError:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "应选职位只能是主任、副主任和委员,名额是不小于零的整数。")) from None
    if not seats:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请至少填写一个应选职位的名额。"))
    if kind == KIND_GENERAL:
        if total_seats(seats) < 3 or total_seats(seats) > MAX_MEMBERS or seats.get("vc_chair", 0) != 1:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "换届选举应选主任一名,全体成员三至七人({law})。"),
                law=law.cite(law.ART_COMPOSITION, election_day or None))
        body, term_end = "", ""
    else:
        if body not in (BODY_VILLAGERS, BODY_REPRESENTATIVES):
            raise _invalid(QT_TRANSLATE_NOOP(_C, "补选由村民会议或者村民代表会议进行,请选择其中之一({law})。"),
                           law=law.cite(law.ART_BY_ELECTION, election_day or None))
        if seats.get("vc_chair", 0) > 1 or total_seats(seats) > MAX_MEMBERS - 1:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "补选只补出缺的职位:主任最多一名,补选人数应少于全体成员七人。"))
        if term_end:
            try:
                date.fromisoformat(term_end)
            except ValueError:
                raise _invalid(QT_TRANSLATE_NOOP(_C, "任期届满日“{day}”不是有效的日期。"), day=term_end) from None
            if election_day and term_end <= election_day:
                raise _invalid(QT_TRANSLATE_NOOP(
                    _C, "本届村民委员会任期到{end}届满,补选日{day}已在届满之后;届满应当换届选举({law})。"),
                    end=term_end, day=election_day, law=law.cite(law.ART_TERM, election_day))
    return {"kind": kind, "label": label.strip(), "election_day": election_day, "seats": text,
            "body": body, "term_end": term_end}


def create_election(session: Session, kind: str, label: str, election_day: date | str | None,
                    seats: dict[str, int], body: str = "", term_end: date | str | None = None,
                    note: str = "") -> ElectionRow:
    """A new 换届选举 or 补选; a 补选 without a term end takes the current 村委会 term's."""
    session.require(Permission.EDIT_REGISTER)
    day = _iso(election_day)
    end = _iso(term_end)
    if kind == KIND_BY_ELECTION and not end:
        end = current_term_end(day or None)
    values = _checked(kind, label, day, seats, body, end)
    e = record_store.create(session, Election, note=note, **values)
    return _row(e)


def edit_election(session: Session, election_id: str, label: str, election_day: date | str | None,
                  seats: dict[str, int], body: str = "", term_end: date | str | None = None,
                  note: str | None = None) -> ElectionRow:
    """Change an election's name, day, posts or (补选) deciding body and term end.

    A new election day is refused when the 选民名单 already published is then
    less than twenty days before it (第十四条).
    """
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    _refuse_cancelled(e)
    values = _checked(e.kind, label, _iso(election_day), seats, body, _iso(term_end) or e.term_end)
    day_changed = values["election_day"] != e.election_day
    if day_changed and e.roll_published_on and values["election_day"]:
        gap = pr.roll_gap_problem(e.roll_published_on, values["election_day"])
        if gap is not None:
            raise ValidationError(gap)
    if (day_changed or values["seats"] != e.seats) and _vote_held(e):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已经投票,不能再改选举日和应选名额。"))
    new_seats = parse_seats(values["seats"])
    for post, count in facts(election_id).candidates.items():
        if count and post not in new_seats:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "还有{count}名{post}候选人;不再选{post},请先登记他们退出。"),
                           count=count, post=POST_LABELS[post])
    if note is not None:
        values["note"] = note
    return _row(record_store.update(session, e, **values))


def _vote_held(e: Election) -> bool:
    return ElectionRound.live().where((ElectionRound.election == e) & (ElectionRound.held_on != "")).exists()


def _refuse_cancelled(e: Election) -> None:
    if e.cancelled_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举已于{day}取消,不能再修改。"), day=e.cancelled_on)


def cancel_election(session: Session, election_id: str, on: date | str, reason: str) -> ElectionRow:
    """Call an election off (a day and a reason); it stays in the list as 已取消. Not once a vote was held."""
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    _refuse_cancelled(e)
    if not reason.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明取消的原因。"))
    if _vote_held(e):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已经投票的选举不能取消;当选无效须依法处理({law})。"),
                       law=law.cite(17, e.election_day or None))
    note = (e.note + "\n" if e.note else "") + reason.strip()
    return _row(record_store.update(session, e, cancelled_on=_iso(on), note=note))


def _step_to_write(session: Session, election_id: str, step: str) -> tuple[Election, str]:
    """The election and the column of `step`, for recording or taking back a step here.

    Refused: a login that may not write the register, a cancelled election, a step whose
    own tab records it (公告, 移交), a step with no date column.
    """
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    _refuse_cancelled(e)
    _refuse_tab_step(step)
    field = STEP_FIELDS.get(step)
    if field is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这一步不在这里登记。"))
    return e, field


def record_step(session: Session, election_id: str, step: str, on: date | str,
                today: date | None = None, **details) -> ElectionSummary:
    """Record that `step` was taken on `on`; refused with the article when the law does not allow it yet.

    `details`: for the committee step, `by` (the body that chose it: 村民会议,
    村民代表会议 or 各村民小组会议) and optionally `meeting_id`.
    """
    e, field = _step_to_write(session, election_id, step)
    day = _iso(on)
    try:
        date.fromisoformat(day)
    except ValueError:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "“{day}”不是有效的日期。"), day=day) from None
    f = facts(election_id)
    keys = pr.BY_ELECTION_STEPS if e.kind == KIND_BY_ELECTION else pr.GENERAL_STEPS
    if step not in keys:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "补选没有这一步。"))
    reasons = [r for r in pr.why_not(step, f, _today(today)) if step != pr.STEP_VOTE]
    if reasons:
        raise ValidationError(reasons[0])
    changes: dict = {field: day}
    problem = _step_problem(step, e, f, day)
    if problem is not None:
        raise ValidationError(problem)
    if step == pr.STEP_COMMITTEE:
        by = details.get("by", "")
        if by not in BODIES:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "村民选举委员会由村民会议、村民代表会议或者各村民小组会议推选产生,请选择推选它的会议({law})。"),
                law=law.cite(law.ART_COMMITTEE, e.election_day or day))
        changes["committee_chosen_by"] = by
        changes["committee_meeting"] = _committee_meeting(details.get("meeting_id") or None, by, day)
    elif step == pr.STEP_AUDIT:  # the 当选与移交 tab's date: one writer, with its checks
        election_count_service.record_audit(session, election_id, date.fromisoformat(day))
        return summary(election_id, today)
    record_store.update(session, e, **changes)
    return summary(election_id, today)


def _refuse_tab_step(step: str) -> None:
    """The 当选公告 and the 工作移交 are recorded (and corrected) on the 当选与移交 tab only: say so."""
    if step == pr.STEP_ANNOUNCE:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "当选公告在“当选与移交”页登记:公告的同时当选人员登记任职,公告日期不能在这里单独登记、修改或撤回。"))
    if step == pr.STEP_HANDOVER:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "工作移交在“当选与移交”页登记(移交日期、主持、监督和移交清单)。"))


#: Which meeting records a 推选 by which body (a 村民会议 of either form; each 村民小组会议).
_MEETING_BODIES = {"assembly": BODY_VILLAGERS, "assembly_households": BODY_VILLAGERS,
                   "representatives": BODY_REPRESENTATIVES, "group": "group_meetings"}


def committee_meeting_choices(election_id: str) -> list[tuple[str, str, str, str]]:
    """(id, held_on, title, body) of the meetings that may have chosen the committee, newest first.

    A 村民会议, 村民代表会议 or 村民小组会议 (第十二条) held on or before the election day.
    """
    e = _election(election_id)
    query = Meeting.select(Meeting.id, Meeting.title, Meeting.held_on, Meeting.type_code).where(
        (Meeting.deleted == False) & Meeting.type_code.in_(list(_MEETING_BODIES)))  # noqa: E712
    if e.election_day:
        query = query.where(Meeting.held_on <= e.election_day)
    return [(m.id, m.held_on, m.title, _MEETING_BODIES[m.type_code])
            for m in query.order_by(Meeting.held_on.desc())]


def _committee_meeting(meeting_id: str | None, by: str, day: str) -> str | None:
    """The meeting that chose the committee, checked: it exists, is of the body named, and was held by `day`."""
    if meeting_id is None:
        return None
    m = Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False))  # noqa: E712
    if m is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次会议的记录,可能已被删除。")))
    if _MEETING_BODIES.get(m.type_code) != by:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "所选会议“{title}”不是{body},与推选它的会议不符。"),
                       title=m.title, body=BODY_LABELS.get(by, by))
    if m.held_on and m.held_on > day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "会议“{title}”在{held}召开,晚于登记的推选日{day}。"),
                       title=m.title, held=m.held_on, day=day)
    return m.id


def _step_problem(step: str, e: Election, f: pr.ElectionFacts, day: str) -> Message | None:
    """What makes recording `step` on `day` against the law (refused), or None."""
    if step == pr.STEP_PROXIES and e.election_day and day > e.election_day:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "委托投票名单应当在投票之前公布({law})。"),
                   law=law.cite(law.ART_VOTE, e.election_day))
    return None


def clear_step(session: Session, election_id: str, step: str) -> ElectionSummary:
    """Take back a step recorded by mistake (its date becomes "" again)."""
    e, field = _step_to_write(session, election_id, step)
    if step == pr.STEP_AUDIT:
        election_count_service.record_audit(session, election_id, None)
        return summary(election_id)
    changes = {field: ""}
    if step == pr.STEP_COMMITTEE:
        changes.update(committee_chosen_by="", committee_meeting=None)
    record_store.update(session, e, **changes)
    return summary(election_id)


def _row(e: Election) -> ElectionRow:
    return ElectionRow(e.id, e.kind, e.label, e.election_day, e.seats, e.body, e.term_end,
                       pr.stage_title(facts(e.id), date.today()), e.cancelled_on)


def seats_text(seats: dict[str, int]) -> list[tuple[str, int]]:
    """(post label source text, seats) in the order of the posts, for the page."""
    return [(POST_LABELS[post], n) for post, n in seats.items()]
