"""The one SQLite database of an installation.

`database` is deferred: the path is known only at run time (`--data-dir`), so
the models bind to it now and `open_database` initialises it later with the
pragmas we rely on: WAL (readers never block the writer, a crash never leaves a
half-written page), foreign keys enforced, and a busy timeout so a second
thread waits instead of failing.
"""

from __future__ import annotations

import re
import sqlite3
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
_writes = threading.local()  # this thread's connection: a write pending in a transaction / committed

#: Rows ANALYZE reads per index (`PRAGMA analysis_limit`): enough for the planner's estimates, and
#: milliseconds even on a 200-village township (SQLite suggests 100–1000).
ANALYSIS_LIMIT = 1000


class _JournallingDatabase(SqliteDatabase):
    """SQLite that notes which tables a thread writes while `written_tables()` is open.

    Every statement of the app passes through `execute_sql` or `executemany`
    (peewee queries and the raw SQL of the importer alike), so this is the one place that sees every
    write: the UI learns what an operation changed without any service having to
    report it. Python's sqlite3 has no update hook; the statement's head names
    the table. Costs one attribute look-up per statement when nobody listens.
    """

    def execute_sql(self, sql, params=None):  # noqa: D102 - peewee override
        write = _note(sql)
        cursor = super().execute_sql(sql, params)
        if write:
            self._wrote()
        return cursor

    def executemany(self, sql: str, rows) -> None:
        """One statement for many rows (bulk import); journalled like every other write."""
        write = _note(sql)
        self.cursor().executemany(sql, rows)
        if write:
            self._wrote()

    # Whether this thread's connection committed a write: only then may `optimize` write statistics at
    # close. A session that only read (or whose writes were all rolled back, a refused package) leaves
    # the file byte for byte as it was.
    def _wrote(self) -> None:
        if self.in_transaction():
            _writes.pending = True
        else:
            _writes.committed = True

    def commit(self):  # noqa: D102 - peewee override
        result = super().commit()
        if getattr(_writes, "pending", False):
            _writes.committed, _writes.pending = True, False
        return result

    def rollback(self):  # noqa: D102 - peewee override
        _writes.pending = False
        return super().rollback()

    def _close(self, conn) -> None:
        """Every connection's last act (`close_database`, a worker's `connection_context`): `optimize` after writes."""
        if getattr(_writes, "committed", False):
            optimize(conn)
        _writes.committed = _writes.pending = False
        super()._close(conn)


def optimize(conn: sqlite3.Connection | None = None) -> None:
    """`PRAGMA optimize`: refresh the planner's statistics where the work on this connection made them stale.

    Run at close, after a package import and after an upgrade. It analyses only the tables this
    connection queried whose row counts changed a lot since their last ANALYZE (usually none: then it
    costs microseconds), each index read at most `ANALYSIS_LIMIT` rows deep. The statistics only tune
    the planner: the indexes (migration 0017) already leave one sensible plan for every hot lookup,
    and `sqlite_stat*` never travels in a package (exports name their tables). Never waits for
    another program's write lock and never fails: statistics are an optimisation, not data.
    """
    if conn is None:
        if database.is_closed():
            return
        conn = database.connection()
    if conn.in_transaction:
        return  # never commit someone's open transaction from here
    try:
        (timeout,) = conn.execute("PRAGMA busy_timeout").fetchone()
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT:d}")
            conn.execute("PRAGMA optimize")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout):d}")
    except sqlite3.Error:
        pass  # busy, read-only or closing: the next close tries again


def analyze() -> None:
    """A full (sampled) ANALYZE of the open database: after an upgrade rebuilt its indexes."""
    if database.is_closed() or database.in_transaction():
        return
    try:
        database.execute_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT:d}")
        database.execute_sql("ANALYZE")
    except sqlite3.Error:
        pass  # an optimisation only; `optimize` at close tries again


def _note(sql: str) -> bool:
    """Note the table a writing statement names for `written_tables`; True when `sql` writes."""
    if sql[:1] not in "IiUuDdRr ":
        return False
    match = _WRITE.match(sql)
    if match is None:
        return False
    journal = getattr(_journals, "tables", None)
    if journal is not None:
        journal.add(match.group(1).lower())
    return True


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
