"""Candidates of a 村委会 election: who may stand, 差额 per post, and the committee member who must leave.

组织法 (2018) 第十五条: candidates are nominated directly by the registered
voters (海选), and "候选人的名额应当多于应选名额" — for every post, more
candidates than seats (exactly as many is not enough). 第十二条: "村民选举委员会
成员被提名为村民委员会成员候选人,应当退出村民选举委员会" — nominating a
committee member takes them off the committee (the service records when and why).

Pure: the service hands in what the records say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.elections import law
from models.elections.seats import POST_LABELS
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "elections"


@dataclass(frozen=True)
class Nominee:
    """What the records say of a person about to become a candidate."""

    person_id: str
    name: str
    post: str
    is_voter: bool  # on this election's 选民名单 and not removed
    on_committee: bool  # a seated member of this election's 村民选举委员会
    already_for: str = ""  # the post this person already stands for in this election ("" none)
    by_election: bool = False  # a 补选 has no 选民名单 of its own: `is_voter` means 本村年满十八周岁 then


def refusal(nominee: Nominee, seats: dict[str, int], on: str) -> Message | None:
    """Why `nominee` cannot be a candidate (None: they can).

    Only registered voters stand (第十三条 gives the right to be elected with
    the registration; 第十五条 nominates among them); a post the election does
    not fill has no candidates; nobody stands twice for the same post. Standing for two
    posts is a province's rule, not the national law's: `second_post_note` warns of it.
    """
    if nominee.post not in seats:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "这次选举不选{post}。"), post=POST_LABELS.get(nominee.post, nominee.post))
    if not nominee.is_voter and nominee.by_election:
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}不能作补选的候选人:应当是住在本村、在补选日年满十八周岁的村民({law})。"),
            name=nominee.name, law=law.cite(law.ART_VOTERS, on))
    if not nominee.is_voter:
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}不在这次选举的选民名单上;候选人应当是登记参加选举的村民({law})。"),
            name=nominee.name, law=law.cite(law.ART_VOTERS, on))
    if nominee.already_for == nominee.post:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{name}已经是{post}候选人。"),
                   name=nominee.name, post=POST_LABELS.get(nominee.post, nominee.post))
    return None


def second_post_note(nominee: Nominee) -> Message | None:
    """A warning when `nominee` already stands for another post (None: they do not).

    组织法 does not say whether one person may stand for two posts; provinces do, differently
    (most: one post; some let a 主任 candidate who loses stand for 委员). So it is 惯例, a
    warning, never a refusal — and the count keeps a person elected to two posts in the higher.
    """
    if not nominee.already_for or nominee.already_for == nominee.post:
        return None
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}已经是{post}候选人,又被提名为{other}候选人。同一人能否作两个职位的候选人由本省选举办法规定"
            "(惯例多为一人只作一个职位的候选人),请按本省规定核对;两个职位都当选时按较高的职位计。"),
        name=nominee.name, post=POST_LABELS.get(nominee.already_for, nominee.already_for),
        other=POST_LABELS.get(nominee.post, nominee.post))


def surely_under_18(birth_year: int | None, birth_month: int | None, on: date) -> bool:
    """Whether the register shows the person is not yet 18 on `on` (an unknown birth: not sure, so no).

    Year only: under 18 only when even a birthday on 1 January would be too late;
    the month of `on` itself counts as reached (the register holds no day).
    """
    if not birth_year:
        return False
    years = on.year - birth_year
    if years != 18 or not birth_month or not 1 <= birth_month <= 12:
        return years < 18
    return birth_month > on.month


def committee_withdrawal(nominee: Nominee, on: str) -> Message | None:
    """The note recorded when a 村民选举委员会 member is nominated (None: not a member)."""
    if not nominee.on_committee:
        return None
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}被提名为{post}候选人,依法退出村民选举委员会({law})。"),
        name=nominee.name, post=POST_LABELS.get(nominee.post, nominee.post), law=law.cite(law.ART_COMMITTEE, on))


def margin_problems(seats: dict[str, int], candidates: dict[str, int], on: str) -> list[Message]:
    """Posts whose candidates are not more than their seats (差额, 第十五条): exactly equal is too few."""
    from models.elections.procedure import shortfall_of_candidates

    return shortfall_of_candidates(seats, candidates, on)
