"""Running a service call on a worker thread, with that thread's own connection.

peewee gives each thread its own SQLite connection; a worker thread must open
it before the call and close it after, or the file stays open (and, on
Windows, locked) after the job. The job runner of the UI calls every job
through `in_own_connection`, so services never need `*_in_worker` twins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from models.db import database

T = TypeVar("T")


def in_own_connection(call: Callable[..., T], *args, **kwargs) -> T:
    """`call(*args, **kwargs)` inside a connection opened (and closed) for this thread.

    On a thread that already has an open connection (the UI thread, a test that
    runs the job inline) the existing connection is used and left open.
    """
    if not database.is_closed():
        return call(*args, **kwargs)
    with database.connection_context():
        return call(*args, **kwargs)
