"""The independent 花名册 corpus (tests/corpus/rosters_independent): precision and recall, with a floor.

The corpus was written from public templates without reading the parser, so it measures the
import on layouts its author did not tune for. Per file and overall it reports:

* people: a person counts as right only when name, sex, birth year, birth month and group all
  came out as expected (groups compare by their number: "一组", "1组", "01", "第一村民小组" are
  one group; a group expected as "" must come out empty);
* skipped: rows reported as skipped that should be (rows in ``ignore`` may be skipped or
  passed over, so they count neither way; a row that should be skipped but became a person
  is a miss);
* duplicates: rows held as likely duplicates.

Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from desktop.services import roster_import

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "rosters_independent"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xls", ".csv", ".txt"))
TODAY = date(2026, 12, 4)

#: The floor, set below what the corpus measured. First measurement (23 files, before any parser
#: change): people 0.994 precision / 0.942 recall, skipped 0.800 / 1.000, duplicates 1.000 / 1.000;
#: the five files added next (i24-i29) took people to 0.972 / 0.959 and skipped to 0.714 / 1.000.
#: i30-i33 (.xls name, UTF-16 text, 公示 copies, 户主 only in its column) were measured before their
#: fixes too (people 0.996 / 0.985, skipped 0.682 / 0.882 with them), and i34-i36 (unmerged two-line
#: header, "青石村一组", zero-width spaces): people 0.960 / 0.945, skipped 0.680 / 1.000 with them.
#: i37 (人口普查 coded headers "D1.姓名") was refused (0 / 4) before its fix.
#: After the fixes: people 1.000 / 0.996, skipped 0.895 / 1.000, duplicates 1.000 / 1.000 over 37
#: files; what is left is two-digit years
#: ("68.03", "05.07"), which the import refuses on purpose (tests/unit/test_roster_import.py).
#: The first floor (people 0.98 / 0.93, skipped 0.75 / 0.95) was under the first measurement; it is
#: now just under what the fixed import measures, so a regression on these layouts fails here.
FLOOR = {"add": (0.99, 0.98), "skip": (0.85, 0.95), "dup": (0.95, 0.95)}

_CN = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


def group_key(text: str) -> object:
    """The group's number when the text names one ("第三村民小组" → 3, "01" → 1), else the text."""
    t = re.sub(r"\s", "", text or "")
    core = re.sub(r"^第|(村民)?小?组$|队$", "", t)
    if core.isdigit():
        return int(core)
    if core and all(c in _CN for c in core):
        if core == "十":
            return 10
        if core.startswith("十"):
            return 10 + _CN[core[1]]
        if len(core) == 2 and core[1] == "十":
            return _CN[core[0]] * 10
        if len(core) == 3 and core[1] == "十":
            return _CN[core[0]] * 10 + _CN[core[2]]
        if len(core) == 1:
            return _CN[core]
    return t


def _line_value(line) -> tuple:
    year, _, month = line.birth.partition(".")
    return (line.name, line.gender, int(year) if year else None, int(month) if month else None,
            group_key(line.group))


def score(path: Path) -> tuple[dict[str, tuple[int, int, int]], list[str]]:
    """(right, taken, expected) for people added, rows skipped and duplicates held; and the misses."""
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    preview = roster_import.preview(path, expected["sheet"], today=TODAY)
    want = {e["row"]: (e["name"], e["gender"], e["birth_year"], e["birth_month"], group_key(e["group"]))
            for e in expected["add"]}
    got = {line.row: _line_value(line) for line in preview.to_add}
    misses = [f"  row {row}: got {got.get(row)} want {value}"
              for row, value in sorted(want.items()) if got.get(row) != value]
    misses += [f"  row {row}: added {value}, should not be" for row, value in sorted(got.items())
               if row not in want]
    right = sum(1 for row, value in got.items() if want.get(row) == value)
    ignore = set(expected["ignore"])
    skipped = {s.row for s in preview.skipped} - ignore
    want_skip = set(expected["skip"])
    misses += [f"  row {row}: should be skipped" for row in sorted(want_skip - skipped)]
    misses += [f"  row {s.row}: skipped ({s.reason}), should not be" for s in preview.skipped
               if s.row not in want_skip and s.row not in ignore]
    dups = {d.row for d in preview.duplicates}
    want_dup = set(expected["duplicates"])
    misses += [f"  row {row}: should be held as a duplicate" for row in sorted(want_dup - dups)]
    misses += [f"  row {row}: held as a duplicate, should not be" for row in sorted(dups - want_dup)]
    return ({"add": (right, len(got), len(want)),
             "skip": (len(skipped & want_skip), len(skipped), len(want_skip)),
             "dup": (len(dups & want_dup), len(dups), len(want_dup))}, misses)


def test_independent_corpus_is_big_enough():
    assert len(FILES) >= 20


def test_group_key():
    assert group_key("第三村民小组") == group_key("三组") == group_key("3组") == group_key("03") == 3
    assert group_key("十二组") == 12
    assert group_key("") == ""


@pytest.fixture
def empty_register(store):
    from desktop.services import setup_service

    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    return store


def test_independent_corpus_precision_and_recall(empty_register, capsys):
    totals = {k: [0, 0, 0] for k in ("add", "skip", "dup")}
    lines = []
    for path in FILES:
        try:
            scores, misses = score(path)
        except Exception as exc:  # a refusal counts as nothing taken
            expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
            scores = {"add": (0, 0, len(expected["add"])), "skip": (0, 0, len(expected["skip"])),
                      "dup": (0, 0, len(expected["duplicates"]))}
            misses = [f"  refused: {exc}"]
        for kind, figures in scores.items():
            for i, v in enumerate(figures):
                totals[kind][i] += v
        lines.append(f"{path.name:38} " + "  ".join(f"{k} {r}/{t}/{e}" for k, (r, t, e) in scores.items()))
        lines.extend(misses[:6] + ([f"  … {len(misses) - 6} more"] if len(misses) > 6 else []))
    figures = {}
    for kind, (right, taken, expected) in totals.items():
        figures[kind] = (right / taken if taken else 1.0, right / expected if expected else 1.0)
        lines.append(f"{kind}: precision {figures[kind][0]:.3f} recall {figures[kind][1]:.3f} "
                     f"({right} right of {taken} taken, {expected} expected)")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for kind, (precision, recall) in figures.items():
        assert precision >= FLOOR[kind][0] and recall >= FLOOR[kind][1], (kind, precision, recall, lines)


def test_importing_the_corpus_twice_adds_nobody_the_second_time(village, capsys):
    """A secretary imports the same 花名册 again (or a second copy of it): everyone is held."""
    session = village[1]
    added = 0
    for path in FILES:
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
        added += roster_import.apply(session, roster_import.preview(path, expected["sheet"], today=TODAY)).added
    again = []
    for path in FILES:
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
        preview = roster_import.preview(path, expected["sheet"], today=TODAY)
        again += [f"{path.name} row {line.row} {line.name}" for line in preview.to_add]
    with capsys.disabled():
        print(f"\nsecond import: {len(again)} of {added} people would be added again")
    assert added > 400
    assert not again, again[:10]
