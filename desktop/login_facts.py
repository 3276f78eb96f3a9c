"""What the login dialog needs, read from the database file before the database layer loads.

Loading peewee, the models and the migrations costs about a fifth of
start-up; the login dialog needs none of it to appear, only the
installation's name and whether anyone can log in. So start-up reads those
with the standard library's `sqlite3`, read-only, paints the dialog, and
opens the database properly (`desktop.storage.open_store`) right after the
first paint, before the person can press 登录.

Whenever the file is not plainly ready for a login — missing, not ours,
an older or newer schema (a migration, with its backup, must run first), no
installation or no active user (wizard or administrator page), or anything
unexpected — this says None and start-up takes the usual path: open the
database first, then decide.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.file_format import APPLICATION_ID, latest_schema_version


@dataclass(frozen=True)
class LoginFacts:
    """The installation as the login dialog shows it."""

    name: str
    is_demo: bool


def read(database: Path) -> LoginFacts | None:
    """The login facts of `database`, or None when the usual start-up path must decide."""
    if not database.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        return _read(connection)
    except sqlite3.Error:  # not a database, a missing table or column, a lock held too long
        return None
    finally:
        connection.close()


def _read(connection: sqlite3.Connection) -> LoginFacts | None:
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return None
    if connection.execute("PRAGMA user_version").fetchone()[0] != latest_schema_version():
        return None
    row = connection.execute("SELECT name, is_demo FROM installation WHERE id = 1").fetchone()
    if row is None:
        return None
    if not connection.execute('SELECT EXISTS (SELECT 1 FROM "user" WHERE active = 1)').fetchone()[0]:
        return None
    return LoginFacts(row[0], bool(row[1]))
