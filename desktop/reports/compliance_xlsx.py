"""The compliance report (合规报表) as an .xlsx a county office accepts.

Sheet 汇总: the township's name, the period and "数据截至 …" on top, a legend,
one row per village with one column per obligation (the state as text,
coloured by conditional formatting so a reader's own edits stay coloured),
the village's rate, then per obligation the number of villages in each
state and the rate, notes on how rates are computed, and a native bar chart
of the rates. Then one sheet per obligation (village, state, done / late /
expected, note). Every sheet prints on A4 landscape, one page wide, with its
header row repeated. A board without data gets a sheet that says so.

Reads only the frozen `Board`, so the numbers are exactly the screen's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from desktop.reports import compliance_common as cc
from desktop.reports import xlsx_style as xs
from desktop.reports.i18n import tr
from desktop.sync.package_format import Cancelled
from models.messages import QT_TRANSLATE_NOOP
from models.township.board import NONE, OK, Board, Obligation

_C = "compliance_report"
_PERCENT = "0.0%"
_HEADER_ROW = 4  # rows 1-3: title, period and data date, legend
_LEAD_COLUMNS = 3  # 序号, 村名, 村代码
_DETAIL_WIDTH = 50  # the 明细 column of the per-obligation sheets


__all__ = ["Cancelled", "write_compliance_xlsx"]


def _t(source: str) -> str:
    return tr(_C, source)


def write_compliance_xlsx(board: Board, path: Path, progress: Callable[[int, int], None] | None = None,
                          cancelled: Callable[[], bool] | None = None, sign: cc.SignLines | None = None) -> Path:
    """Write `board` to `path` (atomically) and return the path.

    `sign`: the names on the summary's signature lines (blank lines to sign by hand when None).

    `progress(done, total)` is called after each sheet; `cancelled()` is
    asked before each one and stops the job (raising `Cancelled`) with the
    target untouched.

    Raises:
        Cancelled: `cancelled()` said so.
        xlsx_style.ReportWriteError: the file could not be written.
    """
    from openpyxl import Workbook

    sheets = [] if board.empty else list(board.obligations)
    total = 2 + len(sheets)  # summary, each obligation, saving

    def step(done: int) -> None:
        if progress:
            progress(done, total)
        if cancelled and cancelled():
            raise Cancelled

    step(0)
    st = _Stamps()
    wb = Workbook()
    summary = wb.active
    summary.title = _t(QT_TRANSLATE_NOOP(_C, "汇总"))
    if board.empty:
        _empty_summary(summary, board, sign)
    else:
        _summary(summary, board, st, sign)
    step(1)
    used = {summary.title}
    for number, obligation in enumerate(sheets, start=1):
        ws = wb.create_sheet(_sheet_name(cc.label(obligation.label), used))
        _obligation_sheet(ws, board, obligation, st)
        step(1 + number)
    xs.save_atomically(wb, Path(path))
    if progress:
        progress(total, total)
    return Path(path)


class _Stamps:
    """The table's cell styles, made once per report (see `xlsx_style.Stamp`)."""

    def __init__(self):
        from openpyxl.styles import Alignment, Font

        border = xs.thin_border()
        # top-aligned: a row grown for a long 明细 keeps its other values on its first line
        centre, top = Alignment(horizontal="center", vertical="top"), Alignment(wrap_text=True, vertical="top")
        bold = Font(bold=True)
        self.text = xs.Stamp(border=border, alignment=Alignment(vertical="top"))
        self.centre = xs.Stamp(border=border, alignment=centre)
        self.percent = xs.Stamp(border=border, alignment=centre, number_format=_PERCENT)
        self.wrap = xs.Stamp(border=border, alignment=top)
        self.bold = xs.Stamp(border=border, font=bold)
        self.bold_centre = xs.Stamp(border=border, font=bold, alignment=centre)
        self.bold_percent = xs.Stamp(border=border, font=bold, alignment=centre, number_format=_PERCENT)


def _heading(ws, board: Board, width: int) -> None:
    """Rows 1-2: title; period, data date and township code. Also the printed page header."""
    from openpyxl.styles import Alignment, Font

    last = max(width, 2)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.cell(1, 1, cc.title(board)).font = Font(name="黑体", size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    ws.cell(2, 1, f"{cc.period_text(board)}　{cc.data_date_text(board)}　"
                  + _t(QT_TRANSLATE_NOOP(_C, "填报单位:{name}({code})")).format(
                      name=board.township_name, code=board.township_code))
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    ws.oddHeader.left.text = board.township_name.replace("&", "&&")
    ws.oddHeader.right.text = cc.data_date_text(board).replace("&", "&&")


def _legend(ws, row: int, first_column: int) -> None:
    """"图例" followed by one coloured cell per state, in the colours of the grid."""
    from openpyxl.styles import Alignment, Font, PatternFill

    ws.cell(row, first_column, _t(QT_TRANSLATE_NOOP(_C, "图例:"))).alignment = Alignment(horizontal="right")
    for offset, state in enumerate(cc.STATES, start=1):
        fill, colour = cc.COLOURS[state]
        cell = ws.cell(row, first_column + offset, cc.state_text(state))
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=colour)
        cell.alignment = Alignment(horizontal="center")
    extra = ws.cell(row, first_column + len(cc.STATES) + 1, cc.state_text(NONE))  # no colour, as in the grid
    extra.font = Font(color=cc.COLOURS[NONE][1])
    extra.alignment = Alignment(horizontal="center")


