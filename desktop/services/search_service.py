"""Search every record area at once (issue 19): the one box of the main window and `cunwu search`.

The index (`models.search_index`, migration 0016) holds one row per record.
A query is split on whitespace; every word must appear (AND), each taken
literally — quotes, `*`, AND/OR/NEAR and parentheses are text, never FTS5
syntax (quotes and `*` around a word are taken off, as a web search box does). Words of 3+ characters go to the FTS5 trigram index (MATCH of a
quoted string); words of 1–2 characters, which a trigram MATCH cannot
answer, are found with `instr()` on the index's own text (LIKE is not used:
on 2 CJK characters it is unreliable in the SQLite 3.40 Debian's Python
ships, DESIGN §2). A query with both kinds of word narrows the MATCH by the
short words' `instr()`. Letters match regardless of ASCII case, as the
trigram tokenizer does.

Results are the newest `limit` matches, grouped by kind (`KINDS` order),
newest first within a kind; `SearchResults.counts` says how many matched
in all. A hit's snippet is plain text with the matched words as
`(start, end)` offsets: the caller escapes the text and marks the spans —
nothing here builds HTML from record text.

Who sees what: every role may view every record of its installation
(`Permission.VIEW`); a village's installation holds only its own records and
the township's notices to it. The township holds its villages' register rows
and shows them read only in the village file's 村民 tab to every role that may
view (the same `Permission.VIEW` this search requires), so it finds people
too, each with its village named. No index row holds a phone number or a
person's note (migration 0016): a name, group, household number and the
register's plain facts are what a search can find.

`SearchHit.target` is where the main window goes (`MainWindow.go_to`):

- at a village, "area:tab@record":
  - meeting: ``meetings:@<meeting id>`` (the meetings page's `open_record`)
  - article: ``rules:@<version id>/<article id>`` (the rules page: that
    version, that article)
  - posting: ``disclosure:list@<item id>`` (公开清单, the item's editor)
  - matter: ``supervision:matters@<matter id>``
  - notice: ``exchange:notices@<notice id>``
  - election: ``elections:@<election id>``
  - person: ``people:@<person id>``
- at the township, ``village_file:<village code>:<kind>@<record>`` with the
  same record part (the village file opens that village at that record).
- at the county, only articles of the 备案 register's filed rule texts, each
  ``filings:@<filing id>/<position>`` (`desktop.services.county_search`:
  instr() over the county's tables, no index).
"""

from __future__ import annotations

import functools
import heapq
import re
from collections import Counter
from dataclasses import dataclass, field

from desktop.services.session import Session
from models import search_index
from models.db import database
from models.entities import MODE_COUNTY, MODE_TOWNSHIP
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission

_C = "search"

KINDS = search_index.KINDS

#: What a person calls each kind (the UI translates them in context "search").
KIND_LABELS = {
    "article": QT_TRANSLATE_NOOP(_C, "村规民约条款"),
    "meeting": QT_TRANSLATE_NOOP(_C, "会议"),
    "posting": QT_TRANSLATE_NOOP(_C, "村务公开"),
    "matter": QT_TRANSLATE_NOOP(_C, "监督事项"),
    "notice": QT_TRANSLATE_NOOP(_C, "乡镇通知"),
    "election": QT_TRANSLATE_NOOP(_C, "选举"),
    "person": QT_TRANSLATE_NOOP(_C, "人员"),
}

_VILLAGE_TARGETS = {
    "meeting": "meetings:@{record}",
    "article": "rules:@{record}",
    "posting": "disclosure:list@{record}",
    "matter": "supervision:matters@{record}",
    "notice": "exchange:notices@{record}",
    "election": "elections:@{record}",
    "person": "people:@{record}",
}

#: Words shorter than this are found by instr(): a trigram needs three characters.
TRIGRAM = 3
DEFAULT_LIMIT = 200
SNIPPET_WIDTH = 80
_BEFORE = 16
#: A query is what a person types: past these, a pasted page (40,000 words took 150 s; 20,000 short ones an
#: SQLite "Expression tree is too large") is refused with a message.
MAX_WORDS = 20
MAX_QUERY_CHARS = 10_000
# NUL ends an FTS5 string early ("unterminated string"); a lone surrogate (a command line's undecodable
# bytes) cannot be encoded for SQLite: both are no text anyone searches for, so they separate words.
_UNSEARCHABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_TO_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII (ＡＢ１２) -> A B 1 2
_TO_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def variants(word: str) -> tuple[str, ...]:
    """`word` (ASCII case folded) as typed, with half-width and with full-width letters and digits.

    “２０２５” typed with a Chinese input method finds “2025” in a record, and the reverse.
    """
    half = fold(word.translate(_TO_HALF))
    return tuple(dict.fromkeys((fold(word), half, half.translate(_TO_FULL))))


def fold(text: str) -> str:
    """ASCII letters in lower case, nothing else changed (same length: offsets stay; SQLite's lower() does this)."""
    return text.translate(_ASCII_LOWER)


