"""Half-written files that an interrupted write left in the data folder, removed at start.

Every file cunwu writes in its data folder goes to a temporary name first,
is flushed and then renamed (backups `*.partial`, attachments `*.partial`
and `*.part`, the restore's `cunwu.sqlite3.restoring`, counters, keys and
settings `*.tmp`, drafts `.draft-*.tmp`). A crash, a kill or a power cut
between the two leaves the temporary file: never mistaken for a good one,
but it takes space (a half database copy can be hundreds of MB) and
confuses a person looking in the folder.

Only the process that holds the folder's lock (`desktop.folder_lock`) may
clean: then no other write of the folder is in progress. A backup made by
`cunwu backup` (which runs beside the window, without the lock) can be
writing into the backups folder, so a `*.partial` there is removed only
once it is older than any backup takes.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from desktop.paths import AppPaths

log = logging.getLogger(__name__)

#: A backup's `.partial` untouched this long is a leftover, not a copy in progress.
BACKUP_STALE_SECONDS = 60 * 60


def _candidates(paths: AppPaths) -> list[tuple[Path, float]]:
    """(file, minimum age in seconds) for every temporary name cunwu writes in the data folder."""
    restoring = paths.database.with_name(paths.database.name + ".restoring")
    found: list[tuple[Path, float]] = [(restoring, 0), (restoring.with_name(restoring.name + "-journal"), 0)]
    found += [(p, 0) for p in paths.data_dir.glob("*.tmp")]  # settings.tmp, sync-counters.json.tmp
    found += [(p, BACKUP_STALE_SECONDS) for p in paths.backups.glob("*.partial")]
    found += [(p, 0) for p in paths.keys.glob("*.tmp")]
    found += [(p, 0) for p in paths.drafts.glob(".draft-*.tmp")]
    found += [(p, 0) for p in _unfinished_attachments(paths.attachments)]
    return found


#: What an interrupted write leaves in the attachments folder (`Path.rglob`'s patterns before).
_UNFINISHED = (".partial", ".part")


def _unfinished_attachments(folder: Path) -> list[Path]:
    """Every `*.partial` / `*.part` file under the attachments folder, at any depth.

    One `os.walk` comparing name endings: the folder holds every attachment a
    village ever stored (tens of thousands of files in 256 subfolders), and
    it is walked at every start; two `Path.rglob` passes took 3-4 times as
    long (tests/bench/bench_folder_start.py). A folder that is missing or
    cannot be read is skipped, as rglob skipped it.
    """
    found = []
    for dirpath, _dirs, files in os.walk(folder):
        found += [Path(dirpath, name) for name in files if name.endswith(_UNFINISHED)]
    return found


def clean(paths: AppPaths, now: float | None = None) -> list[Path]:
    """Remove the leftovers of interrupted writes; returns what was removed.

    The caller holds the folder's lock. A file that cannot be removed is
    logged and left: cleaning never stops a start.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        candidates = _candidates(paths)
    except OSError as exc:
        log.warning("could not look for leftovers in %s: %s", paths.data_dir, exc)
        return removed
    for path, min_age in candidates:
        try:
            if not path.is_file() or now - path.stat().st_mtime < min_age:
                continue
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("could not remove the leftover %s: %s", path, exc)
    if removed:
        log.info("removed leftovers of interrupted writes: %s", [str(p) for p in removed])
    return removed
