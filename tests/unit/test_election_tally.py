"""计票 engine (组织法 2018 第十五条): every threshold at its exact boundary, odd and even counts."""

from __future__ import annotations

import pytest

from models.elections.tally import (
    ELECTED,
    FURTHER_RUNOFF,
    FURTHER_TIE,
    HIGHER_POST,
    NOT_ELECTED,
    ROUND_RUNOFF,
    RUNOFF,
    TIE,
    Count,
    Entry,
    count_round,
    parse_seats,
)

CHAIR, VICE, MEMBER = "vc_chair", "vc_vice", "vc_member"
DAY = "2025-05-10"  # the 2018 text (its article numbers are all known)


def one(votes: int, cast: int, registered: int | None = None, kind: str = "main", seats: int = 1, **kw):
    """A one-post count: 甲 with `votes`, 乙 with the rest of the valid ballots (or 0)."""
    entries = (Entry(CHAIR, "甲", votes, key="a", **kw), Entry(CHAIR, "乙", max(0, min(cast - votes, votes - 1)),
                                                               key="b"))
    registered = cast * 2 - 1 if registered is None else registered
    return count_round(Count(registered, cast, {CHAIR: seats}, entries, kind=kind, on=DAY))


@pytest.mark.parametrize("registered,cast,valid", [
    (100, 50, False), (100, 51, True),  # even: exactly half is not more than half
    (101, 50, False), (101, 51, True),  # odd: 50.5 → 51 is the least
    (0, 0, False),
])
def test_turnout_more_than_half(registered, cast, valid):
    res = count_round(Count(registered, cast, {CHAIR: 1}, (Entry(CHAIR, "甲", cast),), on=DAY))
    assert res.valid is valid
    assert not res.errors
    if not valid:
        assert res.elected == []
        assert any("选举无效" in f.text() and "第十五条" in f.text() for f in res.reasons)


@pytest.mark.parametrize("cast,votes,elected", [
    (400, 200, False), (400, 201, True),  # even cast: exactly half is not elected
    (401, 200, False), (401, 201, True),  # odd cast
])
def test_main_round_more_than_half_of_cast(cast, votes, elected):
    res = one(votes, cast)
    o = res.outcome_of("a")
    assert (o.status == ELECTED) is elected
    if not elected:
        assert o.status == RUNOFF
        assert res.runoff[0].seats == 1
        assert "甲" in res.runoff[0].candidates


@pytest.mark.parametrize("cast,votes,elected", [
    (300, 100, True), (300, 99, False),  # exactly one third is enough (不得少于)
    (301, 101, True), (301, 100, False),  # 100 × 3 = 300 < 301
    (302, 101, True), (302, 100, False),
])
def test_runoff_one_third(cast, votes, elected):
    res = one(votes, cast, kind=ROUND_RUNOFF)
    assert (res.outcome_of("a").status == ELECTED) is elected
    if not elected:
        assert res.elected == []
        assert any("三分之一" in f.text() for f in res.reasons)


def test_runoff_most_votes_win_even_under_half():
    entries = (Entry(MEMBER, "甲", 150), Entry(MEMBER, "乙", 140), Entry(MEMBER, "丙", 100))
    res = count_round(Count(700, 400, {MEMBER: 2}, entries, kind=ROUND_RUNOFF, on=DAY))
    assert [o.entry.name for o in res.elected] == ["甲", "乙"]


def test_more_over_half_than_seats_highest_win():
    entries = (Entry(MEMBER, "甲", 300), Entry(MEMBER, "乙", 250), Entry(MEMBER, "丙", 210), Entry(MEMBER, "丁", 40))
    res = count_round(Count(700, 400, {MEMBER: 2}, entries, on=DAY))
    assert [o.entry.name for o in res.elected] == ["甲", "乙"]
    assert res.further == []
    assert any(o.entry.name == "丙" and o.status == NOT_ELECTED for o in res.outcomes)


def test_tie_at_last_seat_goes_to_a_further_vote():
    entries = (Entry(MEMBER, "甲", 300), Entry(MEMBER, "乙", 250), Entry(MEMBER, "丙", 250))
    res = count_round(Count(700, 400, {MEMBER: 2}, entries, on=DAY))
    assert [o.entry.name for o in res.elected] == ["甲"]
    assert res.further[0].kind == FURTHER_TIE and res.further[0].seats == 1
    assert res.further[0].candidates == ["乙", "丙"]
    assert {o.status for o in res.outcomes if o.entry.name != "甲"} == {TIE}
    assert any("再次投票" in f.text() and "惯例" in f.text() for f in res.reasons)


def test_unfilled_seats_runoff_candidates_one_more_than_seats():
    entries = (Entry(MEMBER, "甲", 260), Entry(MEMBER, "乙", 190), Entry(MEMBER, "丙", 180),
               Entry(MEMBER, "丁", 170), Entry(MEMBER, "戊", 160), Entry(MEMBER, "李四", 20, is_candidate=False))
    res = count_round(Count(700, 400, {MEMBER: 3}, entries, on=DAY))
    assert [o.entry.name for o in res.elected] == ["甲"]
    (run,) = res.runoff
    assert run.kind == FURTHER_RUNOFF and run.seats == 2
    assert run.candidates == ["乙", "丙", "丁"]
    assert any("另行选举" in f.text() and "第十五条" in f.text() for f in res.reasons)


