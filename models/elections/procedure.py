"""The steps of a 换届选举 and of a 补选: each step's date, which step is next, and why it may not be yet.

Pure: the service hands in `ElectionFacts` (dates from the `Election` row,
counts of its committee, voters, candidates, 委托 and rounds) and gets back
the steps and the next one, each reason a translatable `Message` that names
the article of 《村民委员会组织法》 in force on the election day (`law.cite`).

The order a secretary follows (组织法 2018 第十二条至第二十条, 第三十五条):

换届: 村民选举委员会推选 → 选民名单公布 → 候选人名单公布 → 委托投票名单公布
(only when someone entrusted a vote) → 离任经济责任审计结果公布 → 投票选举 →
当选公告 → 工作移交.

补选 (第十九条, "参照第十五条"): decided by the 村民会议 or 村民代表会议:
候选人名单公布 → 委托投票名单公布 (when any) → 投票选举 → 当选公告.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from models.elections import law
from models.elections.profiles import candidate_list_rule
from models.elections.records import KIND_BY_ELECTION
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "elections"

#: The 选民名单 is published at least this many days before the election day (组织法 2018 第十四条).
ROLL_DAYS_BEFORE = 20
#: The work is handed over within this many days of the new committee's election (第二十条).
HANDOVER_DAYS = 10

STEP_COMMITTEE = "committee"
STEP_ROLL = "roll"
STEP_CANDIDATES = "candidates"
STEP_PROXIES = "proxies"
STEP_AUDIT = "audit"
STEP_VOTE = "vote"
STEP_ANNOUNCE = "announce"
STEP_HANDOVER = "handover"

#: Titles of the steps (source text; the page translates them under the "elections" context).
STEP_TITLES = {
    STEP_COMMITTEE: QT_TRANSLATE_NOOP(_C, "推选村民选举委员会"),
    STEP_ROLL: QT_TRANSLATE_NOOP(_C, "选民登记"),
    STEP_CANDIDATES: QT_TRANSLATE_NOOP(_C, "提名候选人"),
    STEP_PROXIES: QT_TRANSLATE_NOOP(_C, "公布委托投票"),
    STEP_AUDIT: QT_TRANSLATE_NOOP(_C, "公布离任经济责任审计"),
    STEP_VOTE: QT_TRANSLATE_NOOP(_C, "投票选举"),
    STEP_ANNOUNCE: QT_TRANSLATE_NOOP(_C, "当选公告"),
    STEP_HANDOVER: QT_TRANSLATE_NOOP(_C, "工作移交"),
}

GENERAL_STEPS = (STEP_COMMITTEE, STEP_ROLL, STEP_CANDIDATES, STEP_PROXIES, STEP_AUDIT, STEP_VOTE,
                 STEP_ANNOUNCE, STEP_HANDOVER)
BY_ELECTION_STEPS = (STEP_CANDIDATES, STEP_PROXIES, STEP_VOTE, STEP_ANNOUNCE)


@dataclass(frozen=True)
class ElectionFacts:
    """What the engine needs to know of one election ("" = a step not taken yet)."""

    kind: str
    election_day: str = ""
    seats: dict[str, int] = field(default_factory=dict)
    committee_chosen_on: str = ""
    committee_members: int = 0  # seated and not left
    roll_published_on: str = ""
    voters: int = 0  # on the list, not removed
    candidates_published_on: str = ""
    candidates: dict[str, int] = field(default_factory=dict)  # post -> live candidates
    proxies: int = 0
    proxies_published_on: str = ""
    audit_published_on: str = ""
    vote_held_on: str = ""  # the 正式选举's day (its round)
    elected: int = 0  # elected by the count so far (the 当选公告 writes them down)
    vote_pending: tuple[str, ...] = ()  # posts still to vote on (另行选举, or a tie vote)
    vote_invalid: bool = False  # the last vote recorded is invalid: it is to be held again
    announced_on: str = ""
    handover_on: str = ""
    cancelled_on: str = ""
    province: str = "national"  # the profile whose 选举办法 rules apply (`models.elections.profiles`)


@dataclass(frozen=True)
class Step:
    """One step: its date ("" = 未进行), whether it applies, and what was irregular about it."""

    key: str
    title: str
    done_on: str
    needed: bool = True  # False: the 委托 step of an election without any 委托
    problems: tuple[Message, ...] = ()


@dataclass(frozen=True)
class NextStep:
    """The step to take now; `possible` False with `reasons` when it cannot be taken yet.

    `notes` say what to keep in mind when it is possible (a deadline). `key` is
    None when every step is done (or the election was cancelled: `cancelled`).
    """

    key: str | None
    title: str
    possible: bool
    reasons: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    cancelled: bool = False


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def roll_gap_problem(roll_published_on: str, election_day: str) -> Message | None:
    """Why a 选民名单 published on `roll_published_on` is too late for `election_day`, or None.

    第十四条: "在选举日的二十日前公布" — published on day D, the election on
    D + 20 or later is in time; D + 19 is not.
    """
    published, day = _day(roll_published_on), _day(election_day)
    if published is None or day is None:
        return None
    gap = (day - published).days
    if gap >= ROLL_DAYS_BEFORE:
        return None
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "选民名单于{published}公布,距选举日{day}只有{gap}天;名单应当在选举日的二十日前公布({law})。"),
        published=roll_published_on, day=election_day, gap=gap, law=law.cite(law.ART_ROLL, election_day))


def candidate_list_problem(published_on: str, election_day: str, province: str) -> Message | None:
    """The warning when the 候选人名单 went up fewer days before the vote than the province's rule.

    Published on day D, an election on D + 5 is in time (five days before it); D + 4 is not.
    """
    published, day = _day(published_on), _day(election_day)
    if published is None or day is None:
        return None
    rule = candidate_list_rule(province)
    gap = (day - published).days
    if gap >= rule.days_before:
        return None
    return msg(_C, QT_TRANSLATE_NOOP(_C, "候选人名单于{published}公布,距选举日只有{gap}天({source})。"),
               published=published_on, gap=gap, source=rule.source)


def latest_roll_day(election_day: str) -> str:
    """The last day the 选民名单 may be published for `election_day` ("" without a day)."""
    day = _day(election_day)
    return (day - timedelta(days=ROLL_DAYS_BEFORE)).isoformat() if day else ""


def earliest_election_day(roll_published_on: str) -> str:
    """The first election day a 选民名单 published on `roll_published_on` allows ("" without a day)."""
    day = _day(roll_published_on)
    return (day + timedelta(days=ROLL_DAYS_BEFORE)).isoformat() if day else ""


def handover_deadline(announced_on: str) -> str:
    """The last day of the 工作移交 (十日内, 第二十条), counted from the new committee's election."""
    day = _day(announced_on)
    return (day + timedelta(days=HANDOVER_DAYS)).isoformat() if day else ""


