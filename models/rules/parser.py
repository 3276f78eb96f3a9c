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

Between 2 and 3: long `一、…` lines that ARE the articles (a 公约 with no
`第X条`). Before any scheme runs, `cleanup` takes out site chrome, page
counters and pinyin glosses, and `titles` finds the optional title (else the
caller's file name). Schemes 2–4 read run-in numbering ("。2、…") split onto
lines by `run_in`. Every choice is a plain-Chinese note in `ParseResult.notes`,
which the import preview and `cunwu rules import` show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.rules import cleanup, run_in, titles
from models.rules.numerals import NUMERAL_CHARS, parse_number

_C = "rules_parser"

SCHEME_ARTICLES = "articles"  # 第X条
SCHEME_HEADINGS = "headings"  # 一、 + 1、
SCHEME_ITEMS = "items"  # 1. / 1、
SCHEME_PARAGRAPHS = "paragraphs"  # long 一、 lines that are the articles
SCHEME_SINGLE = "single"

_N = f"[{NUMERAL_CHARS}]+"
_ARTICLE = re.compile(rf"第\s*({_N})\s*[条條]")
_CHAPTER_LINE = re.compile(rf"^\s*(?:#+\s*)?(第\s*({_N})\s*[章編编])\s*(.*)$")
_SECTION_LINE = re.compile(rf"^\s*(?:#+\s*)?第\s*{_N}\s*[节節]\s*.*$")
_SENTENCE_END = "。；;！!？?」』”\"）)】"
_LEADING_PUNCT = ":\uff1a、.．。,\uff0c;\uff1b 　"
_HEADING_CHARS = re.compile(r"^[\u4e00-\u9fff\s　]{2,14}$")
_CN_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*(.*)$")
_ITEM = re.compile(r"^\s*(\d{1,3})\s*(?:[、.．]\s*(.*)|$)")  # a bare "3" is a cut-off item
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
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
    title_source: str = ""  # "text", "file" or "" (no title found)


def _clean_lines(text: str) -> tuple[str, list[str]]:
    """Split into stripped lines, turn `Р` marks into breaks, take a "# 标题" line; returns (title, lines)."""
    title = ""
    lines: list[str] = []
    for raw in text.split("\n"):
        for piece in raw.split(_PARA_MARK):
            line = piece.strip()
            if not line:
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


def _cleanup_notes(counts: dict[str, int]) -> list[Message]:
    notes = []
    if counts.get(cleanup.CHROME):
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "去掉了 {n} 处网页杂项(导航、推荐、下载提示等)。"),
                           n=counts[cleanup.CHROME]))
    if counts.get(cleanup.PAGE):
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "去掉了 {n} 处页码。"), n=counts[cleanup.PAGE]))
    if counts.get(cleanup.PINYIN):
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "去掉了 {n} 处拼音注音,如“會(huì)”。"), n=counts[cleanup.PINYIN]))
    if counts.get(cleanup.DOTS):
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "把 {n} 处英文句点“.”当作句号。"), n=counts[cleanup.DOTS]))
    return notes


def _scheme_note(result: ParseResult, splits: int) -> list[Message]:
    n = len(result.articles)
    notes = []
    if result.scheme == SCHEME_ARTICLES:
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "按“第X条”分成 {n} 条。"), n=n))
    elif result.scheme == SCHEME_HEADINGS:
        notes.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "把“一、”这样的行当作章节标题,把其下 {n} 个“1、”编号当作条款。"), n=n))
    elif result.scheme == SCHEME_PARAGRAPHS:
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "把 {n} 个“一、”段落当作条款。"), n=n))
    elif result.scheme == SCHEME_ITEMS:
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "把 {n} 个“1、”编号当作条款。"), n=n))
    if splits:
        notes.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "有 {n} 处编号和上一句连在同一段里(如“。2、…”),已分开。"), n=splits))
    return notes


