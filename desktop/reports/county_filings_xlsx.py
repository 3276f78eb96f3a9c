"""The county's 备案登记 as .xlsx: one row per filed rule, as the 备案登记 page lists it (with its filters).

For the county's files and for printing: the title rows name the county
and the filter, the header is repeated on every A4 page. Every text came in
a township's 汇总包, so it goes in as a cell value (`xlsx_style.cell_text`),
never as a formula.
"""

from __future__ import annotations

from pathlib import Path

from desktop.reports import xlsx_style as xs
from desktop.reports.i18n import tr
from desktop.services.county_service import FilingRow
from models.messages import QT_TRANSLATE_NOOP

_C = "county_filings_report"
COLUMNS = (QT_TRANSLATE_NOOP(_C, "乡镇"), QT_TRANSLATE_NOOP(_C, "村"), QT_TRANSLATE_NOOP(_C, "村代码"),
           QT_TRANSLATE_NOOP(_C, "村规民约"), QT_TRANSLATE_NOOP(_C, "版本"), QT_TRANSLATE_NOOP(_C, "表决日期"),
           QT_TRANSLATE_NOOP(_C, "报备日期"), QT_TRANSLATE_NOOP(_C, "备案号"), QT_TRANSLATE_NOOP(_C, "回执日期"),
           QT_TRANSLATE_NOOP(_C, "条数"), QT_TRANSLATE_NOOP(_C, "责令改正"))
_HEADER_ROW = 3


def write_filings_xlsx(rows: list[FilingRow], path: Path, county_name: str, filter_text: str = "") -> Path:
    """Write the register lines `rows` to `path` (atomically); `filter_text` says which lines these are."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = tr(_C, "备案登记")
    ws.cell(1, 1, xs.cell_text(tr(_C, "{county}村规民约备案登记").replace("{county}", county_name))).font = Font(
        bold=True, size=14)
    ws.cell(2, 1, xs.cell_text(tr(_C, "共 {n} 件").replace("{n}", str(len(rows)))
                               + (f";{filter_text}" if filter_text else "")))
    for col, title in enumerate(COLUMNS, start=1):
        ws.cell(_HEADER_ROW, col, tr(_C, title))
    xs.style_header(ws[_HEADER_ROW], wrap=True, border=True)
    for r, row in enumerate(rows, start=_HEADER_ROW + 1):
        values = (row.township_name, row.village_name, row.village_code, row.title, row.version_no,
                  row.adopted_on, row.filed_on, row.receipt_no, row.receipt_date, row.articles, row.correction)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, xs.cell_text(value))
            cell.border = xs.thin_border()
            if col == len(COLUMNS):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    xs.fit_widths(ws, first_row=_HEADER_ROW, fixed={"K": 40})
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, 1)
    xs.print_setup(ws, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}", footer=True)
    return xs.save_atomically(wb, Path(path))
