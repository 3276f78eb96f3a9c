"""What the import boundary of issue 16 costs: authority, field validator, row digests, the bomb cap.

One real 10-year demo village (`CUNWU_BENCH_YEARS`) goes through the real
exchange. Two packages are imported again and again from snapshots of the
township, interleaved so machine noise hits every variant alike:

- the village's full package into the enrolled township (every row new), and
- one small incremental package (10 edited people) into the township that
  holds the full package and has acknowledged it.

Variants of the same `importer.apply_import`, in the same run:

- *checks bypassed* (the baseline): the boundary of issue 16 replaced by
  no-ops — `boundary.check_manifest` / `column_checks` / `check_row` (the
  schema-derived validator), `authority.check_package` and
  `register_links.check` (who may write what, where a record may point) and
  `audit_replay.written_values` (the per-row digests written into the
  import's audit entry). Everything else (signature, decryption, the older
  per-field rules, the write) runs as in the app.
- each part alone bypassed, so its own share shows: the share of a part is
  (import − import without it) / import.
- a plain `executemany` of the same rows into the same snapshot: the floor
  any import pays.

Goals: the full package's import with the boundary at most 1.3x the import
without it — the import without it costs ~2.3x the raw executemany, so 1.3x
keeps issue 7's "full import <= 3x raw" (`bench_sync`); an incremental
package at most 1.15x (its cost is the package's fixed work, not its rows).

Times are this process's CPU seconds (`time.process_time`), medians of
interleaved runs: everything measured runs in this process (SQLite too), and
on a machine shared with other work CPU time bends far less than wall time
(a wall-clock median here moved by 2x between runs).

Memory: peak traced Python memory (`tracemalloc`) of importing the full
package against refusing a records member that inflates to 2 GB
(`tests.support.forged.bomb`): the streaming inflate stops at its cap.
Traced memory is Python's allocations; SQLite's page cache is not in it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

from desktop.services import record_store
from desktop.sync import boundary, importer, payload, register_links
from models import audit_replay
from models.db import close_database
from models.entities import Person
from models.errors import PackageRefused
from models.sync import authority
from tests.support import forged, templates
from tests.support.first_contact import confirmed_by
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair


def _skip_validator() -> list:
    return [mock.patch.object(boundary, "check_manifest", lambda m: None),
            mock.patch.object(boundary, "column_checks", lambda sender, table, cols: []),
            mock.patch.object(boundary, "check_row", lambda *a: None)]


def _skip_authority() -> list:
    return [mock.patch.object(authority, "check_package", lambda *a: None),
            mock.patch.object(register_links, "check", lambda tables: None)]


def _skip_digests() -> list:
    return [mock.patch.object(audit_replay, "written_rows", lambda writes: {}),
            mock.patch.object(audit_replay, "written_values", lambda writes: {})]


#: name -> the patches that bypass it (the importer calls each through its module, so patching the module works).
VARIANTS: dict[str, Callable[[], list]] = {
    "all checks": list,
    "no validator": _skip_validator,
    "no authority": _skip_authority,
    "no digests": _skip_digests,
    "checks bypassed": lambda: _skip_validator() + _skip_authority() + _skip_digests(),
}


def _restore(snapshot: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    shutil.copy(snapshot, database)


def _import(site, snapshot: Path, package: Path, patches: list, sender) -> float:
    """Seconds of one `apply_import` of `package` into a fresh copy of `snapshot` (no backup)."""
    _restore(snapshot, site.paths.database)
    session = site.use()
    try:
        with ExitStack() as stack:
            for patch in patches:
                stack.enter_context(patch)
            started = time.process_time()
            plan = importer.apply_import(session, package, site.paths, backup=False, confirm=confirmed_by(sender))
            elapsed = time.process_time() - started
        assert plan.total("new") + plan.total("changed") > 0, "the bench's package wrote nothing"
        return elapsed
    finally:
        close_database()


def _raw(site, snapshot: Path, package: Path) -> float:
    """Seconds to executemany the package's rows (decrypted beforehand) into a fresh copy of `snapshot`."""
    body = forged.open_records(package, site.paths)
    _restore(snapshot, site.paths.database)
    con = sqlite3.connect(site.paths.database)
    try:
        started = time.process_time()
        with con:
            for t in body["tables"]:
                cols = ",".join(f'"{c}"' for c in t["columns"])
                updates = ",".join(f'"{c}"=excluded."{c}"' for c in t["columns"] if c != "id")
                con.executemany(f'INSERT INTO "{t["name"]}" ({cols}) VALUES ({",".join("?" * len(t["columns"]))}) '
                                f"ON CONFLICT(id) DO UPDATE SET {updates}", t["rows"])
        return time.process_time() - started
    finally:
        con.close()


def _interleaved(site, snapshot: Path, package: Path, runs: int, sender) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in [*VARIANTS, "raw"]}
    _import(site, snapshot, package, [], sender)  # warm-up: page cache, lazy imports
    for _ in range(runs):
        for name, patches in VARIANTS.items():
            times[name].append(_import(site, snapshot, package, patches(), sender))
        times["raw"].append(_raw(site, snapshot, package))
    return times


