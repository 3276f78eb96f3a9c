"""村务公开 and 监督事项 at 100,000 rows each: open the list and jump to its end, before and after paging (issue 20).

Before: `disclosure_service.list_items` and `supervision_service.list_matters`
read every live record as a peewee object and the model held every row
(`tests.support.old_list_reads`, the reads of 18c3bd8).
After: `ItemListModel` / `MattersModel` open on a count and fetch the
200-row pages the view paints (`PagedRowsModel`; the far half read from
the other end). The page's other reads that
walked every posting (the year filter's years, the 村民反映 titles, the
calendar's first day and its year) are timed beside them.

The baseline is a plain `SELECT id, title … ORDER BY … LIMIT 200` through
sqlite3 in the same run: what painting a first screen cannot go below.
Times are CPU seconds (`time.process_time`, the shared 2-core box makes
wall medians swing), interleaved, medians; the RSS growth of opening each
list once (VmRSS, MiB) is in the notes. Goal (issue 20): open in under
100 ms, RSS growth under 30 MiB.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

ROWS = 100_000
OWNER = "330106001001"


def _rss_mib() -> float:
    """The process's resident set now (Linux; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _records_years():
    from models.disclosure.records import DisclosureItem

    return sorted({int(i.period[:4]) for i in DisclosureItem.live().select(DisclosureItem.period)
                   if i.period[:4].isdigit()}, reverse=True)


def _records_titles():
    from models.disclosure.records import DisclosureItem

    return {i.id: i.title for i in DisclosureItem.live()}


def _records_ledger(year: int):
    """The 工作台账's matter lines as they were read: every matter as a record."""
    from desktop.services.supervision_service import LedgerEntry
    from models.supervision.records import SupervisionMatter

    y, out = f"{year:04d}", []
    for s in SupervisionMatter.live():
        for day, label in ((s.opened_on, "发现问题"), (s.notified_on, "发出整改建议"), (s.answered_on, "村委会答复"),
                           (s.verified_on, "核实整改"), (s.closed_on, "办结"), (s.escalated_on, "报告乡镇")):
            if day and day.startswith(y):
                out.append(LedgerEntry(day, label, s.title))
    return sorted(out, key=lambda e: e.on)


def _before_models():
    """The two list models as they were: every row handed over, shown in batches (same cells as now)."""
    from tests.support.old_list_reads import old_items, old_matters
    from ui.disclosure.list_tab import ItemListModel
    from ui.supervision.matters_model import MattersModel
    from ui.widgets.batched_model import BatchedRowsModel

    class AllItems(BatchedRowsModel):
        COLUMNS, CONTEXT = ItemListModel.COLUMNS, ItemListModel.CONTEXT
        display = ItemListModel.display
        _own_labels: dict = {}

        def load(self):
            self.set_rows(old_items())

    class AllMatters(BatchedRowsModel):
        COLUMNS, CONTEXT = MattersModel.COLUMNS, MattersModel.CONTEXT
        display, foreground = MattersModel.display, MattersModel.foreground

        def load(self):
            self.set_rows(old_matters())

    return AllItems(None, 200), AllMatters(None, 200)


def _view(model):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    return view


def _paint(view) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    view.viewport().repaint()


