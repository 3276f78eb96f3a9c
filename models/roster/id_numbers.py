"""公民身份号码 (GB 11643-1999): the check digit, and the birth date and sex it carries.

Only the birth date and the sex are taken from a number; the number itself
is never returned, stored or logged (a lost USB stick must not leak it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roster.text import visible

_C = "roster"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^(\d{17}[\dX]|\d{15})$")


@dataclass(frozen=True)
class IdFacts:
    """What a valid number says: birth date and sex ("男"/"女"). Nothing else is kept."""

    birth: date
    gender: str


def clean(value: object) -> str:
    """The number as text: spaces, a leading apostrophe and a trailing ".0" gone, x upper-cased.

    A number Excel holds as a float keeps only 15 significant digits, so an
    18-digit number typed without a leading apostrophe comes out wrong; the
    check digit then refuses it (as it should).
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        value = int(value)
    text = visible(unicodedata.normalize("NFKC", str(value))).strip().lstrip("'").replace(" ", "").replace("\u3000", "").upper()
    return text[:-2] if text.endswith(".0") else text


def looks_like_id(text: str) -> bool:
    """Whether `text` has the shape of a 15- or 18-digit number (check digit not verified)."""
    return bool(_SHAPE.match(text))


def _cut_by_excel(value: object) -> bool:
    """Whether `value` is an 18-digit number held as a spreadsheet number, so its last digits are lost.

    Excel and WPS keep 15 significant digits; an 18-digit number typed into a General cell is
    saved as 3.30106196803051E+17, its last three digits zeros. Such a value may still pass the
    check digit by chance (one in eleven), and then its 17th digit (the sex) would be a guess:
    it is never read. A whole number a double cannot hold exactly was written as text by some
    other program and kept every digit, so it is read.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if value != value or abs(value) < 1e17 or abs(value) >= 1e18:
        return False
    return isinstance(value, float) or float(value) == value


def check_digit(first17: str) -> str:
    """The 18th character GB 11643 requires after these 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def read(value: object) -> IdFacts | Message | None:
    """The birth date and sex in `value`, the reason it cannot be used, or None when blank.

    The reason never repeats the number.
    """
    if _cut_by_excel(value):
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "身份证号被 Excel 当作数字保存了(显示成 3.3E+17 这样),只留下前 15 位,不能用"))
    text = clean(value)
    if not text:
        return None
    if "*" in text and looks_like_id(text.replace("*", "0")):
        return msg(_C, QT_TRANSLATE_NOOP(_C, "身份证号中间用 * 遮住了(公示用的号码),读不出出生年月和性别"))
    if not looks_like_id(text):
        return msg(_C, QT_TRANSLATE_NOOP(_C, "身份证号位数或字符不对(应为 18 位,最后一位可以是 X;或旧的 15 位)"))
    if len(text) == 18:
        if check_digit(text[:17]) != text[17]:
            return msg(_C, QT_TRANSLATE_NOOP(_C, "身份证号校验位不对(可能抄错了一位,或被 Excel 当作数字截断了)"))
        ymd, sex_digit = text[6:14], text[16]
    else:
        ymd, sex_digit = "19" + text[6:12], text[14]
    try:
        birth = date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8]))
    except ValueError:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "身份证号里的出生日期不存在"))
    return IdFacts(birth, "男" if int(sex_digit) % 2 else "女")
