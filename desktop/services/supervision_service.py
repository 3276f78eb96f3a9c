"""村务监督: committee terms and eligibility, supervision matters, voucher reviews, 民主评议.

The committee acts only through a member's own login, on a day their seat
covers (`duties`): opening a matter, its notice, verification and closing,
reporting it to the township, a 民主理财 review, a 民主评议. The 村委会's
answer to a matter comes from a 村委会 login (`duties.why_not_answer`). The
secretary may record the election of a term (`EDIT_RECORDS`); everyone else
reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import (
    duties,
    installation,
    people_service,
    read_models,
    record_store,
    terms_service,
)
from desktop.services.read_models import snapshot, snapshots
from desktop.services.rows_by_ids import in_order_of
from desktop.services.session import Session
from models.db import database
from models.disclosure import money
from models.entities import Person
from models.errors import DuplicateRecord, NotFound, PermissionDenied, ValidationError
from models.meetings.quorum import ERROR, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.stored_values import stored_date
from models.supervision import appraisal as ap
from models.supervision import eligibility as el
from models.supervision import matters as mm
from models.supervision.records import (
    Appraisal,
    AppraisalResult,
    CommitteeMember,
    CommitteeTerm,
    QuestionedVoucher,
    SupervisionMatter,
    VoucherReview,
)

_C = "supervision"


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _require_committee(session: Session, on: date) -> None:
    """The committee acts on `on`: only a member's own login whose seat covers that day."""
    duties.require_committee_signature(session, on)


def _require_term_editor(session: Session) -> None:
    if not (session.can(Permission.COMMITTEE_REVIEW) or session.can(Permission.EDIT_RECORDS)):
        raise PermissionDenied(msg(_C, QT_TRANSLATE_NOOP(_C, "只有监委会成员或村文书可以登记监委会的选举结果。")))


# --- eligibility ---------------------------------------------------------------

def candidate(person_id: str, on: date | str | None = None, until: date | str | None = None) -> el.Candidate:
    """What the register says about a person on `on` (today when None; to `until` if given), for the eligibility check."""
    person = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))  # noqa: E712
    if person is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个人。")))
    roles = terms_service.roles_on(on, until=until)
    relatives = {}
    # 近亲属 through the kinship graph: declared, or inferred from parent links (siblings, grandparents,
    # grandchildren), so a 村委会 member's sister is found when only each one's parents were recorded.
    relations = people_service.close_relatives_with_relation(person_id)
    for rid in relations:
        other = Person.get_by_id(rid)
        relatives[rid] = (other.name, frozenset(roles.get(rid, set())))
    return el.Candidate(person.id, person.name, frozenset(roles.get(person.id, set())), relatives, relations)


def check_person(person_id: str, on: date | str | None = None, until: date | str | None = None) -> list[Finding]:
    """Eligibility findings for a person on `on` (today when None; any time to `until`) under the province profile."""
    return el.check_candidate(candidate(person_id, on, until), installation.province(), on or date.today())


# --- terms and members -----------------------------------------------------------

def create_term(session: Session, label: str, start: date, end: date | None = None,
                meeting_id: str | None = None, note: str = "") -> read_models.CommitteeTermView:
    """A new term of the committee."""
    _require_term_editor(session)
    if not label.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写届次,例如“第七届”。"))
    if end and end <= start:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "任期结束日期应晚于开始日期。"))
    return snapshot(record_store.create(
        session, CommitteeTerm, label=label.strip(), start_date=start.isoformat(),
        end_date=end.isoformat() if end else "", elected_meeting=meeting_id, note=note))


def seated_people(term_id: str) -> frozenset[str]:
    """The people holding a seat on `term_id` now (not left): 添加成员 marks them 已在本届."""
    return frozenset(m.person_id for m in CommitteeMember.live().where(
        (CommitteeMember.term == term_id) & (CommitteeMember.left_on == "")))


