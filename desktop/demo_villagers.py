"""Demo 花名册: the village's adults besides its office holders, and everyone's 民族, 文化程度, 政治面貌.

An election's 选民名单 is built from the 人员名册, so a demo village whose
register held only its 45 office holders would elect its 村委会 with 45
voters. `add_villagers` fills the register up to the village's adult
population (the households the figures give, three or four adults each: a
户主, a spouse, grown children, some elderly who have since died), in bulk
(`record_store.create_many`: a few hundred households in well under a second).

`fill_details` gives every person a plausible 民族 (mostly 汉族; the 畲族
of Zhejiang's hills, a few brides from elsewhere), 文化程度 (lower for the
old, higher for the young and for office holders) and 政治面貌 (中共党员
exactly for those whose register roles say 党员, 共青团员 for some of the
young, else 群众), so the 换届结果统计表 has something to count.

Deterministic: each function draws from its own seeded generator and never
from the village demo's, so the rest of the demo is unchanged.
"""

from __future__ import annotations

import random
from datetime import date

from desktop.services import record_store
from desktop.services.session import Session
from models.db import database
from models.entities import Household, Kinship, Person, PersonRole

#: Register roles that make a person a 党员.
PARTY_ROLES = ("party_member", "party_secretary", "party_committee")
#: Roles whose holders had, on the whole, more schooling than their neighbours.
OFFICE_ROLES = ("vc_chair", "vc_vice", "vc_member", "party_secretary", "party_committee", "clerk", "accountant",
                "sc_chair", "sc_member")

_LEVELS = ("小学及以下", "初中", "高中", "中专", "大专", "本科", "研究生")
#: Birth decade → weights over `_LEVELS` (rural Zhejiang: the old mostly 小学/初中, the young 大专 and up).
_EDUCATION_WEIGHTS = (
    (1950, (60, 34, 5, 1, 0, 0, 0)),
    (1960, (28, 50, 15, 5, 2, 0, 0)),
    (1970, (10, 50, 22, 10, 6, 2, 0)),
    (1980, (2, 40, 22, 15, 14, 7, 0)),
    (1990, (0, 24, 20, 15, 23, 16, 2)),
    (9999, (0, 15, 24, 15, 26, 18, 2)),
)
_MINORITIES = ("畲族", "畲族", "畲族", "土家族", "苗族", "布依族", "壮族")


def education_for(rng: random.Random, birth_year: int | None, office: bool) -> str:
    """A 文化程度 for someone born in `birth_year` (office holders a step up half the time)."""
    year = birth_year or 1970
    weights = next(w for limit, w in _EDUCATION_WEIGHTS if year < limit)
    level = rng.choices(range(len(_LEVELS)), weights)[0]
    if office:
        level = max(1, level + (rng.random() < 0.5))
    return _LEVELS[min(level, len(_LEVELS) - 2)]


def ethnicity_for(rng: random.Random) -> str:
    """Mostly 汉族; about one in twenty-five of another 民族."""
    return rng.choice(_MINORITIES) if rng.random() < 0.04 else "汉族"


def political_for(rng: random.Random, birth_year: int | None, party: bool, on: date) -> str:
    """中共党员 for a 党员 of the register; 共青团员 for half of those 28 or younger; else 群众."""
    if party:
        return "中共党员"
    if birth_year and on.year - birth_year <= 28 and rng.random() < 0.5:
        return "共青团员"
    return "群众"


def fill_details(session: Session, seed: int, today: date) -> int:
    """Give the people on the register now (the office holders) their 民族, 文化程度, 政治面貌; returns how many.

    One of the 村民代表 who is not a 党员 yet is a 中共预备党员 (the 统计表
    counts 预备党员 as 党员 too).
    """
    rng = random.Random(seed)
    roles: dict[str, set[str]] = {}
    for person_id, role in PersonRole.live().select(PersonRole.person, PersonRole.role).tuples():
        roles.setdefault(person_id, set()).add(role)
    probationer_given = False
    people = list(Person.live().order_by(Person.seq))
    with database.atomic():
        for p in people:
            held = roles.get(p.id, set())
            party = bool(held & set(PARTY_ROLES))
            status = political_for(rng, p.birth_year, party, today)
            if not party and not probationer_given and "representative" in held and status == "群众":
                status, probationer_given = "中共预备党员", True
            record_store.update(session, p, ethnicity=ethnicity_for(rng), political_status=status,
                                education=education_for(rng, p.birth_year, bool(held & set(OFFICE_ROLES))))
    return len(people)


