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

from models.messages import QT_TRANSLATE_NOOP
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


#: Tables a person never sees as records; named for a support call all the same.
_BOOKKEEPING_LABELS = {
    "app_meta": QT_TRANSLATE_NOOP("audit_replay", "软件设置"),
    "audit_entry": QT_TRANSLATE_NOOP("audit_replay", "审计日志"),
    "change_counter": QT_TRANSLATE_NOOP("audit_replay", "变更计数"),
    "installation": QT_TRANSLATE_NOOP("audit_replay", "本机信息"),
    "peer": QT_TRANSLATE_NOOP("audit_replay", "交换对象"),
    "package_log": QT_TRANSLATE_NOOP("audit_replay", "收发记录"),
    "retired_key": QT_TRANSLATE_NOOP("audit_replay", "停用的密钥"),
    "sync_conflict": QT_TRANSLATE_NOOP("audit_replay", "数据冲突"),
    "audit_witness": QT_TRANSLATE_NOOP("audit_replay", "审计链头记录"),
    "notice_read": QT_TRANSLATE_NOOP("audit_replay", "通知已读记录"),
    "county_township": QT_TRANSLATE_NOOP("audit_replay", "县级:乡镇"),
    "county_village": QT_TRANSLATE_NOOP("audit_replay", "县级:村"),
    "county_period": QT_TRANSLATE_NOOP("audit_replay", "县级:期间"),
    "county_cell": QT_TRANSLATE_NOOP("audit_replay", "县级:合规看板"),
    "county_township_cell": QT_TRANSLATE_NOOP("audit_replay", "县级:乡镇履职"),
    "county_filing": QT_TRANSLATE_NOOP("audit_replay", "县级:备案登记"),
    "county_article": QT_TRANSLATE_NOOP("audit_replay", "县级:备案条文"),
}


def shown_tables(names: list[str], limit: int = 8) -> str:
    """Missing tables as a clerk reads them on the phone to support: “人员(person)、…”."""
    from models.audit_names import RECORD_LABELS
    from models.messages import msg

    def one(name: str) -> str:
        label = RECORD_LABELS.get(name) or _BOOKKEEPING_LABELS.get(name)
        return f"{msg('audit_replay', label)}({name})" if label else name

    return "、".join(one(n) for n in names[:limit])
