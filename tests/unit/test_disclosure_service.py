from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from desktop import cli
from desktop.services import auth_service, ledger_import, setup_service
from desktop.services import disclosure_service as ds
from models.disclosure.financial_table import Line
from models.errors import PermissionDenied, ValidationError
from tests.support.committee import member_login


def lines():
    return [Line("2026-10-03", "记-001", "收到上级转移支付", "转移支付", 1200000, 0, "王文书"),
            Line("2026-10-09", "记-002", "购买路灯 12 盏", "基础设施", 0, 435080, "李主任")]


def test_post_only_after_balanced_table_and_committee_review(village):
    _, admin = village
    setup_service.create_user(admin, "wenshu", "村文书", "secretary", "Pass-1234")
    secretary = auth_service.login("wenshu", "Pass-1234")
    committee = member_login(admin, "jianwei", "周监委")  # a member's own login signs
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    findings = ds.save_table(secretary, item.id, 100000, 864900, lines())  # off by 0.20
    assert any("账不平" in f.text() for f in findings)
    with pytest.raises(ValidationError) as err:
        ds.submit(secretary, item.id, date(2026, 11, 2))
    assert "账不平" in str(err.value)
    ds.save_table(secretary, item.id, 100000, 864920, lines())
    ds.submit(secretary, item.id, date(2026, 11, 2))
    with pytest.raises(PermissionDenied):
        ds.review(secretary, item.id, date(2026, 11, 3), True)  # a secretary cannot sign as the committee
    with pytest.raises(ValidationError):
        ds.post(secretary, item.id, date(2026, 11, 4), ["村务公开栏"])
    with pytest.raises(ValidationError):
        ds.review(committee, item.id, date(2026, 11, 3), False)  # returning needs a reason
    ds.review(committee, item.id, date(2026, 11, 5), True)
    with pytest.raises(ValidationError) as err:
        ds.post(secretary, item.id, date(2026, 11, 4), ["村务公开栏"])  # posted before the review
    assert "先审核、后公开" in str(err.value)
    ds.post(secretary, item.id, date(2026, 11, 6), ["村务公开栏", "微信群"])
    rows = ds.calendar_year(2026, date(2026, 11, 22))
    october = next(r for r in rows if r.period == "2026-10")
    assert october.status == "on_time" and october.item_id == item.id
    september = next(r for r in rows if r.period == "2026-09")
    assert september.status == "overdue"