def _cpu(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _open(view, load) -> float:
    return _cpu(lambda: (load(), _paint(view)))


def _end(view) -> float:
    model = view.model()

    def go():
        while model.canFetchMore():  # the old model: every batch before the last row exists
            model.fetchMore()
        view.scrollToBottom()
        _paint(view)

    seconds = _cpu(go)
    if view.rowAt(view.viewport().height() - 2) != model.rowCount() - 1:
        raise RuntimeError("not at the end")
    return seconds


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Open / end of the postings and matters lists at 100,000 rows each; the page's other whole reads."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.paths import AppPaths
    from desktop.services import disclosure_service as ds
    from desktop.services import setup_service, ui_support_disclosure
    from desktop.services import supervision_service as ss
    from desktop.storage import open_store
    from models.db import close_database, database
    from tests.support.bulk_records import insert_matters, insert_postings
    from ui.disclosure.list_tab import ItemListModel
    from ui.supervision.matters_model import MattersModel

    app = QApplication.instance() or QApplication([])
    times: dict[str, list[float]] = {}
    rss: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-lists-more-") as tmp:
        paths = AppPaths(Path(tmp) / "data")
        open_store(paths, backup_before_migration=False)
        try:
            setup_service.initialize("village", "青山村", OWNER, "zhejiang")
            with database.atomic():
                insert_postings(ROWS, OWNER)
                insert_matters(ROWS, OWNER)
            raw = sqlite3.connect(paths.database)
            before_items, before_matters = _before_models()
            after_items, after_matters = ItemListModel(), MattersModel()
            views = {name: _view(model) for name, model in (
                ("before items", before_items), ("after items", after_items),
                ("before matters", before_matters), ("after matters", after_matters))}
            app.processEvents()
            loads = {"before items": before_items.load, "after items": lambda: after_items.load(None, None),
                     "before matters": before_matters.load, "after matters": lambda: after_matters.load("all")}
            for name in ("after items", "after matters", "before items", "before matters"):  # RSS: each once
                start = _rss_mib()
                loads[name]()
                _paint(views[name])
                rss[name] = _rss_mib() - start
            reads = {
                "before years": _records_years, "after years": ui_support_disclosure.item_years,
                "before titles": _records_titles, "after feedback": ui_support_disclosure.list_feedback,
                "after began": ds.records_began, "after calendar": lambda: ds.calendar_year(2026),
                "before ledger": lambda: _records_ledger(2026), "after ledger": lambda: ss.ledger(2026),
            }
            for warm_up in (True, *[False] * runs):  # interleaved, so machine noise hits all alike
                samples = {
                    "base items": _cpu(lambda: raw.execute(
                        "SELECT id, title FROM disclosure_item WHERE deleted = 0 ORDER BY period DESC, seq DESC "
                        "LIMIT 200").fetchall()),
                    "base matters": _cpu(lambda: raw.execute(
                        "SELECT id, title FROM supervision_matter WHERE deleted = 0 ORDER BY opened_on DESC "
                        "LIMIT 200").fetchall()),
                }
                for name, view in views.items():
                    samples[f"{name} open"] = _open(view, loads[name])
                    samples[f"{name} end"] = _end(view)
                for name, read in reads.items():
                    samples[name] = _cpu(read)
                if not warm_up:
                    for key, seconds in samples.items():
                        times.setdefault(key, []).append(seconds)
            raw.close()
            for view in views.values():
                view.close()
                view.deleteLater()
            app.processEvents()
        finally:
            close_database()
    med = {key: statistics.median(values) for key, values in times.items()}
    rows = []
    for kind, what in (("items", "村务公开 list"), ("matters", "监督事项 board")):
        base = med[f"base {kind}"]
        rows.append((f"{what}: SELECT … LIMIT 200 (baseline)", base, 1.0, f"{ROWS:,} rows, CPU s"))
        for step, doing in (("open", "load + first screen painted"), ("end", "jump to the last row, painted")):
            for label in ("before", "after"):
                seconds = med[f"{label} {kind} {step}"]
                note = doing
                if step == "open":
                    note += f"; RSS +{rss[f'{label} {kind}']:.0f} MiB"
                if label == "after":
                    note += f"; before/after {med[f'before {kind} {step}'] / max(seconds, 1e-6):.1f}"
                    if step == "open":
                        note += "; goal < 0.100 s, RSS < 30 MiB"
                how = "every record" if label == "before" else "count + pages"
                rows.append((f"{what} {step}: {label} ({how})", seconds, seconds / base, note))
    base = med["base items"]
    for key, what in (("before years", "年份 filter: years, every record"), ("after years", "年份 filter: DISTINCT"),
                      ("before titles", "村民反映 titles: every record"),
                      ("after feedback", "村民反映 whole list (titles joined)"),
                      ("after began", "calendar: records_began (DISTINCT)"),
                      ("after calendar", "calendar: calendar_year (the year's items)"),
                      ("before ledger", "工作台账 2026: every matter as a record"),
                      ("after ledger", "工作台账 2026: the year's matters, plain columns")):
        rows.append((what, med[key], med[key] / base, "vs the 村务公开 baseline"))
    return rows
