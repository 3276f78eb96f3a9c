"""Per-package import cost against the size of the township (issue 14): it should follow the package.

One real village (the demo, `CUNWU_BENCH_YEARS` years, default 10) goes
through the real exchange: its full package into the township, the
township's return package back (the acknowledgement), then a few edits and
incremental packages. The township is then grown to 30, 100 and 200 villages
by copying that village's rows directly in SQL under new village codes and
record ids (`_clone_village`): the same rows a real township holds, built in
seconds instead of the ten minutes the demo builder would take.

Measured from a snapshot of each size, each run: importing the first
incremental package the way the 数据交换 page and `cunwu import` do (backup
first, then one transaction), the import alone (no backup), and the cost per
package of a batch of `BATCH` packages (one backup for the batch). Ratios
are against the same figure on the township holding only the one village.

What still grows is the backup's copy itself (SQLite's online backup reads
and writes every page, about 0.5-1 s for 250 MB): paid once per batch, and
no longer followed by a page-by-page `integrity_check` (see
`desktop.sync.import_backup`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop.paths import AppPaths
from desktop.services import exchange_service, people_service, record_store
from desktop.services.session import cli_session
from desktop.storage import open_store
from desktop.sync import importer
from models.db import close_database
from models.entities import Person
from models.sync import policy
from tests.support import templates
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, export_to, import_into, make_pair

SIZES = (30, 100, 200)
BATCH = 5


def _packages(township, village, usb: Path) -> list[Path]:
    """The village's full package imported and acknowledged; then `BATCH` incremental packages."""
    import_into(township, export_to(village, usb, full=True).path)
    import_into(village, export_to(township, usb, recipient_code=VILLAGE_CODE).path)
    out = []
    for n in range(BATCH):
        session = village.use()
        people = list(Person.select().where(Person.deleted == False).limit(3))  # noqa: E712
        for person in people:
            record_store.update(session, person, note=f"第 {n} 次修改")
        people_service.add_person(session, f"新村民{n}", "女")
        close_database()
        folder = usb / f"批{n}"
        folder.mkdir()
        out.append(export_to(village, folder).path)
    return out


def _clone_village(con: sqlite3.Connection, k: int) -> None:
    """Copy every record the village owns (and its peer, village and log rows) as village number `k`.

    Ids get a prefix of their own (`k` in hex over the uuid's first eight
    characters), and so do references to the village's own records.
    """
    code, name = f"{TOWNSHIP_CODE}{k + 100:03d}", f"第{k}村"
    prefix = f"'{k:08x}'"

    def new_id(col: str) -> str:
        return f"{prefix} || substr({col}, 9)"

    def copy(table: str, where: str, params: tuple, replace: dict[str, str]) -> None:
        # an integer "id" that is not replaced is left to SQLite (a new row number)
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")') if r[1] != "id" or "id" in replace]
        exprs = [replace.get(c, f'"{c}"') for c in cols]
        col_sql = ",".join(f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO "{table}" ({col_sql}) SELECT {",".join(exprs)} FROM "{table}" WHERE {where}',
                    params)

    for table in policy.SYNCED_TABLES:
        replace = {"id": new_id('"id"'), "owner": f"'{code}'"}
        for col, _target in policy.foreign_keys(table):
            quoted = f'"{col}"'
            replace[col] = f"CASE WHEN {quoted} IN (SELECT id FROM temp.vids) THEN {new_id(quoted)} ELSE {quoted} END"
        copy(table, "owner = ?", (VILLAGE_CODE,), replace)
    # the township's own rows about the village
    copy("village", "code = ?", (VILLAGE_CODE,),
         {"id": new_id('"id"'), "code": f"'{code}'", "name": f"'{name}'"})
    copy("peer", "code = ?", (VILLAGE_CODE,), {"code": f"'{code}'", "name": f"'{name}'"})
    copy("package_log", "peer_code = ?", (VILLAGE_CODE,),
         {"peer_code": f"'{code}'", "file_sha256": "lower(hex(randomblob(32)))"})


