"""人员名册 and 会议与表决 at 100,000 rows each: open, scroll, memory, against a plain `SELECT … LIMIT` (issue 20).

The village is built once, set-based, into /work/bench-data/ (or
`CUNWU_BENCH_DATA`; `tests.support.big_lists`) and copied for each run of the bench. On the
real widgets (offscreen, 1366×768 pages):

- "open": the list read again (`RegisterPage.apply_search`,
  `MeetingListView.apply_filters`: a count and the first page) and its first
  screen painted; "page open" for the meetings also re-reads the year
  filter and the cadence banner (`MeetingListView.refresh`), as opening
  the page does;
- "scroll": the slowest of 20 steps (ten screens down from the top, a
  jump to the middle, to the end, and back up screen by screen), each
  painted — what a person waits for at most while scrolling;
- "sort": a header click (姓名 / 名称), which reads every id once and
  sorts the column's values in natural order (not a goal of the issue:
  shown so its cost is known);
- RSS growth: the process's resident memory after opening and scrolling
  both lists, less before (the goal: under 30 MiB);
- "ids open": what the id-list model (`LazyRowsModel`, the register since
  issue 14) read before the first paint: every matching id in order, then
  one chunk of lines;
- "before": the whole meeting list as `list_meetings` read it before issue
  20 (every line built), once — it took minutes before the `deleted`
  indexes were dropped, so it is measured on one run only.

The baselines are the same page of the same table through a plain sqlite3
connection: `SELECT <the page's columns> … ORDER BY … LIMIT 200`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

GOAL = 0.100  # seconds: the "open and scroll in under 100 ms"
RSS_GOAL_MIB = 30


def _rss_mib() -> float:
    """The process's resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _paint(table) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    table.viewport().repaint()


#: CPU seconds of the last `_timed` action (this process): on 2 cores shared by 8 the wall time
#: is mostly waiting for a core, the CPU time is the list's own cost.
_last_cpu = [0.0]


def _timed(action, table) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    action()
    _paint(table)
    _last_cpu[0] = time.process_time() - cpu
    return time.perf_counter() - started


def _scroll_cpu(table) -> tuple[float, float]:
    """The slowest scroll step: (wall, CPU) seconds."""
    steps: list[tuple[float, float]] = []
    _scroll_steps(table, keep_cpu=steps)
    return max(w for w, _ in steps), max(c for _, c in steps)


