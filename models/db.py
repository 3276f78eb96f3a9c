"""The one SQLite database of an installation.

`database` is deferred: the path is known only at run time (`--data-dir`), so
the models bind to it now and `open_database` initialises it later with the
pragmas we rely on: WAL (readers never block the writer, a crash never leaves a
half-written page), foreign keys enforced, and a busy timeout so a second
thread waits instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from peewee import Model, SqliteDatabase

from models.file_format import APPLICATION_ID  # noqa: F401 - re-exported (migrations, backup, tests)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",  # safe with WAL; a power cut loses at most the last commit
    "cache_size": -16000,  # 16 MB page cache
}

# Write transactions take the write lock at BEGIN (IMMEDIATE): two threads
# that both read-then-write can never deadlock into SQLITE_BUSY mid-transaction.
database = SqliteDatabase(None, pragmas=PRAGMAS, lock_type="IMMEDIATE")


class BaseModel(Model):
    """Every table of cunwu lives in `database`."""

    class Meta:  # noqa: D106 - peewee configuration
        database = database
        legacy_table_names = False


def open_database(path: Path | str) -> SqliteDatabase:
    """Point `database` at `path` and connect. Does not migrate (see `migrations`)."""
    if not database.is_closed():
        database.close()
    database.init(str(path), pragmas=PRAGMAS, timeout=5)
    database.connect()
    return database


def close_database() -> None:
    """Close the connection (checkpointing the WAL into the main file)."""
    if not database.is_closed():
        database.close()
