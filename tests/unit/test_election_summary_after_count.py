"""The step summary after a count: a pending 另行选举 or a vote to hold again is named, not "nobody elected"."""

from __future__ import annotations

from desktop.services import election_count_service as ec
from desktop.services import elections_service
from models.elections import procedure as pr
from tests.support.election_count_site import DAY, election_site


def _typed(election, votes, cast, issued=8):
    base = ec.round_lines(election)
    lines = [ec.Line(ln.post, ln.name, votes.get(ln.name, 0), ln.candidate_id, ln.write_in, ln.person_id, ln.woman)
             for ln in base.lines]
    return ec.RoundInput(base.kind, DAY.isoformat(), issued, cast, 0, tuple(lines))


def _reasons(election) -> str:
    return "\n".join(str(m) for m in pr.why_not("announce", elections_service.facts(election), DAY))


def test_summary_names_the_runoff_still_to_hold(store):
    admin, _ids, election = election_site(store)
    votes = {"张一": 5, "王二": 2, "李三": 4, "周四": 3, "赵五": 4, "钱六": 3, "孙七": 3, "吴八": 2, "郑九": 1}
    ec.save_round(admin, election, _typed(election, votes, cast=7))
    reasons = _reasons(election)
    assert "委员还要另行选举" in reasons and "还没有人当选" not in reasons
    assert elections_service.facts(election).elected == 3


def test_summary_says_a_vote_at_exactly_half_turnout_is_held_again(store):
    admin, _ids, election = election_site(store)
    ec.save_round(admin, election, _typed(election, {"张一": 4, "李三": 4, "赵五": 4}, cast=5))  # 5 × 2 = 10 ≤ 11
    assert "最近一次投票无效" in _reasons(election)


def test_the_announcement_judges_the_committee_once_everyone_is_in(store):
    admin, _ids, election = election_site(store)
    ec.save_round(admin, election, _typed(election, {"张一": 5, "李三": 4, "赵五": 5, "钱六": 4, "孙七": 4}, cast=7))
    done = ec.announce(admin, election, DAY)
    assert len(done.elected) == 5
    texts = "\n".join(w.text() for w in done.warnings)
    assert "现有 1 人" not in texts and "现有 2 人" not in texts  # each appointment saw a half-filled committee
