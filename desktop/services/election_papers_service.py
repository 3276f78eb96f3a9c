"""What the printed election papers need, read once into plain data.

The 计票 of every round is the tally engine's (`election_count_service.result_report`,
which reads the rounds itself): the papers never judge a vote on their own.
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

from desktop.services import election_count_service, people_service, setup_service
from desktop.services.election_count_service import ElectionResult
from models.elections.records import (
    POSTS,
    ROUND_RUNOFF,
    Candidate,
    ElectedMember,
    Election,
    ElectionCommitteeMember,
    ElectionRound,
    ProxyVote,
    Voter,
)
from models.entities import Person
from models.errors import CunwuError, NotFound
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
class ElectedLine:
    """Who was elected to which post, with the votes and the round."""

    name: str
    gender: str
    post: str
    votes: int
    round_number: int
    runoff: bool = False  # elected in a 另行选举 (its votes are that round's)


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
    count: ElectionResult | None = None  # every round judged by the tally engine (election_count_service)
    count_problem: str = ""  # why the rounds could not be judged (seats unreadable…)
    elected: tuple[ElectedLine, ...] = ()
    committee: tuple[CommitteeLine, ...] = ()
    term_end: str = ""  # a 补选: the day the current term ends, which ends its members' terms too (第十九条)

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
    """The 村民小组 in the roster's order (一组 < 二组 < … < 十组), as the register and the roll list them."""
    ranks = people_service.group_ranks()
    return tuple(sorted(ranks, key=ranks.__getitem__))


def _count(election_id: str) -> tuple[ElectionResult | None, str]:
    """The rounds as the tally engine judges them (the one reading of 第十五条), or why they cannot be."""
    try:
        return election_count_service.result_report(election_id), ""
    except (CunwuError, ValueError) as exc:
        return None, str(getattr(exc, "message", exc))


def paper_label(village: str, label: str) -> str:
    """The election's name as the papers print it after the village's: the village not said twice.

    Secretaries name the election as the notice board reads, "石桥村第十二届村民委员会换届选举"; the
    papers put the village first ("石桥村" + label), and the ballot read "石桥村石桥村第十二届…选票".
    """
    label = (label or "").strip()
    if village and label.startswith(village) and len(label) > len(village):
        return label[len(village):]
    return label


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
    proxies = []
    for p in ProxyVote.select().where((ProxyVote.election == e.id) & _live(ProxyVote)).order_by(ProxyVote.seq):
        giver, taker = by_voter.get(p.voter_id), by_voter.get(p.proxy_id)
        proxies.append(ProxyLine(p.id, giver.name if giver else "", giver.group if giver else "",
                                 taker.name if taker else "", taker.group if taker else "", p.relation,
                                 p.granted_on))
    rounds = {r.id: (int(r.number), r.kind)
              for r in ElectionRound.select(ElectionRound.id, ElectionRound.number, ElectionRound.kind)
              .where((ElectionRound.election == e.id) & _live(ElectionRound))}
    count, problem = _count(e.id) if rounds else (None, "")
    elected = tuple(
        ElectedLine(m.person.name, m.person.gender, m.post, int(m.votes), rounds.get(m.round_id, (0, ""))[0],
                    rounds.get(m.round_id, (0, ""))[1] == ROUND_RUNOFF)
        for m in ElectedMember.select(ElectedMember, Person).join(Person)
        .where((ElectedMember.election == e.id) & _live(ElectedMember)).order_by(ElectedMember.seq))
    committee = tuple(
        CommitteeLine(m.person.name, m.position, bool(m.left_on))
        for m in ElectionCommitteeMember.select(ElectionCommitteeMember, Person).join(Person)
        .where((ElectionCommitteeMember.election == e.id) & _live(ElectionCommitteeMember))
        .order_by(ElectionCommitteeMember.seq))
    items = tuple(line.strip() for line in (e.handover_items or "").splitlines() if line.strip())
    return ElectionPapers(
        id=e.id, village=info.name if info else "", label=paper_label(info.name if info else "", e.label),
        kind=e.kind, election_day=e.election_day,
        seats=read_seats(e.seats), roll_published_on=e.roll_published_on,
        candidates_published_on=e.candidates_published_on, proxies_published_on=e.proxies_published_on,
        announced_on=e.announced_on, handover_on=e.handover_on, handover_presided_by=e.handover_presided_by,
        handover_supervised_by=e.handover_supervised_by, handover_items=items, groups=_group_order(),
        voters=voters, candidates=candidates, proxies=tuple(proxies), count=count, count_problem=problem, elected=elected,
        committee=committee, term_end=e.term_end or "")


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
