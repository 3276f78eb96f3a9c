"""会议与表决: meeting records, live verdicts, approval and corrections.

The editor works on a `MeetingDraft` (plain data). `evaluate_draft` gives the
live verdict as attendance is ticked; `save` writes the whole meeting in one
transaction, refusing impossible data (more people present than expected,
more ballots than people, a notice after the meeting) and storing legal
shortfalls (no quorum, short notice) as the verdict the record must show.
Approved minutes are frozen: `correct` starts a new linked draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from peewee import fn

from desktop.services import duties, installation, record_store, setup_service, terms_service
from desktop.services.people_service import VILLAGE_COMMITTEE_ROLES
from desktop.services.rows_by_ids import in_order_of
from desktop.services.session import Session
from models.clock import now_utc
from models.db import database
from models.entities import Person, Village
from models.errors import NotFound, PermissionDenied, ValidationError
from models.meetings import amendment_2025
from models.meetings import matters as matters_mod
from models.meetings import types as mt
from models.meetings.quorum import (
    ATTENDANCE_STATUSES,
    ERROR,
    OBSERVER,
    PRESENT,
    QUORUM_UNKNOWN,
    Attendee,
    Ballot,
    Finding,
    MeetingFacts,
    Verdict,
    evaluate,
)
from models.meetings.records import (
    STATUS_APPROVED,
    STATUS_DRAFT,
    AgendaItem,
    Meeting,
    MeetingAttendance,
    Resolution,
)
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission
from models.stored_values import stored_date, stored_int

_C = "meetings"

#: Which register roles make up each body's roster.
ROSTER_ROLES: dict[str, frozenset[str]] = {
    mt.REPRESENTATIVES: VILLAGE_COMMITTEE_ROLES | {"representative"},
    mt.TWO_COMMITTEES: VILLAGE_COMMITTEE_ROLES | {"party_secretary", "party_committee"},
    mt.VILLAGE_COMMITTEE: VILLAGE_COMMITTEE_ROLES,
    mt.PARTY_BRANCH_COMMITTEE: frozenset({"party_secretary", "party_committee"}),
    mt.PARTY_MEMBERS: frozenset({"party_member", "party_secretary"}),
    mt.SUPERVISION: frozenset({"sc_chair", "sc_member"}),
}


@dataclass
class AttendanceLine:
    """A person on the list, with their attendance status."""

    person_id: str
    name: str
    gender: str
    status: str = PRESENT
    is_representative: bool = False


@dataclass
class AgendaLine:
    """An agenda item and its minutes."""

    title: str
    minutes: str = ""


@dataclass
class ResolutionLine:
    """A resolution and its vote counts."""

    text: str
    matter: str = "general"
    yes: int = 0
    no: int = 0
    abstain: int = 0


@dataclass
class MeetingDraft:
    """Everything the meeting editor edits."""

    type_code: str
    held_on: date
    title: str = ""
    id: str | None = None
    start_time: str = ""
    place: str = ""
    convened_by: str = ""
    host: str = ""
    recorder: str = ""
    notice_date: date | None = None
    expected_count: int | None = None
    present_count: int | None = None
    attendance: list[AttendanceLine] = field(default_factory=list)
    agenda: list[AgendaLine] = field(default_factory=list)
    resolutions: list[ResolutionLine] = field(default_factory=list)
    note: str = ""
    status: str = STATUS_DRAFT
    corrects_id: str | None = None
    party_study_on: date | None = None  # 村党组织研究讨论 of the important matters (组织法 2025)

    @property
    def editable(self) -> bool:
        """Approved minutes are frozen."""
        return self.status != STATUS_APPROVED


@dataclass
class DraftVerdict:
    """The meeting verdict, one per resolution, and who-may-decide findings."""

    meeting: Verdict
    resolutions: list[Verdict]
    authority: list[list[Finding]]

    @property
    def refusals(self) -> list[Finding]:
        """Errors that make the data impossible (saving is refused)."""
        impossible = []
        for verdict in [self.meeting, *self.resolutions]:
            for f in verdict.errors:
                if f.message.context == "quorum" and f.message.template in _IMPOSSIBLE:
                    impossible.append(f)
        unique, seen = [], set()
        for f in impossible:
            if f.text() not in seen:
                seen.add(f.text())
                unique.append(f)
        return unique


# Templates of engine findings that describe impossible data, not legal shortfalls.
_IMPOSSIBLE = {
    "人数不能是负数。",
    "实到 {present} {unit}多于应到 {expected} {unit},请核对签到表。",
    "通知日期晚于开会日期,请核对。",
    "票数不能是负数。",
    "赞成、反对、弃权共 {cast} 票,多于实到 {present} 人,请核对票数。",
}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def type_choices() -> list[tuple[str, str]]:
    """(code, label) of the meeting types, in a sensible order for a combo box."""
    return [(code, t.label) for code, t in mt.TYPES.items()]


def roster(type_code: str, on: date | None = None) -> list[AttendanceLine]:
    """Default attendance list: everyone holding a role of that body on `on` (the meeting's date; today when None).

    Who holds office on a date is `terms_service.office_holders`: someone who
    left in 2025 is not on a 2026 meeting's list, but is on a 2024 one.
    """
    roles = ROSTER_ROLES.get(type_code)
    if not roles:
        return []
    by_person: dict[str, AttendanceLine] = {}
    reps = set()
    for r in sorted(terms_service.office_holders(roles, on), key=lambda r: r.name):
        by_person.setdefault(r.person_id, AttendanceLine(r.person_id, r.name, r.gender))
        if r.role == "representative":
            reps.add(r.person_id)
    if type_code == mt.SUPERVISION:
        # The committee's seats are its members too (a village seats them under 村务监督 → 成员).
        for s in terms_service.committee_members_on(on):
            by_person.setdefault(s.person_id, AttendanceLine(s.person_id, s.name, s.gender))
    committee = {r.person_id for r in terms_service.office_holders(VILLAGE_COMMITTEE_ROLES, on)}
    for pid, line in by_person.items():
        # A 村委会 member who is also a representative sits as a committee member.
        line.is_representative = pid in reps and pid not in committee
    lines = list(by_person.values())
    lines.sort(key=lambda a: (not a.is_representative, a.name))
    return lines


def new_draft(type_code: str, held_on: date | None = None) -> MeetingDraft:
    """A draft with today's date, the body's roster, and village totals for assemblies."""
    kind = mt.meeting_type(type_code)
    draft = MeetingDraft(type_code=type_code, held_on=held_on or date.today(),
                         title=kind.label, convened_by="村民委员会")
    draft.attendance = roster(type_code, draft.held_on)
    if not kind.roster:
        info = setup_service.current()
        village = Village.get_or_none(Village.code == info.code) if info else None
        if village is not None:
            # The figures in use: the typed 户籍 figures, or today's count when the village follows its register.
            from desktop.services import village_figures

            used = village_figures.figures(draft.held_on)
            if type_code in (mt.ASSEMBLY, mt.COLLECTIVE_MEMBERS):
                draft.expected_count = used.adult_population or None
            elif type_code == mt.ASSEMBLY_HOUSEHOLDS:
                draft.expected_count = used.households or None
    return draft


def _supervisors(draft: MeetingDraft) -> frozenset[str]:
    """Who sat on the 村务监督委员会 on the meeting's day (only asked where the 2025 amendment asks)."""
    if draft.type_code != mt.REPRESENTATIVES or not amendment_2025.applies(draft.held_on):
        return frozenset()
    holders = {r.person_id for r in terms_service.office_holders({"sc_chair", "sc_member"}, draft.held_on)}
    return frozenset(holders | {s.person_id for s in terms_service.committee_members_on(draft.held_on)})


def attendees_of(draft: MeetingDraft) -> tuple[Attendee, ...]:
    """The attendance list as the quorum engine reads it (empty for a meeting counted by number)."""
    if not mt.meeting_type(draft.type_code).roster:
        return ()
    supervisors = _supervisors(draft)
    return tuple(Attendee(a.person_id, a.status, a.gender, a.is_representative, a.person_id in supervisors)
                 for a in draft.attendance)


def _facts(draft: MeetingDraft) -> MeetingFacts:
    kind = mt.meeting_type(draft.type_code)
    return MeetingFacts(
        draft.type_code, draft.held_on, draft.notice_date, attendees_of(draft),
        None if kind.roster else draft.expected_count,
        None if kind.roster else draft.present_count,
        installation.province(),
    )


def _authorizations(on: date, meeting_id: str | None = None) -> tuple[matters_mod.Authorization, ...]:
    """The 村民会议's authorizations of the 代表会议 that count for a meeting.

    At the township a village's meeting (printed from its file) counts only that village's
    authorizations: the township holds every village's, and another village's 授权 decides nothing here.
    """
    from models.meetings.records import Authorization

    query = Authorization.live()
    owner = Meeting.select(Meeting.owner).where(Meeting.id == meeting_id).scalar() if meeting_id else None
    info = setup_service.current()
    if owner is not None and info is not None and owner != info.code:
        query = query.where(Authorization.owner == owner)
    return authorization_rules(query)


def authorization_rules(rows) -> tuple[matters_mod.Authorization, ...]:
    """Stored `Authorization` rows as the matters engine reads them (`meetings_batch` reads them once for all)."""
    import json

    out = []
    for a in rows:
        granted = stored_date(a.granted_on)
        if granted is None:  # a bad stored date (an older import): the authorization is not counted
            continue
        out.append(matters_mod.Authorization(
            frozenset(json.loads(a.matters)), granted, stored_date(a.expires_on) if a.expires_on else None))
    return tuple(out)


def evaluate_draft(draft: MeetingDraft,
                   authorizations: tuple[matters_mod.Authorization, ...] | None = None) -> DraftVerdict:
    """The live verdict of the meeting and of each resolution.

    `authorizations` are the ones that count for the meeting when the caller read them already
    (`meetings_batch`, for many meetings at once); None reads them here.
    """
    facts = _facts(draft)
    meeting = evaluate(facts)
    auths = _authorizations(draft.held_on, draft.id) if authorizations is None else authorizations
    resolutions, authority = [], []
    for line in draft.resolutions:
        known = line.matter in matters_mod.MATTERS
        # Land and collective matters pass by another law's rule (two-thirds of all), not 过半数 of those present.
        rule = matters_mod.vote_rule(line.matter, draft.type_code) if known else None
        verdict = evaluate(facts, Ballot(line.yes, line.no, line.abstain), rule)
        who = matters_mod.who_may_decide(line.matter, draft.type_code, draft.held_on,
                                         installation.province(), auths) if known else []
        if any(f.severity == ERROR for f in who):
            verdict.passed = False
        resolutions.append(verdict)
        authority.append(who)
    meeting.findings.extend(_amendment_findings(draft, facts))
    return DraftVerdict(meeting, resolutions, authority)


def _amendment_findings(draft: MeetingDraft, facts: MeetingFacts) -> list[Finding]:
    """What the 2025 amendment asks of a meeting from 2026: the Party's prior study, the 监委会 invited."""
    if not amendment_2025.applies(draft.held_on):
        return []
    matters = [r.matter for r in draft.resolutions]
    studied = draft.party_study_on
    if studied is None and any(m not in amendment_2025.ORDINARY_MATTERS for m in matters):
        from desktop.services import decisions_service

        studied = decisions_service.party_study_day(draft.id)
    return (amendment_2025.party_study_findings(draft.type_code, draft.held_on, matters, studied)
            + amendment_2025.supervisor_findings(draft.type_code, draft.held_on, facts.attendees))


def _validate(draft: MeetingDraft) -> DraftVerdict:
    if draft.type_code not in mt.TYPES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择会议类型。"))
    if not draft.title.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写会议名称。"))
    if draft.held_on > date.today().replace(year=date.today().year + 1):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "开会日期 {on} 太远了,请核对。"), on=draft.held_on)
    seen = set()
    for a in draft.attendance:
        if a.status not in ATTENDANCE_STATUSES:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "出席情况不正确:{status}"), status=a.status)
        if a.person_id in seen:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "{name} 在名单上出现了两次。"), name=a.name)
        seen.add(a.person_id)
    for r in draft.resolutions:
        if not r.text.strip():
            raise _invalid(QT_TRANSLATE_NOOP(_C, "有一项表决事项没有填写内容。"))
        if r.matter not in matters_mod.MATTERS:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的事项类别:{matter}"), matter=r.matter)
    verdict = evaluate_draft(draft)
    if verdict.refusals:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "不能保存:{reasons}"),
                                  reasons=";".join(f.text() for f in verdict.refusals)))
    return verdict


