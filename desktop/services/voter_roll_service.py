"""选民登记: the 选民名单 of an election, built from the 人员名册, kept by hand, published, objected to.

The rules are in `models.elections.roll` (组织法 2018 第十三条, 第十四条); this service reads the
register and the list in a few queries (a 3,000-person village is one pass, not a query per
person) and writes `voter` / `voter_objection` rows through `record_store` (audited).

A line taken off the list is not deleted: it keeps `removed_on` and `removed_reason` (依照法律被剥夺
政治权利, 异议成立…), so the list shows who was left out and why, and a new build does not bring
the person back. Refusals are in Chinese with the article; nothing is written then. The timing
rules of 第十四条 (published < 20 days before, an objection after 5 days, a decision after 3)
come back as warnings: the committee records what it did, the township board sees it was late.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from desktop.services import people_service, record_store
from desktop.services.session import Session
from models.db import database
from models.elections import roll
from models.elections.records import (
    BODY_REPRESENTATIVES,
    BODY_VILLAGERS,
    KIND_BY_ELECTION,
    VOTER_CATEGORIES,
    VOTER_INCOMER,
    VOTER_RESIDENT,
    Election,
    Voter,
    VoterObjection,
)
from models.entities import Person
from models.errors import NotFound, ValidationError
from models.meetings.quorum import ERROR, Finding
from models.meetings.records import Meeting
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "voter_roll"


def _invalid(template: str, **params) -> ValidationError:
    """A refusal (a template citing its article ends in `({cite})`, given as `cite=basis.cite()`)."""
    return ValidationError(msg(_C, template, **params))


def _refuse(finding: Finding) -> ValidationError:
    """A refusal from an engine finding: its sentence (the source text) and its article."""
    return ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "{text}"), text=finding.text()))


# --- reading ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ElectionFacts:
    """What the roll needs of its election."""

    id: str
    label: str
    election_day: str
    roll_published_on: str
    announced_on: str
    cancelled_on: str


@dataclass(frozen=True)
class VoterRow:
    """One line of the 选民名单 as the tab shows it."""

    id: str
    person_id: str
    name: str
    gender: str
    age: int | None
    village_group: str
    category: str
    admitted_meeting_id: str | None
    admitted_meeting_title: str
    registered_on: str
    removed_on: str
    removed_reason: str
    verify: bool
    note: str
    findings: tuple[Finding, ...] = ()

    @property
    def listed(self) -> bool:
        """On the list (not taken off)."""
        return not self.removed_on


@dataclass(frozen=True)
class ObjectionRow:
    """One objection to the list: who it is about, when raised and decided, and whether in time."""

    id: str
    voter_id: str | None
    person_id: str | None
    subject: str  # the name it is about
    raised_on: str
    raised_by: str
    content: str
    decided_on: str
    decision: str
    upheld: bool | None
    deadline: str  # the last day to decide
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class RollCounts:
    """Listed voters per 村民小组 and per category (people taken off not counted)."""

    total: int
    by_group: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int], ...]
    removed: int
    to_verify: int


def _election(election_id: str | None) -> Election:
    row = Election.get_or_none((Election.id == election_id) & (Election.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次选举。")))
    return row


def election_facts(election_id: str) -> ElectionFacts:
    """The election's label and the dates the roll works with."""
    e = _election(election_id)
    return ElectionFacts(e.id, e.label, e.election_day, e.roll_published_on, e.announced_on, e.cancelled_on)


def _election_day(e: Election) -> date:
    day = roll.parse_day(e.election_day)
    if day is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举还没有确定选举日,无法计算年龄,请先填写选举日。"))
    return day


def _register_people() -> list[roll.RegisterPerson]:
    """Everyone on the 人员名册 (one query), in the roster's group order."""
    ranks = people_service.group_ranks()
    rows = (Person.select(Person.id, Person.name, Person.gender, Person.birth_year, Person.birth_month,
                          Person.village_group, Person.left_on)
            .where(Person.deleted == False).tuples())  # noqa: E712
    people = [roll.RegisterPerson(pid, name, gender, by, bm, group or "", left or "")
              for pid, name, gender, by, bm, group, left in rows]
    people.sort(key=lambda p: (ranks.get(p.village_group, len(ranks)), p.village_group, p.name))
    return people


