"""The header row of a 花名册 and what each column is taken as.

Offices name the same column many ways (出生年月/出生日期/生日; 组别/村民小组/
所属小组/组...), put a title and a "填报单位:… 日期:…" line above the header,
and write headers across two lines ("出生" and "年月" on two lines) or with a hint in brackets
("身份证号码(18位)"). A header row is the row, among the first ones, where
the most cells name a known field and one of them names the person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from models.messages import QT_TRANSLATE_NOOP

_C = "roster"

#: field -> what it is taken as, for the preview ("姓名", "出生年月"...)
FIELD_LABELS: dict[str, str] = {
    "seq": QT_TRANSLATE_NOOP(_C, "序号(不导入)"),
    "name": QT_TRANSLATE_NOOP(_C, "姓名"),
    "gender": QT_TRANSLATE_NOOP(_C, "性别"),
    "birth": QT_TRANSLATE_NOOP(_C, "出生年月"),
    "id_number": QT_TRANSLATE_NOOP(_C, "身份证号(只取出生年月和性别,号码不保存)"),
    "group": QT_TRANSLATE_NOOP(_C, "村民小组"),
    "household_no": QT_TRANSLATE_NOOP(_C, "户号"),
    "head": QT_TRANSLATE_NOOP(_C, "户主"),
    "relation": QT_TRANSLATE_NOOP(_C, "与户主关系"),
    "phone": QT_TRANSLATE_NOOP(_C, "电话"),
    "address": QT_TRANSLATE_NOOP(_C, "住址(记在户上)"),
    "age": QT_TRANSLATE_NOOP(_C, "年龄(没有出生年月时推算出生年份)"),
    "note": QT_TRANSLATE_NOOP(_C, "备注"),
    "ethnicity": QT_TRANSLATE_NOOP(_C, "民族"),
    "education": QT_TRANSLATE_NOOP(_C, "文化程度"),
    "political_status": QT_TRANSLATE_NOOP(_C, "政治面貌"),
}
IGNORED_LABEL = QT_TRANSLATE_NOOP(_C, "不导入")

#: field -> header words, exact after normalising (most specific first where two fields share words)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序", "No", "NO", "no"),
    "name": ("姓名", "成员姓名", "家庭成员姓名", "人员姓名", "村民姓名", "名字", "户主姓名", "参保人姓名",
             "居民姓名", "被保险人姓名", "选民姓名", "代表姓名", "党员姓名", "人口姓名"),
    "gender": ("性别", "成员性别"),
    "birth": ("出生年月", "出生日期", "出生年份", "出生年", "生日", "出生年月日", "出生时间", "出生", "成员出生日期"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "身份号码", "公民身份证号码",
                  "身份证件号码", "居民身份证号码", "社会保障号码", "成员证件号码", "成员身份证号码", "证件号"),
    "group": ("组别", "村民小组", "所属小组", "组", "小组", "所属村民小组", "所在小组", "村组", "组名", "所在组",
              "村民小组名称", "小组名称", "组名称", "组别名称", "所在村民小组", "所属组", "所属组别"),
    "household_no": ("户号", "户编号", "户籍编号", "户口编号", "户序号", "家庭编号", "户口簿编号", "户口本编号",
                     "户口本号", "户口号", "户籍号"),
    "head": ("户主", "户主姓名", "户主名", "户主名字", "承包方代表姓名", "承包方代表"),
    "relation": ("与户主关系", "关系", "与户主的关系", "家庭关系", "与户主关系名称", "与承包方代表关系",
                 "与承包方关系"),
    "phone": ("电话", "联系电话", "手机号", "手机", "手机号码", "联系方式", "电话号码", "联系手机", "移动电话"),
    "address": ("住址", "家庭住址", "现住址", "居住地址", "地址", "户籍地址"),
    "note": ("备注", "成员备注"),
    "age": ("年龄", "周岁", "年龄岁", "实足年龄"),
    "ethnicity": ("民族", "民族名称", "族别", "成员民族"),
    "education": ("文化程度", "学历", "最高学历", "文化", "受教育程度", "文化程度名称", "教育程度", "成员文化程度"),
    "political_status": ("政治面貌", "政治面目", "党派", "政治身份", "成员政治面貌"),
}

_WORDS = {word: fld for fld, words in SYNONYMS.items() for word in words if fld not in ("head",)}
#: the item code of a statistical form's column: "D1.姓名", "R4.出生年月" (人口普查表), "3、性别"
_ITEM_CODE = re.compile(r"^[A-Za-z]{0,2}\d{1,2}[.、]")
_BRACKETS = re.compile(r"[((\[【<].*?[))\]】>]")


def normalise(value: object) -> str:
    """A header cell as comparable text: full-width folded, spaces, stars, brackets, item codes gone.

    An item code is a statistical form's column number, "D1." in "D1.姓名".
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _BRACKETS.sub("", text)
    text = re.sub(r"[\s*::※]", "", text)
    return _ITEM_CODE.sub("", text)


