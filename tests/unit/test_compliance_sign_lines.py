"""Issue 19: the compliance report carries 填报单位 / 填报人 / 审核人 / 负责人 / 填报日期 and the seal's place,
and its summary fits one A4 page (the workbook's print settings; the PDF's layout, 30 villages)."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from desktop.reports import compliance_common as cc
from desktop.reports import pdf
from desktop.reports.compliance_pdf import compliance_html, fitting_font_pt, write_compliance_pdf
from desktop.reports.compliance_xlsx import write_compliance_xlsx
from tests.support.boards import empty_board, make_board

SIGN = cc.SignLines(unit="青山镇人民政府", filler="王审核", checker="<b>李</b>&", head="张镇长",
                    on="二〇二六年十二月五日")


def _texts(ws) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_the_workbook_summary_has_the_signature_lines_and_prints_on_one_page(tmp_path):
    ws = load_workbook(write_compliance_xlsx(make_board(villages=8), tmp_path / "r.xlsx", sign=SIGN))["汇总"]
    text = _texts(ws)
    for piece in ("填报单位:青山镇人民政府", "填报人:王审核", "审核人:<b>李</b>&", "负责人:张镇长",
                  "填报日期:二〇二六年十二月五日", "(单位盖章)"):
        assert piece in text
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 1)
    last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "(单位盖章)")
    assert re.fullmatch(rf"'?汇总'?!\$A\$1:\$[A-Z]+\${last}", ws.print_area)
    # no names known: lines to sign by hand
    blank = _texts(load_workbook(write_compliance_xlsx(empty_board(), tmp_path / "e.xlsx"))["汇总"])
    assert "填报人:__________" in blank and "(单位盖章)" in blank


def test_the_pdf_has_the_signature_lines_and_fits_one_page_for_thirty_villages(qapp, tmp_path):
    board = make_board(villages=30)  # the demo township; forty go to 5 pt and two pages
    html = compliance_html(board, SIGN)
    assert "审核人:&lt;b&gt;李&lt;/b&gt;&amp;" in html and "(单位盖章)" in html and "填报日期" in html
    size = fitting_font_pt(html)
    assert pdf.page_count(html, pdf.A4, True, size, pdf.NARROW_MARGINS) == 1
    path = write_compliance_pdf(board, tmp_path / "r.pdf", SIGN)
    assert len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes())) == 1
    assert "填报人:__________" in compliance_html(empty_board())
