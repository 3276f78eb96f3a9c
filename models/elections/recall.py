"""罢免, 职务自行终止 and 补选 of 村民委员会 members: the law's arithmetic over plain numbers.

组织法 (2018) 第十六条: "本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名,
可以提出罢免村民委员会成员的要求,并说明要求罢免的理由。被提出罢免的村民委员会成员有权
提出申辩意见。罢免村民委员会成员,须有登记参加选举的村民过半数投票,并须经投票的村民过半数
通过。" 第十八条: 丧失行为能力或者被判处刑罚的, 其职务自行终止. 第十九条: 出缺可以由村民会议
或者村民代表会议补选, 程序参照第十五条, 任期到本届村民委员会任期届满时止.

"以上" includes the number and "过半数" excludes exactly half (民法典 第一千二百五十九条), so the
shares are integer arithmetic (`models.meetings.ratios`): ⅕ of 23 voters is 5 signers (4.6 rounded
up), and 50 of 100 votes is not a majority. Every finding cites the 组织法 text in force on the
record's date (the 2025 text from 2026-01-01, without an article number where it is not known).

Qt-free; `desktop.services.recall_service` reads the records and hands the numbers here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.elections.records import (
    BODIES,
    BODY_GROUPS,
    RECALL_BY_REPRESENTATIVES,
    RECALL_BY_VOTERS,
    RECALL_NOT_RECALLED,
    RECALL_RECALLED,
)
from models.legal import LegalBasis, organic_law
from models.meetings.quorum import ERROR, INFO, WARNING, Finding
from models.meetings.ratios import MORE_THAN_HALF, ONE_THIRD_OR_MORE, Ratio
from models.messages import QT_TRANSLATE_NOOP, msg
from models.terms import default_term_last_day

_C = "elections.recall"

ONE_FIFTH_OR_MORE = Ratio(1, 5, True, "五分之一以上")

#: The share of each base a recall request needs (第十六条 第一款).
REQUEST_RATIOS: dict[str, Ratio] = {RECALL_BY_VOTERS: ONE_FIFTH_OR_MORE,
                                    RECALL_BY_REPRESENTATIVES: ONE_THIRD_OR_MORE}

#: Days after the request from which the app reminds that the vote is still not held. The law says no
#: number (the 村民委员会 convenes the 村民会议; provinces' 选举办法 may set one): an app default, 惯例.
CONVENE_REMINDER_DAYS = 30

#: 第十八条: the two causes by which an office ends by law.
CAUSE_INCAPACITY = "incapacity"
CAUSE_SENTENCED = "sentenced"
LAW_END_CAUSES: dict[str, str] = {
    CAUSE_INCAPACITY: QT_TRANSLATE_NOOP(_C, "丧失行为能力"),
    CAUSE_SENTENCED: QT_TRANSLATE_NOOP(_C, "被判处刑罚"),
}

RECALL_ARTICLE = 16
END_BY_LAW_ARTICLE = 18
BY_ELECTION_ARTICLE = 19


def recall_basis(on: str | date | None) -> LegalBasis:
    """第十六条 as the text in force on `on` cites it."""
    return organic_law(RECALL_ARTICLE, on)


# --- the request --------------------------------------------------------------------------

@dataclass(frozen=True)
class RequestVerdict:
    """Whether enough people signed: `needed` of `base`, and why (findings)."""

    basis: str
    signers: int
    base: int
    needed: int
    met: bool
    findings: tuple[Finding, ...]


def check_request(basis: str, signers: int, base: int, on: str, reasons: str = "") -> RequestVerdict:
    """A recall request of `signers` out of `base` (registered voters or sitting 村民代表) on `on`.

    ⅕ of the voters or ⅓ of the 村民代表, "以上" (exactly ⅕ is enough). A request without its
    reasons is a finding too: the law asks the signers to state them (说明要求罢免的理由).
    """
    ratio = REQUEST_RATIOS.get(basis, ONE_FIFTH_OR_MORE)
    cite = recall_basis(on)
    needed = ratio.needed(base) if base > 0 else 0
    met = base > 0 and 0 <= signers <= base and ratio.met(signers, base)
    who = (QT_TRANSLATE_NOOP(_C, "有选举权的村民") if basis == RECALL_BY_VOTERS
           else QT_TRANSLATE_NOOP(_C, "村民代表"))
    share = (QT_TRANSLATE_NOOP(_C, "五分之一以上") if basis == RECALL_BY_VOTERS
             else QT_TRANSLATE_NOOP(_C, "三分之一以上"))
    out: list[Finding] = []
    if base <= 0:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "不知道{who}的总数,无法判断联名人数是否达到{share}。"), who=who, share=share), cite))
    elif signers > base:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "联名 {signers} 人,多于{who}总数 {base} 人,请核对。"), signers=signers, who=who, base=base), cite))
    elif met:
        out.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "联名 {signers} 人,达到{who} {base} 人的{share}({needed} 人),可以提出罢免要求。"),
            signers=signers, who=who, base=base, share=share, needed=needed), cite))
    else:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "联名 {signers} 人,不足{who} {base} 人的{share}({needed} 人),罢免要求不成立。"),
            signers=signers, who=who, base=base, share=share, needed=needed), cite))
    if not (reasons or "").strip():
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "罢免要求应当说明要求罢免的理由。")), cite))
    return RequestVerdict(basis, signers, base, needed, met, tuple(out))


# --- the vote -------------------------------------------------------------------------------

@dataclass(frozen=True)
class VoteVerdict:
    """The recall vote: turnout over half of the registered, agreement over half of those voting."""

    registered: int
    cast: int
    agree: int
    needed_cast: int
    needed_agree: int
    turnout_met: bool
    passed: bool
    findings: tuple[Finding, ...]

    @property
    def outcome(self) -> str:
        """`recalled` or `not_recalled` (the codes stored on the recall)."""
        return RECALL_RECALLED if self.passed else RECALL_NOT_RECALLED


def vote_errors(registered: int, cast: int, agree: int) -> list[str]:
    """What makes the numbers impossible (more cast than registered...), as source-language templates."""
    out = []
    if registered <= 0:
        out.append(QT_TRANSLATE_NOOP(_C, "请填写登记参加选举的村民人数。"))
    if min(cast, agree) < 0:
        out.append(QT_TRANSLATE_NOOP(_C, "人数不能是负数。"))
    if registered > 0 and cast > registered:
        out.append(QT_TRANSLATE_NOOP(_C, "投票人数多于登记参加选举的村民人数,请核对。"))
    if agree > cast:
        out.append(QT_TRANSLATE_NOOP(_C, "赞成罢免的票数多于投票人数,请核对。"))
    return out


def check_vote(registered: int, cast: int, agree: int, on: str) -> VoteVerdict:
    """The recall vote of `on`: recalled only when both majorities are reached (exactly half is not).

    Impossible numbers (see `vote_errors`) are the service's refusal; here they simply do not pass.
    """
    cite = recall_basis(on)
    needed_cast = MORE_THAN_HALF.needed(registered) if registered > 0 else 0
    needed_agree = MORE_THAN_HALF.needed(cast) if cast > 0 else 0
    sane = not vote_errors(registered, cast, agree)
    turnout = sane and MORE_THAN_HALF.met(cast, registered)
    agreed = sane and cast > 0 and MORE_THAN_HALF.met(agree, cast)
    out: list[Finding] = []
    if turnout:
        out.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "登记参加选举的村民 {registered} 人,投票 {cast} 人,过半数(至少 {needed} 人),表决有效。"),
            registered=registered, cast=cast, needed=needed_cast), cite))
    else:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "登记参加选举的村民 {registered} 人,投票 {cast} 人,未过半数(至少 {needed} 人),罢免不成立。"),
            registered=registered, cast=cast, needed=needed_cast), cite))
    if turnout and agreed:
        out.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "赞成罢免 {agree} 票,超过投票人数 {cast} 人的半数(至少 {needed} 票),罢免通过。"),
            agree=agree, cast=cast, needed=needed_agree), cite))
    elif turnout:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "赞成罢免 {agree} 票,未超过投票人数 {cast} 人的半数(至少 {needed} 票),罢免未通过。"),
            agree=agree, cast=cast, needed=needed_agree), cite))
    return VoteVerdict(registered, cast, agree, needed_cast, needed_agree, turnout, turnout and agreed, tuple(out))


def answer_findings(answer: str, answered_on: str, vote_on: str) -> list[Finding]:
    """The member's 申辩: a right, not a duty — its absence or a late date is a warning on the vote."""
    cite = recall_basis(vote_on)
    if not (answer or "").strip():
        return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "没有登记被提出罢免的成员的申辩意见;表决前应当让其提出申辩意见(本人放弃的,请在申辩意见中写明)。")),
            cite)]
    if answered_on and vote_on and answered_on > vote_on:
        return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "申辩意见登记于 {answered} ,晚于表决日 {vote};申辩应在表决前提出。"),
            answered=answered_on, vote=vote_on), cite)]
    return []