def _state_colours(ws, cell_range: str) -> None:
    """Conditional formatting: each state's text gets its legend colour."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for state in cc.STATES:
        fill, colour = cc.COLOURS[state]
        text = cc.state_text(state).replace('"', '""')
        ws.conditional_formatting.add(cell_range, CellIsRule(
            operator="equal", formula=[f'"{text}"'], fill=PatternFill("solid", fgColor=fill, bgColor=fill),
            font=Font(color=colour)))


def _rate_colours(ws, cell_range: str) -> None:
    """A red → amber → green scale on rate cells (0 % to 100 %)."""
    from openpyxl.formatting.rule import ColorScaleRule

    ws.conditional_formatting.add(cell_range, ColorScaleRule(
        start_type="num", start_value=0, start_color="F8696B", mid_type="num", mid_value=0.5,
        mid_color="FFEB84", end_type="num", end_value=1, end_color="63BE7B"))


def _sign_rows(ws, board: Board, sign: cc.SignLines | None, row: int, width: int) -> int:
    """The signature lines under the notes: 填报单位 … 填报日期 and "(单位盖章)"; returns the last row."""
    from openpyxl.styles import Alignment, Font

    fields = cc.sign_fields(board, sign)
    row += 2
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.cell(row, 1, xs.cell_text("　　".join(f"{label}:{value}" for label, value in fields[:2])))
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.cell(row, 1, xs.cell_text("　　".join(f"{label}:{value}" for label, value in fields[2:])))
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    cell = ws.cell(row, 1, cc.seal_text())
    cell.alignment = Alignment(horizontal="right")
    cell.font = Font(color="808080")
    return row


def _one_page(ws, last_column: int, last_row: int) -> None:
    """The summary prints on one A4 page: fitted both ways, the print area ending at the signatures."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.print_area = f"A1:{get_column_letter(last_column)}{last_row}"


