"""Search at the county (issue 19): the filed rule texts of the 备案 register, each hit naming township and village.

The county holds no village records, only what its townships' 汇总包 carry:
the board's cells and the 备案 register with every village's filed rule text
(`county_filing`, `county_article`, migration 0015). Searching it means
searching those articles, so every hit is of kind "article".

The FTS index (`search_doc`) is not used here: it is filled from the
village-side tables only and the county's register is replaced wholesale by
each township's package. A county holds a few thousand articles (20
townships × 30 villages × some 40 articles), which `instr()` reads in a few
milliseconds, so every query length is answered by `instr()` over the
articles as they are now — nothing to keep in step, and a 1–2 character
query is exact in the same way a long one is (DESIGN §2: LIKE is not used).
Every word of the query must appear in the article's title line (the rule's
title and the article's label) or its chapter and text; ASCII letters match
regardless of case and full-width letters and digits as half-width, as in
`search_service`.

A hit's target is ``filings:@<filing id>/<position>``: the 备案登记 page opens
that rule's text at that article (`FilingsPage.open_record`).
"""

from __future__ import annotations

from desktop.services import search_service as ss
from models.db import database

#: The kinds a county finds (the 类别 filter offers only these).
COUNTY_KINDS = ("article",)

_TEXT = "(f.title || ' ' || a.label || char(10) || a.chapter || char(10) || a.text)"
_DAY = "coalesce(nullif(f.adopted_on, ''), nullif(f.receipt_date, ''), f.filed_on)"
_FROM = ("county_article a JOIN county_filing f ON f.id = a.filing_id "
         "LEFT JOIN county_township t ON t.code = f.township_code "
         "LEFT JOIN county_village v ON v.code = f.village_code AND v.township_code = f.township_code")


def _where(words: tuple[str, ...], village: str | None, year: str | None) -> tuple[str, list]:
    """Every word somewhere in the article (instr on its text, lower() only for words with letters)."""
    where, params = [], []
    for word in words:
        ors = []
        for form in ss.variants(word):
            ors.append(f"instr({_TEXT}, ?) > 0" if form == form.upper() else f"instr(lower({_TEXT}), ?) > 0")
            params.append(form)
        where.append("(" + " OR ".join(ors) + ")")
    if village:
        where.append("f.village_code = ?")
        params.append(village)
    if year:
        where.append(f"substr({_DAY}, 1, 4) = ?")
        params.append(year)
    return " AND ".join(where), params


def village_names() -> dict[str, str]:
    """Village code → "乡镇 村" for the 村 filter and the hits (every village of a filed rule)."""
    rows = database.execute_sql(
        "SELECT DISTINCT f.village_code, coalesce(t.name, f.township_code), coalesce(v.name, f.village_code) "
        "FROM county_filing f LEFT JOIN county_township t ON t.code = f.township_code "
        "LEFT JOIN county_village v ON v.code = f.village_code AND v.township_code = f.township_code").fetchall()
    return {code: f"{township} {village}" for code, township, village in rows}


def search(words: tuple[str, ...], query: str, kinds: tuple[str, ...], village: str | None, year: str | None,
           limit: int) -> ss.SearchResults:
    """The filed articles holding every word, newest rule first, then in the rule's order (see the module)."""
    if "article" not in kinds:
        return ss.SearchResults(query, words)
    where, params = _where(words, village, year)
    total = database.execute_sql(f"SELECT count(*) FROM {_FROM} WHERE {where}", params).fetchone()[0]
    if not total:
        return ss.SearchResults(query, words)
    rows = database.execute_sql(
        f"SELECT a.id, a.filing_id, a.position, f.title || ' ' || a.label, a.chapter || char(10) || a.text, "
        f"f.village_code, coalesce(t.name, f.township_code) || ' ' || coalesce(v.name, f.village_code), {_DAY} "
        f"FROM {_FROM} WHERE {where} ORDER BY {_DAY} DESC, f.village_code, a.filing_id, a.position LIMIT ?",
        [*params, max(0, int(limit))]).fetchall()
    hits = []
    for article_id, filing_id, position, title, body, code, named, day in rows:
        text, spans = ss.snippet(body, words)
        hits.append(ss.SearchHit("article", str(article_id), title, text, code, named, day,
                                 f"filings:@{filing_id}/{position}", spans, tuple(ss.find_spans(title, words))))
    return ss.SearchResults(query, words, tuple(hits), (("article", total),))
