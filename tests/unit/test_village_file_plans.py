"""The township's per-village lists read a village's postings and matters by its owner index (issue 20).

`tests/unit/test_query_plans.py` asserts "records by village" for people and meetings; the 村档案's
公开 and 监督事项 tabs read the two other growing tables of every village the same way, and a
township of 200 villages holds every village's rows in one table: a scan would read them all for one
village. Their traced SQL is planned in a copy of the demo township without statistics and after a
fresh ANALYZE, as the plan test does.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop.paths import AppPaths
from models.db import close_database
from tests.support.demo import demo_township
from tests.support.sql_trace import traced_reads

VILLAGE = "330106001001"


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    paths = AppPaths(tmp_path_factory.mktemp("vf_plans") / "乡镇")
    session = demo_township(paths, villages=3, years=1)
    yield paths, session
    close_database()


def _traced(call) -> list[str]:
    return traced_reads(call, kinds=("SELECT",))


def _planner(paths, tmp_path, analyzed: bool) -> sqlite3.Connection:
    copy = tmp_path / f"plan_{int(analyzed)}.sqlite3"
    shutil.copy(paths.database, copy)
    con = sqlite3.connect(copy)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").fetchall():
        con.execute(f"DELETE FROM {name}")  # noqa: S608 - SQLite's own table names
    if analyzed:
        con.execute("ANALYZE")
    con.commit()
    con.close()  # a connection keeps the statistics it read when it opened: plan on a fresh one
    return sqlite3.connect(f"file:{copy}?mode=ro", uri=True)


def test_postings_and_matters_by_village_use_the_owner_index(township, tmp_path):
    from desktop.services.village_file import matters, postings

    paths, session = township
    checks = [("postings by village", lambda: postings.postings(session, VILLAGE), "disclosure_item",
               "disclosure_item_owner"),
              ("posting ids by village (the paged tab)", lambda: postings.posting_ids(session, VILLAGE),
               "disclosure_item", "disclosure_item_owner"),
              ("matters by village", lambda: matters.matters(session, VILLAGE), "supervision_matter",
               "supervision_matter_owner")]
    traced = [(what, table, index, [s for s in _traced(call) if f"FROM {table} " in s])
              for what, call, table, index in checks]
    close_database()
    wrong = []
    for analyzed in (False, True):
        con = _planner(paths, tmp_path, analyzed)
        for what, table, index, statements in traced:
            assert statements, f"{what}: the service no longer reads {table} (update this test)"
            for sql in statements:
                steps = [d for *_ids, d in con.execute("EXPLAIN QUERY PLAN " + sql) if f" {table} " in f"{d} "]
                if not steps or any(f"USING INDEX {index} " not in f"{d} " for d in steps):
                    wrong.append(f"{what} (analyzed={analyzed}): {steps}\n    {sql[:200]}")
        con.close()
    assert wrong == []
