"""What the printed election papers need, read once into plain data.

The papers (选民名单公告, 候选人名单公告, 选票, 委托投票证, 计票结果报告单,
当选公告, 工作移交清单) are built from these dataclasses by
`desktop.reports.election_documents`, which stays a pure string builder that
tests read directly. One query per table (people joined in), never one per
row: a village of 2,000 voters prints its roll in a blink.

Read-only on purpose: the papers print what is recorded; the services that
write an election (roll, count, procedure) are elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from desktop.services import setup_service
from models.elections.records import (
    POSTS,
    Candidate,
    ElectedMember,
    Election,
    ElectionCommitteeMember,
    ElectionRound,
    ElectionTally,
    ProxyVote,
    Voter,
)
from models.entities import Person, VillageGroup
from models.errors import NotFound
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "election_papers"


@dataclass(frozen=True)
class VoterLine:
    """One person on the 选民名单 (taken off the list: `removed`)."""

    id: str
    name: str
    gender: str
    group: str
    category: str
    removed: bool


@dataclass(frozen=True)
class CandidateLine:
    """A candidate for one post, in the order they were registered (`order`)."""

    id: str
    name: str
    gender: str
    post: str
    order: int
    withdrawn: bool


@dataclass(frozen=True)
class ProxyLine:
    """One 委托投票: who entrusts (委托人) whom (受托人), as what relative."""

    id: str
    voter_name: str
    voter_group: str
    proxy_name: str
    proxy_group: str
    relation: str
    granted_on: str


@dataclass(frozen=True)
class TallyLine:
    """Votes for one name for one post in one round (a candidate, or a name written in)."""

    post: str
    name: str
    votes: int
    candidate_id: str
    write_in: bool


@dataclass(frozen=True)
class RoundLine:
    """One vote (正式选举 or 另行选举) with its ballot counts and tallies."""

    id: str
    number: int
    kind: str
    held_on: str
    issued: int
    cast: int
    invalid: int
    tallies: tuple[TallyLine, ...] = ()


@dataclass(frozen=True)
class ElectedLine:
    """Who was elected to which post, with the votes and the round."""

    name: str
    gender: str
    post: str
    votes: int
    round_number: int


@dataclass(frozen=True)
class CommitteeLine:
    """A member of the 村民选举委员会 (one who left it: `left`)."""

    name: str
    position: str
    left: bool


@dataclass(frozen=True)
class ElectionPapers:
    """Everything the papers of one election print."""

    id: str
    village: str
    label: str
    kind: str
    election_day: str
    seats: dict[str, int]
    roll_published_on: str
    candidates_published_on: str
    proxies_published_on: str
    announced_on: str
    handover_on: str
    handover_presided_by: str
    handover_supervised_by: str
    handover_items: tuple[str, ...]
    groups: tuple[str, ...] = ()  # 村民小组 in the register's order
    voters: tuple[VoterLine, ...] = ()
    candidates: tuple[CandidateLine, ...] = ()
    proxies: tuple[ProxyLine, ...] = ()
    rounds: tuple[RoundLine, ...] = ()
    elected: tuple[ElectedLine, ...] = ()
    committee: tuple[CommitteeLine, ...] = ()

    @property
    def listed(self) -> tuple[VoterLine, ...]:
        """The voters on the list now (those taken off are not printed)."""
        return tuple(v for v in self.voters if not v.removed)

    @property
    def standing(self) -> tuple[CandidateLine, ...]:
        """The candidates who have not withdrawn."""
        return tuple(c for c in self.candidates if not c.withdrawn)


def read_seats(text: str) -> dict[str, int]:
    """`{"vc_chair": 1, ...}` from `Election.seats`, leniently: a paper prints what it can read.

    The procedure's own parser refuses bad text when it is written; here an
    unreadable part is skipped so that an old record still prints.
    """
    found: dict[str, int] = {}
    for part in (text or "").split(","):
        post, _, number = part.partition("=")
        post = post.strip()
        if post in POSTS and number.strip().isdigit() and int(number) > 0:
            found[post] = int(number)
    return {post: found[post] for post in POSTS if post in found}


def _live(model):
    return model.deleted == False  # noqa: E712 - peewee expression


def _group_order() -> tuple[str, ...]:
    rows = VillageGroup.select(VillageGroup.name).where(_live(VillageGroup)).order_by(VillageGroup.position,
                                                                                     VillageGroup.name)
    return tuple(r.name for r in rows)


def load(election_id: str) -> ElectionPapers:
    """The papers' data of `election_id`.

    Raises:
        NotFound: no such election (or it is in the recycle view).
    """
    e = Election.get_or_none((Election.id == election_id) & _live(Election))
    if e is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次选举(可能已删除)。")))
    info = setup_service.current()
    voters = tuple(
        VoterLine(v.id, v.person.name, v.person.gender, v.village_group or v.person.village_group, v.category,
                  bool(v.removed_on))
        for v in Voter.select(Voter, Person).join(Person)
        .where((Voter.election == e.id) & _live(Voter)).order_by(Voter.seq))
    by_voter = {v.id: v for v in voters}
    candidates = tuple(
        CandidateLine(c.id, c.person.name, c.person.gender, c.post, i, bool(c.withdrawn_on))
        for i, c in enumerate(Candidate.select(Candidate, Person).join(Person)
                              .where((Candidate.election == e.id) & _live(Candidate)).order_by(Candidate.seq)))
    by_candidate = {c.id: c for c in candidates}
    proxies = []
    for p in ProxyVote.select().where((ProxyVote.election == e.id) & _live(ProxyVote)).order_by(ProxyVote.seq):
        giver, taker = by_voter.get(p.voter_id), by_voter.get(p.proxy_id)
        proxies.append(ProxyLine(p.id, giver.name if giver else "", giver.group if giver else "",
                                 taker.name if taker else "", taker.group if taker else "", p.relation,
                                 p.granted_on))
    rounds = list(ElectionRound.select().where((ElectionRound.election == e.id) & _live(ElectionRound))
                  .order_by(ElectionRound.number, ElectionRound.seq))
    tallies: dict[str, list[TallyLine]] = {r.id: [] for r in rounds}
    if rounds:
        query = (ElectionTally.select(ElectionTally, Person).join(Person, JOIN.LEFT_OUTER)
                 .where(ElectionTally.round.in_([r.id for r in rounds]) & _live(ElectionTally))
                 .order_by(ElectionTally.seq))
        for t in query:
            candidate = by_candidate.get(t.candidate_id) if t.candidate_id else None
            if candidate is not None:
                name, written = candidate.name, False
            else:
                name = t.write_in or (t.person.name if t.person_id else "")
                written = True
            tallies[t.round_id].append(TallyLine(t.post, name, int(t.votes), t.candidate_id or "", written))
    round_lines = tuple(RoundLine(r.id, int(r.number), r.kind, r.held_on, int(r.ballots_issued),
                                  int(r.ballots_cast), int(r.invalid_ballots), tuple(tallies[r.id]))
                        for r in rounds)
    number_of = {r.id: r.number for r in round_lines}
    elected = tuple(
        ElectedLine(m.person.name, m.person.gender, m.post, int(m.votes), number_of.get(m.round_id, 0))
        for m in ElectedMember.select(ElectedMember, Person).join(Person)
        .where((ElectedMember.election == e.id) & _live(ElectedMember)).order_by(ElectedMember.seq))
    committee = tuple(
        CommitteeLine(m.person.name, m.position, bool(m.left_on))
        for m in ElectionCommitteeMember.select(ElectionCommitteeMember, Person).join(Person)
        .where((ElectionCommitteeMember.election == e.id) & _live(ElectionCommitteeMember))
        .order_by(ElectionCommitteeMember.seq))
    items = tuple(line.strip() for line in (e.handover_items or "").splitlines() if line.strip())
    return ElectionPapers(
        id=e.id, village=info.name if info else "", label=e.label, kind=e.kind, election_day=e.election_day,
        seats=read_seats(e.seats), roll_published_on=e.roll_published_on,
        candidates_published_on=e.candidates_published_on, proxies_published_on=e.proxies_published_on,
        announced_on=e.announced_on, handover_on=e.handover_on, handover_presided_by=e.handover_presided_by,
        handover_supervised_by=e.handover_supervised_by, handover_items=items, groups=_group_order(),
        voters=voters, candidates=candidates, proxies=tuple(proxies), rounds=round_lines, elected=elected,
        committee=committee)


@dataclass(frozen=True)
class ElectionChoice:
    """An election to pick in a list."""

    id: str
    label: str
    election_day: str


def elections() -> list[ElectionChoice]:
    """The village's elections, newest first."""
    rows = Election.select().where(_live(Election)).order_by(Election.election_day.desc(), Election.seq.desc())
    return [ElectionChoice(e.id, e.label, e.election_day) for e in rows]
