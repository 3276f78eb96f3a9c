"""A record's change stamp, so a kept draft can tell whether its record changed since.

A draft key names what is edited as "<table>:<id>" (e.g. "meeting:3f…",
"rule_version:9a…"); any other key (a new record: "meeting:new:…") has no
stamp. The stamp is the highest `seq` of the record and of the rows that
belong to it (an article written bumps its own `seq`, not its version's),
plus a mark when the record went to the 回收站. Every write bumps `seq`
(DESIGN §3), so a different stamp means someone wrote the record after the
draft's editing began.
"""

from __future__ import annotations

from models.db import database

#: The rows that belong to a record, by table: (child table, its column naming the record).
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "meeting": (("agenda_item", "meeting_id"), ("resolution", "meeting_id"),
                ("meeting_attendance", "meeting_id")),
    "rule_version": (("rule_article", "version_id"),),
    "disclosure_item": (("financial_posting", "item_id"),),  # its lines are written with the posting
}

#: The stamp of a key whose record is gone entirely.
MISSING = "missing"


def _table_names() -> frozenset[str]:
    rows = database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return frozenset(r[0] for r in rows)


def parse_key(key: str) -> tuple[str, str] | None:
    """("table", "id") of a "<table>:<id>" key, or None for a key naming no stored record."""
    table, _, record_id = key.partition(":")
    if not table or not record_id or ":" in record_id or not table.replace("_", "").isalnum():
        return None
    return table, record_id


def stamp(key: str) -> str | None:
    """The record's change stamp now: None for a key naming no record, `MISSING` when it is gone."""
    parsed = parse_key(key)
    if parsed is None:
        return None
    table, record_id = parsed
    tables = _table_names()
    if table not in tables:
        return None
    row = database.execute_sql(f'SELECT seq, deleted FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
    if row is None:
        return MISSING
    seq, deleted = row
    for child, column in CHILDREN.get(table, ()):
        if child in tables:
            (child_seq,) = database.execute_sql(
                f'SELECT COALESCE(MAX(seq), 0) FROM "{child}" WHERE "{column}" = ?', (record_id,)).fetchone()
            seq = max(seq, child_seq)
    return f"{seq}{'-deleted' if deleted else ''}"
