"""The township's 换届 board: every village's election, read from what its packages brought.

The township database holds each village's election records with `owner` =
that village's code (the importer wrote them). `board()` reads each table
once for all villages (`owner IN (...)`, grouped by owner or by election),
turns the rows into the plain facts of `models.township.elections_board`
and lets the pure rules judge them: a township of 200 villages opens in a
handful of queries, never one per village.

Read only: the board never writes, and it judges nothing the village did not
send (a village without a package is listed apart).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from desktop.services import election_board_rolls, setup_service
from desktop.services.session import Session
from models.clock import parse_utc
from models.db import database
from models.elections import tally
from models.elections.tally import Entry
from models.roles import Permission
from models.township import election_stats as stats
from models.township import elections_board as eb
from models.township.elections_board import (
    BoardRow,
    ElectionBoard,
    ElectionFact,
    MemberFact,
    RecallFact,
    RoleFact,
    RoundFact,
    VillageElection,
)

__all__ = ["board", "export_stats", "load_villages", "seats_total", "write_stats"]

#: The offices the 统计表 reads from the term records.
_ROLE_CODES = (*stats.VILLAGE_COMMITTEE, stats.PARTY_SECRETARY, stats.PARTY_COMMITTEE)


def seats_total(seats: str) -> int:
    """Seats to fill from the election's "vc_chair=1,vc_vice=1,vc_member=3" (a malformed part counts 0)."""
    total = 0
    for part in (seats or "").split(","):
        _post, _sep, number = part.partition("=")
        try:
            total += max(0, int(number.strip()))
        except ValueError:
            continue
    return total


def seats_of(seats: str) -> tuple[tuple[str, int], ...]:
    """The posts and their seats ("vc_chair=1,…"), as the tally engine takes them (malformed: none)."""
    try:
        return tuple(tally.parse_seats(seats or "").items())
    except ValueError:
        return ()


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _text(value) -> str:
    return "" if value is None else str(value)


def _local_day(utc_text: str) -> str:
    try:
        return parse_utc(utc_text).astimezone().date().isoformat()
    except (TypeError, ValueError):
        return utc_text[:10] if utc_text else ""


def _villages() -> list[tuple[str, str, str]]:
    """(code, name, data_as_of) of the enrolled villages, in code order; as_of "" when none sent a package."""
    peers = database.execute_sql(
        "SELECT code, name, last_in_at FROM peer WHERE kind = 'village' AND status != 'retired' "
        "ORDER BY code").fetchall()
    codes = [c for c, _n, _l in peers]
    stamps: dict[str, str] = {}
    if codes:
        marks = ",".join("?" * len(codes))
        stamps = dict(database.execute_sql(
            f"SELECT peer_code, max(created_at) FROM package_log WHERE direction = 'in' "
            f"AND status IN ('imported', 'acknowledged') AND peer_code IN ({marks}) GROUP BY peer_code",
            codes).fetchall())
    out = []
    for code, name, last_in in peers:
        stamp = stamps.get(code) or last_in or ""
        out.append((code, name, _local_day(stamp) if stamp else ""))
    return out


def _order_key(row: dict) -> tuple[str, int]:
    """The latest election: by its day (else its earliest step on record), then by its change number."""
    day = row["election_day"] or row["roll_published_on"] or row["committee_chosen_on"] or ""
    return day, row["seq"]


