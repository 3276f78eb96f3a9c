"""The township's compliance board (合规看板): periods, the board, the records behind a cell.

The township database holds every village's imported records, each with
`owner` = that village's code. `board()` reads each table once for all
villages (one scan, owner IN the enrolled villages), turns the rows into
plain `VillageFacts`, and lets the pure engine (`models.township.compliance`)
decide every cell; so the screen, the Excel report and the PDF all read the
same `Board`.

A village's data is as fresh as the last package it wrote: `data_as_of` is
the newest `created_at` of the packages imported from it (the day the
village wrote it), falling back to when we imported it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from desktop.services import setup_service
from desktop.sync.package_format import Cancelled
from models.clock import parse_utc
from models.db import database
from models.errors import NotFound, ValidationError
from models.meetings.quorum import ABSENT, PRESENT, Attendee, MeetingFacts, evaluate
from models.meetings.records import STATUS_APPROVED as APPROVED
from models.meetings.types import meeting_type
from models.messages import QT_TRANSLATE_NOOP, msg
from models.rules import procedure as proc
from models.township import compliance as eng
from models.township.board import STATE_LABELS, Board, VillageHead
from models.township.compliance import (
    AppraisalFact,
    EscalationFact,
    MeetingFact,
    Posting,
    RuleFact,
    VillageFacts,
)

_C = "compliance"

__all__ = ["Cancelled", "RecordRow", "board", "cell_records", "default_period",
           "parse_period", "periods", "trend"]

_QUARTER = re.compile(r"^(\d{4})\s*[-年]?\s*[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})\s*年?度?$")
_SPAN = re.compile(r"^(\d{4})\s*[-–—~至]\s*(\d{4})$")
_MIN_YEAR, _MAX_YEAR = 1990, 2100


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


# --- periods --------------------------------------------------------------------------------------

def parse_period(text: str) -> tuple[date, date, str]:
    """(start, end, label) of "2026Q3" (a quarter), "2026" (a year) or "2017-2026" (a span of years)."""
    raw = (text or "").strip()
    m = _QUARTER.match(raw)
    if m:
        year, q = int(m.group(1)), int(m.group(2))
        _check_year(year, raw)
        return date(year, q * 3 - 2, 1), eng.quarter_end(year, q), eng.quarter_label(year, q)
    m = _YEAR.match(raw)
    if m:
        year = int(m.group(1))
        _check_year(year, raw)
        return date(year, 1, 1), date(year, 12, 31), str(msg(_C, QT_TRANSLATE_NOOP(_C, "{year}年度"), year=year))
    m = _SPAN.match(raw)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        _check_year(first, raw)
        _check_year(last, raw)
        if last < first:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "期间“{text}”的起始年份晚于结束年份。"), text=raw)
        return date(first, 1, 1), date(last, 12, 31), str(msg(
            _C, QT_TRANSLATE_NOOP(_C, "{first}—{last}年"), first=first, last=last))
    raise _invalid(QT_TRANSLATE_NOOP(
        _C, "看不懂期间“{text}”:季度请写成 2026Q3,年度请写成 2026。"), text=raw)


def _check_year(year: int, raw: str) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "期间“{text}”的年份不合理,请写 {low} 到 {high} 之间的年份。"),
                       text=raw, low=_MIN_YEAR, high=_MAX_YEAR)


def _quarter_code(year: int, quarter: int) -> str:
    return f"{year}Q{quarter}"


def default_period(today: date | None = None) -> str:
    """The last quarter that has ended (its deadlines are the ones a township checks now)."""
    today = today or date.today()
    y, q = (today.year, (today.month - 1) // 3 + 1)
    y, q = (y - 1, 4) if q == 1 else (y, q - 1)
    return _quarter_code(y, q)


def periods(today: date | None = None) -> list[str]:
    """Quarters and years from the villages' first record to today, newest first (each year after its quarters).

    With no data yet: the default period and its year, so a chooser is never empty.
    """
    today = today or date.today()
    codes = _village_codes(include_retired=True)
    first = None
    if codes:
        marks = ",".join("?" * len(codes))
        row = database.execute_sql(
            f"SELECT min(d) FROM (SELECT min(held_on) AS d FROM meeting WHERE deleted = 0 AND owner IN ({marks}) "
            f"UNION ALL SELECT min(posted_on) FROM disclosure_item WHERE deleted = 0 AND posted_on != '' "
            f"AND owner IN ({marks}))", [*codes, *codes]).fetchone()
        first = _date(row[0]) if row else None
    if first is None or first > today:
        d = default_period(today)
        return [d, d[:4]]
    # a record dated before the years a board covers (a typo, or a package from a broken copy) starts the list
    # at the first year a board can show, instead of offering periods `board` refuses
    first = max(first, date(_MIN_YEAR, 1, 1))
    out = []
    for year in range(today.year, first.year - 1, -1):
        for q in range(4, 0, -1):
            start = date(year, q * 3 - 2, 1)
            if start <= today and eng.quarter_end(year, q) >= first:
                out.append(_quarter_code(year, q))
        out.append(str(year))
    return out


# --- reading the facts ----------------------------------------------------------------------------

def _date(text) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _local_day(utc_text: str) -> date | None:
    try:
        return parse_utc(utc_text).astimezone().date()
    except (ValueError, TypeError):
        return _date(utc_text)


def _table_exists(name: str) -> bool:
    return database.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


@dataclass(frozen=True)
class _Peer:
    code: str
    name: str
    province: str
    retired: bool
    last_in_at: str


def _peers(include_retired: bool) -> list[_Peer]:
    rows = database.execute_sql(
        "SELECT code, name, province, status, last_in_at FROM peer WHERE kind = 'village' ORDER BY code").fetchall()
    out = [_Peer(c, n, p or "national", s == "retired", last or "") for c, n, p, s, last in rows]
    return [p for p in out if include_retired or not p.retired]


def _village_codes(include_retired: bool = True) -> list[str]:
    return [p.code for p in _peers(include_retired)]


def _as_of(codes: list[str]) -> dict[str, str]:
    """Newest created_at (UTC text) of the packages imported from each village."""
    if not codes:
        return {}
    marks = ",".join("?" * len(codes))
    rows = database.execute_sql(
        f"SELECT peer_code, max(created_at) FROM package_log WHERE direction = 'in' "
        f"AND status IN ('imported', 'acknowledged') AND peer_code IN ({marks}) GROUP BY peer_code", codes)
    return {code: at for code, at in rows if at}


def load_facts(codes: list[str], provinces: dict[str, str], as_of: dict[str, date | None],
               start: date, end: date) -> dict[str, VillageFacts]:
    """Every village's facts for [start, end] (plus what came before for rules and first records).

    One query per table for all villages: the cost does not grow with villages × obligations.
    """
    facts = {c: VillageFacts(c, provinces.get(c, "national"), as_of.get(c)) for c in codes}
    if not codes:
        return facts
    marks = ",".join("?" * len(codes))
    owners = list(codes)
    y0, y1 = f"{start.year:04d}", f"{end.year + 1:04d}"
    sql = database.execute_sql

    for owner, d in sql(f"SELECT owner, min(held_on) FROM meeting WHERE deleted = 0 AND held_on != '' "
                        f"AND owner IN ({marks}) GROUP BY owner", owners):
        _earliest(facts[owner], _date(d))
    for owner, d in sql(f"SELECT owner, min(posted_on) FROM disclosure_item WHERE deleted = 0 AND posted_on != '' "
                        f"AND owner IN ({marks}) GROUP BY owner", owners):
        _earliest(facts[owner], _date(d))
    for (owner,) in sql(f"SELECT DISTINCT owner FROM disclosure_item WHERE deleted = 0 AND category = 'finance' "
                        f"AND period_kind = 'month' AND posted_on != '' AND owner IN ({marks})", owners):
        facts[owner].finance_monthly = True
    for owner, category, kind, period, posted, title, rid in sql(
            f"SELECT owner, category, period_kind, period, posted_on, title, id FROM disclosure_item "
            f"WHERE deleted = 0 AND period_kind IN ('month', 'quarter') AND period >= ? AND period < ? "
            f"AND owner IN ({marks})", [y0, y1, *owners]):
        facts[owner].postings.append(Posting(category, kind, period, _date(posted), title, rid))

    # Only valid meetings count: minutes 审定 (a draft may still change) and a quorum the township judges
    # itself from the attendance the package brought (the quorum engine, not the village's stored
    # snapshot, which an older version or a hand-edited database may have set on an empty list).
    # One query for all villages: each meeting with its attendance counted through the index on meeting_id
    # (the unary + keeps SQLite from choosing the index on `deleted`, which scans every attendance row per
    # meeting: minutes instead of milliseconds on a township's ten years); drafts need no counting.
    for owner, rid, kind, held, title, status, typed_expected, typed_present, members, present in sql(
            f"SELECT m.owner, m.id, m.type_code, m.held_on, m.title, m.status, m.expected_count, "
            f"m.present_count, count(a.id), coalesce(sum(a.status = 'present'), 0) FROM meeting m "
            f"LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND m.status = '{APPROVED}' "
            f"AND +a.deleted = 0 AND a.status != 'observer' "
            f"WHERE m.deleted = 0 AND m.type_code IN ('representatives', 'supervision') "
            f"AND m.held_on >= ? AND m.held_on < ? AND m.owner IN ({marks}) GROUP BY m.id", [y0, y1, *owners]):
        day = _date(held)
        if day is None:
            continue
        why = meeting_validity(kind, status, members, present, typed_expected, typed_present)
        fact = MeetingFact(day, title, not why, rid, why)
        (facts[owner].rep_meetings if kind == "representatives" else facts[owner].committee_meetings).append(fact)
    for owner, d in sql(f"SELECT owner, min(start_date) FROM committee_term WHERE deleted = 0 "
                        f"AND owner IN ({marks}) GROUP BY owner", owners):
        facts[owner].committee_from = _date(d)
    for owner, year, held, rid in sql(
            f"SELECT owner, year, held_on, id FROM appraisal WHERE deleted = 0 AND year BETWEEN ? AND ? "
            f"AND owner IN ({marks})", [start.year, end.year, *owners]):
        day = _date(held)
        if day is not None:
            facts[owner].appraisals.append(AppraisalFact(
                year, day, str(msg(_C, QT_TRANSLATE_NOOP(_C, "{year}年度民主评议"), year=year)), rid))
    _load_rules(facts, marks, owners)
    _load_escalations(facts, marks, owners)
    return facts


def meeting_validity(type_code: str, status: str, members: int, present: int, typed_expected, typed_present) -> str:
    """Why a meeting does not count toward its period ("" when it does): not 审定, or no quorum.

    The quorum is the engine's (`models.meetings.quorum`) on the counts the township holds: the
    attendance list for a body with a roster (members = not observers), the typed 应到/实到 otherwise,
    exactly as the village's editor judges it. Only `quorum_judged` and `quorum_met` are used: a
    composition finding is reported beside a meeting, it does not take its place in the calendar.
    """
    if status != APPROVED:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "会议记录尚未审定")))
    judged, met = _quorum(type_code, int(members or 0), int(present or 0),
                          _int_or_none(typed_expected), _int_or_none(typed_present))
    if not judged:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "出席情况没有登记,无法判断是否达到法定人数")))
    if not met:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "未达到法定人数")))
    return ""


def _int_or_none(value) -> int | None:
    try:
        return None if value is None or value == "" else int(value)
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)
def _quorum(type_code: str, members: int, present: int, typed_expected: int | None,
            typed_present: int | None) -> tuple[bool, bool]:
    """(quorum_judged, quorum_met) of the quorum engine; cached, as many meetings share their counts."""
    try:
        kind = meeting_type(type_code)
    except KeyError:
        return False, False
    if kind.roster:
        attendees = tuple(Attendee(str(i), PRESENT if i < present else ABSENT) for i in range(members))
        facts = MeetingFacts(type_code, attendees=attendees)
    else:
        facts = MeetingFacts(type_code, expected=typed_expected, present=typed_present)
    verdict = evaluate(facts)
    return verdict.quorum_judged, verdict.quorum_met


def _earliest(f: VillageFacts, day: date | None) -> None:
    if day is not None and (f.data_from is None or day < f.data_from):
        f.data_from = day


def _load_rules(facts: dict[str, VillageFacts], marks: str, owners: list[str]) -> None:
    filings: dict[str, tuple[str, str, str, str]] = {}
    info = setup_service.current()
    if _table_exists("rule_filing") and info is not None:
        # Only the township's own register: a rule_filing some village wrote (stored before the import
        # checked who may author what) is no 备案.
        for version, received, no, receipt_date, correction in database.execute_sql(
                "SELECT version_id, received_on, receipt_no, receipt_date, correction FROM rule_filing "
                "WHERE deleted = 0 AND owner = ? ORDER BY receipt_date, seq", [info.code]):
            filings[version] = (received, no, receipt_date, correction)  # the latest wins
    rows = database.execute_sql(
        f"SELECT v.owner, v.id, v.title, v.version_no, v.is_history, v.history_adopted_on, v.superseded, "
        f"v.vote_fingerprint, v.filed_on, v.receipt_no, v.receipt_date, v.published_on, m.held_on, m.quorum_met, "
        f"r.passed, v.vote_meeting_id FROM rule_version v JOIN rule_set s ON s.id = v.rule_set_id "
        f"LEFT JOIN meeting m ON m.id = v.vote_meeting_id LEFT JOIN resolution r ON r.id = v.vote_resolution_id "
        f"WHERE v.deleted = 0 AND s.deleted = 0 AND s.kind = 'village_rules' AND v.owner IN ({marks})", owners)
    for (owner, rid, title, no, history, history_on, superseded, vote_fp, filed_on, receipt_no, receipt_date,
         published_on, vote_on, quorum, passed, vote_meeting) in rows:
        # 备案 is what the township's own register holds: the village's own filed_on / receipt columns
        # (a paper receipt its secretary typed, or a claim) are a self-declaration to check, never 备案.
        township = filings.get(rid)
        filed = (filed_on or township[0]) if township else ""
        receipt = (township[1] or township[2]) if township else ""
        correction = township[3] if township else ""
        claimed = township is None and bool(filed_on or receipt_no or receipt_date)
        # The procedure status stays the village's own (its records say in force once it filed and
        # published); only the 备案 obligation is judged on the township's register.
        f = proc.VersionFacts(is_history=bool(history), superseded=bool(superseded), current_fingerprint=vote_fp,
                              filed=bool(filed or filed_on),
                              receipt=bool(receipt or (claimed and (receipt_no or receipt_date))),
                              published=bool(published_on), correction=correction or "")
        if vote_meeting:
            f.vote = proc.VoteFacts(meeting_valid=quorum == 1, passed=passed == 1, is_assembly=True,
                                    women_present=0, fingerprint=vote_fp)
        status = proc.status(f)
        effective = _date(history_on) if history else _date(published_on) or _date(vote_on)
        facts[owner].rules.append(RuleFact(title, no, status, effective, _date(filed), receipt,
                                           correction or "", rid, self_declared=claimed))


def _load_escalations(facts: dict[str, VillageFacts], marks: str, owners: list[str]) -> None:
    answers: dict[str, str] = {}
    if _table_exists("township_answer"):
        for matter, feedback, on in database.execute_sql(
                "SELECT matter_id, feedback_id, min(answered_on) FROM township_answer WHERE deleted = 0 "
                "GROUP BY matter_id, feedback_id"):
            answers[matter or feedback] = on
    for owner, rid, title, escalated, closed in database.execute_sql(
            f"SELECT owner, id, title, escalated_on, closed_on FROM supervision_matter WHERE deleted = 0 "
            f"AND escalated_on != '' AND owner IN ({marks})", owners):
        if _date(escalated) is None:  # no real day (stored before the import checked dates): left out
            continue
        resolved = [d for d in (_date(answers.get(rid)), _date(closed)) if d]
        facts[owner].escalations.append(EscalationFact(title, _date(escalated), min(resolved) if resolved else None,
                                                       rid))
    for owner, rid, content, escalated, answered in database.execute_sql(
            f"SELECT owner, id, content, escalated_on, answered_on FROM feedback WHERE deleted = 0 "
            f"AND escalated_on != '' AND owner IN ({marks})", owners):
        if _date(escalated) is None:
            continue
        resolved = [d for d in (_date(answers.get(rid)), _date(answered)) if d]
        title = str(msg(_C, QT_TRANSLATE_NOOP(_C, "村民反映:{text}"), text=_clip(content)))
        facts[owner].escalations.append(EscalationFact(title, _date(escalated), min(resolved) if resolved else None,
                                                       rid))


def _clip(text: str, size: int = 24) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


# --- the board ------------------------------------------------------------------------------------

def _heads(peers: list[_Peer], as_of_utc: dict[str, str], now: datetime) -> dict[str, tuple[VillageHead, date | None]]:
    out = {}
    for p in peers:
        stamp = as_of_utc.get(p.code) or p.last_in_at
        day = _local_day(stamp) if stamp else None
        silent = None
        if stamp:
            try:
                silent = max(0, (now - parse_utc(stamp)).days)
            except ValueError:
                silent = max(0, (now.date() - day).days) if day else None
        out[p.code] = (VillageHead(p.code, p.name, p.province, day.isoformat() if day else "", silent, p.retired), day)
    return out


def _villages(start: date, now: datetime) -> tuple[list[_Peer], dict[str, tuple[VillageHead, date | None]]]:
    """The villages a board of a period from `start` shows (a retired one only when its data reaches into it)."""
    peers = _peers(include_retired=True)
    heads = _heads(peers, _as_of([p.code for p in peers]), now)
    peers = [p for p in peers if not p.retired or (heads[p.code][1] is not None and heads[p.code][1] >= start)]
    return peers, heads


def _now(today: date) -> datetime:
    return datetime.now(UTC) if today == date.today() else datetime.combine(today, datetime.min.time(), UTC)


def board(period: str, today: date | None = None, progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None, with_trend: bool = True) -> Board:
    """The board for `period` ("2026Q3", "2026" or "2017-2026"), judged on `today`.

    Villages: every enrolled village (a retired one only when its data reaches
    into the period). `progress(done, total)` is called per village;
    `cancelled()` True stops with `Cancelled`. `with_trend=False` leaves the
    8-quarter trend out (eight more boards' worth of cells, about two thirds
    of the time) for callers that do not show it, or show it later (`trend`).
    """
    start, end, label = parse_period(period)
    today = today or date.today()
    info = setup_service.current()
    peers, heads = _villages(start, _now(today))
    codes = [p.code for p in peers]
    quarters = eng.trend_quarters(end, today) if with_trend else []
    load_start = min([start] + [date(y, q * 3 - 2, 1) for y, q in quarters[:1]])
    load_end = max([end] + [eng.quarter_end(y, q) for y, q in quarters[-1:]])
    facts = load_facts(codes, {p.code: p.province for p in peers}, {c: heads[c][1] for c in codes},
                       load_start, load_end)
    cells = {}
    total = len(codes)
    for n, code in enumerate(codes):
        if cancelled is not None and cancelled():
            raise Cancelled()
        for key, c in eng.cells(facts[code], start, end, today).items():
            cells[(code, key)] = c
        if progress is not None:
            progress(n + 1, total)
    names = {p.code: p.name for p in peers}
    township_cells = {key: eng.township_cell(key, [(names[c], facts[c]) for c in codes], start, end, today)
                      for key in eng.TOWNSHIP_KEYS}
    shares = _trend([facts[c] for c in codes], quarters, today, cancelled)
    as_of_days = [heads[c][0].data_as_of for c in codes if heads[c][0].data_as_of]
    return Board(info.name if info else "", info.code if info else "", period.strip(), label, start, end,
                 max(as_of_days) if as_of_days else "", tuple(heads[c][0] for c in codes), eng.OBLIGATIONS,
                 cells, shares, township_cells)


def trend(period: str, today: date | None = None, progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> tuple[tuple[str, float], ...]:
    """The 8-quarter trend of `board(period, today)` on its own: ("2026Q3", share) oldest first.

    The 合规看板 shows the board first and asks for this only when the trend is on screen (on a
    1024 px screen it is folded away): the same villages and the same cells as `board` computes.
    """
    start, end, _label = parse_period(period)
    today = today or date.today()
    peers, heads = _villages(start, _now(today))
    codes = [p.code for p in peers]
    quarters = eng.trend_quarters(end, today)
    facts = load_facts(codes, {p.code: p.province for p in peers}, {c: heads[c][1] for c in codes},
                       date(quarters[0][0], quarters[0][1] * 3 - 2, 1), eng.quarter_end(*quarters[-1]))
    return _trend([facts[c] for c in codes], quarters, today, cancelled, progress)


def _trend(facts: list[VillageFacts], quarters: list[tuple[int, int]], today: date,
           cancelled: Callable[[], bool] | None, progress: Callable[[int, int], None] | None = None,
           ) -> tuple[tuple[str, float], ...]:
    """Per quarter, the share of the villages' own cells on time (what the township owes them is not their trend)."""
    out = []
    for n, (y, q) in enumerate(quarters):
        if cancelled is not None and cancelled():
            raise Cancelled()
        q_start, q_end = date(y, q * 3 - 2, 1), eng.quarter_end(y, q)
        share = eng.state_share([eng.cell_state(key, f, q_start, q_end, today) for f in facts
                                 for key in eng.VILLAGE_KEYS])
        if share is not None:
            out.append((f"{y}Q{q}", share))
        if progress is not None:
            progress(n + 1, len(quarters))
    return tuple(out)


