"""This installation (mode, code, name, province), read once instead of on every write.

Every write stamps its owner with the installation's code and many checks
depend on its province, so re-reading the row each time cost a SELECT per
write. The row changes in three places only — `setup_service.initialize`,
`set_province` and `mark_demo` — and each calls `forget()`; a restore calls
it too, and another data folder is another cache key.

Two rules keep the cache true:
- A value read inside a transaction is returned but not kept: the
  transaction may still roll back (a refused first administrator undoes the
  installation it just created).
- A read that raced with `forget()` is not kept either (the generation
  counter), so a thread never re-caches the row as it was before a change.

A change made by another process while this one runs (the command line next
to an open window) is seen after the next restart or province change.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from models.db import database

#: The province profile used before an installation exists.
NATIONAL = "national"


@dataclass(frozen=True)
class InstallationInfo:
    """What the UI shows about this installation."""

    mode: str
    code: str
    name: str
    province: str
    is_demo: bool


_lock = threading.Lock()
_generation = 0
_cached: dict[str, InstallationInfo | None] = {}  # database path → what was read there


def current() -> InstallationInfo | None:
    """This installation, or None before the first-run wizard has finished."""
    key = database.database
    try:
        return _cached[key]
    except KeyError:
        pass
    generation = _generation
    row = database.execute_sql(
        "SELECT mode, code, name, province, is_demo FROM installation WHERE id = 1").fetchone()
    info = InstallationInfo(row[0], row[1], row[2], row[3], bool(row[4])) if row else None
    if not database.in_transaction():
        with _lock:
            if generation == _generation:
                _cached[key] = info
    return info


def forget() -> None:
    """Drop what was read: the installation row was just written (or the file replaced)."""
    global _generation
    with _lock:
        _generation += 1
        _cached.clear()


@contextmanager
def changing() -> Iterator[None]:
    """Around a write to the installation row: forgotten before, and after whatever the outcome."""
    forget()
    try:
        yield
    finally:
        forget()


def code() -> str:
    """This installation's code ("" before initialisation): the default owner of new records."""
    info = current()
    return info.code if info else ""


def province() -> str:
    """The province profile in force (national before initialisation)."""
    info = current()
    return info.province if info else NATIONAL
