"""A financial posting (财务公开榜): opening balance, line items, closing balance.

The table refuses to post when 期初 + 收入 − 支出 ≠ 期末, and warns when a
line says only "其他" (the commonest complaint: "其他支出" instead of items).
A line's 日期 must be a date (yyyy-MM-dd as the editor stores it) and, for a
monthly posting, one in that month or the check warns; amounts and their sums
stay within `money.MAX_FEN`, so no total overflows SQLite's INTEGER. A month's
期初余额 is the last posted month's 期末余额 (the service carries it over); one
typed differently is a warning, since an adjustment can be right but is the
first thing a villager asks about.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.disclosure.money import MAX_FEN, format_fen, in_range
from models.meetings.quorum import ERROR, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.typed_dates import DateError, parse_typed_date

_C = "financial_table"
#: A line without an amount (the editor leaves it out for a line whose amount is typed but not money).
NO_AMOUNT = QT_TRANSLATE_NOOP(_C, "第 {n} 行没有金额。")
_VAGUE = ("其他", "其它", "杂支", "杂项", "其他支出", "其他收入", "零星支出")


@dataclass(frozen=True)
class Line:
    """One line item; exactly one of income/expense is non-zero."""

    day: str
    voucher: str
    summary: str
    category: str
    income_fen: int
    expense_fen: int
    handler: str = ""


@dataclass(frozen=True)
class Totals:
    """Sums of the table (all in 分)."""

    opening: int
    income: int
    expense: int
    computed_closing: int


def totals(opening_fen: int, lines: list[Line]) -> Totals:
    """Sum the table; integers only, so totals never drift."""
    income = sum(line.income_fen for line in lines)
    expense = sum(line.expense_fen for line in lines)
    return Totals(opening_fen, income, expense, opening_fen + income - expense)


def day_problem(day: str, month: str = "") -> str:
    """Why a line's 日期 is not a date ("" for a date or a blank cell); `month` gives "10.32" its year."""
    if not day.strip():
        return ""
    try:
        parse_typed_date(day, int(month[:4]) if month else None)
    except DateError as exc:
        return exc.reason
    return ""


def _month_label(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月"


def too_large(opening_fen: int, closing_fen: int, lines: list[Line]) -> list[Finding]:
    """Amounts or sums beyond 13 digits of 元: errors that also keep the table from being saved at all."""
    out: list[Finding] = []
    limit = format_fen(MAX_FEN)
    for label, fen in ((QT_TRANSLATE_NOOP(_C, "期初余额"), opening_fen), (QT_TRANSLATE_NOOP(_C, "期末余额"), closing_fen)):
        if not in_range(fen):
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{what}太大:整数部分最多 13 位(不超过 {limit} 元)。"), what=label, limit=limit)))
    for n, line in enumerate(lines, start=1):
        if not (in_range(line.income_fen) and in_range(line.expense_fen)):
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "第 {n} 行金额太大:整数部分最多 13 位(不超过 {limit} 元)。"), n=n, limit=limit)))
    if not out:
        t = totals(opening_fen, lines)
        for label, fen in ((QT_TRANSLATE_NOOP(_C, "收入合计"), t.income), (QT_TRANSLATE_NOOP(_C, "支出合计"), t.expense),
                           (QT_TRANSLATE_NOOP(_C, "期初 + 收入 − 支出"), t.computed_closing)):
            if not in_range(fen):
                out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{what}太大:超过 {limit} 元,请分期公开。"), what=label, limit=limit)))
    return out


@dataclass(frozen=True)
class Carried:
    """The 期末余额 of the last posted month, which the next month's 期初余额 should equal."""

    period: str  # "2026-09"
    closing_fen: int
    previous_month: bool  # the month just before (“上月”), not an older one


def carried_label(carried: Carried) -> str:
    """“上月” or “2026年8月” (when months in between were not posted)."""
    return "上月" if carried.previous_month else _month_label(carried.period)


def opening_differs(opening_fen: int, carried: Carried | None) -> Finding | None:
    """A warning when the typed 期初余额 is not the carried 期末余额."""
    if carried is None or opening_fen == carried.closing_fen:
        return None
    return Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
        _C, "期初余额 {opening} 元与{which}期末余额 {carried} 元不一致,请核对(如有调整,请在说明里写明原因)。"),
        opening=format_fen(opening_fen), which=carried_label(carried), carried=format_fen(carried.closing_fen)))


def check(opening_fen: int, closing_fen: int, lines: list[Line], month: str = "",
          carried: Carried | None = None) -> list[Finding]:
    """Errors that block posting, and warnings for vague lines.

    With `month` ("2026-10"), a line dated outside it is a warning; with
    `carried`, an opening balance other than the last posted 期末余额 is one.
    """
    out: list[Finding] = too_large(opening_fen, closing_fen, lines)
    differs = opening_differs(opening_fen, carried)
    if differs is not None:
        out.append(differs)
    for n, line in enumerate(lines, start=1):
        problem = day_problem(line.day, month)
        if problem:
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "第 {n} 行日期“{text}”{reason}。"),
                                          n=n, text=line.day.strip(), reason=problem)))
        elif month and line.day.strip():
            day = parse_typed_date(line.day, int(month[:4])).isoformat()
            if not day.startswith(month):
                out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "第 {n} 行日期 {day} 不在本期({month})内,请核对。"), n=n, day=day, month=_month_label(month))))
        if line.income_fen < 0 or line.expense_fen < 0:
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "第 {n} 行金额是负数。冲减请写在另一栏(收入写收入栏,支出写支出栏)。"), n=n)))
        if line.income_fen and line.expense_fen:
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "第 {n} 行同时填了收入和支出,请分成两行。"), n=n)))
        if not line.income_fen and not line.expense_fen:
            out.append(Finding(ERROR, msg(_C, NO_AMOUNT, n=n)))
        if not line.summary.strip():
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "第 {n} 行没有摘要。"), n=n)))
        elif line.summary.strip() in _VAGUE or line.category.strip() in _VAGUE and len(line.summary.strip()) <= 4:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "第 {n} 行只写了“{text}”。村民最常反映的就是这类笼统的支出,请写明具体用途。"),
                n=n, text=line.summary.strip())))
    t = totals(opening_fen, lines)
    if t.computed_closing != closing_fen:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "账不平:期初 {opening} + 收入 {income} − 支出 {expense} = {computed},"
                "但期末填的是 {closing},相差 {diff} 元。"),
            opening=format_fen(opening_fen), income=format_fen(t.income), expense=format_fen(t.expense),
            computed=format_fen(t.computed_closing), closing=format_fen(closing_fen),
            diff=format_fen(closing_fen - t.computed_closing))))
    return out
