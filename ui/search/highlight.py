"""The matched words of a snippet in bold, everything else escaped: record text never renders as HTML.

A snippet is a record's plain text (it may hold "<", "&" or a whole tag
from a package); only the `<b>` tags written here are markup.
"""

from __future__ import annotations

from html import escape

_SPACES = str.maketrans("\n\r\t", "   ")


def query_terms(query: str) -> list[str]:
    """The words of `query` to mark: split at spaces, longest first, no duplicates, no empty ones.

    Quotes and `*` around a word are not marked (the search takes them off: `search_service.WRAPPERS`).
    """
    from desktop.services.search_service import WRAPPERS

    seen: list[str] = []
    for word in (w.strip(WRAPPERS) for w in query.split()):
        if word and word.casefold() not in (w.casefold() for w in seen):
            seen.append(word)
    return sorted(seen, key=len, reverse=True)


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of a term in `text` (case-insensitive), merged where they overlap."""
    folded = text.casefold()
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = term.casefold()
        start = folded.find(needle)
        while start >= 0 and needle:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted_html(text: str, terms: list[str], spans: list[tuple[int, int]] | None = None) -> str:
    """`text` escaped, with the matches of `terms` (or the given `spans`) in `<b>`; line breaks as spaces.

    casefold() keeps the length of CJK text and ASCII letters, the text the
    search runs on; a string whose folding changes its length (ß) is marked
    by its folded positions only where they still line up.
    """
    flat = text.translate(_SPACES)  # the same length: the spans still point at the same characters
    if spans is None:
        spans = match_spans(flat, terms) if len(flat.casefold()) == len(flat) else []
    out, at = [], 0
    for start, end in spans:
        if start < at or end > len(flat):
            continue
        out.append(escape(flat[at:start]))
        out.append("<b>" + escape(flat[start:end]) + "</b>")
        at = end
    out.append(escape(flat[at:]))
    return "".join(out)
