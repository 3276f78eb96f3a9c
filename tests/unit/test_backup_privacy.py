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


@pytest.mark.parametrize("role", ["committee", "viewer", "village_committee"])
def test_a_login_without_the_backup_permission_gets_no_copy(village, tmp_path, role):
    """The register with its phone numbers is not every login's: the service refuses, no file is left."""
    from desktop.services import backup_service
    from desktop.services.session import Session
    from models.errors import PermissionDenied

    paths, _ = village
    with pytest.raises(PermissionDenied, match="没有这项权限"):
        backup_service.back_up(Session(actor="x", role=role), paths.database, tmp_path / "bk")
    assert not (tmp_path / "bk").exists()


def test_the_secretary_backs_up_and_only_the_administrator_restores(village, tmp_path):
    from desktop.services import backup_service
    from desktop.services.session import Session
    from models.errors import PermissionDenied

    paths, admin = village
    secretary = Session(actor="wenshu", role="secretary")
    made = backup_service.back_up(secretary, paths.database, tmp_path / "bk")
    assert made.exists()
    people_service.add_person(admin, "王建国", "男")
    close_database()
    with pytest.raises(PermissionDenied):
        backup_service.restore(secretary, paths, made)
    open_store(paths)
    assert [p.name for p in people_service.register()] == ["王建国"]  # nothing replaced
    close_database()
    assert backup_service.restore(admin, paths, made) is not None
    open_store(paths)
    assert people_service.register() == []


@posix_only
def test_the_data_folder_it_makes_and_the_database_are_the_owners_only(tmp_path):
    """The live database holds the same register as a backup: 0600, in folders only the owner enters.

    A data folder the person chose that already existed keeps its own mode.
    """
    from desktop.paths import resolve

    old = os.umask(0o022)
    try:
        made = resolve(tmp_path / "新的数据")
        made.ensure()
        open_store(made)
        close_database()
        chosen = tmp_path / "已有的文件夹"
        chosen.mkdir(mode=0o755)
        os.chmod(chosen, 0o755)
        existing = resolve(chosen)
        existing.ensure()
    finally:
        os.umask(old)
    assert mode(made.data_dir) == 0o700 and mode(made.database) == 0o600
    assert all(mode(folder) == 0o700 for folder in (made.drafts, made.logs, made.attachments, made.backups))
    assert mode(existing.data_dir) == 0o755 and mode(existing.drafts) == 0o700