def field_of(value: object) -> str | None:
    """The field a header cell names, or None."""
    text = normalise(value)
    if not text or len(text) > 12:
        return None
    if text in SYNONYMS["head"]:
        return "head"  # resolved to "name" by `map_columns` when there is no other name column
    return _WORDS.get(text)


@dataclass(frozen=True)
class Header:
    """The header row (1-based in the sheet) and the column of each field found (0-based)."""

    row: int
    columns: dict[str, int]
    titles: tuple[str, ...]  # each column's header text, as written (for the preview)


def map_columns(cells: list[object]) -> dict[str, int]:
    """Field -> column for one candidate header row (first column wins for each field).

    "户主姓名" is the 户主 column when another column holds the members'
    names, and the name column when it is the only name (a roster of
    household heads, as 低保 and 医保 sheets are).
    """
    columns: dict[str, int] = {}
    for c, value in enumerate(cells):
        fld = field_of(value)
        if fld is not None and fld not in columns:
            columns[fld] = c
    if "name" not in columns and "head" in columns:
        columns["name"] = columns.pop("head")
    return columns


def side_by_side(cells: list[object]) -> bool:
    """Two tables printed side by side: 姓名 twice in the header, and another field twice too."""
    counts: dict[str, int] = {}
    for value in cells:
        fld = field_of(value)
        if fld is not None:
            counts[fld] = counts.get(fld, 0) + 1
    return counts.get("name", 0) >= 2 and any(n >= 2 for f, n in counts.items() if f != "name")


def find_header(rows: list[tuple[int, list[object]]]) -> Header | None:
    """The header among `rows` (the first ones of a sheet, as (row number, cells)), or None.

    The row with the most recognised fields wins, if it has a name column and
    at least one other field (a title such as "村民小组花名册" names none).
    """
    best: Header | None = None
    for number, cells in rows:
        columns = map_columns(cells)
        if "name" not in columns or len(columns) < 2:
            continue
        if best is None or len(columns) > len(best.columns):
            titles = tuple("" if v is None else str(v).strip() for v in cells)
            best = Header(number, columns, titles)
    if best is not None:
        above = next((cells for number, cells in rows if number == best.row - 1), None)
        if above is not None:
            best = _with_line_above(best, above)
    return best


def _with_line_above(header: Header, above: list[object]) -> Header:
    """`header` with the fields named on the line above it, over cells left empty in it.

    A two-line header typed without merging: "序号", "组别" on the top line with nothing
    under them, "家庭成员情况" over "姓名", "性别", "出生年月" on the second.
    """
    columns, titles = dict(header.columns), list(header.titles)
    for c, value in enumerate(above):
        fld = field_of(value)
        if fld in (None, "head") or fld in columns or (c < len(titles) and titles[c]):
            continue
        columns[fld] = c
        titles.extend([""] * (c + 1 - len(titles)))
        titles[c] = str(value).strip()
    if len(columns) == len(header.columns):
        return header
    return Header(header.row, columns, tuple(titles))


def is_header_again(cells: list[object], header: Header) -> bool:
    """A header printed again on each page: the name cell holds a name header, and another cell a header."""
    name = cells[header.columns["name"]] if header.columns["name"] < len(cells) else None
    if field_of(name) not in ("name", "head"):
        return False
    return sum(field_of(v) is not None for v in cells) >= 2
