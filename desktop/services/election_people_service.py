"""The people of an election besides its voters: the 村民选举委员会, the candidates and the 委托.

- 村民选举委员会 (组织法 2018 第十二条): members from the register; a member
  nominated as a candidate "应当退出" — adding that candidate records the
  member's leaving (`left_on`, `left_reason`) in the same transaction, and
  says so; a candidate cannot join the committee.
- Candidates (第十五条): nominated by the registered voters (海选), only people
  on this election's 选民名单, one post each; more candidates than seats per
  post is checked when the list is published (`elections_service.record_step`)
  and shown here as it stands (`margin`).
- 委托投票 (第十五条): a listed voter away on the day entrusts a listed 近亲属
  (民法典 第一千零四十五条); how many 委托 one voter may accept is the
  province's rule (`models.elections.profiles`), a warning where only 惯例.

A change to a published list (a candidate added or withdrawn, a 委托 added or
taken back) clears its publication date: the list must be published again.
The 选民名单 is read from the `voter` table (the roll service writes it).
Refusals name the article; nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import installation, people_service, record_store
from desktop.services.people_service import PersonRow
from desktop.services.session import Session
from models.db import database
from models.elections import candidates as cand
from models.elections import law
from models.elections import proxy as px
from models.elections.profiles import proxy_rule
from models.elections.records import (
    KIND_BY_ELECTION,
    Candidate,
    Election,
    ElectionCommitteeMember,
    ElectionRound,
    ProxyVote,
    Voter,
)
from models.elections.seats import SeatsError, parse_seats
from models.entities import Person
from models.errors import NotFound, ValidationError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission

_C = "elections"

COMMITTEE_POSITIONS = {
    "chair": QT_TRANSLATE_NOOP(_C, "主任"),
    "member": QT_TRANSLATE_NOOP(_C, "委员"),
}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _iso(day: date | str | None) -> str:
    if day is None:
        return date.today().isoformat()
    return day if isinstance(day, str) else day.isoformat()


def _checked_day(day: date | str | None) -> str:
    text = _iso(day)
    try:
        date.fromisoformat(text)
    except ValueError:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "“{day}”不是有效的日期。"), day=text) from None
    return text


def _election(election_id: str) -> Election:
    found = Election.get_or_none((Election.id == election_id) & (Election.deleted == False))  # noqa: E712
    if found is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这次选举,可能已被删除。")))
    return found


def _open(election_id: str) -> Election:
    """The election, refused when cancelled or already voted (its lists are closed then)."""
    e = _election(election_id)
    if e.cancelled_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举已于{day}取消,不能再修改。"), day=e.cancelled_on)
    if ElectionRound.live().where((ElectionRound.election == e) & (ElectionRound.held_on != "")).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这次选举已经投票,候选人、委托和选举委员会不能再改。"))
    return e


def _person(person_id: str) -> Person:
    found = Person.get_or_none((Person.id == person_id) & (Person.deleted == False))  # noqa: E712
    if found is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个人。")))
    return found


def _voter_line(e: Election, person_id: str) -> Voter | None:
    return Voter.live().where((Voter.election == e) & (Voter.person == person_id)
                              & (Voter.removed_on == "")).first()


def _seats(e: Election) -> dict[str, int]:
    try:
        return parse_seats(e.seats)
    except SeatsError:
        return {}


# --- the 村民选举委员会 ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CommitteeRow:
    """A member of the 村民选举委员会 (left ones too, with when and why)."""

    id: str
    person_id: str
    name: str
    gender: str
    position: str  # chair / member
    joined_on: str
    left_on: str
    left_reason: str


def committee(election_id: str) -> list[CommitteeRow]:
    """The committee's members: seated first (主任 before 委员), then those who left."""
    rows = [CommitteeRow(m.id, m.person_id, m.person.name, m.person.gender, m.position, m.joined_on,
                         m.left_on, m.left_reason)
            for m in ElectionCommitteeMember.live().where(ElectionCommitteeMember.election == election_id)]
    return sorted(rows, key=lambda r: (bool(r.left_on), r.position != "chair", r.joined_on, r.name))


