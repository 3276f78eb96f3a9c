"""计票: who is elected, who goes to 另行选举, and why — the arithmetic of 组织法 (2018) 第十五条.

The law (第十五条第二款): "有登记参加选举的村民过半数投票，选举有效；候选人获得参加投票
的村民过半数的选票，始得当选。当选人数不足应选名额的，不足的名额另行选举。另行选举的，
第一次投票未当选的人员得票多的为候选人，候选人以得票多的当选，但是所得票数不得少于已投
选票总数的三分之一。" In integers (DOMAIN §3.1: 过半数 is strictly more than half, 不得少于
includes the number):

- the vote is valid when ``cast * 2 > registered``;
- in the 正式选举 a name is elected when ``votes * 2 > cast``;
- in the 另行选举 the most votes win when ``votes * 3 >= cast`` (exactly ⅓ is enough).

What the national law leaves open, this engine does as the common practice and says so
("惯例", a warning or a note, never a refusal): more names over half than seats → the
highest win; a tie at the last seat → a further vote between the tied names; a name elected
to a higher post (主任) whose name is also in a lower column (委员) keeps the higher post; the
另行选举's candidates are the unelected names with the most votes, one more than the unfilled
seats (差额), all tied names at the cut kept. The province's 村民委员会选举办法 decides the
details; its article numbers are not cited here because they were not read.

第六条: "村民委员会成员中，应当有妇女成员" — when the elected include no woman, a warning
names the article and what provinces do (另行选举 for a women's seat, 专职专选).

Pure: no database, no Qt. The screen (计票 tab), the CLI (`cunwu election tally`), the
计票结果报告单 and the township board all read this one result, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.elections.records import POST_CHAIR, POST_MEMBER, POST_VICE, POSTS
from models.legal import LegalBasis, organic_law
from models.meetings.quorum import ERROR, INFO, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "election_tally"

#: Post codes → their Chinese names (the same codes as the term records' roles).
POST_LABELS = {
    POST_CHAIR: QT_TRANSLATE_NOOP(_C, "主任"),
    POST_VICE: QT_TRANSLATE_NOOP(_C, "副主任"),
    POST_MEMBER: QT_TRANSLATE_NOOP(_C, "委员"),
}
#: Chinese post names (and common variants) → codes, for sheets and the CLI's --seats.
POST_BY_NAME = {
    "主任": POST_CHAIR, "村委会主任": POST_CHAIR, "村民委员会主任": POST_CHAIR,
    "副主任": POST_VICE, "村委会副主任": POST_VICE, "村民委员会副主任": POST_VICE,
    "委员": POST_MEMBER, "村委会委员": POST_MEMBER, "村民委员会委员": POST_MEMBER,
}

#: Status of one name for one post after a round.
ELECTED = "elected"  # 当选
RUNOFF = "runoff"  # 进入另行选举
TIE = "tie"  # 票数相等, 再次投票
NOT_ELECTED = "not_elected"  # 未当选
HIGHER_POST = "higher_post"  # 已当选更高职务, 本栏不计

#: Kinds of the further votes a round leaves.
FURTHER_RUNOFF = "runoff"  # 另行选举 (第十五条)
FURTHER_TIE = "tie"  # 票数相等的再次投票 (惯例)

#: Round kinds (the same codes as ElectionRound.kind).
ROUND_MAIN = "main"
ROUND_RUNOFF = "runoff"


@dataclass(frozen=True)
class Entry:
    """Votes for one name for one post: a candidate or a name written in (另选他人).

    `key` is the caller's identifier (a candidate id, a person id, a sheet row) handed back in
    the result; `woman` is None when not known (the CLI's sheet has no sex column).
    """

    post: str
    name: str
    votes: int
    is_candidate: bool = True
    key: str = ""
    woman: bool | None = None


@dataclass(frozen=True)
class Count:
    """The input of one round: the ballot counts, the seats and the votes."""

    registered: int  # 登记参加选举的村民 (current lines of the 选民名单)
    ballots_cast: int  # 收回选票 = 参加投票的村民
    seats: dict[str, int]  # post → seats to fill in this round
    entries: tuple[Entry, ...] = ()
    ballots_issued: int | None = None  # 发出选票 (None = not recorded)
    invalid_ballots: int = 0  # 无效票
    kind: str = ROUND_MAIN  # main (正式选举) or runoff (另行选举)
    on: date | str | None = None  # election day: which 组织法 text is cited
    woman_sitting: bool = False  # a woman already sits on the committee (a 补选, or elected earlier)


@dataclass(frozen=True)
class Outcome:
    """What became of one entry, and why."""

    entry: Entry
    status: str  # ELECTED / RUNOFF / TIE / NOT_ELECTED / HIGHER_POST
    reason: Message


@dataclass(frozen=True)
class Further:
    """A vote still to hold for a post: the 另行选举 of unfilled seats, or a vote between tied names."""

    post: str
    seats: int
    entries: tuple[Entry, ...]
    kind: str = FURTHER_RUNOFF

    @property
    def candidates(self) -> list[str]:
        """The names on the further ballot, most votes first."""
        return [e.name for e in self.entries]


@dataclass
class Result:
    """The count of one round: valid or not, who is elected, what vote is still to hold, and why.

    `errors` are counts that cannot be (more votes than ballots…): then nothing is judged and
    the screen refuses to save. `reasons` explain everything else, each with its article.
    `arithmetic` is the sum written out, line by line, for the 计票结果报告单.
    """

    valid: bool = False
    registered: int = 0
    ballots_cast: int = 0
    ballots_issued: int | None = None
    invalid_ballots: int = 0
    kind: str = ROUND_MAIN
    elected: list[Outcome] = field(default_factory=list)
    further: list[Further] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    reasons: list[Finding] = field(default_factory=list)
    arithmetic: list[Message] = field(default_factory=list)

    @property
    def valid_ballots(self) -> int:
        """有效票: ballots cast less the invalid ones."""
        return self.ballots_cast - self.invalid_ballots

    @property
    def runoff(self) -> list[Further]:
        """The further votes that are a 另行选举 (not a tie vote)."""
        return [f for f in self.further if f.kind == FURTHER_RUNOFF]

    def outcome_of(self, key: str) -> Outcome | None:
        """The outcome of the entry with this caller key, if any."""
        return next((o for o in self.outcomes if o.entry.key == key), None)

    def as_dict(self) -> dict:
        """The CLI's JSON: valid, ballots_cast, elected, runoff, reasons (and errors)."""
        return {
            "valid": self.valid and not self.errors,
            "registered": self.registered,
            "ballots_cast": self.ballots_cast,
            "elected": [{"post": post_label(o.entry.post), "name": o.entry.name, "votes": o.entry.votes}
                        for o in self.elected],
            "runoff": [{"post": post_label(f.post), "seats": f.seats, "candidates": f.candidates,
                        "kind": f.kind} for f in self.further],
            "reasons": [f.text() for f in self.errors + self.reasons],
        }


def post_label(post: str) -> str:
    """主任 / 副主任 / 委员 for a post code (the code itself when unknown)."""
    return POST_LABELS.get(post, post)


def _law(article: int, on) -> LegalBasis:
    return organic_law(article, on=on)


def _error(template: str, on, article: int = 0, **params) -> Finding:
    """A count that cannot be, as an error (nothing is judged then).

    Plain arithmetic cites nothing; a count against the list or the ballots cites `article`
    (第十五条: 登记参加选举的村民投票, 公开计票) in the text in force on `on`.
    """
    return Finding(ERROR, msg(_C, template, **params), _law(article, on) if article else None)


def _check(count: Count) -> list[Finding]:
    """Counts that cannot be: each an error naming the numbers (nothing is judged then)."""
    on = count.on
    errs: list[Finding] = []
    if count.registered < 0 or count.ballots_cast < 0 or count.invalid_ballots < 0 or (
            count.ballots_issued is not None and count.ballots_issued < 0):
        errs.append(_error(QT_TRANSLATE_NOOP(_C, "选民人数和选票张数不能是负数。"), on))
        return errs
    if count.ballots_issued is not None and count.ballots_cast > count.ballots_issued:
        errs.append(_error(QT_TRANSLATE_NOOP(
            _C, "收回选票 {cast} 张,多于发出的 {issued} 张。收回的选票多于发出的选票,这次投票无效,"
                "应当重新投票(惯例,以本省选举办法为准)。"),
            on, cast=count.ballots_cast, issued=count.ballots_issued))
    if count.ballots_cast > count.registered:
        errs.append(_error(QT_TRANSLATE_NOOP(
            _C, "参加投票 {cast} 人,多于登记参加选举的 {registered} 人,请核对。"),
            on, 15, cast=count.ballots_cast, registered=count.registered))
    if count.invalid_ballots > count.ballots_cast:
        errs.append(_error(QT_TRANSLATE_NOOP(
            _C, "无效票 {invalid} 张,多于收回的 {cast} 张选票,请核对。"),
            on, invalid=count.invalid_ballots, cast=count.ballots_cast))
    valid_ballots = count.ballots_cast - count.invalid_ballots
    seen: set[tuple[str, str]] = set()
    totals: dict[str, int] = {}
    for e in count.entries:
        label = post_label(e.post)
        if e.post not in count.seats:
            errs.append(_error(QT_TRANSLATE_NOOP(
                _C, "{name}的得票记在“{post}”下,但这次选举没有{post}的名额。"), on, name=e.name, post=label))
            continue
        if not e.name.strip():
            errs.append(_error(QT_TRANSLATE_NOOP(_C, "{post}有一行得票没有姓名。"), on, post=label))
        if e.votes < 0:
            errs.append(_error(QT_TRANSLATE_NOOP(_C, "{post}{name}的得票不能是负数。"), on,
                               post=label, name=e.name))
            continue
        if (e.post, e.name) in seen:
            errs.append(_error(QT_TRANSLATE_NOOP(
                _C, "{post}{name}出现了两次,请把得票合并成一行。"), on, post=label, name=e.name))
        seen.add((e.post, e.name))
        if e.votes > max(valid_ballots, 0):
            errs.append(_error(QT_TRANSLATE_NOOP(
                _C, "{post}{name}得 {votes} 票,多于有效选票 {valid} 张(收回 {cast} 张,无效 {invalid} 张);"
                    "一张选票对一个人只能投一票。"),
                on, 15, post=label, name=e.name, votes=e.votes, valid=valid_ballots,
                cast=count.ballots_cast, invalid=count.invalid_ballots))
        totals[e.post] = totals.get(e.post, 0) + e.votes
    for post, total in totals.items():
        seats = count.seats.get(post, 0)
        if valid_ballots >= 0 and total > valid_ballots * seats:
            errs.append(_error(QT_TRANSLATE_NOOP(
                _C, "{post}共计 {total} 票,多于有效选票 {valid} 张 × 应选 {seats} 名 = {most} 票;"
                    "每张选票选{post}最多 {seats} 人。"),
                on, 15, post=post_label(post), total=total, valid=valid_ballots, seats=seats,
                most=valid_ballots * seats))
    for post, seats in count.seats.items():
        if seats < 0:
            errs.append(_error(QT_TRANSLATE_NOOP(_C, "{post}的应选名额不能是负数。"), on, post=post_label(post)))
    return errs


def _turnout(count: Count, res: Result) -> bool:
    """第十五条: valid when more than half of the registered voters cast a ballot."""
    cast, reg = count.ballots_cast, count.registered
    res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
        _C, "登记参加选举的村民 {registered} 人,发出选票 {issued} 张,收回选票 {cast} 张,"
            "其中无效票 {invalid} 张、有效票 {valid} 张。"),
        registered=reg, issued="—" if count.ballots_issued is None else count.ballots_issued,
        cast=cast, invalid=count.invalid_ballots, valid=cast - count.invalid_ballots))
    if cast * 2 > reg:
        res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "参加投票 {cast} 人 × 2 = {double} > 登记选民 {registered} 人,超过半数,选举有效。"),
            cast=cast, double=cast * 2, registered=reg))
        res.reasons.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "参加投票 {cast} 人,超过登记选民 {registered} 人的半数,选举有效。"),
            cast=cast, registered=reg), _law(15, count.on)))
        return True
    need = reg // 2 + 1
    res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
        _C, "参加投票 {cast} 人 × 2 = {double},不大于登记选民 {registered} 人,未过半数,选举无效。"),
        cast=cast, double=cast * 2, registered=reg))
    res.reasons.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
        _C, "参加投票 {cast} 人,没有超过登记选民 {registered} 人的半数(至少要 {need} 人),选举无效,"
            "无人当选;应当另定日期重新投票。"),
        cast=cast, registered=reg, need=need), _law(15, count.on)))
    return False


