"""The village's 换届 record, read and judged exactly as the township's 换届 board reads it.

`election_board_service.load_villages` for this one village, then the board's
rules (`models.township.elections_board.village_row`): the file's 换届 tab and
the board never disagree about a village.
"""

from __future__ import annotations

from datetime import date

from desktop.services.election_board_service import load_villages
from desktop.services.session import Session
from desktop.services.village_file.common import village_name
from desktop.services.village_file.summary import summary
from models.township import elections_board as eb
from models.township.elections_board import BoardRow


def election(session: Session, code: str, today: date | None = None, election_id: str | None = None) -> BoardRow:
    """The village's 换届 (its latest, the 补选 and 罢免 since) with the board's findings.

    `election_id` (a search hit's or a link's): that 换届 with the 补选 of its term, or that 补选
    with the 换届 of its term, judged by the same rules; an id the village does not hold shows the latest.
    """
    name = village_name(session, code)
    as_of = summary(session, code).data_as_of
    pinned = {code: election_id} if election_id else None
    village = load_villages([(code, name, as_of)], today or date.today(), pinned)[0]
    return eb.village_row(village, today or date.today())


def has_election(session: Session, code: str) -> bool:
    """Whether any 换届 or 补选 of the village is on record (the tab says so when none)."""
    from models.db import database

    village_name(session, code)
    return database.execute_sql("SELECT 1 FROM election WHERE owner = ? AND +deleted = 0 LIMIT 1",
                                (code,)).fetchone() is not None
