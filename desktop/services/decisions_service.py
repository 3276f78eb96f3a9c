"""Authorizations of the 代表会议 and 四议两公开 decision registers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.services import read_models, record_store
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models.db import database
from models.errors import NotFound, ValidationError
from models.meetings import cadence
from models.meetings import four_two as ft
from models.meetings.matters import MATTERS
from models.meetings.quorum import Finding
from models.meetings.records import (
    Authorization,
    DecisionRegister,
    DecisionStep,
    Meeting,
    Resolution,
)
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.stored_values import stored_date

_C = "decisions"


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def add_authorization(session: Session, matters: list[str], granted_on: date,
                      expires_on: date | None = None, meeting_id: str | None = None,
                      note: str = "") -> read_models.AuthorizationView:
    """Record a 村民会议's authorization of the 村民代表会议."""
    session.require(Permission.EDIT_RECORDS)
    unknown = [m for m in matters if m not in MATTERS]
    if not matters or unknown:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择授权的事项。"))
    if expires_on and expires_on < granted_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "授权的截止日期不能早于授权日期。"))
    if meeting_id:
        m = Meeting.get_or_none(Meeting.id == meeting_id)
        if m is None or m.type_code not in ("assembly", "assembly_households"):
            raise _invalid(QT_TRANSLATE_NOOP(_C, "授权只能由村民会议作出,请选择一次村民会议。"))
    return snapshot(record_store.create(
        session, Authorization, meeting=meeting_id, matters=json.dumps(sorted(matters)),
        granted_on=granted_on.isoformat(), expires_on=expires_on.isoformat() if expires_on else "",
        note=note))


def create_register(session: Session, title: str, matter: str = "other_major") -> read_models.DecisionRegisterView:
    """Open a 四议两公开 register for one major matter."""
    session.require(Permission.EDIT_RECORDS)
    if not title.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写事项名称。"))
    if matter not in MATTERS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的事项类别:{matter}"), matter=matter)
    return snapshot(record_store.create(
        session, DecisionRegister, title=title.strip(), matter=matter))


def _register(register_id: str) -> DecisionRegister:
    reg = DecisionRegister.get_or_none((DecisionRegister.id == register_id) & (DecisionRegister.deleted == False))  # noqa: E712
    if reg is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这份四议两公开登记。")))
    return reg


def _step_records(reg: DecisionRegister) -> list[ft.StepRecord]:
    out = []
    for s in DecisionStep.live().where(DecisionStep.register == reg):
        done_on = stored_date(s.done_on)
        if done_on is None:  # a bad stored date (an older import): the step is not counted as done
            continue
        quorum_valid, passed = True, None
        if s.meeting_id:
            m = Meeting.get_by_id(s.meeting_id)
            quorum_valid = m.quorum_met is not False
            if s.step == "resolve":
                votes = list(Resolution.live().where(Resolution.meeting == m))
                passed = any(r.passed for r in votes) if votes else None
        out.append(ft.StepRecord(s.step, done_on, quorum_valid, passed,
                                 s.committee_opinion))
    return out


def party_study_day(meeting_id: str | None) -> date | None:
    """The day the village Party organisation proposed the matters this meeting resolved, if registered.

    A 四议两公开 register whose ④ 决议 step is this meeting and whose ① 村党组织提议 step is
    recorded shows the Party organisation's prior study that the 2025 amendment of the
    组织法 requires (`models.meetings.amendment_2025`). The latest such day (None when none).
    """
    if not meeting_id:
        return None
    resolved = (DecisionStep.select(DecisionStep.register)
                .where((DecisionStep.meeting == meeting_id) & (DecisionStep.step == "resolve")
                       & (DecisionStep.deleted == False)))  # noqa: E712
    days = [stored_date(s.done_on) for s in DecisionStep.live().where(
        (DecisionStep.register.in_(resolved)) & (DecisionStep.step == "propose"))]
    return max((d for d in days if d is not None), default=None)


