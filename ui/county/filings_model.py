"""The county's 备案 register as a table: one row per village's rule in force that its township filed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services.county_service import FilingRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

_C = "county_filings"

COLUMNS = (QT_TRANSLATE_NOOP(_C, "乡镇"), QT_TRANSLATE_NOOP(_C, "村"), QT_TRANSLATE_NOOP(_C, "村规民约"),
           QT_TRANSLATE_NOOP(_C, "版本"), QT_TRANSLATE_NOOP(_C, "备案号"), QT_TRANSLATE_NOOP(_C, "回执日期"),
           QT_TRANSLATE_NOOP(_C, "表决日期"), QT_TRANSLATE_NOOP(_C, "报备日期"), QT_TRANSLATE_NOOP(_C, "条数"),
           QT_TRANSLATE_NOOP(_C, "责令改正"))
TITLE_COL, CORRECTION_COL = 2, 9
_CENTRED = (3, 5, 6, 7, 8)


#: Every row at once: the register is a county's few thousand filed rules, exported and searched whole.
_ALL = 1_000_000


def _values(row: FilingRow) -> tuple:
    return (row.township_name, row.village_name, row.title, row.version_no, row.receipt_no, row.receipt_date,
            row.adopted_on, row.filed_on, row.articles, row.correction)


class FilingsModel(BatchedRowsModel):
    """`county_service.filings` rows, read-only, sorted by a header click (the kit's table model)."""

    CONTEXT = _C
    COLUMNS = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent, batch=_ALL)

    def display(self, row: FilingRow, column: int) -> str:
        """Text as the township filed it (shown as plain text by the view)."""
        value = _values(row)[column]
        if column == CORRECTION_COL:
            return value.replace("\n", " ") if value else "—"
        return str(value) if value != "" else "—"

    def sort_value(self, row: FilingRow, column: int):
        """The value as filed (numbers as numbers; "" sorts last)."""
        return _values(row)[column]

    def tooltip(self, row: FilingRow, column: int) -> str:
        """The whole 责令改正 text, else how to open the rule."""
        if column == CORRECTION_COL and row.correction:
            return row.correction
        return QCoreApplication.translate(_C, "双击(或回车)查看全文")

    def alignment(self, row: FilingRow, column: int) -> Qt.AlignmentFlag | None:
        """Dates, numbers and counts centred."""
        return Qt.AlignmentFlag.AlignCenter if column in _CENTRED else None