def why_not_write(session: Session, type_code: str) -> Message | None:
    """Why `session` may not write a meeting of `type_code` (None when it may).

    The secretary records meetings; the 监委会 also records its own (type
    "supervision"), which a 村委会成员 login does not (`duties`).
    """
    if type_code == mt.SUPERVISION:
        if session.can(Permission.COMMITTEE_REVIEW):
            return None
        reason = duties.why_not_keep_committee_minutes(session)
        if reason is not None:
            return reason
    return None if session.can(Permission.EDIT_RECORDS) else session.refusal()


def _require_writer(session: Session, type_code: str) -> None:
    """The secretary records meetings; the 监委会 also records its own (type "supervision")."""
    reason = why_not_write(session, type_code)
    if reason is not None:
        raise PermissionDenied(reason)


def _require_keeper(session: Session, meeting_id: str) -> None:
    """更正 and 放弃草稿: the secretary's (EDIT_RECORDS), never the 村委会's on the 监委会's minutes."""
    session.require(Permission.EDIT_RECORDS)
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    reason = duties.why_not_keep_committee_minutes(session) if meeting and meeting.type_code == mt.SUPERVISION else None
    if reason is not None:
        raise PermissionDenied(reason)


def save(session: Session, draft: MeetingDraft) -> str:
    """Create or update a draft meeting in one transaction; returns its id."""
    _require_writer(session, draft.type_code)
    verdict = _validate(draft)
    kind = mt.meeting_type(draft.type_code)
    fields_ = dict(
        type_code=draft.type_code, title=draft.title.strip(), held_on=draft.held_on.isoformat(),
        start_time=draft.start_time, place=draft.place.strip(), convened_by=draft.convened_by.strip(),
        host=draft.host.strip(), recorder=draft.recorder.strip(),
        notice_date=draft.notice_date.isoformat() if draft.notice_date else "",
        expected_count=None if kind.roster else draft.expected_count,
        present_count=None if kind.roster else draft.present_count,
        quorum_met=verdict.meeting.quorum_met, note=draft.note,  # False while it cannot be judged
        party_study_on=draft.party_study_on.isoformat() if draft.party_study_on else "",
    )
    with database.atomic():
        if draft.id is None:
            meeting = record_store.create(session, Meeting, corrects=draft.corrects_id, **fields_)
            if draft.corrects_id:
                from desktop.services import attachments_service

                attachments_service.copy_to(session, "meeting", draft.corrects_id, "meeting", meeting.id)
        else:
            meeting = _editable(draft.id)
            meeting = record_store.update(session, meeting, **fields_)
        _sync_attendance(session, meeting, draft.attendance if kind.roster else [])
        _sync_positional(session, meeting, AgendaItem, Meeting.agenda,
                         [dict(title=a.title.strip(), minutes=a.minutes) for a in draft.agenda])
        _sync_positional(session, meeting, Resolution, Meeting.resolutions, [
            dict(text=r.text.strip(), matter=r.matter, yes=r.yes, no=r.no, abstain=r.abstain,
                 passed=v.passed)
            for r, v in zip(draft.resolutions, verdict.resolutions, strict=True)])
    draft.id = meeting.id
    return meeting.id