def add_member(session: Session, term_id: str, person_id: str, chair: bool = False,
               finance_qualified: bool = False, joined_on: date | None = None,
               override_reason: str = "") -> read_models.CommitteeMemberView:
    """Seat a member. Refused when the law forbids it; a warning needs a written justification."""
    _require_term_editor(session)
    term = CommitteeTerm.get_or_none(CommitteeTerm.id == term_id)
    if term is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一届监委会。")))
    if CommitteeMember.live().where((CommitteeMember.term == term) & (CommitteeMember.person == person_id)
                                    & (CommitteeMember.left_on == "")).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这个人已经是本届监委会成员。"))
    seated_on = joined_on or stored_date(term.start_date) or date.today()  # a bad stored start: from today
    # From the seat's first day to today: a seat recorded late must not overlap a 村委会 office.
    findings = check_person(person_id, seated_on, date.today())
    errors = [f for f in findings if f.severity == ERROR]
    if errors:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "不能担任监委会成员:{reasons}"),
                                  reasons=";".join(f.text() for f in errors)))
    warnings = [f for f in findings if f.severity == WARNING]
    if warnings and not override_reason.strip():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "需要说明理由才能登记:{reasons}"), reasons=";".join(f.text() for f in warnings)))
    return snapshot(record_store.create(
        session, CommitteeMember, term=term, person=person_id, position="chair" if chair else "member",
        finance_qualified=finance_qualified, joined_on=seated_on.isoformat(),
        override_reason=override_reason.strip()))


def seat_problems(member_id: str, on: date | None = None) -> list[Finding]:
    """Why a sitting member may no longer serve on `on` (today when None): the law's refusals only.

    A member seated lawfully can become ineligible later (a close relative
    elected to the 村委会); these are the reasons the removal records.
    """
    m = _seat(member_id)
    return [f for f in check_person(m.person_id, on) if f.severity == ERROR]


def _seat(member_id: str) -> CommitteeMember:
    m = CommitteeMember.get_or_none((CommitteeMember.id == member_id) & (CommitteeMember.deleted == False))  # noqa: E712
    if m is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这名监委会成员。")))
    return m


def end_seat(session: Session, member_id: str, left_on: date, kind: str,
             detail: str = "") -> read_models.CommitteeMemberView:
    """A member leaves the committee on `left_on` (届满, 辞职, 罢免, 不再符合任职条件, 死亡), with the reason.

    For `ineligible` without details, the reason recorded is what the
    eligibility check finds on that date (e.g. 近亲属 of a 村委会 member).
    The seat stays on record; nothing is deleted.
    """
    _require_term_editor(session)
    m = _seat(member_id)
    if m.left_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这名成员已于 {on} 离任。"), on=m.left_on)
    if not isinstance(left_on, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写离任日期。"))
    if left_on > date.today():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离任日期不能晚于今天;到期后再登记。"))
    if left_on.isoformat() < m.joined_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离任日期 {end} 早于任职日期 {start},请核对。"),
                       end=left_on.isoformat(), start=m.joined_on)
    if kind == "ineligible" and not (detail or "").strip():
        problems = seat_problems(member_id, left_on)
        if not problems:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "按人员名册,这名成员在 {on} 仍符合任职条件;请写明不再符合的原因。"),
                           on=left_on.isoformat())
        detail = ";".join(f.text() for f in problems)
    reason = terms_service.reason_text(kind, detail)
    return snapshot(record_store.update(session, m, left_on=left_on.isoformat(), left_reason=reason))


@dataclass(frozen=True)
class MemberRow:
    """A seat on a term, with what the eligibility check says today."""

    id: str
    person_id: str
    name: str
    chair: bool
    finance_qualified: bool
    joined_on: str
    left_on: str
    override_reason: str
    findings: tuple[Finding, ...]
    left_reason: str = ""


@dataclass(frozen=True)
class TermView:
    """A term with its members and the composition check."""

    id: str
    label: str
    start_date: str
    end_date: str
    members: tuple[MemberRow, ...]
    composition: tuple[Finding, ...]


def list_terms() -> list[read_models.CommitteeTermView]:
    """Terms, newest first."""
    return snapshots(list(CommitteeTerm.live().order_by(CommitteeTerm.start_date.desc())))


