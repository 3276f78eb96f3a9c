"""The rows of an attachments list: file name, kind, size (`attachments_service.list_for`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.attachments_service import KINDS, AttachmentRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

#: The context the panel's texts were translated in before the model held them.
_C = "AttachmentsPanel"
NAME, KIND, SIZE = range(3)


def kind_label(kind: str) -> str:
    """签到表 / 照片 / 表决票 / 文件 (the code itself when unknown)."""
    return QCoreApplication.translate("attachments", KINDS[kind]) if kind in KINDS else kind


def human_size(size: int) -> str:
    """A file size as a person reads it: 820 字节, 35.2 KB, 4.1 MB."""
    if size < 1024:
        return QCoreApplication.translate(_C, "{n} 字节").format(n=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentsModel(BatchedRowsModel):
    """Columns: 文件名, 类别, 大小; sizes sort in bytes; `ID_ROLE` is the attachment's id."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "文件名"), QT_TRANSLATE_NOOP(_C, "类别"), QT_TRANSLATE_NOOP(_C, "大小"))

    def display(self, row: AttachmentRow, column: int) -> str:
        """The file name, its kind, its size."""
        if column == NAME:
            return row.filename
        return kind_label(row.kind) if column == KIND else human_size(row.size)

    def sort_value(self, row: AttachmentRow, column: int):
        """Sizes in bytes; the rest by their text."""
        return row.size if column == SIZE else self.display(row, column)

    def tooltip(self, row: AttachmentRow, column: int) -> str | None:
        """The whole file name; the exact size in bytes."""
        if column == NAME:
            return row.filename
        if column == SIZE:
            return QCoreApplication.translate(_C, "{n} 字节").format(n=row.size)
        return None

    def row_id(self, row: AttachmentRow) -> str:
        """The attachment's id."""
        return row.id
