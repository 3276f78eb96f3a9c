"""第六条's 多民族村 rule: a member of the 人数较少的民族 on the committee (pure, boundaries)."""

from __future__ import annotations

from models.elections.composition import minority_member_finding, smaller_groups
from models.meetings.quorum import WARNING

HAN, MIAO, DONG = "汉族", "苗族", "侗族"


def test_one_recorded_people_or_none_is_not_judged():
    assert smaller_groups([HAN] * 5 + [""] * 3) == ([HAN], set())
    assert minority_member_finding([HAN] * 5 + [""] * 3, [HAN, HAN, HAN], "2025-05-10") is None
    assert minority_member_finding([], [HAN], "2025-05-10") is None


def test_two_equally_large_peoples_have_no_smaller_one():
    assert smaller_groups([HAN, HAN, MIAO, MIAO])[1] == set()
    assert minority_member_finding([HAN, HAN, MIAO, MIAO], [HAN, HAN, HAN], "2025-05-10") is None


def test_one_person_fewer_is_a_smaller_people_and_its_member_is_enough():
    village = [HAN] * 3 + [MIAO] * 2 + [DONG]
    assert smaller_groups(village) == ([HAN, MIAO, DONG], {MIAO, DONG})
    assert minority_member_finding(village, [HAN, DONG, HAN], "2025-05-10") is None
    assert minority_member_finding(village, [HAN, HAN, MIAO], "2025-05-10") is None


def test_no_member_of_a_smaller_people_warns_with_the_article_in_force():
    village = [HAN] * 3 + [MIAO]
    found = minority_member_finding(village, [HAN, HAN, HAN], "2025-05-10")
    assert found is not None and found.severity == WARNING
    assert "人数较少的民族" in found.text() and "汉族、苗族等2个民族" in found.text()
    assert "(2018)第六条" in found.text()
    assert "(2025)第八条" in minority_member_finding(village, [HAN], "2026-05-10").text()  # the old 第六条


def test_members_whose_people_is_not_recorded_are_named_not_guessed():
    found = minority_member_finding([HAN] * 3 + [MIAO], [HAN, "", ""], "2025-05-10")
    assert found is not None and "2名成员的民族名册未登记" in found.text()
