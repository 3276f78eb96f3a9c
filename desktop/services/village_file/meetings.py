"""A village's meetings and what they decided, as the township holds them (read only).

The list is one query for the village, every meeting as plain tuples (a
village has ~150 meetings in ten years, a 15-year demo village 3,149); one meeting is read with its agenda, attendance counts and the
resolutions with their votes. The verdicts shown are the ones the village
recorded (`quorum_met`, `passed`): the township holds neither the village's
full register of office holders on the day nor its authorizations in a form
it could re-judge every meeting by, so it shows what the minutes say.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.rows_by_ids import in_order_of
from desktop.services.session import Session
from desktop.services.village_file.common import owned_row, village_name
from models.db import database
from models.meetings import types as mt
from models.stored_values import stored_int


@dataclass(frozen=True)
class MeetingLine:
    """One meeting in the list."""

    id: str
    held_on: str
    type_code: str
    title: str
    status: str  # draft / approved
    resolutions: int
    passed: int
    quorum_met: bool | None


@dataclass(frozen=True)
class ResolutionLine:
    """A resolution put to the vote, with its counts and the village's verdict."""

    text: str
    matter: str
    yes: int
    no: int
    abstain: int
    passed: bool | None


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting as its minutes record it."""

    id: str
    type_code: str
    title: str
    held_on: str
    start_time: str
    place: str
    convened_by: str
    host: str
    recorder: str
    notice_date: str
    status: str
    quorum_met: bool | None
    roster: bool  # attendance is a list of people (else counted by number)
    expected: int
    present: int
    absent: int
    leave: int
    observers: int
    agenda: tuple[tuple[str, str], ...]  # (title, minutes)
    resolutions: tuple[ResolutionLine, ...]
    note: str
    party_study_on: str
    corrects_id: str | None
    corrected_by: str | None
    #: The 四议两公开 steps this meeting was: (register title, step code, done on).
    decision_steps: tuple[tuple[str, str, str], ...] = ()


def meetings(session: Session, code: str, year: int | None = None, limit: int | None = None) -> list[MeetingLine]:
    """The village's meetings, newest first (`year` narrows to one year), every one unless `limit` is given.

    No limit by default: the list once stopped at 2,000 without a word (a
    15-year village holds 3,149 meetings) and the township did not find the
    older ones. Plain tuples in one query: a few thousand lines are cheap.
    """
    village_name(session, code)
    where, params = _where(code, year)
    return _lines(f"{where} ORDER BY {_ORDER} LIMIT ?", [*params, _sql_limit(limit)])


def meeting_ids(session: Session, code: str, year: int | None = None) -> list[str]:
    """The ids of every meeting `meetings` lists, in its order: the 会议与决策 tab pages by these.

    One query of ids (no counts); the tab fetches the lines it shows by the
    chunk (`meeting_lines`).
    """
    village_name(session, code)
    where, params = _where(code, year)
    return [i for (i,) in database.execute_sql(f"SELECT m.id FROM meeting m WHERE {where} ORDER BY {_ORDER}",  # noqa: S608
                                               params)]


def meeting_lines(session: Session, code: str, ids: list[str]) -> list[MeetingLine]:
    """The list lines of `ids` (a chunk) of village `code`, in the order of `ids` (another village's: left out)."""
    village_name(session, code)
    return in_order_of(ids, lambda chunk, marks: _lines(f"m.id IN ({marks}) AND m.owner = ? AND +m.deleted = 0",
                                                        [*chunk, code]))


#: The list's order: newest first (the rowid settles meetings of the same day and hour the same way each read).
_ORDER = "m.held_on DESC, m.start_time DESC, m.rowid DESC"


def _where(code: str, year: int | None) -> tuple[str, list[object]]:
    """The village's live meetings, of `year` when given."""
    where, params = "m.owner = ? AND +m.deleted = 0", [code]
    if year:
        where += " AND substr(m.held_on, 1, 4) = ?"
        params.append(f"{year:04d}")
    return where, params


def _lines(where_order: str, params: list[object]) -> list[MeetingLine]:
    """The list lines of the meetings `where_order` (WHERE terms, then any ORDER BY / LIMIT) picks."""
    sql = ("SELECT m.id, m.held_on, m.type_code, m.title, m.status, m.quorum_met, "
           "(SELECT count(*) FROM resolution r WHERE r.meeting_id = m.id AND +r.deleted = 0), "
           "(SELECT count(*) FROM resolution r WHERE r.meeting_id = m.id AND +r.deleted = 0 AND r.passed = 1) "
           f"FROM meeting m WHERE {where_order}")
    return [MeetingLine(i, h, t, title, s, n, p, None if q is None else bool(q))
            for i, h, t, title, s, q, n, p in database.execute_sql(sql, params)]


def _sql_limit(limit: int | None) -> int:
    """SQLite's LIMIT for `limit`: -1 (no limit) for None."""
    return -1 if limit is None else int(limit)


def years(session: Session, code: str) -> list[int]:
    """The years the village has meetings in, newest first (for the year filter)."""
    village_name(session, code)
    rows = database.execute_sql("SELECT DISTINCT substr(held_on, 1, 4) FROM meeting WHERE owner = ? AND +deleted = 0 "
                                "ORDER BY 1 DESC", (code,))
    return [int(y) for (y,) in rows if y and y.isdigit()]


def meeting(session: Session, code: str, meeting_id: str) -> MeetingRecord:
    """One meeting of the village with its agenda, attendance counts and resolutions.

    Raises:
        NotFound: not a live meeting of this village.
    """
    village_name(session, code)
    (mid, type_code, title, held_on, start_time, place, convened_by, host, recorder, notice_date, status, quorum,
     expected_typed, present_typed, note, party_study_on, corrects_id) = owned_row(
        "meeting", meeting_id, code,
        "id, type_code, title, held_on, start_time, place, convened_by, host, recorder, notice_date, status, "
        "quorum_met, expected_count, present_count, note, party_study_on, corrects_id")
    counts = dict(database.execute_sql(
        "SELECT status, count(*) FROM meeting_attendance WHERE meeting_id = ? AND +deleted = 0 GROUP BY status",
        (mid,)).fetchall())
    kind = mt.TYPES.get(type_code)
    roster = kind.roster if kind else True
    if roster:
        expected = sum(n for s, n in counts.items() if s != "observer")
        present = counts.get("present", 0)
    else:
        expected, present = stored_int(expected_typed) or 0, stored_int(present_typed) or 0
    agenda = tuple(database.execute_sql(
        "SELECT title, minutes FROM agenda_item WHERE meeting_id = ? AND +deleted = 0 ORDER BY position, seq",
        (mid,)).fetchall())
    resolutions = tuple(
        ResolutionLine(text, matter, stored_int(y) or 0, stored_int(n) or 0, stored_int(a) or 0,
                       None if passed is None else bool(passed))
        for text, matter, y, n, a, passed in database.execute_sql(
            "SELECT text, matter, yes, no, abstain, passed FROM resolution WHERE meeting_id = ? AND +deleted = 0 "
            "ORDER BY position, seq", (mid,)))
    steps = tuple(database.execute_sql(
        "SELECT g.title, s.step, s.done_on FROM decision_step s JOIN decision_register g ON g.id = s.register_id "
        "WHERE s.meeting_id = ? AND +s.deleted = 0 AND +g.deleted = 0 ORDER BY s.done_on", (mid,)).fetchall())
    corrected = database.execute_sql("SELECT id FROM meeting WHERE corrects_id = ? AND +deleted = 0 LIMIT 1",
                                     (mid,)).fetchone()
    return MeetingRecord(
        mid, type_code, title, held_on, start_time, place, convened_by, host, recorder, notice_date, status,
        None if quorum is None else bool(quorum), roster, expected, present, counts.get("absent", 0),
        counts.get("leave", 0), counts.get("observer", 0), agenda, resolutions, note, party_study_on,
        corrects_id, corrected[0] if corrected else None, steps)
