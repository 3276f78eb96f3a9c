"""The hot lookups use the index meant for them, with and without ANALYZE statistics (migration 0017).

Without statistics SQLite once walked the single-column `meeting_attendance_deleted` index (it matches
every row) instead of the meeting's: 31 ms per lookup instead of 0.13 ms (issue 20). Those indexes are
gone and the children are indexed by (parent, deleted, …), so the right plan must be the only plan.

The SQL checked is what the services really run: each call is traced on the demo township's
connection (`set_trace_callback` gives the statements with their values), then every traced statement
that reads a table of interest is planned with `EXPLAIN QUERY PLAN` in a copy of the file whose
`sqlite_stat*` rows are removed, and again after a fresh ANALYZE. A service whose query drifts off its
index fails here, by name.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from models.db import close_database, database
from tests.support.demo import demo_township
from tests.support.sql_trace import traced_reads as _traced

VILLAGE = "330106001001"

# A table named after FROM/JOIN and its alias ("meeting_attendance a", "rule_article" AS "t1").
_TABLE = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?', re.IGNORECASE)
_NOT_ALIAS = {"where", "join", "on", "order", "group", "limit", "left", "inner", "cross", "natural",
              "indexed", "not", "using", "union", "as", "set", "values"}
_STEP = re.compile(r"^(SEARCH|SCAN) (\w+)(?: USING (?:COVERING )?INDEX (\w+))?")


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    """The 3-village demo township (a session template), opened once for these read-only checks."""
    from desktop.paths import AppPaths

    paths = AppPaths(tmp_path_factory.mktemp("plans") / "乡镇")
    session = demo_township(paths, villages=3, years=1)
    yield paths, session
    close_database()


def _aliases(sql: str, table: str) -> set[str]:
    """The names `table` goes by in `sql` (itself, and its aliases)."""
    names = set()
    for name, alias in _TABLE.findall(sql):
        if name.lower() == table:
            names.add(name)
            if alias and alias.lower() not in _NOT_ALIAS:
                names.add(alias)
    return names


def _steps(con: sqlite3.Connection, sql: str, table: str) -> list[tuple[str, str | None]]:
    """(SEARCH/SCAN, index or None) for each step of `sql`'s plan that reads `table`."""
    names = _aliases(sql, table)
    out = []
    for *_ids, detail in con.execute("EXPLAIN QUERY PLAN " + sql):
        m = _STEP.match(detail)
        if m and m.group(2) in names:
            out.append((m.group(1), m.group(3)))
    return out


def _planners(paths, tmp: Path) -> dict[str, sqlite3.Connection]:
    """Two read-only planners over copies of the database: no statistics at all, and a fresh ANALYZE."""
    close_database()
    planners = {}
    for mode in ("no statistics", "analyzed"):
        copy = tmp / f"{mode.replace(' ', '_')}.sqlite3"
        shutil.copy(paths.database, copy)
        con = sqlite3.connect(copy)
        stats = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")]
        for name in stats:
            con.execute(f"DELETE FROM {name}")  # noqa: S608 - SQLite's own table names
        if mode == "analyzed":
            con.execute("ANALYZE")
        con.commit()
        con.close()
        planners[mode] = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    return planners


def _ids(township):
    """A meeting with attendance, a rule version with articles, a posting with lines of the demo."""
    one = lambda sql: database.execute_sql(sql).fetchone()[0]  # noqa: E731
    return {
        "meeting": one("SELECT meeting_id FROM meeting_attendance WHERE deleted = 0 LIMIT 1"),
        "version": one("SELECT version_id FROM rule_article WHERE deleted = 0 LIMIT 1"),
        "item": one("SELECT p.item_id FROM financial_line l JOIN financial_posting p ON p.id = l.posting_id "
                    "WHERE l.deleted = 0 LIMIT 1"),
    }


def test_the_hot_lookups_use_the_index_led_by_their_key(township, tmp_path):
    from desktop.services import (
        disclosure_service,
        election_board_rolls,
        meetings_service,
        rule_facts,
    )
    from desktop.services.village_file import meetings as vf_meetings
    from desktop.services.village_file import people as vf_people

    paths, session = township
    ids = _ids(township)
    # (what, the call, table, the index every step reading that table must use)
    checks = [
        ("attendance by meeting", lambda: meetings_service.load(ids["meeting"]),
         "meeting_attendance", "meeting_attendance_meeting_id"),
        ("agenda by meeting", lambda: meetings_service.load(ids["meeting"]), "agenda_item", "agenda_item_meeting_id"),
        ("resolutions by meeting", lambda: meetings_service.load(ids["meeting"]), "resolution", "resolution_meeting_id"),
        ("list_meetings: attendance counts", meetings_service.list_meetings,
         "meeting_attendance", "meeting_attendance_meeting_id"),
        ("list_meetings: resolution counts", meetings_service.list_meetings, "resolution", "resolution_meeting_id"),
        ("articles by version", lambda: rule_facts.articles(ids["version"]), "rule_article", "rule_article_version_id"),
        ("rule facts: articles", lambda: rule_facts.facts(ids["version"]), "rule_article", "rule_article_version_id"),
        ("lines by posting", lambda: disclosure_service.table(ids["item"]), "financial_line", "financial_line_posting_id"),
        ("people by village", lambda: vf_people.people(session, VILLAGE), "person", "person_owner"),
        ("meetings by village", lambda: vf_meetings.meetings(session, VILLAGE), "meeting", "meeting_owner"),
    ]
    traced = [(what, table, index, [s for s in _traced(call) if _aliases(s, table)])
              for what, call, table, index in checks]
    planners = _planners(paths, tmp_path)
    wrong = []
    for what, table, index, statements in traced:
        assert statements, f"{what}: the service no longer reads {table} (update this test)"
        for mode, con in planners.items():
            for sql in statements:
                for kind, used in _steps(con, sql, table):
                    if used != index:
                        wrong.append(f"{what} ({mode}): {kind} {table} using {used}, not {index}\n    {sql[:300]}")
    for mode, con in planners.items():  # the 换届 board's 两村登记 check: each moved key found by person_key
        sql = election_board_rolls._SUSPECT_LINES.format(marks="'e1','e2'")
        steps = _steps(con, sql, "person")
        if ("SEARCH", "person_key") not in steps or any(kind == "SCAN" for kind, _index in steps):
            wrong.append(f"换届 board's 两村登记 check ({mode}): person read as {steps}, not by person_key")
    # the meeting list's 更正 of each line: by the corrects_id index, though ANALYZE sees little but NULL there
    correction = meetings_service._CORRECTED_BY.strip("()").replace("m.id", "'m1'")
    for mode, con in planners.items():
        if _steps(con, correction, "meeting") != [("SEARCH", "meeting_corrects_id")]:
            wrong.append(f"list_meetings' 更正 ({mode}): {_steps(con, correction, 'meeting')}, not by meeting_corrects_id")
    assert wrong == []


def test_no_single_column_deleted_index_is_left(township):
    """Migration 0017 dropped them all, and nothing (a later migration, peewee) brings one back."""
    rows = database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%\\_deleted' ESCAPE '\\'").fetchall()
    assert rows == []