def _lines(election_id: str) -> list[Voter]:
    return list(Voter.select().where((Voter.election == election_id) & (Voter.deleted == False)))  # noqa: E712


def _verify(line: Voter) -> bool:
    return line.note.startswith(roll.VERIFY_MARK)


def preview(election_id: str) -> roll.RollPreview:
    """Who the register puts on the list for this election's day, and who it leaves out and why.

    People with a line already (listed or taken off) are not judged again: those taken off stay off.
    """
    e = _election(election_id)
    day = _election_day(e)
    lines = _lines(election_id)
    return roll.preview(_register_people(), day,
                        already_listed=[v.person_id for v in lines if not v.removed_on],
                        kept_off=[v.person_id for v in lines if v.removed_on])


def _meeting_titles(ids: set[str]) -> dict[str, tuple[str, str, str]]:
    """Meeting id -> (title, type code, day), in one query."""
    if not ids:
        return {}
    return {m.id: (m.title, m.type_code, m.held_on)
            for m in Meeting.select(Meeting.id, Meeting.title, Meeting.type_code, Meeting.held_on)
            .where(Meeting.id.in_(sorted(ids)))}


def voters(election_id: str, group: str | None = None, category: str | None = None,
           include_removed: bool = True) -> list[VoterRow]:
    """The list as the tab shows it: listed lines first (by group, then name), each with its findings."""
    e = _election(election_id)
    day = roll.parse_day(e.election_day)
    lines = _lines(election_id)
    # Joined, not `IN (ids…)`: a 3,000-voter list would pass 3,000 parameters.
    people = {p.id: p for p in Person.select(Person.id, Person.name, Person.gender, Person.birth_year,
                                             Person.birth_month, Person.left_on)
              .join(Voter, on=(Voter.person == Person.id))
              .where((Voter.election == election_id) & (Voter.deleted == False))  # noqa: E712
              .distinct()} if lines else {}
    meetings = _meeting_titles({v.admitted_meeting_id for v in lines if v.admitted_meeting_id})
    findings: dict[str, list[Finding]] = {}
    if day is not None:
        live = []
        for v in lines:
            p = people.get(v.person_id)
            if v.removed_on or p is None:
                continue
            title, type_code, held = meetings.get(v.admitted_meeting_id or "", ("", "", ""))
            live.append(roll.RollLine(v.id, v.person_id, p.name, p.birth_year, p.birth_month, v.category,
                                      v.admitted_meeting_id, type_code, held, p.left_on, _verify(v),
                                      v.resident_since))
        for found in roll.check_lines(live, day):
            findings.setdefault(found.voter_id, []).append(found.finding)
    ranks = people_service.group_ranks()
    out = []
    for v in lines:
        if group is not None and v.village_group != group:
            continue
        if category is not None and v.category != category:
            continue
        if v.removed_on and not include_removed:
            continue
        p = people.get(v.person_id)
        name = p.name if p else ""
        age = roll.age_on(p.birth_year, p.birth_month, day) if (p and day) else None
        out.append(VoterRow(v.id, v.person_id, name, p.gender if p else "", age, v.village_group, v.category,
                            v.admitted_meeting_id, meetings.get(v.admitted_meeting_id or "", ("",))[0],
                            v.registered_on, v.removed_on, v.removed_reason, _verify(v), v.note,
                            tuple(findings.get(v.id, ()))))
    out.sort(key=lambda r: (bool(r.removed_on), ranks.get(r.village_group, len(ranks)), r.village_group, r.name))
    return out


def registered_voters(election_id: str) -> int:
    """登记参加选举的村民: the lines on the list (the count compares ballots with this number)."""
    return (Voter.select().where((Voter.election == election_id) & (Voter.deleted == False)  # noqa: E712
                                 & (Voter.removed_on == "")).count())