def _editable(meeting_id: str) -> Meeting:
    meeting = Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False))  # noqa: E712
    if meeting is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次会议的记录(可能已被删除)。")))
    if meeting.status == STATUS_APPROVED:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "会议记录已经审定,不能再修改。如需更正,请点“更正”新建一份更正记录。"))
    return meeting


def _sync_attendance(session: Session, meeting: Meeting, lines: list[AttendanceLine]) -> None:
    existing = {a.person_id: a for a in MeetingAttendance.live().where(MeetingAttendance.meeting == meeting)}
    wanted = {line.person_id: line for line in lines}
    for pid, row in existing.items():
        if pid not in wanted:
            record_store.soft_delete(session, row)
    for pid, line in wanted.items():
        row = existing.get(pid)
        if row is None:
            record_store.create(session, MeetingAttendance, meeting=meeting, person=pid,
                                status=line.status, is_representative=line.is_representative)
        elif (row.status, row.is_representative) != (line.status, line.is_representative):
            record_store.update(session, row, status=line.status, is_representative=line.is_representative)


def _sync_positional(session: Session, meeting: Meeting, model, backref, rows: list[dict]) -> None:
    existing = list(model.live().where(model.meeting == meeting).order_by(model.position))
    for position, values in enumerate(rows):
        if position < len(existing):
            record_store.update(session, existing[position], position=position, **values)
        else:
            record_store.create(session, model, meeting=meeting, position=position, **values)
    for row in existing[len(rows):]:
        record_store.soft_delete(session, row)


