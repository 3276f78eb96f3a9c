"""Money as integer 分: parsed from what people type, never a float.

Accepts "1,234.5", "1234.50元", "¥12", "1 234.00", full-width digits and
commas, and "(12.00)" / "-12" for negatives where a caller allows them.

An amount has at most 13 digits before the decimal point (9,999,999,999,999.99
元, far beyond any village account): a 23-digit paste used to reach SQLite and
crash with OverflowError, since SQLite stores at most 2^63 − 1. Totals are
bounded the same way (`MAX_FEN`), so no sum of lines overflows either.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")

#: Digits allowed before the decimal point.
MAX_WHOLE_DIGITS = 13
#: The largest amount (and the largest total) in 分: 9,999,999,999,999.99 元.
MAX_FEN = 10 ** (MAX_WHOLE_DIGITS + 2) - 1
#: What `parse_fen` says about a longer number (shown after the typed text).
TOO_LARGE = "太大:整数部分最多 13 位(不超过 9,999,999,999,999.99 元)"


class MoneyError(ValueError):
    """Text that is not an amount; `reason` is a short Chinese phrase."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"{text}: {reason}")
        self.text = text
        self.reason = reason


def parse_fen(text: str | int | float | Decimal | None, allow_negative: bool = False) -> int:
    """The amount in 分. Raises `MoneyError` for anything that is not exactly money."""
    if text is None:
        raise MoneyError("", "空白")
    if isinstance(text, bool):
        raise MoneyError(str(text), "不是金额")
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, float):
        value = Decimal(repr(text))  # what the cell shows, not the binary float
    elif isinstance(text, Decimal):
        value = text
    else:
        raw = str(text).strip().translate(_FULLWIDTH)
        negative = raw.startswith("(") and raw.endswith(")")
        cleaned = raw.strip("()").replace(",", "").replace(" ", "").replace("元", "").replace("¥", "").replace("￥", "")
        if not cleaned:
            raise MoneyError(str(text), "空白")
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:
            raise MoneyError(str(text), "不是数字") from exc
        if negative:
            value = -value
    if not value.is_finite():
        raise MoneyError(str(text), "不是数字")
    if abs(value) >= 10 ** MAX_WHOLE_DIGITS:  # before quantize: a 27-digit number makes it raise
        raise MoneyError(str(text), TOO_LARGE)
    if value != value.quantize(Decimal("0.01")):
        raise MoneyError(str(text), "超过两位小数")
    if value < 0 and not allow_negative:
        raise MoneyError(str(text), "不能是负数")
    return int(value * 100)


def in_range(fen: int) -> bool:
    """Whether an amount or a total in 分 fits the limit (and therefore SQLite's INTEGER)."""
    return -MAX_FEN <= fen <= MAX_FEN


def format_fen(fen: int, grouping: bool = True) -> str:
    """12345678 → "123,456.78" (or "123456.78")."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    return f"{sign}{whole}.{cents:02d}"


def as_decimal_string(fen: int) -> str:
    """For JSON: "12000.00" (exact, no grouping)."""
    return format_fen(fen, grouping=False)
