"""The township's look across the villages' 选民名单: who is registered in two villages (第十三条第三款).

Reads the live lines of every village's current 换届 list (the board's `VillageElection.general`)
in one query, whatever the number of villages, and hands them to the pure rule
(`models.township.election_duplicates`). The board service adds the findings to each row.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.db import database
from models.township.election_duplicates import RollLine, registered_twice
from models.township.elections_board import BoardFinding, VillageElection


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def double_registrations(villages: Iterable[VillageElection]) -> dict[str, tuple[BoardFinding, ...]]:
    """Village code → the warning about its voters also on another village's current list ({} when none)."""
    villages = list(villages)
    current = {v.general.id: (v.code, v.general.election_day) for v in villages if v.general is not None}
    names = {v.code: v.name for v in villages}
    if len({code for code, _day in current.values()}) < 2:
        return {}
    ids = sorted(current)
    marks = ",".join("?" * len(ids))
    rows = database.execute_sql(
        f"SELECT v.election_id, p.name, p.birth_year, p.birth_month, v.category, p.gender FROM voter v "
        f"JOIN person p ON p.id = v.person_id "
        f"WHERE v.deleted = 0 AND v.removed_on = '' AND p.deleted = 0 AND v.election_id IN ({marks})", ids).fetchall()
    lines = [RollLine(current[eid][0], str(name or ""), _int(year), _int(month), current[eid][1],
                      str(category or ""), str(gender or "")) for eid, name, year, month, category, gender in rows]
    return registered_twice(lines, names)
