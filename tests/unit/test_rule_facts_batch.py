"""The township's batched pass gives the same facts as each version read on its own (issue 20).

审核备案 and 备案登记 judge every village's 村规民约 versions at once, each
table read once (`rule_facts.all_facts`, `meetings_batch`). The speed-up must
not change an answer: on the demo township (diligent, late and silent
villages; history, adopted, filed, submitted and reviewed versions) with the
township's own opinions and receipts added, every version's facts and every
meeting's verdict are compared with the one-by-one reading.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.demo import DEMO_PASSWORD
from desktop.services import (
    auth_service,
    meetings_batch,
    meetings_service,
    review_service,
    rule_facts,
)
from models.meetings.records import Meeting
from models.rules import procedure as proc
from models.rules.records import RuleVersion
from models.township import review as rv
from tests.support.demo import demo_township
from tests.support.rule_facts_reference import facts_one_by_one


@pytest.fixture
def township(paths):
    """The demo township of three villages, the reviewer logged in."""
    demo_township(paths, villages=3, years=1)
    return auth_service.login("shenhe", DEMO_PASSWORD)


def _vary(reviewer) -> None:
    """The township's own records on top of the demo: an opinion on a submitted draft, a receipt with 责令改正."""
    pending = [r for r in review_service.queue() if r.state == rv.PENDING]
    assert pending, "the demo township has a draft waiting for review"
    review_service.record_opinion(reviewer, pending[0].version_id, proc.DISAGREE, date.fromisoformat(pending[0].submitted_on), "镇民政办",
                                  "第十条取消分红的规定不合法,请删除。",
                                  seen_fingerprint=review_service.draft(pending[0].version_id).submitted_fingerprint)
    waiting = [r for r in review_service.filing_register() if r.filing_id is None]
    if waiting:
        day = date.fromisoformat(waiting[0].voted_on)
        review_service.record_filing(reviewer, waiting[0].version_id, day, day, correction="")


def test_all_facts_match_each_version_read_on_its_own(township):
    _vary(township)
    batched = rule_facts.all_facts()
    versions = list(RuleVersion.live())
    assert {v.id for v in versions} == set(batched)
    for v in versions:
        assert batched[v.id] == facts_one_by_one(v.id), (v.owner, v.title, v.version_no)
        assert rule_facts.facts(v.id) == batched[v.id]  # and `facts` answers from the same pass
    statuses = {proc.status(f) for f in batched.values()}
    assert {proc.ST_IN_FORCE, proc.ST_SUPERSEDED, proc.ST_DRAFTING} <= statuses and len(statuses) >= 4, statuses
    assert sum(1 for f in batched.values() if f.vote is not None) >= 3
    assert any(f.review_opinion for f in batched.values() if f.submitted_fingerprint and f.vote is None)


def test_meetings_read_together_are_judged_as_one_by_one(township):
    ids = [m.id for m in Meeting.live()]
    loaded = meetings_batch.load_many([*ids, "no-such-meeting"])
    assert set(loaded) == set(ids)  # an unknown meeting is left out, as `load` says NotFound
    authorizations = meetings_batch.Authorizations()
    owners = set()
    for meeting_id in ids:
        one = meetings_service.load(meeting_id)
        assert loaded[meeting_id].draft == one
        assert meetings_batch.evaluate(loaded[meeting_id], authorizations) == meetings_service.evaluate_draft(one)
        owners.add(loaded[meeting_id].owner)
    assert len(owners) == 3
