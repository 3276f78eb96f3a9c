"""The per-database change counter: every synced write takes the next number.

One counter for all tables, so "what changed since package N" is a single
`seq > x` on each table, and the order of changes across tables is kept.
"""

from __future__ import annotations

from models.db import database


def next_seq() -> int:
    """Take the next change number. Call inside the write transaction."""
    row = database.execute_sql(
        "UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value"
    ).fetchone()
    if row is None:  # counter row missing (should not happen after migration 1)
        database.execute_sql("INSERT INTO change_counter (id, value) VALUES (1, 1)")
        return 1
    return int(row[0])


def current_seq() -> int:
    """The last number handed out (0 on a new database)."""
    row = database.execute_sql("SELECT value FROM change_counter WHERE id = 1").fetchone()
    return int(row[0]) if row else 0
