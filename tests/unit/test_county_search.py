"""Search at the county (issue 19, fix): the 备案 register's filed rule texts, each hit naming township and village."""

from __future__ import annotations

import pytest

from desktop.services import county_service
from desktop.services import search_service as ss
from tests.support.county import county_into_store


@pytest.fixture
def county(store):
    return county_into_store(townships=3, villages=3)


def test_the_county_finds_every_filed_article_that_mentions_a_word(county):
    filings = county_service.filings()
    assert len(filings) == 9  # 3 townships × 3 villages, 5 articles each (tests.support.county)
    found = ss.search(county, "土地承包", limit=1000)
    assert found.total == len(found.hits) == 45 and {h.kind for h in found.hits} == {"article"}
    by_id = {f.id: f for f in filings}
    for hit in found.hits:
        filing_id, position = hit.target.removeprefix("filings:@").split("/")
        row = by_id[int(filing_id)]
        assert hit.village == row.village_code and hit.village_name == f"{row.township_name} {row.village_name}"
        assert hit.title == f"{row.title} 第{position}条" and hit.date == row.adopted_on
        assert [hit.snippet[s:e] for s, e in hit.spans] == ["土地承包"]
    assert ss.search(county, "土地").total == 45  # two characters: the same instr(), exact
    assert ss.search(county, "土地承包 第3条").total == 9  # every word, anywhere in the article's lines
    one = filings[0].village_code
    assert {h.village for h in ss.search(county, "土地", village=one).hits} == {one}
    assert ss.search(county, "土地", year=2024).total == 45 and ss.search(county, "土地", year=2025).total == 0
    assert ss.search(county, "土地", kind="meeting").total == 0  # the county holds no meetings
    assert ss.search(county, "没有这种条文").total == 0


def test_an_article_is_dated_by_its_version_alike_at_village_township_and_county(tmp_path):
    """The adopted version's vote everywhere, not the draft's start day below and the vote above (tester #14)."""
    from desktop.services import county_exchange_service as ces
    from models.db import database
    from tests.support.county import county_chain
    from tests.support.first_contact import genuine

    chain = county_chain(tmp_path)
    session = chain.county.use()
    ces.import_aggregate(session, chain.county.paths, chain.first_aggregate, genuine(chain.township.paths))
    (filing,) = county_service.filings()
    article = county_service.filing_text(filing.id).articles[-1]
    word = article.text.strip()[:6]
    above = [h for h in ss.search(session, word, kind="article", limit=1000).hits
             if h.title.endswith(" " + article.label)]
    assert above and {h.date for h in above} == {filing.adopted_on} and filing.adopted_on
    for site in (chain.village, chain.township):
        session = site.use()
        (version_id, started), = database.execute_sql(
            "SELECT id, started_on FROM rule_version WHERE title = ? AND version_no = ? AND deleted = 0",
            (filing.title, filing.version_no)).fetchall()
        hits = [h for h in ss.search(session, word, kind="article", limit=1000).hits
                if h.target.startswith(f"rules:@{version_id}/") or f"{version_id}" in h.target]
        assert hits and {h.date for h in hits} == {filing.adopted_on}, (site, started, hits)
