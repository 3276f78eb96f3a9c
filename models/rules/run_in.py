"""Breaking run-in numbering onto lines of its own, before the parser reads line starts.

Web copies and Word files saved as text often lose their line breaks:
"…作貢獻。二、提倡用協商辦法…", "一、社会治安1.村民要学法…。2.村民之间…",
"…第一章 总则第一条 为了…", "第一章:和谐礼貌第一条:树立…". The parser's
schemes look at line starts, so these are split first — but only where the
number continues the sequence the text is already counting (so "如下:1、…;
2、…" inside an article, or "依照本章程第二章" in a sentence, stay where they are).
"""

from __future__ import annotations

import re

from models.rules.numerals import NUMERAL_CHARS, parse_number

_N = f"[{NUMERAL_CHARS}]+"
_MARK = re.compile(r"(?P<cn>[一二三四五六七八九十]{1,3})\s*、|(?P<ar>\d{1,2})\s*[、.．](?!\d)")
_AFTER_SENTENCE = "。;\uff1b!！?？"
_AFTER_CLAUSE = _AFTER_SENTENCE + ",\uff0c"
_COLON = ":\uff1a"
_SHORT_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}\s*、\s*[\u4e00-\u9fff]{2,12}$")
_INLINE_CHAPTER = re.compile(
    rf"(第\s*{_N}\s*[章編编])[\s:\uff1a]*([\u4e00-\u9fff、]{{0,20}}?)[\s:\uff1a]*(?=第\s*{_N}\s*[条條])")
_REFERENCE_BEFORE = re.compile(r"(?:本章程|本法|本约|本約|规约|規約|依照|按照|根据|根據|参照|參照|违反|違反|[、和及或与與])\s*$")


def split_run_in(lines: list[str]) -> tuple[list[str], int]:
    """Put run-in "二、" / "2、" / "2." items on lines of their own; returns (lines, splits made)."""
    cn_next, ar_next = 1, 1
    out: list[str] = []
    splits = 0
    for line in lines:
        cuts: list[int] = []
        for match in _MARK.finditer(line):
            if match.group("cn"):
                number, kind = parse_number(match.group("cn")), "cn"
            else:
                number, kind = int(match.group("ar")), "ar"
            if number is None:
                continue
            before = line[: match.start()].rstrip()
            last_cut = cuts[-1] if cuts else 0
            if not before.strip():  # the line starts with it: follow the text's own count
                ok = True
            elif kind == "cn":
                ok = number == cn_next and (before[-1] in _AFTER_CLAUSE or (number == 1 and before[-1] in _COLON))
            else:
                ok = number == ar_next and (
                    before[-1] in _AFTER_SENTENCE
                    # "特制定以下公约:1、…" — but not "一、…做到:1、…", sub-items of a 一、 paragraph
                    or (number == 1 and cn_next == 1 and before[-1] in _COLON)
                    or (number == 1 and bool(_SHORT_HEADING.match(line[last_cut: match.start()].strip()))))
            if not ok:
                continue
            if kind == "cn":
                cn_next, ar_next = number + 1, 1
            else:
                ar_next = number + 1
            if before.strip():
                cuts.append(match.start())
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line)]
        pieces = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
        out.extend(p for p in pieces if p)
        splits += len(cuts)
    return out, splits


def split_inline_chapters(lines: list[str]) -> tuple[list[str], int]:
    """Put "第一章 总则" that runs into "第一条" on a line of its own; returns (lines, splits made)."""
    out: list[str] = []
    splits = 0
    for line in lines:
        pieces: list[str] = []
        cursor = 0
        for match in _INLINE_CHAPTER.finditer(line):
            before = line[cursor: match.start()]
            if match.start() > 0 and _REFERENCE_BEFORE.search(line[: match.start()]):
                continue  # "依照本章程第二章第五条" is a reference
            heading = match.group(2).strip()
            chapter = re.sub(r"\s+", "", match.group(1))
            if before.strip():
                pieces.append(before.strip())
            pieces.append(f"{chapter} {heading}".strip())
            cursor = match.end()
            if match.start() > 0 or match.end() - match.start() > len(match.group(1)):
                splits += 1
        if not pieces:
            out.append(line)
            continue
        pieces.append(line[cursor:].strip())
        out.extend(p for p in pieces if p)
    return out, splits
