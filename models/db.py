"""The one SQLite database of an installation.

`database` is deferred: the path is known only at run time (`--data-dir`), so
the models bind to it now and `open_database` initialises it later with the
pragmas we rely on: WAL (readers never block the writer, a crash never leaves a
half-written page), foreign keys enforced, and a busy timeout so a second
thread waits instead of failing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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

# The table a writing statement names: INSERT [OR …] INTO t, REPLACE INTO t, UPDATE [OR …] t, DELETE FROM t.
_WRITE = re.compile(r'\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)'
                    r'\s+"?(\w+)"?', re.IGNORECASE)
_journals = threading.local()


class _JournallingDatabase(SqliteDatabase):
    """SQLite that notes which tables a thread writes while `written_tables()` is open.

    Every statement of the app passes through `execute_sql` or `executemany`
    (peewee queries and the raw SQL of the importer alike), so this is the one place that sees every
    write: the UI learns what an operation changed without any service having to
    report it. Python's sqlite3 has no update hook; the statement's head names
    the table. Costs one attribute look-up per statement when nobody listens.
    """

    def execute_sql(self, sql, params=None):  # noqa: D102 - peewee override
        _note(sql)
        return super().execute_sql(sql, params)

    def executemany(self, sql: str, rows) -> None:
        """One statement for many rows (bulk import); journalled like every other write."""
        _note(sql)
        self.cursor().executemany(sql, rows)


def _note(sql: str) -> None:
    journal = getattr(_journals, "tables", None)
    if journal is not None and sql[:1] in "IiUuDdRr ":
        match = _WRITE.match(sql)
        if match:
            journal.add(match.group(1).lower())


# Write transactions take the write lock at BEGIN (IMMEDIATE): two threads
# that both read-then-write can never deadlock into SQLITE_BUSY mid-transaction.
database = _JournallingDatabase(None, pragmas=PRAGMAS, lock_type="IMMEDIATE")


@contextmanager
def written_tables() -> Iterator[set[str]]:
    """Collect the names of the tables this thread writes inside the block.

    Nested blocks share the outer set (an operation that calls another is one
    operation). The set is filled even when the block raises: a refused write
    rolled back, but the caller decides what to do with that.
    """
    outer = getattr(_journals, "tables", None)
    if outer is not None:
        yield outer
        return
    _journals.tables = tables = set()
    try:
        yield tables
    finally:
        _journals.tables = None


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
