"""The 花名册 corpus (tests/corpus/rosters): precision and recall of the rows taken, with a floor.

Each roster's `.expected.json` says which rows should become people (with
name, sex, birth year and month, group), which should be skipped and which
held as likely duplicates. A person counts as right only when every one of
those fields came out as expected. Run with `-s` to see the figures.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.services import roster_import

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "rosters"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".csv"))
TODAY = date(2026, 12, 4)

#: The floor: what the corpus gave when this test was written, less a margin for new layouts.
FLOOR = 0.97


def _score(path: Path) -> dict[str, tuple[int, int, int]]:
    """(right, taken, expected) for people added, rows skipped and duplicates held."""
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    preview = roster_import.preview(path, expected["sheet"], today=TODAY)
    want = {e["row"]: (e["name"], e["gender"], e["birth_year"], e["birth_month"], e["group"])
            for e in expected["add"]}
    got = {}
    for line in preview.to_add:
        year, _, month = line.birth.partition(".")
        got[line.row] = (line.name, line.gender, int(year) if year else None, int(month) if month else None,
                         line.group)
    right = sum(1 for row, value in got.items() if want.get(row) == value)
    skipped = {s.row for s in preview.skipped}
    dups = {d.row for d in preview.duplicates}
    return {"add": (right, len(got), len(want)),
            "skip": (len(skipped & set(expected["skip"])), len(skipped), len(expected["skip"])),
            "dup": (len(dups & set(expected["duplicates"])), len(dups), len(expected["duplicates"]))}


def test_corpus_has_enough_rosters():
    assert len(FILES) >= 15


@pytest.fixture
def empty_register(store):
    from desktop.services import setup_service

    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    return store


def test_corpus_precision_and_recall(empty_register, capsys):
    totals = {k: [0, 0, 0] for k in ("add", "skip", "dup")}
    lines = []
    for path in FILES:
        scores = _score(path)
        for kind, (right, taken, expected) in scores.items():
            for i, v in enumerate((right, taken, expected)):
                totals[kind][i] += v
        lines.append(f"{path.name:32} " + "  ".join(
            f"{k} {r}/{t}/{e}" for k, (r, t, e) in scores.items()))
    figures = {}
    for kind, (right, taken, expected) in totals.items():
        figures[kind] = (right / taken if taken else 1.0, right / expected if expected else 1.0)
        lines.append(f"{kind}: precision {figures[kind][0]:.3f} recall {figures[kind][1]:.3f} "
                     f"({right} right of {taken} taken, {expected} expected)")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for kind, (precision, recall) in figures.items():
        assert precision >= FLOOR and recall >= FLOOR, (kind, precision, recall, lines)
