"""Spreadsheets as villages really keep them, for the ledger import tests and screenshots."""

from __future__ import annotations

from pathlib import Path


def messy_cash_journal(path: Path) -> None:
    """A month's 现金日记账 as villages keep it: a title row, a blank row, amounts as text, a merged cell."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "10月"
    ws.append(["青山村 2026 年 10 月现金日记账"])
    ws.append([])
    ws.append(["日期", "凭证号", "摘要", "科目", "收入", "支出", "经手人"])
    ws.append(["2026-10-01", "", "上月结余", "", "", "", 15000])
    ws.append(["2026-10-03", "记-1", "厂房租金", "租赁收入", "1,200.00元", None, "王文书"])
    ws.append(["2026-10-05", "记-2", "路灯电费", "公共事业", None, 356.8, "李主任"])
    ws.append(["2026-10-06", "记-3", "保洁员工资", "环境卫生", None, "三百元", "李主任"])
    ws.append([None, None, None, None, None, None, None])
    ws.append(["2026-10-08", "记-4", None, None, None, 50, None])
    ws.merge_cells("A9:B9")
    ws.append(["", "", "本月合计", "", 1200, 356.8, ""])
    wb.create_sheet("说明")
    wb.save(path)