def counts(election_id: str) -> RollCounts:
    """Listed voters per 村民小组 (in the roster's order) and per category."""
    lines = _lines(election_id)
    live = [v for v in lines if not v.removed_on]
    ranks = people_service.group_ranks()
    groups = Counter(v.village_group for v in live)
    cats = Counter(v.category for v in live)
    return RollCounts(len(live),
                      tuple(sorted(groups.items(), key=lambda g: (ranks.get(g[0], len(ranks)), g[0]))),
                      tuple((c, cats.get(c, 0)) for c in VOTER_CATEGORIES),
                      len(lines) - len(live), sum(1 for v in live if _verify(v)))


def roll_by_group(election_id: str) -> list[tuple[str, list[str]]]:
    """The 选民名单公告's content: (村民小组, [names…]) in the roster's order, names sorted within a group.

    For the printed notice (helper "papers"): only the lines on the list; a person with no group
    comes last under "".
    """
    by_group: dict[str, list[str]] = {}
    for row in voters(election_id, include_removed=False):
        by_group.setdefault(row.village_group, []).append(row.name)
    ranks = people_service.group_ranks()
    ordered = sorted(by_group, key=lambda g: (g == "", ranks.get(g, len(ranks)), g))
    return [(g, sorted(by_group[g])) for g in ordered]


def admitting_meetings(election_id: str) -> list[tuple[str, str]]:
    """(id, "2026-03-02 村民代表会议 …") of the meetings that may admit an incomer, newest first.

    第十三条(三): 经村民会议或者村民代表会议同意; meetings after the election day cannot have.
    """
    e = _election(election_id)
    query = Meeting.select(Meeting.id, Meeting.title, Meeting.held_on).where(
        (Meeting.deleted == False) & Meeting.type_code.in_(roll.ADMITTING_MEETING_TYPES))  # noqa: E712
    if e.election_day:
        query = query.where(Meeting.held_on <= e.election_day)
    return [(m.id, f"{m.held_on} {m.title}") for m in query.order_by(Meeting.held_on.desc())]


def people_not_listed(election_id: str) -> list[tuple[str, str, str]]:
    """(person id, name, group) of the register's people with no live line: whom 添加选民 may pick."""
    listed = {v.person_id for v in _lines(election_id) if not v.removed_on}
    return [(p.person_id, p.name, p.village_group) for p in _register_people() if p.person_id not in listed]


def objections(election_id: str) -> list[ObjectionRow]:
    """The objections to the list, oldest first, each with its deadline and what is late."""
    e = _election(election_id)
    published = roll.parse_day(e.roll_published_on)
    day = roll.parse_day(e.election_day)
    rows = list(VoterObjection.select().where((VoterObjection.election == election_id)
                                              & (VoterObjection.deleted == False))  # noqa: E712
                .order_by(VoterObjection.raised_on, VoterObjection.seq))
    voter_person = {v.id: v.person_id for v in _lines(election_id)}
    person_ids = {r.person_id for r in rows if r.person_id} | {voter_person.get(r.voter_id, "") for r in rows}
    names = {p.id: p.name for p in Person.select(Person.id, Person.name).where(Person.id.in_(sorted(person_ids)))}
    out = []
    for r in rows:
        raised = roll.parse_day(r.raised_on)
        found = []
        deadline = ""
        if raised is not None:
            deadline = roll.decision_deadline(raised).isoformat()
            late = roll.objection_finding(published, raised, day)
            if late is not None:
                found.append(late)
            decided = roll.parse_day(r.decided_on)
            if decided is not None:
                slow = roll.decision_finding(raised, decided, day)
                if slow is not None:
                    found.append(slow)
        subject = names.get(r.person_id or voter_person.get(r.voter_id, ""), "")
        out.append(ObjectionRow(r.id, r.voter_id, r.person_id, subject, r.raised_on, r.raised_by, r.content,
                                r.decided_on, r.decision, r.upheld, deadline, tuple(found)))
    return out


