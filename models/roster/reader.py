"""Rows of a 花名册 → the people to add, the rows skipped (each with its reason), the duplicates.

The caller hands rows as (row number, cell values) with merged cells already
spread; nothing here touches a file or the database. A row is never guessed
about: what cannot be taken is skipped, and the reason says why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.person_details import education_of, ethnicity_of, political_status_of
from models.roster import births, id_numbers
from models.roster.groups import group_key
from models.roster.headers import (
    FIELD_LABELS,
    IGNORED_LABEL,
    Header,
    find_header,
    is_header_again,
    side_by_side,
)
from models.roster.households import HEAD, HouseholdPlan, plan, relation_of
from models.roster.text import visible

_C = "roster"

#: More rows than this and the file is refused (a 花名册 of a village is a few thousand people).
MAX_ROWS = 20_000
#: How many rows from the top may hold titles before the header.
HEADER_SEARCH_ROWS = 30

_TOTAL_WORDS = ("合计", "小计", "总计", "共计", "本页合计", "本组合计", "全村合计", "累计")
_FORM_WORDS = ("填报单位", "填表单位", "填报人", "填表人", "制表人", "制表单位", "审核人", "填表日期", "填报日期",
               "制表日期", "负责人:", "负责人:", "联系人:", "联系人:", "单位(盖章)", "(盖章)")
_TITLE_WORDS = ("花名册", "名册", "名单", "登记表", "统计表", "一览表", "信息表", "明细表", "第")
_NOTE = re.compile(r"^(注|说明|备注|附注|填表说明)\s*[0-9一二三]?\s*[::、.．]")
_PAGE = re.compile(r"^第\s*\d+\s*页|共\s*\d+\s*页$")
_GROUP_IN_TITLE = re.compile(r"(第?[一二三四五六七八九十百\d]+(?:村民)?小?组)")
_BAD_NAME = re.compile(r"[\d::/\\@#%&*=+<>?()()]")
_ID_RUN = re.compile(r"\d{15,17}[\dXx]?")
_UNKNOWN = {"不详", "未知", "不清楚", "无", "-", "—", "--", "/", "\\", "?"}
_ANNOTATION = re.compile(r"[((【\[]([^))】\]]*)[))】\]]")
_SECTION = re.compile(r"^(第?[一二三四五六七八九十百\d]+(?:村民)?小?组)(?:[((].*[))])?(?:共?\d+人)?$")
#: "青石村三组", "张家社区3组": the group after the village's (or community's) name
_VILLAGE_GROUP = re.compile(r"^.{1,12}?(?:村|社区|居委会)(第?[一二三四五六七八九十百\d]+(?:村民小组|村民组|小组|组))$")
_GENDERS = {"男": "男", "女": "女", "男性": "男", "女性": "女", "M": "男", "F": "女", "1": "男", "2": "女"}


def _m(template: str, **params) -> Message:
    return msg(_C, template, **params)


@dataclass
class RosterPerson:
    """One person to add, as read from row `row` (the number itself is never here)."""

    row: int
    name: str
    gender: str
    birth_year: int | None = None
    birth_month: int | None = None
    group: str = ""
    household_no: str = ""
    head_name: str = ""
    relation: str = ""
    phone: str = ""
    address: str = ""
    note: str = ""
    ethnicity: str = ""  # 民族, 文化程度, 政治面貌 in the register's spelling (`models.person_details`)
    education: str = ""
    political_status: str = ""
    warnings: list[Message] = field(default_factory=list)
    #: Why this row is held for a person to decide (a likely duplicate), or None.
    duplicate_of: Message | None = None


@dataclass(frozen=True)
class SkippedRow:
    """A row not taken, with the reason."""

    row: int
    reason: Message


@dataclass(frozen=True)
class Column:
    """A column of the sheet and what it was taken as (`field` None: not imported)."""

    index: int
    title: str
    field: str | None
    label: str


@dataclass
class RosterRead:
    """What a sheet gave: its header, its columns, the people, the skipped rows, the households."""

    sheet: str
    header_row: int
    columns: list[Column]
    people: list[RosterPerson] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    households: list[HouseholdPlan] = field(default_factory=list)
    default_group: str = ""  # the group a title or the sheet's name gave, when no column does

    def duplicates(self) -> list[RosterPerson]:
        """The people held as likely duplicates (within the file so far)."""
        return [p for p in self.people if p.duplicate_of is not None]


def no_name_column() -> ValidationError:
    """The refusal for a sheet where no header names the person."""
    return ValidationError(_m(QT_TRANSLATE_NOOP(
        _C, "在表格前 {n} 行里没有找到“姓名”这一列的表头(也可以叫“户主姓名”“成员姓名”)。"
            "请确认选的是花名册所在的工作表,表头写在数据上方。"), n=HEADER_SEARCH_ROWS))


def read_rows(rows: Iterable[tuple[int, list[object]]], today: date, sheet: str = "",
              known_groups: Iterable[str] = ()) -> RosterRead:
    """Read a sheet's rows (row number, cells) into people and skipped rows.

    `known_groups`: the register's group names; a roster's "一组" becomes the
    register's "第一组" when that is how the register spells it.

    Raises:
        ValidationError: no header with a name column in the first rows; more than `MAX_ROWS` rows.
    """
    rows = iter(rows)
    top: list[tuple[int, list[object]]] = []
    for item in rows:
        top.append(item)
        if len(top) >= HEADER_SEARCH_ROWS:
            break
    header = find_header(top)
    if header is None:
        raise no_name_column()
    if side_by_side(header.titles):
        raise ValidationError(_m(QT_TRANSLATE_NOOP(
            _C, "第 {row} 行的表头里有两列“姓名”,像是左右并排的两张表。右边那张表读不到,"
                "请在 Excel/WPS 里把它挪到左边表的下面,再导入。"), row=header.row))
    above = [c for n, cells in top if n < header.row for c in cells if c not in (None, "")]
    read = RosterRead(sheet, header.row, _columns(header))
    spelling: dict[str, str] = {}
    for name in known_groups:
        spelling.setdefault(group_key(name), name)
    reader = _RowReader(header, today, read, spelling)
    read.default_group = reader.spelled(_group_from(above, sheet))
    for number, cells in top:
        if number > header.row:
            reader.take(number, cells)
    for number, cells in rows:
        reader.take(number, cells)
    read.households = plan(read.people, "relation" in header.columns)
    _mark_duplicates(read.people)
    return read


def _columns(header: Header) -> list[Column]:
    by_index = {c: f for f, c in header.columns.items()}
    out = []
    for i, title in enumerate(header.titles):
        fld = by_index.get(i)
        if not title and fld is None:
            continue
        out.append(Column(i, title, fld, FIELD_LABELS[fld] if fld else IGNORED_LABEL))
    return out


def _group_from(texts: list[object], sheet: str) -> str:
    """The 村民小组 a title ("三组村民花名册") or the sheet's name ("第三组") gives, else ""."""
    for text in [*(str(t) for t in texts), sheet]:
        m = _GROUP_IN_TITLE.search("".join(text.split()))
        if m and ("村民小组" not in text or m[1] != "村民小组"):
            return m[1]
    return ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return visible(unicodedata.normalize("NFKC", str(value))).strip()


