"""The attack of issue 16 on the audit log: rewrite it behind the app's back, so that its own check passes.

Drop the triggers that refuse UPDATE and DELETE, change the rows, then
recompute every hash and the head in the same file — what a person with a
SQLite tool and the formula of `models.audit` can do. Only a witness that
holds an earlier head (the township) can notice.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models import audit
from models.db import close_database


def _rechain(con: sqlite3.Connection) -> None:
    """Recompute every hash and the head, as a tool that knows `models.audit` would."""
    prev, rows = audit.GENESIS, 0
    for row in con.execute("SELECT id, at, actor, action, table_name, record_id, old_values, new_values"
                           " FROM audit_entry ORDER BY id").fetchall():
        digest = audit._row_hash(prev, *row)  # noqa: SLF001 - the attacker's copy of the formula
        con.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
        prev, rows = digest, row[0]
    if rows:
        con.execute("INSERT OR REPLACE INTO app_meta (key, value) VALUES ('audit_head', ?)", (f"{rows}:{prev}",))
    else:
        con.execute("DELETE FROM app_meta WHERE key = 'audit_head'")


def rewrite_audit_log(database: Path, how: str) -> None:
    """Drop the triggers, rewrite the log behind the app's back, recompute chain and head (same file)."""
    close_database()
    con = sqlite3.connect(database)
    try:
        with con:
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                       " AND tbl_name = 'audit_entry'").fetchall():
                con.execute(f'DROP TRIGGER "{name}"')
            if how == "edit":  # an early row says something else now
                con.execute("UPDATE audit_entry SET new_values = '{\"name\":\"改过的\"}' WHERE id = 3")
            elif how == "delete-middle":  # one row gone, the later ones renumbered
                con.execute("DELETE FROM audit_entry WHERE id = 3")
                con.execute("UPDATE audit_entry SET id = id - 1 WHERE id > 3")
            elif how == "delete-all":
                con.execute("DELETE FROM audit_entry")
            _rechain(con)
    finally:
        con.close()