def add_committee_member(session: Session, election_id: str, person_id: str, position: str = "member",
                         joined_on: date | str | None = None) -> CommitteeRow:
    """Seat a member; refused for a candidate of this election (第十二条), a second 主任, a person seated."""
    session.require(Permission.EDIT_REGISTER)
    e = _open(election_id)
    person = _person(person_id)
    day = _checked_day(joined_on)
    if position not in COMMITTEE_POSITIONS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择主任或委员。"))
    if person.left_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已离开本村(名册记载),不能担任村民选举委员会成员。"),
                       name=person.name)
    seated = ElectionCommitteeMember.live().where((ElectionCommitteeMember.election == e)
                                                  & (ElectionCommitteeMember.left_on == ""))
    if seated.where(ElectionCommitteeMember.person == person_id).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已经是村民选举委员会成员。"), name=person.name)
    if position == "chair" and seated.where(ElectionCommitteeMember.position == "chair").exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "村民选举委员会已经有主任了。"))
    if Candidate.live().where((Candidate.election == e) & (Candidate.person == person_id)
                              & (Candidate.withdrawn_on == "")).exists():
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "{name}是这次选举的候选人;候选人应当退出村民选举委员会,不能再加入({law})。"),
            name=person.name, law=law.cite(law.ART_COMMITTEE, e.election_day or day))
    m = record_store.create(session, ElectionCommitteeMember, election=e, person=person_id, position=position,
                            joined_on=day)
    return CommitteeRow(m.id, person.id, person.name, person.gender, position, day, "", "")


def remove_committee_member(session: Session, member_id: str, left_on: date | str, reason: str) -> None:
    """A member leaves (出缺: 辞职, 迁出…); the place is filled by 递补 or a new 推选 (第十二条)."""
    session.require(Permission.EDIT_REGISTER)
    m = ElectionCommitteeMember.get_or_none((ElectionCommitteeMember.id == member_id)
                                            & (ElectionCommitteeMember.deleted == False))  # noqa: E712
    if m is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这位村民选举委员会成员。")))
    _open(m.election_id)
    if m.left_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这位成员已于{day}退出。"), day=m.left_on)
    if not reason.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明退出的原因。"))
    day = _checked_day(left_on)
    if m.joined_on and day < m.joined_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "退出日期不能早于加入日期{day}。"), day=m.joined_on)
    record_store.update(session, m, left_on=day, left_reason=reason.strip())


# --- candidates -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CandidateRow:
    """A candidate for one post (withdrawn ones too)."""

    id: str
    person_id: str
    name: str
    gender: str
    post: str
    nominated_on: str
    nominations: int
    withdrawn_on: str
    withdrawn_reason: str


@dataclass(frozen=True)
class CandidateAdded:
    """The new candidate and what followed from it (a committee member who left, a list to republish)."""

    row: CandidateRow
    notes: tuple[Message, ...]


def candidates(election_id: str) -> list[CandidateRow]:
    """Candidates by post (主任, 副主任, 委员), standing first, by nominations (most first)."""
    order = {"vc_chair": 0, "vc_vice": 1, "vc_member": 2}
    rows = [CandidateRow(c.id, c.person_id, c.person.name, c.person.gender, c.post, c.nominated_on,
                         int(c.nominations or 0), c.withdrawn_on, c.withdrawn_reason)
            for c in Candidate.live().where(Candidate.election == election_id)]
    return sorted(rows, key=lambda r: (order.get(r.post, 9), bool(r.withdrawn_on), -r.nominations, r.name))


def standing(election_id: str) -> dict[str, int]:
    """Post -> candidates standing (not withdrawn)."""
    out: dict[str, int] = {}
    for r in candidates(election_id):
        if not r.withdrawn_on:
            out[r.post] = out.get(r.post, 0) + 1
    return out


def margin(election_id: str) -> list[Message]:
    """Posts with no more candidates than seats (差额, 第十五条): what publishing the list would refuse."""
    e = _election(election_id)
    return cand.margin_problems(_seats(e), standing(election_id), e.election_day)


