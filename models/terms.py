"""Terms of office (任期): who holds an office on a date, and whether the offices are well filled.

Qt-free rules over plain facts; `desktop.services.terms_service` reads the
records and hands them here. Every engine that asks "who holds office on
date D" goes through `holds_on`, so a person who left in 2025 is not on a
2026 meeting's list but is on a 2024 one.

An office's end date is the day it ended (the first day not in office): a
successor may start on that same day without two 主任 at once.

The checks are warnings (组织法 sets them; a village may be mid-way through a
by-election), never refusals; refusals (two 主任 at once) are the service's.
Each finding cites the 组织法 text in force on the date it is about
(`organic_law_on`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.legal import ORGANIC_2025_IN_FORCE, LegalBasis, organic_law
from models.meetings.quorum import INFO, WARNING, Finding
from models.meetings.ratios import FOUR_FIFTHS_OR_MORE, ONE_THIRD_OR_MORE
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "terms"

#: The 2025 amendment's first day in force (ISO), kept for the term records that compare strings.
AMENDMENT_2025_IN_FORCE = ORGANIC_2025_IN_FORCE.isoformat()

VILLAGE_COMMITTEE = ("vc_chair", "vc_vice", "vc_member")
PARTY = ("party_secretary", "party_committee")
#: Offices held by one person at a time (per `scope` for a 村民小组长).
SINGLE_HOLDER = ("vc_chair", "party_secretary", "group_leader")


def organic_law_on(article_2018: int, on: str) -> LegalBasis:
    """The 组织法 article (given in 2018 numbering) as the text in force on `on` (ISO date) numbers it."""
    return organic_law(article_2018, on)


#: 组织法 (2018) 第十一条: 村民委员会每届任期五年; the 村务监督委员会 changes with it (same term).
TERM_YEARS = 5
TERM_ARTICLE_2018 = 11


def default_term_last_day(start: date) -> date:
    """The last day of a five-year term that begins on `start` (start + 5 years − 1 day).

    A term begun on 29 February ends on 28 February five years on (the
    anniversary falls on 1 March then).
    """
    try:
        anniversary = start.replace(year=start.year + TERM_YEARS)
    except ValueError:  # 29 February, no such day five years on
        anniversary = date(start.year + TERM_YEARS, 3, 1)
    return anniversary - timedelta(days=1)


def term_basis(start: date) -> LegalBasis:
    """The 组织法 text in force on `start` that sets the five-year term (2018 第十一条, or the 2025 text)."""
    return organic_law_on(TERM_ARTICLE_2018, start.isoformat())


def holds_on(start: str, end: str, on: str) -> bool:
    """Whether an office from `start` to `end` ("" = open) is held on `on` (ISO dates, end exclusive)."""
    return (not start or start <= on) and (not end or on < end)


@dataclass(frozen=True)
class Holder:
    """One person in one office, as the checks need it."""

    person_id: str
    name: str
    gender: str
    role: str
    start: str = ""
    end: str = ""
    scope: str = ""
    #: Household ids a 村民代表 represents.
    households: tuple[str, ...] = field(default_factory=tuple)


def sitting(holders: list[Holder] | tuple[Holder, ...], on: str) -> list[Holder]:
    """The holders in office on `on`."""
    return [h for h in holders if holds_on(h.start, h.end, on)]


def check_village_committee(members: list[Holder], on: str) -> list[Finding]:
    """The sitting 村委会 on `on`: three to seven members, and a woman among them (组织法 第六条)."""
    out: list[Finding] = []
    people = {h.person_id: h for h in members if h.role in VILLAGE_COMMITTEE}
    if not people:
        return [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(_C, "还没有登记村民委员会成员。")),
                        organic_law_on(6, on))]
    n = len(people)
    if not 3 <= n <= 7:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民委员会现有 {n} 人;主任、副主任和委员共三至七人。"), n=n), organic_law_on(6, on)))
    if not any(h.gender == "女" for h in people.values()):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民委员会成员中没有妇女;村民委员会成员中应当有妇女成员。")), organic_law_on(6, on)))
    if not any(h.role == "vc_chair" for h in people.values()):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民委员会现在没有主任。")), organic_law_on(6, on)))
    return out


@dataclass(frozen=True)
class RepresentativeRules:
    """The numbers for 村民代表: national (每五户至十五户推选一人) unless the province sets its own."""

    households_low: int = 5
    households_high: int = 15
    basis_article: int = 25  # 组织法 (2018 numbering)
    #: (population below, at least this many representatives), from the province (浙江 第十八条).
    minimum_by_population: tuple[tuple[int | None, int], ...] = ()
    minimum_basis: LegalBasis | None = None
    #: 浙江 第二十条: 同户不得产生二名以上村民代表.
    one_per_household: bool = False
    one_per_household_basis: LegalBasis | None = None


_ZJ = "浙江省实施《中华人民共和国村民委员会组织法》办法"

#: Province code -> its numbers (provinces not listed use the national rule).
REPRESENTATIVE_RULES: dict[str, RepresentativeRules] = {
    "national": RepresentativeRules(),
    "zhejiang": RepresentativeRules(
        minimum_by_population=((500, 30), (1000, 40), (None, 50)),
        minimum_basis=LegalBasis(_ZJ, "2020", 18, "zhejiang"),
        one_per_household=True,
        one_per_household_basis=LegalBasis(_ZJ, "2020", 20, "zhejiang"),
    ),
}


def representative_rules(province: str) -> RepresentativeRules:
    """The province's numbers for 村民代表, the national ones when it sets none."""
    return REPRESENTATIVE_RULES.get(province, REPRESENTATIVE_RULES["national"])


