"""The planner's statistics follow the data (issue 20): when `PRAGMA optimize` / ANALYZE run, and when not.

Migration 0017 leaves one sensible plan for every hot lookup even without statistics
(tests/unit/test_query_plans.py), so the statistics only tune; but the issue asks for them
after migrations, after imports and at close. Each case is watched on the real connection with
SQLite's own statement trace (`set_trace_callback`), nothing of ours replaced: an upgrade of a
released file writes `sqlite_stat1`, a close after a committed write runs `PRAGMA optimize`, a
close after reads only runs nothing (the file stays as it was), and a package import runs it
after its write.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.services import people_service
from desktop.storage import open_store
from desktop.sync import importer
from models.db import close_database, database
from tests.support.first_contact import confirmed_by
from tests.support.sites import export_to, make_pair

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OPTIMIZE = "PRAGMA optimize"


def _watch() -> list[str]:
    """Every statement the open connection runs from now on (its last act at close included)."""
    seen: list[str] = []
    database.connection().set_trace_callback(seen.append)
    return seen


def test_an_upgraded_database_gets_statistics(paths):
    """A released file (v9, a township) has none; after the upgrade the planner has them."""
    paths.ensure()
    shutil.copy(FIXTURES / "schema_v9.sqlite3", paths.database)
    open_store(paths, backup_before_migration=False)
    indexes = {idx for (idx,) in database.execute_sql("SELECT idx FROM sqlite_stat1")}
    assert "person_owner" in indexes  # the township's register of every village's people
    assert "meeting_attendance_meeting_id" in indexes  # rebuilt by 0017, led by its key


def test_close_runs_optimize_after_a_committed_write_and_not_after_reads(village):
    paths, session = village
    close_database()
    open_store(paths, backup_before_migration=False)
    seen = _watch()
    people_service.register()
    close_database()
    assert not any(OPTIMIZE in s for s in seen), "a session that only read leaves the file as it was"

    open_store(paths, backup_before_migration=False)
    seen = _watch()
    people_service.add_person(session, "新村民", "男")
    close_database()
    assert OPTIMIZE in seen


def test_a_package_import_runs_optimize_after_its_write_on_the_open_connection(tmp_path):
    """Not only at close: a township that keeps its window open after an import plans with fresh statistics.

    (A batch, `exchange_service.import_packages`, also closes its worker's connection at the end,
    which runs it again where the batch wrote.)
    """
    township, village, usb = make_pair(tmp_path, years=1, demo=False)
    package = export_to(village, usb).path
    session = township.use()
    seen = _watch()
    importer.apply_import(session, package, township.paths, backup=False, confirm=confirmed_by(village.paths))
    assert not database.is_closed()
    writes = [i for i, s in enumerate(seen) if s.lstrip()[:6].upper() in ("INSERT", "UPDATE")]
    assert writes, "the package wrote its rows"
    assert OPTIMIZE in seen[writes[-1]:], "PRAGMA optimize after the package's rows, the connection still open"


def test_a_roster_import_runs_optimize_after_its_people_are_written(village, tmp_path):
    """导入花名册 adds hundreds or thousands of people at once: the statistics follow before the window reads them."""
    from openpyxl import Workbook

    from desktop.services import roster_import

    _paths, admin = village
    wb = Workbook()
    wb.active.append(["姓名", "性别", "出生年月"])
    for row in (["王建国", "男", "1968.03"], ["李秀英", "女", "1972.11"], ["张伟", "男", "1990.05"]):
        wb.active.append(row)
    wb.save(tmp_path / "花名册.xlsx")
    preview = roster_import.preview(tmp_path / "花名册.xlsx")
    seen = _watch()
    assert roster_import.apply(admin, preview).added == 3
    assert not database.is_closed()
    writes = [i for i, s in enumerate(seen) if s.lstrip()[:6].upper() == "INSERT"]
    assert writes and OPTIMIZE in seen[writes[-1]:]
