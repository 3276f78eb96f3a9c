"""`cunwu check` benchmark (issue 16): the audit replay against the check as it was before it.

Two databases, built once per run by the demos: the 10-year demo village
(`demo.fill_village`) and a township with 30 demo villages imported
(`demo_township.fill_township`, `CUNWU_BENCH_CHECK_VILLAGES` to change it).

Baseline, measured in the same process on the same file: what `check` did
before the replay — SQLite's `integrity_check`, `foreign_key_check` and the
audit chain. Measured: `integrity_service.run_check()` with the replay. The
replay reads every row of every audited table once and hashes each imported
row, so it grows with the records, as `integrity_check` does.

Its floor, printed too: reading every row of every audited table and hashing
each as the replay does (`row_digest`'s form), with nothing compared. The
replay's ratio to it is what folding the log and comparing adds; the rest is
what any check of every record against a digest pays. Hashing only rows
changed since the last check is no way under it: a row edited behind the
app's back carries no mark of the change (its `seq` and `updated_at` are as
the editor leaves them), so only hashing it finds it.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop import demo, demo_township
from desktop.paths import AppPaths
from desktop.services import integrity_service, setup_service
from desktop.services.session import cli_session
from desktop.storage import open_store
from models import audit, audit_replay
from models.db import close_database, database


def _before() -> None:
    """The check of the pre-issue main: integrity, foreign keys, the chain."""
    database.execute_sql("PRAGMA integrity_check").fetchall()
    database.execute_sql("PRAGMA foreign_key_check").fetchall()
    audit.verify_chain()


def _floor() -> None:
    """Read every row of every audited table and hash it as `audit_replay.row_digest` does."""
    sha256 = hashlib.sha256
    for table in audit_replay.audited_tables():
        prefix = (table,)
        for row in database.execute_sql(f'SELECT * FROM "{table}"'):
            sha256(ascii(prefix + row).encode("ascii")).hexdigest()[:16]


def _times(runs: int, job: Callable[[], object]) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        out.append(time.perf_counter() - started)
    return out


def _measure(label: str, paths: AppPaths, runs: int) -> list[tuple[str, float, float, str]]:
    open_store(paths, backup_before_migration=False)
    try:
        report = integrity_service.run_check()
        assert report.ok, [str(line) for line in report.lines()]
        jobs = {"before": _before, "after": integrity_service.run_check, "replay": audit_replay.replay,
                "floor": _floor}
        times: dict[str, list[float]] = {name: [] for name in jobs}
        for _ in range(runs):  # interleaved, so machine noise hits all alike
            for name, job in jobs.items():
                times[name] += _times(1, job)
        before, after, replay, floor = (statistics.median(times[name]) for name in jobs)
    finally:
        close_database()
    return [
        (f"{label}: check before the replay (baseline)", before, 1.0, ""),
        (f"{label}: check with the replay", after, after / before,
         f"{report.replay.records} records, {report.audit_rows} audit rows; goal ratio <= 3"),
        (f"{label}:   the replay alone", replay, replay / before,
         f"{replay / floor:.2f}x its floor (every row read and hashed, nothing compared)"),
        (f"{label}:   floor: read and hash every row", floor, floor / before, ""),
    ]


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """`check` on the 10-year demo village and a 30-village township, before and with the replay."""
    runs = max(3, min(runs, 10))
    villages = int(os.environ.get("CUNWU_BENCH_CHECK_VILLAGES", "30"))
    rows = []
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-check-") as tmp:
        village = AppPaths(Path(tmp) / "村")
        close_database()
        open_store(village, backup_before_migration=False)
        setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
        demo.fill_village(cli_session("village"), years=10)
        close_database()
        rows += _measure("village, 10 years", village, runs)

        township = AppPaths(Path(tmp) / "乡镇")
        open_store(township, backup_before_migration=False)
        setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
        demo_township.fill_township(cli_session("township"), township, villages=villages)
        close_database()
        rows += _measure(f"township, {villages} villages", township, runs)
    return rows
