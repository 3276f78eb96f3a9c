"""The 公开栏 poster: what villagers read on the board (A4 or A3 landscape, large type).

Title, period, the content or the financial table with totals, the seal and
signature lines of the 村民委员会 and the 村务监督委员会, the posting date and
where to raise questions ("如有疑问请于…日内向村务监督委员会反映").
"""

from __future__ import annotations

from html import escape

from desktop.services import disclosure_service as ds
from desktop.services import setup_service, verification_code
from models.disclosure import catalogue as cat
from models.disclosure.financial_table import totals
from models.disclosure.money import format_fen
from models.verification_code import POSTER

_CSS = """
body { font-size: 15pt; }
h1 { font-size: 30pt; text-align: center; margin-bottom: 2pt; }
p.sub { font-size: 15pt; text-align: center; margin-top: 0; }
th { background: #e8e8e8; font-weight: bold; }
td.num { text-align: right; }
p.sign { margin-top: 18pt; }
"""


def _cn(iso: str) -> str:
    if not iso:
        return "____年__月__日"
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


#: Base font size of the poster, for `pdf.write_pdf(..., font_pt=POSTER_PT)` and printing.
POSTER_PT = 16


def poster_html(item_id: str, village_name: str | None = None) -> str:
    """The poster of one item.

    `village_name` heads and signs the poster at the township (printing a village's file);
    None: this installation's name.
    """
    item = ds.item(item_id)
    info = setup_service.current()
    name = escape(village_name if village_name is not None else info.name if info else "")
    parts = [f"<style>{_CSS}</style>", f"<h1>{name}{escape(item.title)}</h1>",
             f"<p class='sub'>公开期间:{escape(cat.period_label(item.period_kind, item.period))}"
             f"　公开类别:{escape(cat.CATEGORIES[item.category])}</p>"]
    if item.content:
        parts.append("<p>" + escape(item.content).replace("\n", "<br>") + "</p>")
    if item.category == cat.FINANCE:
        opening, closing, lines = ds.table(item.id)
        t = totals(opening, lines)
        rows = [f"<tr><td>{escape(x.day)}</td><td>{escape(x.voucher)}</td><td>{escape(x.summary)}</td>"
                f"<td class='num'>{format_fen(x.income_fen) if x.income_fen else ''}</td>"
                f"<td class='num'>{format_fen(x.expense_fen) if x.expense_fen else ''}</td>"
                f"<td>{escape(x.handler)}</td></tr>" for x in lines]
        parts.append(
            "<table width='100%' border='1' cellspacing='0' cellpadding='6'>"
            "<thead><tr><th>日期</th><th>凭证号</th><th>摘要</th><th>收入(元)</th><th>支出(元)</th><th>经手人</th>"
            "</tr></thead>"
            f"<tr><td colspan='3'><b>期初余额</b></td><td class='num' colspan='2'><b>{format_fen(opening)}</b></td><td></td></tr>"
            + "".join(rows) +
            f"<tr><td colspan='3'><b>本期合计</b></td><td class='num'><b>{format_fen(t.income)}</b></td>"
            f"<td class='num'><b>{format_fen(t.expense)}</b></td><td></td></tr>"
            f"<tr><td colspan='3'><b>期末余额</b></td><td class='num' colspan='2'><b>{format_fen(closing)}</b></td><td></td></tr>"
            "</table>")
    days = ds.feedback_due_days()
    parts.append(f"<p class='sign'>如有疑问,请于公开之日起 {days} 日内向村务监督委员会反映。</p>")
    parts.append("<table width='100%' cellpadding='6'><tr>"
                 f"<td width='50%'>{name}村民委员会(盖章)<br><br>负责人:__________</td>"
                 f"<td width='50%'>{name}村务监督委员会(盖章)<br><br>审核人:{escape(item.reviewed_by) or '__________'}"
                 f"<br>审核日期:{_cn(item.reviewed_on)}</td></tr></table>")
    parts.append(f"<p align='right'>公开日期:{_cn(item.posted_on)}</p>")
    parts.append(verification_code.footer_html(POSTER, item.id, size_pt=14))  # the township can check a photo of the board
    return "".join(parts)
