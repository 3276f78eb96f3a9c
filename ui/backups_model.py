"""The rows of 从备份恢复…: the backups in the installation's backups folder, newest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from desktop.backup import DAILY, BackupFile
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

_C = "RestoreDialog"
TAKEN, KIND, SIZE = range(3)

#: What made a backup, from the end of its file name (`desktop.backup.create_backup`'s reason).
KINDS = {
    DAILY: QT_TRANSLATE_NOOP(_C, "每日自动备份"),
    "manual": QT_TRANSLATE_NOOP(_C, "手动备份"),
    "before-restore": QT_TRANSLATE_NOOP(_C, "恢复前自动备份"),
    "before-import": QT_TRANSLATE_NOOP(_C, "导入数据包前自动备份"),
}


def kind_label(reason: str) -> str:
    """A backup's kind in words ("before-migration-v9" → 升级前自动备份)."""
    tr = QCoreApplication.translate
    if reason in KINDS:
        return tr(_C, KINDS[reason])
    if reason.startswith("before-migration"):
        return tr(_C, "软件升级前自动备份")
    return tr(_C, "其他备份")


def size_label(size: int) -> str:
    """Bytes as a person reads them: 380 KB, 12.4 MB."""
    if size < 1024 * 1024:
        return QCoreApplication.translate(_C, "{n} KB").format(n=max(1, round(size / 1024)))
    return QCoreApplication.translate(_C, "{n} MB").format(n=f"{size / (1024 * 1024):.1f}")


class BackupsModel(BatchedRowsModel):
    """Columns: 备份时间, 类别, 大小 (over `desktop.backup.list_backups`)."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "备份时间"), QT_TRANSLATE_NOOP(_C, "类别"), QT_TRANSLATE_NOOP(_C, "大小"))

    def set_backups(self, backups: list[BackupFile]) -> None:
        """Show these backups, with their sizes read once now (not on every paint)."""
        self.set_rows([(b, b.size()) for b in backups])

    def backup_at(self, row: int) -> BackupFile:
        """The backup on view row `row`."""
        return self.row_at(row)[0]

    def display(self, row: tuple[BackupFile, int], column: int) -> str:
        """The time it was taken, what took it, its size."""
        backup, size = row
        if column == TAKEN:
            return backup.taken.strftime("%Y-%m-%d %H:%M")
        if column == KIND:
            return kind_label(backup.reason)
        return size_label(size)

    def sort_value(self, row: tuple[BackupFile, int], column: int):
        """Time and size sort by their values."""
        backup, size = row
        return backup.taken if column == TAKEN else size if column == SIZE else self.display(row, column)

    def tooltip(self, row: tuple[BackupFile, int], column: int) -> str | None:
        """The file's whole path."""
        return str(row[0].path)

    def alignment(self, row, column: int) -> Qt.AlignmentFlag | None:
        """Sizes right-aligned."""
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == SIZE else None
