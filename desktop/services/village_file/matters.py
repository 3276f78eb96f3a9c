"""A village's 村务监督 matters as the township holds them, with the answers (read only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services.session import Session
from desktop.services.village_file.common import owned_row, village_name
from models.db import database
from models.supervision import matters as mm


@dataclass(frozen=True)
class MatterLine:
    """One matter in the list."""

    id: str
    title: str
    area: str
    opened_on: str
    state: str  # `models.supervision.matters` states
    deadline: str
    overdue: bool
    escalated: bool


@dataclass(frozen=True)
class Matter:
    """One matter, step by step, with the township's answer when it was escalated."""

    id: str
    title: str
    area: str
    source: str
    state: str
    opened_on: str
    findings: str
    notified_on: str
    deadline: str
    notice: str
    answered_on: str
    answer: str
    verified_on: str
    verification: str
    closed_on: str
    escalated_on: str
    township_answers: tuple[tuple[str, str, str], ...]  # (answered_on, by, text), the township's own


_COLUMNS = ("id, title, area, source, opened_on, findings, notified_on, deadline, notice, answered_on, answer, "
            "verified_on, verification, closed_on, escalated_on")


def _facts(row: dict) -> mm.MatterFacts:
    return mm.MatterFacts(row["opened_on"], row["notified_on"], row["deadline"], row["answered_on"],
                          row["verified_on"], row["closed_on"], row["escalated_on"])


def _rows(sql: str, params) -> list[dict]:
    names = [c.strip() for c in _COLUMNS.split(",")]
    return [dict(zip(names, r, strict=True)) for r in database.execute_sql(sql, params)]


def matters(session: Session, code: str, today: date | None = None) -> list[MatterLine]:
    """The village's matters, open ones first, then newest (overdue flagged as on the village's board)."""
    village_name(session, code)
    today = today or date.today()
    rows = _rows(f"SELECT {_COLUMNS} FROM supervision_matter WHERE owner = ? AND +deleted = 0 "
                 f"ORDER BY opened_on DESC", (code,))
    out = [MatterLine(r["id"], r["title"], r["area"], r["opened_on"], mm.state(_facts(r)), r["deadline"],
                      mm.overdue(_facts(r), today), bool(r["escalated_on"])) for r in rows]
    out.sort(key=lambda m: (m.state == mm.CLOSED, not m.overdue))
    return out


def matter(session: Session, code: str, matter_id: str) -> Matter:
    """One matter of the village.

    Raises:
        NotFound: not a live matter of this village.
    """
    village_name(session, code)
    owned_row("supervision_matter", matter_id, code, "id")
    r = _rows(f"SELECT {_COLUMNS} FROM supervision_matter WHERE id = ?", (matter_id,))[0]
    answers = tuple(database.execute_sql(
        "SELECT answered_on, answered_by, text FROM township_answer WHERE matter_id = ? AND +deleted = 0 "
        "AND owner != ? ORDER BY answered_on", (matter_id, code)).fetchall())
    return Matter(r["id"], r["title"], r["area"], r["source"], mm.state(_facts(r)), r["opened_on"], r["findings"],
                  r["notified_on"], r["deadline"], r["notice"], r["answered_on"], r["answer"], r["verified_on"],
                  r["verification"], r["closed_on"], r["escalated_on"], answers)