def term_view(term_id: str) -> TermView:
    """Members of a term, each re-checked (a relative may have joined the 村委会 since)."""
    term = CommitteeTerm.get_by_id(term_id)
    roles = terms_service.roles_on()
    rows, seats = [], []
    for m in (CommitteeMember.live().where(CommitteeMember.term == term).join(Person)
              .order_by(CommitteeMember.position, Person.name)):
        findings = tuple(check_person(m.person_id)) if not m.left_on else ()
        rows.append(MemberRow(m.id, m.person_id, m.person.name, m.position == "chair", m.finance_qualified,
                              m.joined_on, m.left_on, m.override_reason, findings, m.left_reason))
        if not m.left_on:
            seats.append(el.Seat(m.person_id, m.person.name, m.position == "chair", m.finance_qualified,
                                 "party_secretary" in roles.get(m.person_id, set())))
    vc_starts = sorted(r.start_date for r in terms_service.office_holders(el.VILLAGE_COMMITTEE, term.start_date)
                       if r.start_date)
    left = [m for m in rows if m.left_on]
    joined = sorted(m.joined_on for m in rows)
    vacancies = [(m.left_on, next((j for j in joined if j >= m.left_on), "")) for m in left]
    timing = el.check_timing(term.start_date, vc_starts[-1] if vc_starts else "", vacancies,
                             date.today().isoformat(), installation.province())
    timing += el.check_term(term.start_date, term.end_date, vc_starts[-1] if vc_starts else "")
    return TermView(term.id, term.label, term.start_date, term.end_date, tuple(rows),
                    tuple(el.check_composition(seats, installation.province(), date.today()) + timing))


# --- supervision matters -----------------------------------------------------------

def _facts(m: SupervisionMatter) -> mm.MatterFacts:
    return mm.MatterFacts(m.opened_on, m.notified_on, m.deadline, m.answered_on, m.verified_on,
                          m.closed_on, m.escalated_on)


def open_matter(session: Session, title: str, area: str, source: str, opened_on: date,
                findings: str = "", meeting_id: str | None = None) -> read_models.SupervisionMatterView:
    """Open a matter the committee found."""
    _require_committee(session, opened_on)
    if not title.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写事项名称。"))
    if area not in mm.AREAS or source not in mm.SOURCES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择监督内容和事项来源。"))
    return snapshot(record_store.create(
        session, SupervisionMatter, title=title.strip(), area=area, source=source,
        opened_on=opened_on.isoformat(), findings=findings.strip(), meeting=meeting_id))


def advance(session: Session, matter_id: str, target: str, on: date, text: str = "",
            deadline: date | None = None) -> read_models.SupervisionMatterView:
    """Move a matter one step: notify (with deadline), answer, verify, close.

    The answer is the 村委会's (a 村委会 login records it, `answered_by`); every
    other step is the committee's (`closed_by` names the member who closed it).
    """
    if target == mm.ANSWERED:
        duties.require_village_committee(session, on)
    else:
        _require_committee(session, on)
    m = SupervisionMatter.get_or_none((SupervisionMatter.id == matter_id) & (SupervisionMatter.deleted == False))  # noqa: E712
    if m is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个监督事项。")))
    reasons = mm.why_not(_facts(m), target, on, deadline.isoformat() if deadline else "")
    if reasons:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "现在不能这样办理:{reasons}"),
                                  reasons=";".join(str(r) for r in reasons)))
    if target in (mm.NOTIFIED, mm.VERIFIED) and not text.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写整改建议或核实情况。"))
    if target == mm.ANSWERED and not text.strip():
        # A dated answer with no words was recorded and moved the matter on to 核实: there was nothing to verify.
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写村委会的答复:怎样整改的、整改到什么程度。"))
    changes = {
        mm.NOTIFIED: dict(notified_on=on.isoformat(), deadline=deadline.isoformat() if deadline else "", notice=text),
        mm.ANSWERED: dict(answered_on=on.isoformat(), answer=text, answered_by=session.actor),
        mm.VERIFIED: dict(verified_on=on.isoformat(), verification=text),
        mm.CLOSED: dict(closed_on=on.isoformat(), closed_by=session.actor),
    }[target]
    return snapshot(record_store.update(session, m, **changes))