# --- the records behind a cell ---------------------------------------------------------------------

@dataclass(frozen=True)
class RecordRow:
    """One line of a cell's drill-down: what was due, the record that met it (if any), its state."""

    on: str  # the record's date (posted / held), or "" when there is none
    title: str  # the record's title, or what is missing
    state: str  # ok / late / due / missing / na
    state_text: str  # Chinese source label of the state
    period: str = ""  # which occurrence (2026年第三季度)
    due: str = ""  # its deadline
    note: str = ""  # why
    record_id: str = ""


def cell_records(village_code: str, obligation_key: str, period: str, today: date | None = None) -> list[RecordRow]:
    """The occurrences behind one cell, each with the record that met it (or why none did)."""
    start, end, _label = parse_period(period)
    today = today or date.today()
    try:
        eng.obligation(obligation_key)
    except KeyError:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "没有这一项合规指标:{key}"), key=obligation_key)) from None
    peer = next((p for p in _peers(include_retired=True) if p.code == village_code), None)
    if peer is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记村庄。"), code=village_code))
    stamp = _as_of([peer.code]).get(peer.code) or peer.last_in_at
    facts = load_facts([peer.code], {peer.code: peer.province}, {peer.code: _local_day(stamp) if stamp else None},
                       start, end)[peer.code]
    rows = []
    for o in eng.occurrences(obligation_key, facts, start, end, today):
        title = o.title or str(msg(_C, QT_TRANSLATE_NOOP(_C, "(没有记录)")))
        rows.append(RecordRow(o.on.isoformat() if o.on else "", title, o.state, STATE_LABELS.get(o.state, o.state),
                              o.label, o.due.isoformat() if o.due else "", o.note, o.record_id))
    return rows


def township_records(obligation_key: str, period: str, today: date | None = None) -> list[RecordRow]:
    """The occurrences behind the township's own cell (one of its duties), every village's, oldest first.

    Only the escalations are read (that is the township's duty): one query per table, as `board` does.
    """
    start, end, _label = parse_period(period)
    today = today or date.today()
    if obligation_key not in eng.TOWNSHIP_KEYS:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "没有这一项乡镇职责:{key}"), key=obligation_key))
    peers = _peers(include_retired=True)
    stamps = _as_of([p.code for p in peers])
    facts = {p.code: VillageFacts(p.code, p.province, _local_day(stamps.get(p.code) or p.last_in_at)
                                  if (stamps.get(p.code) or p.last_in_at) else None) for p in peers}
    if facts:
        _load_escalations(facts, ",".join("?" * len(facts)), list(facts))
    rows = []
    for o in eng.township_occurrences(obligation_key, [(p.name, facts[p.code]) for p in peers], start, end, today):
        rows.append(RecordRow(o.on.isoformat() if o.on else "", o.title, o.state, STATE_LABELS.get(o.state, o.state),
                              o.label, o.due.isoformat() if o.due else "", o.note, o.record_id))
    return rows