def load(meeting_id: str) -> MeetingDraft:
    """The meeting as an editable (or, when approved, read-only) draft."""
    m = Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False))  # noqa: E712
    if m is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次会议的记录(可能已被删除)。")))
    attendance = [
        AttendanceLine(a.person.id, a.person.name, a.person.gender, a.status, a.is_representative)
        for a in MeetingAttendance.select(MeetingAttendance, Person).join(Person)
        .where((MeetingAttendance.meeting == m) & (MeetingAttendance.deleted == False))  # noqa: E712
        .order_by(MeetingAttendance.is_representative.desc(), Person.name)
    ]
    agenda = [AgendaLine(a.title, a.minutes)
              for a in AgendaItem.live().where(AgendaItem.meeting == m).order_by(AgendaItem.position)]
    resolutions = [ResolutionLine(r.text, r.matter, r.yes, r.no, r.abstain)
                   for r in Resolution.live().where(Resolution.meeting == m).order_by(Resolution.position)]
    return draft_of(m, attendance, agenda, resolutions)


def draft_of(m: Meeting, attendance: list[AttendanceLine], agenda: list[AgendaLine],
             resolutions: list[ResolutionLine]) -> MeetingDraft:
    """The draft of meeting row `m` with its lines, in `load`'s order (`meetings_batch` reads many at once).

    Raises:
        ValidationError: the stored date is not a date (an older import): nothing can be judged about it.
    """
    held_on = stored_date(m.held_on)
    if held_on is None:  # a bad stored date (an older import): nothing can be judged about this meeting
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这次会议的日期“{value}”有误(来自较早导入的数据包),无法打开。请让录入这次会议的一方改正。"),
            value=m.held_on))
    return MeetingDraft(
        type_code=m.type_code, held_on=held_on, title=m.title, id=m.id,
        start_time=m.start_time, place=m.place, convened_by=m.convened_by, host=m.host,
        recorder=m.recorder, notice_date=stored_date(m.notice_date),
        expected_count=m.expected_count, present_count=m.present_count, attendance=attendance,
        agenda=agenda, resolutions=resolutions, note=m.note, status=m.status,
        corrects_id=m.corrects_id, party_study_on=stored_date(m.party_study_on),
    )


