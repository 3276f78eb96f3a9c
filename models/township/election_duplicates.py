"""Perhaps registered in two places: the same villager on two villages' 选民名单 (组织法 第十三条第三款).

"已在户籍所在村或者居住村登记参加选举的村民，不得再参加其他地方村民委员会的选举。" A village
sees only its own list; the township holds every village's list (from the packages) and is the
one place where a villager registered both where the 户籍 is and where he lives shows up.

The packages carry no ID numbers (the app keeps none), so a person can only be guessed from name,
sex, birth year and birth month — all four must be known (a line without a birth month never
matches: name and year alone say too little), and a match is a suspicion, never a fact: the
finding is a warning worded as one ("可能在两个村都登记了"), for both villages, asking them to
check with each other. And the article's case is a villager registered both where the 户籍 is
and where he lives: one of the two lines is then an 外出参选 line (户籍 here, living elsewhere) or
an 外来 line (living here, 户籍 elsewhere). Two 户籍-and-residing lines with the same name and
birth are two people far more often than one, so only keys with such a line are compared.

Pure: `desktop/services/election_board_rolls.py` reads (in SQL, only the keys on two lists), this
module judges them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from models.elections.records import VOTER_RESIDENT as RESIDENT
from models.legal import organic_law
from models.meetings.quorum import WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.township.elections_board import REGISTERED_TWICE, BoardFinding

_C = "elections_board"

#: 组织法 (2018) 第十三条: 选民登记, and nobody on two villages' lists.
ART_VOTERS = 13
#: How many names one village's warning lists before "等N人".
NAMES_SHOWN = 5


@dataclass(frozen=True)
class RollLine:
    """One live line of a village's current 选民名单, as the township's copy holds it."""

    village_code: str
    name: str
    birth_year: int | None
    birth_month: int | None
    election_day: str = ""  # the village's election day (picks the 组织法 text cited)
    category: str = RESIDENT  # resident / away / incomer (`models.elections.records` VOTER_*)
    gender: str = ""


def _birth(year: int, month: int) -> str:
    return f"{year}年{month}月"


def registered_twice(lines: Iterable[RollLine], village_names: dict[str, str]) -> dict[str, tuple[BoardFinding, ...]]:
    """Village code → its warning (one per village) naming who is also on another village's list.

    `village_names`: code → name, for the sentence. Villages with nobody in common get no entry.
    """
    where: dict[tuple[str, int, int, str], set[str]] = defaultdict(set)
    moved: set[tuple[str, int, int, str]] = set()  # keys with an 外出 or 外来 line
    days: dict[str, str] = {}
    for line in lines:
        if line.election_day:
            days.setdefault(line.village_code, line.election_day)
        name, gender = (line.name or "").strip(), (line.gender or "").strip()
        month = line.birth_month if line.birth_month and 1 <= line.birth_month <= 12 else None
        if not name or not gender or not line.birth_year or month is None:
            continue  # all four known, or no match: a name and a year alone say too little
        key = (name, line.birth_year, month, gender)
        where[key].add(line.village_code)
        if line.category != RESIDENT:
            moved.add(key)
    shared: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
    for (name, year, month, gender), villages in where.items():
        if len(villages) < 2 or (name, year, month, gender) not in moved:
            continue
        for code in villages:
            others = [village_names.get(c, c) for c in sorted(villages) if c != code]
            shared[code].append((name, f"{gender},出生{_birth(year, month)}", others))
    out: dict[str, tuple[BoardFinding, ...]] = {}
    for code, people in shared.items():
        people.sort()
        day = days.get(code, "")
        shown = "、".join(f"{name}({birth},另一村:{'、'.join(others)})" for name, birth, others in people[:NAMES_SHOWN])
        more = len(people) - NAMES_SHOWN
        template = (QT_TRANSLATE_NOOP(
            _C, "可能在两个村都登记了:{people}等{n}人,与其他村选民名单上的人同名、同性别、同出生年月,请与两村核实"
                "(只凭姓名和出生年月,不能断定是同一人);已在户籍所在村或者居住村登记参加选举的村民,"
                "不得再参加其他地方村民委员会的选举。") if more > 0 else QT_TRANSLATE_NOOP(
            _C, "可能在两个村都登记了:{people},与其他村选民名单上的人同名、同性别、同出生年月,请与两村核实"
                "(只凭姓名和出生年月,不能断定是同一人);已在户籍所在村或者居住村登记参加选举的村民,"
                "不得再参加其他地方村民委员会的选举。"))
        finding = Finding(WARNING, msg(_C, template, people=shown, n=len(people)),
                          organic_law(ART_VOTERS, on=day or None))
        out[code] = (BoardFinding(REGISTERED_TWICE, finding),)
    return out
