"""Many meetings read and judged at once: a few set-based queries instead of several per meeting.

The township's 审核备案 and 备案登记 judge the vote meeting of every village's
村规民约 version. `meetings_service.load` and `evaluate_draft` read one meeting
(four queries, two more for its authorizations); here each table is read once
for all the meetings asked for, and each meeting is judged against the
authorizations of the village that owns it, exactly as `evaluate_draft` does
for one (`tests/unit/test_rule_facts_batch.py` compares the two).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop.services import meetings_service, setup_service
from desktop.services.meetings_service import (
    AgendaLine,
    AttendanceLine,
    DraftVerdict,
    MeetingDraft,
    ResolutionLine,
)
from models.entities import Person
from models.errors import ValidationError
from models.meetings import matters as matters_mod
from models.meetings.records import (
    AgendaItem,
    Authorization,
    Meeting,
    MeetingAttendance,
    Resolution,
)

#: Ids per `IN (...)` list: well under SQLite's limit on bound variables (999 before 3.32).
CHUNK = 500


def chunks(ids: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    """`ids` (without repeats) in lists of at most `size`, for `IN (...)` queries."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), size):
        yield unique[start:start + size]


@dataclass(frozen=True)
class LoadedMeeting:
    """One meeting as `meetings_service.load` gives it, with what judging a vote on it needs.

    `draft` is None when the stored date is bad (`error` says why, as `load` raises it);
    `resolution_ids` are the live resolutions' ids in position order.
    """

    owner: str
    draft: MeetingDraft | None
    error: ValidationError | None
    resolution_ids: tuple[str, ...]


def load_many(meeting_ids: Iterable[str]) -> dict[str, LoadedMeeting]:
    """The live meetings among `meeting_ids` (a deleted or unknown one is left out, where `load` says NotFound)."""
    rows: dict[str, Meeting] = {}
    attendance: dict[str, list[AttendanceLine]] = defaultdict(list)
    agenda: dict[str, list[AgendaLine]] = defaultdict(list)
    resolutions: dict[str, list[tuple[str, ResolutionLine]]] = defaultdict(list)
    for ids in chunks(meeting_ids):
        for m in Meeting.live().where(Meeting.id.in_(ids)):
            rows[m.id] = m
        for meeting_id, person_id, name, gender, status, representative in (
                MeetingAttendance.select(MeetingAttendance.meeting, Person.id, Person.name, Person.gender,
                                         MeetingAttendance.status, MeetingAttendance.is_representative)
                .join(Person).where(MeetingAttendance.meeting.in_(ids) & (MeetingAttendance.deleted == False))  # noqa: E712
                .order_by(MeetingAttendance.meeting, MeetingAttendance.is_representative.desc(), Person.name)
                .tuples()):
            attendance[meeting_id].append(AttendanceLine(person_id, name, gender, status, representative))
        for a in AgendaItem.live().where(AgendaItem.meeting.in_(ids)).order_by(AgendaItem.meeting,
                                                                                AgendaItem.position):
            agenda[a.meeting_id].append(AgendaLine(a.title, a.minutes))
        for r in Resolution.live().where(Resolution.meeting.in_(ids)).order_by(Resolution.meeting,
                                                                                 Resolution.position):
            resolutions[r.meeting_id].append((r.id, ResolutionLine(r.text, r.matter, r.yes, r.no, r.abstain)))
    out = {}
    for meeting_id, m in rows.items():
        lines = resolutions.get(meeting_id, [])
        try:
            draft, error = meetings_service.draft_of(m, attendance.get(meeting_id, []), agenda.get(meeting_id, []),
                                                     [line for _id, line in lines]), None
        except ValidationError as exc:
            draft, error = None, exc
        out[meeting_id] = LoadedMeeting(m.owner, draft, error, tuple(rid for rid, _line in lines))
    return out


class Authorizations:
    """Every live authorization, read once, handed out as `evaluate_draft` would read them for a meeting.

    At the township a village's meeting counts only its own village's; the
    installation's own meetings count every authorization the database holds
    (`meetings_service._authorizations`).
    """

    def __init__(self, owners: Iterable[str] | None = None) -> None:
        """Read the authorizations of the villages `owners` of the meetings to judge.

        Every authorization is read when `owners` is None or holds the installation's own code.
        """
        info = setup_service.current()
        self._own = info.code if info is not None else None
        owners = None if owners is None else set(owners)
        if owners is None or self._own is None or self._own in owners:
            self._rows = list(Authorization.live())
        else:
            self._rows = [a for group in chunks(owners) for a in Authorization.live().where(Authorization.owner.in_(group))]
        self._rows_of: dict[str, list[Authorization]] = defaultdict(list)
        for a in self._rows:
            self._rows_of[a.owner].append(a)
        self._by_owner: dict[str, tuple[matters_mod.Authorization, ...]] = {}
        self._all: tuple[matters_mod.Authorization, ...] | None = None

    def of(self, owner: str) -> tuple[matters_mod.Authorization, ...]:
        """The authorizations that count for a meeting owned by `owner` (each village's converted once)."""
        if self._own is None or owner == self._own:  # read whole (see __init__)
            if self._all is None:
                self._all = meetings_service.authorization_rules(self._rows)
            return self._all
        found = self._by_owner.get(owner)
        if found is None:
            found = self._by_owner[owner] = meetings_service.authorization_rules(self._rows_of.get(owner, ()))
        return found


def evaluate(meeting: LoadedMeeting, authorizations: Authorizations) -> DraftVerdict:
    """`meetings_service.evaluate_draft` of a loaded meeting, with the authorizations of its village."""
    if meeting.draft is None:
        raise meeting.error
    return meetings_service.evaluate_draft(meeting.draft, authorizations.of(meeting.owner))