def _order(entries) -> list[Entry]:
    """Most votes first; equal votes keep the order given (the ballot's order)."""
    return sorted(entries, key=lambda e: -e.votes)


def _fill(post: str, seats: int, qualified: list[Entry], res: Result,
          tie_law: LegalBasis) -> tuple[list[Entry], list[Entry]]:
    """Elect up to `seats` of the qualified (most votes first); a tie at the last seat → a further vote.

    Returns (elected, tied). Names tied at the last seat are not elected: they go to a vote of
    their own for the seats left (惯例; the law says only that the most votes win).
    """
    ranked = _order(qualified)
    if seats <= 0:
        return [], []
    if len(ranked) <= seats:
        return ranked, []
    cut = ranked[seats - 1].votes
    if ranked[seats].votes != cut:
        return ranked[:seats], []
    above = [e for e in ranked if e.votes > cut]
    tied = [e for e in ranked if e.votes == cut]
    if tied:
        left = seats - len(above)
        res.further.append(Further(post, left, tuple(tied), FURTHER_TIE))
        res.reasons.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}:{names}都得 {votes} 票,票数相等,争 {left} 个名额,不能确定谁当选;"
                "应当就票数相等的人再次投票,以得票多的当选(惯例,以本省选举办法为准)。"),
            post=post_label(post), names="、".join(e.name for e in tied), votes=cut, left=left), tie_law))
    return above, tied


