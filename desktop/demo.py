"""Believable demo data: a village (the township demo is `desktop.demo_township`).

Deterministic (seeded) so screenshots and benchmarks are repeatable. Each
record area adds its own records here as it lands; the foundation provides the
village, its register of role holders and the demo logins.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from desktop.services import households_service, people_service, record_store, setup_service
from desktop.services.session import SETUP, Session
from models.db import database
from models.entities import MODE_TOWNSHIP, Person, Village
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "demo"
DEMO_PASSWORD = "demo1234"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
# A village has a few dominant surnames; weight them.
VILLAGE_SURNAMES = "王王王王李李李张张陈陈刘杨周吴徐黄"
MALE_GIVEN = "建国志强明华伟军德福春林海平国庆长根永祥金生文光荣贵富兴水清松柏宝山成立新"
FEMALE_GIVEN = "秀英桂兰玉芳淑珍丽梅凤霞翠花红艳春燕小琴美玲晓云金凤菊月娥彩萍素"
VILLAGE_GROUPS = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"]


@dataclass
class DemoResult:
    """What `fill_village` / `demo_township.fill_township` created, for the CLI summary."""

    people: int = 0
    villages: int = 0
    users: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


class _Names:
    """Unique, realistic Chinese names from a seeded generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def make(self, gender: str) -> str:
        pool = MALE_GIVEN if gender == "男" else FEMALE_GIVEN
        for _ in range(1000):
            surname = self.rng.choice(VILLAGE_SURNAMES if self.rng.random() < 0.7 else SURNAMES)
            given = self.rng.choice(pool)
            if self.rng.random() < 0.75:
                given += self.rng.choice(pool)
            name = surname + given
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name space exhausted")

    def make_with(self, rng: random.Random, gender: str, surname: str | None = None) -> str:
        """A unique name drawn from `rng` (not the village's generator), with `surname` when given (a child)."""
        pool = MALE_GIVEN if gender == "男" else FEMALE_GIVEN
        for attempt in range(1000):
            family = surname if surname and attempt < 200 else rng.choice(
                VILLAGE_SURNAMES if rng.random() < 0.7 else SURNAMES)
            given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.8 else "")
            name = family + given
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name space exhausted")


def _refuse_if_not_empty() -> None:
    if Person.select().exists():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这个数据库里已经有人员记录。演示数据只能放进新建的数据库,以免和真实记录混在一起。")))


def _demo_users(mode: str) -> list[tuple[str, str, str]]:
    if mode == "county":
        return [("admin", "管理员", "county_admin"), ("minzheng", "县民政局", "county_staff")]
    if mode == MODE_TOWNSHIP:
        return [("admin", "管理员", "township_admin"), ("shenhe", "审核员", "reviewer")]
    return [("admin", "管理员", "admin"), ("wenshu", "村文书", "secretary"),
            ("jianwei", "监委会主任", "committee")]


