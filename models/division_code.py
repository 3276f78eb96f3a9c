"""The structure of the 统计用区划代码 (National Bureau of Statistics division codes).

A village's (村委会/居委会) code has 12 digits: 2 province, 2 city, 2 county,
3 township (乡镇/街道), 3 village; a township's code is the first 9 of them
and a county's (县/区/县级市) the first 6. So a township's code is the prefix
of each of its villages' codes, and a county's of each of its townships'. The
province part is one of the 31 省级 codes, and the county part is never 00
(the city's own total, not a place where villages are).

This checks the structure only: whether a code was actually issued is for the
township to confirm (codes change when townships merge). `problem` answers
with what is expected, in Chinese, because a person reads it beside the field.
"""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "division_code"

VILLAGE_DIGITS = 12
TOWNSHIP_DIGITS = 9
COUNTY_DIGITS = 6

#: 省级 codes of GB/T 2260 used by the 统计用区划代码 (mainland provinces, regions and municipalities).
PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
})

VILLAGE, TOWNSHIP, COUNTY = "village", "township", "county"


def problem(code: str, kind: str, township_code: str | None = None,
            county_code: str | None = None) -> Message | None:
    """What is wrong with `code` as a village's (`kind` VILLAGE), township's or county's code, or None.

    Args:
        code: the code as typed (surrounding spaces are ignored).
        kind: VILLAGE (12 digits), TOWNSHIP (9 digits) or COUNTY (6 digits).
        township_code: for a village, the code of the township it belongs to;
            the village's code must start with it.
        county_code: for a township, the code of the county it belongs to;
            the township's code must start with it.
    """
    code = (code or "").strip()
    village = kind == VILLAGE
    digits = {VILLAGE: VILLAGE_DIGITS, COUNTY: COUNTY_DIGITS}.get(kind, TOWNSHIP_DIGITS)
    example = {VILLAGE: "330106001001", COUNTY: "330106"}.get(kind, "330106001")
    if not code.isascii() or not code.isdigit() or len(code) != digits:
        if village:
            template = QT_TRANSLATE_NOOP(
                _C, "村代码应为 12 位数字(国家统计局统计用区划代码,例如 {example}),现在是“{code}”({n} 位)。")
        elif kind == COUNTY:
            template = QT_TRANSLATE_NOOP(
                _C, "县代码应为 6 位数字(统计用区划代码的前 6 位,例如 {example}),现在是“{code}”({n} 位)。")
        else:
            template = QT_TRANSLATE_NOOP(
                _C, "乡镇代码应为 9 位数字(统计用区划代码的前 9 位,例如 {example}),现在是“{code}”({n} 位)。")
        return msg(_C, template, example=example, code=code, n=len(code))
    if code[:2] not in PROVINCE_CODES:
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "代码的前两位 {province} 不是省级代码(应在 11 到 65 之间,例如浙江 33、重庆 50)。"),
            province=code[:2])
    if code[4:6] == "00":
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "代码的第 5、6 位(县级)不能是 00,请核对统计用区划代码。"))
    if village and township_code and not code.startswith(township_code.strip()):
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "村代码 {code} 不属于本乡镇:本乡镇的村代码都以 {township} 开头。"),
            code=code, township=township_code.strip())
    if kind == TOWNSHIP and county_code and not code.startswith(county_code.strip()):
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "乡镇代码 {code} 不属于本县:本县的乡镇代码都以 {county} 开头。"),
            code=code, county=county_code.strip())
    return None
