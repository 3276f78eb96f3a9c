"""Replay the audit log and compare every record with its last audited state (`cunwu check`).

The hash chain (`models.audit`) proves the log was not edited; it says
nothing about the records themselves. Someone with `sqlite3` can change a
`financial_line` amount, a `person` name or `user.role` and leave the log
untouched. The replay catches that: it folds the log in order into each
record's last audited state and compares it with the row as it is now. A row
with no audit entry at all is reported too, so a database whose whole log
(and head) was deleted fails instead of passing with "0 条,链条完整".

What each kind of entry contributes:

* `create` (record_store) carries the full row, `update` / `delete` /
  `restore` the changed columns with old and new values.
* `import` (a package) carries, per table, the column list and a 64-bit
  digest of each row it wrote, read back after the write (`row_digests`).
  Digests, not values: the township already holds the rows; a digest costs
  ~60 bytes of audit text per written row (a village's first full package
  of ~3,000 rows adds ~180 KB, later packages only what changed), and check
  hashes each imported row once — cheap for 200 villages × thousands of
  rows. A mismatch can then name the record but not the field.
* `resolve` of a sync conflict that took the incoming version carries those
  values (older entries without them leave the record unverifiable).
* `baseline` is written once, in the migration transaction that brings a
  database older than `REPLAY_SINCE` to the current schema: rows the old
  release wrote without a complete audit (imported rows, the 村民小组 that
  migration 0010 derived from the register, a resolved conflict) are taken
  as they are at that moment, as digests. Rows written before the upgrade are
  therefore trusted as found — the replay can only vouch for what happened
  after the audit began to record enough; that is stated, not hidden.

Columns the app changes without an audit row are compared never, each for a
reason (`UNAUDITED_COLUMNS`). A column added by a later migration is compared
only once an audited write has set it: the older entries do not know it.

Somebody who edits a row *and* rewrites the audit values and the chain in
the same file defeats any check inside that file; that is what the heads held
by the township (`audit_witness`) are for.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from models import audit
from models.audit_names import describe, shown
from models.db import database
from models.field_labels import field_label
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "audit_replay"

#: The first schema whose audit log holds enough to replay every record (see `write_baseline`).
REPLAY_SINCE = 11

#: Stamped on every write by `record_store` (and taken from the sender on import): bookkeeping, not content.
_SYNC_COLUMNS = frozenset({"seq", "updated_at"})

#: Columns written without an audit row, and why they may be.
UNAUDITED_COLUMNS: dict[str, dict[str, str]] = {
    "user": {
        "password_hash": "a secret: audit rows show that it changed, never its value",
        "last_login_at": "stamped at every login; a login is logged, not a change of the account",
        "failed_logins": "the login throttle's counter, written at every wrong password",
        "locked_until": "the throttle's lock; a new lock gets its own 'locked' audit row",
    },
}

#: Installation-local tables that are not records and are written without audit.
NOT_REPLAYED: dict[str, str] = {
    "notice_read": "a mark that somebody opened a 通知 on this PC, not a record of the village",
}

_RECORD_ACTIONS = frozenset({"create", "update", "delete", "restore"})
_DIGEST_ACTIONS = frozenset({"import", "baseline"})
_CHUNK = 500


def audited_tables() -> list[str]:
    """Every table whose records `record_store` writes (synced and local), in creation order."""
    from models.records import LocalModel, SyncedModel
    from models.schema_registry import ALL_MODELS

    return [m._meta.table_name for m in ALL_MODELS
            if issubclass(m, (SyncedModel, LocalModel)) and m._meta.table_name not in NOT_REPLAYED]


def _columns(table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column the database has now."""
    return [(r[1], (r[2] or "").upper()) for r in database.execute_sql(f'PRAGMA table_info("{table}")')]


def _compared(table: str) -> set[str]:
    return set(_SYNC_COLUMNS) | set(UNAUDITED_COLUMNS.get(table, {}))


def row_digest(table: str, values: Iterable[Any]) -> str:
    """64-bit SHA-256 digest of a row's values as SQLite returns them (text, integers, reals, NULL).

    Over `ascii()` of the tuple: about twice as fast as JSON, which matters for
    the ~100,000 rows of a township, and unlike `repr()` it escapes every
    non-ASCII character, so no Unicode-version change of what counts as
    printable can change a digest.
    """
    return hashlib.sha256(ascii((table, *values)).encode("ascii")).hexdigest()[:16]