def group_name(value: object) -> str:
    """A 组别 cell as a group name: a bare number 3 becomes "3组"; spaces go; "青石村三组" is "三组"."""
    text = "".join(_text(value).split())[:32]
    if text.isdigit():
        return f"{text}组"
    village = _VILLAGE_GROUP.match(text)
    return village[1] if village else text


class _RowReader:
    """Takes rows one by one (keeps the blank rows pending: trailing blanks are not reported)."""

    def __init__(self, header: Header, today: date, read: RosterRead, spelling: dict[str, str]):
        self.header, self.today, self.read = header, today, read
        self.spelling = spelling  # group key -> the spelling kept (the register's, else the file's first)
        self.cols = header.columns
        self.width = max(self.cols.values()) + 1
        self.pending_blank: list[int] = []
        self.count = 0
        self.last_group = ""
        self.section_group = ""  # from a "一组" row above the people, when there is no group column

    def spelled(self, group: str) -> str:
        """`group` as the register (or this file, the first time) spells it."""
        if not group:
            return ""
        return self.spelling.setdefault(group_key(group), group)

    def get(self, cells: list[object], fld: str) -> object:
        c = self.cols.get(fld)
        return cells[c] if c is not None and c < len(cells) else None

    def skip(self, row: int, template: str, **params) -> None:
        self.read.skipped.append(SkippedRow(row, _m(template, **params)))

    def take(self, row: int, cells: list[object]) -> None:
        texts = [_text(v) for v in cells]
        seq = self.cols.get("seq")
        filled = [t for c, t in enumerate(texts) if t and not (c == seq and t.isdigit())]
        if not filled:  # blank, or a 序号 typed in advance on an empty line of the form
            self.pending_blank.append(row)
            return
        for blank in self.pending_blank:
            self.skip(blank, QT_TRANSLATE_NOOP(_C, "空行"))
        self.pending_blank = []
        self.count += 1
        if self.count > MAX_ROWS:
            raise ValidationError(_m(QT_TRANSLATE_NOOP(
                _C, "表格超过 {n} 行,不像一个村的花名册。请检查是否选错了文件,或分成几个文件导入。"), n=MAX_ROWS))
        if is_header_again(cells, self.header):
            self.skip(row, QT_TRANSLATE_NOOP(_C, "重复的表头行(分页打印时每页都有表头)"))
            return
        squeezed = ["".join(t.split()) for t in (t for t in texts if t)]
        name = "".join(texts[self.cols["name"]].split()) if self.cols["name"] < len(texts) else ""
        first = squeezed[0]
        if _NOTE.match(first):
            self.skip(row, QT_TRANSLATE_NOOP(_C, "注释行(“{text}”)"), text=_short(first))
            return
        if any(s.startswith(_TOTAL_WORDS) for s in (first, name)) or any(
                word in s for s in (first, name) for word in _TOTAL_WORDS):  # "一组小计", "二组合计:25人"
            self.skip(row, QT_TRANSLATE_NOOP(_C, "合计/小计行"))
            return
        if (not name or any(word in name for word in _FORM_WORDS)) and (
                any(word in s for s in squeezed for word in _FORM_WORDS) or any(_PAGE.search(s) for s in squeezed)):
            self.skip(row, QT_TRANSLATE_NOOP(_C, "表外的说明行(填报单位、制表人、页码等)"))
            return
        if len(set(squeezed)) == 1:
            section = _SECTION.match(first)
            if section and "group" not in self.cols:
                self.section_group = self.spelled(section[1])
                self.skip(row, QT_TRANSLATE_NOOP(_C, "分组标题行:下面的人记入“{group}”"), group=self.section_group)
                return
            if any(w in first for w in _TITLE_WORDS):
                titled = _group_from([first], "") if "group" not in self.cols else ""
                if titled:  # the next group's table pasted under this one, with its own title
                    self.section_group = self.spelled(titled)
                    self.skip(row, QT_TRANSLATE_NOOP(_C, "分组标题行:下面的人记入“{group}”"),
                              group=self.section_group)
                    return
                self.skip(row, QT_TRANSLATE_NOOP(_C, "标题行(“{text}”)"), text=_short(first))
                return
        self._person(row, cells)

    def _person(self, row: int, cells: list[object]) -> None:
        name = "".join(_text(self.get(cells, "name")).split())
        if not name and "head" in self.cols and relation_of(self.get(cells, "relation")) == HEAD:
            # a 家庭成员 table whose household's first row names the 户主 only in the 户主姓名 column
            name = "".join(_text(self.get(cells, "head")).split())
        warnings: list[Message] = []
        annotations = _ANNOTATION.findall(name)
        if annotations and _ANNOTATION.sub("", name):
            name = _ANNOTATION.sub("", name)
            warnings.append(_m(QT_TRANSLATE_NOOP(_C, "姓名后的“{text}”没有导入,请核对"),
                               text=_short("、".join(a for a in annotations if a))))
        if not name:
            self.skip(row, QT_TRANSLATE_NOOP(_C, "没有姓名"))
            return
        if _BAD_NAME.search(name) or len(name) > 32:
            self.skip(row, QT_TRANSLATE_NOOP(_C, "姓名栏“{text}”不像一个人的姓名"), text=_short(name))
            return
        id_cell, typed_birth = self.get(cells, "id_number"), self.get(cells, "birth")
        if _text(id_cell) == "" and len(id_numbers.clean(typed_birth)) in (15, 18) and id_numbers.looks_like_id(
                id_numbers.clean(typed_birth)):
            id_cell, typed_birth = typed_birth, None  # the 身份证号 typed in the 出生年月 column
        facts = id_numbers.read(id_cell)
        if isinstance(facts, Message):
            warnings.append(_m(QT_TRANSLATE_NOOP(_C, "{reason},没有从中取出生年月和性别"), reason=facts))
            facts = None
        if "".join(_text(typed_birth).split()) in _UNKNOWN:
            typed_birth = None
        birth = births.parse(typed_birth, self.today)
        if isinstance(birth, Message):
            if facts is None:
                self.read.skipped.append(SkippedRow(row, birth))
                return
            warnings.append(_m(QT_TRANSLATE_NOOP(_C, "{reason};按身份证号取出生年月"), reason=birth))
            birth = None
        if facts is not None:
            from_id = births.check_range(facts.birth.year, facts.birth.month, facts.birth.day, self.today,
                                         f"{facts.birth.year}.{facts.birth.month:02d}")
            if isinstance(from_id, Message):
                if birth is None:
                    self.read.skipped.append(SkippedRow(row, from_id))
                    return
                warnings.append(from_id)
            else:
                if birth is not None and (birth.year, birth.month or facts.birth.month) != (
                        facts.birth.year, facts.birth.month):
                    warnings.append(_m(QT_TRANSLATE_NOOP(
                        _C, "出生年月栏写的是 {typed},身份证号显示 {from_id},按身份证号取"),
                        typed=_birth_text(birth), from_id=_birth_text(from_id)))
                birth = from_id
        if birth is not None and birth.doubt is not None:
            warnings.append(birth.doubt)
        if birth is None:
            birth = self._from_age(cells, warnings)
        gender = self._gender(row, cells, facts, warnings)
        if gender is None:
            return
        group_cell = self.get(cells, "group")
        group = self.spelled(group_name(group_cell)) if "group" in self.cols else (
            self.section_group or self.read.default_group)
        if "group" in self.cols and not group and self.last_group:
            group = self.last_group
            warnings.append(_m(QT_TRANSLATE_NOOP(_C, "组别空着,沿用上一行的“{group}”"), group=group))
        self.last_group = group or self.last_group
        details, unknown = self._details(cells, warnings)
        note = _scrub(_text(self.get(cells, "note")))
        note = ";".join(t for t in (note, *unknown) if t)
        self.read.people.append(RosterPerson(
            row, name, gender, birth.year if birth else None, birth.month if birth else None, group,
            household_no=_scrub(_text(self.get(cells, "household_no")))[:32],
            head_name="".join(_text(self.get(cells, "head")).split())[:32],
            relation=relation_of(self.get(cells, "relation")),
            phone=_phone(self.get(cells, "phone"), warnings), address=_scrub(_text(self.get(cells, "address")))[:128],
            note=note, warnings=warnings, **details))

    def _details(self, cells: list[object], warnings: list[Message]) -> tuple[dict[str, str], list[str]]:
        """民族, 文化程度, 政治面貌 as the register keeps them; a value not understood goes to the 备注.

        The row is still taken (these fields are optional): "文化程度:扫盲" in
        its 备注 and a warning, so nothing typed is lost and nothing is guessed.
        """
        values: dict[str, str] = {}
        unknown: list[str] = []
        for fld, read, label, warning in (
                ("ethnicity", ethnicity_of, "民族", QT_TRANSLATE_NOOP(_C, "民族“{text}”看不懂,记在备注里,请核对")),
                ("education", education_of, "文化程度",
                 QT_TRANSLATE_NOOP(_C, "文化程度“{text}”看不懂,记在备注里,请核对")),
                ("political_status", political_status_of, "政治面貌",
                 QT_TRANSLATE_NOOP(_C, "政治面貌“{text}”看不懂,记在备注里,请核对"))):
            text = _scrub("".join(_text(self.get(cells, fld)).split()))[:32]
            if text in _UNKNOWN:
                continue
            found = read(text)
            if found is None:
                unknown.append(f"{label}:{text}")  # the 备注 is data, written in the source language
                warnings.append(_m(warning, text=_short(text)))
            elif found:
                values[fld] = found
        return values, unknown

    def _gender(self, row: int, cells: list[object], facts, warnings: list[Message]) -> str | None:
        typed_text = "".join(_text(self.get(cells, "gender")).split()).upper()
        typed = _GENDERS.get(typed_text)
        if typed_text and typed is None and facts is None:
            self.skip(row, QT_TRANSLATE_NOOP(_C, "性别“{text}”看不懂(应为男或女)"), text=_short(typed_text))
            return None
        if facts is not None:
            if typed is not None and typed != facts.gender:
                warnings.append(_m(QT_TRANSLATE_NOOP(
                    _C, "性别栏写的是“{typed}”,身份证号显示为“{from_id}”,按身份证号取"),
                    typed=typed, from_id=facts.gender))
            return facts.gender
        if typed is None:
            warnings.append(_m(QT_TRANSLATE_NOOP(_C, "没有性别(性别栏空着,也没有可用的身份证号),导入后请补上")))
            return ""
        return typed

    def _from_age(self, cells: list[object], warnings: list[Message]) -> births.Birth | None:
        """A birth year from a 年龄 column (this year less the age), when nothing better is given."""
        text = _text(self.get(cells, "age")).removesuffix("岁")
        if not text.isdigit() or not 0 <= int(text) <= 120:
            return None
        warnings.append(_m(QT_TRANSLATE_NOOP(_C, "出生年份按年龄 {age} 岁推算,可能差一年"), age=int(text)))
        return births.Birth(self.today.year - int(text))


