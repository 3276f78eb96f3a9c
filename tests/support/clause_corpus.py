"""The labelled corpus of village-rule clauses (tests/data/clauses/corpus.tsv).

Each row is one clause of a real 村规民约 / 村民自治章程 / 公约, as quoted by a
court, a procuratorate, a 民政 guide, a news report or the rules text itself,
labelled "lawful" or with the category of its unlawful content. The corpus
measures the legality analyzer (scripts/legality_eval.py); it is not a test
fixture to tune words against: the "holdout" rows are for measuring only.

The split is a pure function of the text (``split_for``), so adding rows never
moves an old row between dev and holdout.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "clauses" / "corpus.tsv"
# A second, independent set read from other sources by someone who never saw
# the analyzer's code; every row has split "unseen". Nobody tunes on it.
UNSEEN = CORPUS.with_name("unseen.tsv")
UNSEEN_SPLIT = "unseen"
# Sentences the team CONSTRUCTED (not quoted) to cover phrasings the real rows lack: table and colon
# style, ratios, time limits, status statements, orders, many words for money. Split "synthetic",
# source_kind "synthetic"; it measures phrasing variety, never an estimate of real-world recall.
SYNTHETIC = CORPUS.with_name("synthetic.tsv")
SYNTHETIC_SPLIT = "synthetic"
# A second constructed set, written independently of the first by another writer, in the wording of
# 分配方案, 股份章程, 村民小组决议, 公告 and news paraphrases. Split "synthetic2"; same rules as SYNTHETIC.
SYNTHETIC2 = CORPUS.with_name("synthetic2.tsv")
SYNTHETIC2_SPLIT = "synthetic2"

COLUMNS = ("id", "text", "label", "severity", "source", "source_kind", "split", "note")

# One primary label per row; "lawful" rows must raise nothing.
CATEGORIES = ("women", "membership", "entitlement", "fine", "property", "liberty", "humiliation",
              "collective", "fee", "voting", "expulsion", "marriage", "birth", "religion",
              "burial", "petition", "movement")
LABELS = CATEGORIES + ("lawful",)
SEVERITIES = ("error", "warning")
SOURCE_KINDS = ("court", "procuratorate", "minzheng_guide", "news", "rules_text", "law_commentary")
SPLITS = ("dev", "holdout")


@dataclass(frozen=True)
class Clause:
    """One labelled clause."""

    id: str
    text: str
    label: str
    severity: str
    source: str
    source_kind: str
    split: str
    note: str

    @property
    def unlawful(self) -> bool:
        """Whether the clause is labelled with an unlawful category."""
        return self.label != "lawful"


def split_for(text: str) -> str:
    """The split of a clause: "holdout" when the last hex digit of sha1(text) is below 6.

    6 of 16 digits, so about 37.5% of the rows are holdout; the rule depends on
    the text alone, so a row keeps its split when others are added.
    """
    digit = int(hashlib.sha1(text.encode("utf-8")).hexdigest()[-1], 16)
    return "holdout" if digit < 6 else "dev"


def read_rows(path: Path = CORPUS) -> tuple[list[str], list[dict[str, str]]]:
    """Header and raw rows of the TSV, without any checking (for the well-formedness test)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [dict(zip(header, values, strict=False)) | {"_width": str(len(values))}
                for values in reader if values]
    return header, rows


def load(path: Path = CORPUS, split: str | None = None) -> list[Clause]:
    """The clauses of a set (corpus.tsv unless ``path``), optionally only one split.

    Splits are "dev"/"holdout" in corpus.tsv and "unseen" in unseen.tsv.
    """
    _header, rows = read_rows(path)
    clauses = [Clause(*(row.get(column, "") for column in COLUMNS)) for row in rows]
    return [c for c in clauses if split is None or c.split == split]
