"""Read-only helpers the 村规民约 screens run on a worker thread.

A worker thread has no database connection of its own; peewee keeps one per
thread, so the export opens one for the job and closes it after.
"""

from __future__ import annotations

from pathlib import Path

from desktop.reports.rules_diff_xlsx import write_diff_xlsx


def write_diff_xlsx_file(old_id: str, new_id: str, path: Path, only_changes: bool = True) -> Path:
    """The 修订对照表 of two versions as .xlsx (`write_diff_xlsx`), for the 导出 button."""
    return write_diff_xlsx(old_id, new_id, Path(path), only_changes)