def add_step(session: Session, register_id: str, step: str, done_on: date,
             meeting_id: str | None = None, committee_opinion: str = "",
             disclosure_ref: str = "", note: str = "") -> read_models.DecisionStepView:
    """Record the next step; refused with the reason when it is not possible yet."""
    session.require(Permission.EDIT_RECORDS)
    reg = _register(register_id)
    if step not in ft.STEP_CODES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的步骤:{step}"), step=step)
    existing = _step_records(reg)
    reasons = ft.why_not(step, existing)
    if reasons:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "现在不能登记这一步:{reasons}"),
                                  reasons=";".join(f.text() for f in reasons)))
    if existing and done_on < max(s.on for s in existing):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "日期 {on} 早于上一步的日期,各步骤的日期不能倒退。"),
                       on=done_on.isoformat())
    allowed = ft.STEP_MEETING_TYPES.get(step)
    if allowed:
        meeting = Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False)) if meeting_id else None  # noqa: E712
        if meeting is None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "“{step}”需要关联一次会议记录。"), step=ft.STEP_LABELS[step])
        if meeting.type_code not in allowed:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "“{step}”应当关联{types},所选会议类型不对。"),
                           step=ft.STEP_LABELS[step], types="、".join(_type_labels(allowed)))
        if meeting.held_on != done_on.isoformat():
            done_on = date.fromisoformat(meeting.held_on)
        if step in ("review", "resolve") and meeting.quorum_met is False:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "所选会议未达到法定人数,不能作为“{step}”。请重新召开会议。"), step=ft.STEP_LABELS[step])
    return snapshot(record_store.create(
        session, DecisionStep, register=reg, step=step, done_on=done_on.isoformat(),
        meeting=meeting_id if allowed else None, committee_opinion=committee_opinion,
        disclosure_ref=disclosure_ref, note=note))


def _type_labels(codes) -> list[str]:
    from models.meetings.types import TYPES

    return [TYPES[c].label for c in codes]


def set_implementation(session: Session, register_id: str, start: date | None, end: date | None) -> None:
    """Record when implementation started and finished."""
    session.require(Permission.EDIT_RECORDS)
    if start and end and end < start:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "实施完成日期不能早于开始日期。"))
    record_store.update(session, _register(register_id),
                        implementation_start=start.isoformat() if start else "",
                        implementation_end=end.isoformat() if end else "")


def set_committee_opinion(session: Session, step_id: str, opinion: str) -> None:
    """The 监委会 records its opinion on a disclosure step.

    The secretary may transcribe the written opinion (`EDIT_RECORDS`);
    anyone else writes it as the committee, so only a current member's own
    login (`duties`).
    """
    if not session.can(Permission.EDIT_RECORDS):
        from desktop.services import duties

        duties.require_committee_signature(session, date.today())
    step = DecisionStep.get_or_none(DecisionStep.id == step_id)
    if step is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这一步的登记。")))
    record_store.update(session, step, committee_opinion=opinion.strip())


@dataclass(frozen=True)
class StepView:
    """A step on the timeline: done (with date and meeting) or still to come."""

    code: str
    label: str
    done_on: str
    meeting_id: str | None
    meeting_title: str
    committee_opinion: str
    blocked_by: tuple[str, ...]


@dataclass(frozen=True)
class RegisterView:
    """A register with its timeline, next step and findings."""

    id: str
    title: str
    matter: str
    steps: tuple[StepView, ...]
    next_step: str | None
    findings: tuple[Finding, ...]
    implementation_start: str
    implementation_end: str


def view(register_id: str) -> RegisterView:
    """The register's timeline with, for the next step, why it cannot be done yet."""
    reg = _register(register_id)
    rows = {s.step: s for s in DecisionStep.live().where(DecisionStep.register == reg)}
    records = _step_records(reg)
    state = ft.check_register(
        records,
        stored_date(reg.implementation_start), stored_date(reg.implementation_end))
    steps = []
    for code, label in ft.STEPS:
        row = rows.get(code)
        blocked = () if row else tuple(f.text() for f in ft.why_not(code, records))
        steps.append(StepView(code, label, row.done_on if row else "", row.meeting_id if row else None,
                              row.meeting.title if row and row.meeting_id else "",
                              row.committee_opinion if row else "", blocked))
    return RegisterView(reg.id, reg.title, reg.matter, tuple(steps), state.next_step, state.findings,
                        reg.implementation_start, reg.implementation_end)


