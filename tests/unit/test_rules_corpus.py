"""The parser on the corpus of real rule texts in tests/data/rule_texts/, as the pages give them.

expected.tsv holds, per file, the article count and title counted by reading
the text (see its `mess` column for what makes each file hard). The team's
shared/samples are measured separately (test_rules_parser.py).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.rules.parser import parse

CORPUS = Path(__file__).resolve().parents[1] / "data" / "rule_texts"


def _rows() -> list[dict[str, str]]:
    with (CORPUS / "expected.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_the_corpus_is_real_and_large_enough():
    assert len(ROWS) >= 12
    assert all(row["source_url"].startswith("http") for row in ROWS)
    assert {p.name for p in CORPUS.glob("*.txt")} == {row["file"] for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_article_count_and_title(row):
    path = CORPUS / row["file"]
    result = parse(path.read_text("utf-8"), path.name)
    assert (len(result.articles), result.title) == (int(row["articles"]), row["title"])
    assert all(a.text.strip() for a in result.articles)
    assert result.notes  # every choice is reported