def escalate(session: Session, matter_id: str, on: date) -> read_models.SupervisionMatterView:
    """Report an unresolved matter to the township (travels in the next package)."""
    _require_committee(session, on)
    m = SupervisionMatter.get_by_id(matter_id)
    reasons = mm.can_escalate(_facts(m), on)
    if reasons:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "不能报告乡镇:{reasons}"),
                                  reasons=";".join(str(r) for r in reasons)))
    return snapshot(record_store.update(session, m, escalated_on=on.isoformat()))


@dataclass(frozen=True)
class MatterRow:
    """A matter on the board."""

    id: str
    title: str
    area: str
    opened_on: str
    state: str
    deadline: str
    overdue: bool
    escalated: bool


def list_matters(today: date | None = None, show: str = "all") -> list[MatterRow]:
    """Every matter (of `show`), open ones first, overdue flagged: `matter_ids` and `matter_rows` in one go."""
    return matter_rows(matter_ids(today, show), today)


#: What the board shows: every matter, the open ones, the overdue ones, the closed ones.
SHOWN = ("all", "open", "overdue", "closed")

#: `mm.overdue` in SQL (one parameter: today): notified with no later step yet, past its deadline.
_OVERDUE = ("(closed_on = '' AND verified_on = '' AND answered_on = '' AND notified_on != '' AND deadline != '' "
            "AND deadline < ?)")


def _shown(today: date, show: str) -> tuple[str, list[str]]:
    """The WHERE of `show` (`+deleted`: not the `deleted` index, which matches every row) and its parameters."""
    if show == "open":
        return "+deleted = 0 AND closed_on = ''", []
    if show == "overdue":
        return f"+deleted = 0 AND {_OVERDUE}", [today.isoformat()]
    if show == "closed":
        return "+deleted = 0 AND closed_on != ''", []
    return "+deleted = 0", []


def _board_order(backwards: bool = False) -> str:
    """The board's ORDER BY (one parameter: today): open before closed, overdue first, newest first; or reversed."""
    if backwards:
        return f"closed_on != '' DESC, NOT {_OVERDUE} DESC, opened_on, seq, id"
    return f"closed_on != '', NOT {_OVERDUE}, opened_on DESC, seq DESC, id DESC"


_MATTER_LINE = ("SELECT id, title, area, opened_on, notified_on, deadline, answered_on, verified_on, closed_on, "
                "escalated_on FROM supervision_matter")


def matter_ids(today: date | None = None, show: str = "all") -> list[str]:
    """The ids of the matters `show` picks (`SHOWN`), open ones first, overdue ones first among them, newest first.

    The order `mm.state` and `mm.overdue` give, said in SQL (`closed_on` set
    is 办结), so the board reads ids, not every matter as a record.
    """
    today = today or date.today()
    where, params = _shown(today, show)
    sql = f"SELECT id FROM supervision_matter WHERE {where} ORDER BY {_board_order()}"  # noqa: S608
    return [i for (i,) in database.execute_sql(sql, [*params, today.isoformat()])]


def matter_page(today: date | None, show: str, offset: int, limit: int, total: int | None = None) -> list[MatterRow]:
    """The board's rows at positions offset .. offset+limit-1 (a page in the second half read from the far end)."""
    today = today or date.today()
    where, params = _shown(today, show)
    backwards = total is not None and offset > total // 2
    if backwards:
        end = min(offset + limit, total)
        offset, limit = total - end, max(0, end - offset)
    rows = [_matter_row(line, today) for line in database.execute_sql(
        f"{_MATTER_LINE} WHERE {where} ORDER BY {_board_order(backwards)} LIMIT ? OFFSET ?",  # noqa: S608
        [*params, today.isoformat(), limit, offset])]
    return rows[::-1] if backwards else rows


def _matter_row(line: tuple, today: date) -> MatterRow:
    mid, title, area, opened, notified, deadline, answered, verified, closed, escalated = line
    f = mm.MatterFacts(opened, notified, deadline, answered, verified, closed, escalated)
    return MatterRow(mid, title, area, opened, mm.state(f), deadline, mm.overdue(f, today), bool(escalated))


def matter_count(today: date | None = None, show: str = "all") -> int:
    """How many matters `show` picks (one count: what the board's scroll bar needs)."""
    where, params = _shown(today or date.today(), show)
    return database.execute_sql(f"SELECT count(*) FROM supervision_matter WHERE {where}", params).fetchone()[0]  # noqa: S608