def digest_columns(table: str) -> list[str]:
    """The columns a row digest covers: all but the bookkeeping and unaudited ones."""
    skip = _compared(table)
    return [name for name, _ in _columns(table) if name not in skip]


def row_digests(table: str, ids: Iterable[str]) -> dict[str, Any]:
    """`{"cols": [...], "digests": {id: digest}}` of the rows `ids`, read back from the database.

    Read back rather than taken from the package: SQLite converts some
    values on the way in (column affinity), and check compares what is stored.
    """
    cols = digest_columns(table)
    col_sql = ",".join(f'"{c}"' for c in cols)
    at = cols.index("id")
    ids = list(ids)
    out: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        for row in database.execute_sql(
                f'SELECT {col_sql} FROM "{table}" WHERE id IN ({",".join("?" * len(chunk))})', chunk):
            out[row[at]] = row_digest(table, row)
    return {"cols": cols, "digests": out}


def written_rows(writes: dict[str, Iterable[str]]) -> dict[str, Any]:
    """Digests of the rows an import wrote, per table (for its audit entry)."""
    return {table: row_digests(table, ids) for table, ids in writes.items() if ids}


def written_values(writes: dict[str, tuple[list[str], list[Sequence[Any]]]]) -> dict[str, Any]:
    """Like `written_rows`, from the rows as they were written: `{table: (columns, rows)}`, each row with an id.

    A table's digests are taken from the written values when SQLite stores
    each of them unchanged (`_as_stored`), else read back (`row_digests`).
    The import of a 10-year village's full package spent ~17 ms of its
    ~140 ms reading its 3,500 rows back by id (tests/bench/bench_boundary.py).
    """
    out = {}
    for table, (cols, rows) in writes.items():
        if rows:
            out[table] = _as_stored(table, cols, rows) or row_digests(table, [r[cols.index("id")] for r in rows])
    return out


def _as_stored(table: str, cols: list[str], rows: list[Sequence[Any]]) -> dict[str, Any] | None:
    """`row_digests` of `rows` (in `cols` order) computed from the values; None when a value may differ stored.

    SQLite keeps a value as given when its type is the column's affinity: a
    str in a TEXT (CHAR, CLOB, TEXT) column, an int in an INTEGER one, NULL
    anywhere. Anything else (a str in an INTEGER column, a column the rows
    leave to its DEFAULT) could be converted or filled in on the way in, and
    check compares what is stored: then the caller reads the rows back.
    """
    columns = _columns(table)
    skip = _compared(table)
    digested = [(name, decl) for name, decl in columns if name not in skip]
    kinds = []
    for _name, decl in digested:
        if "INT" in decl:
            kinds.append(int)
        elif "CHAR" in decl or "CLOB" in decl or "TEXT" in decl:
            kinds.append(str)
        else:
            return None
    try:
        at = [cols.index(name) for name, _ in digested]
    except ValueError:
        return None
    names = [name for name, _ in digested]
    id_at = names.index("id")
    get = itemgetter(*at)
    prefix, sha256 = (table,), hashlib.sha256
    digests = {}
    for row in rows:
        values = get(row)
        for value, kind in zip(values, kinds, strict=True):
            if value is not None and type(value) is not kind:
                return None
        digests[values[id_at]] = sha256(ascii(prefix + values).encode("ascii")).hexdigest()[:16]
    return {"cols": names, "digests": digests}


def _norm(value: Any, decl: str) -> Any:
    """An audited (JSON) value as SQLite would store it in a column declared `decl`."""
    if isinstance(value, bool):
        value = int(value)
    if decl.startswith("INT"):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value)
            except ValueError:
                return value
    elif isinstance(value, (int, float)) and ("CHAR" in decl or "TEXT" in decl):
        return str(value)
    return value


class _State:
    """What the log says of one record: audited values, or a digest plus the values changed since."""

    __slots__ = ("values", "digest", "base", "complete")

    def __init__(self, complete: bool = False):
        self.values: dict[str, Any] = {}
        self.digest: tuple[tuple[str, ...], str] | None = None
        self.base: dict[str, Any] = {}  # for a digest: each later-changed column's value at digest time
        self.complete = complete


