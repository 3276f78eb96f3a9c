"""Search benchmark (issue 19): the township demo's 30 villages × 10 years, and one village typing.

The township is built by the township demo's own machinery
(`demo_township.plan_villages` / `enrol_and_build`: real village
installations, full packages) and its packages imported through
`importer.apply_import` — which keeps the search index current in each
import's transaction, so the import time measured includes that upkeep.

Measured in the same run on the same database (the queries in CPU time,
each sampled in turn with its baseline: `_interleaved`):

- first results (`search_service.search`: counts per kind, the newest 200
  hits, their snippets) for a 3-character query, against a plain FTS5
  `MATCH` of the same query fetching every matching rowid (a rare word and
  a common one);
- the same for a 2-character query, against a plain `instr()` scan of the
  same content (`search_doc`);
- rebuilding the whole index (`search_index.rebuild`, what `cunwu check
  --repair-index` does) against the time the imports took;
- a village with 10 years of demo history: each prefix of a query typed one
  character at a time (“土”, “土地”, “土地承”, “土地承包”), the slowest
  reported in ms and as a ratio to the issue's 100 ms (goal: ratio <= 1).

Years: `CUNWU_BENCH_YEARS` (default 10); villages: `CUNWU_BENCH_VILLAGES`
(default 30). Building the villages takes minutes on 2 cores; it is done
once per run.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

TOWNSHIP = "330106001"
THREE = "承包费"  # 集体鱼塘承包费: in many villages' finance tables
TWO = "路灯"
COMMON = "村民代"  # 村民代表(会议): thousands of matches, the newest 200 picked from them
TYPED = "土地承包"
# Goals. The issue asks for these ratios and names one number only (typing: under 100 ms); the others are
# the bench's: first results may cost a few times the bare MATCH (counts per kind, 200 rows read, their
# snippets), the 2-character path is the same instr() scan plus that, and rebuilding the index from the
# records already in the database should take a fraction of importing them.
GOAL_THREE = 10
GOAL_TWO = 2
GOAL_REBUILD = 0.5
TYPING_BUDGET = 0.100  # seconds: the "under 100 ms on 10 years"


def _median(fn, runs: int) -> float:
    fn()  # warm-up: pages in the cache for both sides
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _interleaved(fns: dict[str, object], runs: int) -> dict[str, tuple[float, float]]:
    """Median CPU seconds and median wall seconds of each function, sampled in turn (one warm-up each).

    The queries run in this process and wait on nothing but the CPU and the
    page cache, so their CPU time (`time.process_time`) is their cost; on the
    2-core box shared by several people a wall sample of a few milliseconds
    that loses the CPU for a time slice reads several times its cost. The
    ratios are of CPU times, the wall medians are printed beside them;
    interleaved, so what load remains hits a query and its baseline alike.
    """
    for fn in fns.values():
        fn()
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    wall: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            fn()
            cpu[name].append(time.process_time() - started_cpu)
            wall[name].append(time.perf_counter() - started)
    return {name: (statistics.median(cpu[name]), statistics.median(wall[name])) for name in fns}


def _typing(root: Path, years: int, runs: int) -> tuple[float, int]:
    """The slowest prefix of `TYPED` at a 10-year village (seconds), and the village's index rows."""
    from desktop.demo import fill_village
    from desktop.paths import AppPaths
    from desktop.services import search_service, setup_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.db import close_database, database

    close_database()
    open_store(AppPaths(root / "村"), backup_before_migration=False)
    try:
        setup_service.initialize("village", "青山村", f"{TOWNSHIP}002", "zhejiang")
        session = cli_session("village")
        fill_village(session, years=years, seed=8, logins=False)  # an even seed: with a 土地管理 chapter
        rows = database.execute_sql("SELECT count(*) FROM search_doc").fetchone()[0]
        slowest = max(_median(lambda q=TYPED[:n]: search_service.search(session, q), runs)
                      for n in range(1, len(TYPED) + 1))
        return slowest, rows
    finally:
        close_database()


def _township(root: Path, villages: int, years: int) -> tuple[float, float | None, int, bool]:
    """Build and import the township; returns wall and CPU seconds the imports took, records imported, cached?

    With `CUNWU_BENCH_SEARCH_CACHE` set to a folder, the imported township and
    its import time are kept there and reused by the next run of the same size.
    """
    import json
    import shutil

    from models.db import close_database

    cache = os.environ.get("CUNWU_BENCH_SEARCH_CACHE")
    kept = Path(cache) / f"{villages}x{years}" if cache else None
    if kept is not None and (kept / "import.json").exists():
        close_database()
        shutil.copytree(kept / "乡镇", root / "乡镇")
        facts = json.loads((kept / "import.json").read_text())
        _open_township(root)
        return facts["seconds"], facts.get("cpu"), facts["records"], True
    seconds, cpu, records = _build_township(root, villages, years)
    if kept is not None:
        close_database()
        shutil.copytree(root / "乡镇", kept / "乡镇", dirs_exist_ok=True)
        (kept / "import.json").write_text(json.dumps({"seconds": seconds, "cpu": cpu, "records": records}))
        _open_township(root)
    return seconds, cpu, records, False


def _open_township(root: Path) -> None:
    from desktop.paths import AppPaths
    from desktop.storage import open_store

    open_store(AppPaths(root / "乡镇"), backup_before_migration=False)