def fill_village(session: Session, households: int = 300, years: int = 10, seed: int = 7,
                 progress: Callable[[int, int], None] | None = None, today: date | None = None,
                 diligence: float = 1.0, submit_rules: bool = False, logins: bool = True,
                 election_stage: str = "not_started", election_story: str = "", election_twist: str = "",
                 villagers: bool = True) -> DemoResult:
    """Fill this village installation with a 村委会 of 5, 30 村民代表 and more.

    `years` is how much history later areas generate (meetings, postings).
    The township demo (`desktop.demo_township`) makes each of its villages
    different: `seed` varies names and every area's choices (the default
    keeps the classic demo village), `today` ends the history earlier (a
    village that stopped sending packages), `diligence` below 1 drops or
    delays that share of the meetings, postings and 例会 more than a diligent
    village would, and `submit_rules` sends the 2026 村规民约 draft to the
    township for review. `logins` False makes no demo accounts: the township
    demo's villages exist only to write a package (accounts are never in one),
    nobody logs into them, and each account costs a full-strength scrypt hash
    (~0.4 s; three per village were ~36 s of a 30-village demo).

    Elections (`desktop.demo_elections`): the 2021 换届 is history, and its
    elected are the current 村委会; `election_stage` is how far the 2026 换届
    has got (`demo_elections.STAGES`; "not_started" lets a secretary walk it
    through the screens), `election_twist` an irregularity for the township's
    board, `election_story` "recall" a 2023 罢免 and 补选. `villagers` fills
    the register with the village's other adults (the 选民名单 is built from
    it; `desktop.demo_villagers`).
    """
    info = session.installation_info()
    _refuse_if_not_empty()
    rng = random.Random(seed)
    names = _Names(rng)
    result = DemoResult()
    # The people in office have served since the history begins (re-elected at each 换届), so
    # every meeting the demo makes has a roster on its own date (terms_service.office_holders).
    history_from = f"{(today or date.today()).year - years + 1}-01-01"
    # The current term began with the 2021 换届 (`demo_elections.ELECTION_2021`), which the demo records.
    start = min("2021-04-18", history_from)

    def person(gender: str, group: str | None = None, join: tuple | None = None, **extra) -> Person:
        """A person heading a household of their own, or joining `join` = (household, 与户主关系).

        The random draws stay in the order they always had (name, group,
        birth year), so a seed gives the same village as before.
        """
        result.people += 1
        name = names.make(gender)
        group = group or rng.choice(VILLAGE_GROUPS)
        birth_year = rng.randint(1958, 1995)
        if join is None:
            home = households_service.add_household(session, f"{result.people:04d}", group,
                                                    f"{info.name}{group}{result.people}号")
            join = (home, households_service.HEAD)
        home, relation = join
        return people_service.add_person(
            session, name, gender, village_group=home.village_group, birth_year=birth_year,
            household_entry=home.id, household_relation=relation, **extra)

    with database.atomic():
        for group in VILLAGE_GROUPS:
            households_service.add_group(session, group)
        village = Village.get(Village.code == info.code)
        adults = households * 29 // 10
        record_store.update(session, village, households=households, adult_population=adults)

        committee = []
        # In office since the 2016 换届 (or the history's start): the 2021 换届 re-elects them, and its 当选公告
        # ends these terms and opens the current ones (`demo_elections`).
        committee_start = min("2016-04-24", history_from)
        for role, gender in (("vc_chair", "男"), ("vc_vice", "男"), ("vc_member", "女"),
                             ("vc_member", "男"), ("vc_member", "女")):
            p = person(gender)
            people_service.add_role(session, p, role, committee_start)
            committee.append(p)
        people_service.add_role(session, committee[0], "party_secretary", start)  # 一肩挑
        people_service.add_role(session, committee[1], "party_committee", start)
        for p in committee:
            people_service.add_role(session, p, "party_member", "2010-07-01")

        reps = []
        for i in range(30):
            gender = "女" if i % 5 in (0, 3) else "男"  # 12 women of 30
            p = person(gender, VILLAGE_GROUPS[i % len(VILLAGE_GROUPS)])
            people_service.add_role(session, p, "representative", start)
            reps.append(p)
            if i % 3 == 0:
                people_service.add_role(session, p, "party_member", f"{rng.randint(1990, 2020)}-07-01")
            if i == 3:
                people_service.add_role(session, p, "party_committee", start)
        for rep in reps[: len(VILLAGE_GROUPS)]:  # reps were spread over the groups in order
            people_service.add_role(session, rep, "group_leader", start)

        supervision = [person("男", note="退休会计,熟悉财务"), person("女"), person("男")]
        people_service.add_role(session, supervision[0], "sc_chair", "2021-05-06")
        for p in supervision[1:]:
            people_service.add_role(session, p, "sc_member", "2021-05-06")
        clerk = person("女", note="负责村务档案")
        people_service.add_role(session, clerk, "clerk", start)
        accountant = person("男")
        people_service.add_role(session, accountant, "accountant", start)

        # Family links the conflict checks will need: spouses among representatives,
        # and one committee member's son who is a 村民代表 (allowed; not 监委会).
        people_service.add_kinship(session, reps[1], reps[0], "spouse")
        people_service.add_kinship(session, reps[6], reps[5], "sibling")
        son = person("男", join=(households_service.household(committee[1].household_id), "子"))
        people_service.add_kinship(session, committee[1], son, "parent")
        people_service.add_role(session, son, "representative", start)
        from desktop import demo_elections, demo_villagers

        on = today or date.today()
        demo_villagers.fill_details(session, _area_seed(seed, 19), on)
        if villagers:
            result.people += demo_villagers.add_villagers(session, names, VILLAGE_GROUPS, households, adults,
                                                          _area_seed(seed, 17), on, info.name)
        # Before the meetings: their rosters read who held office on each meeting's date.
        result.counts.update(demo_elections.fill_elections(session, "镇", on, _area_seed(seed, 23), election_stage,
                                                           election_story, election_twist))
        if progress:
            progress(1, 3)
        from desktop.demo_meetings import fill_meetings

        result.counts.update(fill_meetings(session, years, households, seed=_area_seed(seed, 11), today=today,
                                           diligence=diligence))
        from desktop.demo_rules import fill_rules

        result.counts.update(fill_rules(session, info.name, households, today=today, submit=submit_rules,
                                        land=seed % 2 == 0))  # the classic village (seed 7): as it always was
        from desktop.demo_supervision import fill_supervision

        result.counts.update(fill_supervision(session, today=today, seed=_area_seed(seed, 5), diligence=diligence))
        from desktop.demo_disclosure import fill_disclosure

        result.counts.update(fill_disclosure(session, min(years, 3), today=today, seed=_area_seed(seed, 3),
                                             diligence=diligence))
        if progress:
            progress(2, 3)
        # The committee's chair signs with his own login; the secretary's login is the clerk's.
        if logins:
            _create_demo_users(info.mode, result, {"jianwei": supervision[0].id, "wenshu": clerk.id})
        setup_service.mark_demo()
    result.counts.update(people_service.counts())
    if progress:
        progress(3, 3)
    return result


def _area_seed(seed: int, base: int) -> int:
    """An area module's seed: its classic one for the classic village (seed 7), distinct otherwise."""
    return base if seed == 7 else base + 1009 * seed


def _create_demo_users(mode: str, result: DemoResult, persons: dict[str, str] | None = None) -> None:
    """The demo logins; `persons` binds a login to its person in the register (login -> person id)."""
    from models.entities import User

    admin_session = None
    for login, display, role in _demo_users(mode):
        if setup_service.has_users() and admin_session is None:
            from desktop.services.session import cli_session

            admin_session = cli_session(mode)
        try:
            setup_service.create_user(admin_session, login, display, role, DEMO_PASSWORD)
        except ValidationError:
            continue  # the login exists already (an admin made in the wizard)
        if persons and login in persons:
            # Bound to a person, the login is called by the person's name: the status bar greeted
            # the chair as “监委会主任” (a role) where every other place names who signed.
            person = Person.get_by_id(persons[login])
            record_store.update(admin_session or SETUP, User.get(User.login == login), person_id=person.id,
                                display_name=person.name)
        result.users.append(login)