def _summary(ws, board: Board, st: _Stamps, sign: cc.SignLines | None = None) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    obligations = board.obligations
    first_ob = _LEAD_COLUMNS + 1
    last_ob = _LEAD_COLUMNS + len(obligations)
    rate_col, date_col = last_ob + 1, last_ob + 2
    _heading(ws, board, date_col)
    _legend(ws, 3, 1)
    header = [_t(QT_TRANSLATE_NOOP(_C, "序号")), _t(QT_TRANSLATE_NOOP(_C, "村名")),
              _t(QT_TRANSLATE_NOOP(_C, "村代码")), *(cc.label(o.label) for o in obligations),
              _t(QT_TRANSLATE_NOOP(_C, "本村按时率")), _t(QT_TRANSLATE_NOOP(_C, "数据截至"))]
    for column, value in enumerate(header, start=1):
        ws.cell(_HEADER_ROW, column, value)
    xs.style_header(ws[_HEADER_ROW], wrap=True, border=True)
    never = _t(QT_TRANSLATE_NOOP(_C, "从未报送"))
    row = _HEADER_ROW
    for number, village in enumerate(board.villages, start=1):
        row += 1
        values = [number, xs.cell_text(cc.village_name(village)), village.code,
                  *(cc.state_text(board.cell(village.code, o.key).state) for o in obligations),
                  board.village_rate(village.code), village.data_as_of or never]
        for column, value in enumerate(values, start=1):
            stamp = st.text if column < first_ob else st.percent if column == rate_col else st.centre
            stamp(ws.cell(row, column, value))
    last_village_row = row
    # per obligation: villages in each state, then the rate
    totals = [(cc.state_text(s) + _t(QT_TRANSLATE_NOOP(_C, "(村)")), s) for s in cc.ALL_STATES]
    per_obligation = {o.key: cc.counts(board, o.key) for o in obligations}
    for text, state in totals:
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_LEAD_COLUMNS)
        ws.cell(row, 1, _t(QT_TRANSLATE_NOOP(_C, "合计:")) + text)
        for column, o in enumerate(obligations, start=first_ob):
            ws.cell(row, column, per_obligation[o.key][state])
        for column in range(1, date_col + 1):
            (st.bold if column == 1 else st.centre)(ws.cell(row, column))
    row += 1
    rates_row = row
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_LEAD_COLUMNS)
    ws.cell(row, 1, _t(QT_TRANSLATE_NOOP(_C, "按时率")))
    for column, o in enumerate(obligations, start=first_ob):
        ws.cell(row, column, board.rate(o.key))
    ws.cell(row, rate_col, cc.overall_rate(board))
    ws.cell(row, date_col, _t(QT_TRANSLATE_NOOP(_C, "← 全乡镇")))
    for column in range(1, date_col + 1):
        (st.bold if column < first_ob else st.bold_percent)(ws.cell(row, column))
    grid = f"{get_column_letter(first_ob)}{_HEADER_ROW + 1}:{get_column_letter(last_ob)}{last_village_row}"
    _state_colours(ws, grid)
    rate_letter = get_column_letter(rate_col)
    _rate_colours(ws, f"{rate_letter}{_HEADER_ROW + 1}:{rate_letter}{rates_row}")
    _rate_colours(ws, f"{get_column_letter(first_ob)}{rates_row}:{get_column_letter(last_ob)}{rates_row}")
    row += 1
    row = _township_and_silent(ws, board, row, date_col)
    for line in cc.notes(board):
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=date_col)
        ws.cell(row, 1, xs.cell_text(line)).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 15 * (xs.display_width(line) // 120 + 1)
    row = sign_row = _sign_rows(ws, board, sign, row, date_col)
    # the chart: one bar per obligation, its rate (beside the printed page: the sheet prints on one page)
    chart = BarChart()
    chart.type = "col"
    chart.title = _t(QT_TRANSLATE_NOOP(_C, "各项义务按时率"))
    chart.y_axis.title = _t(QT_TRANSLATE_NOOP(_C, "按时率"))
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorGridlines = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend = None
    data = Reference(ws, min_col=first_ob, max_col=last_ob, min_row=rates_row, max_row=rates_row)
    cats = Reference(ws, min_col=first_ob, max_col=last_ob, min_row=_HEADER_ROW, max_row=_HEADER_ROW)
    chart.add_data(data, from_rows=True, titles_from_data=False)
    chart.set_categories(cats)
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    # said explicitly: LibreOffice otherwise also prints the series and category names on each bar
    chart.dataLabels.showSerName = chart.dataLabels.showCatName = False
    chart.dataLabels.showLegendKey = chart.dataLabels.showPercent = False
    chart.dataLabels.numFmt = "0%"
    chart.width, chart.height = max(18.0, 2.6 * len(obligations)), 10.0
    ws.add_chart(chart, f"B{row + 2}")
    # layout and print
    _fit(ws, {"A": 6})
    for column in range(first_ob, last_ob + 1):  # state columns: as wide as the label wants, within reason
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(16, max(10, ws.column_dimensions[letter].width))
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(first_ob, last_ob + 1)]
    lines = max((xs.display_width(h) // max(1, int(w) - 1) + 1 for h, w in zip(header[_LEAD_COLUMNS:], widths,
                                                                                strict=False)), default=1)
    ws.row_dimensions[_HEADER_ROW].height = 15 * min(lines, 4) + 4
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, _LEAD_COLUMNS + 1)
    xs.print_setup(ws, f"{_HEADER_ROW}:{_HEADER_ROW}", footer=True)
    _one_page(ws, date_col, sign_row)


def _township_and_silent(ws, board: Board, row: int, width: int) -> int:
    """The township's own duties and the villages listed apart as 长期未报送; returns the last row written.

    The township's row never enters a village's rate; each silent village comes with its last package's date.
    """
    from openpyxl.styles import Font

    lines = [(text, True) for text in cc.township_line(board)]
    silent = board.silent_villages
    if silent:
        lines.append((cc.silent_title(board) + _t(QT_TRANSLATE_NOOP(_C, ":{n} 个")).format(n=len(silent)), True))
        lines += [("　" + cc.silent_line(v), False) for v in silent]
    for text, bold in lines:
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.cell(row, 1, xs.cell_text(text)).font = Font(bold=bold)
    return row + (1 if lines else 0)


def _fit(ws, fixed: dict[str, float]) -> None:
    xs.fit_widths(ws, first_row=_HEADER_ROW, minimum=6, maximum=30, fixed=fixed)


def _empty_summary(ws, board: Board, sign: cc.SignLines | None = None) -> None:
    from openpyxl.styles import Alignment, Font

    _heading(ws, board, 8)
    ws.merge_cells(start_row=_HEADER_ROW, start_column=1, end_row=_HEADER_ROW + 2, end_column=8)
    cell = ws.cell(_HEADER_ROW, 1, cc.empty_text(board))
    cell.font = Font(size=13, bold=True, color="9C0006")
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for letter in "ABCDEFGH":
        ws.column_dimensions[letter].width = 14
    last = _sign_rows(ws, board, sign, _HEADER_ROW + 2, 8)
    xs.print_setup(ws, footer=True)
    _one_page(ws, 8, last)


