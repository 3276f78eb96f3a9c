"""A township and one of its villages in two real data folders, exchanging real packages.

Used by the exchange page tests and screenshots. The global database is
re-pointed between the two installations with `Pair.use` (close, then
`open_store`), exactly as two PCs would each open their own folder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.paths import AppPaths
from desktop.services import auth_service, exchange_service, people_service, setup_service
from desktop.services.session import Session
from desktop.storage import open_store
from desktop.sync import enrollment
from models.db import close_database

PASSWORD = "Admin-1234"
VILLAGE_CODE, VILLAGE_NAME = "330106001001", "青山村"
TOWNSHIP_CODE, TOWNSHIP_NAME = "330106001", "城关镇"


@dataclass
class Pair:
    """Two installations and a folder standing for the U盘."""

    root: Path
    township: AppPaths
    village: AppPaths
    usb: Path
    setup_file: Path
    township_session: Session
    village_session: Session

    def use(self, which: str) -> AppPaths:
        """Point the database at the township ("t") or the village ("v")."""
        paths = self.township if which == "t" else self.village
        close_database()
        open_store(paths, backup_before_migration=False)
        return paths

    def snapshot_village(self, name: str) -> Path:
        """Copy the village's data folder (as a backup it could later be restored from)."""
        close_database()
        target = self.root / name
        shutil.copytree(self.village.data_dir, target)
        return target

    def restore_village(self, copy: Path) -> None:
        """Put a copied village data folder back in place (database closed)."""
        close_database()
        shutil.rmtree(self.village.data_dir)
        shutil.copytree(copy, self.village.data_dir)


def make_pair(root: Path, enroll: bool = True) -> Pair:
    """A township that enrolled 青山村, and the village initialized from its 入网文件.

    With `enroll=False` the village is a plain installation (no township yet)
    and the setup file is still written. The database is left on the village.
    """
    root.mkdir(parents=True, exist_ok=True)
    usb = root / "usb"
    usb.mkdir()
    t_paths, v_paths = AppPaths(root / "township"), AppPaths(root / "village")
    close_database()
    open_store(t_paths, backup_before_migration=False)
    setup_service.initialize("township", TOWNSHIP_NAME, TOWNSHIP_CODE, "zhejiang")
    setup_service.create_user(None, "admin", "乡镇管理员", "township_admin", PASSWORD, PASSWORD)
    t_session = auth_service.login("admin", PASSWORD)
    setup_file = enrollment.enroll_village(t_session, t_paths, VILLAGE_CODE, VILLAGE_NAME, usb)
    close_database()
    open_store(v_paths, backup_before_migration=False)
    if enroll:
        enrollment.initialize_from_setup(setup_file)
    else:
        setup_service.initialize("village", VILLAGE_NAME, VILLAGE_CODE, "zhejiang")
    setup_service.create_user(None, "admin", "管理员", "admin", PASSWORD, PASSWORD)
    v_session = auth_service.login("admin", PASSWORD)
    return Pair(root, t_paths, v_paths, usb, setup_file, t_session, v_session)


def add_people(session: Session, *names: str) -> list:
    """Register people in the current installation (village records that travel)."""
    return [people_service.add_person(session, name, "男") for name in names]


def village_package(pair: Pair, *names: str) -> Path:
    """On the village: add people and export a package to the U盘; returns its path."""
    pair.use("v")
    add_people(pair.village_session, *names)
    return exchange_service.export_in_worker(pair.village_session, pair.village, pair.usb).path


@pytest.fixture
def pair(tmp_path) -> Pair:
    """The enrolled township/village pair; the database is on the village."""
    made = make_pair(tmp_path / "pair")
    yield made
    close_database()


def test_the_pair_exchanges_a_package(pair):
    package = village_package(pair, "张三", "李四")
    pair.use("t")
    plan = exchange_service.import_in_worker(pair.township_session, pair.township, package)
    assert plan.total("new") == 2
    assert exchange_service.history(pair.township)[0].status == "imported"
