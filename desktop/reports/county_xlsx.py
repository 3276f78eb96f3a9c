"""The county's compliance report (县级合规报表) as .xlsx: townships first, then each township's villages.

Sheet 各乡镇汇总: one row per township (its villages, then per obligation the
share of its villages on time, its overall rate, its package's data date),
a county row, and per obligation the villages in each state across the
county. Then one sheet per township: the very summary sheet the township's
own report has (`desktop.reports.compliance_xlsx`, written from the
`Board` its 汇总包 brought), so the county prints what the township printed.

Reads only `county_service` results; every text from a package goes in as a
cell value (never a formula: `xlsx_style.cell_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.reports import compliance_common as cc
from desktop.reports import compliance_xlsx as township_report
from desktop.reports import xlsx_style as xs
from desktop.reports.i18n import tr
from desktop.services import county_service
from desktop.services.county_service import CountyBoard
from desktop.sync.package_format import Cancelled
from models.messages import QT_TRANSLATE_NOOP

_C = "county_report"
_HEADER_ROW = 3


def _t(source: str) -> str:
    return tr(_C, source)


def write_county_xlsx(board: CountyBoard, path: Path, today: date | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the county report for `board`'s period to `path` (atomically); returns the path.

    Raises:
        Cancelled: `cancelled()` said so (the target is untouched).
        xlsx_style.ReportWriteError: the file could not be written.
    """
    from openpyxl import Workbook

    total = 2 + len(board.townships)

    def step(done: int) -> None:
        if progress:
            progress(done, total)
        if cancelled and cancelled():
            raise Cancelled

    step(0)
    wb = Workbook()
    ws = wb.active
    ws.title = _t(QT_TRANSLATE_NOOP(_C, "各乡镇汇总"))
    _summary(ws, board)
    used = {ws.title}
    stamps = township_report._Stamps()  # noqa: SLF001 - the township report's own pieces, reused whole
    for n, head in enumerate(board.townships, start=1):
        step(n)
        sheet = wb.create_sheet(township_report._sheet_name(head.name, used))  # noqa: SLF001
        township = county_service.township_board(head.code, board.period, today)
        if township.empty:
            _township_without_data(sheet, head, board)
        else:
            township_report._summary(sheet, township, stamps)  # noqa: SLF001
    xs.save_atomically(wb, Path(path))
    if progress:
        progress(total, total)
    return Path(path)


