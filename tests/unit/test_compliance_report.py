"""The compliance report (.xlsx and PDF) and `cunwu report compliance`.

The workbook is read back with openpyxl and compared with the Board it was
written from (hand-built here, so the report is checked against numbers the
test chose); it is opened by LibreOffice headless; the PDF is rendered to a
PNG to be looked at; the CLI runs on a real township data folder that
imported a real village package, and its numbers are compared with a plain
SQL query of the meetings behind them.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.reports import compliance_common as cc
from desktop.reports.compliance_pdf import compliance_html, write_compliance_pdf
from desktop.reports.compliance_xlsx import Cancelled, write_compliance_xlsx
from models.township.board import LATE, MISSING, NA, OK
from tests.support.boards import OBLIGATIONS, empty_board, make_board
from tests.support.first_contact import confirmed_by

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice")
LABELS = [o.label for o in OBLIGATIONS]
SUMMARY_HEADER = ["序号", "村名", "村代码", *LABELS, "本村按时率", "数据截至"]


def _rows(ws) -> dict[str, int]:
    """Row number of each first-column label (the totals and rate rows)."""
    return {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, str)}


@pytest.fixture
def board():
    return make_board(villages=8)


@pytest.fixture
def workbook(board, tmp_path):
    return load_workbook(write_compliance_xlsx(board, tmp_path / "合规报表.xlsx"))


def test_summary_heading_grid_totals_and_rates_match_the_board(board, workbook):
    assert workbook.sheetnames == ["汇总", *LABELS]
    ws = workbook["汇总"]
    assert ws["A1"].value == "青山镇村级依法履职情况汇总表"
    assert "2026年第三季度" in ws["A2"].value and "数据截至 2026-10-28" in ws["A2"].value
    assert [c.value for c in ws[3]][:6] == ["图例:", "按时", "逾期完成", "缺失", "未到期", "无数据"]
    assert [c.value for c in ws[4]] == SUMMARY_HEADER
    rate_col = len(SUMMARY_HEADER) - 1
    for i, village in enumerate(board.villages):
        row = [c.value for c in ws[5 + i]]
        assert row[:3] == [i + 1, village.name, village.code]
        assert row[3:3 + len(LABELS)] == [cc.state_text(board.cell(village.code, o.key).state) for o in OBLIGATIONS]
        assert row[rate_col - 1] == pytest.approx(board.village_rate(village.code))
        assert ws.cell(5 + i, rate_col).number_format == "0.0%"
    assert ws.cell(5 + len(board.villages) - 1, rate_col).value is None  # the silent village: no rate
    assert ws.cell(5 + len(board.villages) - 1, rate_col + 1).value == "从未报送"
    rows = _rows(ws)
    for state, text in ((OK, "合计:按时(村)"), (LATE, "合计:逾期完成(村)"), (MISSING, "合计:缺失(村)"),
                        (NA, "合计:无数据(村)")):
        got = [ws.cell(rows[text], 4 + j).value for j in range(len(OBLIGATIONS))]
        assert got == [sum(board.cell(v.code, o.key).state == state for v in board.villages) for o in OBLIGATIONS]
    rates = [ws.cell(rows["按时率"], 4 + j) for j in range(len(OBLIGATIONS))]
    assert [c.value for c in rates] == pytest.approx([board.rate(o.key) for o in OBLIGATIONS])
    assert {c.number_format for c in rates} == {"0.0%"}
    assert ws.cell(rows["按时率"], rate_col).value == pytest.approx(cc.overall_rate(board))
    assert any("组织法第26条" in str(v) for v in rows)  # the legal bases are printed in the notes


def test_summary_prints_on_a4_landscape_with_frozen_header_chart_and_colours(board, workbook):
    ws = workbook["汇总"]
    assert ws.freeze_panes == "D5"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    # issue 19: the summary fits its one A4 page (it was one page wide, as many tall as needed)
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 1)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_margins.left == 0.5 and ws.page_margins.top == 0.75
    assert ws.oddHeader.left.text == "青山镇" and "数据截至 2026-10-28" in ws.oddHeader.right.text
    assert ws.column_dimensions["C"].width >= 14  # a 12-digit village code is not cut
    (chart,) = ws._charts
    assert type(chart).__name__ == "BarChart" and chart.type == "col"
    (series,) = chart.series
    rates_row = _rows(ws)["按时率"]
    assert series.val.numRef.f == f"'汇总'!$D${rates_row}:$L${rates_row}"
    categories = series.cat.strRef or series.cat.numRef
    assert categories.f == "'汇总'!$D$4:$L$4"  # the obligations' names in the header
    # one conditional rule per state on the grid, with the legend's colours
    grid = f"D5:L{4 + len(board.villages)}"
    rules = {str(r.sqref): r.rules for r in ws.conditional_formatting}
    by_text = {rule.formula[0]: rule.dxf.fill.fgColor.rgb[-6:] for rule in rules[grid]}
    assert by_text == {'"按时"': "C6EFCE", '"逾期完成"': "FFEB9C", '"缺失"': "FFC7CE", '"未到期"': "D9D9D9",
                       '"无数据"': "F2F2F2"}
    legend = {ws.cell(3, c).value: ws.cell(3, c).fill.fgColor.rgb[-6:] for c in range(2, 7)}
    assert legend == {cc.state_text(s): by_text[f'"{cc.state_text(s)}"'] for s in cc.STATES}
    assert any(r.type == "colorScale" for rs in rules.values() for r in rs)  # rates: red → green


def test_one_sheet_per_obligation_with_done_late_expected(board, workbook):
    for o in OBLIGATIONS:
        ws = workbook[o.label]
        assert ws["A1"].value == f"{o.label}(2026年第三季度)"
        assert [c.value for c in ws[3]] == ["序号", "村名", "村代码", "状态", "已完成", "其中逾期", "应完成", "说明",
                                            "数据截至", "明细"]
        for i, village in enumerate(board.villages):
            c = board.cell(village.code, o.key)
            row = [x.value for x in ws[4 + i]]
            assert row[1:8] == [village.name, village.code, cc.state_text(c.state), c.done, c.late, c.expected,
                                c.note or None]
        rows = _rows(ws)
        total = [ws.cell(rows["合计"], col).value for col in (5, 6, 7)]
        cells = [board.cell(v.code, o.key) for v in board.villages]
        assert total == [sum(c.done for c in cells), sum(c.late for c in cells), sum(c.expected for c in cells)]
        rate = ws.cell(rows["按时率"], 4)
        assert rate.value == pytest.approx(board.rate(o.key)) and rate.number_format == "0.0%"
        assert ws.freeze_panes == "C4" and ws.print_title_rows == "$3:$3"
        assert ws.page_setup.orientation == "landscape"


def test_an_empty_period_says_so_instead_of_an_empty_table(tmp_path):
    wb = load_workbook(write_compliance_xlsx(empty_board(), tmp_path / "空.xlsx"))
    assert wb.sheetnames == ["汇总"]
    ws = wb["汇总"]
    assert "数据截至 —" in ws["A2"].value
    assert "2026年第三季度没有任何村的数据,无法统计" in ws["A4"].value
    assert "其中 3 个村从未报送数据包" in ws["A4"].value
    assert not ws._charts
    nobody = load_workbook(write_compliance_xlsx(empty_board(villages=0), tmp_path / "无村.xlsx"))["汇总"]
    assert "还没有村庄入网" in nobody["A4"].value


def test_writing_reports_progress_and_a_cancel_leaves_the_old_file(board, tmp_path):
    target = tmp_path / "合规报表.xlsx"
    seen = []
    write_compliance_xlsx(board, target, progress=lambda done, total: seen.append((done, total)))
    total = 2 + len(OBLIGATIONS)
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    target.write_bytes(b"old report")
    with pytest.raises(Cancelled):
        write_compliance_xlsx(board, target, cancelled=lambda: len(seen) > total + 3,
                              progress=lambda done, t: seen.append((done, t)))
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["合规报表.xlsx"]  # no half file left beside it


def test_an_unwritable_target_is_explained_in_chinese(board, tmp_path):
    from desktop.reports.xlsx_style import ReportWriteError

    with pytest.raises(ReportWriteError, match="文件夹不存在"):
        write_compliance_xlsx(board, tmp_path / "没有这个文件夹" / "报表.xlsx")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by `make test` (libreoffice-calc-nogui)")
def test_the_workbook_opens_in_libreoffice(tmp_path):
    board = make_board(villages=40)
    xlsx = write_compliance_xlsx(board, tmp_path / "合规报表.xlsx")
    profile = tmp_path / "lo-profile"
    out = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(xlsx)],
        capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    csv = (tmp_path / "合规报表.csv").read_text("utf-8")  # the first sheet, values as shown
    assert "青山镇村级依法履职情况汇总表" in csv and "数据截至 2026-10-28" in csv
    assert board.villages[0].name in csv and "从未报送" in csv
    assert cc.rate_text(board.rate("rep_meetings")) in csv  # the 0.0% format survived
    out = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(xlsx)], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "合规报表.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_summary_has_grid_rates_and_legend(board, qapp, tmp_path):
    html = compliance_html(board)
    for text in ("青山镇村级依法履职情况汇总表", "数据截至 2026-10-28", "图例", "按时率", *LABELS,
                 *(v.name for v in board.villages), cc.rate_text(board.rate("appraisal"))):
        assert text in html
    assert "#C6EFCE" in html and "#FFC7CE" in html
    path = write_compliance_pdf(board, tmp_path / "合规报表.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert "842 x 595" in info  # A4 landscape
    assert "没有任何村的数据" in compliance_html(empty_board())


@pytest.mark.screenshots
def test_screenshot_pdf_summary(qapp, tmp_path):
    """build/screenshots/c4_compliance_pdf.png: the first page, 40 villages."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    out = ROOT / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    path = write_compliance_pdf(make_board(villages=40), tmp_path / "合规报表.pdf")
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1", str(path),
                    str(out / "c4_compliance_pdf")], check=True)
    assert (out / "c4_compliance_pdf.png").stat().st_size > 10_000