def test_runoff_candidates_keep_names_tied_at_the_cut():
    entries = (Entry(MEMBER, "甲", 150), Entry(MEMBER, "乙", 150), Entry(MEMBER, "丙", 100))
    res = count_round(Count(700, 400, {MEMBER: 1}, entries, on=DAY))
    assert res.runoff[0].candidates == ["甲", "乙"]
    entries = (Entry(MEMBER, "甲", 150), Entry(MEMBER, "乙", 120), Entry(MEMBER, "丙", 120))
    res = count_round(Count(700, 400, {MEMBER: 1}, entries, on=DAY))
    assert res.runoff[0].candidates == ["甲", "乙", "丙"]


def test_write_in_counts_and_can_be_elected():
    entries = (Entry(CHAIR, "甲", 100), Entry(CHAIR, "王五", 250, is_candidate=False))
    res = count_round(Count(700, 400, {CHAIR: 1}, entries, on=DAY))
    assert [o.entry.name for o in res.elected] == ["王五"]


def test_chair_also_in_member_column_keeps_higher_post():
    entries = (Entry(CHAIR, "甲", 300), Entry(MEMBER, "甲", 280), Entry(MEMBER, "乙", 260), Entry(MEMBER, "丙", 100))
    res = count_round(Count(700, 400, {CHAIR: 1, MEMBER: 2}, entries, on=DAY))
    assert [(o.entry.post, o.entry.name) for o in res.elected] == [(CHAIR, "甲"), (MEMBER, "乙")]
    assert any(o.status == HIGHER_POST and o.entry.post == MEMBER for o in res.outcomes)
    assert res.runoff[0].post == MEMBER and res.runoff[0].seats == 1


@pytest.mark.parametrize("count,needle", [
    (Count(700, 400, {CHAIR: 1}, (Entry(CHAIR, "甲", 401),)), "多于有效选票"),
    (Count(700, 400, {CHAIR: 1}, (Entry(CHAIR, "甲", 380),), invalid_ballots=30), "多于有效选票"),
    (Count(700, 400, {MEMBER: 2}, (Entry(MEMBER, "甲", 400), Entry(MEMBER, "乙", 400), Entry(MEMBER, "丙", 1))),
     "共计 801 票"),
    (Count(700, 401, {CHAIR: 1}, (), ballots_issued=400), "多于发出"),
    (Count(700, 400, {CHAIR: 1}, (), invalid_ballots=401), "无效票"),
    (Count(300, 400, {CHAIR: 1}, ()), "多于登记"),
    (Count(700, 400, {CHAIR: 1}, (Entry(CHAIR, "甲", -1),)), "负数"),
    (Count(700, 400, {CHAIR: 1}, (Entry(CHAIR, "甲", 1), Entry(CHAIR, "甲", 2))), "两次"),
    (Count(700, 400, {CHAIR: 1}, (Entry(VICE, "甲", 1),)), "没有副主任的名额"),
])
def test_impossible_counts_are_errors(count, needle):
    res = count_round(count)
    assert res.errors and not res.as_dict()["valid"]
    assert any(needle in f.text() for f in res.errors), [f.text() for f in res.errors]
    assert res.elected == []


def test_boundaries_of_the_checks_are_allowed():
    entries = (Entry(MEMBER, "甲", 370), Entry(MEMBER, "乙", 370))  # = valid ballots; total = valid × seats
    res = count_round(Count(700, 400, {MEMBER: 2}, entries, ballots_issued=400, invalid_ballots=30, on=DAY))
    assert not res.errors and len(res.elected) == 2


def test_no_woman_elected_warns_with_article_six():
    entries = (Entry(CHAIR, "甲", 300, woman=False), Entry(MEMBER, "乙", 300, woman=False),
               Entry(MEMBER, "丙", 300, woman=False))
    res = count_round(Count(700, 400, {CHAIR: 1, MEMBER: 2}, entries, on=DAY))
    texts = [f.text() for f in res.reasons]
    assert any("妇女" in t and "第六条" in t and "专职专选" in t for t in texts)
    with_woman = count_round(Count(700, 400, {CHAIR: 1, MEMBER: 2}, entries[:2] + (
        Entry(MEMBER, "丙", 300, woman=True),), on=DAY))
    assert not any("妇女" in f.text() for f in with_woman.reasons)
    unknown = count_round(Count(700, 400, {CHAIR: 1}, (Entry(CHAIR, "甲", 300),), on=DAY))
    assert not any("妇女" in f.text() for f in unknown.reasons)


def test_citation_follows_the_text_in_force():
    old = count_round(Count(100, 40, {CHAIR: 1}, (), on="2025-06-01"))
    assert "(2018)第十五条" in old.reasons[0].text()
    new = count_round(Count(100, 40, {CHAIR: 1}, (), on="2026-06-01"))
    assert "(2018)" not in new.reasons[0].text()


def test_arithmetic_is_written_out():
    res = one(201, 400, registered=700)
    lines = [str(m) for m in res.arithmetic]
    assert any("400 人 × 2 = 800 > 登记选民 700 人,超过半数,选举有效" in ln for ln in lines)
    assert any("201 × 2 = 402 > 400" in ln for ln in lines)


def test_as_dict_shape():
    d = one(150, 400, registered=700).as_dict()
    assert d["valid"] is True and d["ballots_cast"] == 400
    assert d["elected"] == []
    assert d["runoff"][0]["post"] == "主任" and d["runoff"][0]["seats"] == 1
    assert all(isinstance(r, str) for r in d["reasons"])


def test_parse_seats():
    assert parse_seats("主任=1,副主任=1,委员=3") == {CHAIR: 1, VICE: 1, MEMBER: 3}
    assert parse_seats("vc_member=2") == {MEMBER: 2}
    for bad in ("", "主任", "会计=1", "主任=x", "主任=-1", "主任=1,主任=1"):
        with pytest.raises(ValueError):
            parse_seats(bad)
