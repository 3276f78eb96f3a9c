"""The head of a village's file: who it is, what it last sent, and how much of each record we hold."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.session import Session
from desktop.services.village_file.common import village_name
from models.clock import local_display
from models.db import database

#: The areas counted on the file's head: (key, table).
_COUNTED = (("rule_sets", "rule_set"), ("meetings", "meeting"), ("postings", "disclosure_item"),
            ("matters", "supervision_matter"), ("elections", "election"), ("people", "person"))


@dataclass(frozen=True)
class Summary:
    """A village as its file opens: its name and code, its last package, the records held."""

    code: str
    name: str
    status: str  # the peer's: pending / active / retired
    last_number: int  # the number of its last package imported (0: none yet)
    last_created: str  # when the village wrote that package (local display, "" when none)
    data_as_of: str  # the day of that package: the file shows the village as it was then
    counts: dict[str, int]

    @property
    def has_data(self) -> bool:
        """Whether any package of the village was imported (a file with nothing in it says so)."""
        return self.last_number > 0


def summary(session: Session, code: str) -> Summary:
    """The head of the file of village `code`.

    Raises:
        NotFound: no such village.
    """
    name = village_name(session, code)
    status = database.execute_sql("SELECT status FROM peer WHERE kind = 'village' AND code = ?", (code,)).fetchone()[0]
    last = database.execute_sql(
        "SELECT number, created_at FROM package_log WHERE direction = 'in' AND peer_code = ? "
        "AND status IN ('imported', 'acknowledged') ORDER BY number DESC, id DESC LIMIT 1", (code,)).fetchone()
    number, created = (last[0], last[1]) if last else (0, "")
    shown = local_display(created) if created else ""
    counts = {key: database.execute_sql(
        f"SELECT count(*) FROM {table} WHERE owner = ? AND +deleted = 0", (code,)).fetchone()[0]  # noqa: S608
        for key, table in _COUNTED}
    return Summary(code, name, status, number, shown, shown[:10], counts)
