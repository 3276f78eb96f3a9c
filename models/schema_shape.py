"""Is every table there? The tables a database of ours must have at its schema version.

A file with our application id and schema version but a table dropped (by a
database tool, a half-done repair, an attack) passes SQLite's integrity check
and the version check, yet every screen that reads the table fails, and a
restore would swap it in for a good database. `restore` and `check` refuse
it by name.

The expected tables are what the migrations up to that version create: they
are replayed once into an in-memory database (a few milliseconds, cached),
so an older backup is measured against its own version, not today's.
"""

from __future__ import annotations

import functools
import sqlite3

from models.migrations import MIGRATIONS, split_statements

#: Tables SQLite makes for itself (present or not, depending on what was done with the file).
_SQLITE_OWN = ("sqlite_",)


@functools.cache
def expected_tables(version: int) -> frozenset[str]:
    """Every table the migrations up to `version` create (FTS shadow tables included)."""
    con = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS:
            if step.version > version:
                break
            for statement in split_statements(step.sql):
                con.execute(statement)
        return frozenset(_tables(con))
    finally:
        con.close()


def _tables(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return [name for (name,) in rows if not name.startswith(_SQLITE_OWN)]


def missing_tables(con: sqlite3.Connection, version: int | None = None) -> list[str]:
    """The tables `con`'s database lacks for its schema version (`PRAGMA user_version` unless given)."""
    if version is None:
        version = con.execute("PRAGMA user_version").fetchone()[0]
    present = {name.lower() for name in _tables(con)}
    return sorted(name for name in expected_tables(version) if name.lower() not in present)
