"""Issue 15 — validation that never crashes: amounts beyond 13 digits, sums, and dates in a 财务公开表.

A 23-digit amount once reached SQLite and raised OverflowError; every place an
amount is typed (the table's cells and balances, the 民主理财 form, a ledger
import) refuses it with a Chinese reason and writes nothing.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from desktop.services import auth_service, ledger_import, setup_service, ui_support_supervision
from desktop.services import disclosure_service as ds
from desktop.services import supervision_service as sv
from models.disclosure import financial_table as ft
from models.disclosure.financial_table import Line
from models.disclosure.money import MAX_FEN, MoneyError, parse_fen
from models.errors import ValidationError
from models.meetings.quorum import ERROR, WARNING

HUGE = "99999999999999999999999"


@pytest.mark.parametrize("text", [HUGE, "10000000000000", "1" + "0" * 40, "1e40", 1e300, 10 ** 30, "-" + HUGE])
def test_more_than_13_digits_is_refused_with_a_reason(text):
    with pytest.raises(MoneyError) as err:
        parse_fen(text, allow_negative=True)
    assert "整数部分最多 13 位" in err.value.reason


def test_13_digits_are_money():
    assert parse_fen("9,999,999,999,999.99") == MAX_FEN
    assert parse_fen("-9999999999999.99", allow_negative=True) == -MAX_FEN


def line(day="2026-10-08", income=0, expense=0):
    return Line(day, "记-001", "购买办公用品", "办公费", income, expense, "王文书")


def test_a_sum_of_lines_beyond_the_limit_is_an_error():
    lines = [line(income=MAX_FEN), line(income=MAX_FEN)]
    errors = [f.text() for f in ft.check(0, 0, lines) if f.severity == ERROR]
    assert any("收入合计太大" in e for e in errors)
    assert ft.too_large(0, 0, lines)
    assert not ft.too_large(0, 0, [line(income=MAX_FEN)])


def test_a_line_date_must_be_a_date_and_in_the_month():
    findings = ft.check(0, 100, [line("2026-02-30", income=100)], "2026-02")
    assert any(f.severity == ERROR and "2026 年 2 月没有 30 日" in f.text() for f in findings)
    findings = ft.check(0, 100, [line("上旬", income=100)], "2026-10")
    assert any(f.severity == ERROR and "日期“上旬”不是日期" in f.text() for f in findings)
    findings = ft.check(0, 100, [line("2026-11-03", income=100)], "2026-10")
    assert [f.text() for f in findings if f.severity == WARNING] == [
        "第 1 行日期 2026-11-03 不在本期(2026年10月)内,请核对。"]
    assert ft.check(0, 100, [line("2026-10-03", income=100)], "2026-10") == []
    assert ft.check(0, 100, [line("", income=100)], "2026-10") == []  # a blank date is not a typed one


def _secretary(admin):
    setup_service.create_user(admin, "wenshu", "村文书", "secretary", "Pass-1234")
    return auth_service.login("wenshu", "Pass-1234")


def test_the_service_refuses_too_large_amounts_and_writes_nothing(village):
    _, admin = village
    secretary = _secretary(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    for opening, lines in ((10 ** 23, [line(income=100)]), (0, [line(income=10 ** 25)]),
                           (0, [line(income=MAX_FEN)] * 3)):
        with pytest.raises(ValidationError) as err:
            ds.save_table(secretary, item.id, opening, 0, lines)
        assert "没有保存" in str(err.value) and "太大" in str(err.value)
    assert ds.table(item.id) == (0, 0, [])


def test_submit_refuses_a_line_that_is_not_a_date(village):
    _, admin = village
    secretary = _secretary(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 0, 100, [line("2026-10-32", income=100)])  # a draft keeps it
    with pytest.raises(ValidationError) as err:
        ds.submit(secretary, item.id, date(2026, 11, 2))
    assert "10 月没有 32 日" in str(err.value)


def test_voucher_review_amounts_are_bounded(village_demo):
    _ = village_demo
    chair = auth_service.login("jianwei", "demo1234")  # the demo chair's own login records 民主理财
    with pytest.raises(ValidationError) as err:
        sv.parse_amount(HUGE)
    assert "太大" in str(err.value) and "13 位" in str(err.value)
    with pytest.raises(ValidationError):
        sv.parse_amount("1" + "0" * 40)  # used to raise decimal.InvalidOperation
    before = len(ui_support_supervision.voucher_reviews())
    with pytest.raises(ValidationError) as err:
        sv.add_voucher_review(chair, "2026-03", date(2026, 4, 3), 2, 10 ** 22, "张三")
    assert "太大" in str(err.value)
    with pytest.raises(ValidationError):
        sv.add_voucher_review(chair, "2026-03", date(2026, 4, 3), 2, 100,
                              "张三", [("记-1", MAX_FEN, "重复报销", "pending"), ("记-2", MAX_FEN, "x", "pending")])
    assert len(ui_support_supervision.voucher_reviews()) == before


def test_ledger_import_skips_a_too_large_amount(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "凭证号", "摘要", "科目", "收入", "支出", "经手人"])
    ws.append([None, None, "上月结余", None, HUGE, None, None])
    ws.append([datetime(2026, 10, 3), "记-001", "收到上级转移支付", "转移支付", 12000, None, "王文书"])
    ws.append([datetime(2026, 10, 4), "记-002", "误填", "转移支付", HUGE, None, "王文书"])
    ws.append([datetime(2026, 10, 5), "记-003", "误填", "转移支付", 1e300, None, "王文书"])
    wb.save(tmp_path / "台账.xlsx")
    read = ledger_import.read_ledger(tmp_path / "台账.xlsx")
    assert [x.income_fen for x in read.lines] == [1200000]
    reasons = {s.row: s.reason for s in read.skipped}
    assert "期初余额" in reasons[2] and "13 位" in reasons[2]
    assert "13 位" in reasons[4] and "13 位" in reasons[5]


def _posted_month(secretary, period: str, opening: int, closing: int) -> str:
    """A monthly table marked posted (the review and posting steps have their own tests)."""
    from models.disclosure.records import DisclosureItem

    item = ds.create_item(secretary, "finance_monthly", period, f"{period} 财务收支公开", allow_duplicate=True)
    ds.save_table(secretary, item.id, opening, closing, [line(f"{period}-08", income=closing - opening)])
    DisclosureItem.update(posted_on=f"{period}-28").where(DisclosureItem.id == item.id).execute()
    return item.id


def test_the_opening_balance_is_carried_from_the_last_posted_month(village):
    _, admin = village
    secretary = _secretary(admin)
    first = ds.create_item(secretary, "finance_monthly", "2026-08", "2026年8月财务收支公开")
    assert ds.table(first.id) == (0, 0, []) and ds.carried_opening(first.id) is None  # nothing posted before
    _posted_month(secretary, "2026-08", 0, 1000000)
    _posted_month(secretary, "2026-09", 1000000, 1234500)
    draft = ds.create_item(secretary, "finance_monthly", "2026-09", "不算:未公开", allow_duplicate=True)
    ds.save_table(secretary, draft.id, 0, 5, [line("2026-09-09", income=5)])  # a draft is not posted

    october = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    assert ds.table(october.id)[0] == 1234500
    carried = ds.carried_opening(october.id)
    assert (carried.period, carried.closing_fen, carried.previous_month) == ("2026-09", 1234500, True)
    findings = ds.save_table(secretary, october.id, 1000000, 1000100, [line("2026-10-03", income=100)])
    warnings = [f.text() for f in findings if f.severity == WARNING]
    assert warnings == ["期初余额 10,000.00 元与上月期末余额 12,345.00 元不一致,请核对(如有调整,请在说明里写明原因)。"]
    findings = ds.save_table(secretary, october.id, 1234500, 1234600, [line("2026-10-03", income=100)])
    assert findings == []

    december = ds.create_item(secretary, "finance_monthly", "2026-12", "2026年12月财务收支公开")
    assert ds.table(december.id)[0] == 1234500  # November was not posted: September's closing, named
    findings = ds.save_table(secretary, december.id, 0, 100, [line("2026-12-03", income=100)])
    assert any("与2026年9月期末余额 12,345.00 元不一致" in f.text() for f in findings)


def test_a_month_and_day_take_the_posting_s_year():
    assert ft.check(0, 100, [line("10月3日", income=100)], "2026-10") == []
    findings = ft.check(0, 100, [line("10.32", income=100)], "2026-10")
    assert any("2026 年 10 月没有 32 日" in f.text() for f in findings)


def test_cli_ledger_import_refuses_a_total_beyond_the_limit_and_creates_nothing(tmp_path, capsys):
    from desktop import cli

    data = tmp_path / "d"
    assert cli.main(["--data-dir", str(data), "init", "village", "--name", "青山村", "--code", "330106001001"]) == 0
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "凭证号", "摘要", "科目", "收入", "支出", "经手人"])
    for n in range(3):
        ws.append([datetime(2026, 10, 3 + n), f"记-{n}", "大额收入", "收入", "9999999999999.99", None, "王文书"])
    wb.save(tmp_path / "台账.xlsx")
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data), "--json", "disclosure", "import-ledger", str(tmp_path / "台账.xlsx"),
                     "--period", "2026-10"]) != 0
    out = capsys.readouterr()
    assert "没有保存" in out.out and "太大" in out.out and "Traceback" not in out.err
    assert ds.list_items() == []


def test_cli_a_second_posting_of_a_month_asks_first(tmp_path):
    """`cunwu disclosure import-ledger` twice for one month: refused without --yes, naming the one there is."""
    from desktop.services import disclosure_service as ds
    from models.db import close_database
    from tests.support.ledgers import messy_cash_journal
    from tests.unit.test_cli import as_json, cunwu

    data = tmp_path / "d"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=data).returncode == 0
    ledger = tmp_path / "台账.xlsx"
    messy_cash_journal(ledger)
    args = ("disclosure", "import-ledger", str(ledger), "--period", "2026-10")
    first = cunwu(*args, "--json", data_dir=data)
    assert first.returncode == 0, first.stderr
    again = cunwu(*args, data_dir=data)
    assert again.returncode == 1
    assert "2026年10月财务收支公开 已有一份草稿,仍要再建一份吗?" in again.stderr and "--yes" in again.stderr
    assert as_json(cunwu(*args, "--json", data_dir=data))["ok"] is False
    second = cunwu(*args, "--yes", "--json", data_dir=data)
    assert second.returncode == 0, second.stderr
    from desktop.paths import AppPaths
    from desktop.storage import open_store

    open_store(AppPaths(data), backup_before_migration=False)
    try:
        ids = {r.id for r in ds.existing_items("finance_monthly", "2026-10")}
        assert ids == {as_json(first)["posting_id"], as_json(second)["posting_id"]}
    finally:
        close_database()
