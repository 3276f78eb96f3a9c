"""Demo 民主选举: the 2021 换届 as history, a 罢免 and 补选 if asked, and the 2026 换届 at a chosen stage.

The 2021 换届 (election day `ELECTION_2021`) is complete: the 村民选举委员会, the
选民名单 built from the register (age on the election day, the three
categories of 第十三条), one objection, candidates with more names than seats
(差额), a few 委托投票 to spouses, the 正式选举 counted by the tally engine
(`models.elections.tally`, so who is elected obeys 第十五条), the 当选公告, the
工作移交 and the 离任审计. Its elected members are the demo's current 村委会:
their term records (`PersonRole`) start on the election day and are linked
from `ElectedMember.role`; office holders who served before it had an
earlier term, ended then (届满, re-elected).

`story="recall"` adds, in 2023, a recall of one 委员 (⅕ of the voters sign,
the 村民会议 votes him out) and the 补选 by the 村民会议 that fills the seat
until the current term ends (第十九条).

`stage` is how far the 2026 换届 has got on the demo's `today`:
`NOT_STARTED` (nothing: a secretary walks it through the screens from the
选举委员会 step), `PLANNED` (only a planned election day), `COMMITTEE`,
`ROLL`, `CANDIDATES`, `VOTED` (the 正式选举 held, one seat left to an
另行选举 not yet held), `ANNOUNCED`, `HANDED_OVER` (the 离任审计 never
published) and `DONE`. `twist` adds one irregularity the township's board
should catch: `LATE_HANDOVER` (移交 14 days after the 公告), `NO_WOMAN` (no
woman elected), `ROLL_LATE` (名单 published 15 days before the vote),
`RUNOFF` (a completed election whose third 委员 came from an 另行选举).

Every record goes through the services the election screens use
(`elections_service`, `election_people_service`, `voter_roll_service`,
`election_count_service`, `recall_service`): the 选民名单 is built from the
register as the 选民登记 tab builds it, each round is counted by the tally
engine when saved, and the 当选公告 ends the outgoing 村委会's terms and
opens the elected's (`ElectedMember.role`). Only the numbers are the
demo's: the shares of the vote each candidate gets. Deterministic for a
seed; it never draws from the village demo's generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.services import (
    election_count_service,
    election_people_service,
    elections_service,
    recall_service,
    voter_roll_service,
)
from desktop.services.election_count_service import Line, RoundInput
from desktop.services.session import Session
from models.db import database
from models.elections import procedure as pr
from models.elections import records as er
from models.entities import Kinship, Person, PersonRole

#: The 2021 换届's election day (the demo's 村委会 term starts then; the 监委会 followed on 2021-05-06).
ELECTION_2021 = date(2021, 4, 18)
SEATS = {er.POST_CHAIR: 1, er.POST_VICE: 1, er.POST_MEMBER: 3}
SEATS_TEXT = "vc_chair=1,vc_vice=1,vc_member=3"
VC_ROLES = (er.POST_CHAIR, er.POST_VICE, er.POST_MEMBER)

NOT_STARTED, PLANNED, COMMITTEE, ROLL, CANDIDATES, VOTED, ANNOUNCED, HANDED_OVER, DONE = (
    "not_started", "planned", "committee", "roll", "candidates", "voted", "announced", "handed_over", "done")
STAGES = (NOT_STARTED, PLANNED, COMMITTEE, ROLL, CANDIDATES, VOTED, ANNOUNCED, HANDED_OVER, DONE)
LATE_HANDOVER, NO_WOMAN, ROLL_LATE, RUNOFF = "late_handover", "no_woman", "roll_late", "runoff"
TWISTS = ("", LATE_HANDOVER, NO_WOMAN, ROLL_LATE, RUNOFF)
RECALL = "recall"
STORIES = ("", RECALL)

#: The 2026 election day relative to the demo's today, per stage: today falls in that stage.
_DAY_FROM_TODAY = {PLANNED: 75, COMMITTEE: 40, ROLL: 22, CANDIDATES: 5, VOTED: -1, ANNOUNCED: -4,
                   HANDED_OVER: -30, DONE: -45}
_ORDER = {s: n for n, s in enumerate(STAGES)}


@dataclass(frozen=True)
class Schedule:
    """The dates of an election's steps, from its election day (ISO text; the days a demo uses)."""

    election_day: date
    roll_days_before: int = 28
    handover_after: int = 6

    def on(self, days: int) -> date:
        """The election day moved by `days`."""
        return self.election_day + timedelta(days=days)

    @property
    def committee(self) -> date:
        """村民选举委员会推选."""
        return self.on(-50)

    @property
    def audit(self) -> date:
        """离任经济责任审计结果公布 (before the vote, as the provinces' 选举规程 ask)."""
        return self.on(-35)

    @property
    def roll(self) -> date:
        """选民名单公布 (≥ 20 days before, 第十四条; `roll_days_before`)."""
        return self.on(-self.roll_days_before)

    @property
    def candidates(self) -> date:
        """候选人名单公布."""
        return self.on(-10)

    @property
    def proxies(self) -> date:
        """委托投票名单公布."""
        return self.on(-3)

    @property
    def handover(self) -> date:
        """工作移交 (within 10 days, 第二十条; `handover_after`)."""
        return self.on(self.handover_after)


