"""The rows of 回收站: every deleted record, newest first (`recycle_service.list_deleted`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.recycle_service import DeletedRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

#: The context the dialog's titles were translated in before the model held them.
_C = "RecycleDialog"
KIND, DESCRIPTION, DELETED, OWNER = range(4)


class RecycleModel(BatchedRowsModel):
    """Columns: 类别, 内容, 删除时间, 所属村 (at the township); `ID_ROLE` is the record's id."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "类别"), QT_TRANSLATE_NOOP(_C, "内容"), QT_TRANSLATE_NOOP(_C, "删除时间"),
               QT_TRANSLATE_NOOP(_C, "所属村"))

    def display(self, row: DeletedRow, column: int) -> str:
        """The kind of record (translated), what it was, when it was deleted, whose it is (a village's)."""
        if column == KIND:
            return QCoreApplication.translate("recycle", row.kind_label)
        if column == OWNER:
            return row.owner_name
        return row.description if column == DESCRIPTION else row.deleted_at

    def has_owners(self) -> bool:
        """Whether any row belongs to a village (other than this installation)."""
        return any(r.owner_name for r in self._rows)

    def tooltip(self, row: DeletedRow, column: int) -> str | None:
        """The whole description (it may be long)."""
        return row.description if column == DESCRIPTION else None

    def row_id(self, row: DeletedRow) -> str:
        """The record's id."""
        return row.id
