"""出生年月 as village offices type it, in every form they use.

"1968.03", "1968.3", "1968年3月", "1968-03", "196803", "1968/3/5", an Excel
date cell, or the number 1968.03 that Excel made of "1968.03"; also "'1968.10" (an apostrophe
typed to keep the 0) and "1968。10" (the full stop of a Chinese input method).

Only the year and month are kept (the register stores `birth_year` and
`birth_month`); a day, when given, is checked and then dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roster.text import visible

_C = "roster"

#: 1968.03 / 1968-3 / 1968/3/5 / 1968年3月 / 1968年3月5日 / 1968.03.05
_SEPARATED = re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:[.\-/月]\s*(?:(\d{1,2})\s*日?)?|月)?$")
#: 196803 / 19680305
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_YEAR = re.compile(r"^(\d{4})\s*年?$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")  # "1968-03-05 00:00:00" from a CSV

_LONG_NUMBER = re.compile(r"\d{9,}[\dXx]?")

EARLIEST_YEAR = 1900


@dataclass(frozen=True)
class Birth:
    """A birth year and, when known, its month (1-12)."""

    year: int
    month: int | None = None
    #: A doubt about how the value was read (the number 1968.1: January or a lost October?).
    doubt: Message | None = None


def _refuse(template: str, **params) -> Message:
    return msg(_C, template, **params)


def parse(value: object, today: date) -> Birth | Message | None:
    """The birth in `value`, None when blank, or the reason (a `Message`) it cannot be taken."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return _checked(value.year, value.month, value.day, today, str(value)[:10])
    doubt = None
    if isinstance(value, int | float) and not isinstance(value, bool) and 2200 <= value < 100_000 and (
            value == int(value)) and not 1900 <= value <= 2100 and not 190001 <= value <= 210012:
        # a date cell pasted as a value: Excel's day number (25000 = 1968-06-12); small numbers are not dates
        serial = date(1899, 12, 30) + timedelta(days=int(value))
        found = _checked(serial.year, serial.month, serial.day, today, str(int(value)))
        if isinstance(found, Birth):
            return Birth(found.year, found.month, msg(_C, QT_TRANSLATE_NOOP(
                _C, "出生年月是数字 {number},按 Excel 的日期序号读作 {date},请核对"),
                number=int(value), date=serial.isoformat()))
        return found
    if isinstance(value, bool):
        return _refuse(QT_TRANSLATE_NOOP(_C, "出生年月“{text}”看不懂"), text=value)
    if isinstance(value, float):
        if value != value:
            return None
        text = repr(value)  # 1968.03 -> "1968.03"; 1968.0 -> "1968.0"
        if text.endswith(".0"):
            text = text[:-2]
        elif re.fullmatch(r"\d{4}\.1", text):
            doubt = msg(_C, QT_TRANSLATE_NOOP(
                _C, "出生年月是数字 {text},按 1 月读取(如果原来写的是 {year}.10,Excel 把末尾的 0 去掉了,请核对)"),
                text=text, year=text[:4])
    else:
        text = str(value)
    text = _TIME_TAIL.sub("", visible(unicodedata.normalize("NFKC", text)).strip()).replace(" ", "")
    # "'1968.10": an apostrophe typed to keep Excel from dropping the 0; "1968。10": the IME's full stop
    text = text.lstrip("'‘’`").replace("。", ".")
    if not text:
        return None
    shown = _LONG_NUMBER.sub("(长数字已略去)", text)  # a 身份证号 typed here is never repeated
    m = _SEPARATED.match(text)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    elif (m := _COMPACT.match(text)) is not None:
        year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    elif (m := _YEAR.match(text)) is not None:
        year, month, day = int(m[1]), None, None
    else:
        return _refuse(QT_TRANSLATE_NOOP(_C, "出生年月“{text}”看不懂"), text=shown)
    found = _checked(year, month, day, today, shown)
    if isinstance(found, Birth) and doubt is not None:
        return Birth(found.year, found.month, doubt)
    return found


def _checked(year: int, month: int | None, day: int | None, today: date, shown: str) -> Birth | Message:
    if month is not None and not 1 <= month <= 12:
        return _refuse(QT_TRANSLATE_NOOP(_C, "出生年月“{text}”的月份不对"), text=shown)
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            return _refuse(QT_TRANSLATE_NOOP(_C, "出生日期“{text}”不存在"), text=shown)
    return check_range(year, month, day, today, shown)


def check_range(year: int, month: int | None, day: int | None, today: date, shown: str) -> Birth | Message:
    """Refuse a birth before 1900 or after today (a typing slip, or the form's date of filling)."""
    if year < EARLIEST_YEAR:
        return _refuse(QT_TRANSLATE_NOOP(_C, "出生年月“{text}”早于 1900 年"), text=shown)
    if (year, month or 1, day or 1) > (today.year, today.month, today.day):
        return _refuse(QT_TRANSLATE_NOOP(_C, "出生年月“{text}”在今天之后"), text=shown)
    return Birth(year, month)