def add_candidate(session: Session, election_id: str, person_id: str, post: str,
                  nominated_on: date | str | None = None, nominations: int = 0) -> CandidateAdded:
    """Nominate a listed voter for `post`; a committee member nominated leaves the committee (第十二条)."""
    session.require(Permission.EDIT_REGISTER)
    e = _open(election_id)
    person = _person(person_id)
    day = _checked_day(nominated_on)
    if nominations < 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "提名票数不能是负数。"))
    seats_on = ElectionCommitteeMember.live().where(
        (ElectionCommitteeMember.election == e) & (ElectionCommitteeMember.person == person_id)
        & (ElectionCommitteeMember.left_on == ""))
    standing_for = [c.post for c in Candidate.live().where(
        (Candidate.election == e) & (Candidate.person == person_id) & (Candidate.withdrawn_on == ""))]
    already = post if post in standing_for else (standing_for[0] if standing_for else "")
    nominee = cand.Nominee(person.id, person.name, post, _may_stand(e, person), seats_on.exists(),
                           already, by_election=e.kind == KIND_BY_ELECTION)
    on = e.election_day or day
    refused = cand.refusal(nominee, _seats(e), on)
    if refused is not None:
        raise ValidationError(refused)
    notes: list[Message] = []
    second_post = cand.second_post_note(nominee)
    if second_post is not None:
        notes.append(second_post)
    withdrawal = cand.committee_withdrawal(nominee, on)
    with database.atomic():
        c = record_store.create(session, Candidate, election=e, person=person_id, post=post, nominated_on=day,
                                nominations=nominations)
        if withdrawal is not None:
            for seat in seats_on:
                record_store.update(session, seat, left_on=day, left_reason=str(withdrawal))
            notes.append(withdrawal)
        if e.candidates_published_on:
            notes.append(_republish(session, e, "candidates_published_on"))
    row = CandidateRow(c.id, person.id, person.name, person.gender, post, day, nominations, "", "")
    return CandidateAdded(row, tuple(notes))


def _may_stand(e: Election, person: Person) -> bool:
    """On a 换届's 选民名单; for a 补选 (no list of its own), living in the village and 18 on the day."""
    if e.kind != KIND_BY_ELECTION:
        return _voter_line(e, person.id) is not None
    day = date.fromisoformat(e.election_day) if e.election_day else date.today()
    return not person.left_on and not cand.surely_under_18(person.birth_year, person.birth_month, day)


def nominee_choices(election_id: str) -> list[PersonRow]:
    """Who may be nominated: a 换届's 选民名单; for a 补选, the villagers living here and 18 on the day."""
    e = _election(election_id)
    if e.kind != KIND_BY_ELECTION:
        return listed_voters(election_id)
    day = date.fromisoformat(e.election_day) if e.election_day else date.today()
    return [r for r in people_service.register() if not cand.surely_under_18(r.birth_year, r.birth_month, day)]


def _republish(session: Session, e: Election, field: str) -> Message:
    published = getattr(e, field)
    record_store.update(session, e, **{field: ""})
    return msg(_C, QT_TRANSLATE_NOOP(_C, "名单已于{day}公布,现在有变动,需要重新公布。"), day=published)


def withdraw_candidate(session: Session, candidate_id: str, on: date | str, reason: str) -> tuple[Message, ...]:
    """A candidate withdraws (本人放弃, 资格取消…); the published list must be published again."""
    session.require(Permission.EDIT_REGISTER)
    c = Candidate.get_or_none((Candidate.id == candidate_id) & (Candidate.deleted == False))  # noqa: E712
    if c is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这位候选人。")))
    e = _open(c.election_id)
    if c.withdrawn_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这位候选人已于{day}退出。"), day=c.withdrawn_on)
    if not reason.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明退出的原因。"))
    day = _checked_day(on)
    notes: list[Message] = []
    with database.atomic():
        record_store.update(session, c, withdrawn_on=day, withdrawn_reason=reason.strip())
        if e.candidates_published_on:
            notes.append(_republish(session, e, "candidates_published_on"))
    return tuple(notes)


# --- 委托投票 -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProxyRow:
    """One 委托: who entrusted whom, their relation and when."""

    id: str
    voter_person_id: str
    voter_name: str
    proxy_person_id: str
    proxy_name: str
    relation: str  # kinship code: what the proxy is to the voter
    granted_on: str


@dataclass(frozen=True)
class ProxyAdded:
    """The new 委托 and its warnings (over the province's limit, a list to republish)."""

    row: ProxyRow
    warnings: tuple[Message, ...]


def proxies(election_id: str) -> list[ProxyRow]:
    """The 委托 of the election, by proxy then voter (the published list's order)."""
    rows = [ProxyRow(p.id, p.voter.person_id, p.voter.person.name, p.proxy.person_id, p.proxy.person.name,
                     p.relation, p.granted_on)
            for p in ProxyVote.live().where(ProxyVote.election == election_id)]
    return sorted(rows, key=lambda r: (r.proxy_name, r.voter_name))


