"""Shared fixtures: every test gets its own real SQLite file under tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.paths import AppPaths  # noqa: E402
from models.db import close_database  # noqa: E402


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    """A fresh data folder (nothing opened yet)."""
    return AppPaths(tmp_path / "data")


@pytest.fixture
def store(paths):
    """An opened, migrated, empty database in `paths`."""
    from desktop.storage import open_store

    open_store(paths)
    yield paths
    close_database()


@pytest.fixture
def village(store):
    """A village installation with an administrator; yields (paths, admin session)."""
    from desktop.services import auth_service, setup_service

    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    setup_service.create_user(None, "admin", "管理员", "admin", "Admin-1234", "Admin-1234")
    return store, auth_service.login("admin", "Admin-1234")


@pytest.fixture(autouse=True)
def _close_db_after_test():
    yield
    close_database()
