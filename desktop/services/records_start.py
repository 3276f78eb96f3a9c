"""The day a village began keeping its records in cunwu (what is judged starts there).

Obligations that fell due before a village used the software say nothing
about the village: its 村民代表会议 were held and its 公开栏 was filled on
paper then. The first audited write (the setup wizard's) is that day, unless
older records were entered afterwards, which moves it back to them (each
area decides which of its records count: see
`decisions_service.records_began` and `disclosure_service.records_began`).
"""

from __future__ import annotations

from datetime import date

from models.entities import AuditEntry


def first_audited_day() -> date | None:
    """The day of the first audited write in this data folder (None for an empty one)."""
    first = AuditEntry.select(AuditEntry.at).order_by(AuditEntry.id).first()
    if first is None:
        return None
    try:
        return date.fromisoformat(first.at[:10])
    except ValueError:
        return None
