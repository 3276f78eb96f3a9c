"""The register (人员名册) as an .xlsx a village office can print: a title row, a styled header, readable widths."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.reports import xlsx_style as xs
from desktop.services import people_service, setup_service

HEADERS = ("序号", "姓名", "性别", "出生年月", "组别", "户号", "与户主关系", "电话", "现任职务", "状态",
           "民族", "文化程度", "政治面貌")
#: Widths in Excel characters (a CJK character counts two).
_WIDTHS = (6, 10, 6, 10, 10, 10, 12, 15, 24, 16, 8, 10, 12)


def write_register_xlsx(path: Path, include_left: bool = False, on: date | None = None) -> Path:
    """Write the register (people on it; also those who left when `include_left`) to `path`; returns it.

    Saved atomically: a half-written file never replaces an older one.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    info = setup_service.current()
    on = on or date.today()
    wb = Workbook()
    ws = wb.active
    ws.title = "人员名册"
    ws.append([f"{info.name if info else ''}人员名册({on.year}年{on.month}月{on.day}日)"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws["A1"].font = Font(size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(list(HEADERS))
    xs.style_header(ws[2])
    for number, row in enumerate(people_service.register(include_left=include_left), start=1):
        roles = "、".join(people_service.PERSON_ROLES.get(r, r) for r in row.roles)
        ws.append([number, row.name, row.gender, row.birth_text(), row.village_group, row.household_number,
                   row.household_relation, row.phone, roles, people_service.status_text(row),
                   row.ethnicity, row.education, row.political_status])
        # Text, not numbers: Excel would turn "1968.10" into 1968.1 and drop a phone's leading zero.
        for column in (4, 6, 8):
            ws.cell(row=ws.max_row, column=column).number_format = "@"
    for index, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[ws.cell(row=2, column=index).column_letter].width = width
    ws.freeze_panes = "A3"
    xs.print_setup(ws, "2:2", landscape=True)  # 13 columns: an A4 page turned
    return xs.save_atomically(wb, Path(path))