def count_round(count: Count) -> Result:
    """Judge one round (正式选举 or 另行选举): validity, the elected, the further votes, the reasons."""
    res = Result(registered=count.registered, ballots_cast=count.ballots_cast,
                 ballots_issued=count.ballots_issued, invalid_ballots=count.invalid_ballots, kind=count.kind)
    res.errors = _check(count)
    if res.errors:
        return res
    res.valid = _turnout(count, res)
    if not res.valid:
        res.outcomes = [Outcome(e, NOT_ELECTED, msg(_C, QT_TRANSLATE_NOOP(_C, "选举无效,无人当选。")))
                        for e in count.entries]
        return res
    taken: dict[str, str] = {}  # name → the higher post it was elected to
    posts = [p for p in POSTS if p in count.seats] + [p for p in count.seats if p not in POSTS]
    for post in posts:
        entries = [e for e in count.entries if e.post == post]
        if count.kind == ROUND_RUNOFF:
            _runoff_post(post, count.seats[post], entries, count, res, taken)
        else:
            _main_post(post, count.seats[post], entries, count, res, taken)
    _women(count, res)
    _size(count, res)
    return res


def _skip_higher(post: str, entries: list[Entry], res: Result, taken: dict[str, str], count: Count) -> list[Entry]:
    """Names already elected to a higher post in this count: the higher post counts (惯例)."""
    left = []
    for e in entries:
        higher = taken.get(e.name)
        if higher:
            reason = msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}已当选{higher},{post}一栏的 {votes} 票不再计算(同时当选两个职务的,以较高职务为准,惯例)。"),
                name=e.name, higher=post_label(higher), post=post_label(post), votes=e.votes)
            res.outcomes.append(Outcome(e, HIGHER_POST, reason))
            res.reasons.append(Finding(INFO, reason))
        else:
            left.append(e)
    return left


