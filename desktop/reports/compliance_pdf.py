"""The compliance report as a printable A4 landscape PDF (for the county, or the wall).

The same board as the workbook: title, period and data date, a legend, the
villages × obligations grid with the state in words on its colour (so a
black-and-white copy still reads), each village's rate, per obligation the
villages on time, applicable and the rate, and the notes on how rates are
computed. HTML for Qt's rich-text engine, laid out by `pdf.write_pdf`
(needs a Q(Gui)Application, like every PDF we print).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from desktop.reports import compliance_common as cc
from desktop.reports import pdf
from desktop.reports.i18n import tr
from models.messages import QT_TRANSLATE_NOOP
from models.township.board import OK, Board

_C = "compliance_report"
#: Base size: thirteen columns must fit across A4 landscape.
FONT_PT = 8
#: Smaller sizes tried, in turn, until the summary fits on one page (a county files one sheet):
#: thirty villages fit at 6 pt, forty at 5.
SMALLER_PT = (7, 6, 5)

#: The report's look, shared with the county's summary (`county_pdf`).
REPORT_CSS = """
h1 { font-size: 15pt; text-align: center; margin-top: 0px; margin-bottom: 2px; }
p.sub { text-align: center; margin-top: 0; margin-bottom: 4pt; }
th { background: #dde4ee; font-weight: bold; }
td.c { text-align: center; white-space: nowrap; }
td.r { text-align: right; white-space: nowrap; }
td.total { font-weight: bold; background: #f7f7f7; }
p.note { color: #404040; margin-top: 2pt; margin-bottom: 0; }
p.empty { font-size: 14pt; color: #9c0006; font-weight: bold; text-align: center; margin-top: 30pt; }
td.sign { white-space: nowrap; }
"""


def _t(source: str) -> str:
    return tr(_C, source)


def _state_td(state: str) -> str:
    fill, colour = cc.COLOURS[state]
    return f"<td class='c' bgcolor='#{fill}'><font color='#{colour}'>{escape(cc.state_text(state))}</font></td>"


def _legend() -> str:
    cells = "".join(_state_td(s) for s in cc.ALL_STATES)
    return ("<table cellspacing='0' cellpadding='2' border='1' align='center'><tr>"
            f"<td>{escape(_t(QT_TRANSLATE_NOOP(_C, '图例')))}</td>{cells}</tr></table>")


def _sign_html(board: Board, sign: cc.SignLines | None) -> str:
    """填报单位 / 填报人 / 审核人 / 负责人 / 填报日期 in one row, and the place of the unit's seal."""
    cells = "".join(f"<td class='sign'>{escape(label)}:{escape(value)}</td>"
                    for label, value in cc.sign_fields(board, sign))
    return ("<table width='100%' cellspacing='0' cellpadding='4' style='margin-top: 6px'><tr>"
            f"{cells}<td class='sign' align='right'><font color='#808080'>{escape(cc.seal_text())}</font></td>"
            "</tr></table>")


def compliance_html(board: Board, sign: cc.SignLines | None = None) -> str:
    """The report as HTML (also what a print preview would show), with the signature lines."""
    parts = [f"<style>{REPORT_CSS}</style>", f"<h1>{escape(cc.title(board))}</h1>",
             f"<p class='sub'>{escape(cc.period_text(board))}　{escape(cc.data_date_text(board))}　"
             + escape(_t(QT_TRANSLATE_NOOP(_C, "填报单位:{name}({code})")).format(
                 name=board.township_name, code=board.township_code)) + "</p>"]
    if board.empty:
        parts.append(f"<p class='empty'>{escape(cc.empty_text(board))}</p>")
        parts.append(_sign_html(board, sign))
        return "".join(parts)
    parts.append(_legend())
    obligations = board.obligations
    share = 70 // max(1, len(obligations))  # percent of the width per obligation column
    head = "".join(f"<th width='{share}%'>{escape(cc.label(o.label))}</th>" for o in obligations)
    parts.append(
        "<table width='100%' border='1' cellspacing='0' cellpadding='1'><thead><tr>"
        f"<th width='4%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '序号')))}</th>"
        f"<th width='9%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '村名')))}</th>"
        f"{head}<th width='7%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '本村按时率')))}</th>"
        f"<th width='9%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '数据截至')))}</th></tr></thead>")
    never = _t(QT_TRANSLATE_NOOP(_C, "从未报送"))
    for number, village in enumerate(board.villages, start=1):
        states = "".join(_state_td(board.cell(village.code, o.key).state) for o in obligations)
        parts.append(f"<tr><td class='r'>{number}</td><td style='white-space: nowrap'>{escape(cc.village_name(village))}</td>{states}"
                     f"<td class='r'>{cc.rate_text(board.village_rate(village.code))}</td>"
                     f"<td class='c'>{escape(village.data_as_of or never)}</td></tr>")
    counts = {o.key: cc.counts(board, o.key) for o in obligations}
    rows = (
        (_t(QT_TRANSLATE_NOOP(_C, "按时(村)")), [str(counts[o.key][OK]) for o in obligations], ""),
        (_t(QT_TRANSLATE_NOOP(_C, "应履行(村)")),
         [str(cc.applicable_count(board, o.key)) for o in obligations], ""),
        (_t(QT_TRANSLATE_NOOP(_C, "按时率")), [cc.rate_text(board.rate(o.key)) for o in obligations],
         cc.rate_text(cc.overall_rate(board))),
    )
    for label, values, overall in rows:
        cells = "".join(f"<td class='c total'>{v}</td>" for v in values)
        parts.append(f"<tr><td class='total' colspan='2'>{escape(label)}</td>{cells}"
                     f"<td class='r total'>{overall}</td><td class='total'></td></tr>")
    parts.append("</table>")
    parts += [f"<p class='note'><b>{escape(line)}</b></p>" for line in cc.township_line(board)]
    if board.silent_villages:
        parts.append(f"<p class='note'><b>{escape(cc.silent_title(board))}</b>:"
                     + escape("；".join(cc.silent_line(v) for v in board.silent_villages)) + "</p>")
    if board.trend:
        trend = ",".join(f"{escape(_quarter_words(label))} {cc.rate_text(rate)}" for label, rate in board.trend)
        parts.append(f"<p class='note'>{escape(_t(QT_TRANSLATE_NOOP(_C, '近几期全乡镇按时率:')))}{trend}</p>")
    parts += [f"<p class='note'>{escape(line)}</p>" for line in cc.notes(board, with_basis=False)]
    bases = cc.basis_lines(board)
    if bases:  # the legal bases in one paragraph: a line each made a thirty-village summary two pages
        parts.append(f"<p class='note'>{escape(';'.join(bases))}</p>")
    parts.append(_sign_html(board, sign))
    return "".join(parts)


def fitting_font_pt(html: str) -> int:
    """The largest base size (8, else 7, 6 or 5) at which the summary fits one A4 landscape page.

    A township with very many villages may still need more pages at 5 pt; the header row repeats.
    """
    for size in (FONT_PT, *SMALLER_PT):
        if pdf.page_count(html, pdf.A4, True, size, pdf.NARROW_MARGINS) == 1:
            return size
    return SMALLER_PT[-1]


def write_compliance_pdf(board: Board, path: Path, sign: cc.SignLines | None = None) -> Path:
    """Write the report to `path` as an A4 landscape PDF, on one page where it can be (atomically)."""
    html = compliance_html(board, sign)
    return pdf.write_pdf(html, Path(path), page=pdf.A4, title=cc.title(board), landscape=True,
                         font_pt=fitting_font_pt(html), margins=pdf.NARROW_MARGINS)


def _quarter_words(code: str) -> str:
    """"2024Q4" → "2024年第四季度" (anything else as it is)."""
    from models.township.compliance import quarter_label

    if len(code) == 6 and code[4] == "Q" and code[:4].isdigit() and code[5] in "1234":
        return quarter_label(int(code[:4]), int(code[5]))
    return code