class _Log:
    """The folded log: per table, the record states, and the bare digests of rows no later entry touched.

    Bare digests (most rows of a township: imported and never changed here)
    are kept apart as plain tuples; a `_State` is made only when a later entry
    changes the record.
    """

    def __init__(self, tables: list[str]):
        self.states: dict[str, dict[str, _State]] = {t: {} for t in tables}
        self.digests: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {t: {} for t in tables}

    def fresh(self, table: str, record_id: str, complete: bool) -> _State:
        self.digests[table].pop(record_id, None)
        state = self.states[table][record_id] = _State(complete)
        return state

    def changed(self, table: str, record_id: str) -> _State:
        state = self.states[table].get(record_id)
        if state is None:
            digest = self.digests[table].pop(record_id, None)
            state = self.states[table][record_id] = _State(complete=digest is not None)
            state.digest = digest
        return state


def _fold() -> _Log:
    log = _Log(audited_tables())
    cursor = database.execute_sql(
        "SELECT action, table_name, record_id, old_values, new_values FROM audit_entry ORDER BY id")
    for action, table, record_id, old_text, new_text in cursor:
        if action in _RECORD_ACTIONS and table in log.states:
            new = _loads(new_text)
            if action == "create":
                state = log.fresh(table, record_id, complete=True)
            else:
                state = log.changed(table, record_id)
                if state.digest is not None:
                    old = _loads(old_text)
                    for key in new:
                        state.base.setdefault(key, old.get(key))
            state.values.update(new)
        elif action == "resolve" and table in log.states:
            new = _loads(new_text)
            if new.get("kept") == "incoming":
                values = new.get("values")
                state = log.fresh(table, record_id, complete=isinstance(values, dict))
                if isinstance(values, dict):
                    state.values.update(values)
        elif action in _DIGEST_ACTIONS:
            new = _loads(new_text)
            rows = new.get("rows")
            for t, block in (rows.items() if isinstance(rows, dict) else ()):
                if t not in log.states or not isinstance(block, dict):
                    continue
                cols = tuple(block.get("cols") or ())
                states, digests = log.states[t], log.digests[t]
                for rid, digest in (block.get("digests") or {}).items():
                    states.pop(rid, None)
                    digests[rid] = (cols, digest)
            for t, rid in new.get("gone") or ():
                if t in log.states:
                    log.states[t].pop(rid, None)
                    log.digests[t].pop(rid, None)
    return log


def _loads(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass
class ReplayReport:
    """Outcome of `replay`: how many records were compared and what did not match."""

    records: int = 0
    mismatched: int = 0
    unaudited: int = 0
    missing: int = 0
    problems: list[Message] = field(default_factory=list)
    #: (table, id) of every row that is not as audited (present), and of audited rows that are gone.
    bad_rows: list[tuple[str, str]] = field(default_factory=list)
    gone_rows: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every record is exactly as the audit log last left it."""
        return not (self.mismatched or self.unaudited or self.missing)


class _Table:
    """One audited table as it is now: its columns, and how a row is compared with the log."""

    def __init__(self, table: str):
        columns = _columns(table)
        self.name = table
        self.names = [c for c, _ in columns]
        self.decl = dict(columns)
        self.index = {c: i for i, c in enumerate(self.names)}
        self.skip = _compared(table)
        self._picks: dict[tuple[str, ...], list[int] | None] = {}

    def rows(self):
        col_sql = ",".join(f'"{c}"' for c in self.names)
        return database.execute_sql(f'SELECT {col_sql} FROM "{self.name}"')

    def picks(self, cols: tuple[str, ...]) -> list[int] | None:
        """Where each digested column is in a row now (None: a column the table no longer has)."""
        if cols not in self._picks:
            self._picks[cols] = [self.index[c] for c in cols] if all(c in self.index for c in cols) else None
        return self._picks[cols]

    def digest_differs(self, row: tuple, cols: tuple[str, ...], digest: str, base: dict[str, Any]) -> bool:
        """Whether `row` (with each column changed since put back to its value then) misses `digest`."""
        at = self.picks(cols)
        if at is None:
            return True
        if base:
            then = [_norm(base[c], self.decl[c]) if c in base else row[i] for c, i in zip(cols, at, strict=True)]
        else:
            then = [row[i] for i in at]
        return row_digest(self.name, then) != digest

    def first_difference(self, row: tuple, state: _State) -> tuple[str, Any, Any] | None:
        """(column, audited, now) of the first column that differs; ("", None, None) for a digest."""
        index, skip = self.index, self.skip
        for key, value in state.values.items():
            at = index.get(key)
            if at is None or key in skip:
                continue
            now = row[at]
            # most audited values are stored as they are: `_norm` only for those that are not
            if value != now and _norm(value, self.decl[key]) != now:
                return key, value, now
        if state.digest is not None and self.digest_differs(row, *state.digest, state.base):
            return "", None, None
        return None

    def record(self, row: tuple) -> str:
        return describe(self.name, str(row[self.index["id"]]), dict(zip(self.names, row, strict=True)))


def replay(limit_problems: int = 20) -> ReplayReport:
    """Fold the audit log and compare each audited table's rows with it; the first problems named."""
    report = ReplayReport()
    log = _fold()
    for name in log.states:
        table = _Table(name)
        if table.names:
            _compare(report, table, log, limit_problems)
    for name, states in log.states.items():
        gone = [(rid, state.values) for rid, state in states.items()]
        gone += [(rid, {}) for rid in log.digests[name]]
        for record_id, values in gone:
            report.missing += 1
            report.gone_rows.append((name, record_id))
            if len(report.problems) < limit_problems:
                report.problems.append(msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{record}在审计记录中存在,但已从数据库中删除"),
                    record=describe(name, record_id, values)))
    return report