def _publication_finding(e: Election, published: date, day: date) -> Finding | None:
    """`roll.publication_finding`, without the twenty days for a 补选 decided by a meeting.

    A 补选 by the 村民会议 or 村民代表会议 (第十九条) needs no 选民名单 and no twenty-day
    publication (第十四条 is the 换届's rule); a list such a village writes anyway is only
    refused when dated after the vote.
    """
    found = roll.publication_finding(published, day)
    if found is not None and found.severity != ERROR and e.kind == KIND_BY_ELECTION \
            and e.body in (BODY_REPRESENTATIVES, BODY_VILLAGERS):
        return None
    return found


def findings(election_id: str) -> list[Finding]:
    """What the list as a whole lacks: publication in time, lines to verify or fix (for the step summary)."""
    e = _election(election_id)
    day = roll.parse_day(e.election_day)
    out: list[Finding] = []
    if day is None:
        return out
    published = roll.parse_day(e.roll_published_on)
    if published is not None:
        late = _publication_finding(e, published, day)
        if late is not None:
            out.append(late)
    for row in voters(election_id, include_removed=False):
        out.extend(row.findings)
    return out


# --- writing ---------------------------------------------------------------------------------

def _writable(session: Session, election_id: str) -> Election:
    session.require(Permission.EDIT_REGISTER)
    e = _election(election_id)
    if e.cancelled_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举已于{day}取消,选民名单不能再改。"), day=e.cancelled_on)
    if e.announced_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选举结果已于{day}公告,选民名单不能再改。"), day=e.announced_on)
    return e


def build(session: Session, election_id: str, on: date | None = None) -> int:
    """Write the preview's listed people as `voter` lines (resident) in one transaction; returns how many.

    The village group is copied from the person; a line whose age needs a look carries the
    需核实 note. People already with a line are left as they are.
    """
    e = _writable(session, election_id)
    found = preview(election_id)
    today = (on or date.today()).isoformat()
    rows = [dict(election=e.id, person=line.person.person_id, category=VOTER_RESIDENT,
                 village_group=line.person.village_group, registered_on=today,
                 note=(f"{roll.VERIFY_MARK}:{line.reason}" if line.verify else ""))
            for line in found.listed]
    if not rows:
        return 0
    return len(record_store.create_many(session, Voter, rows))


def _meeting_check(meeting_id: str | None, e: Election, name: str) -> None:
    day = _election_day(e)
    meeting = Meeting.get_or_none((Meeting.id == meeting_id) & (Meeting.deleted == False)) if meeting_id else None  # noqa: E712
    why = roll.incomer_problem(meeting.type_code if meeting else "", meeting.held_on if meeting else "", day,
                               meeting is not None)
    if why is not None:
        raise _refuse(Finding(ERROR, msg(_C, why, name=name), roll.basis_13(day)))


def _residence_check(resident_since: str, e: Election, name: str) -> str:
    """The incomer's 居住起始日期 as stored: refused when not a date or short of a year (第十三条(三)).

    Not recorded ("") passes: the list then warns that the year needs checking.
    """
    text = (resident_since or "").strip()
    if not text:
        return ""
    since = roll.parse_day(text)
    if since is None or len(text) != 10:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "居住起始日期“{text}”不是有效日期(格式如 2025-03-01)。"), text=text)
    day = _election_day(e)
    found = roll.residence_problem(since.isoformat(), day)
    if found is not None and found[0] == ERROR:
        raise _refuse(Finding(ERROR, msg(_C, found[1], name=name, since=since.isoformat()), roll.basis_13(day)))
    return since.isoformat()


def _person(person_id: str) -> Person:
    p = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))  # noqa: E712
    if p is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "人员名册里找不到这个人。")))
    return p


