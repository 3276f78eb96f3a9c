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


def test_the_same_person_on_two_villages_lists_warns_both_with_article_13():
    lines = [RollLine("01", "张三", 1980, 3, "2026-05-10", "incomer", "男"),  # lives in 一村, 户籍 in 二村
             RollLine("02", "张三", 1980, 3, "2026-05-20", "resident", "男"),
             RollLine("03", "张三", 1980, 4, "2026-05-20", "away", "男"),  # born in another month: another person
             RollLine("01", "李四", 1990, None, "2026-05-10", "away")]
    found = registered_twice(lines, NAMES)
    assert set(found) == {"01", "02"}
    [one] = found["01"]
    assert one.key == REGISTERED_TWICE and one.severity == WARNING
    assert one.text().startswith("可能在两个村都登记了:")  # a suspicion, worded as one
    assert "张三(男,出生1980年3月,另一村:二村)" in one.text() and "同名、同性别、同出生年月,请与两村核实" in one.text()
    assert "不得再参加其他地方村民委员会的选举" in one.text()
    assert "(2025)" in one.text()  # a 2026 election cites the amended text (no number known for 第十三条)
    older = registered_twice([RollLine("01", "王五", 1970, 2, "2025-05-10", "away", "男"),
                              RollLine("02", "王五", 1970, 2, "2025-05-10", "resident", "男")], NAMES)
    assert "(2018)第十三条" in older["01"][0].text()


def test_two_residents_of_the_same_name_and_birth_are_two_people():
    lines = [RollLine("01", "张三", 1980, 3, category="resident", gender="男"),
             RollLine("02", "张三", 1980, 3, category="resident", gender="男")]
    assert registered_twice(lines, NAMES) == {}


def test_one_village_twice_no_birth_another_birth_or_sex_is_not_this_finding():
    lines = [RollLine("01", "张三", 1980, 3, category="away"), RollLine("01", "张三", 1980, 3),  # the village's own check
             RollLine("01", "李四", None, None, category="away"), RollLine("02", "李四", None, None),  # a name alone
             RollLine("01", "王五", 1970, 1, category="away"), RollLine("02", "王五", 1971, 1),
             RollLine("01", "赵六", 1970, 1, category="away", gender="男"), RollLine("02", "赵六", 1970, 1, gender="女")]
    assert registered_twice(lines, NAMES) == {}


def test_a_missing_birth_month_or_sex_never_matches():
    lines = [RollLine("01", "钱七", 1970, None, category="away", gender="男"),
             RollLine("02", "钱七", 1970, None, gender="男"),  # no month on either line
             RollLine("01", "孙九", 1975, 5, category="away", gender="男"),
             RollLine("02", "孙九", 1975, None, gender="男"),  # no month on one line
             RollLine("01", "吴十", 1980, 6, category="away"), RollLine("02", "吴十", 1980, 6)]  # sex unknown
    assert registered_twice(lines, NAMES) == {}


def test_many_names_are_cut_with_their_number():
    lines = [RollLine(code, f"村民{i}", 1960 + i, 1, category=category, gender="女")
             for i in range(7) for code, category in (("01", "away"), ("02", "resident"))]
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
        imported(Voter, owner=owner, election=election, person=p,
                 category="away" if owner.endswith("1") else "resident")  # 户籍 in 一村, living in 二村
    rows = {r.village.name: r for r in svc.board(township, date(2026, 9, 1)).rows}
    assert [f.key for f in rows["一村"].findings] == [REGISTERED_TWICE]
    assert "周八(男,出生1966年7月,另一村:二村)" in rows["一村"].findings[0].text()
    assert "另一村:一村" in rows["二村"].findings[0].text()
    assert rows["三村"].findings == ()


def test_the_board_reads_only_full_keys_on_two_lists(township):
    """The SQL narrowing: no birth month, another month, two residents or one village's own pair give nothing."""
    for code, name in (("33010600101", "一村"), ("33010600102", "二村")):
        eb_support.enrol(code, name)
    first = eb_support.held_election("33010600101", cast=6)
    second = eb_support.held_election("33010600102", cast=6)
    for name, month1, month2, cat1, cat2 in (("甲一", None, None, "away", "resident"),
                                             ("乙二", 3, 4, "away", "resident"),
                                             ("丙三", 5, 5, "resident", "resident")):
        for owner, election, month, cat in (("33010600101", first, month1, cat1),
                                            ("33010600102", second, month2, cat2)):
            p = eb_support.person(owner, name, "女", birth_year=1970, birth_month=month)
            imported(Voter, owner=owner, election=election, person=p, category=cat)
    for cat in ("away", "resident"):  # the same person twice on 一村's own list: the village's own check
        p = eb_support.person("33010600101", "丁四", "男", birth_year=1980, birth_month=8)
        imported(Voter, owner="33010600101", election=first, person=p, category=cat)
    rows = {r.village.name: r for r in svc.board(township, date(2026, 9, 1)).rows}
    assert REGISTERED_TWICE not in [f.key for r in rows.values() for f in r.findings]
