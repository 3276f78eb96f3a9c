"""The import's hard boundary: each incoming column and value checked before anything is written.

`models.sync.validator` says what each column of each synced table may hold
(derived from the peewee models); this module turns what it finds into the
refusal a person reads — which table, which record, which field, which value,
and who should send the package again — so the importer only calls it.

Checked here, in this order, each refusing the whole package:
the manifest's own values (no NaN, Infinity or integer beyond 64 bits, a
生成时间 in the app's format), a NOT NULL column the package leaves out, and
every value of every row.
"""

from __future__ import annotations

from typing import Any

from models.db import database
from models.errors import PackageRefused
from models.field_labels import field_label
from models.messages import QT_TRANSLATE_NOOP, msg
from models.sync import fields, policy, validator

_C = "import_boundary"


def _refused(template: str, **params: Any) -> PackageRefused:
    return PackageRefused(msg(_C, template, **params))


def check_manifest(manifest: dict[str, Any]) -> None:
    """Refuse a manifest holding values the exporter never writes.

    A manifest is small and signed; a NaN, an Infinity or an integer ≥ 2^63 in
    it (a package number, an ack) used to end in a traceback when stored.
    """
    if validator.json_problem(manifest) is not None:
        raise _refused(QT_TRANSLATE_NOOP(
            _C, "数据包的清单中有本软件从不写出的值(NaN、Infinity、超出范围的整数或过深的嵌套),已拒绝导入。"))
    created = manifest.get("created_at")
    if not validator.is_stamp(created):
        raise _refused(QT_TRANSLATE_NOOP(
            _C, "数据包的生成时间“{value}”不是本软件写出的时间格式,已拒绝导入。"), value=fields.shown(created))
    restored = manifest.get("restored_at")
    if restored is not None and restored != "" and not validator.is_stamp(restored):
        # it turns the import into a comparison record by record and the witness's verdict into "restored"
        raise _refused(QT_TRANSLATE_NOOP(
            _C, "数据包的“从备份恢复的时间”“{value}”不是本软件写出的时间格式,已拒绝导入。"),
            value=fields.shown(restored))


def column_checks(sender_name: str, table: str, columns: list[str]) -> list[tuple[int, validator.FieldCheck]]:
    """The checks of a table's incoming columns; refuses a package that leaves out a required column.

    Raises:
        PackageRefused: a NOT NULL column without a default is missing (an
            older or tampered sender); it would otherwise fail as an
            IntegrityError half-way through the write.
    """
    present = set(columns)
    missing = validator.missing_columns(table, columns) + [c for c in _sql_required(table) if c not in present]
    if missing:
        raise _refused(QT_TRANSLATE_NOOP(
            _C, "数据包中的{table}缺少必填的一栏“{field}”,本机不能保存。已拒绝导入,请{name}核对后重新导出。"),
            table=policy.label(table), field=field_label(table, missing[0]), name=sender_name)
    return validator.row_checks(table, columns)


def _sql_required(table: str) -> list[str]:
    """This database's NOT NULL columns of `table` without a DEFAULT (an INSERT must name them).

    A column added by a migration has a DEFAULT, so an older sender may leave
    it out; one created with its table has none, and a package without it
    would fail half-way through the write.
    """
    rows = database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
    return [name for _cid, name, _type, notnull, default, pk in rows if notnull and default is None and not pk]


def check_row(sender_name: str, table: str, checks: list[tuple[int, validator.FieldCheck]],
              row: list[Any], number: int) -> None:
    """Refuse the package when one value of `row` (its `number`-th of the table) breaks its column's check."""
    problem = validator.row_problem(checks, row)
    if problem is None:
        return
    raise _refused(QT_TRANSLATE_NOOP(
        _C, "数据包中{table}的第 {n} 条记录的“{field}”{why}(收到的是“{value}”),本机不能保存。"
        "已拒绝导入,请{name}核对后重新导出。"),
        table=policy.label(table), n=number, field=field_label(table, problem.column),
        why=msg(validator.CONTEXT, problem.why), value=_shown(problem.value), name=sender_name)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"{str(value)[:12]}…({len(str(abs(value)))} 位)"
    return fields.shown(value)
