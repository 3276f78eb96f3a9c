"""The elected members of one election, as the 当选与移交 tab lists them.

A list of records, so it is a `BatchedRowsModel` shown through `read_only_view`
(the one table pattern, tests/unit/test_table_pattern.py), not a hand-filled table.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.services.election_count_service import ElectedRow
from models.elections.records import ROUND_MAIN
from models.messages import QT_TRANSLATE_NOOP
from ui.elections.labels import post_label
from ui.widgets.batched_model import BatchedRowsModel

_C = "ResultTab"
POST, NAME, GENDER, VOTES, WHERE = range(5)


@dataclass(frozen=True)
class ElectedLine:
    """One elected member with the vote (number and kind) that elected them."""

    member: ElectedRow
    round_number: int
    round_kind: str


class ElectedModel(BatchedRowsModel):
    """Columns: 职位, 姓名, 性别, 得票, 当选于 (第 n 轮 正式选举 / 另行选举)."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "职位"), QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"),
               QT_TRANSLATE_NOOP(_C, "得票"), QT_TRANSLATE_NOOP(_C, "当选于"))

    def display(self, row: ElectedLine, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        x = row.member
        if column == POST:
            return post_label(x.post)
        if column == NAME:
            return x.name
        if column == GENDER:
            return tr(_C, "女") if x.woman else tr(_C, "男") if x.woman is False else ""
        if column == VOTES:
            return str(x.votes)
        template = (QT_TRANSLATE_NOOP(_C, "第 {n} 轮 正式选举") if row.round_kind == ROUND_MAIN
                    else QT_TRANSLATE_NOOP(_C, "第 {n} 轮 另行选举"))
        return tr(_C, template).format(n=row.round_number)

    def sort_value(self, row: ElectedLine, column: int):
        """Votes sort as numbers."""
        return row.member.votes if column == VOTES else self.display(row, column)

    def row_id(self, row: ElectedLine) -> str:
        """The candidate behind the line (empty for a write-in)."""
        return row.member.candidate_id
