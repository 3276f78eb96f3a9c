"""The committee's annual work report to the 村民会议, as printable HTML.

Built on the UI thread from service data (the ledger, the annual counts,
the current term and that year's appraisals); the PDF is written off the
UI thread by `ui.widgets.background.FileExporter`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop.services import (
    setup_service,
    supervision_service,
    ui_support_supervision,
    verification_code,
)
from ui.widgets.findings import finding_text
from ui.widgets.palette import AMBER
from ui.widgets.supervision_labels import body_label, verdict_label

_C = "supervision_report"

# Qt's rich text ignores CSS padding on cells: padding comes from `cellpadding`.
_CSS = """
body { font-size: 11pt; }
h1 { font-size: 18pt; text-align: center; margin-bottom: 2pt; }
p.sub { text-align: center; color: #444; margin-top: 0; }
h2 { font-size: 13pt; margin-top: 16pt; margin-bottom: 6pt; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid td, table.grid th { border: 1px solid #000; vertical-align: top; }
table.grid th { background: #eee; font-weight: bold; }
p.sign { margin-top: 28pt; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _term_for(year: int):
    """The term in office during `year` (the newest that started by its end)."""
    for term in supervision_service.list_terms():
        if term.start_date[:4] <= str(year) and (not term.end_date or term.end_date[:4] >= str(year)):
            return supervision_service.term_view(term.id)
    return None


def annual_report_html(year: int) -> str:
    """The annual work report of `year`."""
    info = setup_service.current()
    village = info.name if info else ""
    counts = supervision_service.annual_counts(year)
    entries = supervision_service.ledger(year)
    term = _term_for(year)
    parts = [f"<html><head><style>{_CSS}</style></head><body>",
             f"<h1>{escape(village)}{escape(_tr('村务监督委员会'))}{year}{escape(_tr('年度工作报告'))}</h1>",
             f"<p class='sub'>{escape(_tr('向村民会议(村民代表会议)报告'))}</p>"]

    parts.append(f"<h2>{escape(_tr('一、组成情况'))}</h2>")
    if term is None:
        parts.append(f"<p>{escape(_tr('本年度没有登记监委会届次。'))}</p>")
    else:
        members = [m for m in term.members if not m.left_on]
        chair = "、".join(m.name for m in members if m.chair) or _tr("(未设)")
        others = "、".join(m.name for m in members if not m.chair) or _tr("(无)")
        parts.append("<p>" + escape(_tr("本届({label},{start}起)监委会共 {n} 人。主任:{chair};委员:{others}。").format(
            label=term.label, start=term.start_date, n=len(members), chair=chair, others=others)) + "</p>")
        for f in (*term.composition, *(f for m in members for f in m.findings)):
            parts.append(f"<p style='color:{AMBER.name()}'>{escape(finding_text(f))}</p>")

    parts.append(f"<h2>{escape(_tr('二、工作开展情况'))}</h2>")
    rows = ((_tr("召开监委会会议"), counts["meetings"], _tr("次")),
            (_tr("发现并提出监督事项"), counts["matters_opened"], _tr("件")),
            (_tr("办结监督事项"), counts["matters_closed"], _tr("件")),
            (_tr("开展民主理财"), counts["voucher_reviews"], _tr("次")),
            (_tr("组织民主评议"), counts["appraisals"], _tr("次")))
    parts.append("<table class='grid' width='100%' cellpadding='5' cellspacing='0'>"
                 f"<tr><th align='left'>{escape(_tr('项目'))}</th><th>{escape(_tr('数量'))}</th></tr>")
    for label, n, unit in rows:
        parts.append(f"<tr><td>{escape(label)}</td><td align='center'>{n} {escape(unit)}</td></tr>")
    parts.append("</table>")

    parts.append(f"<h2>{escape(_tr('三、民主评议结果'))}</h2>")
    appraisals = [a for a in ui_support_supervision.appraisals() if a.year == year]
    if not appraisals:
        parts.append(f"<p>{escape(_tr('本年度尚未进行民主评议。'))}</p>")
    for a in appraisals:
        parts.append("<p>" + escape(_tr("{on} 召开{body}进行评议,到会 {n} 人。").format(
            on=a.held_on, body=body_label(a.body), n=a.attendees)) + "</p>")
        parts.append("<table class='grid' width='100%' cellpadding='5' cellspacing='0'><tr>" + "".join(
            f"<th>{escape(h)}</th>" for h in (_tr("姓名"), _tr("职务"), _tr("称职"), _tr("基本称职"),
                                               _tr("不称职"), _tr("结果"))) + "</tr>")
        for r in a.results:
            parts.append(f"<tr><td>{escape(r.name)}</td><td>{escape(r.post)}</td><td align='center'>{r.competent}</td>"
                         f"<td align='center'>{r.basic}</td><td align='center'>{r.incompetent}</td>"
                         f"<td align='center'>{escape(verdict_label(r.verdict))}</td></tr>")
        parts.append("</table>")
        parts.append(verification_code.footer_html(verification_code.APPRAISAL, a.id))  # each result can be checked on its own

    parts.append(f"<h2>{escape(_tr('四、工作台账'))}</h2>")
    if not entries:
        parts.append(f"<p>{escape(_tr('本年度没有记录。'))}</p>")
    else:
        parts.append("<table class='grid' width='100%' cellpadding='4' cellspacing='0'><tr>"
                     f"<th width='18%'>{escape(_tr('日期'))}</th><th width='18%'>{escape(_tr('事项'))}</th>"
                     f"<th>{escape(_tr('内容'))}</th></tr>")
        for e in entries:
            parts.append(f"<tr><td>{escape(e.on)}</td><td>{escape(e.kind)}</td><td>{escape(e.text)}</td></tr>")
        parts.append("</table>")

    parts.append("<br><br>")
    parts.append(f"<p class='sign' align='right'>{escape(village)}{escape(_tr('村务监督委员会(盖章)'))}"
                 f"<br><br>{escape(_tr('主任(签字):'))}________________　　"
                 f"{escape(_tr('日期:'))}______年____月____日</p>")
    parts.append("</body></html>")
    return "".join(parts)
