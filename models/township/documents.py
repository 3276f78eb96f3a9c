"""The township's official documents as plain rules: the 汉字 date, 文号 patterns and their numbering.

No Qt, no database: what is printed on a 审核意见书, a 备案回执 or a
责令改正通知书 (GB/T 9704 kept simple) is decided here, so it can be tested
without a window. The database side (where the template and the issued
numbers are kept) is `desktop.services.document_settings`.

A 文号 is "{机关简称}审〔{年}〕{号}号": the organ's short name, the year in
Arabic digits inside 六角括号, the running number of that year and that kind
of document. A number, once given to a document, is never given to another
(not after the record behind it was deleted either); printing the same
document again keeps its number and its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from models.legal import chinese_number
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "township_documents"

#: The three kinds of document, each with its own run of numbers.
REVIEW_OPINION, FILING_RECEIPT, RECTIFICATION = "review_opinion", "filing_receipt", "rectification"
KINDS = (REVIEW_OPINION, FILING_RECEIPT, RECTIFICATION)
KIND_LABELS = {
    REVIEW_OPINION: QT_TRANSLATE_NOOP(_C, "审核意见书"),
    FILING_RECEIPT: QT_TRANSLATE_NOOP(_C, "备案回执"),
    RECTIFICATION: QT_TRANSLATE_NOOP(_C, "责令改正通知书"),
}

#: The placeholders a pattern may use.
SHORT, YEAR, NUMBER = "{机关简称}", "{年}", "{号}"
DEFAULT_PATTERNS = {
    REVIEW_OPINION: "{机关简称}审〔{年}〕{号}号",
    FILING_RECEIPT: "{机关简称}备〔{年}〕{号}号",  # the receipt numbers the 备案登记 always gave
    RECTIFICATION: "{机关简称}改〔{年}〕{号}号",
}
#: Days the village has to correct, counted from the notice's date (the suggested 责令改正 says 三十日).
DEFAULT_DAYS_TO_CORRECT = 30

_DIGITS = "〇一二三四五六七八九"


def chinese_date(day: date) -> str:
    """The 成文日期 as official documents write it: 2026-12-05 → 二〇二六年十二月五日.

    The year digit by digit with 〇 for zero; month and day as numbers (十, 十一, 二十, 三十一).
    """
    year = "".join(_DIGITS[int(c)] for c in f"{day.year:04d}")
    return f"{year}年{chinese_number(day.month)}月{chinese_number(day.day)}日"


def arabic_date(day: date) -> str:
    """The same date in Arabic digits without leading zeros: 2026年12月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def written_date(day: date | str | None, in_chinese: bool) -> str:
    """A date for the document: 汉字 (official style) or Arabic; a blank to fill in when unknown."""
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day[:10]) if day else None
        except ValueError:
            day = None
    if day is None:
        return "　　年　　月　　日"
    return chinese_date(day) if in_chinese else arabic_date(day)


def format_number(pattern: str, short_name: str, year: int, number: int) -> str:
    """The 文号 of document `number` of `year`: 青山镇审〔2026〕3号."""
    return pattern.replace(SHORT, short_name).replace(YEAR, str(year)).replace(NUMBER, str(number))


def pattern_problems(pattern: str) -> list[Message]:
    """What is wrong with a 文号 pattern the township typed (empty: usable)."""
    if not pattern.strip():
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "文号格式不能为空。"))]
    problems = []
    if NUMBER not in pattern:
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "文号格式里要有“{{号}}”,否则每份文件的文号都一样。")))
    if pattern.count(NUMBER) > 1 or pattern.count(YEAR) > 1:
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "“{{年}}”和“{{号}}”在文号格式里各只能出现一次。")))
    leftover = re.sub(r"\{机关简称\}|\{年\}|\{号\}", "", pattern)
    if "{" in leftover or "}" in leftover:
        problems.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "文号格式只认识“{{机关简称}}”“{{年}}”“{{号}}”,其他花括号请删去。")))
    if len(pattern) > 40:
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "文号格式太长(最多 40 个字)。")))
    elif _UNPRINTABLE.search(pattern):
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "文号格式里有不能打印的控制字符,请重新输入。")))
    return problems


