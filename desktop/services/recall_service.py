"""罢免 of a 村委会 member, the end of an office by law, and the 补选 that fills the vacancy.

A recall is filed against the term record (`PersonRole`) of a member in office on the day of the
request, with the signers and the base they are counted against: the registered voters of the
latest election (its 选民名单 lines) or the 村民代表 in office that day (`terms_service`). The
member's 申辩 is recorded before the vote; the vote's numbers decide the outcome
(`models.elections.recall`), and a recall that passes ends the office that day through
`terms_service.end_office` (罢免). A vacancy — by recall, by law (第十八条) or otherwise — may then
start a 补选: an `Election` of kind `by_election` for the vacant post whose members serve until
the current term ends (第十九条).

Refused (nothing changes): a person not in office on the day, impossible numbers (more votes
than voters...), a vote on a request that did not reach its share, a second open request against
the same office. The law's softer points (no reasons, no 申辩, a long wait) are findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.services import (
    elections_service,
    meetings_service,
    read_models,
    record_store,
    terms_service,
)
from desktop.services.people_service import PERSON_ROLES
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models import terms
from models.db import database
from models.elections import recall as rc
from models.elections.records import (
    BODIES,
    BODY_GROUPS,
    KIND_BY_ELECTION,
    KIND_GENERAL,
    RECALL_BASES,
    RECALL_BY_REPRESENTATIVES,
    RECALL_BY_VOTERS,
    RECALL_RECALLED,
    RECALL_WITHDRAWN,
    Election,
    Recall,
    Voter,
)
from models.errors import NotFound, ValidationError
from models.meetings.quorum import ERROR, Finding
from models.meetings.records import Meeting
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "elections.recall"

#: Labels of the stored codes (the screens translate them under this context).
BASIS_LABELS = {RECALL_BY_VOTERS: QT_TRANSLATE_NOOP(_C, "五分之一以上选民联名"),
                RECALL_BY_REPRESENTATIVES: QT_TRANSLATE_NOOP(_C, "三分之一以上村民代表联名")}
OUTCOME_LABELS = {"": QT_TRANSLATE_NOOP(_C, "待表决"), RECALL_RECALLED: QT_TRANSLATE_NOOP(_C, "已罢免"),
                  "not_recalled": QT_TRANSLATE_NOOP(_C, "未罢免"), RECALL_WITHDRAWN: QT_TRANSLATE_NOOP(_C, "已撤回")}
LAW_END_CAUSES = rc.LAW_END_CAUSES
BODY_LABELS = {"villagers_meeting": QT_TRANSLATE_NOOP(_C, "村民会议"),
               "representatives_meeting": QT_TRANSLATE_NOOP(_C, "村民代表会议")}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _day(value: date, template: str) -> str:
    if not isinstance(value, date):
        raise _invalid(template)
    if value > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "日期 {on} 晚于今天;发生后再登记。"), on=value.isoformat())
    return value.isoformat()


def _count(value, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{label}应当是不小于 0 的整数。"), label=label)
    return value


# --- what the numbers are counted against ----------------------------------------------------

def members_on(on: date | str | None = None) -> list[terms_service.OfficeRow]:
    """The 村委会 members in office on `on` (today when None): whom a recall may be filed against."""
    return terms_service.office_holders(terms.VILLAGE_COMMITTEE, on)


def latest_roll(on: date | str | None = None) -> tuple[str, int]:
    """(election label, registered voters) of the latest election on or before `on` that has a 选民名单.

    The voters are the list's lines not taken off it by `on`; ("", 0) when no list is on record.
    """
    day = terms_service._iso(on)
    elections = (Election.live().where((Election.cancelled_on == "") & (Election.election_day != "")
                                       & (Election.election_day <= day))
                 .order_by(Election.election_day.desc()))
    for election in elections:
        lines = Voter.live().where((Voter.election == election)
                                   & ((Voter.removed_on == "") | (Voter.removed_on > day))).count()
        if lines:
            return election.label, lines
    return "", 0


def base_count(basis: str, on: date | str | None = None) -> int:
    """Registered voters (latest 选民名单) or 村民代表 in office on `on`, for a request on `basis`."""
    if basis == RECALL_BY_REPRESENTATIVES:
        return len({r.person_id for r in terms_service.office_holders(("representative",), on)})
    return latest_roll(on)[1]


def term_end_on(on: date | str | None = None) -> str:
    """The last day of the 村委会 term running on `on` ("" when nothing tells).

    The elections' own answer first (`elections_service.current_term_end`: an end recorded on a
    sitting member's office, else five years from the earliest start); without members in office,
    five years from the latest 换届 announced by then.
    """
    day = terms_service._iso(on)
    found = elections_service.current_term_end(day)
    if found:
        return found
    general = [e.election_day for e in Election.live().where(
        (Election.kind == KIND_GENERAL) & (Election.cancelled_on == "") & (Election.announced_on != ""))]
    return rc.current_term_end(general, [], day)


# --- the recalls ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RecallRow:
    """A recall as the screens list it, with what the law says of it now."""

    id: str
    role_id: str
    person_id: str
    name: str
    post: str
    requested_on: str
    basis: str
    signers: int
    base_count: int
    needed: int
    request_met: bool
    reasons: str
    answer: str
    answered_on: str
    vote_on: str
    meeting_id: str
    registered: int
    cast: int
    agree: int
    outcome: str
    office_end: str
    note: str
    findings: tuple[Finding, ...]


def _row(r: Recall) -> RecallRow:
    request = rc.check_request(r.basis, r.signers, r.base_count, r.requested_on, r.reasons)
    findings = list(request.findings)
    if r.vote_on and r.outcome != RECALL_WITHDRAWN:
        findings += rc.answer_findings(r.answer, r.answered_on, r.vote_on)
        findings += rc.check_vote(r.registered, r.cast, r.agree, r.vote_on).findings
    if request.met and r.outcome != RECALL_WITHDRAWN:
        findings += rc.convening_findings(r.requested_on, r.vote_on, date.today().isoformat())
    office = r.role
    return RecallRow(r.id, r.role_id, r.person_id, r.person.name, office.role, r.requested_on, r.basis,
                     r.signers, r.base_count, request.needed, request.met, r.reasons, r.answer, r.answered_on,
                     r.vote_on, r.meeting_id or "", r.registered, r.cast, r.agree, r.outcome, office.end_date,
                     r.note, tuple(findings))


def _recall(recall_id: str) -> Recall:
    found = Recall.get_or_none((Recall.id == recall_id) & (Recall.deleted == False))  # noqa: E712
    if found is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这项罢免记录。")))
    return found


def recalls() -> list[RecallRow]:
    """Every recall, newest request first."""
    return [_row(r) for r in Recall.live().order_by(Recall.requested_on.desc(), Recall.seq.desc())]


def recall(recall_id: str) -> RecallRow:
    """One recall with its findings."""
    return _row(_recall(recall_id))


def check_request(basis: str, signers: int, base: int, on: date, reasons: str = "") -> rc.RequestVerdict:
    """The request's verdict before it is filed (for the dialog's live answer)."""
    return rc.check_request(basis, signers, base, on.isoformat() if isinstance(on, date) else str(on), reasons)


def check_vote(registered: int, cast: int, agree: int, on: date) -> rc.VoteVerdict:
    """The vote's verdict before it is recorded (for the dialog's live answer)."""
    return rc.check_vote(registered, cast, agree, on.isoformat() if isinstance(on, date) else str(on))


def assembly_meetings() -> list[tuple[str, str]]:
    """村民会议 on record, newest first, as (id, "2025-03-20 title"): the meeting a recall vote may point to."""
    rows = meetings_service.list_meetings("assembly")
    return [(m.id, f"{m.held_on} {m.title}") for m in sorted(rows, key=lambda m: m.held_on, reverse=True)]


def vote_problems(registered: int, cast: int, agree: int) -> list[str]:
    """Why the vote's numbers cannot be (source-language templates, context `elections.recall`)."""
    return rc.vote_errors(registered, cast, agree)


