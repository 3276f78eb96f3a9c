"""Reading a 计票 sheet (职位, 姓名, 得票) into the entries the 计票 engine judges.

The 计票 tally is often kept in Excel on the day: one row per name, the post
written once and merged over its candidates (or only on its first row), a
title above the header, blank rows between posts, a 合计 row. This reader
finds the header in the first rows by its words, carries a post down to the
rows under it, skips blank and 合计 rows, and refuses — with the row number,
in Chinese — what it should not guess: a missing column, text or a fraction
in 得票, a negative number, an unknown post. The judgement itself (votes
more than the ballots cast…) is the engine's (`models.elections.tally`), the
same one the 投票计票 screen uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.services import roster_files
from models.elections.tally import POST_BY_NAME, Entry
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "tally_sheet"

#: column → the words that name it in real sheets (exact, or contained in a short header)
HEADERS = {
    "post": ("职位", "职务", "岗位", "竞选职位", "选举职位", "应选职位"),
    "name": ("姓名", "候选人", "候选人姓名", "被选人", "被选举人", "名字"),
    "votes": ("得票", "得票数", "票数", "得票数量", "所得票数", "赞成票"),
    "sex": ("性别",),
    "kind": ("类别", "类型", "备注"),
}
_HEADER_ROWS = 15
MAX_ROWS = 2_000  # a village's tally is a few dozen names
_SKIP_WORDS = ("合计", "小计", "总计")
_WRITE_IN = re.compile(r"[((]?\s*另选(?:他人)?\s*[))]?")
_VOTES = re.compile(r"^\s*(-?\d+)\s*票?\s*$")


@dataclass
class TallySheet:
    """What the sheet holds: the entries and the sheet's name."""

    sheet: str
    entries: list[Entry] = field(default_factory=list)


def _refuse(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _match(text: str, words: tuple[str, ...]) -> bool:
    return any(text == w or (len(text) <= 8 and w in text) for w in words)


def _header(first: list[tuple[int, list[object]]]) -> tuple[int, dict[str, int]]:
    """The header row and its columns, or a refusal naming the columns that are missing."""
    best: dict[str, int] = {}
    for number, row in first:
        mapping: dict[str, int] = {}
        for c, value in enumerate(row):
            text = _text(value).replace(" ", "").replace("\u3000", "")
            for fld, words in HEADERS.items():
                if fld not in mapping and text and _match(text, words):
                    mapping[fld] = c
                    break
        if {"post", "name", "votes"} <= set(mapping):
            return number, mapping
        if len(mapping) > len(best):
            best = mapping
    missing = "、".join(label for fld, label in (("post", "职位"), ("name", "姓名"), ("votes", "得票"))
                       if fld not in best)
    raise _refuse(QT_TRANSLATE_NOOP(
        _C, "计票表前 {n} 行里没有找到“{missing}”列。计票表应有“职位”“姓名”“得票”三列(表头在第一行或标题下面)。"),
        n=_HEADER_ROWS, missing=missing)


def _votes(value, row: int, name: str) -> int:
    """得票 as an integer, or a refusal with the row."""
    if isinstance(value, bool):
        value = _text(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise _refuse(QT_TRANSLATE_NOOP(_C, "第 {row} 行{name}的得票“{value}”不是整数。"),
                          row=row, name=name, value=value)
        number = int(value)
    else:
        text = _text(value)
        if not text:
            raise _refuse(QT_TRANSLATE_NOOP(_C, "第 {row} 行{name}没有填得票(没有票请填 0)。"), row=row, name=name)
        found = _VOTES.match(text.replace(",", "").replace(",", ""))
        if not found:
            raise _refuse(QT_TRANSLATE_NOOP(_C, "第 {row} 行{name}的得票“{value}”不是数字。"),
                          row=row, name=name, value=text)
        number = int(found[1])
    if number < 0:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "第 {row} 行{name}的得票 {value} 是负数。"), row=row, name=name, value=number)
    return number


def _post(text: str, row: int) -> str:
    post = POST_BY_NAME.get(text.replace(" ", "").replace("\u3000", ""))
    if not post:
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "第 {row} 行的职位“{value}”认不出;应为主任、副主任或委员。"), row=row, value=text)
    return post


def read_tally(path: Path, sheet: str | None = None) -> TallySheet:
    """The entries of a 计票 sheet (.xlsx or .csv), or a ValidationError naming the row and why.

    A row with a name and no post takes the post of the rows above (the post written once over
    its candidates); a name marked 另选他人 (in the name or a 类别/备注 column) is a write-in.
    """
    path = Path(path)
    with roster_files.open_rows(path, sheet) as (title, rows, _estimate):
        first: list[tuple[int, list[object]]] = []
        for number, row in rows:
            first.append((number, row))
            if len(first) >= _HEADER_ROWS:
                break
        header_row, cols = _header(first)
        result = TallySheet(title)
        rest = ((n, r) for n, r in first if n > header_row)
        post = ""
        for number, row in _chain(rest, rows):
            if number > MAX_ROWS:
                raise _refuse(QT_TRANSLATE_NOOP(_C, "计票表超过 {n} 行,不像是一张计票表。"), n=MAX_ROWS)

            def cell(fld: str, row=row) -> object:
                c = cols.get(fld)
                return row[c] if c is not None and c < len(row) else None

            post_text, name, votes = _text(cell("post")), _text(cell("name")), cell("votes")
            if not name and not post_text and _text(votes) == "":
                continue  # a blank line
            if any(w in name or w in post_text for w in _SKIP_WORDS):
                continue
            if post_text:
                post = _post(post_text, number)
            if not name:
                if _text(votes):
                    raise _refuse(QT_TRANSLATE_NOOP(_C, "第 {row} 行有得票,没有姓名。"), row=number)
                continue  # a post written on a line of its own
            if not post:
                raise _refuse(QT_TRANSLATE_NOOP(_C, "第 {row} 行{name}没有职位,上面也没有。"), row=number, name=name)
            write_in = bool(_WRITE_IN.search(name)) or "另选" in _text(cell("kind"))
            clean = _WRITE_IN.sub("", name).strip().strip(":").strip(":").strip() or name
            sex = _text(cell("sex"))
            result.entries.append(Entry(post, clean, _votes(votes, number, clean), is_candidate=not write_in,
                                        key=str(number), woman=True if sex == "女" else False if sex == "男" else None))
    if not result.entries:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "计票表“{sheet}”的表头下面没有任何得票。"), sheet=result.sheet)
    return result


def _chain(first, rows):
    yield from first
    yield from rows
