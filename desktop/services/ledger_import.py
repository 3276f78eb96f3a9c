"""Importing an Excel ledger the secretary already keeps into a draft financial posting.

Real sheets are messy: a title row or two above the header, merged cells,
amounts typed as text ("1,234.50元"), blank rows, subtotal rows. The importer
finds the header row by its words, maps columns (or takes the caller's
mapping), and reports every row it could not read instead of guessing.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from models.disclosure.financial_table import Line
from models.disclosure.money import MoneyError, parse_fen
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "ledger_import"

#: field -> words that name its column in real ledgers
HEADERS = {
    "day": ("日期", "时间", "月日"),
    "voucher": ("凭证号", "凭证", "单据号"),
    "summary": ("摘要", "事由", "项目", "内容"),
    "category": ("科目", "类别", "用途"),
    "income": ("收入", "借方", "收入金额"),
    "expense": ("支出", "贷方", "支出金额"),
    "handler": ("经手人", "经办人"),
}
_SKIP_WORDS = ("合计", "小计", "本月合计", "总计", "累计")
_OPENING_WORDS = ("期初余额", "上月结余", "上期结余", "上月结存", "上期结转", "承前页")


@dataclass
class SkippedRow:
    """A row the importer would not guess about, with the reason."""

    row: int
    reason: str


@dataclass
class LedgerImport:
    """What was read from the sheet."""

    sheet: str
    header_row: int
    mapping: dict[str, int]
    lines: list[Line] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    opening_fen: int | None = None  # from a 期初余额/上月结余 row, when the sheet has one


def _refuse(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def sheets(path: Path) -> list[str]:
    """Sheet names of a workbook (refusing files that are not .xlsx)."""
    return _open(path).sheetnames


def _open(path: Path):
    path = Path(path)
    if not path.is_file():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "找不到文件“{path}”。"), path=path)
    if not zipfile.is_zipfile(path):
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "“{name}”不是 Excel(.xlsx)文件。旧版 .xls 请在 Excel 或 WPS 里另存为 .xlsx 再导入。"), name=path.name)
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged workbooks
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”打不开:{detail}"), name=path.name, detail=exc) from exc


def _find_header(ws) -> tuple[int, dict[str, int]]:
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=min(ws.max_row, 15), values_only=True), start=1):
        mapping = {}
        for c, value in enumerate(row):
            text = str(value).strip() if value is not None else ""
            for fld, words in HEADERS.items():
                if fld not in mapping and any(text == w or (len(text) <= 6 and w in text) for w in words):
                    mapping[fld] = c
                    break
        if "summary" in mapping and ("income" in mapping or "expense" in mapping):
            return r, mapping
    raise _refuse(QT_TRANSLATE_NOOP(
        _C, "在表格前 15 行里没有找到“摘要”“收入”“支出”这样的表头,请在预览里手动指定各列。"))


def _day(value) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip() if value is not None else ""


def read_ledger(path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None) -> LedgerImport:
    """Read the ledger's lines; rows that cannot be read are listed with the reason."""
    wb = _open(path)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    header_row, found = _find_header(ws) if mapping is None else (0, mapping)
    merged = {cell for rng in ws.merged_cells.ranges for row in ws.iter_rows(
        min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col, max_col=rng.max_col) for cell in row}
    result = LedgerImport(ws.title, header_row, found)
    for r, cells in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        values = [c.value for c in cells]

        def get(fld, values=values):
            c = found.get(fld)
            return values[c] if c is not None and c < len(values) else None

        if all(v is None or str(v).strip() == "" for v in values):
            continue  # blank row: nothing to say
        summary = str(get("summary") or "").strip()
        if any(word in summary for word in _OPENING_WORDS):
            amount = next((v for v in (get("income"), get("expense"), values[-1]) if v not in (None, "")), None)
            try:
                result.opening_fen = parse_fen(amount) if amount is not None else None
            except MoneyError as exc:
                result.skipped.append(SkippedRow(r, f"期初余额“{exc.text}”{exc.reason}"))
            continue
        if any(word in summary for word in _SKIP_WORDS) or any(
                str(v or "").strip() in _SKIP_WORDS for v in values):
            result.skipped.append(SkippedRow(r, "合计/小计行,不作为明细导入"))
            continue
        if any(cell in merged for cell in cells if cell.value is not None) and not summary:
            result.skipped.append(SkippedRow(r, "合并单元格,看不出是哪一笔"))
            continue
        if not summary:
            result.skipped.append(SkippedRow(r, "没有摘要"))
            continue
        try:
            income = parse_fen(get("income")) if get("income") not in (None, "") else 0
            expense = parse_fen(get("expense")) if get("expense") not in (None, "") else 0
        except MoneyError as exc:
            result.skipped.append(SkippedRow(r, f"金额“{exc.text}”{exc.reason}"))
            continue
        if not income and not expense:
            result.skipped.append(SkippedRow(r, "没有金额"))
            continue
        result.lines.append(Line(_day(get("day")), str(get("voucher") or "").strip(), summary,
                                 str(get("category") or "").strip(), income, expense,
                                 str(get("handler") or "").strip()))
    return result