def matter_counts(today: date | None = None, show: str = "all") -> tuple[int, int]:
    """How many matters `show` picks, and how many of them are overdue (one query)."""
    today = today or date.today()
    where, params = _shown(today, show)
    total, late = database.execute_sql(f"SELECT count(*), sum({_OVERDUE}) FROM supervision_matter "  # noqa: S608
                                       f"WHERE {where}", [today.isoformat(), *params]).fetchone()
    return total, late or 0


def matter_rows(ids: list[str], today: date | None = None) -> list[MatterRow]:
    """The board rows of `ids`, in that order (plain tuples, 900 ids a query; a gone id is skipped)."""
    today = today or date.today()
    return in_order_of(ids, lambda chunk, marks: (_matter_row(line, today) for line in database.execute_sql(
        f"{_MATTER_LINE} WHERE id IN ({marks}) AND +deleted = 0", chunk)))  # noqa: S608


# --- voucher reviews ---------------------------------------------------------------

def parse_amount(text: str) -> int:
    """"1,234.5" / "1234.50元" / "¥12" → 分 (exact; never float; at most 13 digits of 元).

    The same parser as the 财务公开表 (`models.disclosure.money.parse_fen`), so a
    23-digit paste is a refusal here too, never an OverflowError at the database.
    """
    try:
        return money.parse_fen(text)
    except money.MoneyError as exc:
        if exc.reason == money.TOO_LARGE:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "金额“{text}”太大:整数部分最多 13 位(不超过 9,999,999,999,999.99 元)。"), text=text) from exc
        if exc.reason in ("不是数字", "空白"):
            raise _invalid(QT_TRANSLATE_NOOP(_C, "金额“{text}”看不懂,请写成 1234.50 这样的数字。"), text=text) from exc
        raise _invalid(QT_TRANSLATE_NOOP(_C, "金额“{text}”不对:不能是负数,最多两位小数。"), text=text) from exc


def voucher_review_of(period: str) -> read_models.VoucherReviewView | None:
    """The first 民主理财 recorded for `period` ("2026-03"), or None."""
    row = VoucherReview.live().where(VoucherReview.period == period).order_by(VoucherReview.seq).first()
    return snapshot(row) if row else None


def add_voucher_review(session: Session, period: str, reviewed_on: date, voucher_count: int,
                       total_fen: int, signed_by: str,
                       questioned: list[tuple[str, int, str, str]] | None = None,
                       allow_duplicate: bool = False) -> read_models.VoucherReviewView:
    """A 民主理财 session; `questioned` = (凭证号, 金额分, 理由, 结果); `recorded_by` is the member's login.

    A second review of the same month is usually the same session typed
    twice: refused with `DuplicateRecord` unless `allow_duplicate` (a month
    whose vouchers were reviewed in two sittings).
    """
    _require_committee(session, reviewed_on)
    if voucher_count < 0 or total_fen < 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "凭证张数和金额不能是负数。"))
    doubted = [amount for _no, amount, _reason, _outcome in questioned or []]
    if not all(money.in_range(fen) for fen in [total_fen, *doubted]) or not money.in_range(sum(doubted)):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "金额太大:整数部分最多 13 位(不超过 9,999,999,999,999.99 元)。"))
    if any(amount < 0 for amount in doubted):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "凭证张数和金额不能是负数。"))
    if len(questioned or []) > voucher_count:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "有疑问的凭证比审核的凭证还多,请核对张数。"))
    if not signed_by.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写签字的监委会成员。"))
    if not allow_duplicate:
        earlier = voucher_review_of(period)
        if earlier is not None:
            raise DuplicateRecord(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{period} 的民主理财已经登记过一次({on}审核,凭证 {count} 张),仍要再登记一次吗?"),
                period=period, on=earlier.reviewed_on, count=earlier.voucher_count), existing_id=earlier.id)
    with database.atomic():
        review = record_store.create(session, VoucherReview, period=period, reviewed_on=reviewed_on.isoformat(),
                                     voucher_count=voucher_count, total_fen=total_fen, signed_by=signed_by.strip(),
                                     recorded_by=session.actor)
        for no, amount, reason, outcome in questioned or []:
            if outcome not in ("approved", "returned", "vetoed", "pending"):
                raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的处理结果:{outcome}"), outcome=outcome)
            record_store.create(session, QuestionedVoucher, review=review, voucher_no=no, amount_fen=amount,
                                reason=reason, outcome=outcome)
    return snapshot(review)