def approve(session: Session, meeting_id: str) -> None:
    """Freeze the minutes (审定). Refused while the data is impossible or the quorum cannot be judged.

    Two cases are told apart on purpose:

    - **Quorum not reached** (实到 below 组织法 第二十二、二十六条's share): allowed. That
      the meeting was held inquorate is a fact the minutes may record; the law voids its
      *decisions*, not the record of it. The verdict stays on the record (`quorum_met`
      False), the editor warns before freezing, and such a meeting counts neither for
      the quarterly 村民代表会议 nor on the township's board.
    - **Quorum cannot be judged** (nobody on the attendance list, or 实到 never entered):
      refused. This is not a legal rule but an incomplete record: frozen minutes can only
      be changed by a correction, and minutes without the attendance would go to the
      township as a meeting whose validity nobody can check.
    """
    draft = load(meeting_id)
    _require_writer(session, draft.type_code)
    if not draft.editable:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这份会议记录已经审定过了。"))
    verdict = _validate(draft)
    if not verdict.meeting.quorum_judged:
        unknown = [f.text() for f in verdict.meeting.errors if f.message.template in QUORUM_UNKNOWN]
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "不能审定:{reasons}"), reasons="".join(unknown)))
    with database.atomic():
        record_store.update(session, Meeting.get_by_id(meeting_id), status=STATUS_APPROVED,
                            approved_at=now_utc(), approved_by=session.display_name or session.actor)


def correct(session: Session, meeting_id: str) -> MeetingDraft:
    """Start a correction of approved minutes: a new unsaved draft linked to the original."""
    _require_keeper(session, meeting_id)
    original = load(meeting_id)
    if original.editable:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "草稿可以直接修改,不需要更正记录。"))
    return replace(original, id=None, status=STATUS_DRAFT, corrects_id=meeting_id,
                   title=original.title + "(更正)")