def _summary(ws, board: CountyBoard) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    obligations = board.obligations
    header = [_t(QT_TRANSLATE_NOOP(_C, "序号")), _t(QT_TRANSLATE_NOOP(_C, "乡镇")),
              _t(QT_TRANSLATE_NOOP(_C, "乡镇代码")), _t(QT_TRANSLATE_NOOP(_C, "村数")),
              *(cc.label(o.label) for o in obligations), _t(QT_TRANSLATE_NOOP(_C, "总按时率")),
              _t(QT_TRANSLATE_NOOP(_C, "数据截至")), _t(QT_TRANSLATE_NOOP(_C, "汇总包"))]
    width = len(header)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1, _t(QT_TRANSLATE_NOOP(_C, "{county}各乡镇村级依法履职情况汇总表")).format(
        county=board.county_name)).font = Font(name="黑体", size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.cell(2, 1, _t(QT_TRANSLATE_NOOP(_C, "统计期间:{label}　单位:{name}({code})　各格为该乡镇各村按时完成的比例"))
            .format(label=board.period_label, name=board.county_name, code=board.county_code))
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    for column, value in enumerate(header, start=1):
        ws.cell(_HEADER_ROW, column, value)
    xs.style_header(ws[_HEADER_ROW], wrap=True, border=True)
    border = xs.thin_border()
    centre = Alignment(horizontal="center", vertical="top")
    percent = xs.Stamp(border=border, alignment=centre, number_format="0.0%")
    plain = xs.Stamp(border=border, alignment=Alignment(vertical="top"))
    middle = xs.Stamp(border=border, alignment=centre)
    first_ob, rate_col = 5, 5 + len(obligations)
    row = _HEADER_ROW
    for number, t in enumerate(board.townships, start=1):
        row += 1
        values = [number, xs.cell_text(t.name), t.code, t.villages,
                  *(board.rate(t.code, o.key) for o in obligations), board.township_rate(t.code),
                  t.data_as_of or "—", _t(QT_TRANSLATE_NOOP(_C, "第 {n} 号")).format(n=t.last_number)
                  if t.last_number else _t(QT_TRANSLATE_NOOP(_C, "未收到"))]
        for column, value in enumerate(values, start=1):
            stamp = percent if first_ob <= column <= rate_col else middle if column in (1, 4) else plain
            stamp(ws.cell(row, column, value))
    row += 1
    bold = Font(bold=True)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    ws.cell(row, 1, _t(QT_TRANSLATE_NOOP(_C, "全县"))).font = bold
    ws.cell(row, 4, board.villages).font = bold
    for column, o in enumerate(obligations, start=first_ob):
        percent(ws.cell(row, column, board.obligation_rate(o.key)))
        ws.cell(row, column).font = bold
    percent(ws.cell(row, rate_col, board.overall_rate()))
    ws.cell(row, rate_col).font = bold
    letters = f"{get_column_letter(first_ob)}{_HEADER_ROW + 1}:{get_column_letter(rate_col)}{row}"
    township_report._rate_colours(ws, letters)  # noqa: SLF001
    row += 1
    for state in cc.ALL_STATES:  # villages in each state across the county, per obligation
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row, 1, _t(QT_TRANSLATE_NOOP(_C, "全县{state}(村)")).format(state=cc.state_text(state)))
        for column, o in enumerate(obligations, start=first_ob):
            middle(ws.cell(row, column, sum(board.count(t.code, o.key).get(state) for t in board.townships)))
    row += 2
    for line in (_t(QT_TRANSLATE_NOOP(_C, "说明:各乡镇的数据来自其县级汇总包(签名核验),状态与乡镇合规看板一致;"
                                          "“无数据”计入未按时。乡镇的“上报事项答复”只计乡镇已办结的。")),
                 _t(QT_TRANSLATE_NOOP(_C, "空白表示该乡镇没有这一期间的数据。各乡镇的分村明细见后面的工作表。"))):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.cell(row, 1, line).alignment = Alignment(wrap_text=True)
        row += 1
    if board.empty:
        ws.cell(row + 1, 1, _t(QT_TRANSLATE_NOOP(_C, "这一期间还没有任何乡镇的数据。"))).font = Font(
            bold=True, color="9C0006")
    xs.fit_widths(ws, first_row=_HEADER_ROW, minimum=6, maximum=30, fixed={"A": 6})
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, 4)
    xs.print_setup(ws, f"{_HEADER_ROW}:{_HEADER_ROW}", footer=True)


def _township_without_data(ws, head, board: CountyBoard) -> None:
    """A township's sheet with nothing of the period: what the county holds, in the county's words.

    The township's own empty sheet says "请先在“村庄”页为各村办理入网" and carries the township's
    signature lines — neither is the county's to say or sign.
    """
    from openpyxl.styles import Alignment, Font

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    ws.cell(1, 1, _t(QT_TRANSLATE_NOOP(_C, "{name}村级依法履职情况({period})")).format(
        name=head.name, period=board.period_label)).font = Font(name="黑体", size=14, bold=True)
    text = without_data_text(head)
    ws.merge_cells(start_row=_HEADER_ROW, start_column=1, end_row=_HEADER_ROW + 2, end_column=8)
    cell = ws.cell(_HEADER_ROW, 1, text)
    cell.font = Font(size=13, bold=True, color="9C0006")
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for letter in "ABCDEFGH":
        ws.column_dimensions[letter].width = 14
    xs.print_setup(ws, footer=True)


def without_data_text(head) -> str:
    """What the county says of a township with no cells of the period (the xlsx sheet, the PDF page)."""
    if head.last_number:
        return _t(QT_TRANSLATE_NOOP(
            _C, "本县已收到{name}的第 {n} 号县级汇总包,其中没有这一期间的数据"
                "(该乡镇还没有村入网,或各村的记录从更晚的期间开始)。")).format(name=head.name, n=head.last_number)
    return _t(QT_TRANSLATE_NOOP(_C, "本县还没有收到{name}的县级汇总包。")).format(name=head.name)
