"""The 计票 arithmetic of one round as the 计票结果报告单 writes it out (组织法 2018 第十五条).

Interim: the count helper's tally engine (`models.elections.tally`) is the one
place the rule of 第十五条 is to live; until it is on main, the report reads
the stored round with this small reading of the rule, and switches to the
engine when it lands. Pure functions over numbers: no Qt, no database.

The rule: the vote is valid when more than half of the registered voters
cast a ballot; in the 正式选举 a candidate is elected with more than half of
the ballots cast, the most votes first when more pass than there are seats
(a tie for the last seat is decided by another vote); in a 另行选举 the most
votes win, but not with fewer than one third of the ballots cast.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

ELECTED, NOT_ELECTED, TIE = "elected", "not_elected", "tie"


@dataclass(frozen=True)
class NameResult:
    """One name's votes for one post and what they mean."""

    name: str
    votes: int
    passes: bool  # more than half (正式选举) / at least one third (另行选举) of the ballots cast
    outcome: str  # ELECTED / NOT_ELECTED / TIE (equal votes for the last seat: vote again)
    write_in: bool = False


@dataclass(frozen=True)
class PostResult:
    """One post in one round: its seats, the names by votes, the seats left for a 另行选举."""

    post: str
    seats: int
    names: tuple[NameResult, ...]

    @property
    def elected(self) -> int:
        """Seats filled in this round."""
        return sum(1 for n in self.names if n.outcome == ELECTED)

    @property
    def unfilled(self) -> int:
        """Seats left for a 另行选举."""
        return max(0, self.seats - self.elected)


def half(n: int) -> Fraction:
    """Half of `n` (405½ for 811)."""
    return Fraction(n, 2)


def third(n: int) -> Fraction:
    """One third of `n`."""
    return Fraction(n, 3)


def valid(registered: int, cast: int) -> bool:
    """More than half of the registered voters cast a ballot."""
    return registered > 0 and cast * 2 > registered


def passes(votes: int, cast: int, runoff: bool) -> bool:
    """More than half (正式选举), or at least one third (另行选举), of the ballots cast."""
    if cast <= 0:
        return False
    return votes * 3 >= cast if runoff else votes * 2 > cast


def post_result(post: str, seats: int, names: list[tuple[str, int, bool]], cast: int, runoff: bool) -> PostResult:
    """Who of `names` ((name, votes, write_in)) takes the `seats` of `post`.

    Those who pass take the seats by votes; when the last seat falls between
    equal votes none of the tied is elected (they go to another vote).
    """
    ranked = sorted(names, key=lambda n: -n[1])
    qualified = [n for n in ranked if passes(n[1], cast, runoff)]
    out: list[NameResult] = []
    taken = 0
    for name, votes, write_in in ranked:
        ok = passes(votes, cast, runoff)
        outcome = NOT_ELECTED
        if ok and taken < seats:
            tied = [q for q in qualified if q[1] == votes]
            above = sum(1 for q in qualified if q[1] > votes)
            if above + len(tied) <= seats:
                outcome = ELECTED
            elif above < seats:
                outcome = TIE
        if outcome == ELECTED:
            taken += 1
        out.append(NameResult(name, votes, ok, outcome, write_in))
    return PostResult(post, seats, tuple(out))


def number(value: Fraction) -> str:
    """406 / 405.5 / 213.3: a half or a third written as people write it."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.1f}".rstrip("0").rstrip(".")
