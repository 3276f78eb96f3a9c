"""The audit log: append-only rows, each chained to the one before by SHA-256.

Every row's hash covers its own content and the previous row's hash, so
editing, deleting or reordering any row breaks the chain from that row on.
Deleting rows at the end is caught by the *head* (count and last hash) kept in
`app_meta` and updated in the same transaction. SQL triggers refuse UPDATE and
DELETE on the table, so the app itself cannot rewrite history; the chain
catches anyone who edits the file with another tool.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from models.clock import now_utc
from models.db import database
from models.entities import AppMeta, AuditEntry
from models.messages import QT_TRANSLATE_NOOP, Message, msg

GENESIS = "0" * 64
_HEAD_KEY = "audit_head"


def canonical(values: dict[str, Any] | None) -> str:
    """Stable JSON text of a record's values ("" for none)."""
    if values is None:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _row_hash(prev_hash: str, row_id: int, at: str, actor: str, action: str,
              table: str, record_id: str, old: str, new: str) -> str:
    payload = json.dumps(
        [prev_hash, row_id, at, actor, action, table, record_id, old, new],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _read_head() -> tuple[int, str]:
    row = AppMeta.get_or_none(AppMeta.key == _HEAD_KEY)
    if row is None or not row.value:
        return 0, GENESIS
    count, last = row.value.split(":", 1)
    return int(count), last


def append(actor: str, action: str, table: str, record_id: str,
           old: dict[str, Any] | None, new: dict[str, Any] | None) -> AuditEntry:
    """Append one row. Must run inside the caller's write transaction."""
    if not database.in_transaction():
        raise RuntimeError("audit.append must run inside a transaction")
    # Plain SQL: this runs for every write, and peewee's query building would
    # cost more than the statements themselves.
    last = database.execute_sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = last[1] if last else GENESIS
    row_id = (last[0] + 1) if last else 1
    at = now_utc()
    old_text, new_text = canonical(old), canonical(new)
    digest = _row_hash(prev_hash, row_id, at, actor, action, table, record_id, old_text, new_text)
    database.execute_sql(
        "INSERT INTO audit_entry (id, at, actor, action, table_name, record_id, old_values,"
        " new_values, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row_id, at, actor, action, table, record_id, old_text, new_text, prev_hash, digest))
    database.execute_sql("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)",
                         (_HEAD_KEY, f"{row_id}:{digest}"))
    return AuditEntry(id=row_id, at=at, actor=actor, action=action, table_name=table,
                      record_id=record_id, old_values=old_text, new_values=new_text,
                      prev_hash=prev_hash, hash=digest)


@dataclass
class ChainReport:
    """Outcome of `verify_chain`: ok, how many rows, and the first problems found."""

    rows: int = 0
    problems: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def verify_chain(limit_problems: int = 20) -> ChainReport:
    """Recompute every hash in order and compare with the stored head."""
    report = ChainReport()
    expected_prev = GENESIS
    expected_id = 1
    cursor = database.execute_sql(
        "SELECT id, at, actor, action, table_name, record_id, old_values, new_values,"
        " prev_hash, hash FROM audit_entry ORDER BY id"
    )
    for (row_id, at, actor, action, table, record_id, old, new, prev_hash, digest) in cursor:
        report.rows += 1
        if len(report.problems) >= limit_problems:
            continue
        if row_id != expected_id:
            report.problems.append(msg("audit", QT_TRANSLATE_NOOP(
                "audit", "审计记录编号不连续:应为第 {expected} 条,实为第 {actual} 条(有记录被删除)"),
                expected=expected_id, actual=row_id))
        if prev_hash != expected_prev:
            report.problems.append(msg("audit", QT_TRANSLATE_NOOP(
                "audit", "第 {row} 条审计记录与前一条的链接不符(前面的记录被改动或删除)"), row=row_id))
        if _row_hash(prev_hash, row_id, at, actor, action, table, record_id, old, new) != digest:
            report.problems.append(msg("audit", QT_TRANSLATE_NOOP(
                "audit", "第 {row} 条审计记录的内容被改动过"), row=row_id))
        expected_prev = digest
        expected_id = row_id + 1
    head_count, head_hash = _read_head()
    if (head_count, head_hash) != (report.rows, expected_prev if report.rows else GENESIS):
        report.problems.append(msg("audit", QT_TRANSLATE_NOOP(
            "audit", "审计日志的末尾与记录的链头不符(链头记有 {head} 条,实有 {rows} 条,末尾的记录可能被删除)"),
            head=head_count, rows=report.rows))
    return report
