"""The people of a village's register as the township holds them: who holds which office (read only).

The township needs the register to read meetings and elections (who chaired,
who was elected); the file shows the name, gender, birth year, group and the
offices held, not the phone or the household details.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.rows_by_ids import in_order_of
from desktop.services.session import Session
from desktop.services.village_file.common import owned_row, village_name
from models.db import database
from models.stored_values import stored_int


@dataclass(frozen=True)
class PersonLine:
    """One person of the register."""

    id: str
    name: str
    gender: str
    birth_year: int | None
    village_group: str
    left_on: str
    roles: tuple[str, ...]  # role codes held now (`people_service.PERSON_ROLES`)


@dataclass(frozen=True)
class PersonRecord:
    """One person with every office held, past ones included."""

    id: str
    name: str
    gender: str
    birth_year: int | None
    village_group: str
    household_relation: str
    left_on: str
    left_kind: str
    roles: tuple[tuple[str, str, str], ...]  # (role code, start, end "" while in office)


def people(session: Session, code: str, limit: int | None = None) -> list[PersonLine]:
    """The village's register, those on it before those who left, with the offices each holds now.

    Every person unless `limit` is given (the list once stopped at 5,000
    without a word). Within each part the names come in SQL's code-point
    order (丁, 万, 乔…); the 村民 tab shows them by pinyin
    (`ui.widgets.sorting.natural_key`, which SQLite cannot do), as the
    village's own 人员名册 sorts its 姓名 column.
    """
    village_name(session, code)
    held: dict[str, list[str]] = {}
    for pid, role in database.execute_sql("SELECT person_id, role FROM person_role WHERE owner = ? AND +deleted = 0 "
                                          "AND end_date = '' ORDER BY role", (code,)):
        held.setdefault(pid, []).append(role)
    rows = database.execute_sql("SELECT id, name, gender, birth_year, village_group, left_on FROM person "
                                "WHERE owner = ? AND +deleted = 0 ORDER BY left_on != '', name LIMIT ?",
                                (code, -1 if limit is None else int(limit)))
    return [PersonLine(i, n, g, stored_int(b), vg, lo, tuple(held.get(i, ()))) for i, n, g, b, vg, lo in rows]


def people_ids(session: Session, code: str) -> list[str]:
    """The ids of the village's whole register in the list's order (name order, those who left last), no limit.

    With `people_lines`, the file's list pages the register (a merged
    village has more than the 5,000 people the list once stopped at).
    """
    village_name(session, code)
    return [i for (i,) in database.execute_sql(
        "SELECT id FROM person WHERE owner = ? AND +deleted = 0 ORDER BY left_on != '', name, id", (code,))]


def people_names(session: Session, code: str) -> list[tuple[str, str, bool]]:
    """(id, name, left the register) of the village's whole register, in `people_ids`' order.

    The 村民 tab orders these by pinyin (SQLite orders names by code point:
    丁, 万, 乔…; the pinyin collation is the screen's, `ui.widgets.sorting`).
    Plain tuples in one query: a few thousand are cheap.
    """
    village_name(session, code)
    return [(i, n, bool(lo)) for i, n, lo in database.execute_sql(
        "SELECT id, name, left_on FROM person WHERE owner = ? AND +deleted = 0 ORDER BY left_on != '', name, id",
        (code,))]


def people_lines(session: Session, code: str, ids: list[str]) -> list[PersonLine]:
    """The list lines of `ids` (a chunk of a few hundred) of village `code`, in the order of `ids`."""
    village_name(session, code)
    return in_order_of(ids, lambda chunk, marks: _lines_of(code, chunk, marks))


def _lines_of(code: str, chunk: list[str], marks: str) -> list[PersonLine]:
    """The lines of one chunk of ids, with the offices each holds now (two queries)."""
    held: dict[str, list[str]] = {}
    for pid, role in database.execute_sql(
            f"SELECT person_id, role FROM person_role WHERE person_id IN ({marks}) AND owner = ? "  # noqa: S608
            "AND +deleted = 0 AND end_date = '' ORDER BY role", [*chunk, code]):
        held.setdefault(pid, []).append(role)
    return [PersonLine(i, n, g, stored_int(b), vg, lo, tuple(held.get(i, ())))
            for i, n, g, b, vg, lo in database.execute_sql(
                f"SELECT id, name, gender, birth_year, village_group, left_on FROM person WHERE id IN ({marks}) "  # noqa: S608
                "AND owner = ? AND +deleted = 0", [*chunk, code])]


def person(session: Session, code: str, person_id: str) -> PersonRecord:
    """One person of the village's register.

    Raises:
        NotFound: not a live person of this village.
    """
    village_name(session, code)
    pid, name, gender, birth, group, relation, left_on, left_kind = owned_row(
        "person", person_id, code, "id, name, gender, birth_year, village_group, household_relation, left_on, "
                                   "left_kind")
    roles = tuple(database.execute_sql("SELECT role, start_date, end_date FROM person_role WHERE person_id = ? "
                                       "AND +deleted = 0 ORDER BY start_date, role", (pid,)).fetchall())
    return PersonRecord(pid, name, gender, stored_int(birth), group, relation, left_on, left_kind, roles)
