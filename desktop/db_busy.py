"""SQLite's "database is locked": another program kept the write lock past our wait.

Every connection waits up to 5 s for the write lock (`models.db.PRAGMAS`
busy_timeout). Past that SQLite gives up with "database is locked" — a
database browser left in the middle of a transaction, a backup tool, a
second program on the folder. That is not a bug of ours and must not reach
a person as a traceback: the command line and the window turn it into this
refusal (nothing of the step was saved: the transaction rolled back).
"""

from __future__ import annotations

from models.errors import CunwuError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "db_busy"
#: What SQLite says when its lock wait ran out (sqlite3 and peewee keep the text).
_BUSY_TEXTS = ("database is locked", "database table is locked", "database is busy", "database schema is locked")


class DatabaseBusy(CunwuError):
    """Another program held the database's write lock longer than we wait; nothing was saved."""


def is_busy(exc: BaseException | None) -> bool:
    """True when `exc` (or what it was raised from) is SQLite's lock wait running out."""
    seen = 0
    while exc is not None and seen < 8:
        if type(exc).__name__ == "OperationalError" and any(t in str(exc).lower() for t in _BUSY_TEXTS):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def as_refusal(exc: BaseException) -> CunwuError | None:
    """The Chinese refusal for a lock wait that ran out, else None (any other error is left as it is)."""
    if isinstance(exc, CunwuError) or not is_busy(exc):
        return None
    refusal = DatabaseBusy(msg(_C, QT_TRANSLATE_NOOP(
        _C, "数据库正被另一个程序占用,等了 5 秒仍没有让出,这一步没有保存。"
            "请关闭同时打开这个数据库的其他程序(如另一个村务台账、数据库查看工具)后再试一次。")))
    refusal.__cause__ = exc
    return refusal
