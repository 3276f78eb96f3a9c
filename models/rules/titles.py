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


def _tidy(line: str) -> str:
    return _COLUMN_TAG.sub("", line.lstrip("#").strip()).strip()


def looks_like_title(line: str) -> bool:
    """A short heading line that names a kind of rule ("青山村村规民约", "社區居民公約(草案)")."""
    line = _tidy(line)
    return (4 <= len(line) <= 40 and not any(ch in line for ch in _NOT_IN_TITLE)
            and not _NUMBERED.match(line) and bool(_KIND_WORD.search(line) or line.endswith("法")))


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
