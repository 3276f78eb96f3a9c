"""One table pattern: a data list is a `BatchedRowsModel` shown in a view, not a hand-filled table.

`QTableWidget` (directly or through `ui.widgets.tables.read_only_table`) is
left only where a table is not a list of records: an entry form whose cells
hold inputs, a preview of a file before it is imported, a fixed grid or a
side-by-side comparison. The test fails on a new hand-filled table and on
entries that no longer build one, so the list only shrinks. Each model has a qtmodeltester test next to its screen's tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILDERS = {"QTableWidget", "read_only_table"}

ENTRY = "an entry form: the cells are edited or hold inputs"
PREVIEW = "a preview of a file before it is imported"
GRID = "a fixed grid, not a list of records"
COMPARE = "one record's two versions side by side, not a list of records"

#: (module, how many tables it builds) → why it is not a model.
ALLOWED = {
    ("ui/supervision/appraisal_tab.py", 1): ENTRY,
    ("ui/supervision/vouchers_tab.py", 1): ENTRY,
    ("ui/meetings/add_people_dialog.py", 1): ENTRY,
    ("ui/rules/article_editor.py", 1): ENTRY,
    ("ui/rules/import_dialog.py", 1): PREVIEW,
    ("ui/disclosure/ledger_import_dialog.py", 2): PREVIEW,
    ("ui/people/roster_import_dialog.py", 4): PREVIEW + " (the 花名册: columns, people, skipped, duplicates)",
    ("ui/widgets/exchange/preview_dialog.py", 1): PREVIEW,
    ("ui/widgets/exchange/recovery_step.py", 1): PREVIEW + " (a 恢复包: its tables and counts)",
    ("ui/meetings/four_two_view.py", 1): GRID,
    ("ui/disclosure/calendar_tab.py", 1): GRID,
    ("ui/rules/review_tab.py", 1): ENTRY + " (the township's comments being typed)",
    ("ui/widgets/exchange/conflicts_panel.py", 1): COMPARE,
}


def _tables_built() -> set[tuple[str, int]]:
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        if path == ROOT / "ui" / "widgets" / "tables.py":
            continue
        count = 0
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                count += name in BUILDERS
        if count:
            found.add((str(path.relative_to(ROOT)), count))
    return found


def test_data_lists_are_models_not_hand_filled_tables():
    built = _tables_built()
    unexpected = sorted(built - ALLOWED.keys())
    assert unexpected == [], ("a new hand-filled table: show the list through a BatchedRowsModel "
                              "(ui/widgets/batched_model.py) and read_only_view: " + repr(unexpected))
    gone = sorted(ALLOWED.keys() - built)
    assert gone == [], "these modules no longer build tables, remove them from ALLOWED: " + repr(gone)
