"""Stored values the import boundary would refuse today, named for `cunwu check`.

Why: a township or village that imported packages before the boundary checked
field values (issue 16) may hold `escalated_on = "2026-02-30"`, text in an
INTEGER column, `deleted = "yes"`. The readers now take such a value as unknown
(`models.stored_values`), so nothing breaks, but a record with a bad date is
silently left out of what is reckoned from it; `check` names each one
("监督事项“…”的上报乡镇日期“2026-02-30”不是存在的日期(来自较早导入的数据包)") so
that someone can ask the village that sent it to correct and send it again.

The boundary's own checks (`models.sync.validator`) decide what is bad, so the
two can never disagree; SQL picks the candidates, so a clean database of a
hundred thousand records is scanned in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import audit_names, field_labels
from models.db import database
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.sync import validator
from models.sync.policy import SYNCED_TABLES

_C = "stored_problems"

#: How many bad values `check` lists one by one (the rest are counted).
LISTED = 50

#: Per kind of column: an SQL condition true for every value that may be bad (a superset; the
#: validator decides), and what is wrong with a bad one.
_CANDIDATES = {
    # '+0 days' makes SQLite carry an impossible day over (2026-02-30 → 2026-03-02); without it, it is kept.
    "date": "typeof({c}) != 'text' OR date({c}, '+0 days') IS NOT {c}",
    "month": "typeof({c}) != 'text' OR date({c} || '-01', '+0 days') IS NOT {c} || '-01'",
    "timestamp": "typeof({c}) != 'text' OR date(substr({c}, 1, 10), '+0 days') IS NOT substr({c}, 1, 10)"
                 " OR {c} NOT GLOB '????-??-??T??:??:??*Z'",
    "integer": "typeof({c}) != 'integer'",
    "money": "typeof({c}) != 'integer' OR abs({c}) > {max_fen}",
    "year": "typeof({c}) != 'integer' OR {c} NOT BETWEEN 1850 AND 2200",
    "boolean": "typeof({c}) != 'integer' OR {c} NOT IN (0, 1)",
}
_WHAT = {
    "date": QT_TRANSLATE_NOOP(_C, "不是存在的日期"),
    "month": QT_TRANSLATE_NOOP(_C, "不是存在的月份"),
    "timestamp": QT_TRANSLATE_NOOP(_C, "不是本软件写的时间"),
    "integer": QT_TRANSLATE_NOOP(_C, "不是整数,已按 0 或空计"),
    "money": QT_TRANSLATE_NOOP(_C, "不是以分计的金额,已按 0 计"),
    "year": QT_TRANSLATE_NOOP(_C, "不是年份,已按空计"),
    "boolean": QT_TRANSLATE_NOOP(_C, "不是“是/否”"),
}
_IMPORTED = QT_TRANSLATE_NOOP(_C, "{record}的{field}“{value}”{what}(来自较早导入的数据包,请让发来的一方改正后重新发送)")
_OWN = QT_TRANSLATE_NOOP(_C, "{record}的{field}“{value}”{what}(不是本软件写入的,可能有人绕过本软件改动了数据库)")


@dataclass
class StoredReport:
    """The bad stored values found: `problems` lists the first `LISTED`, `count` counts them all."""

    count: int = 0
    problems: list[Message] = field(default_factory=list)


def _what(kind: str, value: object, reason: str | None) -> str:
    if reason == validator.BLANK:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "不能为空")))
    if reason == validator.OUT_OF_RANGE and kind in ("integer", "money"):
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "超出了允许的范围")))
    return str(msg(_C, _WHAT[kind]))


def scan(own_owner: str) -> StoredReport:
    """Every value of a typed column of a synced record that the import boundary would refuse.

    `own_owner`: this installation's code; a bad value in a record it owns was
    not imported, and is said to come from outside the software.
    """
    from models.disclosure.money import MAX_FEN

    report = StoredReport()
    for table in SYNCED_TABLES:
        checks = [c for c in validator.table_checks(table).values() if c.kind in _CANDIDATES]
        for check in checks:
            where = _CANDIDATES[check.kind].format(c=f'"{check.column}"', max_fen=MAX_FEN)
            rows = database.execute_sql(
                f'SELECT id, owner, "{check.column}" FROM "{table}" WHERE {where} ORDER BY rowid').fetchall()
            for record_id, owner, value in rows:
                reason = check.check(value)
                if reason is None:
                    continue
                report.count += 1
                if len(report.problems) < LISTED:
                    report.problems.append(_problem(table, check, record_id, owner, value, reason, own_owner))
    return report


def _problem(table: str, check: validator.FieldCheck, record_id: str, owner: str, value: object,
             reason: str, own_owner: str) -> Message:
    row = database.execute_sql(f'SELECT * FROM "{table}" WHERE id = ?', (record_id,))
    columns = [d[0] for d in row.description]
    found = row.fetchone()
    record = audit_names.describe(table, record_id, dict(zip(columns, found, strict=True)) if found else None)
    return msg(_C, _OWN if owner == own_owner else _IMPORTED, record=record,
               field=field_labels.field_label(table, check.column), value=audit_names.shown("", value),
               what=_what(check.kind, value, reason))
