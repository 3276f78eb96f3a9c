"""The township's look across the villages' 选民名单: who may be registered in two villages (第十三条第三款).

The narrowing is done in SQL: of the live lines of every village's current 换届 list (the board's
`VillageElection.general`), only those whose (name, sex, birth year, birth month) key is the key of
an 外出参选 or 外来 line of a current list are read — the article's case always has such a line, and
they are a few per village — so a few rows reach Python instead of every line of the township. The
pure rule (`models.township.election_duplicates`) keeps the keys found on two villages' lists and
words the warning; the board service adds the findings to each row. (A GROUP BY … HAVING over every
line joined to its person was tried first: the sort of every line's key cost more than the old
Python loop — 0.75 s against ~0.9 s at 200 villages; then one pass over the people, ~0.33 s; now each
moved key is looked up in the `person_key` index instead.)
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


#: A person whose key is complete (name, sex, birth year and month all known): only they can match.
_COMPLETE = ("p.deleted = 0 AND trim(coalesce(p.name, '')) <> '' AND trim(coalesce(p.gender, '')) <> '' "
             "AND p.birth_year > 0 AND p.birth_month BETWEEN 1 AND 12")
#: A live line of one of the current lists (`{marks}`: the elections' ids).
_LIVE = "v.deleted = 0 AND v.removed_on = '' AND v.election_id IN ({marks})"
#: The keys of the 外出参选 and 外来 lines of the current lists (a few per village). The category is
#: our constant, written into the SQL so the planner sees which lines are meant. CROSS JOIN keeps the
#: order (SQLite's documented hint): the few moved lines first, then their people — never every person
#: of the township walked in key order, which small statistics would suggest.
_MOVED_KEYS = ("SELECT DISTINCT trim(p.name), trim(p.gender), p.birth_year, p.birth_month "
               "FROM voter v CROSS JOIN person p ON p.id = v.person_id "
               f"WHERE v.category <> '{VOTER_RESIDENT}' AND {_LIVE} AND {_COMPLETE}")
#: Every current line of a person with one of those keys: each key looked up in `person_key`
#: (migration 0017: the same trimmed expressions), then the person's lines by `voter_person_id`; no
#: scan of every village's register (issue 20: that scan was 71–74% of the board at 200 villages).
#: `tests/unit/test_query_plans.py` holds the plan to this, with and without statistics.
_SUSPECT_LINES = (f"WITH k(name, gender, year, month) AS MATERIALIZED ({_MOVED_KEYS}) "
                  "SELECT v.election_id, p.name, p.birth_year, p.birth_month, v.category, p.gender "
                  "FROM k CROSS JOIN person p ON trim(p.name) = k.name AND trim(p.gender) = k.gender "
                  "AND p.birth_year = k.year AND p.birth_month = k.month "
                  f"CROSS JOIN voter v ON v.person_id = p.id WHERE {_COMPLETE} AND {_LIVE}")


def double_registrations(villages: Iterable[VillageElection]) -> dict[str, tuple[BoardFinding, ...]]:
    """Village code → the warning about its voters who may also be on another village's current list ({} when none)."""
    villages = list(villages)
    current = {v.general.id: (v.code, v.general.election_day) for v in villages if v.general is not None}
    names = {v.code: v.name for v in villages}
    if len({code for code, _day in current.values()}) < 2:
        return {}
    ids = sorted(current)
    marks = ",".join("?" * len(ids))
    rows = database.execute_sql(_SUSPECT_LINES.format(marks=marks), [*ids, *ids]).fetchall()
    found = [RollLine(current[eid][0], str(name or ""), _int(year), _int(month), current[eid][1],
                      str(category or ""), str(gender or "")) for eid, name, year, month, category, gender in rows]
    return registered_twice(found, names)  # the keys on two villages' lists among these few lines