def add(session: Session, election_id: str, person_id: str, category: str,
        admitted_meeting_id: str | None = None, note: str = "", on: date | None = None,
        resident_since: str = "") -> str:
    """Put one person on the list by hand (an away villager who asked to vote, an admitted incomer).

    Refused: not 18 on the election day, left the register before it, already on the list, an
    incomer without a 村民会议/村民代表会议 that admitted him, or living in the village less than a
    year by the election day (`resident_since`, kept on an incomer's line only; "" = not recorded,
    which the list shows as a warning). A person taken off earlier comes
    back on his old line (the reason it was removed stays in the audit log). Returns the line's id.
    """
    e = _writable(session, election_id)
    day = _election_day(e)
    basis = roll.basis_13(day)
    if category not in VOTER_CATEGORIES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择登记类别。"))
    p = _person(person_id)
    if p.left_on and p.left_on <= day.isoformat():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已于{day}离开名册,选举日不在本村,不能登记({cite})。"), cite=basis.cite(),
                       name=p.name, day=p.left_on)
    status = roll.age_status(p.birth_year, p.birth_month, day)
    if status == roll.UNDERAGE:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}在选举日{day}未满十八周岁,不能登记({cite})。"), cite=basis.cite(),
                       name=p.name, day=day.isoformat())
    if category == VOTER_INCOMER:
        _meeting_check(admitted_meeting_id, e, p.name)
        resident_since = _residence_check(resident_since, e, p.name)
    else:
        admitted_meeting_id = None
        resident_since = ""
    lines = [v for v in _lines(election_id) if v.person_id == person_id]
    if any(not v.removed_on for v in lines):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已在选民名单上,同一村民只能登记一次({cite})。"), cite=basis.cite(), name=p.name)
    text = note.strip()
    if status == roll.VERIFY and not text.startswith(roll.VERIFY_MARK):
        text = f"{roll.VERIFY_MARK}:{text}" if text else roll.VERIFY_MARK
    today = (on or date.today()).isoformat()
    with database.atomic():
        if lines:
            line = record_store.update(session, lines[0], category=category, admitted_meeting=admitted_meeting_id,
                                       resident_since=resident_since, removed_on="", removed_reason="", registered_on=today,
                                       village_group=p.village_group, note=text)
            return line.id
        line = record_store.create(session, Voter, election=e.id, person=p.id, category=category,
                                   village_group=p.village_group, registered_on=today,
                                   admitted_meeting=admitted_meeting_id, resident_since=resident_since,
                                   note=text)
    return line.id


def _line(voter_id: str) -> Voter:
    v = Voter.get_or_none((Voter.id == voter_id) & (Voter.deleted == False))  # noqa: E712
    if v is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "选民名单上找不到这一行。")))
    return v


def remove(session: Session, voter_id: str, reason: str, detail: str = "", on: date | None = None) -> None:
    """Take a line off the list with its reason (依照法律被剥夺政治权利, 不在本村居住未表示参加选举…).

    The line stays, marked, so the list shows why and a new build leaves the person off.
    """
    v = _line(voter_id)
    _writable(session, v.election_id)
    if v.removed_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这一行已于{day}移出名单。"), day=v.removed_on)
    if reason not in roll.OUT_REASONS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择移出名单的原因。"))
    detail = detail.strip()
    if reason == roll.OUT_OTHER and not detail:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "原因为“其他”时,请写明具体原因。"))
    label = roll.OUT_REASONS[reason]
    text = f"{label}:{detail}" if detail else label
    record_store.update(session, v, removed_on=(on or date.today()).isoformat(), removed_reason=text)


def set_category(session: Session, voter_id: str, category: str, admitted_meeting_id: str | None = None) -> None:
    """Change a line's category (a resident found to live away but wishing to vote → away)."""
    v = _line(voter_id)
    e = _writable(session, v.election_id)
    if category not in VOTER_CATEGORIES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择登记类别。"))
    if category == VOTER_INCOMER:
        _meeting_check(admitted_meeting_id, e, _person(v.person_id).name)
    else:
        admitted_meeting_id = None
    record_store.update(session, v, category=category, admitted_meeting=admitted_meeting_id)


def confirm_age(session: Session, voter_id: str, checked: str = "") -> None:
    """The 身份证 was looked at and the person is 18 on the day: the 需核实 mark goes."""
    v = _line(voter_id)
    _writable(session, v.election_id)
    if not _verify(v):
        return
    record_store.update(session, v, note=checked.strip())