def parse(text: str, source_name: str = "") -> ParseResult:
    """Parse `text` into chapters and articles (see the module docstring).

    Args:
        text: the rule text as read or pasted.
        source_name: the file it came from; its name (without extension) is
            the title when the text has no heading line.
    """
    cleaned = cleanup.clean(text)
    title, lines = _clean_lines(cleaned.text)
    repeats = 0
    if not title:
        title, lines, repeats = titles.find_title(lines)
    notes = _cleanup_notes(cleaned.counts)
    result: ParseResult | None = None
    chapter_lines, chapter_splits = run_in.split_inline_chapters(lines)
    result = _parse_articles(chapter_lines)
    splits = 0
    if result is not None and chapter_splits:
        notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "有 {n} 处“第X章”标题和条文连在同一行,已分开。"), n=chapter_splits))
    if result is None:
        split_lines, splits = run_in.split_run_in(lines)
        for scheme in (_parse_headings, _parse_paragraphs, _parse_items):
            result = scheme(split_lines)
            if result is not None:
                break
    if result is None:
        body = _join(lines)
        result = ParseResult(SCHEME_SINGLE)
        if body:
            result.articles.append(ParsedArticle(1, "", "", body))
        result.notes.append(msg(_C, NO_NUMBERING))
    else:
        notes.extend(_scheme_note(result, splits))
    for article in result.articles:
        article.text = article.text.lstrip(_LEADING_PUNCT)
    result.notes[:0] = notes
    _set_title(result, title, repeats, source_name)
    return result


TITLE_FROM_TEXT = QT_TRANSLATE_NOOP(_C, "标题取自正文:“{title}”。")

#: The notes that are problems for the reader to check in the original (gaps, duplicates, an empty
#: item, no numbering at all); every other note only says what the parser chose, and the preview
#: shows it neutral, not as a warning.
NO_NUMBERING = QT_TRANSLATE_NOOP(_C, "没有找到“第一条”或“1、”这样的条款编号,全文作为一条导入。请在预览中手动分条。")
ARTICLE_GAP = QT_TRANSLATE_NOOP(_C, "条号不连续:{label}前面缺了 {n} 条,请核对原文。")
ARTICLE_TWICE = QT_TRANSLATE_NOOP(_C, "{label}出现了两次,两条都保留了,请核对原文。")
ARTICLE_JUMP = QT_TRANSLATE_NOOP(_C, "{previous}之后是{label},编号不连续,已作为单独一条,请核对原文。")
EMPTY_ITEM = QT_TRANSLATE_NOOP(_C, "“{label}”下面没有内容,已略去(原文可能不完整)。")
ITEM_GAP = QT_TRANSLATE_NOOP(_C, "编号不连续:“{label}”前面缺了 {n} 段,请核对原文。")
ITEM_TWICE = QT_TRANSLATE_NOOP(_C, "“{label}”出现了两次,两段都保留了,请核对原文。")
PROBLEMS = frozenset({NO_NUMBERING, ARTICLE_GAP, ARTICLE_TWICE, ARTICLE_JUMP, EMPTY_ITEM, ITEM_GAP, ITEM_TWICE})


def is_problem(note: Message) -> bool:
    """Whether `note` asks the reader to check the text (amber), not only reports a choice (neutral)."""
    return note.template in PROBLEMS
TITLE_FROM_FILE = QT_TRANSLATE_NOOP(_C, "正文里没有标题行,标题取自文件名“{name}”。")
TITLE_CLEANED = QT_TRANSLATE_NOOP(_C, "标题行“{raw}”带有网页用语,去掉后取作“{title}”。")
TITLE_WEB_FILE = QT_TRANSLATE_NOOP(_C, "标题行“{raw}”像网页标题,标题取自文件名“{name}”。")
#: Every note that says where the title came from (a title typed by the user replaces them).
TITLE_NOTES = (TITLE_FROM_TEXT, TITLE_FROM_FILE, TITLE_CLEANED, TITLE_WEB_FILE)


def _set_title(result: ParseResult, title: str, repeats: int, source_name: str) -> None:
    """The title from the text (without a document site's words), else the file name; says which."""
    name = PurePath(source_name.replace("\\", "/")).stem if source_name else ""
    if title:
        cleaned = titles.without_web_words(title)
        if cleaned is not None and (titles.looks_like_title(cleaned) or name):
            # "2024村规民约范文范文五篇" is the page's title, not the rule's: the rule's name inside it,
            # else the file's name.
            if titles.looks_like_title(cleaned):
                result.title, result.title_source = cleaned, "text"
                result.notes.append(msg(_C, TITLE_CLEANED, raw=title, title=cleaned))
            else:
                result.title, result.title_source = name, "file"
                result.notes.append(msg(_C, TITLE_WEB_FILE, raw=title, name=name))
        else:
            result.title, result.title_source = title, "text"
            result.notes.append(msg(_C, TITLE_FROM_TEXT, title=title))
        if repeats:
            result.notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "去掉了 {n} 处重复的标题。"), n=repeats))
        return
    if name:
        result.title, result.title_source = name, "file"
        result.notes.append(msg(_C, TITLE_FROM_FILE, name=name))

# --- 1. 第X条 -------------------------------------------------------------------