def _obligation_sheet(ws, board: Board, obligation: Obligation, st: _Stamps) -> None:
    from openpyxl.styles import Alignment, Font

    header = [_t(QT_TRANSLATE_NOOP(_C, "序号")), _t(QT_TRANSLATE_NOOP(_C, "村名")),
              _t(QT_TRANSLATE_NOOP(_C, "村代码")), _t(QT_TRANSLATE_NOOP(_C, "状态")),
              _t(QT_TRANSLATE_NOOP(_C, "已完成")), _t(QT_TRANSLATE_NOOP(_C, "其中逾期")),
              _t(QT_TRANSLATE_NOOP(_C, "应完成")), _t(QT_TRANSLATE_NOOP(_C, "说明")),
              _t(QT_TRANSLATE_NOOP(_C, "数据截至")), _t(QT_TRANSLATE_NOOP(_C, "明细"))]
    title = cc.label(obligation.label)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(1, 1, f"{title}({board.period_label})").font = Font(name="黑体", size=14, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    basis = _t(QT_TRANSLATE_NOOP(_C, "依据:{basis}　")).format(basis=obligation.basis) if obligation.basis else ""
    ws.cell(2, 1, f"{basis}{board.township_name}　{cc.data_date_text(board)}")
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    ws.oddHeader.left.text = board.township_name.replace("&", "&&")
    ws.oddHeader.right.text = cc.data_date_text(board).replace("&", "&&")
    ws.append(header)
    xs.style_header(ws[3], wrap=True, border=True)
    never = _t(QT_TRANSLATE_NOOP(_C, "从未报送"))
    done = late = expected = 0
    row_stamps = (st.centre, st.text, st.text, st.centre, st.centre, st.centre, st.centre, st.text, st.centre,
                  st.wrap)
    for number, village in enumerate(board.villages, start=1):
        c = board.cell(village.code, obligation.key)
        done, late, expected = done + c.done, late + c.late, expected + c.expected
        ws.append([number, xs.cell_text(cc.village_name(village)), village.code, cc.state_text(c.state), c.done,
                   c.late, c.expected, xs.cell_text(c.note), village.data_as_of or never, xs.cell_text(c.detail)])
        for cell, stamp in zip(ws[ws.max_row], row_stamps, strict=True):
            stamp(cell)
        if c.detail:  # viewers do not grow a row for wrapped text: give the 明细 its lines
            lines = sum(xs.display_width(line) // (_DETAIL_WIDTH - 2) + 1 for line in c.detail.splitlines())
            if lines > 1:
                ws.row_dimensions[ws.max_row].height = 15 * lines
    last = ws.max_row
    _state_colours(ws, f"D4:D{max(4, last)}")
    ws.append([_t(QT_TRANSLATE_NOOP(_C, "合计")), None, None, None, done, late, expected])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=4)
    counts = cc.counts(board, obligation.key)
    applicable = cc.applicable_count(board, obligation.key)
    ws.append([_t(QT_TRANSLATE_NOOP(_C, "按时率")), None, None, board.rate(obligation.key),
               _t(QT_TRANSLATE_NOOP(_C, "按时 {ok} 村 / 应履行 {applicable} 村")).format(
                   ok=counts[OK], applicable=applicable)])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=3)
    ws.merge_cells(start_row=ws.max_row, start_column=5, end_row=ws.max_row, end_column=len(header))
    for column in range(1, len(header) + 1):
        (st.bold_centre if 4 <= column <= 7 else st.bold)(ws.cell(ws.max_row - 1, column))
        (st.bold_percent if column == 4 else st.bold)(ws.cell(ws.max_row, column))
    # the counts' widths are fixed: the merged rate sentence in E would otherwise widen E
    xs.fit_widths(ws, first_row=3, minimum=6, maximum=40, fixed={"A": 6, "E": 10, "F": 10, "G": 10,
                                                                     "J": _DETAIL_WIDTH})
    ws.freeze_panes = "C4"
    xs.print_setup(ws, "3:3", footer=True)


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(text: str, used: set[str]) -> str:
    """A legal, unique sheet name (≤ 31 characters, none of the characters Excel forbids)."""
    base = _BAD_SHEET_CHARS.sub("", text).strip("'") or "Sheet"
    name, n = base[:31], 1
    while name in used:
        n += 1
        suffix = f"({n})"
        name = base[:31 - len(suffix)] + suffix
    used.add(name)
    return name