def _birth_text(birth: births.Birth) -> str:
    return f"{birth.year}.{birth.month:02d}" if birth.month else str(birth.year)


def _short(text: str) -> str:
    """A cell's text for a reason: at most 20 characters, any ID-number-like digits hidden."""
    text = _scrub(text)
    return text if len(text) <= 20 else text[:19] + "…"


def _scrub(text: str) -> str:
    """Text with anything shaped like a 身份证号 replaced (a 备注 may hold one; it is never kept)."""
    return _ID_RUN.sub("(身份证号已略去)", text)


def _phone(value: object, warnings: list[Message]) -> str:
    """The phone number; one that is shaped like a 身份证号 (typed in the wrong column) is dropped."""
    text = "".join(_text(value).split())[:32]
    if _ID_RUN.search(text):
        warnings.append(_m(QT_TRANSLATE_NOOP(_C, "电话栏里像是身份证号,没有保存")))
        return ""
    return text


def _mark_duplicates(people: list[RosterPerson]) -> None:
    """Hold the later of two rows with the same name, birth year and group."""
    first: dict[tuple[str, int | None, str], int] = {}
    for p in people:
        key = duplicate_key(p.name, p.birth_year, p.group)
        if key in first:
            p.duplicate_of = _m(QT_TRANSLATE_NOOP(_C, "与文件第 {row} 行同名、同出生年、同组"), row=first[key])
        else:
            first[key] = p.row


def duplicate_key(name: str, birth_year: int | None, group: str) -> tuple[str, int | None, str]:
    """What makes two people likely the same: name, birth year and group."""
    return (name, birth_year, group)