def _main_post(post: str, seats: int, entries: list[Entry], count: Count, res: Result,
               taken: dict[str, str]) -> None:
    """正式选举 of one post: more than half of the ballots cast, the highest first."""
    law = _law(15, count.on)
    cast = count.ballots_cast
    entries = _skip_higher(post, entries, res, taken, count)
    need = cast // 2 + 1
    res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
        _C, "{post}应选 {seats} 名;当选须得票超过参加投票 {cast} 人的半数,即至少 {need} 票。"),
        post=post_label(post), seats=seats, cast=cast, need=need))
    for e in _order(entries):
        res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}{name}{write_in}得 {votes} 票,{votes} × 2 = {double} {cmp} {cast}。"),
            post=post_label(post), name=e.name, write_in="" if e.is_candidate else "(另选他人)",
            votes=e.votes, double=e.votes * 2, cmp=">" if e.votes * 2 > cast else "≤", cast=cast))
    qualified = [e for e in entries if e.votes * 2 > cast]
    elected, tied = _fill(post, seats, qualified, res, law)
    for e in elected:
        taken[e.name] = post
        out = Outcome(e, ELECTED, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}得 {votes} 票,超过参加投票 {cast} 人的半数,当选{post}。"),
            name=e.name, votes=e.votes, cast=cast, post=post_label(post)))
        res.elected.append(out)
        res.outcomes.append(out)
        res.reasons.append(Finding(INFO, out.reason, law))
    if len(qualified) > seats and not tied:
        res.reasons.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}得票过半数的有 {n} 人,多于应选 {seats} 名,以得票多的当选(惯例)。"),
            post=post_label(post), n=len(qualified), seats=seats), law))
    for e in tied:
        res.outcomes.append(Outcome(e, TIE, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}得 {votes} 票,与他人票数相等,要再次投票决定(惯例)。"), name=e.name, votes=e.votes)))
    done = {id(e) for e in elected} | {id(e) for e in tied}
    over_half_left = [e for e in qualified if id(e) not in done]
    for e in over_half_left:
        res.outcomes.append(Outcome(e, NOT_ELECTED, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}得 {votes} 票,虽然过半数,但得票多的人已占满{post}名额,未当选。"),
            name=e.name, votes=e.votes, post=post_label(post))))
    unfilled = seats - len(elected) - (sum(f.seats for f in res.further if f.post == post and f.kind == FURTHER_TIE))
    done |= {id(e) for e in over_half_left}
    rest = [e for e in entries if id(e) not in done]
    if unfilled <= 0:
        for e in rest:
            res.outcomes.append(Outcome(e, NOT_ELECTED, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}得 {votes} 票,没有超过参加投票 {cast} 人的半数,未当选。"),
                name=e.name, votes=e.votes, cast=cast)))
        return
    _send_to_runoff(post, unfilled, len(elected), rest, count, res)