def publish(session: Session, election_id: str, published_on: date) -> list[Finding]:
    """Record the day the list was published (Election.roll_published_on).

    Refused: no election day, a day after the election day, no one on the list, lines that are
    wrong (the same person twice, an incomer without his meeting, a person under 18). Published
    fewer than 20 days before the day: recorded, and the warning returned (第十四条).
    """
    e = _writable(session, election_id)
    day = _election_day(e)
    if not isinstance(published_on, date):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写公布日期。"))
    late = _publication_finding(e, published_on, day)
    if late is not None and late.severity == ERROR:
        raise _refuse(late)
    rows = voters(election_id, include_removed=False)
    if not rows:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选民名单上还没有人,请先从名册生成选民名单。"))
    errors = [f for r in rows for f in r.findings if f.severity == ERROR]
    if errors:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "名单还有{n}处须先改正,例如:{first}"), n=len(errors), first=errors[0].text())
    record_store.update(session, e, roll_published_on=published_on.isoformat())
    out = [late] if late is not None else []
    out.extend(f for r in rows for f in r.findings)
    return out


def raise_objection(session: Session, election_id: str, raised_on: date, raised_by: str, content: str,
                    voter_id: str | None = None, person_id: str | None = None) -> tuple[str, list[Finding]]:
    """Record an objection about a line (`voter_id`) or about someone left off (`person_id`).

    Refused: no content, nobody named, a day before the list was published or after the election.
    Raised after the fifth day: recorded with the warning (第十四条; the committee may still hear it).
    """
    e = _writable(session, election_id)
    day = _election_day(e)
    content, raised_by = content.strip(), raised_by.strip()
    if not content:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明异议的内容。"))
    if not raised_by:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明提出异议的人。"))
    if voter_id:
        if _line(voter_id).election_id != e.id:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "这一行不在本次选举的名单上。"))
        person_id = None
    elif person_id:
        _person(person_id)
    else:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择异议针对的选民,或未列入名单的村民。"))
    published = roll.parse_day(e.roll_published_on)
    if published is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "选民名单尚未公布,公布后才能登记异议({cite})。"),
                       cite=roll.basis_14(day).cite())
    if raised_on > day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "异议日期{raised}在选举日{day}之后({cite})。"),
                       cite=roll.basis_14(day).cite(),
                       raised=raised_on.isoformat(), day=day.isoformat())
    late = roll.objection_finding(published, raised_on, day)
    if late is not None and late.severity == ERROR:
        raise _refuse(late)
    row = record_store.create(session, VoterObjection, election=e.id, voter=voter_id or None,
                              person=person_id or None, raised_on=raised_on.isoformat(), raised_by=raised_by,
                              content=content)
    return row.id, ([late] if late is not None else [])


def decide_objection(session: Session, objection_id: str, decided_on: date, upheld: bool, decision: str,
                     category: str = VOTER_RESIDENT, admitted_meeting_id: str | None = None) -> list[Finding]:
    """Record the committee's decision on an objection, and carry it out.

    Upheld: a line objected to comes off the list (异议成立), a person left off goes on it (in
    `category`); all in one transaction. Decided after the third day: recorded with the warning
    (第十四条).
    """
    obj = VoterObjection.get_or_none((VoterObjection.id == objection_id)
                                     & (VoterObjection.deleted == False))  # noqa: E712
    if obj is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这条异议。")))
    e = _writable(session, obj.election_id)
    day = _election_day(e)
    if obj.upheld is not None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这条异议已于{day}处理。"), day=obj.decided_on)
    decision = decision.strip()
    if not decision:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明处理决定。"))
    raised = roll.parse_day(obj.raised_on) or decided_on
    slow = roll.decision_finding(raised, decided_on, day)
    if slow is not None and slow.severity == ERROR:
        raise _refuse(slow)
    with database.atomic():
        record_store.update(session, obj, decided_on=decided_on.isoformat(), decision=decision, upheld=bool(upheld))
        if upheld and obj.voter_id:
            line = _line(obj.voter_id)
            if not line.removed_on:
                remove(session, line.id, roll.OUT_OBJECTION, decision, decided_on)
        elif upheld and obj.person_id:
            add(session, e.id, obj.person_id, category, admitted_meeting_id,
                note=str(msg(_C, QT_TRANSLATE_NOOP(_C, "异议成立:{decision}"), decision=decision)), on=decided_on)
    return [slow] if slow is not None else []
