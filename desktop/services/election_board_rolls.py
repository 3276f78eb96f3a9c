"""The township's look across the villages' 选民名单: who may be registered in two villages (第十三条第三款).

The narrowing is done in SQL: of the live lines of every village's current 换届 list (the board's
`VillageElection.general`), only those whose (name, sex, birth year, birth month) key occurs on two
villages' lists, one of them an 外出参选 or 外来 line, are read (a GROUP BY … HAVING over the lines
joined to the person) — a few rows instead of every line of the township, so the check stays a small
part of the board however many villages there are. The pure rule
(`models.township.election_duplicates`) judges them; the board service adds the findings to each row.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.db import database
from models.elections.records import VOTER_RESIDENT
from models.township.election_duplicates import RollLine, registered_twice
from models.township.elections_board import BoardFinding, VillageElection


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


#: The live lines of the current lists with a complete key (name, sex, birth year and month all known).
_LINES = (
    "SELECT v.election_id AS election_id, v.category AS category, trim(p.name) AS name, trim(p.gender) AS gender, "
    "p.birth_year AS birth_year, p.birth_month AS birth_month FROM voter v JOIN person p ON p.id = v.person_id "
    "WHERE v.deleted = 0 AND v.removed_on = '' AND p.deleted = 0 AND v.election_id IN ({marks}) "
    "AND trim(coalesce(p.name, '')) <> '' AND trim(coalesce(p.gender, '')) <> '' "
    "AND p.birth_year > 0 AND p.birth_month BETWEEN 1 AND 12")


def double_registrations(villages: Iterable[VillageElection]) -> dict[str, tuple[BoardFinding, ...]]:
    """Village code → the warning about its voters who may also be on another village's current list ({} when none)."""
    villages = list(villages)
    current = {v.general.id: (v.code, v.general.election_day) for v in villages if v.general is not None}
    names = {v.code: v.name for v in villages}
    if len({code for code, _day in current.values()}) < 2:
        return {}
    ids = sorted(current)
    lines = _LINES.format(marks=",".join("?" * len(ids)))
    rows = database.execute_sql(
        f"WITH line AS ({lines}), "
        "twice AS (SELECT name, gender, birth_year, birth_month FROM line "
        "GROUP BY name, gender, birth_year, birth_month "
        "HAVING COUNT(DISTINCT election_id) > 1 AND SUM(category <> ?) > 0) "
        "SELECT l.election_id, l.name, l.birth_year, l.birth_month, l.category, l.gender FROM line l "
        "JOIN twice t ON t.name = l.name AND t.gender = l.gender AND t.birth_year = l.birth_year "
        "AND t.birth_month = l.birth_month", [*ids, VOTER_RESIDENT]).fetchall()
    found = [RollLine(current[eid][0], str(name or ""), _int(year), _int(month), current[eid][1],
                      str(category or ""), str(gender or "")) for eid, name, year, month, category, gender in rows]
    return registered_twice(found, names)