def add_villagers(session: Session, names, groups: list[str], households: int, adults: int, seed: int,
                  today: date, village_name: str) -> int:
    """Fill the register up to `adults` grown-ups in `households` households; returns how many were added.

    `names` is the village demo's name maker (`desktop.demo._Names`: names stay
    unique in the village); its generator is not used here. Each new household
    has a 户主, most a spouse (declared as such: the 委托投票 checks read it), and
    grown children; a few of the oldest died in the last years (their stay
    ended, so a 2026 选民名单 leaves them out while the 2021 one had them).
    """
    rng = random.Random(seed)
    present = Person.live().count()
    existing = Household.live().count()
    todo_households = max(0, households - existing)
    todo_adults = max(0, adults - present)
    if not todo_households or not todo_adults:
        return 0
    per_house = todo_adults / todo_households
    plan_houses = []
    for n in range(todo_households):
        number = existing + n + 1
        group = groups[n % len(groups)]
        plan_houses.append({"number": f"{number:04d}", "village_group": group,
                            "address": f"{village_name}{group}{number}号"})
    house_ids = record_store.create_many(session, Household, plan_houses)
    people: list[dict] = []
    spouses: list[tuple[int, int]] = []  # indexes into `people`
    children: list[tuple[int, int]] = []
    made = 0
    for n, (house_id, house) in enumerate(zip(house_ids, plan_houses, strict=True)):
        size = max(1, round(per_house * (n + 1)) - round(per_house * n))
        head_gender = "男" if rng.random() < 0.88 else "女"
        head_year = rng.randint(1938, 1990)
        members = [(head_gender, head_year, "户主")]
        if size >= 2 and rng.random() < 0.9:
            members.append(("女" if head_gender == "男" else "男", head_year + rng.randint(-4, 4), "配偶"))
        while len(members) < size:
            kid_year = min(head_year + rng.randint(22, 34), today.year - 18 + rng.randint(0, 3))
            if kid_year in (today.year - 18, today.year - 17):
                # Nobody turns 18 around a 2026–2027 vote: such a voter is rightly marked 需核实 by the
                # 选民登记, which the demo's walks through the screens do not expect.
                kid_year = today.year - 19 if kid_year - 2 - head_year >= 20 else today.year - 16
            kid_gender = rng.choice("男女")
            members.append((kid_gender, kid_year, "子" if kid_gender == "男" else "女"))
        head_index = len(people)
        for gender, year, relation in members[:size]:
            name = names.make_with(rng, gender, people[head_index]["name"][0] if relation in ("子", "女") else None)
            left_on = left_kind = left_reason = ""
            if year < 1945 and rng.random() < 0.25:
                # Died in the last years before this village's own today (a township demo's silent
                # village may stop in 2022: its deaths then fall in 2021, never after it).
                died_in = rng.randint(min(2022, today.year - 1), today.year - 1)
                left_on = date(died_in, rng.randint(1, 12), rng.randint(1, 28)).isoformat()
                left_kind, left_reason = "died", "病故"
            people.append({"name": name, "gender": gender, "birth_year": year, "birth_month": rng.randint(1, 12),
                           "village_group": house["village_group"], "household": house["number"],
                           "household_entry": house_id, "household_relation": relation,
                           "ethnicity": ethnicity_for(rng), "education": education_for(rng, year, False),
                           "political_status": political_for(rng, year, False, today),
                           "left_on": left_on, "left_kind": left_kind, "left_reason": left_reason})
            if relation == "配偶":
                spouses.append((len(people) - 1, head_index))
            elif relation != "户主":
                children.append((head_index, len(people) - 1))
            made += 1
    ids = record_store.create_many(session, Person, people)
    links = [{"person": ids[a], "relative": ids[b], "relation": "spouse"} for a, b in spouses]
    links += [{"person": ids[a], "relative": ids[b], "relation": "parent"} for a, b in children]
    record_store.create_many(session, Kinship, links)
    return made
