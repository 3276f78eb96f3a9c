"""Importing an Excel ledger the secretary already keeps into a draft financial posting.

Real sheets are messy: a title row or two above the header, merged cells,
amounts typed as text ("1,234.50元"), blank rows, subtotal rows. The importer
finds the header row by its words, maps columns (or takes the caller's
mapping), and reports every row it could not read instead of guessing.
"""

from __future__ import annotations

import itertools
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop import office_zip
from desktop.services import roster_files
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
#: Rows read at most: a year of a village's book is a few thousand lines.
MAX_ROWS = 20_000
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
    wb = _open(path)
    try:
        return wb.sheetnames
    finally:
        wb.close()


def _open(path: Path):
    """The workbook in read-only (streaming) mode, after the zip's sizes are checked."""
    path = Path(path)
    if not path.is_file():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "找不到文件“{path}”。"), path=path)
    if not zipfile.is_zipfile(path):
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "“{name}”不是 Excel(.xlsx)文件。旧版 .xls 请在 Excel 或 WPS 里另存为 .xlsx 再导入。"), name=path.name)
    from openpyxl import load_workbook

    try:
        office_zip.check(path, office_zip.XLSX)  # a zip bomb is refused before openpyxl inflates it
        return load_workbook(path, data_only=True, read_only=True)
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged workbooks
        raise _refuse(QT_TRANSLATE_NOOP(_C, "“{name}”打不开:{detail}"), name=path.name, detail=exc) from exc


def _header_of(rows: list[tuple]) -> tuple[int, dict[str, int]]:
    for r, row in enumerate(rows, start=1):
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


def _rows(ws, name: str):
    """(row number, values) of the sheet, streamed; refused past `MAX_ROWS` (a ledger, not a database)."""
    for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if r > MAX_ROWS:
            raise _refuse(QT_TRANSLATE_NOOP(
                _C, "“{name}”的工作表“{sheet}”超过 {n} 行,不像是一本收支明细账。"
                    "请只保留要公开的这一期的明细再导入。"), name=name, sheet=ws.title, n=MAX_ROWS)
        yield r, list(values)


def _day(value) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip() if value is not None else ""


def read_ledger(path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None) -> LedgerImport:
    """Read the ledger's lines; rows that cannot be read are listed with the reason.

    The sheet is streamed (openpyxl read-only) and refused past `MAX_ROWS` rows, so a
    workbook of a million rows costs seconds and little memory, not gigabytes.
    """
    path = Path(path)
    wb = _open(path)
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        merged = roster_files.merged_ranges(ws)
        ws.reset_dimensions()  # some writers record a wrong size; read to the real end
        return _read_sheet(ws, path.name, merged, mapping)
    finally:
        wb.close()


def _in_merged(merged, r: int, c: int) -> bool:
    return any(r0 <= r <= r1 and c0 <= c <= c1 for r0, r1, c0, c1 in merged)


def _read_sheet(ws, name: str, merged, mapping: dict[str, int] | None) -> LedgerImport:
    rows = _rows(ws, name)
    top = [values for _, values in itertools.islice(rows, 15)] if mapping is None else []
    header_row, found = _header_of(top) if mapping is None else (0, mapping)
    result = LedgerImport(ws.title, header_row, found)
    body = itertools.chain(enumerate(top[header_row:], start=header_row + 1), rows)
    for r, values in body:
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
        if not summary and any(v is not None and _in_merged(merged, r, c) for c, v in enumerate(values, start=1)):
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