def convening_findings(requested_on: str, vote_on: str, today: str) -> list[Finding]:
    """A reminder when a valid request waits long for its vote (惯例: the law sets no number of days)."""
    end = vote_on or today
    if not requested_on or not end:
        return []
    try:
        days = (date.fromisoformat(end) - date.fromisoformat(requested_on)).days
    except ValueError:
        return []
    if days <= CONVENE_REMINDER_DAYS:
        return []
    if vote_on:
        template = QT_TRANSLATE_NOOP(
            _C, "罢免要求提出 {days} 天后才表决;村民委员会应当及时召集村民会议表决(期限以本省选举办法为准;"
                "超过 {limit} 天提示为本软件惯例)。")
    else:
        template = QT_TRANSLATE_NOOP(
            _C, "罢免要求提出已 {days} 天,还没有表决;村民委员会应当及时召集村民会议表决(期限以本省选举办法为准;"
                "超过 {limit} 天提示为本软件惯例)。")
    return [Finding(WARNING, msg(_C, template, days=days, limit=CONVENE_REMINDER_DAYS), None)]


# --- office ended by law, and the by-election -----------------------------------------------

def end_by_law_detail(cause: str, on: str) -> str:
    """The end reason's detail for 第十八条: `职务自行终止(被判处刑罚),依据…`."""
    label = LAW_END_CAUSES.get(cause)
    if label is None:
        raise ValueError(cause)
    return f"职务自行终止({label}),{organic_law(END_BY_LAW_ARTICLE, on).cite()}"


