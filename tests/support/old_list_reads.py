"""The 村务公开 and 监督事项 lists as they were read before issue 20: every live row as a record.

Kept as the reference the paged reads are checked against (`tests/unit/test_lists_more_paging.py`)
and the "before" the bench times (`tests/bench/bench_lists_more.py`): one copy, so both compare
with the same old read.
"""

from __future__ import annotations

from datetime import date


def old_items(year: int | None = None, category: str | None = None) -> list:
    """`list_items` as it was: every live item as a record, newest period first."""
    from desktop.services import disclosure_service as ds
    from models.disclosure.records import DisclosureItem

    query = DisclosureItem.live()
    if year:
        query = query.where(DisclosureItem.period.startswith(f"{year:04d}"))
    if category:
        query = query.where(DisclosureItem.category == category)
    return [ds._row(i) for i in query.order_by(DisclosureItem.period.desc(), DisclosureItem.seq.desc())]


def old_matters(today: date | None = None) -> list:
    """`list_matters` as it was: every live matter as a record, sorted in Python (open, overdue first)."""
    from desktop.services import supervision_service as ss
    from models.supervision import matters as mm
    from models.supervision.records import SupervisionMatter

    today = today or date.today()
    rows = []
    for m in SupervisionMatter.live().order_by(SupervisionMatter.opened_on.desc()):
        f = ss._facts(m)
        rows.append(ss.MatterRow(m.id, m.title, m.area, m.opened_on, mm.state(f), m.deadline,
                                 mm.overdue(f, today), bool(m.escalated_on)))
    rows.sort(key=lambda r: (r.state == mm.CLOSED, not r.overdue))
    return rows
