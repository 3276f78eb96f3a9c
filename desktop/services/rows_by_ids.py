"""Rows read for a list of ids a chunk at a time, handed back in the order of the ids.

The paged lists (people, meetings, postings, matters, the village file's tabs)
fetch the lines of the rows a view is about to paint, or of every id after a
header sort. One `IN (…)` per chunk keeps each query under SQLite's variable
limit; a gone or filtered-out id is simply absent from the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar


class _HasId(Protocol):
    id: str


Row = TypeVar("Row", bound=_HasId)

#: Ids per `IN (…)`: well under SQLite's variable limit (999 in older builds).
IDS_PER_QUERY = 900


def in_order_of(ids: Sequence[str], read: Callable[[list[str], str], Iterable[Row]]) -> list[Row]:
    """`read(chunk, marks)` for each chunk of `ids` (`marks`: "?,?,…" for its `IN (…)`), in the order of `ids`."""
    found: dict[str, Row] = {}
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = list(ids[start:start + IDS_PER_QUERY])
        for row in read(chunk, ",".join("?" * len(chunk))):
            found[row.id] = row
    return [found[i] for i in ids if i in found]
