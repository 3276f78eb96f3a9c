"""The legality check of a 200-article 村规民约: the clause analyzer against parsing the same text.

A secretary sees the findings as soon as a draft is imported or an article is
typed; the township checks every draft in its queue. The baseline is the
parser reading the same text into articles (what an import does anyway), so
the ratio says what the legal reading adds on top of it. The development
sentences of the analyzer's tests (unlawful and lawful, three per article)
make the text: the hardest kind of village rule, every article with a finding
or a near miss.
"""

from __future__ import annotations

import statistics
import time

ARTICLES = 200


def _text() -> tuple[str, list[str]]:
    from tests.unit.test_clause_analyzer import LAWFUL, UNLAWFUL

    clauses = [sentence for sentence, _ in UNLAWFUL] + list(LAWFUL)
    texts = ["".join(clauses[(i + k) % len(clauses)] for k in range(3)) for i in range(ARTICLES)]
    from models.legal import chinese_number

    whole = "某某村村规民约\n" + "\n".join(f"第{chinese_number(i)}条 {t}" for i, t in enumerate(texts, start=1))
    return whole, texts


def _median(call, runs: int) -> float:
    times = []
    for _ in range(max(runs, 3)):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Median seconds of parsing the text and of checking its articles."""
    from models.rules.legality import _readings, check_articles
    from models.rules.parser import parse

    def check_uncached():  # each run reads every sentence again (the check keeps what it read per sentence)
        _readings.cache_clear()
        return check_articles(texts)

    whole, texts = _text()
    parse(whole)
    check_articles(texts)  # compiled patterns out of the figures
    base = _median(lambda: parse(whole), runs)
    check = _median(check_uncached, runs)
    findings = len(check_articles(texts))
    return [
        (f"parse a {ARTICLES}-article 村规民约 (baseline)", base, 1.0, f"{len(whole)} characters"),
        (f"legality check of its {ARTICLES} articles", check, check / base,
         f"{findings} findings; 24x measured at issue 17 (0.07 s); goal ratio <= 40"),
    ]