def _build_township(root: Path, villages: int, years: int) -> tuple[float, float, int]:
    from desktop import demo_township
    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import first_contact, importer
    from models.db import close_database

    close_database()
    paths = AppPaths(root / "乡镇")
    open_store(paths, backup_before_migration=False)
    setup_service.initialize("township", "青山镇", TOWNSHIP, "zhejiang")
    # The recall story's 补选 is refused by the count's checks at 10 years (on main at the time of writing:
    # “委员共计 998 票,多于有效选票 995 张”); its village is built without it, the records are the same kind.
    plans = [replace(p, election_story="") if p.election_story == "recall" else p
             for p in demo_township.plan_villages(TOWNSHIP, villages, years, date.today())]
    built = demo_township.enrol_and_build(cli_session("township"), paths, plans, root / "scratch")
    session = cli_session("township")
    started, started_cpu = time.perf_counter(), time.process_time()
    new = 0
    for b in built:
        new += importer.apply_import(session, Path(b.package), paths, backup=False,
                                     confirm=first_contact.own_keys(b.fingerprint)).total("new")
    return time.perf_counter() - started, time.process_time() - started_cpu, new


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """First results for 3 and 2 characters vs plain MATCH / instr; rebuild vs import; typing at a village."""
    from desktop.services import search_service
    from desktop.services.session import cli_session
    from models import search_index
    from models.db import close_database, database

    runs = max(1, runs)
    years = int(os.environ.get("CUNWU_BENCH_YEARS", "10"))
    villages = int(os.environ.get("CUNWU_BENCH_VILLAGES", "30"))
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-search-") as tmp:
        root = Path(tmp)
        typing, village_rows = _typing(root, years, runs)
        imported, imported_cpu, records, cached = _township(root, villages, years)
        try:
            session = cli_session("township")
            docs = database.execute_sql("SELECT count(*) FROM search_doc").fetchone()[0]
            timed = _interleaved({
                "match": lambda: database.execute_sql(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [f'"{THREE}"']).fetchall(),
                "three": lambda: search_service.search(session, THREE),
                "common_match": lambda: database.execute_sql(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [f'"{COMMON}"']).fetchall(),
                "common": lambda: search_service.search(session, COMMON),
                "scan": lambda: database.execute_sql(
                    "SELECT id FROM search_doc WHERE instr(title, ?) > 0 OR instr(body, ?) > 0", [TWO, TWO]).fetchall(),
                "two": lambda: search_service.search(session, TWO),
            }, runs)
            found_common = search_service.search(session, COMMON).total
            found3 = search_service.search(session, THREE).total
            found2 = search_service.search(session, TWO).total
            started, started_cpu = time.perf_counter(), time.process_time()
            search_index.rebuild()
            rebuild, rebuild_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        finally:
            close_database()
    (match, match_wall), (three, three_wall) = timed["match"], timed["three"]
    (common_match, common_match_wall), (common, common_wall) = timed["common_match"], timed["common"]
    (scan, scan_wall), (two, two_wall) = timed["scan"], timed["two"]
    scale = f"{villages} villages x {years} y, {records:,} records imported, {docs:,} index rows; CPU s"
    return [
        (f"search: plain FTS5 MATCH '{THREE}' (baseline)", match, 1.0, f"{scale}; wall {match_wall * 1000:.1f} ms"),
        (f"search: first results for '{THREE}' (3 chars)", three, three / match,
         f"{found3:,} matches; counts + newest 200 + snippets; wall {three_wall * 1000:.1f} ms; "
         f"goal ratio <= {GOAL_THREE}"),
        (f"search: plain FTS5 MATCH '{COMMON}' (baseline)", common_match, 1.0,
         f"{found_common:,} matches; wall {common_match_wall * 1000:.1f} ms"),
        (f"search: first results for '{COMMON}' (3 chars)", common, common / common_match,
         f"the newest 200 of them; wall {common_wall * 1000:.1f} ms; goal ratio <= {GOAL_THREE}"),
        (f"search: plain instr() scan '{TWO}' (baseline)", scan, 1.0, f"{docs:,} rows; wall {scan_wall * 1000:.1f} ms"),
        (f"search: first results for '{TWO}' (2 chars)", two, two / scan,
         f"{found2:,} matches; wall {two_wall * 1000:.1f} ms; goal ratio <= {GOAL_TWO}"),
        ("search: import of the packages (baseline)", imported, 1.0,
         "wall" + (f" (CPU {imported_cpu:.2f} s)" if imported_cpu else "") + "; incl. index upkeep in each import"
         + ("; timed in an earlier run (CUNWU_BENCH_SEARCH_CACHE)" if cached else "")),
        ("search: rebuild the whole index", rebuild, rebuild / imported,
         f"wall (CPU {rebuild_cpu:.2f} s" + (f" = {rebuild_cpu / imported_cpu:.2f}x the import's" if imported_cpu else "")
         + f"); cunwu check --repair-index; goal ratio <= {GOAL_REBUILD}"),
        (f"search: typing '{TYPED}' at a {years}-year village", typing, typing / TYPING_BUDGET,
         f"wall; slowest prefix {typing * 1000:.1f} ms, {village_rows:,} index rows; ratio to the issue's 100 ms; "
         "goal ratio <= 1"),
    ]