def _send_to_runoff(post: str, unfilled: int, n_elected: int, rest: list[Entry], count: Count,
                    res: Result) -> None:
    """Unfilled seats go to 另行选举; its candidates are the unelected with the most votes.

    How many: one more than the unfilled seats (差额, 惯例), and every name tied at the cut.
    """
    cast = count.ballots_cast
    ranked = [e for e in _order(rest) if e.votes > 0]
    want = unfilled + 1
    if len(ranked) > want:
        cut = ranked[want - 1].votes
        chosen = [e for e in ranked if e.votes >= cut]
    else:
        chosen = ranked
    res.further.append(Further(post, unfilled, tuple(chosen), FURTHER_RUNOFF))
    chosen_ids = {id(e) for e in chosen}
    for e in rest:
        if id(e) in chosen_ids:
            res.outcomes.append(Outcome(e, RUNOFF, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}得 {votes} 票,没有超过参加投票 {cast} 人的半数,未当选;"
                    "在未当选的人中得票较多,作为另行选举的候选人。"),
                name=e.name, votes=e.votes, cast=cast)))
        else:
            res.outcomes.append(Outcome(e, NOT_ELECTED, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}得 {votes} 票,没有超过参加投票 {cast} 人的半数,未当选。"),
                name=e.name, votes=e.votes, cast=cast)))
    if chosen:
        res.reasons.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}应选 {seats} 名,只选出 {elected} 名,不足的 {unfilled} 名另行选举;"
                "候选人为第一次投票未当选的人中得票多的:{names}。"),
            post=post_label(post), seats=_seats_of(count, post),
            elected=n_elected, unfilled=unfilled,
            names="、".join(f"{e.name}({e.votes}票)" for e in chosen)), _law(15, count.on)))
        res.reasons.append(Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "另行选举的候选人人数按比名额多一人(差额)确定,票数相同的一并列入(惯例,以本省选举办法为准)。"))))
    else:
        res.reasons.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}应选 {seats} 名,只选出 {elected} 名,不足的 {unfilled} 名要另行选举,"
                "但第一次投票没有其他得票的人可作候选人;请按本省选举办法确定候选人。"),
            post=post_label(post), seats=_seats_of(count, post), elected=n_elected,
            unfilled=unfilled), _law(15, count.on)))


