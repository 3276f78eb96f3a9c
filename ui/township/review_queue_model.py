"""The rows of 待审核: one submitted 村规民约 draft per row, as `review_service.queue()` returns them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.services.review_service import QueueRow
from models.messages import QT_TRANSLATE_NOOP
from models.township import review as rv
from ui.township.review_widgets import queue_state_label
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import AMBER, GREEN, GREY, RED
from ui.widgets.record_labels import opinion_label
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "ReviewQueueTab"
VILLAGE, TITLE, SUBMITTED, ARTICLES, FINDINGS, STATE, OPINION = range(7)
_STATE_COLORS = {rv.PENDING: AMBER, rv.CHANGED: RED, rv.REVIEWED: GREEN}


class ReviewQueueModel(BatchedRowsModel):
    """Columns: 村, 草案, 报审日期, 条数, 合法性审查, 状态, 审核意见; `ID_ROLE` is the version id."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "村"), QT_TRANSLATE_NOOP(_C, "草案"), QT_TRANSLATE_NOOP(_C, "报审日期"),
               QT_TRANSLATE_NOOP(_C, "条数"), QT_TRANSLATE_NOOP(_C, "合法性审查"), QT_TRANSLATE_NOOP(_C, "状态"),
               QT_TRANSLATE_NOOP(_C, "审核意见"))

    def display(self, row: QueueRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == VILLAGE:
            return row.village_name
        if column == TITLE:
            return tr(_C, "{title}(第{no}版)").format(title=row.title, no=row.version_no)
        if column == SUBMITTED:
            return shown_day(row.submitted_on)
        if column == ARTICLES:
            return str(row.articles)
        if column == FINDINGS:
            findings = []
            if row.unlawful:
                findings.append(tr(_C, "{n} 处可能违法").format(n=row.unlawful))
            if row.warnings:
                findings.append(tr(_C, "{n} 处需要注意").format(n=row.warnings))
            return "、".join(findings) or tr(_C, "未发现问题")
        if column == STATE:
            return queue_state_label(row.state)
        if row.opinion:
            return tr(_C, "{opinion}({on})").format(opinion=opinion_label(row.opinion), on=row.reviewed_on)
        # The village's own paper opinion: a claim to check, not ours.
        return tr(_C, "村里自报已审核(乡镇无审核记录,请核实)") if row.self_declared else ""

    def sort_value(self, row: QueueRow, column: int):
        """Counts as numbers, findings by how serious, the rest by their text."""
        if column == ARTICLES:
            return row.articles
        if column == FINDINGS:
            return (row.unlawful, row.warnings)
        return self.display(row, column)

    def foreground(self, row: QueueRow, column: int) -> QColor | None:
        """Findings red/amber/green by the worst one; the state by its colour; a village's own claim amber."""
        if column == FINDINGS:
            return RED if row.unlawful else (AMBER if row.warnings else GREEN)
        if column == STATE:
            return _STATE_COLORS.get(row.state, GREY)
        if column == OPINION and not row.opinion and row.self_declared:
            return AMBER
        return None

    def alignment(self, row: QueueRow, column: int) -> Qt.AlignmentFlag | None:
        """Counts right-aligned."""
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == ARTICLES else None

    def row_id(self, row: QueueRow) -> str:
        """The draft's version id."""
        return row.version_id
