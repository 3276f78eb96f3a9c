"""The records member of a package: tables of rows as compact JSON, compressed.

Rows travel as lists in the order of their table's `columns`, exactly as
stored (TEXT, INTEGER, NULL), so an import writes what the sender had, bit
for bit, and a receiver of an older schema can tell which columns it lacks.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from typing import Any

MAX_PAYLOAD_BYTES = 2 * 1024**3


@dataclass
class TableRows:
    """The rows of one table in a package."""

    name: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def encode(tables: list[TableRows]) -> bytes:
    """Compressed JSON of the tables (empty tables left out)."""
    body = {"tables": [{"name": t.name, "columns": t.columns, "rows": t.rows} for t in tables if t.rows]}
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(raw, 6)


#: The only value types a row may hold (what SQLite gives; no bool, list or dict).
_SCALARS = frozenset({str, int, float, type(None)})


def decode(blob: bytes) -> list[TableRows]:
    """Inverse of `encode`; ValueError for anything that is not what `encode` writes."""
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(blob, MAX_PAYLOAD_BYTES)
    except zlib.error as exc:
        raise ValueError("not zlib") from exc
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("payload too large or truncated")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not JSON") from exc
    if not isinstance(body, dict) or not isinstance(body.get("tables"), list):
        raise ValueError("no tables")
    out = []
    for t in body["tables"]:
        if not (isinstance(t, dict) and isinstance(t.get("name"), str) and isinstance(t.get("columns"), list)
                and isinstance(t.get("rows"), list)):
            raise ValueError("bad table")
        columns = t["columns"]
        if not all(isinstance(c, str) for c in columns) or len(set(columns)) != len(columns):
            raise ValueError("bad columns")
        for row in t["rows"]:
            if not isinstance(row, list) or len(row) != len(columns):
                raise ValueError("bad row")
            if not _SCALARS.issuperset(map(type, row)):
                raise ValueError("bad value")
        out.append(TableRows(t["name"], columns, t["rows"]))
    return out
