"""Nobody registered in two places (组织法 第十三条第三款): the township compares the villages' current lists."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import election_board_service as svc
from desktop.services import setup_service
from desktop.services.session import cli_session
from models.elections.records import Voter
from models.meetings.quorum import WARNING
from models.township.election_duplicates import REGISTERED_TWICE, RollLine, registered_twice
from tests.support import election_boards as eb_support
from tests.support.imported import imported

NAMES = {"01": "一村", "02": "二村", "03": "三村"}


def test_the_same_name_and_birth_on_two_villages_lists_warns_both_with_article_13():
    lines = [RollLine("01", "张三", 1980, 3, "2026-05-10"), RollLine("02", "张三", 1980, 3, "2026-05-20"),
             RollLine("03", "张三", 1980, 4, "2026-05-20"), RollLine("01", "李四", 1990, None, "2026-05-10")]
    found = registered_twice(lines, NAMES)
    assert set(found) == {"01", "02"}  # 三村's 张三 was born in another month: another person
    [one] = found["01"]
    assert one.key == REGISTERED_TWICE and one.severity == WARNING
    assert "张三(出生1980年3月,又在二村)" in one.text() and "不得再参加其他地方村民委员会的选举" in one.text()
    assert "(2025)" in one.text()  # a 2026 election cites the amended text (no number known for 第十三条)
    assert "(2018)第十三条" in registered_twice([RollLine("01", "王五", 1970, None, "2025-05-10"),
                                                 RollLine("02", "王五", 1970, None, "2025-05-10")], NAMES)["01"][0].text()


def test_one_village_twice_no_birth_or_a_different_birth_is_not_this_finding():
    lines = [RollLine("01", "张三", 1980, 3), RollLine("01", "张三", 1980, 3),  # the village's own check (第十三条)
             RollLine("01", "李四", None, None), RollLine("02", "李四", None, None),  # a name alone says too little
             RollLine("01", "王五", 1970, 1), RollLine("02", "王五", 1971, 1)]
    assert registered_twice(lines, NAMES) == {}


def test_many_names_are_cut_with_their_number():
    lines = [RollLine(code, f"村民{i}", 1960 + i, 1) for i in range(7) for code in ("01", "02")]
    [one] = registered_twice(lines, NAMES)["01"]
    assert "等7人" in one.text() and "村民5" not in one.text()


@pytest.fixture
def township(store):
    setup_service.initialize("township", "城关镇", "330106001", "zhejiang")
    return cli_session("township")


def test_the_board_marks_both_villages_from_their_packages(township):
    for code, name in (("33010600101", "一村"), ("33010600102", "二村"), ("33010600103", "三村")):
        eb_support.enrol(code, name)
    first = eb_support.held_election("33010600101", cast=6)
    second = eb_support.held_election("33010600102", cast=6)
    eb_support.held_election("33010600103", cast=6)
    for owner, election in (("33010600101", first), ("33010600102", second)):
        p = eb_support.person(owner, "周八", "男", birth_year=1966, birth_month=7)
        imported(Voter, owner=owner, election=election, person=p)
    rows = {r.village.name: r for r in svc.board(township, date(2026, 9, 1)).rows}
    assert [f.key for f in rows["一村"].findings] == [REGISTERED_TWICE]
    assert "周八(出生1966年7月,又在二村)" in rows["一村"].findings[0].text()
    assert "又在一村" in rows["二村"].findings[0].text()
    assert rows["三村"].findings == ()
