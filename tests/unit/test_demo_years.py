"""issue 20: `cunwu demo --years N` for every N the CLI accepts (1..30), and townships up to 500 villages.

The term plan is pure code, so every length of history is checked without building
it (a real 16-year village build takes ~20 s on the shared test machine: too dear for
the suite; `cunwu demo --years 16` and `--years 30` were run by hand).
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop import demo_terms, demo_township
from desktop.services import setup_service
from desktop.services.session import cli_session
from models.errors import ValidationError

TODAY = date(2026, 12, 5)


def test_the_old_table_of_terms_is_kept():
    """Up to 15 years the plan is the one the demo always made (2011, 2016, 2021, 2026)."""
    assert [y for y in range(2009, 2032) if demo_terms.is_election_year(y)] == [2011, 2016, 2021, 2026, 2031]
    assert demo_terms.term_start_before(2017) == date(2016, 5, 10)
    assert demo_terms.term_start_before(2016) == date(2011, 5, 10)
    assert demo_terms.term_end_after(date(2016, 5, 10)) == date(2021, 4, 30)
    assert demo_terms.term_end_after(date(2026, 5, 20)) == date(2031, 4, 30)
    assert demo_terms.term_end_after(date(2021, 4, 30)) == date(2026, 4, 30)


@pytest.mark.parametrize("today", [TODAY, date(2031, 2, 1), date(2040, 6, 30)])
def test_every_accepted_length_of_history_starts_inside_a_term(today):
    """For 1..30 years the records start inside a five-year term, and the terms chain to today without a gap."""
    for years in range(1, 31):
        first_year = today.year - years + 1
        start = demo_terms.term_start_before(first_year)
        assert start <= date(first_year, 1, 1) and demo_terms.is_election_year(start.year), years
        end = demo_terms.term_end_after(start)
        assert end.year == start.year + 5 and end >= date(first_year, 1, 1), years
        while end < today:  # each 换届 year's May meeting opens the next term
            following = date(end.year, *demo_terms.TERM_START)
            assert demo_terms.is_election_year(following.year)
            end = demo_terms.term_end_after(following)
            assert end.year == following.year + 5


def test_a_township_plans_up_to_five_hundred_villages():
    plans = demo_township.plan_villages("330106001", demo_township.MAX_VILLAGES, 30, TODAY)
    assert len({p.code for p in plans}) == len({p.name for p in plans}) == 500
    assert plans[:200] == demo_township.plan_villages("330106001", 200, 30, TODAY)  # 200 as before
    silent = [p for p in plans if p.kind == "silent"]
    assert len(silent) == 50 and min(p.data_until for p in silent) > date(2022, 1, 1)


def test_a_township_demo_refuses_more_than_five_hundred_villages(store):
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    with pytest.raises(ValidationError, match="1 到 500"):
        demo_township.fill_township(cli_session("township"), store, villages=501, years=1)


def test_the_earliest_silent_village_of_a_large_township_builds(store):
    """A 500-village plan has silent villages whose records stop in 2022; such a village builds.

    The villagers' deaths were drawn from 2022 up to the village's own last year, which
    crashed (`randint(2022, 2021)`) on the township demo's ~150th village and later.
    """
    plans = demo_township.plan_villages("330106001", demo_township.MAX_VILLAGES, 10, TODAY)
    earliest = min(p.data_until for p in plans)
    assert earliest.year <= 2022
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    from desktop import demo

    demo.fill_village(cli_session("village"), households=150, years=1, today=earliest, logins=False)
    from desktop.services import people_service

    assert people_service.register_count(include_left=True) > people_service.register_count() > 0
