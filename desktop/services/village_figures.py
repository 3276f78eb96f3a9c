"""The village's 户数 and 18 岁以上人口 (quorum inputs): the official 户籍 figure or the register's count.

`Village.figures_source` says which the village uses: "" for the figures an
office typed (the 户籍 figures of the police station, kept as typed), or
"register" to follow the register — then every write to the register
refreshes the stored figures in its own transaction (`follow_register`), so
meetings and packages read the same numbers the register shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import installation, record_store
from desktop.services.session import Session
from models.db import database
from models.entities import Village
from models.errors import NotFound, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "people"
SOURCE_TYPED, SOURCE_REGISTER = "", "register"
#: More than any 行政村 has; keeps a typo from becoming a quorum of millions.
_MAX = 10**6


@dataclass(frozen=True)
class RegisterCounts:
    """What the register says on `on`: households with members on it, adults, and people without 出生年月."""

    on: date
    households: int
    adults: int
    unknown_birth: int


@dataclass(frozen=True)
class VillageFigures:
    """The figures the village uses (`households`, `adult_population`) and where they come from."""

    households: int
    adult_population: int
    source: str  # SOURCE_TYPED or SOURCE_REGISTER
    register: RegisterCounts


def register_counts(on: date | None = None) -> RegisterCounts:
    """Count from the register: 户 with someone on it, and people aged 18 or more on `on` (today).

    Age comes from 出生年月: a person born in May 2008 is counted from May
    2026 on; with only the year known, from the January of the year after
    they turn 18 (never counted too early). People with no birth year are
    not counted and are reported in `unknown_birth`.
    """
    on = on or date.today()
    households = database.execute_sql(
        "SELECT count(DISTINCT household_id) FROM person"
        " WHERE deleted = 0 AND left_on = '' AND household_id IS NOT NULL").fetchone()[0]
    limit_year, limit_month = on.year - 18, on.month
    adults, unknown = database.execute_sql(
        # A year that is no integer (text stored by an older import) is as unknown as an empty one.
        "SELECT coalesce(sum(CASE WHEN typeof(birth_year) != 'integer' THEN 0"
        "  WHEN birth_year < ? THEN 1"
        "  WHEN birth_year = ? AND typeof(birth_month) = 'integer' AND birth_month <= ? THEN 1 ELSE 0 END), 0),"
        " coalesce(sum(CASE WHEN typeof(birth_year) != 'integer' THEN 1 ELSE 0 END), 0)"
        " FROM person WHERE deleted = 0 AND left_on = ''", [limit_year, limit_year, limit_month]).fetchone()
    return RegisterCounts(on, households, adults, unknown)


def _village() -> Village:
    village = Village.get_or_none(Village.code == installation.code())
    if village is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "本机不是村版,没有村的户数和人口。")))
    return village


def figures(on: date | None = None) -> VillageFigures:
    """The figures in use, with the register's count beside them."""
    village = _village()
    counts = register_counts(on)
    if village.figures_source == SOURCE_REGISTER:
        return VillageFigures(counts.households, counts.adults, SOURCE_REGISTER, counts)
    return VillageFigures(village.households or 0, village.adult_population or 0, SOURCE_TYPED, counts)


def set_official(session: Session, households: int, adult_population: int) -> None:
    """Keep the typed official (户籍) figures; the register no longer changes them."""
    session.require(Permission.EDIT_REGISTER)
    for value in (households, adult_population):
        if not isinstance(value, int) or not 0 <= value < _MAX:
            raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "户数和人口应是 0 到 999999 之间的整数。")))
    record_store.update(session, _village(), households=households, adult_population=adult_population,
                        figures_source=SOURCE_TYPED)


def use_register(session: Session) -> None:
    """Follow the register from now on (the 用名册数字 button), storing today's count."""
    session.require(Permission.EDIT_REGISTER)
    counts = register_counts()
    record_store.update(session, _village(), households=counts.households, adult_population=counts.adults,
                        figures_source=SOURCE_REGISTER)


def follow_register(session: Session) -> None:
    """After a write to the register: refresh the stored figures when the village follows the register.

    Nothing is written when the village keeps typed figures, is not a village, or the count did not move.
    """
    village = Village.get_or_none(Village.code == installation.code())
    if village is None or village.figures_source != SOURCE_REGISTER:
        return
    counts = register_counts()
    record_store.update(session, village, households=counts.households, adult_population=counts.adults)
