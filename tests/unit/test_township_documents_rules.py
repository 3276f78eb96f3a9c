"""The township's documents as plain rules: the 汉字 date, 文号 patterns, numbers never reused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from models.township import documents as docs
from models.township.documents import RECTIFICATION, REVIEW_OPINION, NumberBook


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 12, 5), "二〇二六年十二月五日"),
    (date(2020, 1, 10), "二〇二〇年一月十日"),
    (date(2026, 11, 11), "二〇二六年十一月十一日"),
    (date(2026, 3, 20), "二〇二六年三月二十日"),
    (date(2026, 10, 31), "二〇二六年十月三十一日"),
    (date(2005, 6, 30), "二〇〇五年六月三十日"),
    (date(2026, 12, 21), "二〇二六年十二月二十一日"),
])
def test_chinese_date(day, text):
    assert docs.chinese_date(day) == text


def test_written_date_styles_and_blank():
    assert docs.written_date("2026-07-08", True) == "二〇二六年七月八日"
    assert docs.written_date("2026-07-08", False) == "2026年7月8日"
    assert docs.written_date("", True) == "　　年　　月　　日"
    assert docs.written_date("not a date", False) == "　　年　　月　　日"


def test_format_and_parse_number():
    pattern = docs.DEFAULT_PATTERNS[REVIEW_OPINION]
    assert docs.format_number(pattern, "青山镇", 2026, 3) == "青山镇审〔2026〕3号"
    assert docs.parse_number(pattern, "青山镇", "青山镇审〔2026〕12号") == (2026, 12)
    assert docs.parse_number(pattern, "青山镇", "青山镇改〔2026〕12号") is None
    assert docs.parse_number(pattern, "青山镇", "别的镇审〔2026〕1号") is None
    # a short name with regex characters is matched literally
    assert docs.parse_number(pattern, "a.b(", "a.b(审〔2026〕2号") == (2026, 2)
    assert docs.parse_number(pattern, "a.b(", "axb(审〔2026〕2号") is None


def test_pattern_problems():
    assert docs.pattern_problems("{机关简称}审〔{年}〕{号}号") == []
    assert docs.pattern_problems("")
    assert "号" in str(docs.pattern_problems("{机关简称}审〔{年}〕")[0])
    assert docs.pattern_problems("{号}{号}")
    assert docs.pattern_problems("{机关}审{号}")


def test_numbers_run_per_year_and_kind_and_reprints_keep_theirs():
    book = NumberBook()
    a, book = book.issue(REVIEW_OPINION, "review:a", date(2026, 3, 1))
    b, book = book.issue(REVIEW_OPINION, "review:b", date(2026, 4, 1))
    c, book = book.issue(RECTIFICATION, "fix:c", date(2026, 4, 2))
    d, book = book.issue(REVIEW_OPINION, "review:d", date(2027, 1, 5))
    assert [(x.year, x.number) for x in (a, b, c, d)] == [(2026, 1), (2026, 2), (2026, 1), (2027, 1)]
    again, same = book.issue(REVIEW_OPINION, "review:a", date(2026, 12, 1))
    assert again == a and same is book and again.issued_on == "2026-03-01"  # the reprint keeps number and date


def test_a_number_is_never_given_again_after_its_subject_is_gone():
    book = NumberBook()
    _, book = book.issue(REVIEW_OPINION, "review:a", date(2026, 3, 1))
    _, book = book.issue(REVIEW_OPINION, "review:b", date(2026, 3, 2))
    stored = book.to_json()
    del stored["issued"]["review:b"]  # the record behind number 2 deleted, its entry lost
    reread = NumberBook.from_json(stored)
    c, _ = reread.issue(REVIEW_OPINION, "review:c", date(2026, 3, 3))
    assert c.number == 3
    # even a book whose "last" was lost never falls under a number it holds
    stored = book.to_json()
    stored["last"] = {}
    d, _ = NumberBook.from_json(stored).issue(REVIEW_OPINION, "review:d", date(2026, 3, 4))
    assert d.number == 3


def test_a_malformed_book_is_read_as_far_as_it_makes_sense():
    assert NumberBook.from_json("junk").issued == {}
    book = NumberBook.from_json({"issued": {"x": ["nope", 1, 1, "d"], "y": [REVIEW_OPINION, 2026, 4, "2026-01-01"]},
                                 "last": {"k": "5"}})
    assert list(book.issued) == ["y"] and book.last == {f"{REVIEW_OPINION}:2026": 4}
    # the 文号 as first printed is kept through the stored form
    kept, book = NumberBook().issue(REVIEW_OPINION, "review:z", date(2026, 3, 1))
    book = replace(book, issued={"review:z": replace(kept, text="青山镇审〔2026〕1号")})
    assert NumberBook.from_json(book.to_json()).issued["review:z"].text == "青山镇审〔2026〕1号"


def test_template_defaults_and_problems():
    t = docs.default_template("青山镇")
    assert t.organ_name == "青山镇人民政府" and t.number(RECTIFICATION, 2026, 2) == "青山镇改〔2026〕2号"
    assert t.date_text("2026-12-05") == "二〇二六年十二月五日"
    assert t.contact_line() == ""
    assert docs.template_problems(t) == []
    from dataclasses import replace
    bad = replace(t, organ_name=" ", patterns={**t.patterns, REVIEW_OPINION: "审字"}, days_to_correct=0)
    assert len(docs.template_problems(bad)) == 3
    assert replace(t, contact="李明", phone="0571-1").contact_line() == "(联系人:李明,电话:0571-1)"