def schedule_2026(stage: str, today: date, twist: str = "") -> Schedule | None:
    """The 2026 换届's dates for `stage` on `today` (None when not started): today lies in that stage."""
    if stage not in STAGES or twist not in TWISTS:
        raise ValueError((stage, twist))
    if stage == NOT_STARTED:
        return None
    day = today + timedelta(days=_DAY_FROM_TODAY[stage])
    if twist == ROLL_LATE and stage == ROLL:
        day = today + timedelta(days=10)  # published 15 days before a vote 10 days ahead: already late
    return Schedule(day, 15 if twist == ROLL_LATE else 28, 14 if twist == LATE_HANDOVER else 6)


class _Writer:
    """Writes one village's elections through the services (session, generator and the township's name)."""

    def __init__(self, session: Session, rng: random.Random, town: str, today: date):
        self.session, self.rng, self.town, self.today = session, rng, town, today
        self.counts = {"elections": 0, "voters": 0, "candidates": 0, "rounds": 0, "elected": 0, "recalls": 0}

    # ----- the people -----------------------------------------------------------------------------

    @staticmethod
    def holders(role: str, on: date) -> list[Person]:
        """Who holds `role` on `on`, in the order the terms were recorded."""
        day = on.isoformat()
        rows = (PersonRole.live().join(Person).where(
            (PersonRole.role == role) & (PersonRole.start_date <= day)
            & ((PersonRole.end_date == "") | (PersonRole.end_date > day))).order_by(PersonRole.seq))
        return [r.person for r in rows]

    @staticmethod
    def adults(on: date) -> list[Person]:
        """Everyone on the register on `on` who is 18 or older that day (birth month counted when known)."""
        day = on.isoformat()
        out = []
        for p in Person.live().where((Person.left_on == "") | (Person.left_on > day)).order_by(Person.seq):
            # Eighteen in the month of birth (the 1st of the month; January when the month is unknown).
            if p.birth_year is not None and (on.year, on.month) >= (p.birth_year + 18, p.birth_month or 1):
                out.append(p)
        return out

    # ----- the steps ------------------------------------------------------------------------------

    def step(self, election_id: str, step: str, on: date, **details) -> None:
        elections_service.record_step(self.session, election_id, step, on, today=self.today, **details)

    def committee(self, election_id: str, on: date, avoid: set[str], election_day: date) -> None:
        """Five 村民代表 (of the day of the vote) who stand for nothing, the first its 主任; chosen by the 代表会议."""
        reps = [p for p in self.holders("representative", election_day) if p.id not in avoid]
        chosen = reps[3:8] if len(reps) >= 8 else reps[:5]
        for n, p in enumerate(chosen):
            election_people_service.add_committee_member(self.session, election_id, p.id,
                                                         "chair" if n == 0 else "member", on)
        self.step(election_id, pr.STEP_COMMITTEE, on, by=er.BODY_REPRESENTATIVES)

    def roll(self, election_id: str, sched: Schedule) -> int:
        """The 选民名单 from the register (as the 选民登记 tab builds it), a few 外出参选, one objection; published."""
        registered_on = sched.on(-sched.roll_days_before - 2)
        voter_roll_service.build(self.session, election_id, on=registered_on)
        lines = list(er.Voter.live().where(er.Voter.election == election_id).order_by(er.Voter.seq))
        for line in self.rng.sample(lines, min(len(lines) // 40, 12)):  # a few 外出务工, 本人表示参加选举
            voter_roll_service.set_category(self.session, line.id, er.VOTER_AWAY)
        voter_roll_service.publish(self.session, election_id, sched.roll)
        raised = sched.roll + timedelta(days=2)
        if lines and raised <= self.today:
            objection_id, _findings = voter_roll_service.raise_objection(
                self.session, election_id, raised, "本组村民", "此人户口已迁往县城,长期不在本村居住。",
                voter_id=lines[-1].id)
            decided = raised + timedelta(days=2)
            if decided <= self.today:
                voter_roll_service.decide_objection(
                    self.session, objection_id, decided, False,
                    "经核实,户籍仍在本村,本人书面表示参加本村选举,维持登记。")
        self.counts["voters"] += len(lines)
        return voter_roll_service.registered_voters(election_id)

    def candidates(self, election_id: str, sched: Schedule, slate: dict[str, list[tuple[Person, float]]]) -> dict:
        """Candidates per post (差额), nominated by the voters (海选); returns (post, person id) → candidate id."""
        out = {}
        nominated = sched.on(-14)
        for post, names in slate.items():
            for n, (p, _share) in enumerate(names):
                added = election_people_service.add_candidate(
                    self.session, election_id, p.id, post, nominated,
                    self.rng.randint(120, 260) if n == 0 else self.rng.randint(40, 150))
                out[(post, p.id)] = added.row.id
                self.counts["candidates"] += 1
        if sched.candidates <= self.today:
            self.step(election_id, pr.STEP_CANDIDATES, sched.candidates)
        return out

    def proxies(self, election_id: str, sched: Schedule) -> None:
        """Three 委托 between spouses who are both on the list (a near relative who is a voter); published."""
        granted = sched.on(-6)
        if granted > self.today:
            return
        listed = {v.person_id for v in er.Voter.live().where((er.Voter.election == election_id)
                                                              & (er.Voter.removed_on == ""))}
        made = 0
        for link in Kinship.live().where(Kinship.relation == "spouse").order_by(Kinship.seq):
            if made >= 3:
                break
            if link.person_id in listed and link.relative_id in listed:
                election_people_service.add_proxy(self.session, election_id, link.person_id, link.relative_id,
                                                  granted)
                made += 1
        if made and sched.proxies <= self.today:
            self.step(election_id, pr.STEP_PROXIES, sched.proxies)

    def vote(self, election_id: str, held: date, registered: int, kind: str,
             slate: dict[str, list[tuple[Person, float]]], candidates: dict,
             seats: dict[str, int]) -> election_count_service.RoundResult:
        """One round: ballots and each candidate's share of the valid ones (`seats` a post), saved (the engine judges it)."""
        cast = round(registered * self.rng.uniform(0.82, 0.9))
        issued = min(registered, cast + self.rng.randint(0, 6))
        invalid = self.rng.randint(2, 9)
        valid = cast - invalid
        votes = ballot_votes(valid, {post: [share for _p, share in names] for post, names in slate.items()},
                             seats)
        lines = tuple(Line(post, p.name, n, candidates[(post, p.id)], woman=p.gender == "女")
                      for post, names in slate.items() for (p, _share), n in zip(names, votes[post], strict=True))
        saved = election_count_service.save_round(self.session, election_id, RoundInput(
            kind, held.isoformat(), issued, cast, invalid, lines))
        self.counts["rounds"] += 1
        return saved

    def announce(self, election_id: str, on: date) -> None:
        """当选公告: the service ends the outgoing terms and opens the elected's."""
        announced = election_count_service.announce(self.session, election_id, on)
        self.counts["elected"] += len(announced.elected)

    def handover(self, election_id: str, on: date) -> None:
        election_count_service.record_handover(self.session, election_id, on, "村民选举委员会",
                                               f"{self.town}人民政府", _HANDOVER_ITEMS)


def ballot_votes(valid: int, shares: dict[str, list[float]], seats: dict[str, int]) -> dict[str, list[int]]:
    """Each candidate's votes from its share of the `valid` ballots, as a real count can have them.

    A ballot names a person at most once and a post's names at most `seats`
    times (第十五条, the rule `models.elections.tally` checks): so no one gets
    more than `valid` votes and a post's total is at most `valid × seats`.
    Shares are rounded to votes; when rounding (or shares summing above the
    seats) would break that, the last names (the weakest) give up votes until
    the post fits. Pure, so a test runs it for every village size.
    """
    valid = max(valid, 0)
    out: dict[str, list[int]] = {}
    for post, post_shares in shares.items():
        votes = [max(0, min(valid, round(valid * share))) for share in post_shares]
        excess = sum(votes) - valid * seats.get(post, 1)
        for i in reversed(range(len(votes))):
            if excess <= 0:
                break
            cut = min(excess, votes[i])
            votes[i] -= cut
            excess -= cut
        out[post] = votes
    return out


def by_election_shares(rng: random.Random) -> tuple[float, float]:
    """The 补选's two candidates' shares (one seat): the winner ahead, the two together under the ballots."""
    first = round(rng.uniform(0.58, 0.7), 3)
    return first, min(round(rng.uniform(0.22, 0.36), 3), round(0.97 - first, 3))


def _slate(committee: list[Person], others: list[Person], rng: random.Random, winners_share: float = 0.6,
           weak_member: bool = False) -> dict[str, list[tuple[Person, float]]]:
    """Candidates and their shares of the valid ballots: the sitting committee ahead, 差额 for every post.

    `weak_member`: the third 委员 gets less than half (the seat goes to 另行选举).
    """
    chair, vice, *members = committee
    share = lambda low, high: round(rng.uniform(low, high), 3)  # noqa: E731
    first_chair, first_vice = share(0.66, 0.8), share(winners_share, 0.75)
    return {  # one name a ballot for 主任 and 副主任: the runner-up has part of what is left
        er.POST_CHAIR: [(chair, first_chair), (others[0], round((1 - first_chair) * rng.uniform(0.5, 0.9), 3))],
        er.POST_VICE: [(vice, first_vice), (others[1], round((1 - first_vice) * rng.uniform(0.5, 0.9), 3))],
        er.POST_MEMBER: [(members[0], share(0.6, 0.75)), (members[1], share(0.56, 0.7)),
                         (members[2], share(0.3, 0.45) if weak_member else share(0.53, 0.66)),
                         (others[2], share(0.3, 0.44)), (others[3], share(0.2, 0.35))],
    }


def _others(exclude: set[str], on: date, count: int, women_first: bool = False, men_only: bool = False) -> list[Person]:
    """Registered adults not in office, born 1955–1992: the other candidates (at most one woman)."""
    pool = [p for p in _Writer.adults(on) if p.id not in exclude and 1955 <= (p.birth_year or 0) <= 1992
            and not (men_only and p.gender == "女")]
    pool.sort(key=lambda p: (not women_first or p.gender != "女", p.seq))
    picked, seen_women = [], 0
    for p in pool:
        if len(picked) >= count:
            break
        if p.gender == "女":
            if seen_women >= 1:
                continue
            seen_women += 1
        picked.append(p)
    return picked


def _committee_on(on: date) -> list[Person]:
    """The 村委会 sitting on `on`: 主任, 副主任, then three 委员.

    A 委员 elected in a 补选 served only to the end of the term (第十九条)
    while the others sit until the new committee: the 委员 whose term ended
    last (not recalled) stands again in his place.
    """
    chair = _Writer.holders(er.POST_CHAIR, on)
    vice = _Writer.holders(er.POST_VICE, on)
    members = _Writer.holders(er.POST_MEMBER, on)
    if len(members) < 3:
        day = on.isoformat()
        ended = (PersonRole.live().join(Person).where(
            (PersonRole.role == er.POST_MEMBER) & (PersonRole.end_date != "") & (PersonRole.end_date <= day)
            & ~PersonRole.end_reason.startswith("罢免")).order_by(PersonRole.end_date.desc()))
        for role in ended:
            if len(members) >= 3:
                break
            if role.person not in members and not role.person.left_on:
                members.append(role.person)
    return chair[:1] + vice[:1] + members[:3]


_HANDOVER_ITEMS = "\n".join(("公章、财务专用章", "财务账簿、凭证及银行账户资料", "集体资产、资源登记台账",
                             "档案资料(会议记录、村务公开资料)", "未办结事项清单"))


def _general(w: _Writer, label: str, sched: Schedule, stage: str, twist: str = "") -> str | None:
    """A 换届 as far as `stage` (its dates from `sched`); returns its id (None when not started)."""
    if stage == NOT_STARTED:
        return None
    at = _ORDER[stage]
    day = sched.election_day
    election_id = elections_service.create_election(w.session, er.KIND_GENERAL, label, day, SEATS,
                                                    note=f"{day.year} 年换届。").id
    w.counts["elections"] += 1
    if at < _ORDER[COMMITTEE]:
        return election_id
    sitting = _committee_on(min(day, w.today))
    women_first, men_only = twist != NO_WOMAN, twist == NO_WOMAN
    others = _others({p.id for p in sitting}, day, 4, women_first, men_only)
    w.committee(election_id, sched.committee, {p.id for p in sitting + others}, day)
    if sched.audit <= w.today and stage != HANDED_OVER:
        election_count_service.record_audit(w.session, election_id, sched.audit)
    if at < _ORDER[ROLL]:
        return election_id
    registered = w.roll(election_id, sched)
    if at < _ORDER[CANDIDATES]:
        return election_id
    slate = _slate(sitting, others, w.rng, weak_member=stage == VOTED or twist == RUNOFF)
    if twist == NO_WOMAN:  # the sitting women stand again but lose to men
        _chair, _vice, *members = sitting
        ranked = [p for p in members if p.gender == "男"] + others[2:4] + [p for p in members if p.gender == "女"]
        shares = (0.68, 0.62, 0.57, 0.38, 0.3, 0.2, 0.15)
        slate[er.POST_MEMBER] = [(p, round(s - w.rng.uniform(0, 0.02), 3)) for p, s in zip(ranked, shares,
                                                                                            strict=False)]
    cands = w.candidates(election_id, sched, slate)
    w.proxies(election_id, sched)
    if day > w.today:
        return election_id
    main = w.vote(election_id, day, registered, er.ROUND_MAIN, slate, cands, SEATS)
    if stage == VOTED:
        return election_id  # the 另行选举 is still to hold
    for further in main.result.runoff:
        by_id = {cid: p for (post, _pid), cid in cands.items() for p, _s in slate[post] if p.id == _pid}
        names = [(by_id[e.key], share) for e, share in zip(further.entries, (0.52, 0.36, 0.1), strict=False)]
        w.vote(election_id, day, registered, er.ROUND_RUNOFF, {further.post: names}, cands,
               {further.post: further.seats})
    w.announce(election_id, day)
    if at >= _ORDER[HANDED_OVER] and sched.handover <= w.today:
        w.handover(election_id, sched.handover)
    return election_id


def general_2021(w: _Writer) -> str:
    """The completed 2021 换届 whose elected members are the demo's current 村委会."""
    return _general(w, "第十一届村民委员会换届选举", Schedule(ELECTION_2021), DONE)


def general_2026(w: _Writer, stage: str, twist: str = "") -> str | None:
    """The 2026 换届 as far as `stage` on the demo's today (see the module's docstring)."""
    sched = schedule_2026(stage, w.today, twist)
    if sched is None:
        return None
    return _general(w, "第十二届村民委员会换届选举", sched, stage, twist)


def recall_and_by_election(w: _Writer) -> None:
    """2023: one 委员 recalled by the 村民会议 (⅕ of the voters asked), then a 补选 by the 村民会议 fills the seat."""
    requested = date(2023, 3, 2)
    members = _Writer.holders(er.POST_MEMBER, requested)
    men = [p for p in members if p.gender == "男"]
    target = men[0] if men else members[-1]
    role = PersonRole.live().where((PersonRole.person == target.id) & (PersonRole.role == er.POST_MEMBER)
                                   & (PersonRole.start_date <= requested.isoformat())
                                   & (PersonRole.end_date == "")).first()
    base = recall_service.base_count(er.RECALL_BY_VOTERS, requested)
    signers = -(-base // 5) + w.rng.randint(3, 20)
    recall = recall_service.file_recall(
        w.session, role.id, requested, er.RECALL_BY_VOTERS, signers,
        "长期外出经商,不履行委员职责,连续三个季度不参加村民委员会会议。", base)
    recall_service.record_answer(w.session, recall.id, "承认参加会议少,表示今后改正。", date(2023, 3, 20))
    vote_on = date(2023, 4, 9)
    cast = base // 2 + w.rng.randint(base // 10, base // 5)
    agree = cast // 2 + w.rng.randint(cast // 20, cast // 8)
    recall_service.record_vote(w.session, recall.id, vote_on, base, cast, agree)
    w.counts["recalls"] += 1
    # The 补选 by the 村民会议: the member serves until the current term ends (第十九条).
    sched = Schedule(date(2023, 5, 14), roll_days_before=21)
    election_id = recall_service.start_by_election(w.session, role.id, er.BODY_VILLAGERS, sched.election_day).election.id
    w.counts["elections"] += 1
    registered = w.roll(election_id, sched)
    sitting = {p.id for p in _committee_on(sched.election_day)} | {target.id}
    first, second = _others(sitting, sched.election_day, 2)
    first_share, second_share = by_election_shares(w.rng)  # together ≤ 0.97 of the ballots: one seat
    slate = {er.POST_MEMBER: [(first, first_share), (second, second_share)]}
    cands = w.candidates(election_id, sched, slate)
    w.vote(election_id, sched.election_day, registered, er.ROUND_MAIN, slate, cands, {er.POST_MEMBER: 1})
    w.announce(election_id, sched.election_day)


def fill_elections(session: Session, town: str, today: date, seed: int, stage: str = NOT_STARTED,
                   story: str = "", twist: str = "") -> dict[str, int]:
    """The village's elections: 2021 history, the recall `story`, the 2026 换届 at `stage`; returns counts."""
    if stage not in STAGES or story not in STORIES or twist not in TWISTS:
        raise ValueError((stage, story, twist))
    w = _Writer(session, random.Random(seed), town, today)
    with database.atomic():
        general_2021(w)
        if story == RECALL:
            recall_and_by_election(w)
        general_2026(w, stage, twist)
    return dict(w.counts)