def _seats_of(count: Count, post: str) -> int:
    return count.seats.get(post, 0)


def _runoff_post(post: str, seats: int, entries: list[Entry], count: Count, res: Result,
                 taken: dict[str, str]) -> None:
    """另行选举 of one post: the most votes win, but not fewer than one third of the ballots cast."""
    law = _law(15, count.on)
    cast = count.ballots_cast
    entries = _skip_higher(post, entries, res, taken, count)
    need = -(-cast // 3)  # ceil(cast / 3): votes × 3 ≥ cast
    res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
        _C, "{post}另行选举 {seats} 名;以得票多的当选,但不得少于已投选票 {cast} 张的三分之一,即至少 {need} 票。"),
        post=post_label(post), seats=seats, cast=cast, need=need))
    for e in _order(entries):
        res.arithmetic.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}{name}{write_in}得 {votes} 票,{votes} × 3 = {triple} {cmp} {cast}。"),
            post=post_label(post), name=e.name, write_in="" if e.is_candidate else "(另选他人)",
            votes=e.votes, triple=e.votes * 3, cmp="≥" if e.votes * 3 >= cast else "<", cast=cast))
    qualified = [e for e in entries if e.votes > 0 and e.votes * 3 >= cast]
    elected, tied = _fill(post, seats, qualified, res, law)
    for e in elected:
        taken[e.name] = post
        out = Outcome(e, ELECTED, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}得 {votes} 票,在另行选举中得票多,且不少于已投选票 {cast} 张的三分之一,当选{post}。"),
            name=e.name, votes=e.votes, cast=cast, post=post_label(post)))
        res.elected.append(out)
        res.outcomes.append(out)
        res.reasons.append(Finding(INFO, out.reason, law))
    for e in tied:
        res.outcomes.append(Outcome(e, TIE, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}得 {votes} 票,与他人票数相等,要再次投票决定(惯例)。"), name=e.name, votes=e.votes)))
    done = {id(e) for e in elected} | {id(e) for e in tied}
    for e in entries:
        if id(e) in done:
            continue
        if e.votes * 3 >= cast and e.votes > 0:
            why = QT_TRANSLATE_NOOP(_C, "{name}得 {votes} 票,达到三分之一,但得票多的人已占满{post}名额,未当选。")
        else:
            why = QT_TRANSLATE_NOOP(_C, "{name}得 {votes} 票,少于已投选票 {cast} 张的三分之一,未当选。")
        res.outcomes.append(Outcome(e, NOT_ELECTED, msg(_C, why, name=e.name, votes=e.votes, cast=cast,
                                                          post=post_label(post))))
    unfilled = seats - len(elected) - sum(f.seats for f in res.further if f.post == post and f.kind == FURTHER_TIE)
    if unfilled > 0:
        res.reasons.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{post}另行选举后仍有 {unfilled} 个名额无人当选(得票不足三分之一);"
                "是否再次另行选举或暂缺,按本省选举办法办理。"),
            post=post_label(post), unfilled=unfilled), law))


