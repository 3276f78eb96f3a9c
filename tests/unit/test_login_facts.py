"""The login facts read before the database layer loads agree with what it would say."""

from __future__ import annotations

import sqlite3

from desktop import login_facts
from desktop.login_facts import LoginFacts
from desktop.services import setup_service
from models import migrations
from models.db import close_database, database
from models.file_format import latest_schema_version


def test_latest_schema_version_is_the_migrations_version():
    assert latest_schema_version() == migrations.SCHEMA_VERSION


def test_ready_installation_gives_name_and_demo_flag(village):
    paths, _ = village
    close_database()
    assert login_facts.read(paths.database) == LoginFacts("青山村", False)


def test_a_demo_installation_says_so(village):
    paths, _ = village
    database.execute_sql("UPDATE installation SET is_demo = 1")
    close_database()
    assert login_facts.read(paths.database) == LoginFacts("青山村", True)


def test_read_while_the_database_is_open_elsewhere(village):
    paths, _ = village  # still open (WAL) in this process, as another window would hold it
    assert login_facts.read(paths.database) == LoginFacts("青山村", False)


def test_no_file_no_facts(paths):
    assert login_facts.read(paths.database) is None
    assert not paths.database.exists()  # reading never creates the file


def test_not_a_database_no_facts(paths):
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"this is not a database" * 100)
    assert login_facts.read(paths.database) is None


def test_another_programs_database_no_facts(paths):
    paths.data_dir.mkdir(parents=True)
    with sqlite3.connect(paths.database) as con:
        con.execute("CREATE TABLE installation (id INTEGER, name TEXT, is_demo INTEGER)")
    assert login_facts.read(paths.database) is None


def test_no_installation_or_no_active_user_no_facts(store):
    close_database()
    assert login_facts.read(store.database) is None  # the wizard decides
    database.connect()
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    close_database()
    assert login_facts.read(store.database) is None  # the administrator page decides


def test_only_inactive_users_no_facts(village):
    paths, _ = village
    database.execute_sql('UPDATE "user" SET active = 0')
    assert not setup_service.has_users()
    close_database()
    assert login_facts.read(paths.database) is None


def test_an_older_schema_no_facts(village):
    paths, _ = village  # a migration (and its backup) must run before anything is shown
    database.execute_sql(f"PRAGMA user_version = {migrations.SCHEMA_VERSION - 1:d}")
    close_database()
    assert login_facts.read(paths.database) is None