def current_term_end(general_days: list[str], member_starts: list[str], on: str) -> str:
    """The last day of the 村委会 term running on `on` (ISO), "" when nothing tells.

    The term begins at the latest 换届选举 held on or before `on`; without one on record, at the
    earliest start of the members sitting that day. Five years (第十一条), last day included.
    """
    held = sorted(d for d in general_days if d and d <= on)
    start = held[-1] if held else min((s for s in member_starts if s and s <= on), default="")
    if not start:
        return ""
    return default_term_last_day(date.fromisoformat(start)).isoformat()


def by_election_findings(body: str, term_end: str, on: str) -> list[Finding]:
    """What a 补选 started on `on` must respect (第十九条): the body, and a term that ends with the current one."""
    cite = organic_law(BY_ELECTION_ARTICLE, on)
    out: list[Finding] = []
    if body not in BODIES or body == BODY_GROUPS:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "补选由村民会议或者村民代表会议进行。")), cite))
    if not term_end:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "不知道本届村民委员会的任期何时届满;补选的成员任期到本届任期届满时止,请填写。")), cite))
    elif term_end < on:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "本届村民委员会任期已于 {end} 届满,应当换届选举而不是补选。"), end=term_end), cite))
    else:
        out.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "补选的成员任期到本届村民委员会任期届满({end})时止;补选程序参照村民委员会选举的规定(过半数投票有效,得票过半数当选)。"),
            end=term_end), cite))
    return out
