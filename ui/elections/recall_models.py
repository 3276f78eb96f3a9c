"""The rows of 罢免与推选: the recalls and the 推选 on record, each with what the law says of it.

A recall reads red while its request falls short of its share or its vote failed to recall,
green once recalled; a 推选 whose office has ended reads grey.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.recall_service import BASIS_LABELS, OUTCOME_LABELS, RecallRow
from desktop.services.selection_service import KIND_LABELS, METHOD_LABELS, SelectionRow
from models.messages import QT_TRANSLATE_NOOP
from ui.elections.labels import role_label
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.findings import severity_color, worst
from ui.widgets.palette import GREEN, GREY

_C = "RecallTab"


def recall_state(row: RecallRow) -> str:
    """待表决 / 已罢免 / 未罢免 / 已撤回, or 联名不足 for a request short of its share."""
    if not row.outcome and not row.request_met:
        return QCoreApplication.translate(_C, "联名不足")
    return QCoreApplication.translate("elections.recall", OUTCOME_LABELS.get(row.outcome, row.outcome))


class RecallsModel(BatchedRowsModel):
    """被罢免人, 职务, 提出日期, 联名, 申辩, 表决, 结果."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "被提出罢免的成员"), QT_TRANSLATE_NOOP(_C, "职务"),
               QT_TRANSLATE_NOOP(_C, "提出日期"), QT_TRANSLATE_NOOP(_C, "联名"), QT_TRANSLATE_NOOP(_C, "申辩"),
               QT_TRANSLATE_NOOP(_C, "表决"), QT_TRANSLATE_NOOP(_C, "结果"))

    def display(self, row: RecallRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == 3:
            template = (QT_TRANSLATE_NOOP(_C, "村民代表 {signers}/{base}") if row.basis == "representatives"
                        else QT_TRANSLATE_NOOP(_C, "选民 {signers}/{base}"))
            return tr(_C, template).format(signers=row.signers, base=row.base_count)
        if column == 4:
            return row.answered_on or tr(_C, "未登记")
        if column == 5:
            if not row.vote_on:
                return "—"
            return tr(_C, "{on}:投票 {cast}/{registered},赞成 {agree}").format(
                on=row.vote_on, cast=row.cast, registered=row.registered, agree=row.agree)
        if column == 6:
            return recall_state(row)
        return (row.name, role_label(row.post), row.requested_on)[column]

    def tooltip(self, row: RecallRow, column: int) -> str | None:
        """联名: who signed, in words; the others their whole text."""
        if column == 3:
            return QCoreApplication.translate("elections.recall", BASIS_LABELS.get(row.basis, row.basis))
        return self.display(row, column)

    def foreground(self, row: RecallRow, column: int) -> QColor | None:
        """The result: green when recalled, red when the request or the vote failed, grey when withdrawn."""
        if column != 6:
            return None
        if row.outcome == "recalled":
            return GREEN
        if row.outcome == "withdrawn":
            return GREY
        severity = worst(f for f in row.findings if f.basis is not None)
        return severity_color(severity) if severity and (row.outcome or not row.request_met) else None

    def row_id(self, row: RecallRow) -> str:
        """The recall's id."""
        return row.id


class SelectionsModel(BatchedRowsModel):
    """姓名, 推选为, 方式, 村民小组, 户数, 参加/得票, 推选日期, 状态."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "推选为"), QT_TRANSLATE_NOOP(_C, "方式"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "推选户数"),
               QT_TRANSLATE_NOOP(_C, "参加/得票"), QT_TRANSLATE_NOOP(_C, "推选日期"), QT_TRANSLATE_NOOP(_C, "状态"))

    def display(self, row: SelectionRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == 7:
            return tr(_C, "{on} 离任").format(on=row.office_end) if row.office_end else tr(_C, "在任")
        values = (row.name, tr("elections.selection", KIND_LABELS.get(row.kind, row.kind)),
                  tr("elections.selection", METHOD_LABELS.get(row.method, row.method)), row.village_group,
                  str(row.households) if row.households else "—",
                  f"{row.electors}/{row.votes}" if row.electors else "—", row.held_on)
        return values[column]

    def sort_value(self, row: SelectionRow, column: int):
        """推选户数 sorts as a number."""
        return row.households if column == 4 else self.display(row, column)

    def foreground(self, row: SelectionRow, column: int) -> QColor | None:
        """An office that has ended reads grey."""
        return GREY if row.office_end else None

    def row_id(self, row: SelectionRow) -> str:
        """The 推选's id."""
        return row.id
