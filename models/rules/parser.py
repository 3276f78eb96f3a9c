"""Splitting a pasted or imported rule text into chapters and articles.

Real texts are messy (DOMAIN §5.5, `shared/samples/`): `第一章`/`第一条` with or
without spaces, Markdown headings, run-in articles in one paragraph with
headings glued in ("村庄事务第一条…集体资源第六条"), `一、` headings with `1、`
items, `1.` items with `①②③` sub-items, Traditional characters (條/節), and
debris: source addresses, page counters ("1/ 22"), stray `Р` paragraph marks
(even inside a word), download notices.

Strategy, first that fits wins:
1. `第X条` markers — an article starts only where a new article can start
   (start of a line, or after the end of a sentence, possibly behind a short
   heading) *and* its number continues the sequence, so references inside the
   text ("依照本法第十五条") are never mistaken for articles.
2. `一、` headings with `1、` / `1.` items.
3. `1.` / `1、` items alone (with `①②③` sub-items kept inside their item).
4. Nothing recognisable: the whole text becomes one article, and the result
   says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.rules.numerals import NUMERAL_CHARS, parse_number

_C = "rules_parser"

SCHEME_ARTICLES = "articles"  # 第X条
SCHEME_HEADINGS = "headings"  # 一、 + 1、
SCHEME_ITEMS = "items"  # 1. / 1、
SCHEME_SINGLE = "single"

_N = f"[{NUMERAL_CHARS}]+"
_ARTICLE = re.compile(rf"第\s*({_N})\s*[条條]")
_CHAPTER_LINE = re.compile(rf"^\s*(?:#+\s*)?(第\s*({_N})\s*[章編编])\s*(.*)$")
_SECTION_LINE = re.compile(rf"^\s*(?:#+\s*)?第\s*{_N}\s*[节節]\s*.*$")
_SENTENCE_END = "。；;！!？?」』”\"）)】"
_HEADING_CHARS = re.compile(r"^[\u4e00-\u9fff\s　]{2,14}$")
_CN_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")
_ITEM = re.compile(r"^\s*(\d{1,3})\s*(?:[、.．]\s*(.*)|$)")  # a bare "3" is a cut-off item
_DEBRIS_LINE = re.compile(
    r"^\s*(?:https?://\S+|<!--.*-->|\d+\s*/\s*\d+|第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页)?|[-=_*]{3,})\s*$")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ 　]+(?=[\u4e00-\u9fff])")
_PARA_MARK = "Р"  # Cyrillic Er used as a paragraph mark by some document sites


@dataclass
class ParsedArticle:
    """One article: its position (1..N in the text), its label as written, chapter and text."""

    number: int
    label: str
    chapter: str
    text: str


@dataclass
class ParseResult:
    """What the parser found, and plain notes for the preview."""

    scheme: str
    title: str = ""
    preamble: str = ""
    chapters: list[str] = field(default_factory=list)
    articles: list[ParsedArticle] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def _clean_lines(text: str) -> tuple[str, list[str]]:
    """Normalise line ends, cut debris lines, turn `Р` marks into breaks; returns (title, lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    title = ""
    lines: list[str] = []
    for raw in text.split("\n"):
        for piece in raw.split(_PARA_MARK):
            line = piece.strip()
            if not line or _DEBRIS_LINE.match(line):
                lines.append("")
                continue
            if line.startswith("#") and not _CHAPTER_LINE.match(line):
                if not title:
                    title = line.lstrip("#").strip()
                continue
            lines.append(line)
    return title, lines


def _join(parts: list[str]) -> str:
    """Join fragments: a fragment that does not end a sentence continues the next one."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and out[-1] not in _SENTENCE_END + ":：" and not re.match(r"^[(（]?[一二三四五六七八九十\d①-⑳]", part):
            out += part  # a word split by a stray mark or a hard wrap
        else:
            out += ("\n" if out else "") + part
    return out


def _plain_title(lines: list[str]) -> tuple[str, list[str]]:
    """A first line like "青山村村规民约" (short, no sentence end, no numbering) is the title."""
    for i, line in enumerate(lines):
        if not line:
            continue
        looks_like_title = (len(line) <= 30 and not any(ch in line for ch in _SENTENCE_END + ",,:：")
                            and not _ARTICLE.search(line) and not _CHAPTER_LINE.match(line)
                            and not _ITEM.match(line) and not _CN_HEADING.match(line)
                            and re.search(r"[约章程则度法]$", line))
        return (line, lines[:i] + lines[i + 1:]) if looks_like_title else ("", lines)
    return "", lines


def parse(text: str) -> ParseResult:
    """Parse `text` into chapters and articles (see the module docstring)."""
    title, lines = _clean_lines(text)
    if not title:
        title, lines = _plain_title(lines)
    for scheme in (_parse_articles, _parse_headings, _parse_items):
        result = scheme(lines)
        if result is not None:
            result.title = title
            return result
    body = _join(lines)
    result = ParseResult(SCHEME_SINGLE, title=title)
    if body:
        result.articles.append(ParsedArticle(1, "", "", body))
    result.notes.append(msg(_C, QT_TRANSLATE_NOOP(
        _C, "没有找到“第一条”或“1、”这样的条款编号,全文作为一条导入。请在预览中手动分条。")))
    return result


# --- 1. 第X条 -------------------------------------------------------------------

def _parse_articles(lines: list[str]) -> ParseResult | None:
    # Work on a stream of (kind, payload) tokens: chapter lines and text runs.
    stream: list[tuple[str, str]] = []
    for line in lines:
        chapter = _CHAPTER_LINE.match(line)
        if chapter and len(chapter.group(3)) <= 30:
            name = _CJK_GAP.sub("", chapter.group(3).strip())  # "总 则" -> "总则"
            stream.append(("chapter", f"{re.sub(r'[ 　]', '', chapter.group(1))} {name}".strip()))
        elif _SECTION_LINE.match(line):
            continue  # 第X节 sub-headings: kept out of the article text
        else:
            stream.append(("line", line))
    starts = _article_starts(stream)
    if sum(len(v) for v in starts.values()) < 2:
        return None
    result = ParseResult(SCHEME_ARTICLES)
    chapter = ""
    current: ParsedArticle | None = None
    parts: list[str] = []
    preamble: list[str] = []

    def close():
        if current is not None:
            current.text = _join(parts)
            result.articles.append(current)

    for index, (kind, payload) in enumerate(stream):
        if kind == "chapter":
            chapter = payload
            if chapter not in result.chapters:
                result.chapters.append(chapter)
            continue
        if payload == "":
            if parts:
                parts.append("\n")
            continue
        cursor = 0
        for start, end, label, heading in starts.get(index, []):
            before = payload[cursor:start]
            if heading:
                before = before[: len(before) - len(heading)]
            if current is None:
                preamble.append(before)
            else:
                parts.append(before)
            close()
            if heading:
                chapter = heading
                if chapter not in result.chapters:
                    result.chapters.append(chapter)
            current = ParsedArticle(len(result.articles) + 1, label, chapter, "")
            parts = []
            cursor = end
        rest = payload[cursor:]
        if current is None:
            preamble.append(rest)
        elif _is_heading_line(rest) and _next_is_article(stream, starts, index):
            chapter = rest.replace(" ", "").replace("　", "")
            if chapter not in result.chapters:
                result.chapters.append(chapter)
            close()
            current = None
            parts = []
            # the next article opens under this heading
        else:
            parts.append(rest)
    close()
    result.preamble = _join(preamble)
    _fix_chapters(result)
    return result


def _is_heading_line(text: str) -> bool:
    return bool(_HEADING_CHARS.match(text.strip())) and len(text.strip().replace(" ", "")) <= 10


def _next_is_article(stream, starts, index) -> bool:
    for j in range(index + 1, len(stream)):
        kind, payload = stream[j]
        if kind == "chapter":
            return False
        if not payload:
            continue
        return bool(starts.get(j)) and starts[j][0][0] == 0
    return False


def _article_starts(stream: list[tuple[str, str]]) -> dict[int, list[tuple[int, int, str, str]]]:
    """Positions where an article starts: {stream index: [(start, end, label, glued heading)]}.

    A candidate must sit at a line start or after a sentence end (a short glued
    heading may stand between), and its number must continue the sequence.
    """
    found: dict[int, list[tuple[int, int, str, str]]] = {}
    expected: int | None = None
    for index, (kind, payload) in enumerate(stream):
        if kind != "line" or not payload:
            continue
        for match in _ARTICLE.finditer(payload):
            number = parse_number(match.group(1))
            if number is None:
                continue
            start = match.start()
            prefix = payload[:start]
            heading = ""
            if prefix.strip():
                stripped = prefix.rstrip(" 　")
                if stripped and stripped[-1] in _SENTENCE_END:
                    pass
                else:
                    glued = re.search(r"[\u4e00-\u9fff 　]{2,10}$", stripped)
                    head_start = glued.start() if glued else -1
                    if glued and (head_start == 0 or stripped[head_start - 1] in _SENTENCE_END):
                        heading = prefix[head_start:]
                        if expected is None and head_start == 0:
                            heading = ""  # text before the very first article is preamble
                    else:
                        continue  # a reference inside a sentence
            if expected is not None and number != expected:
                continue
            expected = number + 1
            label = match.group(0).replace(" ", "")
            found.setdefault(index, []).append(
                (start, match.end(), label, heading.strip().replace(" ", "").replace("　", "")))
    return found


def _fix_chapters(result: ParseResult) -> None:
    """Drop chapters that ended up with no article (a table of contents, a title line)."""
    used = {a.chapter for a in result.articles}
    result.chapters = [c for c in result.chapters if c in used]
    for article in result.articles:
        article.text = article.text.strip()


# --- 2. 一、 headings with 1、 items ------------------------------------------------

def _parse_headings(lines: list[str]) -> ParseResult | None:
    heads = [i for i, line in enumerate(lines) if _CN_HEADING.match(line) and len(line) <= 20]
    numbers = [parse_number(_CN_HEADING.match(lines[i]).group(1)) for i in heads]
    if len(heads) < 2 or numbers[:2] != [1, 2]:
        return None
    items = [i for i in range(heads[0], len(lines)) if _ITEM.match(lines[i])]
    if len(items) < 2:
        return None
    result = ParseResult(SCHEME_HEADINGS)
    result.preamble = _join(lines[: heads[0]])
    chapter = ""
    current: ParsedArticle | None = None
    parts: list[str] = []

    def close():
        if current is not None:
            current.text = _join(parts)
            if current.text:
                result.articles.append(current)
            else:
                result.notes.append(msg(_C, QT_TRANSLATE_NOOP(
                    _C, "“{label}”下面没有内容,已略去(原文可能不完整)。"), label=current.label))

    for i in range(heads[0], len(lines)):
        line = lines[i]
        head = _CN_HEADING.match(line) if i in heads else None
        item = _ITEM.match(line)
        if head:
            close()
            current, parts = None, []
            chapter = f"{head.group(1)}、{head.group(2).strip()}"
            result.chapters.append(chapter)
        elif item:
            close()
            current = ParsedArticle(len(result.articles) + 1, f"{item.group(1)}、", chapter, "")
            parts = [item.group(2) or ""]
        elif current is not None:
            parts.append(line)
    close()
    for n, article in enumerate(result.articles, start=1):
        article.number = n
    result.chapters = [c for c in result.chapters if any(a.chapter == c for a in result.articles)]
    return result


# --- 3. 1. items -----------------------------------------------------------------

def _parse_items(lines: list[str]) -> ParseResult | None:
    starts = []
    expected = 1
    for i, line in enumerate(lines):
        item = _ITEM.match(line)
        if item and int(item.group(1)) == expected:
            starts.append(i)
            expected += 1
    if len(starts) < 2:
        return None
    result = ParseResult(SCHEME_ITEMS)
    result.preamble = _join(lines[: starts[0]])
    bounds = starts + [len(lines)]
    for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
        item = _ITEM.match(lines[a])
        text = _join([item.group(2) or "", *lines[a + 1: b]])
        result.articles.append(ParsedArticle(n, f"{item.group(1)}.", "", text))
    return result
