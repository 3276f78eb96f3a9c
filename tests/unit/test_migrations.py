from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop.storage import DataDirError, open_store
from models import migrations
from models.db import APPLICATION_ID, close_database, database
from models.errors import DatabaseTooNew, MigrationFailed, NotOurDatabase
from models.schema_registry import ALL_MODELS

FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures"


def test_fresh_database_gets_latest_schema_with_our_marks(store):
    assert database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert database.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrated_schema_matches_the_models(store):
    """The frozen SQL and the peewee models must never drift apart."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert columns == expected, table


def test_reopening_applies_nothing(paths):
    assert len(open_store(paths)) == migrations.SCHEMA_VERSION
    close_database()
    assert open_store(paths) == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_v*.sqlite3")), ids=lambda p: p.name)
def test_every_released_database_opens_and_keeps_its_records(paths, fixture):
    paths.ensure()
    shutil.copy(fixture, paths.database)
    open_store(paths)
    from desktop.services import integrity_service, people_service, setup_service

    assert setup_service.current().name in ("青山村", "青山镇")  # v9 is a township's
    assert len(people_service.register()) > 30
    assert integrity_service.run_check().ok


def test_newer_database_is_refused_untouched(paths):
    open_store(paths)
    database.execute_sql(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    close_database()
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseTooNew) as err:
        open_store(paths)
    assert "更新版本" in str(err.value) and "升级" in str(err.value)
    assert paths.database.read_bytes() == before


def test_another_programs_database_is_refused(paths):
    paths.ensure()
    con = sqlite3.connect(paths.database)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(NotOurDatabase) as err:
        open_store(paths)
    assert "不是村务台账的数据库" in str(err.value)
    con = sqlite3.connect(paths.database)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["contacts"]


def test_a_file_that_is_not_sqlite_is_refused(paths):
    paths.ensure()
    paths.database.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 200)
    with pytest.raises(NotOurDatabase):
        open_store(paths)


def test_unwritable_data_folder_gets_a_plain_message(tmp_path):
    from desktop.paths import AppPaths

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DataDirError) as err:
        open_store(AppPaths(blocker / "data"))
    assert "无法写入" in str(err.value)


def test_upgrade_backs_up_first_and_is_atomic(paths, monkeypatch):
    open_store(paths)
    close_database()
    n = migrations.SCHEMA_VERSION
    good = migrations.Migration(n + 1, "good.sql", "CREATE TABLE extra (x INTEGER);")
    bad = migrations.Migration(n + 2, "broken.sql", "CREATE TABLE extra2 (y INTEGER);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [good, bad])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", n + 2)
    with pytest.raises(MigrationFailed) as err:
        open_store(paths)
    assert f"第 {n + 2} 步" in str(err.value) and "撤销" in str(err.value)
    close_database()
    backups = list(paths.backups.glob(f"*before-migration-v{n}*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(paths.database)
    assert con.execute("PRAGMA user_version").fetchone()[0] == n + 1  # good step kept, bad rolled back
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "extra" in tables and "extra2" not in tables


def test_split_statements_keeps_trigger_bodies_whole():
    sql = "CREATE TABLE a (x);\n-- comment\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n SELECT 1;\nEND;\n"
    parts = migrations.split_statements(sql)
    assert len(parts) == 2 and parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")


def test_the_v2_fixture_keeps_its_meetings(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v2.sqlite3", paths.database)
    open_store(paths)
    from desktop.services import meetings_service

    rows = meetings_service.list_meetings()
    assert len(rows) > 10 and all(r.expected >= r.present for r in rows)


def test_the_v3_fixture_keeps_its_rules(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v3.sqlite3", paths.database)
    open_store(paths)
    from desktop.services import rules_service

    versions = [v.status for rs in rules_service.list_rule_sets() for v in rs.versions]
    assert "in_force" in versions and "superseded" in versions  # 2021 text replaced the 2019 one


def test_the_v4_fixture_keeps_its_committee(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v4.sqlite3", paths.database)
    open_store(paths)
    from desktop.services import supervision_service

    assert supervision_service.list_terms() and supervision_service.list_matters()


def test_the_v5_fixture_keeps_its_postings(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v5.sqlite3", paths.database)
    open_store(paths)
    from desktop.services import disclosure_service

    assert disclosure_service.list_items()


def test_the_v6_fixture_keeps_its_own_subjects_and_ad_hoc_items(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v6.sqlite3", paths.database)
    open_store(paths)
    from desktop.services import disclosure_service

    own = [s for s in disclosure_service.subject_catalogue() if not s.builtin]
    assert {s.label for s in own} == {"美丽乡村建设项目", "集体经济收益分配"}
    used = {r.subject for r in disclosure_service.list_items()}
    assert any(s.code in used for s in own)
    fixture_year = int(max(r.period for r in disclosure_service.list_items())[:4])
    ad_hoc = [r for r in disclosure_service.calendar_year(fixture_year) if r.kind == "ad_hoc"]
    assert len(ad_hoc) >= 3 and all(r.item_id for r in ad_hoc)


def test_the_v7_fixture_keeps_its_exchange_history(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v7.sqlite3", paths.database)
    open_store(paths)
    from models.sync.records import PackageLog, Peer

    township = Peer.get_by_id("330106001")
    assert (township.status, township.last_in_no, township.last_out_no, township.out_acked_no) == (
        "active", 1, 1, 1)
    assert sorted((p.direction, p.number, p.status) for p in PackageLog.select()) == [
        ("in", 1, "imported"), ("out", 1, "acknowledged")]


def test_the_v7_fixture_migrates_to_8_with_the_township_tables(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v7.sqlite3", paths.database)
    assert [m.version for m in open_store(paths)] == list(range(8, migrations.SCHEMA_VERSION + 1))
    assert database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    from desktop.services import rules_service
    from models.township.records import RuleFiling, RuleReview, TownshipAnswer

    assert (RuleReview.select().count(), RuleFiling.select().count(), TownshipAnswer.select().count()) == (0, 0, 0)
    # the village-typed opinion and receipt of the fixture still count in the procedure
    statuses = [v.status for rs in rules_service.list_rule_sets() for v in rs.versions]
    assert "in_force" in statuses
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_the_v9_township_fixture_keeps_its_villages_reviews_and_notices(paths):
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v9.sqlite3", paths.database)
    open_store(paths)
    from desktop.services import compliance_service, notice_service
    from models.sync.records import Peer
    from models.township.records import RuleReview

    assert Peer.select().where(Peer.status == "active").count() == 3
    assert [r.opinion for r in RuleReview.select()] == ["agree_after_changes"]
    assert len(notice_service.notices()) == 3
    board = compliance_service.board("2026")
    assert len(board.villages) == 3 and not board.empty