def delete_draft(session: Session, meeting_id: str) -> None:
    """放弃草稿: move a draft to the 回收站, with its attendance, agenda and resolutions (恢复 brings it back).

    Raises:
        ValidationError: the minutes were approved (审定): they are corrected, never abandoned.
    """
    _require_keeper(session, meeting_id)
    meeting = Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False))  # noqa: E712
    if meeting is not None and meeting.status == STATUS_APPROVED:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "“{title}”已经审定,不是草稿,不能放弃。如需更正,请点“更正”新建一份更正记录。"),
            title=meeting.title)
    record_store.soft_delete(session, _editable(meeting_id))


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meeting list."""

    id: str
    held_on: str
    type_code: str
    type_label: str
    title: str
    expected: int
    present: int
    quorum_met: bool | None
    status: str
    resolutions: int
    passed: int
    corrected_by: str | None
    quorum_judged: bool = True  # False: nobody on the list (应到 0) or 实到 never entered

    @property
    def counts_as_held(self) -> bool:
        """Whether it counts for a cadence (quarterly 代表会议, monthly 监委会例会).

        Approved minutes whose quorum was judged and met (or, for a practice rule,
        judged and only flagged); drafts and meetings without an established quorum
        do not count. The same test as `representatives_meeting_dates` and the
        township's board.
        """
        return self.status == STATUS_APPROVED and self.quorum_judged and bool(self.quorum_met)


def list_meetings(type_code: str | None = None, year: int | None = None) -> list[MeetingRow]:
    """Meetings, newest first, with attendance counts (for callers that need the whole list).

    The meetings page reads only the rows it shows (`meeting_count` +
    `meeting_page`); this reads the same rows, every one.
    """
    return meeting_page(type_code, year, 0, -1)


#: The list's order (newest first; equal days and times: the later entered first) and its reverse.
_NEWEST_FIRST = "m.held_on DESC, m.start_time DESC, m.rowid DESC"
_OLDEST_FIRST = "m.held_on, m.start_time, m.rowid"

#: The meeting's 更正 (the correction that replaces it), if any. INDEXED BY: a village rarely corrects minutes, so
#: after ANALYZE (`PRAGMA optimize`) the index on `corrects_id` holds one NULL per meeting and looks useless to the
#: planner, which then scans every meeting for each line (3,149 meetings: 1 s for the list; issue 20).
_CORRECTED_BY = ("(SELECT c.id FROM meeting c INDEXED BY meeting_corrects_id WHERE c.corrects_id = m.id "
                 "AND c.deleted = 0 LIMIT 1)")

#: One list line: the meeting and its counts, each from the child's index on `meeting_id` (no N+1).
_LINE = f"""SELECT m.id, m.held_on, m.type_code, m.title, m.expected_count, m.present_count, m.quorum_met, m.status,
       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.deleted = 0
           AND a.status != 'observer'),
       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.deleted = 0
           AND a.status = 'present'),
       (SELECT count(*) FROM resolution r WHERE r.meeting_id = m.id AND r.deleted = 0),
       (SELECT count(*) FROM resolution r WHERE r.meeting_id = m.id AND r.deleted = 0 AND r.passed = 1),
       {_CORRECTED_BY}