def list_registers(year: int | None = None) -> list[tuple[str, str, str, str | None]]:
    """(id, title, first step date, next step) of each register, newest first."""
    out = []
    for reg in DecisionRegister.live().order_by(DecisionRegister.seq.desc()):
        records = _step_records(reg)
        first = min((s.on for s in records), default=None)
        if year and (first is None or first.year != year):
            continue
        state = ft.check_register(records)
        out.append((reg.id, reg.title, first.isoformat() if first else "", state.next_step))
    out.sort(key=lambda r: r[2], reverse=True)
    return out


def _last_ended_quarter_day(today: date) -> date:
    """The last day of the latest quarter that is over on `today` (a quarter's last day counts as over)."""
    year, quarter = cadence.quarter_of(today)
    end_month = quarter * 3
    end = date(year + (end_month == 12), end_month % 12 + 1, 1) - timedelta(days=1)
    if today >= end:
        return end
    return date(year, end_month - 2, 1) - timedelta(days=1)


def records_began() -> date | None:
    """The first day this village kept records in cunwu: its first audited write, or an earlier 村民代表会议.

    Quarters before it say nothing about the village (cunwu did not exist
    for it then) unless its meetings were entered afterwards, which moves
    the day back to the first of them.
    """
    from desktop.services.meetings_service import first_representatives_day
    from desktop.services.records_start import first_audited_day

    first_meeting = first_representatives_day()
    days = [first_meeting] if first_meeting is not None else []
    first = first_audited_day()
    if first is not None:
        days.append(first)
    return min(days) if days else None


def cadence_findings(year: int, today: date | None = None, since: date | None = None) -> list[Finding]:
    """Quarters of `year` that are over by `today` without a 村民代表会议 that counts (approved, quorum established).

    A quarter still in progress is not missing: it may still hold its
    meeting (`quarter_in_progress` says how it stands); only a meeting of it
    still waiting to be approved is mentioned (审定前不算召开). With `since`
    (see `records_began`), quarters that ended before that day's quarter are
    not judged either.
    """
    from desktop.services.meetings_service import (
        representatives_draft_dates,
        representatives_meeting_dates,
    )

    today = today or date.today()
    last = min(date(year, 12, 31), _last_ended_quarter_day(today))
    first = date(year, 1, 1)
    if since is not None and since > first:  # the quarters before the village kept records here are not judged
        y, q = cadence.quarter_of(since)
        first = date(y, q * 3 - 2, 1)
    # Only the meetings of the quarters judged (from `first`'s) and of today's are looked at.
    now_year, now_quarter = cadence.quarter_of(today)
    read_from = min(first, date(now_year, now_quarter * 3 - 2, 1))
    held, drafts = representatives_meeting_dates(read_from), representatives_draft_dates(read_from)
    out = cadence.missing_representative_quarters(held, first, last, drafts) if last >= first else []
    # The quarter under way is only worth a line when its meeting waits to be approved ("审定前不算召开").
    now = cadence.quarter_of(today)
    if today.year == year and now not in {cadence.quarter_of(d) for d in held} \
            and now in {cadence.quarter_of(d) for d in drafts} and today > last:
        out += cadence.missing_representative_quarters(held, today, today, drafts)
    return out


@dataclass(frozen=True)
class QuarterInProgress:
    """The quarter `today` falls in, and whether it already has a 村民代表会议 that counts (or a draft of one)."""

    year: int
    quarter: int
    held: bool
    drafted: bool


def quarter_in_progress(today: date | None = None) -> QuarterInProgress:
    """How the current quarter stands: "进行中" until it is over, never missing before that."""
    from desktop.services.meetings_service import (
        representatives_draft_dates,
        representatives_meeting_dates,
    )

    today = today or date.today()
    now = cadence.quarter_of(today)
    start = date(now[0], now[1] * 3 - 2, 1)
    return QuarterInProgress(now[0], now[1],
                             any(cadence.quarter_of(d) == now for d in representatives_meeting_dates(start)),
                             any(cadence.quarter_of(d) == now for d in representatives_draft_dates(start)))


def counts() -> dict[str, int]:
    """Numbers for the home page."""
    row = database.execute_sql(
        "SELECT count(*), sum(quorum_met = 0) FROM meeting WHERE deleted = 0").fetchone()
    return {"meetings": row[0] or 0, "invalid": row[1] or 0,
            "registers": DecisionRegister.live().count()}