def _parse_articles(lines: list[str]) -> ParseResult | None:
    # Work on a stream of (kind, payload) tokens: chapter lines and text runs.
    stream: list[tuple[str, str]] = []
    bare_numbers = 0
    for line in lines:
        chapter = _CHAPTER_LINE.match(line)
        if chapter and len(chapter.group(3)) <= 30:
            name = _CJK_GAP.sub("", chapter.group(3).strip())  # "总 则" -> "总则"
            stream.append(("chapter", f"{re.sub(r'[ 　]', '', chapter.group(1))} {name}".strip()))
        elif _SECTION_LINE.match(line):
            continue  # 第X节 sub-headings: kept out of the article text
        elif _BARE_NUMBER.match(line):
            bare_numbers += 1  # a page number on its own line between articles
        else:
            stream.append(("line", line))
    starts, numbering = _article_starts(stream)
    if sum(len(v) for v in starts.values()) < 2:
        return None
    result = ParseResult(SCHEME_ARTICLES)
    result.notes.extend(numbering)
    if bare_numbers:
        result.notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "去掉了 {n} 行只有一个数字的页码。"), n=bare_numbers))
    chapter = ""
    current: ParsedArticle | None = None
    parts: list[str] = []
    preamble: list[str] = []
    glued: list[str] = []

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
            if not heading and current is None and not result.articles and not chapter:
                heading = _heading_before(preamble)  # "总 则" on its own line above 第一条
                if heading and before.strip():
                    glued.append(heading)  # "总则第一条" at the very start: glued like a later "附则第三条"
            elif heading:
                glued.append(heading)
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
    if glued:
        result.notes.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "把紧贴在条号前面的 {n} 个小标题(如“{first}”)当作章节标题。"), n=len(glued), first=glued[0]))
    return result


def _heading_before(preamble: list[str]) -> str:
    """Take a short heading line that ends the preamble ("总 则") off it and return it."""
    for i in range(len(preamble) - 1, -1, -1):
        if not preamble[i].strip():
            continue
        if _is_heading_line(preamble[i]):
            heading = re.sub(r"[ 　]", "", preamble[i])
            del preamble[i]
            return heading
        return ""
    return ""


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


def _article_starts(stream: list[tuple[str, str]]) -> tuple[dict[int, list[tuple[int, int, str, str]]], list[Message]]:
    """Positions where an article starts: {stream index: [(start, end, label, glued heading)]}, and notes.

    A candidate must sit at a line start or after a sentence end (a short glued
    heading may stand between), and its number must continue the sequence.
    At a line start the sequence may also skip a few numbers or repeat the
    last one (a typing slip, reported as a note), and start again at 第一条
    under a new heading (some 村规民约 number each part from one).

    A line that opens with a number far ahead (第十二条, then 第二十一条: a
    slip of the keyboard) after a finished sentence, not read as a reference
    ("第二十一条规定…"), is an article of its own with a note: appended to
    the previous one it would vanish from the numbering unseen. The next
    article may then continue either number (第二十二条, or 第十四条 when
    二十一 was meant to be 十三).
    """
    found: dict[int, list[tuple[int, int, str, str]]] = {}
    notes: list[Message] = []
    expected: int | None = None
    resume: int | None = None  # after a jump: the number the interrupted sequence goes on with
    last_label = ""
    previous_is_heading = False
    for index, (kind, payload) in enumerate(stream):
        if kind == "chapter":
            previous_is_heading = True
            continue
        if not payload:
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
            label = match.group(0).replace(" ", "")
            if expected is not None and number != expected:
                at_line_start = not prefix.strip()
                if at_line_start and expected < number <= expected + 3:
                    notes.append(msg(_C, ARTICLE_GAP, label=label, n=number - expected))
                elif at_line_start and number == expected - 1:
                    notes.append(msg(_C, ARTICLE_TWICE,
                                     label=label))
                elif number == 1 and expected > 2 and ((at_line_start and previous_is_heading) or heading.strip()):
                    notes.append(msg(_C, QT_TRANSLATE_NOOP(
                        _C, "条号在“{heading}”处又从第一条开始,按原文保留,导入后按顺序编号。"),
                        heading=heading.strip() or _last_heading(stream, index)))
                elif at_line_start and number == resume:
                    pass  # the sequence a mistyped number interrupted goes on (its note was given)
                elif (at_line_start and number > expected and _opens_paragraph(stream, index)
                      and not _REFERENCE_AFTER.match(payload[match.end():])):
                    notes.append(msg(_C, ARTICLE_JUMP, previous=last_label, label=label))
                    resume = expected + 1
                    expected, last_label = number + 1, label
                    found.setdefault(index, []).append((start, match.end(), label, heading.strip()))
                    continue
                else:
                    continue
            resume = None
            expected, last_label = number + 1, label
            found.setdefault(index, []).append(
                (start, match.end(), label, heading.strip().replace(" ", "").replace("　", "")))
        previous_is_heading = not found.get(index) and _is_heading_line(payload)
    return found, notes


