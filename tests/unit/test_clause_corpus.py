"""The clause corpus is well-formed: it measures the legality analyzer, so a
broken row would silently skew the figures. No analyzer scores here (the
thresholds are decided where the analyzer is)."""

from __future__ import annotations

from tests.support import clause_corpus as cc

# The issue asks for at least 260 rows.
MIN_ROWS = 260


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
