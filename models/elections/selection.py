"""The 推选 of a 村民代表 or a 村民小组长: the law's checks over plain numbers (all warnings).

组织法 (2018) 第二十五条: 村民代表由村民按每五户至十五户推选一人,或者由各村民小组推选若干人;
妇女村民代表应当占村民代表会议组成人员的三分之一以上 (the 组成人员 are the 村委会 members and
the 村民代表; DOMAIN §14: the women counted are the *representatives*); 村民代表的任期与村民委员会的
任期相同. 第二十八条: 村民小组长由村民小组会议推选, 任期与村民委员会的任期相同; a 村民小组会议
needs ⅔ of the group's adults or of its households present, and its decisions more than half of
those present.

What a 推选 looks like is left to the village (a province's 选举办法 may say more): these are
warnings, the record is kept. The 2025 amendment's numbers for these articles are not known
(`models.statutes`): a 2026 finding cites 《村民委员会组织法》(2025) without an article number.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.elections.records import (
    METHOD_GROUP,
    METHOD_HOUSEHOLDS,
    SELECT_GROUP_LEADER,
    SELECT_REPRESENTATIVE,
)
from models.legal import organic_law
from models.meetings.quorum import INFO, WARNING, Finding
from models.meetings.ratios import MORE_THAN_HALF, ONE_THIRD_OR_MORE, TWO_THIRDS_OR_MORE
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "elections.selection"

REPRESENTATIVE_ARTICLE = 25
GROUP_ARTICLE = 28
HOUSEHOLDS_LOW = 5
HOUSEHOLDS_HIGH = 15

#: A 推选's kind -> the office (PersonRole.role) it opens.
ROLE_OF_KIND = {SELECT_REPRESENTATIVE: "representative", SELECT_GROUP_LEADER: "group_leader"}


@dataclass(frozen=True)
class SelectionFacts:
    """One 推选 as the checks need it.

    `households`: households that chose (a 户代表推选). `electors`: who took part (户代表 or
    people at the 村民小组会议); `group_size`: the group's adults (or households) when known, for
    the 村民小组会议's ⅔. `votes`: votes for the person chosen. `women` and `members`: women
    村民代表 and 村民代表会议组成人员 as they stand once this 推选 counts (representatives only).
    `term_end`: the 村委会's term end ("" when not known).
    """

    kind: str
    method: str
    held_on: str
    village_group: str = ""
    households: int = 0
    electors: int = 0
    votes: int = 0
    group_size: int = 0
    women: int = 0
    members: int = 0
    term_end: str = ""


def households_in_range(households: int) -> bool:
    """每五户至十五户推选一人: 5 and 15 are in, 4 and 16 are not."""
    return HOUSEHOLDS_LOW <= households <= HOUSEHOLDS_HIGH


def women_enough(women: int, members: int) -> bool:
    """Women representatives ≥ ⅓ of the 代表会议's members ("以上": exactly ⅓ is enough)."""
    return ONE_THIRD_OR_MORE.met(women, members)


def check_selection(facts: SelectionFacts) -> list[Finding]:
    """The warnings (and the term it runs to) of one 推选, citing the text in force on its day."""
    rep = facts.kind == SELECT_REPRESENTATIVE
    cite = organic_law(REPRESENTATIVE_ARTICLE if rep else GROUP_ARTICLE, facts.held_on)
    group_cite = organic_law(GROUP_ARTICLE, facts.held_on)
    out: list[Finding] = []
    if rep and facts.method == METHOD_HOUSEHOLDS and not households_in_range(facts.households):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "由 {n} 户推选一名村民代表;村民代表由村民按每五户至十五户推选一人。"), n=facts.households), cite))
    if (not rep or facts.method == METHOD_GROUP) and not facts.village_group:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(_C, "请写明由哪个村民小组推选。")), cite))
    if not rep and facts.method != METHOD_GROUP:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民小组长由村民小组会议推选。")), cite))
    out += _votes(facts, group_cite)
    if rep and facts.members:
        if women_enough(facts.women, facts.members):
            out.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
                _C, "妇女村民代表 {women} 人,达到村民代表会议组成人员 {total} 人的三分之一({needed} 人)。"),
                women=facts.women, total=facts.members, needed=ONE_THIRD_OR_MORE.needed(facts.members)), cite))
        else:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "妇女村民代表 {women} 人,不足村民代表会议组成人员 {total} 人的三分之一({needed} 人)。"),
                women=facts.women, total=facts.members, needed=ONE_THIRD_OR_MORE.needed(facts.members)), cite))
    out += _term(facts, cite)
    return out


def _votes(facts: SelectionFacts, cite) -> list[Finding]:
    """The 村民小组会议's ⅔ attendance and majority (第二十八条); for 户代表推选 the majority is practice."""
    out: list[Finding] = []
    group_meeting = facts.method == METHOD_GROUP
    if group_meeting and facts.group_size and facts.electors and not TWO_THIRDS_OR_MORE.met(
            facts.electors, facts.group_size):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民小组会议到会 {electors} 人(户),不足本组 {size} 人(户)的三分之二({needed})。"),
            electors=facts.electors, size=facts.group_size, needed=TWO_THIRDS_OR_MORE.needed(facts.group_size)),
            cite))
    if facts.electors and facts.votes > facts.electors:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "得票 {votes} 多于参加推选的 {electors} 人(户),请核对。"), votes=facts.votes,
            electors=facts.electors), None))
    elif facts.electors and not MORE_THAN_HALF.met(facts.votes, facts.electors):
        if group_meeting:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "得票 {votes},未超过到会 {electors} 人的半数({needed});村民小组会议的决定应当经到会人员的过半数同意。"),
                votes=facts.votes, electors=facts.electors, needed=MORE_THAN_HALF.needed(facts.electors)), cite))
        else:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "得票 {votes},未超过参加推选的 {electors} 户的半数({needed});推选一般以过半数为准(惯例)。"),
                votes=facts.votes, electors=facts.electors, needed=MORE_THAN_HALF.needed(facts.electors)), None))
    return out


def _term(facts: SelectionFacts, cite) -> list[Finding]:
    """任期与村民委员会的任期相同: the term runs to the 村委会's term end."""
    if not facts.term_end:
        return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "不知道本届村民委员会的任期何时届满;任期与村民委员会的任期相同。")), cite)]
    if facts.term_end < facts.held_on:
        return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "本届村民委员会任期已于 {end} 届满;应在换届后推选,任期与新一届村民委员会相同。"),
            end=facts.term_end), cite)]
    return [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
        _C, "任期与本届村民委员会相同,到 {end} 止。"), end=facts.term_end), cite)]
