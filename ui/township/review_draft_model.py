"""The rows of a submitted draft under review: 全文 first, then each article with its findings and comments."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.review_service import CommentRow
from models.messages import QT_TRANSLATE_NOOP
from models.rules.legality import ERROR, LegalityFinding
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.findings import legality_text
from ui.widgets.palette import AMBER, GREEN, RED

#: The context the panel's texts were translated in before the model held them.
_C = "ReviewDraftPanel"
LABEL, TEXT, FINDINGS, COMMENTS = range(4)


@dataclass(frozen=True)
class DraftLine:
    """One line of the review table: 全文 (position 0) or an article."""

    label: str
    text: str
    findings: tuple[LegalityFinding, ...]
    comments: tuple[CommentRow, ...]
    chapter: str = ""
    whole_text: bool = False


class ReviewDraftModel(BatchedRowsModel):
    """Columns: 条文, 内容, 合法性审查, 乡镇意见; possibly unlawful articles red."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "条文"), QT_TRANSLATE_NOOP(_C, "内容"), QT_TRANSLATE_NOOP(_C, "合法性审查"),
               QT_TRANSLATE_NOOP(_C, "乡镇意见"))

    def display(self, row: DraftLine, column: int) -> str:
        """The text of a cell."""
        if column == LABEL:
            return row.label
        if column == TEXT:
            return row.text
        if column == FINDINGS:
            tr = QCoreApplication.translate
            lines = "\n".join((tr(_C, "可能违法:") if f.severity == ERROR else tr(_C, "需要注意:")) + legality_text(f)
                              for f in row.findings)
            return lines or ("" if row.whole_text else tr(_C, "未发现问题"))
        return "\n".join(f"• {c.comment}" for c in row.comments)

    def tooltip(self, row: DraftLine, column: int) -> str | None:
        """The chapter of an article on its label; otherwise the whole text."""
        if column == LABEL and row.chapter:
            return row.chapter
        return self.display(row, column)

    def foreground(self, row: DraftLine, column: int) -> QColor | None:
        """Red for a possibly unlawful article; the findings amber for a note, green when clear."""
        errors = any(f.severity == ERROR for f in row.findings)
        if column == LABEL:
            return RED if errors else None
        if column == FINDINGS:
            return RED if errors else (AMBER if row.findings else GREEN)
        return None