#: What follows a 第X条 that is cited, not opened: "第二十一条规定", "…的", "…第二款", "…、第二十二条".
_REFERENCE_AFTER = re.compile(r"^[ 　]*(?:规定|的|之|第|款|项|所|和|及|或|至|到|、|,|，|中|以|等)")


def _opens_paragraph(stream: list[tuple[str, str]], index: int) -> bool:
    """Whether line `index` starts a paragraph: first, after a blank line, a heading or a finished sentence."""
    for j in range(index - 1, -1, -1):
        kind, payload = stream[j]
        if kind == "chapter" or not payload.strip():
            return True
        text = payload.rstrip(" 　")
        return text[-1] in _SENTENCE_END or _is_heading_line(text)
    return True


def _last_heading(stream: list[tuple[str, str]], index: int) -> str:
    for j in range(index - 1, -1, -1):
        if stream[j][1].strip():
            return re.sub(r"[ 　]", "", stream[j][1])
    return ""


def _fix_chapters(result: ParseResult) -> None:
    """Drop chapters that ended up with no article (a table of contents, a title line)."""
    used = {a.chapter for a in result.articles}
    result.chapters = [c for c in result.chapters if c in used]
    for article in result.articles:
        article.text = article.text.strip()


# --- 2. 一、 headings with 1、 items ------------------------------------------------

def _parse_headings(lines: list[str]) -> ParseResult | None:
    heads = [i for i, line in enumerate(lines)
             if _CN_HEADING.match(line) and len(line) <= 20 and line.rstrip()[-1] not in _SENTENCE_END]
    numbers = [parse_number(_CN_HEADING.match(lines[i]).group(1)) for i in heads]
    if not heads or numbers[0] != 1 or (len(heads) > 1 and numbers[1] != 2):
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
                result.notes.append(msg(_C, EMPTY_ITEM, label=current.label))

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


# --- 2b. long 一、 lines that are the articles ---------------------------------------

def _parse_paragraphs(lines: list[str]) -> ParseResult | None:
    """A 公约 whose articles are "一、…" paragraphs (no 第X条, no 1、 items under them)."""
    starts: list[tuple[int, str, str]] = []  # (line index, label, text after the number)
    notes: list[Message] = []
    expected = 1
    for i, line in enumerate(lines):
        head = _CN_HEADING.match(line)
        if not head:
            continue
        number = parse_number(head.group(1))
        label = f"{head.group(1)}、"
        if number == expected:
            pass
        elif starts and expected < (number or 0) <= expected + 3:
            notes.append(msg(_C, ITEM_GAP, label=label, n=number - expected))
        elif starts and number == expected - 1:
            notes.append(msg(_C, ITEM_TWICE,
                             label=label))
        else:
            continue
        starts.append((i, label, head.group(2)))
        expected = (number or 0) + 1
    if len(starts) < 2:
        return None
    result = ParseResult(SCHEME_PARAGRAPHS)
    result.notes.extend(notes)
    preamble = lines[: starts[0][0]]
    chapter = _section_heading(preamble)
    result.preamble = _join(preamble)
    bounds = [s[0] for s in starts] + [len(lines)]
    for n, ((a, label, first), b) in enumerate(zip(starts, bounds[1:], strict=False), start=1):
        body = lines[a + 1: b]
        next_chapter = _section_heading(body) if b < len(lines) else ""
        result.articles.append(ParsedArticle(n, label, chapter, _join([first, *body])))
        if chapter and chapter not in result.chapters:
            result.chapters.append(chapter)
        chapter = next_chapter or chapter
    if result.chapters:
        result.notes.append(msg(_C, QT_TRANSLATE_NOOP(
            _C, "把 {n} 行小标题(如“{first}”)当作章节标题。"), n=len(result.chapters), first=result.chapters[0]))
    return result


def _section_heading(block: list[str]) -> str:
    """A short heading line ("文明风尚培育") that ends `block`, just above the next "一、": taken off and returned."""
    for i in range(len(block) - 1, -1, -1):
        line = block[i].strip()
        if not line:
            continue
        if re.fullmatch(r"[\u4e00-\u9fff]{2,16}", line):
            del block[i]
            return line
        return ""
    return ""


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
