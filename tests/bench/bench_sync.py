"""数据交换 benchmarks (issue 7): full and incremental packages of a 10-year demo village.

- Full package export and import, each against the floor any approach has
  to pay: raw `sqlite3` `executemany` of the same rows into an empty
  database of the same schema (goal: ≤ 3×).
- Incremental package after 10 edits on the 10-year database against the
  same on a fresh (demo-less) village (goal: ≤ 2×, cost follows changes).
- Package size.

Setup goes through the real code (enrollment, export, import, the return
package that acknowledges); only the measured calls are timed.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop.services import record_store
from desktop.sync import exporter, importer
from models.db import close_database
from models.entities import Person
from models.sync.policy import SYNCED_TABLES
from tests.support import templates
from tests.support.first_contact import confirmed_by
from tests.support.sites import VILLAGE_CODE, make_pair, village_beside


def _export(site, folder: Path, **kw):
    session = site.use()
    try:
        started = time.perf_counter()
        result = exporter.export_package(session, site.paths, folder, **kw)
        return result, time.perf_counter() - started
    finally:
        close_database()


def _import(site, path: Path) -> float:
    """Seconds to import `path` at `site` (the village's first package confirmed by its genuine fingerprint)."""
    session = site.use()
    try:
        started = time.perf_counter()
        importer.apply_import(session, path, site.paths, backup=False, confirm=confirmed_by(village_beside(site)))
        return time.perf_counter() - started
    finally:
        close_database()


def _raw_copy(source_db: Path, empty_db: Path, target: Path) -> float:
    """Seconds to executemany every synced row of `source_db` into a copy of `empty_db`."""
    shutil.copy(empty_db, target)
    src = sqlite3.connect(source_db)
    rows = {t: src.execute(f'SELECT * FROM "{t}"').fetchall() for t in SYNCED_TABLES}
    src.close()
    dst = sqlite3.connect(target)
    started = time.perf_counter()
    with dst:
        for table, data in rows.items():
            if data:
                dst.executemany(f'INSERT INTO "{table}" VALUES ({",".join("?" * len(data[0]))})', data)
    elapsed = time.perf_counter() - started
    dst.close()
    return elapsed


def _ten_edits(site) -> None:
    session = site.use()
    try:
        for i, person in enumerate(Person.select().order_by(Person.id).limit(10)):
            record_store.update(session, person, phone=f"1380000{i:04d}")
    finally:
        close_database()


def _restore_file(snapshot: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    shutil.copy(snapshot, database)


def _exports(site, folder: Path, runs: int, **kw):
    """`runs` timed exports, each into a folder of its own; (the last result, the seconds)."""
    result, seconds = None, []
    for i in range(runs):
        target = folder / str(i)
        target.mkdir(parents=True)
        result, elapsed = _export(site, target, **kw)
        seconds.append(elapsed)
    return result, seconds


def _acknowledge(township, village, usb: Path) -> None:
    ret, _ = _export(township, usb, recipient_code=VILLAGE_CODE)
    _import(village, ret.path)


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Full and incremental package figures with their same-run baselines."""
    runs = max(3, min(runs, 5))
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-sync-") as tmp:
        root = Path(tmp)
        templates.configure_outside_pytest(root)
        township, village, usb = make_pair(root / "big", years=10)
        township.use()
        close_database()
        snapshot = root / "township-enrolled.sqlite3"  # enrolled, no village records yet
        shutil.copy(township.paths.database, snapshot)

        full, exports = _exports(village, root / "full", runs, full=True)
        raws = [_raw_copy(village.paths.database, snapshot, root / f"raw{i}.sqlite3") for i in range(runs)]
        imports = []
        for _ in range(runs):
            _restore_file(snapshot, township.paths.database)
            imports.append(_import(township, full.path))
        records, size = full.records, full.size
        _acknowledge(township, village, usb)

        _ten_edits(village)
        inc, big_inc = _exports(village, root / "inc", runs)

        small_t, small, small_usb = make_pair(root / "small", years=0, demo=False)
        session = small.use()
        from desktop import demo as demo_mod

        demo_mod.fill_village(session, years=0)
        close_database()
        first, _ = _export(small, small_usb)
        _import(small_t, first.path)
        _acknowledge(small_t, small, small_usb)
        _ten_edits(small)
        _sinc, small_inc = _exports(small, root / "small-inc", runs)

    raw = statistics.median(raws)
    exp, imp = statistics.median(exports), statistics.median(imports)
    big, little = statistics.median(big_inc), statistics.median(small_inc)
    return [
        (f"raw executemany, {records} rows (baseline)", raw, 1.0, "sqlite3, one transaction"),
        ("full package export, 10-year demo village", exp, exp / raw, "goal ratio <= 3"),
        ("full package import into the township", imp, imp / raw, "goal ratio <= 3"),
        ("incremental, 10 edits, fresh village", little, 1.0, "baseline"),
        ("incremental, 10 edits, 10-year village", big, big / little,
         f"goal ratio <= 2; {inc.records} records, {inc.size} bytes"),
        ("full package size, MB", size / 1e6, 0.0, f"{size} bytes for {records} records"),
    ]