def file_recall(session: Session, role_id: str, requested_on: date, basis: str, signers: int, reasons: str,
                base: int | None = None, note: str = "") -> RecallRow:
    """Record a recall request against the office `role_id` (a 村委会 member in office that day).

    `base`: the voters or representatives counted against; None = what the records say
    (`base_count`). A request short of its share is kept with its finding (the village may
    have received it), but no vote can be recorded on it.
    """
    session.require(Permission.EDIT_REGISTER)
    day = _day(requested_on, QT_TRANSLATE_NOOP(_C, "请填写提出罢免要求的日期。"))
    if basis not in RECALL_BASES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择联名的依据:选民或村民代表。"))
    office = terms_service._office(role_id)
    if office.role not in terms.VILLAGE_COMMITTEE:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只能罢免村民委员会成员。"))
    if not terms.holds_on(office.start_date, office.end_date, day):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}在 {on} 不是村民委员会成员,不能对其提出罢免。"),
                       name=office.person.name, on=day)
    signers = _count(signers, QT_TRANSLATE_NOOP(_C, "联名人数"))
    base = base_count(basis, day) if base is None else _count(base, QT_TRANSLATE_NOOP(_C, "总数"))
    if base <= 0:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "不知道{who}总数:没有选民名单或在任的村民代表,请填写总数。"),
            who="有选举权的村民" if basis == RECALL_BY_VOTERS else "村民代表")
    if signers > base:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "联名 {signers} 人,多于总数 {base} 人,请核对。"),
                       signers=signers, base=base)
    pending = Recall.live().where((Recall.role == office) & (Recall.outcome == "")).first()
    if pending is not None:
        if not rc.check_request(pending.basis, pending.signers, pending.base_count, pending.requested_on,
                                pending.reasons).met:
            # A short request cannot be voted on: calling it 待表决 left the secretary with no way forward.
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "对{name}已经有一项待表决的罢免要求({on}提出,联名 {signers} 人,人数不足,不能表决);"
                    "如果人数登记错了或又征集到联名,请先在列表中选中它并“撤回”,再重新登记。"),
                name=office.person.name, on=pending.requested_on, signers=pending.signers)
        raise _invalid(QT_TRANSLATE_NOOP(_C, "对{name}已经有一项待表决的罢免要求。"), name=office.person.name)
    created = record_store.create(session, Recall, role=office.id, person=office.person_id, requested_on=day,
                                  basis=basis, signers=signers, base_count=base, reasons=(reasons or "").strip(),
                                  note=(note or "").strip())
    return _row(created)