@dataclass(frozen=True)
class Household:
    """A household as the representative checks need it: its id, label, and the people in it."""

    id: str
    label: str
    member_ids: frozenset[str] = frozenset()


def check_representatives(reps: list[Holder], committee_size: int, households: list[Household],
                          on: str, province: str = "national", population: int = 0) -> list[Finding]:
    """The sitting 村民代表 on `on` against 组织法 第二十五条 and the province's numbers (all warnings).

    `committee_size`: sitting 村委会 members (the 村民代表会议 is them plus the
    representatives). `households`: the village's households (for labels and
    the total). `population`: the village's people, for a province's minimum.
    """
    rules = representative_rules(province)
    basis = organic_law_on(rules.basis_article, on)
    out: list[Finding] = []
    reps = [h for h in reps if h.role == "representative"]
    if not reps:
        return [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(_C, "还没有登记村民代表。")), basis)]
    low, high = rules.households_low, rules.households_high
    label = {h.id: h.label for h in households}
    ordered = sorted(reps, key=lambda h: h.name)
    without = [r.name for r in ordered if not r.households]
    if without:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 名村民代表还没有登记联系的户:{names}。"), n=len(without), names=_names(without)), basis))
    outside = [f"{r.name}({len(set(r.households))} 户)" for r in ordered
               if r.households and not low <= len(set(r.households)) <= high]
    if outside:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民代表一般每五户至十五户推选一人,这些代表联系的户数不在此范围:{names}。"),
            names=_names(outside)), basis))
    if households:
        total = len(households)
        if total < low * len(reps) or total > high * len(reps):
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "全村 {households} 户,村民代表 {reps} 人;按每五户至十五户推选一人,应为 {least} 到 {most} 人。"),
                households=total, reps=len(reps), least=-(-total // high), most=total // low), basis))
    counted = Counter(hid for r in reps for hid in set(r.households))
    doubles = [f"{label.get(hid, hid)}({'、'.join(sorted(r.name for r in reps if hid in r.households))})"
               for hid, times in sorted(counted.items(), key=lambda kv: label.get(kv[0], kv[0])) if times > 1]
    if doubles:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 户同时由两名以上村民代表联系,一户应只由一名村民代表联系:{households}。"),
            n=len(doubles), households=_names(doubles, 6)), basis))
    members = committee_size + len({r.person_id for r in reps})
    women = len({r.person_id for r in reps if r.gender == "女"})
    if not ONE_THIRD_OR_MORE.met(women, members):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "妇女村民代表 {women} 人,不足村民代表会议组成人员 {total} 人的三分之一({needed} 人)。"),
            women=women, total=members, needed=ONE_THIRD_OR_MORE.needed(members)), basis))
    rep_count = len({r.person_id for r in reps})
    if not FOUR_FIFTHS_OR_MORE.met(rep_count, members):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民代表 {reps} 人,不足村民代表会议组成人员 {total} 人的五分之四({needed} 人)。"),
            reps=rep_count, total=members, needed=FOUR_FIFTHS_OR_MORE.needed(members)), basis))
    out += _provincial_checks(rules, reps, households, population)
    return out


def _names(names: list[str], shown: int = 12) -> str:
    """`甲、乙、丙` (the first `shown`, then `等 N 项`): one line however many there are."""
    text = "、".join(names[:shown])
    return text + (f" 等 {len(names)} 项" if len(names) > shown else "")


def _provincial_checks(rules: RepresentativeRules, reps: list[Holder], households: list[Household],
                       population: int) -> list[Finding]:
    out: list[Finding] = []
    rep_count = len({r.person_id for r in reps})
    if rules.minimum_by_population and population:
        least = next(n for below, n in rules.minimum_by_population if below is None or population < below)
        if rep_count < least:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "全村 {population} 人,本省规定村民代表不少于 {least} 人,现有 {reps} 人。"),
                population=population, least=least, reps=rep_count), rules.minimum_basis))
    if rules.one_per_household:
        same = [f"{h.label}({'、'.join(sorted({r.name for r in reps if r.person_id in h.member_ids}))})"
                for h in sorted(households, key=lambda h: h.label)
                if len({r.person_id for r in reps if r.person_id in h.member_ids}) > 1]
        if same:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "本省规定同户不得产生二名以上村民代表,这些户有两名以上:{households}。"),
                households=_names(same, 6)), rules.one_per_household_basis))
    return out


def check_group_leaders(groups: list[str], leaders: list[Holder], on: str) -> list[Finding]:
    """The village's 村民小组 without a sitting 组长 on `on` (组织法 第二十八条: 村民小组长由村民小组会议推选)."""
    led = {h.scope for h in leaders if h.role == "group_leader"}
    missing = [g for g in groups if g not in led]
    if not missing:
        return []
    return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(_C, "{n} 个村民小组还没有登记组长:{groups}。"),
                                 n=len(missing), groups=_names(missing)), organic_law_on(28, on))]
