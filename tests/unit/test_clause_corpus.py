"""The clause corpus is well-formed: it measures the legality analyzer, so a
broken row would silently skew the figures. No analyzer scores here (the
thresholds are decided where the analyzer is)."""

from __future__ import annotations

from tests.support import clause_corpus as cc

# The issue asks for at least 260 rows; the floor is the current count so rows are never lost.
MIN_ROWS = 307


def test_header_and_row_widths():
    header, rows = cc.read_rows()
    assert tuple(header) == cc.COLUMNS
    assert [r["id"] for r in rows if r["_width"] != str(len(cc.COLUMNS))] == []


def test_labels_severities_kinds_and_sources():
    clauses = cc.load()
    assert len(clauses) >= MIN_ROWS
    assert [c.id for c in clauses if c.label not in cc.LABELS] == []
    assert [c.id for c in clauses if c.source_kind not in cc.SOURCE_KINDS] == []
    assert [c.id for c in clauses if not c.source.strip()] == []
    assert [c.id for c in clauses if not c.text.strip()] == []
    # Lawful rows carry no severity, unlawful rows one of the two.
    assert [c.id for c in clauses if (c.severity == "") != (c.label == "lawful")] == []
    assert [c.id for c in clauses if c.unlawful and c.severity not in cc.SEVERITIES] == []


def test_ids_and_texts_are_unique():
    clauses = cc.load()
    ids = [c.id for c in clauses]
    texts = [c.text for c in clauses]
    assert len(set(ids)) == len(ids)
    assert sorted({t for t in texts if texts.count(t) > 1}) == []


def test_both_labels_are_present_in_both_splits():
    clauses = cc.load()
    for split in cc.SPLITS:
        labels = {c.label for c in clauses if c.split == split}
        assert "lawful" in labels and labels - {"lawful"}


def test_split_follows_the_rule():
    assert [c.id for c in cc.load() if c.split != cc.split_for(c.text)] == []


# --- unseen.tsv: the independent set (README "unseen.tsv"); figures only, never tuned on.

UNSEEN_MIN_ROWS = 86


def _norm(text: str) -> str:
    """Letters and digits only, lower-cased: the form the near-duplicate check compares."""
    return "".join(ch for ch in text if ch.isalnum()).lower()


def test_unseen_header_widths_and_split():
    header, rows = cc.read_rows(cc.UNSEEN)
    assert tuple(header) == cc.COLUMNS
    assert [r["id"] for r in rows if r["_width"] != str(len(cc.COLUMNS))] == []
    clauses = cc.load(cc.UNSEEN)
    assert len(clauses) >= UNSEEN_MIN_ROWS
    assert [c.id for c in clauses if c.split != cc.UNSEEN_SPLIT] == []
    assert [c.id for c in clauses if not c.id.startswith("u")] == []


def test_unseen_labels_severities_kinds_and_sources():
    clauses = cc.load(cc.UNSEEN)
    assert [c.id for c in clauses if c.label not in cc.LABELS] == []
    assert [c.id for c in clauses if c.source_kind not in cc.SOURCE_KINDS] == []
    assert [c.id for c in clauses if not c.source.strip() or not c.text.strip()] == []
    assert [c.id for c in clauses if (c.severity == "") != (c.label == "lawful")] == []
    assert [c.id for c in clauses if c.unlawful and c.severity not in cc.SEVERITIES] == []
    assert {c.label for c in clauses} - {"lawful"} and "lawful" in {c.label for c in clauses}


def test_unseen_ids_unique_and_no_row_repeats_the_first_corpus():
    unseen = cc.load(cc.UNSEEN)
    ids = [c.id for c in unseen]
    assert len(set(ids)) == len(ids)
    texts = [_norm(c.text) for c in unseen]
    assert len(set(texts)) == len(texts)
    corpus = [_norm(c.text) for c in cc.load()]
    # Neither set may contain a row of the other, whole or as a part.
    assert [c.id for c, t in zip(unseen, texts, strict=True)
            if any(t in other or other in t for other in corpus)] == []


# --- synthetic.tsv: constructed sentences for phrasing variety (README "synthetic.tsv").


def test_synthetic_rows_are_well_formed_and_marked_as_constructed():
    header, rows = cc.read_rows(cc.SYNTHETIC)
    assert tuple(header) == cc.COLUMNS
    assert [r["id"] for r in rows if r["_width"] != str(len(cc.COLUMNS))] == []
    clauses = cc.load(cc.SYNTHETIC)
    ids = [c.id for c in clauses]
    assert len(set(ids)) == len(ids) and all(i.startswith("s") for i in ids)
    assert [c.id for c in clauses if c.split != cc.SYNTHETIC_SPLIT or c.source_kind != "synthetic"] == []
    assert [c.id for c in clauses if not c.source.startswith("synthetic: written by the team")] == []
    assert [c.id for c in clauses if c.label not in cc.LABELS] == []
    assert [c.id for c in clauses if (c.severity == "") != (c.label == "lawful")] == []
    # A constructed sentence must never pass for a real quote: none repeats a row of either real set.
    real = [_norm(c.text) for c in cc.load() + cc.load(cc.UNSEEN)]
    assert [c.id for c in clauses if _norm(c.text) in real] == []


def test_synthetic2_rows_are_well_formed_constructed_and_new():
    """synthetic2.tsv (README): constructed, marked so, and repeating no row of any other set."""
    header, rows = cc.read_rows(cc.SYNTHETIC2)
    assert tuple(header) == cc.COLUMNS
    assert [r["id"] for r in rows if r["_width"] != str(len(cc.COLUMNS))] == []
    clauses = cc.load(cc.SYNTHETIC2)
    ids = [c.id for c in clauses]
    assert len(set(ids)) == len(ids) and all(i.startswith("t") for i in ids)
    assert [c.id for c in clauses if c.split != cc.SYNTHETIC2_SPLIT or c.source_kind != "synthetic"] == []
    assert [c.id for c in clauses if not c.source.startswith("synthetic: written by the team")] == []
    assert [c.id for c in clauses if c.label not in cc.LABELS] == []
    assert [c.id for c in clauses if (c.severity == "") != (c.label == "lawful")] == []
    texts = [_norm(c.text) for c in clauses]
    assert len(set(texts)) == len(texts)
    others = [_norm(c.text) for c in cc.load() + cc.load(cc.UNSEEN) + cc.load(cc.SYNTHETIC)]
    assert [c.id for c, t in zip(clauses, texts, strict=True) if t in others] == []