def shortfall_of_candidates(seats: dict[str, int], candidates: dict[str, int], on: str) -> list[Message]:
    """Posts with no more candidates than seats (候选人的名额应当多于应选名额, 第十五条)."""
    from models.elections.seats import POST_LABELS

    out = []
    for post, wanted in seats.items():
        have = candidates.get(post, 0)
        if wanted and have <= wanted:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{post}应选{seats}名,候选人只有{have}名;候选人的名额应当多于应选名额({law})。"),
                post=POST_LABELS[post], seats=wanted, have=have, law=law.cite(law.ART_VOTE, on)))
    return out


def steps_of(facts: ElectionFacts) -> list[Step]:
    """Every step of the election, in order, with its date and what was irregular."""
    day = facts.election_day
    keys = BY_ELECTION_STEPS if facts.kind == KIND_BY_ELECTION else GENERAL_STEPS
    done = {
        STEP_COMMITTEE: facts.committee_chosen_on,
        STEP_ROLL: facts.roll_published_on,
        STEP_CANDIDATES: facts.candidates_published_on,
        STEP_PROXIES: facts.proxies_published_on,
        STEP_AUDIT: facts.audit_published_on,
        STEP_VOTE: facts.vote_held_on,
        STEP_ANNOUNCE: facts.announced_on,
        STEP_HANDOVER: facts.handover_on,
    }
    out = []
    for key in keys:
        problems: list[Message] = []
        if key == STEP_ROLL:
            gap = roll_gap_problem(facts.roll_published_on, day)
            if gap is not None:
                problems.append(gap)
        elif key == STEP_CANDIDATES:
            late = candidate_list_problem(facts.candidates_published_on, day, facts.province)
            if late is not None:
                problems.append(late)
        elif key == STEP_VOTE and facts.vote_held_on and day and facts.vote_held_on != day:
            # The vote recorded on another day than the election day: the list's twenty days and the
            # objection deadlines were counted from the election day, so say so, and judge the list
            # against the day the vote was really held.
            problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "投票登记在{vote},与选举日{day}不一致;请核对投票日期,选举日改了的请用“修改…”改正。"),
                vote=facts.vote_held_on, day=day))
            gap = roll_gap_problem(facts.roll_published_on, facts.vote_held_on)
            if gap is not None and facts.vote_held_on < day:
                problems.append(gap)
        elif key == STEP_AUDIT and facts.audit_published_on and facts.vote_held_on \
                and facts.audit_published_on >= facts.vote_held_on:
            problems.append(_audit_late(facts))
        elif key == STEP_ANNOUNCE and facts.announced_on and facts.vote_held_on \
                and facts.announced_on != facts.vote_held_on:
            problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "投票在{vote},当选公告在{announced};选举结果应当当场公布({law})。"),
                vote=facts.vote_held_on, announced=facts.announced_on, law=law.cite(law.ART_VOTE, day)))
        elif key == STEP_HANDOVER and facts.handover_on and facts.announced_on \
                and facts.handover_on > handover_deadline(facts.announced_on):
            problems.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "工作移交在{handover},晚于{deadline};应当自新一届村民委员会产生之日起十日内完成({law})。"),
                handover=facts.handover_on, deadline=handover_deadline(facts.announced_on),
                law=law.cite(law.ART_HANDOVER, day)))
        needed = not (key == STEP_PROXIES and facts.proxies == 0 and not facts.proxies_published_on)
        out.append(Step(key, STEP_TITLES[key], done[key], needed, tuple(problems)))
    return out


