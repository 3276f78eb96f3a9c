"""The rows of “恢复未保存的内容”: each kept draft with when it was typed and what became of its record."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.drafts_store import Draft
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import AMBER

#: The context the dialog's texts were translated in before the model held them.
_C = "RestoreDraftsDialog"
WHAT, WHEN, NOTE = range(3)

#: One offered draft: (draft, note, can_restore) — the note says when its record changed or is gone.
Entry = tuple[Draft, str, bool]


class RestoreDraftsModel(BatchedRowsModel):
    """Columns: 内容, 草稿时间, 说明; a note (the record changed or is gone) reads amber."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "内容"), QT_TRANSLATE_NOOP(_C, "草稿时间"), QT_TRANSLATE_NOOP(_C, "说明"))

    def display(self, row: Entry, column: int) -> str:
        """What was being typed (its title, else its key), when the draft was kept, the note."""
        draft, note, _can = row
        if column == WHAT:
            return draft.title or draft.key
        if column == WHEN:
            return draft.saved_at_text()
        return note

    def foreground(self, row: Entry, column: int) -> QColor | None:
        """The note is amber: the draft may not go back as it was typed."""
        return AMBER if column == NOTE and row[1] else None

    def row_id(self, row: Entry) -> str:
        """The draft's key."""
        return row[0].key
