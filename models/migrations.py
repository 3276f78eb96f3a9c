"""Numbered schema migrations.

`PRAGMA user_version` is the schema version; `PRAGMA application_id` marks
the file as ours. Each migration runs in one transaction together with its
version bump, so a crash mid-migration leaves the previous version intact.
A database written by a newer release is refused, never "half understood".

Migrations are SQL files under `models/schema/` named `NNNN_description.sql`,
frozen once released; `tests/fixtures/` keeps a database of each released
schema and the tests upgrade every one of them.

`cunwu check` replays the audit log against every record (`audit_replay`):
a migration that inserts or rewrites records must leave them audited, or
check will name them. Databases from before schema `REPLAY_SINCE` get one
`baseline` audit entry in their last step (`_needs_audit_baseline`); a later
migration that writes records needs the same (call `write_baseline`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from models.db import APPLICATION_ID, analyze, database
from models.errors import DatabaseTooNew, MigrationFailed, NotOurDatabase
from models.file_format import MIGRATION_FILE as _NAME
from models.messages import QT_TRANSLATE_NOOP, msg


@dataclass(frozen=True)
class Migration:
    """One numbered step: its version and SQL text."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """All migrations shipped with this release, in order."""
    found = []
    for entry in resources.files("models.schema").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbering has a gap at {migration.name}")
    return found


MIGRATIONS = load_migrations()
SCHEMA_VERSION = MIGRATIONS[-1].version


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


@dataclass(frozen=True)
class SchemaState:
    """What a database file says about itself before we touch it."""

    application_id: int
    user_version: int
    table_count: int

    @property
    def is_empty(self) -> bool:
        """A brand-new file with no tables."""
        return self.table_count == 0 and self.user_version == 0


def inspect_schema() -> SchemaState:
    """Read application id, schema version and table count of the open database.

    Raises:
        NotOurDatabase: the file is not SQLite, or is another program's database.
        DatabaseTooNew: the schema is newer than this release knows.
    """
    try:
        app_id = database.execute_sql("PRAGMA application_id").fetchone()[0]
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        tables = database.execute_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database
        raise NotOurDatabase(
            msg("migrations", QT_TRANSLATE_NOOP(
                "migrations", "这个文件不是村务台账的数据库,或者已经损坏:{detail}"), detail=exc)
        ) from exc
    state = SchemaState(app_id, version, tables)
    if not state.is_empty and app_id != APPLICATION_ID:
        raise NotOurDatabase(
            msg("migrations", QT_TRANSLATE_NOOP(
                "migrations", "这个文件不是村务台账的数据库(可能是其他软件的文件),不能打开。"))
        )
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            msg("migrations", QT_TRANSLATE_NOOP(
                "migrations",
                "这个数据库由更新版本的村务台账创建(数据格式第 {found} 版,本软件只认识到第 {known} 版)。"
                "请先升级软件再打开,以免损坏数据。"), found=version, known=SCHEMA_VERSION)
        )
    return state


def pending_migrations(state: SchemaState) -> list[Migration]:
    """Migrations that `state` still needs."""
    return [m for m in MIGRATIONS if m.version > state.user_version]


def _needs_audit_baseline(state: SchemaState) -> bool:
    """An existing database from before the audit recorded every write in full (`audit_replay.write_baseline`).

    Its baseline is written in the transaction of the last step, so once per
    database, and never for a new one (its audit is complete from the start).
    """
    from models.audit_replay import REPLAY_SINCE

    return not state.is_empty and 0 < state.user_version < REPLAY_SINCE


def migrate(before_upgrade: Callable[[SchemaState], None] | None = None) -> list[Migration]:
    """Bring the open database to `SCHEMA_VERSION`; returns the steps applied.

    `before_upgrade` runs once before the first step when an *existing*
    database is upgraded (the caller takes a backup there).
    """
    state = inspect_schema()
    steps = pending_migrations(state)
    if steps and not state.is_empty and before_upgrade is not None:
        before_upgrade(state)
    baseline = _needs_audit_baseline(state)
    for step in steps:
        try:
            with database.atomic():
                for statement in split_statements(step.sql):
                    database.execute_sql(statement)
                if baseline and step is steps[-1]:
                    from models import audit_replay

                    audit_replay.write_baseline(state.user_version)
                # PRAGMAs take no parameters; both values are integers we control.
                database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")
                database.execute_sql(f"PRAGMA user_version = {step.version:d}")
        except Exception as exc:  # the step rolled back as a whole
            raise MigrationFailed(msg("migrations", QT_TRANSLATE_NOOP(
                "migrations", "升级数据格式(第 {version} 步)时出错:{detail}。这一步已经撤销,"
                "数据仍是升级前的样子,升级前的备份在“backups”文件夹里。请联系技术支持。"),
                version=step.version, detail=exc)) from exc
    if steps and not state.is_empty:
        analyze()  # an upgraded database's indexes changed (0017): fresh statistics; a new one has no rows yet
    return steps
