"""The 冲突 panel names each differing field in the words of its own table's screen (issue 16)."""

from __future__ import annotations

from ui.widgets.exchange.labels import column_label, value_text


def test_a_conflict_names_the_field_of_its_own_table():
    """The same column reads as the form where it is typed: a person's name is “姓名”, a meeting's date “召开日期”."""
    assert column_label("person", "name") == "姓名"
    assert column_label("village_group", "name") == "小组名称"
    assert column_label("meeting", "held_on") == "召开日期"
    assert column_label("supervision_matter", "escalated_on") == "上报乡镇日期"
    assert column_label("financial_line", "deleted") == "删除标记"
    assert column_label("person", "favourite_colour") == "favourite_colour"  # a newer sender's column


def test_money_in_a_conflict_is_shown_in_yuan():
    """财务明细的“支出金额” is stored in 分; the panel shows 元, not a number a hundred times too big."""
    assert column_label("financial_line", "expense_fen") == "支出金额"
    assert value_text("expense_fen", "123456") == "1,234.56 元"
    assert value_text("amount_fen", "-5") == "-0.05 元"
    assert value_text("expense_fen", "") == "(空)"
    assert value_text("summary", "电费") == "电费"