def _grow(database: Path, start: int, stop: int) -> None:
    """Add villages number `start` … `stop - 1` (the real one is number 0) in one transaction."""
    con = sqlite3.connect(database)
    try:
        with con:
            con.execute("CREATE TEMP TABLE IF NOT EXISTS vids (id TEXT PRIMARY KEY)")
            con.execute("DELETE FROM temp.vids")
            for table in policy.SYNCED_TABLES:
                con.execute(f'INSERT INTO temp.vids SELECT id FROM "{table}" WHERE owner = ?', (VILLAGE_CODE,))
            for k in range(start, stop):
                _clone_village(con, k)
    finally:
        con.close()


def _restore(snapshot: Path, paths: AppPaths) -> None:
    db = paths.database
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    shutil.copy(snapshot, db)
    shutil.rmtree(paths.backups, ignore_errors=True)


def _timed(snapshot: Path, paths: AppPaths, packages: list[Path], backup: bool) -> float:
    """Seconds to import `packages` as one batch from `snapshot` (the way the app does, or without backup)."""
    _restore(snapshot, paths)
    open_store(paths, backup_before_migration=False)
    session = cli_session("township")
    try:
        started = time.perf_counter()
        if backup:
            _import_batch(session, paths, packages)
        else:
            for package in packages:
                importer.apply_import(session, package, paths, backup=False)
        return time.perf_counter() - started
    finally:
        close_database()


def _import_batch(session, paths: AppPaths, packages: list[Path]) -> None:
    """What the 数据交换 page and `cunwu import FILE...` do for these packages: one backup, then each."""
    result = exchange_service.import_packages(session, paths, packages)
    if result.refused or result.backup is None:
        raise RuntimeError(f"the bench's packages did not import: {result.refused}")


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """One incremental package into townships of 1, 30, 100 and 200 villages; ratios to 1 village."""
    runs = max(1, min(runs, 5))
    years = int(os.environ.get("CUNWU_BENCH_YEARS", "10"))
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-per-package-") as tmp:
        root = Path(tmp)
        templates.configure_outside_pytest(root)
        started = time.perf_counter()
        township, village, usb = make_pair(root, years=years)
        packages = _packages(township, village, usb)
        close_database()
        snapshots = {1: root / "t1.sqlite3"}
        shutil.copy(township.paths.database, snapshots[1])
        built = 1
        for size in SIZES:
            _grow(township.paths.database, built, size)
            built = size
            snapshots[size] = root / f"t{size}.sqlite3"
            shutil.copy(township.paths.database, snapshots[size])
        build_seconds = time.perf_counter() - started

        rows = []
        base: dict[str, float] = {}
        for size, snapshot in snapshots.items():
            one = [_timed(snapshot, township.paths, packages[:1], True) for _ in range(runs)]
            alone = [_timed(snapshot, township.paths, packages[:1], False) for _ in range(runs)]
            batch = [_timed(snapshot, township.paths, packages, True) / BATCH for _ in range(runs)]
            figures = {"one": statistics.median(one), "alone": statistics.median(alone),
                       "batch": statistics.median(batch)}
            if size == 1:
                base = figures
            mb = snapshot.stat().st_size / 1048576
            label = f"{size} village" + ("s" if size > 1 else "")
            rows += [
                (f"{label} ({mb:.0f} MB): 1 package, backup+import", figures["one"],
                 figures["one"] / base["one"], f"min {min(one):.3f} s" + (" (baseline)" if size == 1 else "")),
                (f"{label}: 1 package, import alone", figures["alone"], figures["alone"] / base["alone"],
                 f"min {min(alone):.3f} s"),
                (f"{label}: per package in a batch of {BATCH}", figures["batch"],
                 figures["batch"] / base["batch"], f"min {min(batch):.3f} s"),
            ]
        rows.append(("build (1 real village, clones)", build_seconds, 0.0, f"{years} years per village"))
    return rows