def load_villages(codes_names: list[tuple[str, str, str]], today: date,
                  pinned: dict[str, str] | None = None) -> list[VillageElection]:
    """Every village's election facts on `today`: one query per table for all of them.

    `pinned` (village code → election id): that village's facts are of the named election instead of
    its latest 换届 (a link to an earlier 换届 or a 补选: `_pinned`); an id it does not hold is ignored.
    """
    codes = [c for c, _n, _a in codes_names]
    if not codes:
        return []
    marks = ",".join("?" * len(codes))
    sql = database.execute_sql
    columns = ("owner", "id", "seq", "kind", "label", "election_day", "seats", "committee_chosen_on",
               "roll_published_on", "candidates_published_on", "announced_on", "handover_on",
               "audit_published_on", "cancelled_on")
    elections = [dict(zip(columns, row, strict=True)) for row in sql(
        f"SELECT {', '.join(columns)} FROM election WHERE deleted = 0 AND owner IN ({marks})", codes)]
    registered = dict(sql(f"SELECT election_id, count(*) FROM voter WHERE deleted = 0 AND removed_on = '' "
                          f"AND owner IN ({marks}) GROUP BY election_id", codes).fetchall())
    candidates = dict(sql(f"SELECT election_id, count(*) FROM candidate WHERE deleted = 0 AND withdrawn_on = '' "
                          f"AND owner IN ({marks}) GROUP BY election_id", codes).fetchall())
    entries: dict[str, list[Entry]] = defaultdict(list)
    for tally_id, round_id, post, candidate_id, name, write_in, votes in sql(
            f"SELECT t.id, t.round_id, t.post, t.candidate_id, p.name, t.write_in, t.votes FROM election_tally t "
            f"LEFT JOIN candidate c ON c.id = t.candidate_id "
            f"LEFT JOIN person p ON p.id = coalesce(c.person_id, t.person_id) "
            f"WHERE t.deleted = 0 AND t.owner IN ({marks})", codes):
        entries[round_id].append(Entry(_text(post), _text(name) or _text(write_in) or _text(tally_id), _int(votes),
                                       candidate_id is not None, _text(tally_id)))
    rounds: dict[str, list[RoundFact]] = defaultdict(list)
    for round_id, election_id, number, kind, held, issued, cast, invalid in sql(
            f"SELECT id, election_id, number, kind, held_on, ballots_issued, ballots_cast, invalid_ballots "
            f"FROM election_round WHERE deleted = 0 AND owner IN ({marks})", codes):
        rounds[election_id].append(RoundFact(_int(number), _text(kind), _text(held), _int(issued), _int(cast),
                                             _int(invalid), tuple(entries.get(round_id, ()))))
    members: dict[str, list[MemberFact]] = defaultdict(list)
    for election_id, person_id, name, post, gender, birth, party, education, ethnicity in sql(
            f"SELECT m.election_id, m.person_id, p.name, m.post, p.gender, p.birth_year, p.political_status, "
            f"p.education, p.ethnicity FROM elected_member m JOIN person p ON p.id = m.person_id "
            f"WHERE m.deleted = 0 AND m.owner IN ({marks}) ORDER BY m.seq", codes):
        members[election_id].append(MemberFact(person_id, _text(name), _text(post), _text(gender),
                                               _int(birth) or None, _text(party), _text(education),
                                               _text(ethnicity)))
    recalls: dict[str, list[RecallFact]] = defaultdict(list)
    for owner, name, requested, vote_on, outcome, reg, cast, agree in sql(
            f"SELECT r.owner, p.name, r.requested_on, r.vote_on, r.outcome, r.registered, r.\"cast\", r.agree "
            f"FROM recall r "
            f"JOIN person p ON p.id = r.person_id WHERE r.deleted = 0 AND r.owner IN ({marks}) "
            f"ORDER BY r.requested_on", codes):
        recalls[owner].append(RecallFact(_text(name), _text(requested), _text(vote_on), _text(outcome),
                                         _int(reg), _int(cast), _int(agree)))
    roles: dict[str, list[RoleFact]] = defaultdict(list)
    role_marks = ",".join("?" * len(_ROLE_CODES))
    for owner, person_id, role, start, end in sql(
            f"SELECT owner, person_id, role, start_date, end_date FROM person_role WHERE deleted = 0 "
            f"AND role IN ({role_marks}) AND owner IN ({marks}) "
            f"ORDER BY start_date, role, person_id", [*_ROLE_CODES, *codes]):  # one order whatever the plan
        roles[owner].append(RoleFact(person_id, role, _text(start), _text(end)))

    def fact(row: dict) -> ElectionFact:
        rid = row["id"]
        return ElectionFact(
            rid, _text(row["kind"]), _text(row["label"]), _text(row["election_day"]), seats_total(row["seats"]),
            _text(row["committee_chosen_on"]), _text(row["roll_published_on"]),
            _text(row["candidates_published_on"]), _text(row["announced_on"]), _text(row["handover_on"]),
            _text(row["audit_published_on"]), _text(row["cancelled_on"]), _int(registered.get(rid)),
            _int(candidates.get(rid)), tuple(sorted(rounds.get(rid, ()), key=lambda r: (r.held_on, r.number))),
            tuple(members.get(rid, ())), seats_of(row["seats"]))

    by_owner: dict[str, list[dict]] = defaultdict(list)
    for row in elections:
        if not row["cancelled_on"]:
            by_owner[row["owner"]].append(row)
    out = []
    for code, name, as_of in codes_names:
        rows = sorted(by_owner.get(code, ()), key=_order_key)
        generals = [r for r in rows if r["kind"] == eb.GENERAL]
        pin = next((r for r in rows if r["id"] == (pinned or {}).get(code)), None)
        if pin is not None:
            general, previous, by_elections = _pinned(pin, rows, generals, fact)
        else:
            general, previous = eb.this_round(fact(generals[-1]) if generals else None, today)
            since = (general or previous).vote_day if (general or previous) else ""
            by_elections = tuple(fact(r) for r in rows if r["kind"] != eb.GENERAL and _order_key(r)[0] >= since)
        out.append(VillageElection(code, name, as_of, general, by_elections, tuple(recalls.get(code, ())),
                                   tuple(roles.get(code, ())), previous))
    return out