def parse_number(pattern: str, short_name: str, text: str) -> tuple[int, int] | None:
    """(year, number) of a 文号 written with `pattern` (None if `text` is not one)."""
    regex = re.escape(pattern)
    for placeholder, group in ((SHORT, re.escape(short_name)), (YEAR, r"(?P<year>\d{4})"),
                               (NUMBER, r"(?P<number>\d+)")):
        regex = regex.replace(re.escape(placeholder), group, 1).replace(re.escape(placeholder), group)
    match = re.fullmatch(regex, text.strip())
    if match is None or "number" not in match.groupdict():
        return None
    year = int(match["year"]) if match.groupdict().get("year") else 0
    return year, int(match["number"])


@dataclass(frozen=True)
class Issued:
    """A number given to one document (its subject), on the day it was first issued."""

    kind: str
    year: int
    number: int
    issued_on: str  # ISO date: the 成文日期, kept for every reprint
    #: The 文号 as first printed: a reprint after the pattern or 机关简称 changed shows the number the
    #: signed paper carries ("" in a book written before it was kept: the pattern gives it then).
    text: str = ""


@dataclass(frozen=True)
class NumberBook:
    """Every number given so far: per subject what it got, per (kind, year) the highest number used.

    `last` never goes down: a document whose record was deleted keeps its number out of use.
    """

    issued: dict[str, Issued] = field(default_factory=dict)  # subject key → its number
    last: dict[str, int] = field(default_factory=dict)  # "kind:year" → the highest number given

    def number_of(self, subject: str) -> Issued | None:
        """The number `subject` already has (None: never issued)."""
        return self.issued.get(subject)

    def issue(self, kind: str, subject: str, on: date, floor: int = 0) -> tuple[Issued, NumberBook]:
        """The subject's number, and the book after giving it.

        A subject issued before keeps its number and date. Otherwise the next number of `kind` in
        `on`'s year, above `floor` too (the highest number of that year used outside the book, such
        as receipt numbers typed by hand).
        """
        known = self.issued.get(subject)
        if known is not None:
            return known, self
        key = f"{kind}:{on.year}"
        number = max(self.last.get(key, 0), floor) + 1
        given = Issued(kind, on.year, number, on.isoformat())
        return given, replace(self, issued={**self.issued, subject: given}, last={**self.last, key: number})

    def to_json(self) -> dict:
        """The book as JSON-able data (stored in one `app_meta` entry)."""
        return {"issued": {s: [i.kind, i.year, i.number, i.issued_on, *([i.text] if i.text else [])]
                           for s, i in self.issued.items()},
                "last": dict(self.last)}

    @classmethod
    def from_json(cls, data: object) -> NumberBook:
        """The book from stored data; anything malformed is skipped rather than trusted."""
        if not isinstance(data, dict):
            return cls()
        issued: dict[str, Issued] = {}
        raw = data.get("issued")
        for subject, value in (raw.items() if isinstance(raw, dict) else ()):
            if (isinstance(value, list) and len(value) in (4, 5) and value[0] in KINDS
                    and all(isinstance(v, int) for v in value[1:3]) and all(isinstance(v, str) for v in value[3:])):
                issued[str(subject)] = Issued(*value)
        last: dict[str, int] = {}
        raw = data.get("last")
        for key, value in (raw.items() if isinstance(raw, dict) else ()):
            if isinstance(value, int):
                last[str(key)] = value
        for i in issued.values():  # the highest number never falls below one actually given
            k = f"{i.kind}:{i.year}"
            last[k] = max(last.get(k, 0), i.number)
        return cls(issued, last)


