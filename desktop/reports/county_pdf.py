"""The county's compliance report as a printable A4 landscape PDF (`cunwu report compliance --pdf` at a county).

The same report as the county's workbook (`county_xlsx`), on paper, so that
`report compliance` works at the county as it does at the township (issue 19):
a first page with one line per township (its villages' share on time per
obligation, its overall rate, its data date and the 汇总包 the figures came
from), the county's totals and the signature lines with the seal's place;
then each township's villages on a page of their own, drawn by the township
report's own HTML (`compliance_pdf.compliance_html` of
`county_service.township_board`), so the county prints the grid the township
filed. Every name comes from a package: it is escaped.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from desktop.reports import compliance_common as cc
from desktop.reports import pdf
from desktop.reports.compliance_pdf import REPORT_CSS, compliance_html, fitting_font_pt
from desktop.reports.i18n import tr
from desktop.services import county_service
from desktop.services.county_service import CountyBoard
from models.messages import QT_TRANSLATE_NOOP

_C = "county_report"


def _t(source: str) -> str:
    return tr(_C, source)


def title(board: CountyBoard) -> str:
    """The report's title, as on the workbook's first sheet."""
    return _t(QT_TRANSLATE_NOOP(_C, "{county}各乡镇村级依法履职情况汇总表")).format(county=board.county_name)


def summary_html(board: CountyBoard) -> str:
    """The first page: townships × obligations (share of villages on time), the county's totals, the lines to sign."""
    obligations = board.obligations
    parts = [f"<style>{REPORT_CSS}</style>", f"<h1>{escape(title(board))}</h1>",
             "<p class='sub'>" + escape(_t(QT_TRANSLATE_NOOP(
                 _C, "统计期间:{label}　单位:{name}({code})　各格为该乡镇各村按时完成的比例")).format(
                 label=board.period_label, name=board.county_name, code=board.county_code)) + "</p>"]
    share = 60 // max(1, len(obligations))
    head = "".join(f"<th width='{share}%'>{escape(cc.label(o.label))}</th>" for o in obligations)
    parts.append(
        "<table width='100%' border='1' cellspacing='0' cellpadding='2'><thead><tr>"
        f"<th width='4%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '序号')))}</th>"
        f"<th width='10%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '乡镇')))}</th>"
        f"<th width='4%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '村数')))}</th>{head}"
        f"<th width='7%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '总按时率')))}</th>"
        f"<th width='8%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '数据截至')))}</th>"
        f"<th width='7%'>{escape(_t(QT_TRANSLATE_NOOP(_C, '汇总包')))}</th></tr></thead>")
    for number, t in enumerate(board.townships, start=1):
        rates = "".join(f"<td class='c'>{cc.rate_text(board.rate(t.code, o.key))}</td>" for o in obligations)
        package = (_t(QT_TRANSLATE_NOOP(_C, "第 {n} 号")).format(n=t.last_number) if t.last_number
                   else _t(QT_TRANSLATE_NOOP(_C, "未收到")))
        parts.append(f"<tr><td class='r'>{number}</td><td style='white-space: nowrap'>{escape(t.name)}</td>"
                     f"<td class='r'>{t.villages}</td>{rates}"
                     f"<td class='r'>{cc.rate_text(board.township_rate(t.code))}</td>"
                     f"<td class='c'>{escape(t.data_as_of or '—')}</td><td class='c'>{escape(package)}</td></tr>")
    totals = "".join(f"<td class='c total'>{cc.rate_text(board.obligation_rate(o.key))}</td>" for o in obligations)
    parts.append(f"<tr><td class='total' colspan='2'>{escape(_t(QT_TRANSLATE_NOOP(_C, '全县')))}</td>"
                 f"<td class='r total'>{board.villages}</td>{totals}"
                 f"<td class='r total'>{cc.rate_text(board.overall_rate())}</td>"
                 "<td class='total'></td><td class='total'></td></tr></table>")
    notes = [_t(QT_TRANSLATE_NOOP(_C, "说明:各乡镇的数据来自其县级汇总包(签名核验),状态与乡镇合规看板一致;"
                                      "“无数据”计入未按时。乡镇的“上报事项答复”只计乡镇已办结的。")),
             _t(QT_TRANSLATE_NOOP(_C, "空白表示该乡镇没有这一期间的数据。各乡镇的分村明细见后面各页。"))]
    if board.empty:
        notes.insert(0, _t(QT_TRANSLATE_NOOP(_C, "这一期间还没有任何乡镇的数据。")))
    parts += [f"<p class='note'>{escape(line)}</p>" for line in notes]
    # 填报单位 the county (given, so the township board sign_fields takes it from is never read); the rest to sign
    cells = "".join(f"<td class='sign'>{escape(label)}:{escape(value)}</td>"
                    for label, value in cc.sign_fields(None, cc.SignLines(unit=board.county_name)))
    parts.append("<table width='100%' cellspacing='0' cellpadding='4' style='margin-top: 6px'><tr>"
                 f"{cells}<td class='sign' align='right'><font color='#808080'>{escape(cc.seal_text())}</font></td>"
                 "</tr></table>")
    return "".join(parts)


def county_html(board: CountyBoard, today: date | None = None) -> list[str]:
    """The report's pages as HTML: the summary, then each township's villages (its own report's grid)."""
    from desktop.reports.county_xlsx import without_data_text

    pages = [summary_html(board)]
    for head in board.townships:
        township = county_service.township_board(head.code, board.period, today)
        if township.empty:  # the county's words, not the township's "请先在“村庄”页…" and its signature lines
            pages.append(f"<h2>{escape(head.name)}({escape(board.period_label)})</h2>"
                         f"<p class='note'>{escape(without_data_text(head))}</p>")
        else:
            pages.append(compliance_html(township))
    return pages


def write_county_pdf(board: CountyBoard, path: Path, today: date | None = None) -> Path:
    """Write the report to `path` as an A4 landscape PDF (atomically): each part starts a page.

    The base size is the largest at which every part fits its own page (30 villages: 6 pt).
    Needs a Q(Gui)Application, like every PDF we print.
    """
    pages = county_html(board, today)
    size = min(fitting_font_pt(page) for page in pages)
    html = pages[0] + "".join(page.replace("<h1>", "<h1 style='page-break-before: always'>", 1) for page in pages[1:])
    return pdf.write_pdf(html, Path(path), page=pdf.A4, title=title(board), landscape=True, font_pt=size,
                         margins=pdf.NARROW_MARGINS)