FROM meeting m"""


def _filters(type_code: str | None, year: int | None) -> tuple[str, list]:
    """The list's WHERE (live meetings, of a type, in a year) and its parameters.

    The year is a range of `held_on` (every text that starts with the four
    digits, as `substr(held_on, 1, 4)` matched), so the `held_on` index serves it.
    """
    where = ["m.deleted = 0"]
    params: list = []
    if type_code:
        where.append("m.type_code = ?")
        params.append(type_code)
    if year:
        prefix = f"{year:04d}"
        where.append("m.held_on >= ? AND m.held_on < ?")
        params += [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]
    return " AND ".join(where), params


def meeting_count(type_code: str | None = None, year: int | None = None) -> int:
    """How many meetings the list shows with these filters (one count, no rows)."""
    where, params = _filters(type_code, year)
    # Of one type: that type's index; else the live meetings' own index (migration 0018): with
    # statistics SQLite would scan the table instead (27 ms at 100,000 instead of 4).
    indexed = "" if type_code else " INDEXED BY meeting_list"
    return database.execute_sql(f"SELECT count(*) FROM meeting m{indexed} WHERE {where}", params).fetchone()[0]


def meeting_page(type_code: str | None, year: int | None, offset: int, limit: int,
                 total: int | None = None) -> list[MeetingRow]:
    """The list's lines at positions offset .. offset+limit-1, newest first (limit -1: to the end).

    Given `total` (the count), a page in the second half is read from the
    oldest end (the same rows, reversed), so the list's end costs what its
    start does.
    """
    where, params = _filters(type_code, year)
    order = _NEWEST_FIRST
    backwards = total is not None and limit >= 0 and offset > total // 2
    if backwards:
        end = min(offset + limit, total)
        order, offset, limit = _OLDEST_FIRST, total - end, max(0, end - offset)
    # The page's ids first, then their lines: in one query SQLite would count the attendance of
    # every meeting it skips (the sorter keeps whole rows) — 3.7 s for a page at 50,000.
    cursor = database.execute_sql(f"SELECT m.id FROM meeting m WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                                  params + [limit, offset])
    ids = [mid for (mid,) in cursor]
    if backwards:
        ids.reverse()
    return meeting_rows(ids)


def meeting_ids(type_code: str | None = None, year: int | None = None) -> list[str]:
    """The ids of the list's meetings, newest first (what a header sort orders)."""
    where, params = _filters(type_code, year)
    return [mid for (mid,) in database.execute_sql(
        f"SELECT m.id FROM meeting m WHERE {where} ORDER BY {_NEWEST_FIRST}", params)]


def meeting_rows(ids: Sequence[str]) -> list[MeetingRow]:
    """The list's lines of `ids`, in the order of `ids` (a query per 900); deleted ones left out."""
    return in_order_of(ids, lambda chunk, marks: map(_meeting_row, database.execute_sql(
        f"{_LINE} WHERE m.deleted = 0 AND m.id IN ({marks})", chunk)))


#: The list's columns a header sorts by from one lean query (`meeting_values`), as SQL over meeting m.
MEETING_FIELDS = {
    "held_on": "m.held_on",
    "type_code": "m.type_code",
    "title": "m.title",
    "status": "m.status, " + _CORRECTED_BY,
}


def meeting_values(ids: Sequence[str], field: str) -> dict[str, tuple]:
    """Meeting id -> the raw value(s) of one list column (`MEETING_FIELDS`), for sorting by it.

    One lean query (no list lines, no attendance counted): a header click
    reads one column of every match. Many ids: one scan of the live
    meetings, kept to `ids` here (binding 100,000 ids is slower and over
    SQLite's limit of bound values).
    """
    if field not in MEETING_FIELDS:
        raise ValueError(field)
    ids = list(ids)
    select = f"SELECT m.id, {MEETING_FIELDS[field]} FROM meeting m"
    if len(ids) > 2_000:
        wanted = set(ids)
        return {row[0]: row[1:] for row in database.execute_sql(f"{select} WHERE m.deleted = 0")
                if row[0] in wanted}
    marks = ", ".join("?" * len(ids))
    cursor = database.execute_sql(f"{select} WHERE m.deleted = 0 AND m.id IN ({marks})", ids) if ids else []
    return {row[0]: row[1:] for row in cursor}


def meeting_position(meeting_id: str, type_code: str | None = None, year: int | None = None) -> int | None:
    """Where `meeting_id` comes in the list with these filters (0: the newest), None if the list lacks it."""
    where, params = _filters(type_code, year)
    mine = database.execute_sql(f"SELECT m.held_on, m.start_time, m.rowid FROM meeting m WHERE {where}"
                                " AND m.id = ?", params + [meeting_id]).fetchone()
    if mine is None:
        return None
    return database.execute_sql(
        f"SELECT count(*) FROM meeting m WHERE {where} AND (m.held_on, m.start_time, m.rowid) > (?, ?, ?)",
        params + list(mine)).fetchone()[0]


