"""A year's postings as a clean .xlsx (styled header, widths, number formats, frozen header, print setup)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.reports import xlsx_style as xs
from desktop.services import disclosure_service as ds
from desktop.services import setup_service
from models.disclosure import catalogue as cat

_MONEY = '#,##0.00'


def write_year_xlsx(year: int, path: Path) -> Path:
    """Sheet 公开事项 (one row per item) and sheet 财务明细 (every financial line)."""
    from decimal import Decimal

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    info = setup_service.current()
    wb = Workbook()
    ws = wb.active
    ws.title = "公开事项"
    ws.append([f"{info.name if info else ''}{year}年村务公开"])
    ws["A1"].font = Font(size=14, bold=True)
    ws.append(["类别", "事项", "期间", "标题", "状态", "监委会审核", "公开日期", "公开方式"])
    xs.style_header(ws[2])
    items = ds.list_items(year)
    own = ds.own_subject_labels()
    for row in sorted(items, key=lambda r: r.period):
        item = ds.item(row.id)
        subject = cat.ALL_BUILTIN[row.subject][0] if cat.is_builtin(row.subject) else own.get(row.subject, row.subject)
        ws.append([cat.CATEGORIES[row.category], subject,
                   cat.period_label(row.period_kind, row.period), row.title, ds.STATUS_LABELS[row.status],
                   item.reviewed_on, row.posted_on, "、".join(json.loads(item.channels or "[]"))])
    for column, width in zip("ABCDEFGH", (8, 18, 14, 36, 14, 12, 12, 20), strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A3"
    lines = wb.create_sheet("财务明细")
    lines.append(["期间", "日期", "凭证号", "摘要", "科目", "收入(元)", "支出(元)", "经手人"])
    xs.style_header(lines[1])
    for row in sorted(items, key=lambda r: r.period):
        if row.category != cat.FINANCE:
            continue
        _opening, _closing, table = ds.table(row.id)
        for line in table:
            lines.append([row.period, line.day, line.voucher, line.summary, line.category,
                          Decimal(line.income_fen) / 100 if line.income_fen else None,
                          Decimal(line.expense_fen) / 100 if line.expense_fen else None, line.handler])
            for c in (6, 7):
                lines.cell(row=lines.max_row, column=c).number_format = _MONEY
            lines.cell(row=lines.max_row, column=4).alignment = Alignment(wrap_text=True)
    for column, width in zip("ABCDEFGH", (10, 12, 10, 36, 14, 14, 14, 10), strict=True):
        lines.column_dimensions[column].width = width
    lines.freeze_panes = "A2"
    xs.print_setup(ws, "2:2")
    xs.print_setup(lines, "1:1")
    return xs.save_atomically(wb, Path(path))
