"""A stored date as a table cell: the date itself, or the stored text marked “日期有误”.

Why: a township or village that imported packages before the import boundary
checked field values (issue 16) may hold "2026-02-30" or "昨天" in a date column.
The services take such a date as unknown (`models.stored_values`); the tables
show what is stored, marked, so a clerk sees which record to have corrected
instead of a date that looks real.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.stored_values import is_stored_date

_C = "stored_day"


def shown_day(text: object) -> str:
    """`text` when it is empty or a real YYYY-MM-DD day; else “2026-02-30(日期有误)”."""
    if text is None or text == "" or is_stored_date(text):
        return "" if text is None else str(text)
    return QCoreApplication.translate(_C, "{value}(日期有误)").format(value=text)
