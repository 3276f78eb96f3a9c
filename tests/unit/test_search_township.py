"""Search at the township (issue 19): every village's records, named, opened in the village file."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import notice_service
from desktop.services import search_service as ss
from models import search_index
from models.db import database
from tests.support.demo import demo_township


@pytest.fixture
def township(paths):
    return demo_township(paths, villages=3, years=1)


def test_all_villages_whose_rules_mention_land_contracting(township):
    found = ss.search(township, "土地承包", kind="article", limit=1000)
    expected = {(owner, article_id) for owner, article_id in database.execute_sql(
        "SELECT a.owner, a.id FROM rule_article a JOIN rule_version v ON v.id = a.version_id "
        "WHERE a.deleted = 0 AND v.deleted = 0 AND instr(a.text, '土地承包') > 0")}
    assert expected and {(h.village, h.id) for h in found.hits} == expected
    assert len(found.hits) == len(expected) == found.total  # each village once per matching article
    villages = {h.village: h.village_name for h in found.hits}
    assert set(villages) == {owner for owner, _article in expected}
    names = dict(database.execute_sql("SELECT code, name FROM peer"))
    assert all(name == names[code] and name != code for code, name in villages.items())
    hit = found.hits[0]
    version = database.execute_sql("SELECT version_id FROM rule_article WHERE id = ?", [hit.id]).fetchone()[0]
    assert hit.target == f"village_file:{hit.village}:article@{version}/{hit.id}"
    one = next(iter(villages))
    assert {h.village for h in ss.search(township, "土地承包", village=one).hits} == {one}


def test_a_villager_is_found_at_the_township_with_the_village_named(township):
    """Issue 19 (fix): the township reads the register in the village file's 村民 tab, so it finds people.

    (Before, the township searched no register: `total == 0` for 人员. The village file has the tab now.)
    """
    code, person_id, name = database.execute_sql(
        "SELECT owner, min(id), name FROM person WHERE deleted = 0 GROUP BY name HAVING count(*) = 1 "
        "ORDER BY name LIMIT 1").fetchone()
    hits = [h for h in ss.search(township, name, kind="person").hits if h.title == name]
    assert [(h.id, h.village) for h in hits] == [(person_id, code)]
    names = dict(database.execute_sql("SELECT code, name FROM peer"))
    assert hits[0].village_name == names[code] != code
    assert hits[0].target == f"village_file:{code}:person@{person_id}"
    assert all(h.kind == "person" for h in ss.search(township, "组", kind="person").hits)
    phones = [p for (p,) in database.execute_sql("SELECT phone FROM person WHERE phone != '' LIMIT 1")]
    assert not phones or ss.search(township, phones[0]).total == 0  # the index holds no phone number


def test_a_sent_notice_is_found(township):
    assert not search_index.out_of_step()
    sent = notice_service.send_notice(township, "关于秸秆禁烧的通知", "各村做好秸秆禁烧巡查。", date(2026, 11, 30))
    hits = ss.search(township, "秸秆禁烧").hits
    assert len(hits) == sent and {h.kind for h in hits} == {"notice"}
    assert all(h.target == f"village_file:{h.village}:notice@{h.id}" for h in hits)