def _women(count: Count, res: Result) -> None:
    """第六条: the committee should have a woman member; a warning (with what provinces do) when none."""
    if count.woman_sitting or not res.elected:
        return
    sexes = [o.entry.woman for o in res.elected]
    if any(s is True for s in sexes):
        return
    if any(s is None for s in sexes):
        return  # not known (the CLI's sheet has no sex column): no judgement
    pending = bool(res.further)
    template = (QT_TRANSLATE_NOOP(
        _C, "目前当选的人中没有妇女。村民委员会成员中应当有妇女成员;还有名额待选,可在其中选出妇女成员。")
        if pending else QT_TRANSLATE_NOOP(
        _C, "当选的村民委员会成员中没有妇女,而村民委员会成员中应当有妇女成员。各省选举办法的做法是:"
            "未选出妇女成员的,从应选名额中保留一个名额另行选举妇女成员,或者设妇女委员名额专职专选;"
            "请按本省选举办法办理。"))
    res.reasons.append(Finding(WARNING, msg(_C, template), _law(6, count.on)))


def _size(count: Count, res: Result) -> None:
    """第六条: the committee has three to seven members (checked on a 正式选举 of a whole committee)."""
    if count.kind != ROUND_MAIN:
        return
    total = sum(count.seats.values())
    if total and not 3 <= total <= 7 and set(count.seats) == set(POSTS):
        res.reasons.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "应选名额共 {total} 名;村民委员会由主任、副主任和委员共三至七人组成。"), total=total),
            _law(6, count.on)))


def parse_seats(text: str) -> dict[str, int]:
    """`主任=1,副主任=1,委员=3` (or the codes, `vc_chair=1,…`) → {post code: seats}.

    Raises ValueError with a Chinese reason on anything else.
    """
    seats: dict[str, int] = {}
    for part in text.replace("，", ",").replace("＝", "=").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, number = part.partition("=")
        post = POST_BY_NAME.get(name.strip()) or (name.strip() if name.strip() in POSTS else "")
        if not sep or not post:
            raise ValueError(f"名额写法不对:“{part}”;应写成 主任=1,副主任=1,委员=3。")
        try:
            n = int(number.strip())
        except ValueError:
            raise ValueError(f"“{name.strip()}”的名额“{number.strip()}”不是整数。") from None
        if n < 0:
            raise ValueError(f"“{name.strip()}”的名额不能是负数。")
        if post in seats:
            raise ValueError(f"“{name.strip()}”的名额写了两次。")
        seats[post] = n
    if not seats:
        raise ValueError("没有写应选名额;应写成 主任=1,副主任=1,委员=3。")
    return seats


def format_seats(seats: dict[str, int]) -> str:
    """{post: n} → the stored form `vc_chair=1,vc_vice=1,vc_member=3` (Election.seats)."""
    return ",".join(f"{p}={n}" for p, n in seats.items())
