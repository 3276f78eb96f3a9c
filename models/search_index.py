"""The search index (`search_doc` + `search_fts`, migration 0016) kept in step with the records.

The index is derived data: one row per searchable record, its text put
together by the views `search_src_<kind>` of the migration (a meeting with
its agenda and resolutions, a 公开 item with its table lines, ...). It is
never synced and never audited.

Every write reaches it through two choke points, inside the write's own
transaction: `record_store` (each create/update/delete/restore of a service)
and the package importers (`importer._write`, `recovery._write`) call
`touch(table, ids)` with the rows they wrote; a row of a part (an agenda
item, a table line, a township answer, an article's version) refreshes the
record it belongs to. Refreshing is set-based: the records' rows are deleted
and put together again from the views, so a tombstoned record simply does
not come back. `rebuild()` does it for every record (`cunwu check
--repair-index`); `out_of_step()` tells `check` when the index and the
records disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models.db import database

#: The kinds of record the index holds, in the order results are grouped.
KINDS = ("article", "meeting", "posting", "matter", "notice", "election", "person")

_SELF = "the rows are the records"

#: table -> (kind, SQL that turns the table's row ids into the ids of the records they belong to).
SOURCES: dict[str, tuple[str, str]] = {
    "meeting": ("meeting", _SELF),
    "agenda_item": ("meeting", "SELECT meeting_id FROM agenda_item WHERE id IN ({marks})"),
    "resolution": ("meeting", "SELECT meeting_id FROM resolution WHERE id IN ({marks})"),
    "rule_article": ("article", _SELF),
    "rule_version": ("article", "SELECT id FROM rule_article WHERE version_id IN ({marks})"),
    "rule_set": ("article", "SELECT a.id FROM rule_article a JOIN rule_version v ON v.id = a.version_id "
                            "WHERE v.rule_set_id IN ({marks})"),
    "disclosure_item": ("posting", _SELF),
    "financial_posting": ("posting", "SELECT item_id FROM financial_posting WHERE id IN ({marks})"),
    "financial_line": ("posting", "SELECT p.item_id FROM financial_line l JOIN financial_posting p "
                                  "ON p.id = l.posting_id WHERE l.id IN ({marks})"),
    "supervision_matter": ("matter", _SELF),
    "township_answer": ("matter", "SELECT matter_id FROM township_answer WHERE matter_id IS NOT NULL "
                                  "AND id IN ({marks})"),
    "township_notice": ("notice", _SELF),
    "person": ("person", _SELF),
    "household": ("person", "SELECT id FROM person WHERE household_id IN ({marks})"),
    "election": ("election", _SELF),
}

_COLUMNS = '"kind", "record_id", "village", "day", "title", "body", "parent"'
_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def touch(table: str, ids: Iterable[str]) -> None:
    """Bring the index rows of the records `table`'s rows `ids` belong to up to date (no-op for other tables).

    Call it inside the transaction that wrote the rows, after writing them.
    """
    touch_many({table: ids})


def touch_many(written: dict[str, Iterable[str]]) -> None:
    """`touch` for the rows of many tables at once (an import): each record is put together once."""
    by_kind: dict[str, dict[str, None]] = {}
    for table, ids in written.items():
        source = SOURCES.get(table)
        if source is None:
            continue
        kind, sql = source
        ids = list(dict.fromkeys(str(i) for i in ids))
        records = by_kind.setdefault(kind, {})
        if sql is _SELF:
            records.update(dict.fromkeys(ids))
            continue
        for part in _chunks(ids):
            rows = database.execute_sql(sql.format(marks=_marks(len(part))), part).fetchall()
            records.update(dict.fromkeys(r[0] for r in rows if r[0]))
    for kind, records in by_kind.items():
        if records:
            refresh(kind, list(records))


def refresh(kind: str, record_ids: Sequence[str]) -> None:
    """Rebuild the index rows of these records of `kind` from their current rows (gone when deleted)."""
    if kind not in KINDS:
        raise ValueError(kind)
    for part in _chunks(list(record_ids)):
        marks = _marks(len(part))
        # External-content FTS5: the index forgets a row only when told its old text.
        database.execute_sql(
            f"INSERT INTO search_fts (search_fts, rowid, title, body) SELECT 'delete', id, title, body "
            f"FROM search_doc WHERE kind = ? AND record_id IN ({marks})", [kind, *part])
        database.execute_sql(f"DELETE FROM search_doc WHERE kind = ? AND record_id IN ({marks})", [kind, *part])
        top = database.execute_sql("SELECT coalesce(max(id), 0) FROM search_doc").fetchone()[0]
        database.execute_sql(
            f"INSERT INTO search_doc ({_COLUMNS}) SELECT {_COLUMNS} FROM search_src_{kind} "
            f"WHERE record_id IN ({marks})", part)
        database.execute_sql(
            "INSERT INTO search_fts (rowid, title, body) SELECT id, title, body FROM search_doc WHERE id > ?", [top])


def rebuild() -> int:
    """Put the whole index together again from the records, in one transaction; returns its row count."""
    with database.atomic():
        database.execute_sql("DELETE FROM search_doc")
        database.execute_sql(f"INSERT INTO search_doc ({_COLUMNS}) SELECT {_COLUMNS} FROM search_src")
        database.execute_sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
        return database.execute_sql("SELECT count(*) FROM search_doc").fetchone()[0]


def _records_by_kind() -> dict[str, int]:
    """Searchable records per kind, counted through each kind's own view (its text is never put together)."""
    out = {}
    for kind in KINDS:
        n = database.execute_sql(f"SELECT count(*) FROM search_src_{kind}").fetchone()[0]
        if n:
            out[kind] = n
    return out


def counts() -> tuple[int, int]:
    """(rows in the index, searchable records): equal when the index is in step."""
    indexed = database.execute_sql("SELECT count(*) FROM search_doc").fetchone()[0]
    return indexed, sum(_records_by_kind().values())


def out_of_step() -> bool:
    """Whether the index misses records or holds records that are gone (counted by kind)."""
    indexed = dict(database.execute_sql("SELECT kind, count(*) FROM search_doc GROUP BY kind").fetchall())
    return indexed != _records_by_kind()