def _audit_late(facts: ElectionFacts) -> Message:
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "离任经济责任审计结果应当在下一届村民委员会选举之前公布({law})。"),
        law=law.cite(law.ART_AUDIT, facts.election_day))


def why_not(key: str, facts: ElectionFacts, today: date) -> list[Message]:
    """Why step `key` cannot be recorded yet (empty: it can)."""
    day = facts.election_day
    general = facts.kind != KIND_BY_ELECTION
    out: list[Message] = []
    if key == STEP_ROLL:
        if general and not facts.committee_chosen_on:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "选民登记由村民选举委员会主持,请先推选村民选举委员会({law})。"),
                law=law.cite(law.ART_COMMITTEE, day)))
        elif general and facts.committee_members == 0:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "村民选举委员会还没有在任的成员,请在“选举委员会”中登记推选出的主任和委员"
                    "(成员出缺的,依次递补或者另行推选)({law})。"),
                law=law.cite(law.ART_COMMITTEE, day)))
        if facts.voters == 0:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "选民名单还是空的,请先在“选民登记”中登记选民({law})。"),
                           law=law.cite(law.ART_VOTERS, day)))
    elif key == STEP_CANDIDATES:
        if general and not facts.roll_published_on:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "候选人由登记参加选举的村民提名,请先公布选民名单({law})。"),
                law=law.cite(law.ART_VOTE, day)))
        if not facts.seats:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有填写应选职位和名额。")))
        out.extend(shortfall_of_candidates(facts.seats, facts.candidates, day))
    elif key == STEP_PROXIES:
        if facts.proxies == 0:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有登记委托投票。")))
    elif key == STEP_VOTE:
        out.extend(_why_not_vote(facts, today))
    elif key == STEP_ANNOUNCE:
        if not facts.vote_held_on:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有登记投票和计票结果。")))
        elif facts.vote_invalid:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "最近一次投票无效,应当重新投票;在“投票计票”中登记新的一轮后才能公告({law})。"),
                law=law.cite(law.ART_VOTE, day)))
        elif facts.vote_pending:
            from models.elections.seats import POST_LABELS

            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{posts}还要另行选举(或就票数相等的人再次投票);在“投票计票”中登记那一轮后才能公告({law})。"),
                posts="、".join(POST_LABELS.get(p, p) for p in facts.vote_pending), law=law.cite(law.ART_VOTE, day)))
        elif facts.elected == 0:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有人当选,不能发布当选公告。")))
    elif key == STEP_HANDOVER:
        if not facts.announced_on:
            out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "新一届村民委员会产生(当选公告)之后才能移交工作。")))
    return out


