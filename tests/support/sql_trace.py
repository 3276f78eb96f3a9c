"""The SQL a call runs, read from SQLite's trace hook: for plan and statement-count tests.

Tests that assert on query plans (`EXPLAIN QUERY PLAN`) or on how many statements
a page runs need the statements the services really send, values filled in, so a
service whose query drifts breaks the test instead of a copy of the old SQL.
"""

from __future__ import annotations

from collections.abc import Callable

from models.db import database


def traced_reads(call: Callable[[], object], kinds: tuple[str, ...] = ("SELECT", "WITH")) -> list[str]:
    """The statements starting with one of `kinds` that `call` runs on the open database, in order."""
    seen: list[str] = []
    conn = database.connection()
    conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip()[:6].upper() in kinds]
