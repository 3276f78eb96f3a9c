"""Backups are the owner's only (0600 files, 0700 backups folder on Linux), report progress and can be cancelled."""

from __future__ import annotations

import os
import stat
from datetime import datetime

import pytest

from desktop import backup
from desktop.services import people_service
from desktop.storage import open_store
from models.db import close_database
from models.errors import Cancelled

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: the profile's ACL)")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_backup_files_and_the_backups_folder_are_the_owners_only(village, tmp_path):
    paths, admin = village
    old = os.umask(0o022)  # a usual umask would leave 0644 files
    try:
        manual = backup.create_backup(paths.database, tmp_path / "新文件夹", "manual")
        daily = backup.auto_backup(paths.database, paths.backups, datetime(2026, 12, 4, 9))
        people_service.add_person(admin, "王建国", "男")
        close_database()
        previous = backup.restore(manual, paths.database, paths.backups)
    finally:
        os.umask(old)
    assert mode(manual) == mode(daily) == mode(previous) == 0o600
    assert mode(manual.parent) == 0o700  # a folder the backup made
    assert mode(paths.backups) == 0o700
    assert mode(paths.database) == 0o600  # the restored database is a copy of a backup: the same
    open_store(paths)
    assert mode(paths.backups) == 0o700


@posix_only
def test_an_existing_folder_chosen_for_a_backup_keeps_its_mode(village, tmp_path):
    paths, _ = village
    stick = tmp_path / "U盘"
    stick.mkdir(mode=0o755)
    os.chmod(stick, 0o755)
    made = backup.create_backup(paths.database, stick, "manual")
    assert mode(stick) == 0o755 and mode(made) == 0o600


def test_progress_is_reported_in_pages(village, tmp_path):
    paths, _ = village
    seen = []
    backup.create_backup(paths.database, tmp_path / "bk", progress=lambda done, total: seen.append((done, total)))
    total = backup.page_count(paths.database)
    assert seen and seen[-1] == (total, total)


def test_a_cancelled_backup_leaves_nothing(village, tmp_path):
    paths, _ = village
    with pytest.raises(Cancelled):
        backup.create_backup(paths.database, tmp_path / "bk", cancelled=lambda: True)
    assert list((tmp_path / "bk").iterdir()) == []


def test_a_cancelled_restore_changes_nothing(village, tmp_path):
    paths, admin = village
    made = backup.create_backup(paths.database, tmp_path / "bk")
    people_service.add_person(admin, "王建国", "男")
    close_database()
    before = paths.database.read_bytes()
    steps = []

    def cancelled() -> bool:
        steps.append(1)
        return len(steps) > 1  # the safety copy goes through, the restore copy is cancelled

    with pytest.raises(Cancelled):
        backup.restore(made, paths.database, paths.backups, cancelled=cancelled)
    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("*before-restore*"))  # no safety copy of a restore that did not happen
    assert not list(paths.data_dir.glob("*.restoring"))
