"""What one process per data folder costs at start (issue 16): the lock and the leftovers' cleanup.

Every start of the window and every command that writes takes the folder's
lock (`desktop.folder_lock.acquire`: a file opened, locked, the holder's
text written) and then removes the leftovers of interrupted writes
(`desktop.leftovers.clean`: it globs the data folder, the keys, drafts and
backups, and walks the attachments folder for `*.partial` / `*.part`).
The walk grows with the attachments a village keeps, so it is measured on
the 1-year demo village as it is and with `ATTACHMENTS` stored files added
in the content-addressed layout (ten years of scanned minutes and photos).

Baseline, in the same process, interleaved: opening the same data folder's
database (`open_store` and closing it), which every start pays anyway. The
whole start against a plain PySide6 window is the `startup` benchmark.
"""

from __future__ import annotations

import hashlib
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop import demo, folder_lock, leftovers
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.attachments_service import stored_path
from desktop.services.session import cli_session
from desktop.storage import open_store
from models.db import close_database

#: Stored attachments of the big folder: ~2,000 a year for ten years is a generous village.
ATTACHMENTS = 20_000


def _open(paths: AppPaths) -> None:
    open_store(paths, backup_before_migration=False)
    close_database()


def _lock_and_clean(paths: AppPaths) -> None:
    lock = folder_lock.acquire(paths.data_dir, folder_lock.GUI)
    try:
        leftovers.clean(paths)
    finally:
        lock.release()


def _fill_attachments(paths: AppPaths, count: int) -> None:
    for n in range(count):
        digest = hashlib.sha256(str(n).encode()).hexdigest()
        target = stored_path(paths.attachments, digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"x")


def _seconds(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Lock + cleanup at start, on a small and an attachment-heavy folder, against opening the database."""
    runs = max(5, min(runs, 15)) * 3  # each a few milliseconds: more samples for a steady median
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-folder-") as tmp:
        small, big = AppPaths(Path(tmp) / "small"), AppPaths(Path(tmp) / "big")
        for paths in (small, big):
            close_database()
            open_store(paths, backup_before_migration=False)
            setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
            demo.fill_village(cli_session("village"), years=1)
            close_database()
        _fill_attachments(big, ATTACHMENTS)
        jobs = {"open": lambda: _open(small), "small": lambda: _lock_and_clean(small),
                "big": lambda: _lock_and_clean(big)}
        for job in jobs.values():
            job()  # warm-up: the folders in the page cache
        times: dict[str, list[float]] = {name: [] for name in jobs}
        for _ in range(runs):
            for name, job in jobs.items():
                times[name].append(_seconds(job))
    med = {name: statistics.median(values) for name, values in times.items()}
    base = med["open"]
    return [
        ("open the database at start (baseline)", base, 1.0, f"open_store + close; min {min(times['open']) * 1000:.1f} ms"),
        ("folder lock + leftovers cleanup, demo village", med["small"], med["small"] / base,
         f"min {min(times['small']) * 1000:.2f} ms; goal ratio <= 0.25"),
        (f"folder lock + cleanup, {ATTACHMENTS} attachments", med["big"], med["big"] / base,
         f"min {min(times['big']) * 1000:.1f} ms (the attachments walk; two rglob passes before: ~13x); goal ratio <= 5"),
    ]
