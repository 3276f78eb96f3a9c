"""Read-only helpers the 村规民约 screens run on a worker thread.

A worker thread has no database connection of its own; peewee keeps one per
thread, so the export opens one for the job and closes it after.
"""

from __future__ import annotations

from pathlib import Path

from desktop.reports.rules_diff_xlsx import write_diff_xlsx
from models.db import database


def write_diff_xlsx_in_worker(old_id: str, new_id: str, path: Path, only_changes: bool = True) -> Path:
    """`write_diff_xlsx` with the calling thread's own connection (reads only)."""
    with database.connection_context():
        return write_diff_xlsx(old_id, new_id, Path(path), only_changes)
