"""`cunwu check` benchmark (issue 16): the audit replay against the check as it was before it.

Two databases, built once per run by the demos: the 10-year demo village
(`demo.fill_village`) and a township with 30 demo villages imported
(`demo_township.fill_township`, `CUNWU_BENCH_CHECK_VILLAGES` to change it).

Baseline, measured in the same process on the same file: what `check` did
before the replay — SQLite's `integrity_check`, `foreign_key_check` and the
audit chain. Measured: `integrity_service.run_check()` with the replay. The
replay reads every row of every audited table once and hashes each imported
row, so it grows with the records, as `integrity_check` does.
"""

from __future__ import annotations

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
from models import audit
from models.db import close_database, database


def _before() -> None:
    """The check of the pre-issue main: integrity, foreign keys, the chain."""
    database.execute_sql("PRAGMA integrity_check").fetchall()
    database.execute_sql("PRAGMA foreign_key_check").fetchall()
    audit.verify_chain()


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
        before = statistics.median(_times(runs, _before))
        after = statistics.median(_times(runs, integrity_service.run_check))
    finally:
        close_database()
    return [
        (f"{label}: check before the replay (baseline)", before, 1.0, ""),
        (f"{label}: check with the replay", after, after / before,
         f"{report.replay.records} records, {report.audit_rows} audit rows"),
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
