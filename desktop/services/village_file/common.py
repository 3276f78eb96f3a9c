"""What every village-file read shares: the village named must be enrolled, the record must be its own."""

from __future__ import annotations

from typing import Any

from desktop.services.session import Session
from models.db import database
from models.errors import NotFound
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "village_file"


def village_name(session: Session, code: str) -> str:
    """The name of the enrolled village `code` (also a retired one: its records stay readable).

    Raises:
        NotFound: no village of that code was ever enrolled here.
    """
    session.require(Permission.VIEW)
    row = database.execute_sql("SELECT name FROM peer WHERE kind = 'village' AND code = ?", (code,)).fetchone()
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "没有代码为“{code}”的村。"), code=code))
    return row[0]


def owned_row(table: str, record_id: str, code: str, columns: str = "*") -> tuple[Any, ...]:
    """The live row `record_id` of `table` when village `code` owns it.

    `table` is one of ours, never typed by a person (the callers pass literals).

    Raises:
        NotFound: no such record, deleted, or another owner's (said the same way: the file shows only its village).
    """
    row = database.execute_sql(
        f"SELECT {columns} FROM {table} WHERE id = ? AND owner = ? AND +deleted = 0",  # noqa: S608 - literal table
        (record_id, code)).fetchone()
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "这个村的档案里没有这条记录(可能已被删除)。")))
    return row
