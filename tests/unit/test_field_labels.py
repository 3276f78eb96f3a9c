"""Every column of every table has a Chinese label a person can read (issue 16).

A message that names a field ("数据包中监督事项的第 1 条记录的“…”") must name it
in the screen's words, so a new column cannot be added without its label in
`models.field_labels`.
"""

from __future__ import annotations

import re

from models import field_labels
from models.field_labels import BOOKKEEPING, LABELS, field_label
from models.schema_registry import ALL_MODELS

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _columns() -> list[tuple[str, str]]:
    return [(m._meta.table_name, f.column_name) for m in ALL_MODELS for f in m._meta.sorted_fields]


def test_every_column_of_every_model_has_a_chinese_label():
    """Every (table, column) is labelled per table, or is one of the short list of bookkeeping columns."""
    missing = [(t, c) for t, c in _columns() if c not in LABELS.get(t, {}) and c not in BOOKKEEPING]
    assert missing == [], f"columns without a label in models/field_labels.py: {missing}"
    for table, column in _columns():
        assert _HAN.search(field_label(table, column)), (table, column)


def test_the_bookkeeping_list_is_short_and_each_says_why():
    """The columns exempt from a per-table label are few, each with its reason."""
    assert set(BOOKKEEPING) <= {"id", "owner", "seq", "updated_at", "deleted"}
    for column, (label, reason) in BOOKKEEPING.items():
        assert _HAN.search(label) and len(reason) > 20, column


def test_no_label_for_a_table_or_column_that_does_not_exist():
    """A renamed or dropped column takes its label with it (no stale entries)."""
    real = set(_columns())
    stale = [(t, c) for t, cols in LABELS.items() for c in cols if (t, c) not in real]
    assert stale == []


def test_labels_are_per_table():
    """The same column name reads differently where it means something different."""
    assert field_label("supervision_matter", "escalated_on") == "上报乡镇日期"
    assert field_label("meeting", "held_on") == "召开日期"
    assert field_label("financial_line", "expense_fen") == "支出金额"
    assert field_label("person", "name") == "姓名"
    assert field_label("village_group", "name") == "小组名称"
    assert field_label("supervision_matter", "deleted") == "删除标记"


def test_an_unknown_column_is_quoted_as_it_is():
    """A newer sender's column this release does not know is still named (by its name)."""
    assert field_label("person", "favourite_colour") == "favourite_colour"
    assert field_labels.source("person", "favourite_colour") is None
