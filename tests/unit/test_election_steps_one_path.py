"""当选公告, 工作移交 and 离任审计 have one path each: the 当选与移交 tab's service (election_count_service).

The announcement writes the elected members and opens their terms, so a date set beside it (the
generic step record, or taking the step back) would leave the terms where they were: the generic
`elections_service.record_step`/`clear_step` refuse those two steps and say where they are done;
the 离任审计 date it records goes through `election_count_service.record_audit`, the same checks.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import election_count_service as ec
from desktop.services import elections_service as es
from desktop.services import terms_service
from models import terms
from models.elections import procedure as pr
from models.elections.records import Election
from models.errors import ValidationError
from tests.support.election_count_site import DAY, election_site

VOTES = {"张一": 5, "李三": 4, "赵五": 4, "钱六": 4, "孙七": 4}


@pytest.fixture
def announced(store):
    admin, _ids, election = election_site(store)
    base = ec.round_lines(election)
    lines = tuple(ec.Line(ln.post, ln.name, VOTES.get(ln.name, 0), ln.candidate_id, "", ln.person_id)
                  for ln in base.lines)
    ec.save_round(admin, election, ec.RoundInput("main", DAY.isoformat(), 7, 7, 0, lines))
    ec.announce(admin, election, DAY)
    return admin, election


def _holders() -> int:
    return len(terms_service.office_holders(terms.VILLAGE_COMMITTEE, DAY))


def test_the_generic_step_record_refuses_the_announcement_and_the_handover(announced):
    admin, election = announced
    assert _holders() == 5
    for step, where in ((pr.STEP_ANNOUNCE, "当选与移交"), (pr.STEP_HANDOVER, "当选与移交")):
        with pytest.raises(ValidationError) as refused:
            es.record_step(admin, election, step, DAY + timedelta(days=1))
        assert where in str(refused.value.message)
        with pytest.raises(ValidationError):
            es.clear_step(admin, election, step)
    e = Election.get_by_id(election)
    assert (e.announced_on, e.handover_on) == (DAY.isoformat(), "")
    assert _holders() == 5  # the terms the announcement opened are where they were


def test_the_audit_date_recorded_as_a_step_is_the_tabs_audit_date(announced):
    admin, election = announced
    es.record_step(admin, election, pr.STEP_AUDIT, DAY - timedelta(days=30))
    assert ec.handover_view(election).audit_published_on == (DAY - timedelta(days=30)).isoformat()
    with pytest.raises(ValidationError) as refused:  # the tab's own check, in the same words
        es.record_step(admin, election, pr.STEP_AUDIT, date.today() + timedelta(days=3))
    assert "还没到" in str(refused.value.message)
    es.clear_step(admin, election, pr.STEP_AUDIT)
    assert ec.handover_view(election).audit_published_on == ""