@dataclass(frozen=True)
class SearchHit:
    """One record found. `snippet` is plain text; `spans` are the matched words' (start, end) in it."""

    kind: str
    id: str
    title: str
    snippet: str
    village: str
    village_name: str
    date: str
    target: str
    spans: tuple[tuple[int, int], ...] = ()
    title_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchResults:
    """The hits (newest `limit`, grouped by kind) and how many records matched per kind in all."""

    query: str
    words: tuple[str, ...] = ()
    hits: tuple[SearchHit, ...] = ()
    counts: tuple[tuple[str, int], ...] = field(default=())

    @property
    def total(self) -> int:
        """Records that matched, shown or not."""
        return sum(n for _k, n in self.counts)

    @property
    def truncated(self) -> bool:
        """More records matched than `hits` holds."""
        return self.total > len(self.hits)

    def by_kind(self) -> list[tuple[str, list[SearchHit]]]:
        """The hits per kind, in `KINDS` order (kinds without hits left out)."""
        groups: dict[str, list[SearchHit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.kind, []).append(hit)
        return [(k, groups[k]) for k in KINDS if k in groups]


def kind_label(kind: str) -> str:
    """The Chinese name of a kind ("会议"), for the CLI (the UI translates `KIND_LABELS`)."""
    return str(msg(_C, KIND_LABELS[kind])) if kind in KIND_LABELS else kind


#: Quotes and `*` around a word are how people write "this word" and "anything after" in web search boxes:
#: they are taken off the word's ends (inside a word they stay text), so “土地” and 土地* find 土地.
WRAPPERS = "\"'*“”‘’「」『』"


def words_of(query: str) -> tuple[str, ...]:
    """The query's words (split on whitespace, each once whatever its ASCII case, in order).

    Quotes and asterisks around a word are taken off (`WRAPPERS`); a word that is nothing else is dropped.

    A word inside another word of the query is dropped: the longer one finds only records holding both.
    """
    unique: dict[str, str] = {}
    for w in query.split():
        w = w.strip(WRAPPERS)
        if w:
            unique.setdefault(fold(w), w)
    return tuple(w for f, w in unique.items() if not any(f != g and f in g for g in unique))


def fts_phrase(word: str) -> str:
    """`word` as an FTS5 string: literal, whatever quotes or operators it holds."""
    return '"' + word.replace('"', '""') + '"'


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _check_filters(kind: str | None, year: int | str | None) -> str | None:
    if kind is not None and kind not in KINDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有“{kind}”这类记录。可以搜索的类别:{kinds}。"),
                       kind=kind, kinds="、".join(KINDS))
    if year is None or year == "":
        return None
    text = str(year).strip()
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "年份“{year}”不对,请写四位数字,如 2024。"), year=year)
    return text


def _allowed_kinds(session: Session) -> tuple[str, ...]:
    """The kinds this installation searches: all at a village and the township, the filed articles at the county."""
    if _is_county(session):
        return ("article",)
    return KINDS


def _is_county(session: Session) -> bool:
    info = session.installation_info()
    return info is not None and info.mode == MODE_COUNTY


def search(session: Session, query: str, kind: str | None = None, village: str | None = None,
           year: int | str | None = None, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """The records that hold every word of `query`, newest first, grouped by kind (see the module's text).

    `kind` keeps one kind (`KINDS`), `village` one village's records (its code:
    the township's filter), `year` the records dated in that year (a person
    on the register has no date and is left out); `limit` caps the hits, not
    `counts`.

    Raises:
        PermissionDenied: the session's role may not view records.
        ValidationError: `kind` is not one of `KINDS`, or `year` is not a four-digit year, or the query
            is longer than `MAX_QUERY_CHARS` or has more than `MAX_WORDS` words.
    """
    session.require(Permission.VIEW)
    year_text = _check_filters(kind, year)
    query = _UNSEARCHABLE.sub(" ", query)
    # counted before `words_of`, which compares every pair of words
    if len(query) > MAX_QUERY_CHARS or len(query.split()) > MAX_WORDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "要搜索的内容太长:最多 {words} 个词、{chars} 个字。请只写要找的几个词。"),
                       words=MAX_WORDS, chars=MAX_QUERY_CHARS)
    words = words_of(query)
    if not words:
        return SearchResults(query)
    kinds = _allowed_kinds(session)
    if kind is not None:
        kinds = tuple(k for k in kinds if k == kind)
    if not kinds:
        return SearchResults(query, words)
    if _is_county(session):  # the 备案 register's rule texts: instr() over a few thousand articles
        from desktop.services import county_search

        return county_search.search(words, query, kinds, village, year_text, limit)
    sql_from, where, params = _conditions(words, kinds, village, year_text)
    # One pass over the matches (a MATCH, or the instr() scan): their kind and date only; counting
    # and picking the newest here is cheaper than a second pass, and no text is carried along.
    matches = database.execute_sql(f"SELECT d.id, d.kind, d.day FROM {sql_from} WHERE {where}", params).fetchall()
    found = Counter(kind for _id, kind, _day in matches)
    newest = heapq.nlargest(max(0, int(limit)), matches, key=lambda m: (m[2], m[0]))
    rows = _rows([m[0] for m in newest])
    names = _village_names(session)
    township = _is_township(session)
    order = {k: n for n, k in enumerate(KINDS)}
    hits = sorted((_hit(row, words, names, township) for row in rows), key=lambda h: order[h.kind])
    return SearchResults(query, words, tuple(hits), tuple((k, found[k]) for k in KINDS if k in found))