def record_answer(session: Session, recall_id: str, answer: str, answered_on: date) -> RecallRow:
    """The member's 申辩意见 (or that they chose not to give one), dated."""
    session.require(Permission.EDIT_REGISTER)
    found = _recall(recall_id)
    day = _day(answered_on, QT_TRANSLATE_NOOP(_C, "请填写申辩的日期。"))
    text = (answer or "").strip()
    if not text:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写申辩意见;本人放弃申辩的,请写明“放弃申辩”。"))
    if day < found.requested_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "申辩日期 {on} 早于提出罢免要求的日期 {requested}。"),
                       on=day, requested=found.requested_on)
    return _row(record_store.update(session, found, answer=text, answered_on=day))


@dataclass(frozen=True)
class VoteResult:
    """The recorded vote, its verdict, and the office it ended (None when not recalled)."""

    recall: RecallRow
    verdict: rc.VoteVerdict
    ended: read_models.PersonRoleView | None


def record_vote(session: Session, recall_id: str, vote_on: date, registered: int, cast: int, agree: int,
                meeting_id: str | None = None) -> VoteResult:
    """The 村民会议's vote; when it recalls, the office ends on the vote day (罢免), in one transaction."""
    session.require(Permission.EDIT_REGISTER)
    found = _recall(recall_id)
    if found.outcome:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这项罢免已有结果,不能再登记表决。"))
    day = _day(vote_on, QT_TRANSLATE_NOOP(_C, "请填写表决日期。"))
    if day < found.requested_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "表决日期 {on} 早于提出罢免要求的日期 {requested}。"),
                       on=day, requested=found.requested_on)
    request = rc.check_request(found.basis, found.signers, found.base_count, found.requested_on, found.reasons)
    if not request.met:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "联名 {signers} 人,不足 {needed} 人,罢免要求不成立,不能表决({basis})。"),
            signers=found.signers, needed=request.needed, basis=rc.recall_basis(found.requested_on).cite())
    numbers = [_count(v, label) for v, label in ((registered, QT_TRANSLATE_NOOP(_C, "登记参加选举的村民人数")),
                                                 (cast, QT_TRANSLATE_NOOP(_C, "投票人数")),
                                                 (agree, QT_TRANSLATE_NOOP(_C, "赞成票数")))]
    errors = rc.vote_errors(*numbers)
    if errors:
        raise ValidationError(msg(_C, errors[0]))
    office = found.role
    if office.end_date and office.end_date <= day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}的这项任职已于 {on} 结束,不必表决;可将罢免要求撤回。"),
                       name=office.person.name, on=office.end_date)
    if meeting_id and Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False)) is None:  # noqa: E712
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到所选的会议。")))
    verdict = rc.check_vote(*numbers, day)
    ended = None
    with database.atomic():
        updated = record_store.update(session, found, vote_on=day, registered=numbers[0], cast=numbers[1],
                                      agree=numbers[2], meeting=meeting_id or None, outcome=verdict.outcome)
        if verdict.passed:
            detail = f"村民会议 {day} 表决,赞成 {numbers[2]} 票/投票 {numbers[1]} 人/登记 {numbers[0]} 人"
            ended = terms_service.end_office(session, office.id, vote_on, "recalled", detail)
    return VoteResult(_row(updated), verdict, ended)


