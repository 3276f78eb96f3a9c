"""The committee's annual work report (村务监督委员会年度工作报告) as .xlsx and .docx.

Figures from the work ledger: 例会, matters opened and closed, voucher
reviews, appraisals, then the ledger itself. For the 村民会议 and the
township's 纪委. Written atomically.
"""

from __future__ import annotations

from pathlib import Path

from desktop.reports import xlsx_style as xs
from desktop.services import setup_service
from desktop.services import supervision_service as sv

_COUNT_LABELS = (
    ("meetings", "召开监委会会议(次)"),
    ("matters_opened", "发现问题、提出监督事项(件)"),
    ("matters_closed", "监督事项办结(件)"),
    ("voucher_reviews", "民主理财审核(次)"),
    ("appraisals", "主持民主评议(次)"),
)


def _title(year: int) -> str:
    info = setup_service.current()
    return f"{info.name if info else ''}村务监督委员会{year}年度工作报告"


def write_annual_xlsx(year: int, path: Path) -> Path:
    """Summary sheet plus the ledger, print-ready (A4, repeated header)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    counts = sv.annual_counts(year)
    wb = Workbook()
    ws = wb.active
    ws.title = "年度汇总"
    ws["A1"] = _title(year)
    ws["A1"].font = Font(size=15, bold=True)
    ws.append([])
    ws.append(["项目", "数量"])
    xs.style_header(ws[3])
    for key, label in _COUNT_LABELS:
        ws.append([label, counts[key]])
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 10
    ledger = wb.create_sheet("工作台账")
    ledger.append(["日期", "类别", "内容"])
    xs.style_header(ledger[1])
    for e in sv.ledger(year):
        ledger.append([e.on, e.kind, e.text])
        ledger.cell(row=ledger.max_row, column=3).alignment = Alignment(wrap_text=True)
    for column, width in zip("ABC", (12, 14, 60), strict=True):
        ledger.column_dimensions[column].width = width
    ledger.freeze_panes = "A2"
    xs.print_setup(ws, landscape=False)
    xs.print_setup(ledger, "1:1", landscape=False)
    return xs.save_atomically(wb, Path(path))


def write_annual_docx(year: int, path: Path) -> Path:
    """The same report as a Word document to edit and read out at the 村民会议."""
    import docx

    counts = sv.annual_counts(year)
    document = docx.Document()
    document.add_heading(_title(year), level=1)
    document.add_paragraph(
        f"{year}年,村务监督委员会共召开会议 {counts['meetings']} 次,发现问题、提出监督事项 "
        f"{counts['matters_opened']} 件,办结 {counts['matters_closed']} 件,开展民主理财审核 "
        f"{counts['voucher_reviews']} 次,主持民主评议 {counts['appraisals']} 次。")
    document.add_heading("工作台账", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("日期", "类别", "内容"), strict=True):
        cell.text = text
    for e in sv.ledger(year):
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = e.on, e.kind, e.text
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    document.save(str(tmp))
    tmp.replace(path)
    return path