def add_proxy(session: Session, election_id: str, voter_person_id: str, proxy_person_id: str,
              granted_on: date | str | None = None) -> ProxyAdded:
    """Record a 委托: both on the 选民名单, the proxy a 近亲属 (第十五条; 民法典 第一千零四十五条)."""
    session.require(Permission.EDIT_REGISTER)
    e = _open(election_id)
    voter, proxy = _person(voter_person_id), _person(proxy_person_id)
    day = _checked_day(granted_on)
    if e.election_day and day > e.election_day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "委托应当在选举日{day}之前办理。"), day=e.election_day)
    voter_line, proxy_line = _voter_line(e, voter.id), _voter_line(e, proxy.id)
    live = ProxyVote.live().where(ProxyVote.election == e)
    relation = people_service.close_relatives_with_relation(voter.id).get(proxy.id) or next(
        (r.relation for r in people_service.relatives_of(voter.id) if r.person_id == proxy.id), "")
    req = px.ProxyRequest(
        voter.name, proxy.name, voter_line is not None, proxy_line is not None, relation,
        same_person=voter.id == proxy.id,
        already_entrusted=voter_line is not None and live.where(ProxyVote.voter == voter_line).exists(),
        proxy_gives_own=proxy_line is not None and live.where(ProxyVote.voter == proxy_line).exists(),
        proxy_accepts=live.where(ProxyVote.proxy == proxy_line).count() if proxy_line is not None else 0)
    on = e.election_day or day
    refused = px.refusal(req, on)
    if refused is not None:
        raise ValidationError(refused)
    if voter_line is not None and live.where(ProxyVote.proxy == voter_line).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已经受托为别人投票,不能再把自己的选票委托出去。"), name=voter.name)
    rule = proxy_rule(installation.province())
    warnings: list[Message] = []
    over = px.limit_warning(req, rule)
    if over is not None:
        if rule.binding:
            raise ValidationError(over)
        warnings.append(over)
    with database.atomic():
        p = record_store.create(session, ProxyVote, election=e, voter=voter_line, proxy=proxy_line,
                                relation=relation, granted_on=day)
        if e.proxies_published_on:
            warnings.append(_republish(session, e, "proxies_published_on"))
    return ProxyAdded(ProxyRow(p.id, voter.id, voter.name, proxy.id, proxy.name, relation, day), tuple(warnings))


def remove_proxy(session: Session, proxy_id: str) -> tuple[Message, ...]:
    """Take back a 委托 (the voter came home, or it was entered by mistake)."""
    session.require(Permission.EDIT_REGISTER)
    p = ProxyVote.get_or_none((ProxyVote.id == proxy_id) & (ProxyVote.deleted == False))  # noqa: E712
    if p is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这条委托。")))
    e = _open(p.election_id)
    notes: list[Message] = []
    with database.atomic():
        record_store.soft_delete(session, p)
        if e.proxies_published_on:
            notes.append(_republish(session, e, "proxies_published_on"))
    return tuple(notes)


# --- who to pick from ---------------------------------------------------------------------------

def listed_voters(election_id: str) -> list[PersonRow]:
    """The people on the election's 选民名单 (not removed), as register lines (candidates and proxies)."""
    ids = [v.person_id for v in Voter.live().where((Voter.election == election_id) & (Voter.removed_on == ""))]
    out: list[PersonRow] = []
    for start in range(0, len(ids), 500):
        out.extend(people_service.register_rows(ids[start:start + 500]))
    return out


@dataclass(frozen=True)
class ProxyChoice:
    """A listed voter who may vote for another: a 近亲属 (with the relation) first, then the rest."""

    person_id: str
    name: str
    village_group: str
    relation: str  # what this person is to the voter ("" when not a 近亲属)


def proxy_choices(election_id: str, voter_person_id: str) -> list[ProxyChoice]:
    """The listed voters `voter_person_id` may entrust: near relatives first (民法典 第一千零四十五条)."""
    relatives = people_service.close_relatives_with_relation(voter_person_id)
    rows = [r for r in listed_voters(election_id) if r.id != voter_person_id]
    out = [ProxyChoice(r.id, r.name, r.village_group, relatives.get(r.id, "")) for r in rows]
    return sorted(out, key=lambda c: (not c.relation, c.name))


def committee_choices(search: str = "") -> list[PersonRow]:
    """People of the register who live in the village (not left), for the committee."""
    return people_service.register(search=search)