def _rows(label: str, times: dict[str, list[float]], records: int, goal: float) -> list[tuple[str, float, float, str]]:
    med = {name: statistics.median(values) for name, values in times.items()}
    base, full = med["checks bypassed"], med["all checks"]

    def share(name: str) -> str:
        return f"share {(full - med[name]) / full:+.1%} of the import (import without it {med[name]:.3f} s)"

    return [
        (f"{label}: import, checks bypassed (baseline)", base, 1.0, f"{records} rows; min {min(times['checks bypassed']):.3f} s"),
        (f"{label}: import with the boundary", full, full / base,
         f"boundary share {(full - base) / full:.1%}; {full / med['raw']:.2f}x raw executemany; goal ratio <= {goal}"),
        (f"{label}:   of it the validator", full - med["no validator"], (full - med["no validator"]) / base,
         share("no validator")),
        (f"{label}:   of it authority + links", full - med["no authority"], (full - med["no authority"]) / base,
         share("no authority")),
        (f"{label}:   of it the row digests", full - med["no digests"], (full - med["no digests"]) / base,
         share("no digests")),
        (f"{label}: raw executemany of the same rows", med["raw"], med["raw"] / base, "floor"),
    ]


def _peak(job: Callable[[], object]) -> float:
    """Peak traced Python memory of `job`, in MB."""
    tracemalloc.start()
    try:
        job()
        return tracemalloc.get_traced_memory()[1] / 1024**2
    finally:
        tracemalloc.stop()


def _memory(site, snapshot: Path, package: Path, bomb: Path, sender) -> list[tuple[str, float, float, str]]:
    _restore(snapshot, site.paths.database)
    session = site.use()
    try:
        legit = _peak(lambda: importer.apply_import(session, package, site.paths, backup=False,
                                                     confirm=confirmed_by(sender)))
    finally:
        close_database()
    _restore(snapshot, site.paths.database)
    session = site.use()

    def refuse() -> None:
        try:
            importer.apply_import(session, bomb, site.paths, backup=False, confirm=confirmed_by(sender))
        except PackageRefused as exc:
            assert "压缩炸弹" in str(exc), exc
        else:
            raise AssertionError("the bomb was imported")

    try:
        started = time.perf_counter()
        refused = _peak(refuse)
        seconds = time.perf_counter() - started
    finally:
        close_database()
    mb, bomb_mb = package.stat().st_size / 1024**2, bomb.stat().st_size / 1024**2
    cap = payload.inflate_limit(bomb.stat().st_size) / 1024**2
    return [
        (f"peak MB, full package import ({mb:.1f} MB file) (baseline)", legit, 1.0, "tracemalloc peak"),
        ("peak MB, refusing a records bomb inflating to 2 GB", refused, refused / legit,
         f"{bomb_mb:.1f} MB file, inflate cap {cap:.0f} MB: peak {refused / cap:.2f}x the cap "
         f"({'within' if refused <= cap * 1.25 else 'OVER'} it), refused in {seconds:.1f} s traced"),
    ]


def _ten_edits(site) -> None:
    session = site.use()
    try:
        for i, person in enumerate(Person.select().order_by(Person.id).limit(10)):
            record_store.update(session, person, phone=f"1390000{i:04d}")
    finally:
        close_database()


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Full and incremental import with and without the boundary; peak memory, package vs bomb."""
    runs = max(3, min(runs, 7))
    years = int(os.environ.get("CUNWU_BENCH_YEARS", "10"))
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-boundary-") as tmp:
        root = Path(tmp)
        templates.configure_outside_pytest(root)
        township, village, usb = make_pair(root, years=years)
        sender = village.paths  # its fingerprint is the one heard on the phone, for the first package
        township.use()
        close_database()
        enrolled = root / "enrolled.sqlite3"
        shutil.copy(township.paths.database, enrolled)
        (usb / "full").mkdir()
        full = export_to(village, usb / "full", full=True)
        bomb = forged.resign(full.path, village.paths, township.paths, root / "bomb",
                             records=forged.bomb(2 * 1024**3))

        rows = _rows(f"full package, {years} years", _interleaved(township, enrolled, full.path, runs, sender),
                     full.records, goal=1.3)

        _restore(enrolled, township.paths.database)
        import_into(township, full.path)
        (usb / "ack").mkdir()
        import_into(village, export_to(township, usb / "ack", recipient_code=VILLAGE_CODE).path)
        close_database()
        holding = root / "holding.sqlite3"
        shutil.copy(township.paths.database, holding)
        _ten_edits(village)
        (usb / "inc").mkdir()
        inc = export_to(village, usb / "inc")
        rows += _rows("incremental, 10 edits", _interleaved(township, holding, inc.path, runs, sender),
                      inc.records, goal=1.15)

        rows += _memory(township, enrolled, full.path, bomb, sender)
    return rows
