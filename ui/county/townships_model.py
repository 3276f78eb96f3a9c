"""The county's register of townships: one row per enrolled township and what it last sent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.services.county_service import TownshipRow
from models.clock import local_display
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.palette import RED

_C = "county_townships"

COLUMNS = (QT_TRANSLATE_NOOP(_C, "代码"), QT_TRANSLATE_NOOP(_C, "乡镇"), QT_TRANSLATE_NOOP(_C, "状态"),
           QT_TRANSLATE_NOOP(_C, "电脑指纹"), QT_TRANSLATE_NOOP(_C, "最近汇总包"), QT_TRANSLATE_NOOP(_C, "导入时间"),
           QT_TRANSLATE_NOOP(_C, "数据截至"), QT_TRANSLATE_NOOP(_C, "村数"), QT_TRANSLATE_NOOP(_C, "备案"))
NAME_COL, STATUS_COL = 1, 2


def status_text(row: TownshipRow) -> str:
    """正常 / 等待第一个汇总包 / 已停用 (and 旧版汇总包 when it carries no 备案 register)."""
    if row.retired:
        return QCoreApplication.translate(_C, "已停用")
    if not row.last_number:
        return QCoreApplication.translate(_C, "等待第一个汇总包")
    if row.package_format < 2:
        return QCoreApplication.translate(_C, "正常(旧版汇总包,无备案)")
    return QCoreApplication.translate(_C, "正常")


def _values(row: TownshipRow) -> tuple:
    return (row.code, row.name, status_text(row), row.spoken or "—",
            QCoreApplication.translate(_C, "第 {n} 号").format(n=row.last_number) if row.last_number else "—",
            local_display(row.imported_at) if row.imported_at else "—", row.data_as_of or "—",
            row.villages, row.filings)


class TownshipsModel(BatchedRowsModel):
    """`county_service.townships()` rows, read-only, sorted by a header click (the kit's table model)."""

    CONTEXT = _C
    COLUMNS = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent, batch=1_000_000)  # a county's few dozen townships, all at once

    def rows(self) -> list[TownshipRow]:
        """The townships, in display order."""
        return self.all_rows()

    def display(self, row: TownshipRow, column: int) -> str:
        """Text (names as the township registered, plain)."""
        return str(_values(row)[column])

    def sort_value(self, row: TownshipRow, column: int):
        """The value shown (counts as numbers)."""
        return _values(row)[column]

    def foreground(self, row: TownshipRow, column: int) -> QColor | None:
        """A township still waiting for its first 汇总包 in red."""
        return RED if column == STATUS_COL and not row.last_number and not row.retired else None

    def tooltip(self, row: TownshipRow, column: int) -> str | None:
        """The whole fingerprint on its column."""
        if column == 3 and row.fingerprint:
            return QCoreApplication.translate(_C, "完整指纹:{fp}").format(fp=row.fingerprint)
        return None

    def alignment(self, row: TownshipRow, column: int) -> Qt.AlignmentFlag | None:
        """Package, dates and counts centred."""
        return Qt.AlignmentFlag.AlignCenter if column >= 4 else None