def _compare(report: ReplayReport, table: _Table, log: _Log, limit: int) -> None:
    """Compare every row of `table` with the log, removing what was matched from `log`."""
    states, digests, at = log.states[table.name], log.digests[table.name], table.index["id"]
    getters: dict[tuple[str, ...], Callable[[tuple], tuple] | None] = {}
    prefix, sha256 = (table.name,), hashlib.sha256
    for row in table.rows():
        report.records += 1
        record_id = row[at]  # text: every audited table has a UUID key
        bare = digests.pop(record_id, None)
        if bare is not None:  # the fast path (most rows of a township): imported, untouched since
            cols, digest = bare
            if cols not in getters:
                picks = table.picks(cols)
                getters[cols] = (None if picks is None else itemgetter(*picks) if len(picks) > 1
                                 else lambda r, i=picks[0]: (r[i],))
            get = getters[cols]
            if get is not None and sha256(ascii(prefix + get(row)).encode("ascii")).hexdigest()[:16] == digest:
                continue
            wrong: tuple[str, Any, Any] | None = ("", None, None)
        else:
            state = states.pop(record_id, None)
            if state is None or not state.complete:
                report.unaudited += 1
                report.bad_rows.append((table.name, record_id))
                if len(report.problems) < limit:
                    report.problems.append(msg(_C, QT_TRANSLATE_NOOP(
                        _C, "{record}没有任何审计记录(不是经本软件写入的)"), record=table.record(row))
                        if state is None else msg(_C, QT_TRANSLATE_NOOP(
                            _C, "{record}的审计记录不完整(没有新建的记录),无法核对"), record=table.record(row)))
                continue
            wrong = table.first_difference(row, state)
            if wrong is None:
                continue
        report.mismatched += 1
        report.bad_rows.append((table.name, record_id))
        if len(report.problems) >= limit:
            continue
        key, was, now = wrong
        if key:
            report.problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{record}的{field}与审计记录不一致:审计记录为 {was},现为 {now}"),
                record=table.record(row), field=field_label(table.name, key),
                was=shown(key, _norm(was, table.decl[key]), table.name),
                now=shown(key, now, table.name)))
        else:
            report.problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{record}的内容与审计记录中的摘要(导入或升级时记下)不一致:此后被改动过"), record=table.record(row)))


def write_baseline(from_version: int) -> bool:
    """Take the rows an older release left without a complete audit into the log, as they are.

    Runs inside the migration transaction that brings a database from
    `from_version` (< `REPLAY_SINCE`) to the current schema, so it happens
    once per database and never on a database created by this release (its
    log is complete from the first row). Returns whether an entry was written.
    """
    found = replay(limit_problems=0)
    if found.ok:
        return False
    by_table: dict[str, list[str]] = {}
    for table, record_id in found.bad_rows:
        by_table.setdefault(table, []).append(record_id)
    audit.append("migration", "baseline", "*", f"schema-{from_version}", None, {
        "reason": f"upgrade from schema {from_version}: rows written before the audit recorded them in full",
        "rows": written_rows(by_table),
        "gone": [list(key) for key in found.gone_rows],
    })
    return True