def _pinned(pin: dict, rows: list[dict], generals: list[dict], fact) -> tuple:
    """(general, previous, by-elections) around the election `pin` names, for a link to it.

    A 换届: it, with the 补选 held in its term (up to the next 换届). A 补选: the 换届 of the
    term it was held in, with that 补选 alone.
    """
    if pin["kind"] == eb.GENERAL:
        later = [g for g in generals if _order_key(g) > _order_key(pin)]
        since, until = _order_key(pin)[0], (_order_key(later[0])[0] if later else None)
        by = tuple(fact(r) for r in rows if r["kind"] != eb.GENERAL and _order_key(r)[0] >= since
                   and (until is None or _order_key(r)[0] < until))
        return fact(pin), None, by
    earlier = [g for g in generals if _order_key(g) <= _order_key(pin)]
    return (fact(earlier[-1]) if earlier else None), None, (fact(pin),)


def board(session: Session, today: date | None = None) -> ElectionBoard:
    """The 换届 board of every enrolled village, judged on `today` (default: today)."""
    session.require(Permission.VIEW)
    today = today or date.today()
    info = setup_service.current()
    villages = load_villages(_villages(), today)
    twice = election_board_rolls.double_registrations(villages)  # 第十三条: one list per villager
    rows = tuple(eb.village_row(v, today) for v in villages)
    rows = tuple(BoardRow(r.village, r.stage, r.findings + twice.get(r.village.code, ())) for r in rows)
    return ElectionBoard(info.name if info else "", info.code if info else "", today, rows)


def export_stats(session: Session, path: Path | str, today: date | None = None) -> Path:
    """Compute the board and write the 换届结果统计表 to `path` (.xlsx); returns the path written.

    Raises:
        PermissionDenied: the session may not view.
        xlsx_style.ReportWriteError: the file could not be written (nothing left at `path`).
    """
    return write_stats(board(session, today), path)


def write_stats(computed: ElectionBoard, path: Path | str) -> Path:
    """Write the 统计表 of a board already computed (the page exports the board it shows)."""
    from desktop.reports.election_stats_xlsx import write_election_stats_xlsx

    return write_election_stats_xlsx(computed, path)