# --- 民主评议 -----------------------------------------------------------------------

@dataclass(frozen=True)
class AppraisalLine:
    """Counts for one appraised person as entered."""

    person_id: str
    post: str
    competent: int
    basic: int
    incompetent: int


def record_appraisal(session: Session, year: int, held_on: date, body: str, attendees: int,
                     lines: list[AppraisalLine], meeting_id: str | None = None) -> tuple[str, list[Finding]]:
    """Record a 民主评议; returns its id and the findings (verdicts, two-in-a-row consequences)."""
    _require_committee(session, held_on)
    if body not in ("assembly", "representatives"):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择评议会议:村民会议或村民代表会议。"))
    if attendees <= 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写到会人数。"))
    if not lines:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请至少评议一个人。"))
    verdicts, findings = [], []
    province = installation.province()
    for line in lines:
        name = Person.get_by_id(line.person_id).name
        result, notes = ap.verdict(ap.Counts(line.competent, line.basic, line.incompetent), attendees,
                                   body == "assembly", name, province, held_on)
        if result is None:
            raise ValidationError(notes[0].message)
        verdicts.append(result)
        findings.extend(notes)
    with database.atomic():
        appraisal = record_store.create(session, Appraisal, year=year, held_on=held_on.isoformat(), body=body,
                                        attendees=attendees, meeting=meeting_id)
        for line, result in zip(lines, verdicts, strict=True):
            record_store.create(session, AppraisalResult, appraisal=appraisal, person=line.person_id,
                                post=line.post, competent=line.competent, basic=line.basic,
                                incompetent=line.incompetent, verdict=result)
    for line in lines:
        findings.extend(consequences(line.person_id))
    _results_to_disclosure(session, year, held_on, lines, verdicts)
    return appraisal.id, findings


def _results_to_disclosure(session: Session, year: int, held_on: date, lines: list[AppraisalLine],
                           verdicts: list[str]) -> None:
    """The results become a 村务公开 draft (民主评议结果), for the secretary to post."""
    from models.disclosure.records import DisclosureItem

    text = "\n".join(
        f"{Person.get_by_id(line.person_id).name}({line.post}):称职 {line.competent} 票,基本称职 {line.basic} 票,"
        f"不称职 {line.incompetent} 票,评议结果:{ap.VERDICTS[v]}" for line, v in zip(lines, verdicts, strict=True))
    record_store.create(session, DisclosureItem, category="village", subject="appraisal", period_kind="year",
                        period=str(year), event_date=held_on.isoformat(), title=f"{year}年度民主评议结果",
                        content=text)


def _appraisals_of(person_id: str) -> list[tuple[date, str]]:
    """(held_on, verdict) of each live appraisal of the person, in the order held (then entered).

    The verdict is the one the province's rule gives from the stored counts: an appraisal saved
    by an older release carries a 不称职 from the national thresholds it no longer applies, and an
    end of office must not follow from that. Counts that cannot be judged keep the stored verdict.
    An appraisal whose stored date cannot be read (an older import) has no place in the order and
    is left out rather than guessed.
    """
    province = installation.province()
    rows = (AppraisalResult.live().where(AppraisalResult.person == person_id).join(Appraisal)
            .where(Appraisal.deleted == False)  # noqa: E712
            .order_by(Appraisal.held_on, Appraisal.seq))
    out = []
    for r in rows:
        day = stored_date(r.appraisal.held_on)
        if day is None:
            continue
        counts = ap.Counts(r.competent, r.basic, r.incompetent)
        out.append((day, ap.judged(counts, r.appraisal.attendees, r.appraisal.body == "assembly", r.verdict,
                                   province, day)))
    return out


