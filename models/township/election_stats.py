"""The 换届结果统计表 the county asks for: per village, who was elected, counted by kind.

Pure counting over the board's facts (`models.township.elections_board`)
plus the term records (`RoleFact`) for 一肩挑, 交叉任职 and 连任. Written
to .xlsx by `desktop/reports/election_stats_xlsx.py`.

Definitions (each column's note in the sheet repeats them):
- age at the election day from the birth year alone (the register keeps no
  birthday): 35岁及以下, 36–50, 51–60, 60岁以上; no birth year: 未填;
- 党员: 政治面貌 中共党员 or 中共预备党员 (`models.entities.PARTY_MEMBER_STATUSES`);
- education: 大专及以上 (大专, 本科, 研究生), 高中(中专), 初中及以下;
- 少数民族: a 民族 recorded and not 汉族;
- 一肩挑: the one person who is 党组织书记 and 村委会主任 on the announcement day;
- 交叉任职: members elected who sit on the Party 支部委员会 (书记 or 委员) that day;
- 连任: members elected who held a 村委会 office in the five years before the vote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, timedelta

from models.entities import PARTY_MEMBER_STATUSES
from models.terms import holds_on
from models.township.elections_board import ElectionFact, MemberFact, RoleFact

CHAIR, VICE, MEMBER = "vc_chair", "vc_vice", "vc_member"
VILLAGE_COMMITTEE = (CHAIR, VICE, MEMBER)
PARTY_SECRETARY, PARTY_COMMITTEE = "party_secretary", "party_committee"
COLLEGE = ("大专", "本科", "研究生")
HIGH_SCHOOL = ("高中", "中专")
MIDDLE_OR_LESS = ("初中", "小学及以下")
HAN = ("汉族", "汉")
#: How far back a 村委会 office counts as the previous term (组织法: 五年一届).
PREVIOUS_TERM_DAYS = 5 * 366


@dataclass(frozen=True)
class Counts:
    """One row of the 统计表 (a village, or the township's total)."""

    seats: int = 0  # 应选
    elected: int = 0  # 实选
    chairs: int = 0
    vices: int = 0
    members: int = 0
    women: int = 0
    age_35: int = 0
    age_36_50: int = 0
    age_51_60: int = 0
    age_over_60: int = 0
    age_unknown: int = 0
    party: int = 0
    college: int = 0
    high_school: int = 0
    middle_or_less: int = 0
    education_unknown: int = 0
    minority: int = 0
    one_shoulder: int = 0  # 一肩挑 (0 or 1 per village)
    cross: int = 0  # 交叉任职
    reelected: int = 0  # 连任
    registered: int = 0  # 登记选民
    cast: int = 0  # 正式选举投票人数

    @property
    def turnout(self) -> float | None:
        """投票率 of the 正式选举 (None: no vote on record)."""
        return self.cast / self.registered if self.registered and self.cast else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def age_band(birth_year: int | None, on: date) -> str:
    """"35" (35岁及以下), "36_50", "51_60", "over_60" or "unknown" — the age reached in the year of `on`."""
    if not birth_year:
        return "unknown"
    age = on.year - birth_year
    if age <= 35:
        return "35"
    if age <= 50:
        return "36_50"
    if age <= 60:
        return "51_60"
    return "over_60"


def education_band(education: str) -> str:
    """"college", "high_school", "middle_or_less" or "unknown"."""
    if education in COLLEGE:
        return "college"
    if education in HIGH_SCHOOL:
        return "high_school"
    if education in MIDDLE_OR_LESS:
        return "middle_or_less"
    return "unknown"


def _held_on(roles: Iterable[RoleFact], person_id: str, role_codes: tuple[str, ...], on: str) -> bool:
    return any(r.person_id == person_id and r.role in role_codes and holds_on(r.start, r.end, on) for r in roles)


def _held_before(roles: Iterable[RoleFact], person_id: str, vote: str, since: str) -> bool:
    """A 村委会 office begun before the vote and not ended before `since` (the previous term)."""
    return any(r.person_id == person_id and r.role in VILLAGE_COMMITTEE and r.start and r.start < vote
               and (not r.end or r.end > since) for r in roles)


def village_counts(e: ElectionFact | None, roles: Iterable[RoleFact] = ()) -> Counts:
    """The 统计表 row of one village's 换届 (all zero when it has none)."""
    if e is None:
        return Counts()
    roles = list(roles)
    vote_text = e.vote_day
    try:
        vote = date.fromisoformat(vote_text) if vote_text else None
    except ValueError:
        vote = None
    announced = e.announced_on or vote_text
    since = (vote - timedelta(days=PREVIOUS_TERM_DAYS)).isoformat() if vote else ""
    values = {f.name: 0 for f in fields(Counts)}
    values["seats"], values["elected"], values["registered"] = e.seats, len(e.members), e.registered
    main = e.main_round
    values["cast"] = main.cast if main else 0
    post_key = {CHAIR: "chairs", VICE: "vices", MEMBER: "members"}
    age_key = {"35": "age_35", "36_50": "age_36_50", "51_60": "age_51_60", "over_60": "age_over_60",
               "unknown": "age_unknown"}
    edu_key = {"college": "college", "high_school": "high_school", "middle_or_less": "middle_or_less",
               "unknown": "education_unknown"}
    seen: set[str] = set()
    for m in e.members:
        if m.post in post_key:
            values[post_key[m.post]] += 1
        if m.person_id in seen:  # one person counted once for who they are (two posts would be an error)
            continue
        seen.add(m.person_id)
        _count_person(values, m, vote, age_key, edu_key)
        if announced and _held_on(roles, m.person_id, (PARTY_SECRETARY, PARTY_COMMITTEE), announced):
            values["cross"] += 1
        if vote_text and _held_before(roles, m.person_id, vote_text, since):
            values["reelected"] += 1
    chairs = [m for m in e.members if m.post == CHAIR]
    if announced and any(_held_on(roles, m.person_id, (PARTY_SECRETARY,), announced) for m in chairs):
        values["one_shoulder"] = 1
    return Counts(**values)


def _count_person(values: dict, m: MemberFact, vote: date | None, age_key: dict, edu_key: dict) -> None:
    if m.gender == "女":
        values["women"] += 1
    values[age_key[age_band(m.birth_year, vote) if vote else "unknown"]] += 1
    if m.political_status in PARTY_MEMBER_STATUSES:
        values["party"] += 1
    values[edu_key[education_band(m.education)]] += 1
    if m.ethnicity and m.ethnicity not in HAN:
        values["minority"] += 1


def total(rows: Iterable[Counts]) -> Counts:
    """The township's total row."""
    out = Counts()
    for row in rows:
        out = out + row
    return out
