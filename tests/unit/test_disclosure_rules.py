"""Money, the balance check and the statutory calendar of 村务公开."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.disclosure import calendar as cal
from models.disclosure.financial_table import Line, check, totals
from models.disclosure.money import MoneyError, as_decimal_string, format_fen, parse_fen


@pytest.mark.parametrize(("text", "fen"), [
    ("1,234.5", 123450), ("1234.50元", 123450), ("¥12", 1200), ("1 234.00", 123400),
    ("１２３．４", 12340), ("0.01", 1), (1234, 123400), (12.3, 1230), ("(12.00)", -1200),
])
def test_amounts_people_type(text, fen):
    assert parse_fen(text, allow_negative=True) == fen


@pytest.mark.parametrize(("text", "reason"), [("abc", "不是数字"), ("1.234", "两位小数"), ("-5", "负数"),
                                               ("", "空白"), (None, "空白"), ("nan", "不是数字")])
def test_non_amounts_are_refused_with_a_reason(text, reason):
    with pytest.raises(MoneyError) as err:
        parse_fen(text)
    assert reason in err.value.reason


def test_formatting():
    assert format_fen(12345678) == "123,456.78" and as_decimal_string(-5) == "-0.05"


def line(income=0, expense=0, summary="购买办公用品", category="办公费"):
    return Line("2026-10-08", "记-001", summary, category, income, expense, "王文书")


def test_balanced_table_passes_and_unbalanced_says_by_how_much():
    lines = [line(income=1200000), line(expense=435080)]
    assert check(100000, 864920, lines) == []
    findings = check(100000, 864900, lines)
    assert [f.severity for f in findings] == ["error"]
    assert "相差 -0.20 元" in findings[0].text() and "8,649.20" in findings[0].text()


def test_vague_negative_double_and_empty_lines():
    texts = [f.text() for f in check(0, 0, [line(expense=100, summary="其他")])]
    assert any("笼统" in t for t in texts)
    texts = [f.text() for f in check(0, 0, [line(expense=-100)])]
    assert any("负数" in t for t in texts)
    assert any("同时填了" in f.text() for f in check(0, 0, [line(income=5, expense=5)]))
    assert any("没有金额" in f.text() for f in check(0, 0, [line()]))


@given(st.integers(0, 10**10), st.lists(st.tuples(st.booleans(), st.integers(1, 10**9)), max_size=200),
       st.randoms(use_true_random=False))
def test_totals_never_drift(opening, items, rnd):
    lines = [line(income=a) if is_income else line(expense=a) for is_income, a in items]
    t = totals(opening, lines)
    assert t.computed_closing == opening + sum(a for i, a in items if i) - sum(a for i, a in items if not i)
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    assert totals(opening, shuffled) == t
    assert not [f for f in check(opening, t.computed_closing, lines) if "账不平" in f.text()]


@pytest.mark.parametrize(("province", "year", "month", "due"), [
    ("chongqing", 2026, 10, date(2026, 11, 15)),
    ("chongqing", 2026, 12, date(2027, 1, 15)),
    ("national", 2026, 1, date(2026, 2, 28)),
    ("national", 2024, 1, date(2024, 2, 29)),
    ("zhejiang", 2026, 11, date(2026, 12, 31)),
])
def test_monthly_deadlines(province, year, month, due):
    assert cal.monthly_due(year, month, cal.profile(province)) == due


@pytest.mark.parametrize(("province", "quarter", "due"), [
    ("chongqing", 3, date(2026, 10, 15)), ("zhejiang", 3, date(2026, 10, 20)),
    ("national", 3, date(2026, 10, 31)), ("chongqing", 4, date(2027, 1, 15)),
])
def test_quarterly_deadlines(province, quarter, due):
    assert cal.quarterly_due(2026, quarter, cal.profile(province)) == due


def test_ad_hoc_items():
    assert cal.ad_hoc_due(date(2026, 5, 1), cal.profile("chongqing")) == date(2026, 5, 11)


@pytest.mark.parametrize(("posted", "today", "expected"), [
    (date(2026, 10, 15), date(2026, 11, 1), cal.DONE_ON_TIME),  # exactly on the deadline
    (date(2026, 10, 16), date(2026, 11, 1), cal.DONE_LATE),
    (None, date(2026, 10, 16), cal.OVERDUE),
    (None, date(2026, 10, 15), cal.DUE_SOON),  # the deadline day itself is not yet overdue
    (None, date(2026, 10, 8), cal.DUE_SOON),
    (None, date(2026, 10, 7), cal.NOT_DUE),
])
def test_status_at_the_boundaries(posted, today, expected):
    assert cal.status(date(2026, 10, 15), posted, today) == expected


def test_which_obligations_exist():
    until = date(2026, 11, 22)
    assert [o.period for o in cal.obligations(2026, "national", False, until)] == ["2026Q1", "2026Q2", "2026Q3"]
    monthly = [o for o in cal.obligations(2026, "shandong", False, until) if o.kind == "monthly_finance"]
    assert len(monthly) == 10  # 山东: finances monthly, always
    assert len([o for o in cal.obligations(2026, "national", True, until) if o.kind == "monthly_finance"]) == 10


def test_review_before_posting_and_minimum_posting_time():
    findings = cal.check_posting_dates("chongqing", date(2026, 10, 9), date(2026, 10, 8), date(2026, 10, 30))
    assert any("先审核、后公开" in f.text() for f in findings)
    findings = cal.check_posting_dates("chongqing", date(2026, 10, 7), date(2026, 10, 8), date(2026, 10, 17))
    assert any("不足 10 天" in f.text() for f in findings)
    assert cal.check_posting_dates("chongqing", date(2026, 10, 7), date(2026, 10, 8), date(2026, 10, 18)) == []
    assert cal.check_posting_dates("national", date(2026, 10, 7), date(2026, 10, 8), date(2026, 10, 9)) == []
