"""The natural order every list header sorts by (ui.widgets.sorting): pure, no widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.widgets.name_order import pinyin_available
from ui.widgets.sorting import SortRequest, is_empty, natural_key, natural_sorted, sorted_positions

DESC = Qt.SortOrder.DescendingOrder


def test_chinese_numerals_count_as_numbers():
    assert natural_sorted(["第一百条", "第十二条", "第二条", "第一条"]) == ["第一条", "第二条", "第十二条", "第一百条"]
    assert natural_sorted(["十二组", "一组", "二组", "十组"]) == ["一组", "二组", "十组", "十二组"]


def test_digits_inside_text_count_as_numbers():
    assert natural_sorted(["10组", "2组", "1组", "城关12组", "城关3组"]) == ["1组", "2组", "10组", "城关3组", "城关12组"]
    assert natural_sorted(["第3组", "3组"])[0] == "3组"  # a number before text


def test_counts_money_and_decimals():
    assert natural_sorted(["12 人", "3 人", "101 人"]) == ["3 人", "12 人", "101 人"]
    assert natural_sorted(["1,234.50", "999.00", "-5.00", "12.5"]) == ["-5.00", "12.5", "999.00", "1,234.50"]
    assert natural_sorted([3.5, 3.25, 10, 2]) == [2, 3.25, 3.5, 10]


def test_dates_iso_and_chinese_style():
    assert natural_sorted(["2026-10-01", "2026-03-05", "2025-12-31"]) == ["2025-12-31", "2026-03-05", "2026-10-01"]
    assert natural_sorted(["2026年10月", "2026年3月", "2025年12月"]) == ["2025年12月", "2026年3月", "2026年10月"]
    assert natural_sorted(["2026年3月15日", "2026年3月5日"]) == ["2026年3月5日", "2026年3月15日"]
    assert natural_sorted(["二〇二六年三月", "二〇二五年十二月"]) == ["二〇二五年十二月", "二〇二六年三月"]


def test_empty_values_come_last_both_ways():
    values = ["b", "", None, "a", "—", "c"]
    up = [values[i] for i in sorted_positions(values)]
    down = [values[i] for i in sorted_positions(values, DESC)]
    assert up[:3] == ["a", "b", "c"] and down[:3] == ["c", "b", "a"]
    assert all(is_empty(v) for v in up[3:]) and all(is_empty(v) for v in down[3:])
    assert up[3:] == ["", None, "—"] and down[3:] == ["", None, "—"]  # in the list's own order


def test_descending_is_the_reverse_and_stable():
    rows = [("二组", "甲"), ("一组", "乙"), ("二组", "丙"), ("一组", "丁")]
    assert natural_sorted(rows, key=lambda r: r[0], order=DESC) == [rows[0], rows[2], rows[1], rows[3]]
    assert natural_sorted(rows, key=lambda r: r[0]) == [rows[1], rows[3], rows[0], rows[2]]


def test_text_by_pinyin_where_the_platform_knows_it():
    names = ["严明", "何丽", "冯刚", "阿强"]
    expected = ["阿强", "冯刚", "何丽", "严明"] if pinyin_available() else sorted(names)
    assert natural_sorted(names) == expected


def test_keys_compare_after_an_equal_text_part():
    # equal leading text must not stop the comparison (the collator's keys are not equal objects)
    assert natural_sorted(["第3组 王五", "第3组 李四", "第2组 张三"]) == ["第2组 张三", "第3组 李四", "第3组 王五"]
    assert natural_key("第3组") == natural_key("第三组")


def test_a_sort_request_is_a_column_and_an_order():
    assert SortRequest().is_original and not SortRequest(2, DESC).is_original and SortRequest(2, DESC).descending