def withdraw(session: Session, recall_id: str, note: str = "") -> RecallRow:
    """A request withdrawn (or moot: the member left) before its vote."""
    session.require(Permission.EDIT_REGISTER)
    found = _recall(recall_id)
    if found.outcome:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这项罢免已有结果,不能撤回。"))
    text = "\n".join(t for t in (found.note, (note or "").strip()) if t)
    return _row(record_store.update(session, found, outcome=RECALL_WITHDRAWN, note=text))


# --- office ended by law (第十八条) ----------------------------------------------------------

def end_by_law(session: Session, role_id: str, on: date, cause: str) -> read_models.PersonRoleView:
    """A 村委会 member's office ends by law on `on` (丧失行为能力 / 被判处刑罚): 职务自行终止."""
    session.require(Permission.EDIT_REGISTER)
    if cause not in rc.LAW_END_CAUSES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择职务终止的原因:丧失行为能力或被判处刑罚。"))
    office = terms_service._office(role_id)
    if office.role not in terms.VILLAGE_COMMITTEE:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "职务自行终止只适用于村民委员会成员。"))
    if not isinstance(on, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写职务终止的日期。"))
    return terms_service.end_office(session, role_id, on, "ineligible", rc.end_by_law_detail(cause, on.isoformat()))


# --- the by-election (第十九条) ---------------------------------------------------------------

@dataclass(frozen=True)
class Vacancy:
    """A 村委会 office that ended before its term: whom a 补选 replaces."""

    role_id: str
    name: str
    post: str
    ended_on: str
    reason: str
    term_end: str


def vacancies(on: date | str | None = None) -> list[Vacancy]:
    """村委会 offices ended before `on` within the term running then, not yet filled by a 补选 started for them."""
    day = terms_service._iso(on)
    end = term_end_on(day)
    started = {e.note for e in Election.live().where(Election.kind == KIND_BY_ELECTION)}
    out = []
    for row in terms_service.history(role_codes=terms.VILLAGE_COMMITTEE, ended_only=True):
        if row.end_date > day or row.end_reason.startswith("届满") or _vacancy_note(row.id) in started:
            continue
        if end and term_end_on(row.end_date) != end:
            continue  # a vacancy of an earlier term: the 换届 filled it
        out.append(Vacancy(row.id, row.name, row.role, row.end_date, row.end_reason, end))
    return out


def _vacancy_note(role_id: str) -> str:
    """The 补选's note that ties it to the office it fills (so a vacancy is offered once)."""
    return f"出缺任职记录 {role_id}"


@dataclass(frozen=True)
class ByElection:
    """A 补选 started: its election record and what the law says of it."""

    election: elections_service.ElectionRow
    findings: tuple[Finding, ...]


def start_by_election(session: Session, role_id: str, body: str, election_day: date | None = None,
                      term_end: str | None = None) -> ByElection:
    """Open a 补选 (`Election` of kind `by_election`) for the post left vacant by the office `role_id`.

    Decided by the 村民会议 or the 村民代表会议 (`body`); seats: that one post; the term ends with
    the current 村委会's (`term_end`, from the records when None). Its rounds and count are the
    election screens' (any kind of election).
    """
    session.require(Permission.EDIT_REGISTER)
    office = terms_service._office(role_id)
    if office.role not in terms.VILLAGE_COMMITTEE:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只能为村民委员会的出缺补选。"))
    if not office.end_date:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}仍在任,没有出缺;先登记离任、罢免或职务终止。"),
                       name=office.person.name)
    if body not in BODIES or body == BODY_GROUPS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "补选由村民会议或者村民代表会议进行,请选择。"))
    day = ""
    if election_day is not None:
        if not isinstance(election_day, date):
            raise _invalid(QT_TRANSLATE_NOOP(_C, "补选日期不是日期。"))
        day = election_day.isoformat()
        if day < office.end_date:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "补选日期 {on} 早于出缺日期 {end}。"), on=day, end=office.end_date)
    end = term_end_on(office.end_date) if term_end is None else (term_end or "").strip()
    if end:
        try:
            date.fromisoformat(end)
        except ValueError:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "任期届满日期 {end} 不是日期。"), end=end) from None
    note = _vacancy_note(office.id)
    if Election.live().where((Election.kind == KIND_BY_ELECTION) & (Election.note == note)
                             & (Election.cancelled_on == "")).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已经为{name}的出缺发起了补选。"), name=office.person.name)
    findings = rc.by_election_findings(body, end, day or office.end_date)
    if any(f.severity == ERROR for f in findings):
        raise ValidationError(findings[0].message)
    post = PERSON_ROLES[office.role].removeprefix("村委会")
    label = f"补选村民委员会{post}({office.person.name}出缺)"[:64]
    created = elections_service.create_election(session, KIND_BY_ELECTION, label, day or None, {office.role: 1},
                                                body, end, note)
    return ByElection(created, tuple(findings))


def by_election_preview(body: str, term_end: str, on: date) -> list[Finding]:
    """What 第十九条 says of a 补选 by `body` planned for `on` (the dialog's live answer)."""
    return rc.by_election_findings(body, term_end, on.isoformat())


def by_elections() -> list[Any]:
    """Every 补选 on record, newest first (their steps and count live on the election screens)."""
    return [snapshot(e) for e in Election.live().where(Election.kind == KIND_BY_ELECTION)
            .order_by(Election.election_day.desc(), Election.seq.desc())]


def office(role_id: str) -> read_models.PersonRoleView:
    """A term record (for the dialogs' titles)."""
    return snapshot(terms_service._office(role_id))

