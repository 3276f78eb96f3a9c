"""Finding the title of a rule text, and removing its repetitions.

The title is optional (issue 17): many pasted texts start straight with
"第一条", or with a sentence. The title is the first heading line — short,
no sentence punctuation, naming a kind of rule (…村规民约, …章程, …公约,
…办法) — among the first lines; a site's column tag in front of it
("【村规民约】…") is dropped. Document sites often print the title twice,
glued ("2020年最新村民自治章程2020年最新村民自治章程…"), or again above
the text; the repetitions are removed so they do not end up in the preamble.
When no line qualifies, the caller falls back to the file name.
"""

from __future__ import annotations

import re

_KIND_WORD = re.compile(r"规|規|约|約|章程|办法|辦法|制度|条例|條例|守则|守則|细则|細則|准则|準則|公约|公約|规定|規定")
_NOT_IN_TITLE = "。;\uff1b!！?？,\uff0c:\uff1a"
_NUMBERED = re.compile(r"^\s*(?:第\s*\S{1,4}\s*[条條章節节編编]|[一二三四五六七八九十]+\s*[、.．]|\d{1,3}\s*[、.．]|[(（][一二三四五六七八九十\d])")
_COLUMN_TAG = re.compile(r"^【[^】]{1,12}】\s*")
_GLUED_TWICE = re.compile(r"^(.{4,30}?)\1")
_LOOK_AT = 8  # a title comes before the text, among the first few lines
#: Words of a document site's page title, never of a village's rule ("2024村规民约范文范文五篇",
#: "村民自治章程五篇(全文完整)", "2021年最新村規民約范文(2)"), with the counts around 篇.
_WEB_WORDS = re.compile(r"范文|範文|[一二三四五六七八九十两兩\d]*篇[一二三四五六七八九十\d]*|全文|完整|精选|精選|大全"
                        r"|最新|下载|下載")
_EMPTY_BRACKETS = re.compile(r"[(（\[【]\s*[\d一二三四五六七八九十]*\s*[)）\]】]")  # "()" left, or a page's "(2)"
_LEADING_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*年?度?")  # "2024村规民约…": the year the page was posted


def _tidy(line: str) -> str:
    return _COLUMN_TAG.sub("", line.lstrip("#").strip()).strip()


def looks_like_title(line: str) -> bool:
    """A short heading line that names a kind of rule ("青山村村规民约", "社區居民公約(草案)")."""
    line = _tidy(line)
    return (4 <= len(line) <= 40 and not any(ch in line for ch in _NOT_IN_TITLE)
            and not _NUMBERED.match(line) and bool(_KIND_WORD.search(line) or line.endswith("法")))


def without_web_words(title: str) -> str | None:
    """`title` without a document site's words, or None when it has none of them.

    The words (范文, 五篇, 全文完整, 最新…) go first, then a bracket they emptied or a page's "(2)", then a
    leading year: "2024村规民约范文范文五篇" → "村规民约".
    """
    if not _WEB_WORDS.search(title):
        return None
    cleaned = _EMPTY_BRACKETS.sub("", _WEB_WORDS.sub("", title))
    return _LEADING_YEAR.sub("", cleaned).strip(" 　-_:：·")


def find_title(lines: list[str]) -> tuple[str, list[str], int]:
    """Returns (title or "", the lines without the title and its repetitions, repetitions removed)."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _LOOK_AT:
            break
        glued = _GLUED_TWICE.match(line.strip())
        if glued and looks_like_title(glued.group(1)):
            title = _tidy(glued.group(1))
            rest = line.strip()[glued.end():]
            return title, lines[:i] + [rest] + lines[i + 1:], 1
        if looks_like_title(line):
            title = _tidy(line)
            kept = lines[:i]
            repeated = 0
            for other in lines[i + 1:]:
                if other.strip() and _tidy(other) == title:
                    repeated += 1
                    continue
                kept.append(other)
            return title, kept, repeated
        if any(ch in line for ch in "。;\uff1b!！?？") or len(line.strip()) > 40:
            break  # the text has begun: there is no heading line
    return "", lines, 0