def _scroll_steps(table, keep_cpu: list | None = None) -> list[float]:
    """Twenty painted scroll steps; their wall times (with their CPU times into `keep_cpu`)."""
    bar = table.verticalScrollBar()
    bar.setValue(0)
    _paint(table)
    step = max(1, bar.pageStep())
    targets = [step * n for n in range(1, 11)] + [bar.maximum() // 2, bar.maximum()]
    targets += [bar.maximum() - step * n for n in range(1, 9)]
    times = []
    for value in targets:
        times.append(_timed(lambda value=value: bar.setValue(value), table))
        if keep_cpu is not None:
            keep_cpu.append((times[-1], _last_cpu[0]))
    last = table.rowAt(table.viewport().height() - 2)
    if last < 0 or table.model().rowCount() < 50_000:
        raise RuntimeError(f"scrolling went wrong: last row {last} of {table.model().rowCount()}")
    return times


def _baselines(database: Path) -> dict[str, float]:
    raw = sqlite3.connect(database)
    found = {}
    for key, sql in (
            ("people base", "SELECT id, name, gender, village_group, birth_year, birth_month, household, phone"
                            " FROM person WHERE deleted = 0 AND left_on = '' ORDER BY name LIMIT 200"),
            ("meetings base", "SELECT id, held_on, type_code, title, expected_count, present_count, status"
                              " FROM meeting WHERE deleted = 0 ORDER BY held_on DESC LIMIT 200")):
        started = time.perf_counter()
        raw.execute(sql).fetchall()
        found[key] = time.perf_counter() - started
    raw.close()
    return found


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Open / scroll / sort on 100,000 people and 100,000 meetings, against a plain SELECT … LIMIT."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.services import auth_service, meetings_service, people_service, setup_service
    from models.db import close_database
    from tests.support import big_lists
    from tests.support.sites import ADMIN_PASSWORD
    from ui.meetings.meeting_list_model import TITLE
    from ui.meetings.meetings_page import MeetingListView
    from ui.people.register_page import RegisterPage

    app = QApplication.instance() or QApplication([])
    source = big_lists.village_file()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-lists-") as tmp:
        paths = big_lists.open_copy(source, Path(tmp) / "data")
        try:
            setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
            session = auth_service.login("admin", ADMIN_PASSWORD)
            rss_start = _rss_mib()
            # Qt's one-time costs (style, the CJK font's glyphs, a table's first paint) on a page
            # that shows nobody, so the growth below is the lists' own.
            warm = RegisterPage()
            warm.search_edit.setText("没有这个人")
            warm.apply_search()
            warm.resize(1366, 700)
            warm.show()
            _paint(warm.table)
            warm.close()
            warm.deleteLater()
            app.processEvents()
            rss_before = _rss_mib()
            register = RegisterPage()
            meetings = MeetingListView(session)
            for page in (register, meetings):
                page.resize(1366, 700)
                page.show()
            app.processEvents()
            first_scroll = {"people": max(_scroll_steps(register.table)),
                            "meetings": max(_scroll_steps(meetings.table))}
            rss_growth = _rss_mib() - rss_before
            rss_warm = rss_before - rss_start
            for warm_up in (True, *[False] * runs):  # interleaved, so machine noise hits all alike
                samples = _baselines(paths.database)
                samples["people open"] = _timed(register.apply_search, register.table)
                samples["people open cpu"] = _last_cpu[0]
                samples["people scroll"], samples["people scroll cpu"] = _scroll_cpu(register.table)
                samples["meetings open"] = _timed(meetings.apply_filters, meetings.table)
                samples["meetings open cpu"] = _last_cpu[0]
                samples["meetings page open"] = _timed(meetings.refresh, meetings.table)
                samples["meetings page open cpu"] = _last_cpu[0]
                samples["meetings scroll"], samples["meetings scroll cpu"] = _scroll_cpu(meetings.table)
                for what, ids, rows in (("people", people_service.register_ids, people_service.register_rows),
                                        ("meetings", meetings_service.meeting_ids, meetings_service.meeting_rows)):
                    started, cpu = time.perf_counter(), time.process_time()
                    rows(ids()[:200])  # what LazyRowsModel did before the pages: every id, then a chunk
                    samples[f"{what} ids open"] = time.perf_counter() - started
                    samples[f"{what} ids open cpu"] = time.process_time() - cpu
                samples["people sort"] = _timed(lambda: register.model.sort(0, Qt.SortOrder.AscendingOrder),
                                                register.table)
                register.model.sort(-1)
                samples["meetings sort"] = _timed(lambda: meetings.model.sort(TITLE, Qt.SortOrder.AscendingOrder),
                                                  meetings.table)
                meetings.model.sort(-1)
                if not warm_up:
                    for key, seconds in samples.items():
                        times.setdefault(key, []).append(seconds)
            rss_after_runs = _rss_mib() - rss_before
            started = time.perf_counter()
            whole = meetings_service.list_meetings()
            before_whole = time.perf_counter() - started
            count = len(whole)
            del whole
            for page in (register, meetings):
                page.close()
                page.deleteLater()
            app.processEvents()
        finally:
            close_database()
            shutil.rmtree(Path(tmp) / "data", ignore_errors=True)
    med = {key: statistics.median(values) for key, values in times.items()}
    rows = []
    for what, label in (("people", "人员名册"), ("meetings", "会议与表决")):
        base = med[f"{what} base"]
        rows.append((f"lists {what}: SELECT … LIMIT 200 (baseline)", base, 1.0,
                     f"{count:,} rows; plain sqlite3, the page's columns"))
        for key, doing in (("open", "count + first page, painted"), ("page open", "+ years and cadence banner"),
                           ("ids open", "before: every id sorted, then a chunk (the id-list model), no paint"),
                           ("scroll", "slowest of 20 painted scroll steps (top, middle, end)"),
                           ("sort", "header click: every id, natural sort")):
            seconds = med.get(f"{what} {key}")
            if seconds is None:
                continue
            cpu = med.get(f"{what} {key} cpu")
            verdict = "" if cpu is None else (
                f"; CPU {cpu * 1000:.0f} ms, goal < {GOAL * 1000:.0f} ms: {'met' if cpu < GOAL else 'MISSED'}"
                f" (wall {'met' if seconds < GOAL else 'over'})")
            rows.append((f"lists {what} {key} ({label})", seconds, seconds / base, doing + verdict))
        rows.append((f"lists {what} first scroll (cold pages)", first_scroll[what], first_scroll[what] / base,
                     "the first pass, every page read from SQL for the first time"))
    rows.append(("lists RSS growth, both lists opened + scrolled", rss_growth, 0.0,
                 f"MiB (not s), after Qt's first table paint ({rss_warm:.1f} MiB, an empty register); goal <"
                 f" {RSS_GOAL_MIB} MiB: {'met' if rss_growth < RSS_GOAL_MIB else 'MISSED'}; after every run"
                 f" (header sorts too) {rss_after_runs:.1f} MiB"))
    rows.append(("lists meetings before: list_meetings() whole", before_whole, before_whole / med["meetings base"],
                 "every line built, as the page read it before issue 20 (one run)"))
    return rows
