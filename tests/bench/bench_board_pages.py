"""合规看板 and 村庄 at 30, 100, 200 villages (issue 20): what `bench_township_pages` does not split out.

Per prebuilt township (`CUNWU_BENCH_TOWNSHIPS`, the folders `township-<N>v` that
`bench_township_pages` reads; each copied to a temporary folder first, opening migrates):

- **合规看板 shown**: the page built and shown at 1366×768 until its board is on screen
  (`CompliancePage.is_busy()` false), CPU and wall; then **trend shown**, until the
  8-quarter trend beside it is computed too (`trend_ready()`; the trend is computed after
  the board, on its own worker, only while it is on screen);
- **column widths**: on that page, `SampledWidths.fit()` against Qt's
  `ResizeToContents` + `resizeColumnsToContents()` on the same table and rows, in the same
  run (ratio = sampled / Qt), with the `data()` calls each made;
- **村庄 shown**: the 村庄 page built and shown, CPU and wall, its `data()` calls and SQL
  statements (the peer overview is one query for all villages).

CPU seconds are this process's (`time.process_time`, worker threads included), medians of
`runs`; ratios of the page rows are to the smallest township of the run (goal: linear or
better). Without `CUNWU_BENCH_TOWNSHIPS` the bench builds its three small townships as
`bench_township_pages` does. Run alone: `python -m tests.bench.bench_board_pages --data
/work/bench-data --sizes 30 100 200`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from tests.bench import bench_township_pages as pages_bench


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ui.fonts import load_cjk_font
    from ui.style import apply_style

    apply_style(app)
    load_cjk_font(app)
    return app


class _Counter:
    """Counts `data()` calls of a model class and SQL statements (patched for the bench's life)."""

    def __init__(self):
        from models.db import database
        from ui.township.villages_model import VillagesModel
        from ui.widgets.compliance_model import BoardModel

        self.data = 0
        self.sql = 0
        self._undo = []
        for cls in (BoardModel, VillagesModel):
            original = cls.data

            def data(model, *args, _original=original, **kwargs):
                self.data += 1
                return _original(model, *args, **kwargs)

            cls.data = data
            self._undo.append((cls, "data", original))
        execute = database.execute_sql

        def execute_sql(*args, **kwargs):
            self.sql += 1
            return execute(*args, **kwargs)

        database.execute_sql = execute_sql
        self._undo.append((database, "execute_sql", None))

    def reset(self) -> None:
        self.data = self.sql = 0

    def close(self) -> None:
        for owner, name, original in self._undo:
            if original is None:
                delattr(owner, name)  # the instance attribute: the class's method shows again
            else:
                setattr(owner, name, original)


def _wait(app, done, limit: float = 600.0) -> None:
    end = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("page still loading")
        app.processEvents()
        time.sleep(0.001)


def _compliance(app, session, counter: _Counter) -> dict:
    from PySide6.QtWidgets import QHeaderView

    from ui.township.compliance_page import CompliancePage

    counter.reset()
    cpu, wall = time.process_time(), time.perf_counter()
    page = CompliancePage(session)
    page.resize(1366 - 180, 768 - 60)
    page.show()
    _wait(app, lambda: page.board is not None and not page.is_busy())
    app.processEvents()
    shown = (time.process_time() - cpu, time.perf_counter() - wall, counter.data)
    _wait(app, page.trend_ready)
    app.processEvents()
    trend = (time.process_time() - cpu, time.perf_counter() - wall)
    # the widths: ours, then Qt's own fit of the same rows
    counter.reset()
    started = time.process_time()
    page.widths.fit()
    sampled = (time.process_time() - started, counter.data)
    header = page.table.horizontalHeader()
    counter.reset()
    started = time.process_time()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    page.table.resizeColumnsToContents()
    app.processEvents()
    qt = (time.process_time() - started, counter.data)
    page.close()
    page.deleteLater()
    app.processEvents()
    return {"shown": shown, "trend": trend, "sampled": sampled, "qt": qt}


def _villages(app, session, paths, counter: _Counter) -> tuple[float, float, int, int]:
    from ui.township.villages_page import VillagesPage

    counter.reset()
    cpu, wall = time.process_time(), time.perf_counter()
    page = VillagesPage(session, paths=paths)
    page.resize(1366 - 180, 768 - 60)
    page.show()
    app.processEvents()
    out = (time.process_time() - cpu, time.perf_counter() - wall, counter.data, counter.sql)
    page.close()
    page.deleteLater()
    app.processEvents()
    return out


def measure(folders: dict[int, Path], runs: int, work: Path) -> dict[int, dict]:
    """Samples per size: sizes in turn within each round (load that comes and goes hits all alike)."""
    from desktop.paths import AppPaths
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.db import close_database

    app = _app()
    copies = {}
    for n, folder in folders.items():
        copies[n] = work / f"township-{n}v"
        pages_bench._copy_folder(folder, copies[n])
    samples: dict[int, dict[str, list]] = {n: {"compliance": [], "villages": []} for n in folders}
    counter = None
    try:
        for _ in range(runs + 1):  # the first round warms the page cache and is dropped
            for n in sorted(copies):
                close_database()
                paths = AppPaths(copies[n])
                open_store(paths, backup_before_migration=False)
                session = cli_session("township")
                if counter is None:
                    counter = _Counter()
                samples[n]["compliance"].append(_compliance(app, session, counter))
                samples[n]["villages"].append(_villages(app, session, paths, counter))
    finally:
        if counter is not None:
            counter.close()
        close_database()
    return {n: {kind: values[1:] for kind, values in by_kind.items()} for n, by_kind in samples.items()}


def rows(result: dict[int, dict]) -> list[tuple[str, float, float, str]]:
    """Rows for `tests.bench.run`: each figure at each size, ratio to the smallest size (widths: to Qt's fit)."""
    out = []
    sizes = sorted(result)
    base = sizes[0]

    def med(values):
        return statistics.median(values)

    def page_row(label, n, cpu, wall, base_cpu, base_wall, extra=""):
        note = f"CPU s; wall {wall:.3f} s = {wall / base_wall:.2f}x of {base}" + extra
        if n != base:
            note += f"; goal ratio <= {pages_bench.goal_ratio(n, base)}"
        out.append((label, cpu, cpu / base_cpu if base_cpu else float("nan"), note))

    c0 = result[base]["compliance"]
    v0 = result[base]["villages"]
    for n in sizes:
        c = result[n]["compliance"]
        page_row(f"合规看板 表格出现 @{n}村", n, med(s["shown"][0] for s in c), med(s["shown"][1] for s in c),
                 med(s["shown"][0] for s in c0), med(s["shown"][1] for s in c0),
                 f"; data() {med(s['shown'][2] for s in c):.0f}")
        page_row(f"合规看板 趋势也出现 @{n}村", n, med(s["trend"][0] for s in c), med(s["trend"][1] for s in c),
                 med(s["trend"][0] for s in c0), med(s["trend"][1] for s in c0))
        sampled, qt = med(s["sampled"][0] for s in c), med(s["qt"][0] for s in c)
        out.append((f"合规看板 列宽 SampledWidths vs ResizeToContents @{n}村", sampled,
                    sampled / qt if qt else float("nan"),
                    f"CPU s; Qt's fit {qt:.3f} s; data() {med(s['sampled'][1] for s in c):.0f} vs "
                    f"{med(s['qt'][1] for s in c):.0f} (one fit; ResizeToContents fits again on every change)"
                    "; goal ratio <= 1.0"))
        v = result[n]["villages"]
        page_row(f"村庄 页面 @{n}村", n, med(s[0] for s in v), med(s[1] for s in v), med(s[0] for s in v0),
                 med(s[1] for s in v0), f"; data() {med(s[2] for s in v):.0f}; SQL {med(s[3] for s in v):.0f}")
    return out


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """The rows for `python -m tests.bench.run --only board_pages`."""
    data = os.environ.get(pages_bench.DATA_ENV)
    only = [int(s) for s in os.environ.get(pages_bench.SIZES_ENV, "").replace(",", " ").split()] or None
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-board-pages-") as tmp:
        work = Path(tmp)
        if data:
            folders = pages_bench.prebuilt(Path(data), only)
            if not folders:
                raise SystemExit(f"{pages_bench.DATA_ENV}={data}: no township-<N>v folders there")
        else:
            folders, _builds = pages_bench._build_own(work / "built", pages_bench.SELF_BUILT, pages_bench.SELF_YEARS)
        return rows(measure(folders, runs, work / "copies"))


def main(argv: list[str] | None = None) -> int:
    """Run alone and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of township-<N>v data folders")
    parser.add_argument("--sizes", type=int, nargs="*", default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    folders = pages_bench.prebuilt(args.data, args.sizes)
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-board-pages-") as tmp:
        for label, value, ratio, note in rows(measure(folders, args.runs, Path(tmp))):
            print(f"{label:48s} {value:9.3f} {ratio:7.2f}  {note}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