def _conditions(words: tuple[str, ...], kinds: tuple[str, ...], village: str | None,
                year: str | None) -> tuple[str, str, list]:
    """FROM, WHERE and parameters: MATCH for the long words, instr() for the short ones, then the filters."""
    long = [w for w in words if len(w) >= TRIGRAM]
    short = [w for w in words if len(w) < TRIGRAM]
    where, params = [], []
    if long:
        # CROSS JOIN: the MATCH first, then its rows (never each index row probed with a MATCH).
        sql_from = "search_fts CROSS JOIN search_doc d ON d.id = search_fts.rowid"
        where.append("search_fts MATCH ?")
        params.append(" AND ".join("(" + " OR ".join(fts_phrase(v) for v in variants(w)) + ")" for w in long))
    else:
        sql_from = "search_doc d"
    for w in short:
        ors = []
        for f in variants(w):
            if f == f.upper():  # no letters to fold (Chinese, digits): no lower() copy of the text
                ors.append("instr(d.title, ?) > 0 OR instr(d.body, ?) > 0")
            else:
                ors.append("instr(lower(d.title), ?) > 0 OR instr(lower(d.body), ?) > 0")
            params += [f, f]
        where.append("(" + " OR ".join(ors) + ")")
    where.append(f"d.kind IN ({','.join('?' * len(kinds))})")
    params += list(kinds)
    if village:
        where.append("d.village = ?")
        params.append(village)
    if year:
        where.append("substr(d.day, 1, 4) = ?")
        params.append(year)
    return sql_from, " AND ".join(where), params


def _rows(ids: list[int]) -> list[tuple]:
    """The index rows of `ids`, in that order."""
    found = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        found.update((r[0], r[1:]) for r in database.execute_sql(
            "SELECT id, kind, record_id, village, day, title, body, parent FROM search_doc "
            f"WHERE id IN ({','.join('?' * len(part))})", part).fetchall())
    return [found[i] for i in ids if i in found]


def _is_township(session: Session) -> bool:
    info = session.installation_info()
    return info is not None and info.mode == MODE_TOWNSHIP


def _village_names(session: Session) -> dict[str, str]:
    """Village code -> name: the township's peers and register, or this village itself."""
    names: dict[str, str] = {}
    info = session.installation_info()
    if info is not None:
        names[info.code] = info.name
    for sql in ("SELECT code, name FROM peer", "SELECT code, name FROM village WHERE deleted = 0"):
        names.update({c: n for c, n in database.execute_sql(sql).fetchall() if n})
    return names


def _hit(row: tuple, words: tuple[str, ...], names: dict[str, str], township: bool) -> SearchHit:
    kind, record_id, village, day, title, body, parent = row
    record = f"{parent}/{record_id}" if parent else record_id
    target = (f"village_file:{village}:{kind}@{record}" if township
              else _VILLAGE_TARGETS[kind].format(record=record))
    text, spans = snippet(body, words)
    return SearchHit(kind, record_id, title, text, village, names.get(village, village), day, target,
                     spans, tuple(find_spans(title, words)))


@functools.lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Every variant of every word, ASCII letters in either case; a lookahead, so overlapping places count."""
    alternatives = sorted({v for w in words for v in variants(w)}, key=len, reverse=True)
    return re.compile("(?=(" + "|".join(map(re.escape, alternatives)) + "))", re.IGNORECASE | re.ASCII)


def find_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every place in `text` a word of the query stands, merged where they overlap, in order."""
    merged: list[tuple[int, int]] = []
    if not words:
        return merged
    for m in _pattern(words).finditer(text):
        s, e = m.start(), m.end(1)
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def snippet(body: str, words: tuple[str, ...], width: int = SNIPPET_WIDTH) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A line of `body` around a match (plain text, blanks collapsed) and the matches' spans in it.

    The line is placed at the first place of the longest word found (the most
    telling one: in “路灯 2031” the 路灯, not the first date of a table).
    """
    places = []
    for w in sorted(words, key=len, reverse=True):
        m = _pattern((w,)).search(body)
        if m:
            places.append((-len(w), m.start()))
    longest, first = min(places) if places else (0, 0)
    size = -longest
    start = max(0, first - _BEFORE)
    end = min(len(body), max(start + width, first + size))
    piece = " ".join(body[start:end].split())  # line breaks and runs of blanks as one space (words hold none)
    lead = "…" if start > 0 and body[:start].strip() and piece else ""
    tail = "…" if end < len(body) and body[end:].strip() else ""
    text = lead + piece + tail
    spans = tuple((s + len(lead), e + len(lead)) for s, e in find_spans(piece, words))
    return text, spans