def consequences(person_id: str) -> list[Finding]:
    """Two consecutive appraisals of this person rated 不称职, by the date they were held.

    A 村委会 member on the second appraisal's day loses the office (组织法 33); anyone else appraised
    is paid staff, whose consequence is the province's (重庆 36: 解聘), see `appraisal.consequence`.
    """
    history = _appraisals_of(person_id)
    pair = ap.consecutive_pair(history)
    if pair is None:
        return []
    held = terms_service.roles_on(pair[1], [person_id]).get(person_id, set())
    member = bool(held & el.VILLAGE_COMMITTEE)
    return ap.consequence(Person.get_by_id(person_id).name, history, installation.province(), member)


def appraisal_rule(body_is_assembly: bool, on: date | None = None) -> Finding:
    """The 不称职 rule of the village's province for this body (or that the province's is not known)."""
    return ap.rule_note(body_is_assembly, installation.province(), on)


def appraisal_schedule(today: date | None = None) -> list[Finding]:
    """Years without an appraisal; appraisals of one person too close together (province interval, in days)."""
    dates = [d for d in (stored_date(a.held_on) for a in Appraisal.live()) if d is not None]
    out = ap.schedule(dates, today or date.today())
    province = installation.province()
    people: dict[str, list[date]] = {}
    for r in (AppraisalResult.live().join(Appraisal).where(Appraisal.deleted == False)):  # noqa: E712
        day = stored_date(r.appraisal.held_on)
        if day is not None:
            people.setdefault(r.person_id, []).append(day)
    names = {p.id: p.name for p in Person.select(Person.id, Person.name).where(Person.id.in_(list(people)))}
    for person_id in sorted(people, key=lambda pid: names.get(pid, "")):
        out.extend(ap.too_close(names.get(person_id, ""), people[person_id], province))
    return out


# --- the work ledger ------------------------------------------------------------------

@dataclass(frozen=True)
class LedgerEntry:
    """One line of the 工作台账."""

    on: str
    kind: str
    text: str


def ledger(year: int) -> list[LedgerEntry]:
    """The committee's work in `year`, in date order (meetings, matters, reviews, appraisals)."""
    from models.meetings.records import Meeting

    y = f"{year:04d}"
    out = []
    for m in Meeting.live().where((Meeting.type_code == "supervision") & (Meeting.held_on.startswith(y))):
        out.append(LedgerEntry(m.held_on, "会议", m.title))
    # Only the matters with a step in the year, as plain columns (every matter was read as a record).
    steps = ("opened_on", "notified_on", "answered_on", "verified_on", "closed_on", "escalated_on")
    within = " OR ".join(f"({c} >= ? AND {c} < ?)" for c in steps)
    rows = database.execute_sql(
        f"SELECT title, {', '.join(steps)} FROM supervision_matter WHERE +deleted = 0 AND ({within}) "  # noqa: S608
        "ORDER BY rowid", [bound for _c in steps for bound in (y, f"{year + 1:04d}")])
    for title, *days in rows:
        for day, label in zip(days, ("发现问题", "发出整改建议", "村委会答复", "核实整改", "办结", "报告乡镇"), strict=True):
            if day and day.startswith(y):
                out.append(LedgerEntry(day, label, title))
    for v in VoucherReview.live().where(VoucherReview.reviewed_on.startswith(y)):
        out.append(LedgerEntry(v.reviewed_on, "民主理财",
                               f"{v.period} 凭证 {v.voucher_count} 张,金额 {v.total_fen / 100:,.2f} 元"))
    for a in Appraisal.live().where(Appraisal.year == year):
        out.append(LedgerEntry(a.held_on, "民主评议", f"{a.year} 年度民主评议,到会 {a.attendees} 人"))
    out.sort(key=lambda e: e.on)
    return out


def annual_counts(year: int) -> dict[str, int]:
    """Figures for the annual work report to the 村民会议."""
    entries = ledger(year)
    return {
        "meetings": sum(e.kind == "会议" for e in entries),
        "matters_opened": sum(e.kind == "发现问题" for e in entries),
        "matters_closed": sum(e.kind == "办结" for e in entries),
        "voucher_reviews": sum(e.kind == "民主理财" for e in entries),
        "appraisals": sum(e.kind == "民主评议" for e in entries),
    }