def messy_ledger(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "10月"
    ws.append(["青山村2026年10月收支明细账"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["日期", "凭证号", "摘要", "科目", "收入", "支出", "经手人"])
    ws.append([None, None, "上月结余", None, "1,000.00", None, None])
    ws.append([datetime(2026, 10, 3), "记-001", "收到上级转移支付", "转移支付", 12000, None, "王文书"])
    ws.append([datetime(2026, 10, 9), "记-002", "购买路灯 12 盏", "基础设施", None, "4,350.80元", "李主任"])
    ws.append([])
    ws.append(["2026-10-12", "记-003", "误工补贴", "补贴", None, "一千元", "李主任"])
    ws.append([None, None, "本月合计", None, 12000, 4350.8, None])
    ws.append(["2026-10-20", "记-004", None, None, None, 300, None])
    wb.save(path)
    return path


def test_ledger_import_on_a_messy_sheet(tmp_path):
    read = ledger_import.read_ledger(messy_ledger(tmp_path / "台账.xlsx"))
    assert read.header_row == 3 and read.opening_fen == 100000
    assert [(x.summary, x.income_fen, x.expense_fen) for x in read.lines] == [
        ("收到上级转移支付", 1200000, 0), ("购买路灯 12 盏", 0, 435080)]
    reasons = {s.row: s.reason for s in read.skipped}
    assert "不是数字" in reasons[8] and "合计" in reasons[9] and "没有摘要" in reasons[10]


def test_bad_workbooks_are_refused(tmp_path):
    (tmp_path / "x.xlsx").write_text("not a workbook")
    with pytest.raises(ValidationError) as err:
        ledger_import.read_ledger(tmp_path / "x.xlsx")
    assert "不是 Excel" in str(err.value)
    wb = Workbook()
    wb.active.append(["甲", "乙"])
    wb.save(tmp_path / "nohead.xlsx")
    with pytest.raises(ValidationError) as err:
        ledger_import.read_ledger(tmp_path / "nohead.xlsx")
    assert "没有找到" in str(err.value)


def test_cli_import_ledger_and_export(tmp_path, capsys):
    data = tmp_path / "d"
    assert cli.main(["--data-dir", str(data), "init", "village", "--name", "青山村", "--code", "330106001001"]) == 0
    capsys.readouterr()
    ledger = messy_ledger(tmp_path / "台账.xlsx")
    assert cli.main(["--data-dir", str(data), "--json", "disclosure", "import-ledger", str(ledger),
                     "--period", "2026-10"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["lines"], out["income"], out["expense"]) == (2, "12000.00", "4350.80")
    assert [s["row"] for s in out["skipped"]] == [8, 9, 10]
    assert cli.main(["--data-dir", str(data), "--json", "disclosure", "import-ledger", str(ledger),
                     "--period", "2026-13"]) == 1
    capsys.readouterr()
    xlsx = tmp_path / "2026.xlsx"
    assert cli.main(["--data-dir", str(data), "--json", "disclosure", "export", "--year", "2026",
                     "--out", str(xlsx)]) == 0
    wb = load_workbook(xlsx)
    assert wb["公开事项"]["D3"].value == "2026年10月财务收支公开"
    assert wb["财务明细"]["G3"].value == pytest.approx(4350.8) and wb["财务明细"]["G3"].number_format == "#,##0.00"


def test_a3_landscape_poster(village, tmp_path, qapp):
    import shutil
    import subprocess

    from desktop.reports import pdf
    from desktop.reports.disclosure_documents import poster_html

    _, admin = village
    item = ds.create_item(admin, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(admin, item.id, 100000, 864920, lines())
    html = poster_html(item.id)
    assert "期末余额" in html and "8,649.20" in html and "村务监督委员会(盖章)" in html
    out = pdf.write_pdf(html, tmp_path / "公开栏.pdf", pdf.A3, landscape=True)
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        size = next(line for line in info.splitlines() if line.startswith("Page size"))
        width, height = (float(x) for x in size.split(":")[1].split("pts")[0].split(" x "))
        assert width > height > 800  # A3 landscape: 1191 x 842 pt


def test_draft_text_edits_feedback_answer_once_and_escalation(village):
    _, admin = village
    item = ds.create_item(admin, "village_affairs", "2026Q3", "第三季度村务公开", period_kind="quarter")
    ds.update_item(admin, item.id, "一、低保评议结果。")
    assert ds.item(item.id).content == "一、低保评议结果。"
    ds.submit(admin, item.id, date(2026, 10, 5))
    with pytest.raises(ValidationError):
        ds.update_item(admin, item.id, "改动")
    fb = ds.add_feedback(admin, date(2026, 10, 1), "低保名单为什么没有张贴?")
    ds.answer_feedback(admin, fb.id, date(2026, 10, 2), "已补贴。")
    with pytest.raises(ValidationError) as err:
        ds.answer_feedback(admin, fb.id, date(2026, 10, 3), "again")
    assert "答复过了" in str(err.value)
    with pytest.raises(ValidationError):
        ds.escalate_feedback(admin, fb.id, date(2026, 10, 20))
    open_fb = ds.add_feedback(admin, date(2026, 10, 1), "路灯账目不清")
    assert ds.escalate_feedback(admin, open_fb.id, date(2026, 10, 20)).escalated_on == "2026-10-20"