@dataclass(frozen=True)
class Template:
    """What the township adjusts on its documents (文件设置)."""

    organ_name: str  # 机关名称: the 落款 and the 发文机关标志, e.g. 青山镇人民政府
    short_name: str  # 机关简称 in the 文号, e.g. 青山镇
    patterns: dict[str, str]  # kind → 文号 pattern
    signatory: str = ""  # 签发人
    contact: str = ""  # 联系人
    phone: str = ""  # 联系电话
    chinese_date: bool = True  # 成文日期 in 汉字 (二〇二六年十二月五日)
    days_to_correct: int = DEFAULT_DAYS_TO_CORRECT
    #: The compliance report's signature lines (填报人 empty: the person logged in).
    report_filler: str = ""
    report_checker: str = ""
    report_head: str = ""

    def number_of(self, issued: Issued) -> str:
        """The 文号 a document was given: as first printed, else in this template's pattern."""
        return issued.text or self.number(issued.kind, issued.year, issued.number)

    def number(self, kind: str, year: int, number: int) -> str:
        """The 文号 of a document of `kind`."""
        return format_number(self.patterns.get(kind) or DEFAULT_PATTERNS[kind], self.short_name, year, number)

    def date_text(self, day: date | str | None) -> str:
        """A date as this township prints it on its documents."""
        return written_date(day, self.chinese_date)

    def contact_line(self) -> str:
        """"(联系人:李明,电话:0571-1234567)", or "" when neither is set."""
        parts = []
        if self.contact:
            parts.append(f"联系人:{self.contact}")
        if self.phone:
            parts.append(f"电话:{self.phone}")
        return f"({','.join(parts)})" if parts else ""


def default_template(installation_name: str) -> Template:
    """The template before the township adjusted anything: its name + 人民政府."""
    name = installation_name.strip()
    return Template(organ_name=f"{name}人民政府" if name else "", short_name=name, patterns=dict(DEFAULT_PATTERNS))


#: Each line the township types, its label and its longest length: a 1,000,000-character 机关名称 took
#: six minutes to lay out as a PDF; a control character made the .docx unwritable (python-docx refuses it),
#: a lone surrogate the save itself (UnicodeEncodeError).
TEXT_LIMITS = (("organ_name", QT_TRANSLATE_NOOP(_C, "机关名称"), 64), ("short_name", QT_TRANSLATE_NOOP(_C, "机关简称"), 32),
               ("signatory", QT_TRANSLATE_NOOP(_C, "签发人"), 32), ("contact", QT_TRANSLATE_NOOP(_C, "联系人"), 32),
               ("phone", QT_TRANSLATE_NOOP(_C, "联系电话"), 32), ("report_filler", QT_TRANSLATE_NOOP(_C, "填报人"), 32),
               ("report_checker", QT_TRANSLATE_NOOP(_C, "审核人"), 32),
               ("report_head", QT_TRANSLATE_NOOP(_C, "负责人"), 32))
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _text_problems(t: Template) -> list[Message]:
    problems = []
    for name, label, limit in TEXT_LIMITS:
        value = getattr(t, name)
        if not isinstance(value, str):
            problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "{field}不是文字。"), field=label))
        elif len(value) > limit:
            problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "{field}太长(最多 {n} 个字)。"), field=label, n=limit))
        elif _UNPRINTABLE.search(value):
            problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "{field}里有不能打印的控制字符,请重新输入。"), field=label))
    if isinstance(t.short_name, str) and ("{" in t.short_name or "}" in t.short_name):
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "机关简称里不能有花括号(文号格式用它们标记{{年}}和{{号}})。")))
    return problems


def template_problems(t: Template) -> list[Message]:
    """What keeps a template from being saved (empty: it can be)."""
    problems = _text_problems(t)
    if not problems and not t.organ_name.strip():
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "请填写机关名称,例如“青山镇人民政府”。")))
    for kind in KINDS:
        for p in pattern_problems(t.patterns.get(kind, "")):
            problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "{kind}:{problem}"),
                                kind=KIND_LABELS[kind], problem=str(p)))
    if not isinstance(t.days_to_correct, int) or isinstance(t.days_to_correct, bool) \
            or not 1 <= t.days_to_correct <= 365:
        problems.append(msg(_C, QT_TRANSLATE_NOOP(_C, "改正期限应在 1 到 365 天之间。")))
    return problems
