"""The installation is read once, yet every change to it takes effect at once.

`record_store.owner_code()` used to SELECT the installation row on every
write; now `desktop.services.installation` keeps it until the row changes
(initialize, 设置 → 省份配置, demo flag) or the file is replaced (restore).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import auth_service, installation, people_service, record_store, setup_service
from desktop.services.session import cli_session
from models.db import database
from models.errors import ValidationError


class _Statements:
    """Counts the SQL statements that read the installation row on this connection."""

    def __init__(self):
        self.count = 0

    def __call__(self, sql: str) -> None:
        if "FROM installation" in sql:
            self.count += 1


@pytest.fixture
def installation_reads(store):
    counter = _Statements()
    database.connection().set_trace_callback(counter)
    yield counter
    database.connection().set_trace_callback(None)


def test_writes_do_not_reread_the_installation(village, installation_reads):
    _paths, session = village
    assert record_store.owner_code() == "330106001001"  # read here (or cached already)
    before = installation_reads.count
    for i in range(5):
        people_service.add_person(session, f"张{i}号", gender="男")
    assert installation_reads.count == before
    assert record_store.owner_code() == "330106001001"


def test_initialize_takes_effect_at_once(store):
    assert installation.current() is None  # cached: nothing yet
    assert record_store.owner_code() == ""
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    assert record_store.owner_code() == "330106001001"
    assert installation.province() == "zhejiang"


def test_a_refused_first_administrator_leaves_no_cached_installation(store):
    assert setup_service.current() is None
    with pytest.raises(ValidationError):  # the login name is refused after the installation row was written
        setup_service.initialize_with_admin("village", "青山村", "330106001001", "zhejiang",
                                            "?", "管理员", "Admin-1234", "Admin-1234")
    assert setup_service.current() is None
    assert record_store.owner_code() == ""


def test_province_change_takes_effect_for_checks_and_sessions(village):
    from desktop.services import disclosure_service

    _paths, session = village
    assert installation.province() == "zhejiang"
    assert disclosure_service.feedback_due_days() == 10
    setup_service.set_province(session, "chongqing")
    assert disclosure_service.feedback_due_days() == 3  # the checks follow at once, same session
    setup_service.set_province(session, "national")
    assert installation.province() == "national"
    assert setup_service.current().province == "national"
    # A session begun after the change carries the new profile; mode and code never change.
    again = auth_service.login("admin", "Admin-1234")
    assert again.installation.province == "national"
    assert (again.installation.mode, again.installation.code) == ("village", "330106001001")


def test_sessions_carry_the_installation(village):
    _paths, session = village
    assert session.installation == setup_service.current()
    assert cli_session("village").installation.code == "330106001001"


def test_a_restored_file_is_read_again(village, tmp_path):
    from desktop import backup
    from desktop.storage import open_store
    from models.db import close_database

    paths, session = village
    copy = backup.create_backup(paths.database, tmp_path / "kept", reason="test")
    setup_service.set_province(session, "national")
    assert installation.province() == "national"
    close_database()
    backup.restore(copy, paths.database, paths.backups)
    open_store(paths, backup_before_migration=False)
    assert installation.province() == "zhejiang"


def test_another_file_opened_at_the_same_path_is_read_again(store, tmp_path):
    import shutil

    from desktop.paths import AppPaths
    from desktop.storage import open_store
    from models.db import close_database

    close_database()
    other = AppPaths(tmp_path / "other")
    open_store(other)
    setup_service.initialize("township", "城关镇", "330106001")
    close_database()
    open_store(store)
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    assert record_store.owner_code() == "330106001001"
    close_database()
    for suffix in ("", "-wal", "-shm"):
        Path(str(store.database) + suffix).unlink(missing_ok=True)
    shutil.copyfile(other.database, store.database)
    open_store(store, backup_before_migration=False)
    assert record_store.owner_code() == "330106001"
    assert setup_service.is_township()