def _why_not_vote(facts: ElectionFacts, today: date) -> list[Message]:
    day = facts.election_day
    general = facts.kind != KIND_BY_ELECTION
    out: list[Message] = []
    if not day:
        out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有确定选举日。")))
    if general:
        if not facts.roll_published_on:
            out.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "选民名单还没有公布;名单应当在选举日的二十日前公布({law})。"),
                law=law.cite(law.ART_ROLL, day)))
        else:
            gap = roll_gap_problem(facts.roll_published_on, day)
            if gap is not None:
                out.append(gap)
                out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "请把选举日改到{earliest}或以后。"),
                               earliest=earliest_election_day(facts.roll_published_on)))
    if not facts.candidates_published_on:
        out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "候选人名单还没有公布({law})。"),
                       law=law.cite(law.ART_VOTE, day)))
    else:
        out.extend(shortfall_of_candidates(facts.seats, facts.candidates, day))
    if facts.proxies and not facts.proxies_published_on:
        out.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "有{count}人委托投票,村民选举委员会应当先公布委托人和受委托人的名单({law})。"),
            count=facts.proxies, law=law.cite(law.ART_VOTE, day)))
    if general and not facts.audit_published_on:
        out.append(_audit_late(facts))
    vote_day = _day(day)
    if vote_day is not None and today < vote_day and not out:
        out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "选举日是{day},还有{days}天。"),
                       day=day, days=(vote_day - today).days))
    return out


def notes_for(key: str, facts: ElectionFacts, today: date) -> list[Message]:
    """What to keep in mind when step `key` is taken (deadlines), even when it is possible."""
    day = facts.election_day
    out: list[Message] = []
    if key in (STEP_COMMITTEE, STEP_ROLL) and facts.kind != KIND_BY_ELECTION and day:
        out.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "选举日定在{day},选民名单最迟应在{latest}公布({law})。"),
            day=day, latest=latest_roll_day(day), law=law.cite(law.ART_ROLL, day)))
    elif key == STEP_ANNOUNCE and facts.vote_held_on:
        out.append(msg(_C, QT_TRANSLATE_NOOP(_C, "选举结果应当当场公布,即{vote}({law})。"),
                       vote=facts.vote_held_on, law=law.cite(law.ART_VOTE, day)))
    elif key == STEP_HANDOVER and facts.announced_on:
        deadline = handover_deadline(facts.announced_on)
        text = (QT_TRANSLATE_NOOP(_C, "工作移交应在{deadline}前完成,已经逾期({law})。")
                if today.isoformat() > deadline else
                QT_TRANSLATE_NOOP(_C, "工作移交应在{deadline}前完成,由村民选举委员会主持,乡镇人民政府监督({law})。"))
        out.append(msg(_C, text, deadline=deadline, law=law.cite(law.ART_HANDOVER, day)))
    return out


def next_step(facts: ElectionFacts, today: date) -> NextStep:
    """The first step not taken yet, whether it can be taken now, and why not."""
    if facts.cancelled_on:
        return NextStep(None, QT_TRANSLATE_NOOP(_C, "已取消"), False, cancelled=True)
    for step in steps_of(facts):
        if step.done_on or not step.needed:
            continue
        reasons = why_not(step.key, facts, today)
        notes = notes_for(step.key, facts, today) if not reasons else []
        return NextStep(step.key, step.title, not reasons, tuple(reasons), tuple(notes))
    return NextStep(None, QT_TRANSLATE_NOOP(_C, "已完成"), False)


def stage_title(facts: ElectionFacts, today: date) -> str:
    """What the election list says of it: the next step's title, 已完成 or 已取消 (source text)."""
    return next_step(facts, today).title
