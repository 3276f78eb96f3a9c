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

from desktop.sync.package_format import DuplicateKey, duplicate_key, refused, unique_keys
from models.messages import QT_TRANSLATE_NOOP

_C = "package"  # the refusals are the package reader's (`package_format.refused`)

#: The most a records member may inflate to, whatever its size (a village's ten years are a few MB).
MAX_PAYLOAD_BYTES = 512 * 1024**2
#: Records JSON compresses about 5:1; a member inflating more than this many times its size is a bomb...
MAX_RATIO = 50
#: ...unless it stays below this (a small package of repeated text may compress better).
MIN_ALLOWANCE = 32 * 1024**2
#: Inflated in pieces of this size, so memory follows the cap, never the bomb.
_PIECE = 1024**2


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


def inflate_limit(compressed: int) -> int:
    """How many bytes a records member of `compressed` bytes may inflate to."""
    return min(MAX_PAYLOAD_BYTES, max(MIN_ALLOWANCE, MAX_RATIO * compressed))


def inflate(blob: bytes, limit: int) -> bytearray:
    """The inflated bytes of `blob`, streaming: never more than `limit` (+ one piece) in memory.

    Raises:
        PackageRefused: it would inflate past `limit`.
        ValueError: not zlib, or truncated.
    """
    inflater = zlib.decompressobj()
    out = bytearray()
    data = blob
    try:
        while data:
            out += inflater.decompress(data, _PIECE)
            data = inflater.unconsumed_tail
            if len(out) > limit:
                raise _too_large(limit)
            if inflater.eof:
                break
        out += inflater.flush()
    except zlib.error as exc:
        raise ValueError("not zlib") from exc
    if len(out) > limit:
        raise _too_large(limit)
    if not inflater.eof or inflater.unused_data:
        raise ValueError("truncated or trailing data")
    return out


def _too_large(limit: int):
    return refused(QT_TRANSLATE_NOOP(
        _C, "数据包中的记录解压后超过 {mb} MB,远多于任何一个村的台账(可能是恶意构造的“压缩炸弹”)。已拒绝导入。"),
        mb=limit // 1024**2)


#: A row is at least five values (id, owner, seq, updated_at, deleted), far more than this many bytes per
#: list: a payload of bare `[],[],…` (or `{},…`) would cost some 20 times its size in Python objects
#: (checked above a megabyte: below, even that costs little).
_BYTES_PER_CONTAINER = 16


def _no_float(text: str) -> Any:
    raise refused(QT_TRANSLATE_NOOP(
        _C, "数据包中的记录含有小数“{value}”,本软件的记录中没有小数(金额以分为单位的整数保存)。已拒绝导入。"),
        value=text[:20])


def _no_constant(name: str) -> Any:
    raise refused(QT_TRANSLATE_NOOP(
        _C, "数据包中的记录含有“{value}”,它不是数,本软件从不写出这样的值。已拒绝导入。"), value=name)


def decode(blob: bytes) -> list[TableRows]:
    """Inverse of `encode`; ValueError for anything that is not what `encode` writes.

    Inflated with a hard cap (`inflate_limit`), parsed with the interpreter's
    nesting limit (a JSON nested 200,000 deep is refused, not a
    RecursionError); NaN/Infinity and decimals, which `encode` never writes
    (no column holds a float), and a text of mostly empty lists, which would
    cost many times its size to parse, are refused before or while parsing.

    Raises:
        PackageRefused: a bomb, nesting too deep, NaN or Infinity (with the reason).
        ValueError: anything else that is not what `encode` writes.
    """
    raw = inflate(blob, inflate_limit(len(blob)))
    if len(raw) > _PIECE and (raw.count(b"[") + raw.count(b"{")) * _BYTES_PER_CONTAINER > len(raw):
        raise refused(QT_TRANSLATE_NOOP(
            _C, "数据包中的记录不是本软件写出的格式(几乎全是空的列表,可能是恶意构造的)。已拒绝导入。"))
    try:
        text = raw.decode("utf-8")
        del raw  # the text is the only copy from here on
        body = json.loads(text, parse_constant=_no_constant, parse_float=_no_float, object_pairs_hook=unique_keys)
    except DuplicateKey as exc:
        raise duplicate_key(exc) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not JSON") from exc
    except RecursionError as exc:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "数据包中的记录嵌套过深,不是本软件写出的格式(可能是恶意构造的)。已拒绝导入。")) from exc
    del text
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