# --- the CLI on a real township data folder ------------------------------------------------------

def _cunwu(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=300)


def test_cli_report_on_a_township_that_imported_a_village(tmp_path):
    from desktop.services import compliance_service
    from desktop.sync import exporter, importer
    from models.db import close_database
    from tests.support.sites import VILLAGE_CODE, make_pair

    township, village, usb = make_pair(tmp_path, years=2)
    session = village.use()
    sent = exporter.export_package(session, village.paths, usb)
    session = township.use()
    importer.apply_import(session, sent.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    period = compliance_service.default_period()  # the last finished quarter: the demo has it
    start, end, _label = compliance_service.parse_period(period)
    board = compliance_service.board(period)
    close_database()

    xlsx, pdf = tmp_path / "合规报表.xlsx", tmp_path / "合规报表.pdf"
    proc = _cunwu(township.paths.data_dir, "report", "compliance", "--out", str(xlsx), "--period", period,
                  "--pdf", str(pdf), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["path"] == str(xlsx) and result["period"] == period
    assert (result["villages"], result["obligations"]) == (1, len(board.obligations))
    assert result["rates"] == {o.key: board.rate(o.key) for o in board.obligations}
    assert result["data_as_of"] == board.data_as_of != ""
    assert pdf.read_bytes().startswith(b"%PDF")
    # keys added by issue 17 (none renamed): the honest overall rate, the township's row, the silent villages
    assert result["overall_rate"] == pytest.approx(board.overall_rate())
    assert result["township"]["escalations"]["state"] == board.township_cell("escalations").state
    assert result["silent_after_days"] == 90 and result["silent_villages"] == []

    # the numbers in the sheet are those of a plain query of the village's meetings
    con = sqlite3.connect(township.paths.database)
    held = con.execute("SELECT count(*) FROM meeting WHERE owner = ? AND deleted = 0 AND quorum_met = 1 "
                       "AND type_code = 'representatives' AND held_on BETWEEN ? AND ?",
                       (VILLAGE_CODE, start.isoformat(), end.isoformat())).fetchone()[0]
    con.close()
    wb = load_workbook(xlsx)
    rep = next(o for o in board.obligations if o.key == "rep_meetings")
    row = [c.value for c in wb[cc.label(rep.label)][4]]
    assert row[2] == VILLAGE_CODE
    assert held >= 1 and (row[4], row[6]) == (1, 1)  # done / expected in the quarter
    summary = wb["汇总"]
    assert summary.cell(5, 3).value == VILLAGE_CODE
    assert [summary.cell(5, 4 + j).value for j in range(len(board.obligations))] == [
        cc.state_text(board.cell(VILLAGE_CODE, o.key).state) for o in board.obligations]

    # without --period: the last finished quarter; plain output names the file
    proc = _cunwu(township.paths.data_dir, "report", "compliance", "--out", str(tmp_path / "默认.xlsx"))
    assert proc.returncode == 0, proc.stderr
    assert "合规报表已写入" in proc.stdout and board.period_label in proc.stdout
    assert (tmp_path / "默认.xlsx").exists()


def test_cli_report_is_refused_in_a_village_and_explains_usage(tmp_path):
    data = tmp_path / "村"
    assert _cunwu(data, "init", "village", "--name", "青山村", "--code", "330106001001").returncode == 0
    proc = _cunwu(data, "report", "compliance", "--out", str(tmp_path / "x.xlsx"))
    assert proc.returncode == 1 and "只能在乡镇电脑上运行" in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()
    assert _cunwu(data, "report", "compliance").returncode == 2  # --out is required
    town = tmp_path / "乡镇"
    assert _cunwu(town, "init", "township", "--name", "青山镇", "--code", "330106001").returncode == 0
    proc = _cunwu(town, "report", "compliance", "--out", str(tmp_path / "y.xlsx"), "--period", "2026Q5")
    assert proc.returncode == 1 and "2026Q5" in proc.stderr
    proc = _cunwu(town, "--json", "report", "compliance", "--out", str(tmp_path / "y.xlsx"), "--period", "2026")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["villages"] == 0 and set(result["rates"].values()) == {None} and result["data_as_of"] == ""
    assert "还没有村庄入网" in load_workbook(tmp_path / "y.xlsx")["汇总"]["A4"].value


def test_summary_lists_the_silent_villages_apart_and_counts_no_data(board, workbook):
    """Issue 17: the Excel gives 无数据 its state and rate weight and lists the silent villages apart."""
    ws = workbook["汇总"]
    texts = [str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1)]
    heading = next(i for i, t in enumerate(texts) if t.startswith("长期未报送的村(超过 90 天"))
    silent = board.villages[-1]  # never sent anything
    assert f"{silent.name}({silent.code}):从未报送" in texts[heading + 1]
    assert any("按未按时计入按时率" in t for t in texts)
    assert ws.cell(3, 2 + len(cc.STATES)).value == "不适用"  # legend: after the coloured states
