"""Importing several packages at once (issue 14): one backup for the batch, every other guarantee kept."""

from __future__ import annotations

import shutil

import pytest

from desktop import backup
from desktop.services import exchange_service, people_service
from desktop.sync import importer
from models.db import close_database
from models.errors import BackupError, PackageRefused
from tests.support.first_contact import genuine
from tests.support.sites import (
    VILLAGE_CODE,
    canonical_dump,
    export_to,
    full_dump,
    make_pair,
)


@pytest.fixture
def world(tmp_path):
    """A township and its village, the village's first package and two incremental ones, and a broken one."""
    township, village, usb = make_pair(tmp_path, years=1)
    packages = []
    for n in range(3):
        if n:
            session = village.use()
            people_service.add_person(session, f"新村民{n}", "男")
            close_database()
        folder = usb / f"第{n}次"
        folder.mkdir()
        packages.append(export_to(village, folder).path)
    broken = usb / "坏的.cwpkg"
    broken.write_bytes(packages[1].read_bytes()[:-200])  # cut short: a stick pulled too early
    return township, village, packages, broken


def typed(village) -> dict[str, str]:
    """What the person at the township typed for 青山村 after the phone call (its genuine fingerprint)."""
    return {VILLAGE_CODE: genuine(village.paths)}


def _before_imports(township) -> list[str]:
    close_database()
    return full_dump(township.paths.database)


def test_a_batch_takes_one_backup_reports_the_refused_one_and_restores_to_before_it(world):
    township, village, packages, broken = world
    before = _before_imports(township)
    session = township.use()
    ticks = []
    result = exchange_service.import_packages(session, township.paths, [packages[0], broken, *packages[1:]],
                                              progress=lambda done, total: ticks.append((done, total)),
                                              fingerprints=typed(village))
    close_database()

    made = list(township.paths.backups.glob("*before-import*"))
    assert made == [result.backup], "exactly one backup for the batch"
    assert [o.ok for o in result.outcomes] == [True, False, True, True] and not result.cancelled
    assert result.refused[0].path == broken and isinstance(result.refused[0].error, PackageRefused)
    assert {"person"} <= result.changed_tables
    assert ticks[0] == (0, 4) and ticks[-1] == (4, 4)
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == canonical_dump(village.paths.database,
                                                                                   VILLAGE_CODE)
    # the refusal is in the history, the backup is a restore point before the batch
    township.use()
    assert any(r.file_name == broken.name and r.status == "refused"
               for r in exchange_service.history(township.paths))
    close_database()
    assert full_dump(result.backup) == before
    backup.restore(result.backup, township.paths.database, township.paths.backups)
    assert full_dump(township.paths.database) == before


def test_refused_and_already_imported_packages_write_nothing_and_take_no_backup(world):
    township, village, packages, broken = world
    exchange_service.import_package(township.use(), township.paths, packages[0], batch=None,
                                    fingerprint=genuine(village.paths))
    before = _before_imports(township)
    for old in township.paths.backups.glob("*"):
        old.unlink()
    session = township.use()
    result = exchange_service.import_packages(session, township.paths, [broken, packages[0], broken])
    close_database()
    assert [o.ok for o in result.outcomes] == [False, True, False]
    assert result.outcomes[1].plan.already_imported
    assert result.backup is None and not list(township.paths.backups.glob("*"))
    assert result.changed_tables == frozenset()
    assert full_dump(township.paths.database) == before


def test_packages_previewed_one_by_one_share_the_batch_backup(world):
    township, village, packages, _broken = world
    session = township.use()
    batch = exchange_service.start_import_batch(township.paths)
    for package in packages:
        importer.plan_import(package, township.paths)  # the preview the page shows first
        exchange_service.import_package(session, township.paths, package, batch, fingerprint=genuine(village.paths))
    close_database()
    assert list(township.paths.backups.glob("*before-import*")) == [batch.path]


def test_cancel_stops_before_the_next_package(world):
    township, village, packages, _broken = world
    session = township.use()
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    result = exchange_service.import_packages(session, township.paths, packages, cancelled=cancelled,
                                              fingerprints=typed(village))
    close_database()
    assert result.cancelled and [o.path for o in result.outcomes] == packages[:1]
    assert len(list(township.paths.backups.glob("*before-import*"))) == 1


def test_no_backup_possible_means_nothing_is_imported(world):
    township, village, packages, _broken = world
    before = _before_imports(township)
    session = township.use()
    shutil.rmtree(township.paths.backups, ignore_errors=True)
    township.paths.backups.write_text("不是文件夹")  # the backups folder cannot be made
    result = exchange_service.import_packages(session, township.paths, packages[:2], fingerprints=typed(village))
    close_database()
    assert [type(o.error) for o in result.outcomes] == [BackupError, BackupError]
    assert result.outcomes[0].error is result.outcomes[1].error, "the copy is not tried again"
    assert result.backup is None
    assert full_dump(township.paths.database) == before
    assert canonical_dump(township.paths.database, VILLAGE_CODE) == {}


def test_only_the_newest_restore_points_before_imports_are_kept(tmp_path):
    """Each batch leaves a whole copy of the database: older ones are removed, others never."""
    from desktop import backup
    from desktop.paths import AppPaths
    from desktop.storage import open_store
    from desktop.sync.import_backup import REASON, ImportBackup

    paths = AppPaths(tmp_path / "data")
    open_store(paths)
    paths.backups.mkdir(parents=True, exist_ok=True)
    for day in range(1, 9):
        (paths.backups / f"cunwu-202601{day:02d}-080000-{REASON}.sqlite3").write_bytes(b"x")
    (paths.backups / "cunwu-20260101-070000-manual.sqlite3").write_bytes(b"x")
    made = ImportBackup(paths).ensure()
    left = backup.list_backups(paths.backups)
    before_import = [b.path for b in left if b.reason == REASON]
    assert len(before_import) == backup.KEEP_BEFORE_IMPORT and made in before_import
    assert any(b.reason == "manual" for b in left)


def test_one_cunwu_import_of_several_packages_takes_one_backup(world, capsys):
    """issue 20: `cunwu import A B C` is one batch, so one restore point before its first package."""
    import json

    from desktop import cli

    township, village, packages, _broken = world
    code = cli.main(["--data-dir", str(township.paths.data_dir), "--json", "import", "--yes",
                     "--fingerprint", genuine(village.paths), *map(str, packages)])
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and [p["ok"] for p in result["packages"]] == [True, True, True]
    made = [b.path for b in backup.list_backups(township.paths.backups) if b.reason == "before-import"]
    assert [str(p) for p in made] == [result["backup"]], "exactly one backup for the batch"
