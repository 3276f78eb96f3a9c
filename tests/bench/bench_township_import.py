"""Township import benchmark (issue 8): 40 villages' full packages into a fresh township.

The 40 villages are built by the township demo's own machinery
(`demo_township.plan_villages` / `enrol_and_build`: real installations from
their 入网文件, the village demo with a distinct seed each, full packages),
once; the township database right after enrolment is kept as a snapshot.

Measured, each run from that snapshot: importing all 40 packages in order
through `importer.apply_import` (verification, decryption, classification,
one transaction per package, bookkeeping; no backup), against the floor —
raw `sqlite3` `executemany` of the same rows (every synced record the 40
imports wrote) into a copy of the same enrolled database, in one transaction.

Years of history per village: `CUNWU_BENCH_YEARS` (default 10, the issue's
township scale; building the 40 villages takes about a minute on 2 cores).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop import demo_township
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.session import cli_session
from desktop.storage import open_store
from desktop.sync import first_contact, importer
from models.db import close_database
from models.sync.policy import SYNCED_TABLES

VILLAGES = 40
TOWNSHIP = "330106001"


def _restore(snapshot: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    shutil.copy(snapshot, database)


def _import_all(paths: AppPaths, built: list) -> tuple[float, int]:
    """Import every village's first package, each confirmed by the fingerprint of the village's own keys."""
    open_store(paths, backup_before_migration=False)
    session = cli_session("township")
    try:
        started = time.perf_counter()
        new = 0
        for b in built:
            new += importer.apply_import(session, Path(b.package), paths, backup=False,
                                         confirm=first_contact.own_keys(b.fingerprint)).total("new")
        return time.perf_counter() - started, new
    finally:
        close_database()


def _village_rows(database: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(database)
    try:
        return {t: con.execute(f'SELECT * FROM "{t}" WHERE owner != ?', (TOWNSHIP,)).fetchall()
                for t in SYNCED_TABLES}
    finally:
        con.close()


def _raw_insert(snapshot: Path, target: Path, rows: dict[str, list[tuple]]) -> float:
    shutil.copy(snapshot, target)
    con = sqlite3.connect(target)
    try:
        started = time.perf_counter()
        with con:
            for table, data in rows.items():
                if data:
                    con.executemany(f'INSERT INTO "{table}" VALUES ({",".join("?" * len(data[0]))})', data)
        return time.perf_counter() - started
    finally:
        con.close()


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Importing 40 full village packages vs raw executemany of the same rows."""
    runs = max(1, min(runs, 5))
    years = int(os.environ.get("CUNWU_BENCH_YEARS", "10"))
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-township-") as tmp:
        root = Path(tmp)
        paths = AppPaths(root / "乡镇")
        close_database()
        open_store(paths, backup_before_migration=False)
        setup_service.initialize("township", "青山镇", TOWNSHIP, "zhejiang")
        plans = demo_township.plan_villages(TOWNSHIP, VILLAGES, years, date.today())
        started = time.perf_counter()
        built = demo_township.enrol_and_build(cli_session("township"), paths, plans, root / "scratch")
        build_seconds = time.perf_counter() - started
        close_database()
        snapshot = root / "enrolled.sqlite3"
        shutil.copy(paths.database, snapshot)
        sizes = [b.size for b in built]

        imports, raws, new = [], [], 0
        rows: dict[str, list[tuple]] = {}
        for i in range(runs):
            _restore(snapshot, paths.database)
            seconds, new = _import_all(paths, built)
            imports.append(seconds)
            if not rows:
                rows = _village_rows(paths.database)
            raws.append(_raw_insert(snapshot, root / f"raw{i}.sqlite3", rows))
        records = sum(len(r) for r in rows.values())
        db_size = paths.database.stat().st_size
    imp, raw = statistics.median(imports), statistics.median(raws)
    total_kb = sum(sizes) / 1024
    return [
        (f"raw executemany, {records} rows (baseline)", raw, 1.0, f"min {min(raws):.3f} s"),
        (f"import {VILLAGES} villages x {years} y (apply_import)", imp, imp / raw,
         f"min {min(imports):.3f} s, {new} records, {new / imp:,.0f} rec/s"),
        ("package sizes (KB, all / median / max)", 0.0, 0.0,
         f"{total_kb:,.0f} / {statistics.median(sizes) / 1024:,.0f} / {max(sizes) / 1024:,.0f}; "
         f"township db {db_size / 1048576:.1f} MB; build {build_seconds:.0f} s"),
    ]
