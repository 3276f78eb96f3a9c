"""The people register at 100,000 people: open the page and jump to its end, before and after lazy fetching.

Before (issue 14): the model received the whole register from
`people_service.register()` — every person, then every current role, read
row by row (`tests.support.people.register_read_row_by_row` keeps that read) — and handed it to the view 500 rows at a time, so reaching the end
meant fetching every batch. After: `RegisterModel` holds the ids
(`register_ids`, one SELECT) and fetches the 200-row chunks the view paints
(`register_rows`). The baseline is the bare id query through a plain
sqlite3 connection: what opening the list cannot go below.

Each run times, on the real `RegisterPage` (offscreen): "open" = reload the
model and paint the first screen; "end" = jump to the last row and paint it;
"search" = the name filter 建 and its first screen; "whole" = the whole list
as the pickers read it (`people_service.register()`, now built on the same
two calls).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

PEOPLE = 100_000
OWNER = "330106001001"


def _full_list_model(parent):
    """The register model as it was before issue 14: the whole list, shown in batches of 500."""
    from PySide6.QtCore import QCoreApplication

    from desktop.services import people_service
    from tests.support.people import register_read_row_by_row
    from ui.people.register_model import RegisterModel
    from ui.widgets.batched_model import BatchedRowsModel

    class FullListRegisterModel(BatchedRowsModel):
        COLUMNS = RegisterModel.COLUMNS
        CONTEXT = RegisterModel.CONTEXT

        def __init__(self, parent=None):
            super().__init__(parent, 500)
            self._search = ""

        def reload(self, search: str | None = None, include_left: bool | None = None) -> None:
            # (The page also passes 含已迁出/死亡; the reference read has only the people on the register.)
            if search is not None:
                self._search = search.strip()
            self.set_rows(register_read_row_by_row(self._search))

        def display(self, row, column: int) -> str:
            if column == 3:
                return "、".join(QCoreApplication.translate("people", people_service.PERSON_ROLES.get(r, r))
                                for r in row.roles)
            return (row.name, row.gender, row.village_group)[column] if column < 3 else ""  # (columns added since)

    return FullListRegisterModel(parent)


def _paint(page) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    page.table.viewport().repaint()


def _open(page, search: str = "") -> float:
    started = time.perf_counter()
    page.search_edit.blockSignals(True)
    page.search_edit.setText(search)
    page.search_edit.blockSignals(False)
    page.apply_search()
    _paint(page)
    return time.perf_counter() - started


def _jump_to_end(page) -> float:
    model = page.table.model()
    started = time.perf_counter()
    while model.canFetchMore():  # the old model: every batch before the last row exists
        model.fetchMore()
    page.table.scrollToBottom()
    _paint(page)
    elapsed = time.perf_counter() - started
    last = page.table.rowAt(page.table.viewport().height() - 2)
    if last != model.rowCount() - 1 or model.rowCount() != model.total():
        raise RuntimeError(f"not at the end: row {last} of {model.total()}")
    return elapsed


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Open / jump to end / search on 100,000 people, the full-list model vs the lazy one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.paths import AppPaths
    from desktop.services import people_service, setup_service
    from desktop.storage import open_store
    from models.db import close_database
    from tests.support.people import insert_people, register_read_row_by_row
    from ui.people.register_page import RegisterPage

    app = QApplication.instance() or QApplication([])
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-register-") as tmp:
        paths = AppPaths(Path(tmp) / "data")
        open_store(paths, backup_before_migration=False)
        try:
            setup_service.initialize("village", "青山村", OWNER, "zhejiang")
            insert_people(PEOPLE, OWNER)
            raw = sqlite3.connect(paths.database)
            before = RegisterPage()
            before.model = _full_list_model(before)
            before.table.setModel(before.model)
            after = RegisterPage()
            for page in (before, after):
                page.resize(1000, 700)
                page.show()
            app.processEvents()
            for warm_up in (True, *[False] * runs):  # interleaved, so machine noise hits all alike
                samples = {}
                started = time.perf_counter()
                raw.execute("SELECT id FROM person WHERE deleted = 0 ORDER BY name").fetchall()
                samples["base"] = time.perf_counter() - started
                for label, page in (("before", before), ("after", after)):
                    samples[f"{label} open"] = _open(page)
                    samples[f"{label} end"] = _jump_to_end(page)
                    samples[f"{label} search"] = _open(page, "建")
                for label, read in (("before", register_read_row_by_row), ("after", people_service.register)):
                    started = time.perf_counter()
                    read()
                    samples[f"{label} whole"] = time.perf_counter() - started
                if not warm_up:
                    for key, seconds in samples.items():
                        times.setdefault(key, []).append(seconds)
            raw.close()
            for page in (before, after):
                page.close()
                page.deleteLater()
            app.processEvents()
        finally:
            close_database()
    med = {key: statistics.median(values) for key, values in times.items()}
    base = med["base"]
    note = f"{PEOPLE:,} people, 1 in 10 with roles"
    rows = [("register: SELECT id ORDER BY name (baseline)", base, 1.0, note)]
    for what, doing in (("open", "reload + first screen painted"), ("end", "jump to the last row, painted"),
                        ("search", "filter 建 + first screen"),
                        ("whole", "people_service.register(): every line, for pickers")):
        for label in ("before", "after"):
            seconds = med[f"{label} {what}"]
            extra = f"; before/after {med[f'before {what}'] / seconds:.1f}" if label == "after" else ""
            how = ("row by row" if label == "before" else "id chunks") if what == "whole" else \
                ("full list" if label == "before" else "lazy ids")
            rows.append((f"register {what}: {label} ({how})",
                         seconds, seconds / base, doing + extra))
    return rows