def _meeting_row(line: tuple) -> MeetingRow:
    """A `MeetingRow` from one `_LINE`: counts from the list or typed, as the meeting's type keeps them."""
    (mid, held_on, code, title, exp_typed, pres_typed, quorum, status, exp_list, pres_list,
     n_res, n_passed, corrected_by) = line
    kind = mt.TYPES.get(code)
    roster_based = kind.roster if kind else True
    exp_typed, pres_typed = stored_int(exp_typed), stored_int(pres_typed)  # text stored by an older import
    expected = exp_list if roster_based else (exp_typed or 0)
    judged = expected > 0 and (roster_based or pres_typed is not None)
    return MeetingRow(
        mid, held_on, code, kind.label if kind else code, title, expected,
        pres_list if roster_based else (pres_typed or 0),
        None if quorum is None else bool(quorum) and judged, status, n_res, n_passed, corrected_by,
        judged)


def years_with_meetings() -> list[int]:
    """Years that have meetings, newest first (for the year filter).

    From the live meetings' index alone (`meeting_list`, migration 0018): half
    the time of a scan of the table at 100,000 meetings.
    """
    cursor = database.execute_sql(
        "SELECT DISTINCT substr(held_on, 1, 4) FROM meeting INDEXED BY meeting_list WHERE deleted = 0 ORDER BY 1 DESC")
    return [int(y) for (y,) in cursor if y and y.isdigit()]


def representatives_meeting_dates(since: date | None = None) -> list[date]:
    """Dates of the 村民代表会议 that count for the cadence check (组织法 第二十六条), from `since` if given.

    Only approved minutes with the quorum established count: a draft may still
    change (or never have been held as written), and a meeting without a quorum
    on record cannot decide anything. The township's board counts the same way
    (`compliance_service`). A check of one year asks from that year on: ten
    thousand meetings are not read for four quarters.
    """
    # Someone on the list, too: minutes approved by an older version with nobody listed
    # were stored as quorate.
    listed = MeetingAttendance.select(MeetingAttendance.id).where(
        (MeetingAttendance.meeting == Meeting.id) & (MeetingAttendance.deleted == False)  # noqa: E712
        & (MeetingAttendance.status != OBSERVER))
    rows = Meeting.live().select(Meeting.held_on).where(
        (Meeting.type_code == mt.REPRESENTATIVES) & (Meeting.quorum_met == True)  # noqa: E712
        & (Meeting.status == STATUS_APPROVED) & fn.EXISTS(listed)).tuples()  # the days only, no records
    return _days(rows, since)


def representatives_draft_dates(since: date | None = None) -> list[date]:
    """Dates of 村民代表会议 still in draft (from `since` if given), so the cadence note can say "not approved yet"."""
    rows = Meeting.live().select(Meeting.held_on).where(
        (Meeting.type_code == mt.REPRESENTATIVES) & (Meeting.status == STATUS_DRAFT)).tuples()
    return _days(rows, since)


def _days(query, since: date | None) -> list[date]:
    """The real days of a query of `held_on` values, on or after `since`.

    A stored text that is no day (an older import's "2026-02-30") is left out
    by `stored_date`; every real day on or after `since` is a text that
    compares at or after its ISO form, so the bound is safe in SQL.
    """
    if since is not None:
        query = query.where(Meeting.held_on >= since.isoformat())
    return [d for d in (stored_date(held_on) for (held_on,) in query) if d is not None and (since is None or d >= since)]


def first_representatives_day() -> date | None:
    """The day of the first 村民代表会议 on record (counted or draft), None without any: one ordered read."""
    listed = MeetingAttendance.select(MeetingAttendance.id).where(
        (MeetingAttendance.meeting == Meeting.id) & (MeetingAttendance.deleted == False)  # noqa: E712
        & (MeetingAttendance.status != OBSERVER))
    counted = (Meeting.quorum_met == True) & (Meeting.status == STATUS_APPROVED) & fn.EXISTS(listed)  # noqa: E712
    rows = Meeting.live().select(Meeting.held_on).where(
        (Meeting.type_code == mt.REPRESENTATIVES) & (counted | (Meeting.status == STATUS_DRAFT))
    ).order_by(Meeting.held_on).tuples()
    # Real days sort as their texts; a text that is no day is skipped.
    return next((d for d in (stored_date(held_on) for (held_on,) in rows.iterator()) if d is not None), None)


def observer_count(draft: MeetingDraft) -> int:
    """列席 people on the list (they do not count toward 应到)."""
    return sum(1 for a in draft.attendance if a.status == OBSERVER)
