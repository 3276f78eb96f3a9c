"""Two real installations (a township and its village) in tmp_path, for the exchange tests.

Only one database is open at a time in a process (`models.db.database` is
global): `Site.use()` closes the other and opens this one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import AppPaths
from desktop.services.session import Session, cli_session
from desktop.storage import open_store
from models.db import close_database
from models.sync.policy import SYNCED_TABLES

TOWNSHIP_CODE, VILLAGE_CODE = "330106001", "330106001001"
#: The password of every administrator the fixtures create (the demo's logins use `demo.DEMO_PASSWORD`).
ADMIN_PASSWORD = "Admin-1234"


@dataclass
class Site:
    """One installation's data folder."""

    paths: AppPaths
    mode: str

    def use(self) -> Session:
        """Make this installation's database the open one; returns its CLI session."""
        close_database()
        open_store(self.paths, backup_before_migration=False)
        return cli_session(self.mode)


def make_pair(root: Path, years: int = 1, demo: bool = True) -> tuple[Site, Site, Path]:
    """A township that enrolled a village, the village initialised from its setup package."""
    from desktop import demo as demo_mod
    from desktop.services import setup_service
    from desktop.sync import enrollment

    usb = root / "U盘"
    usb.mkdir(parents=True)
    township = Site(AppPaths(root / "乡镇"), "township")
    village = Site(AppPaths(root / "村"), "village")
    session = township.use()
    setup_service.initialize("township", "青山镇", TOWNSHIP_CODE, "zhejiang")
    setup_file = enrollment.enroll_village(session, township.paths, VILLAGE_CODE, "青山村", usb)
    session = village.use()
    enrollment.initialize_from_setup(setup_file)
    if demo:
        demo_mod.fill_village(session, years=years)
    close_database()
    return township, village, usb


def export_to(site: Site, folder: Path, **kw):
    """On `site`: export the next package into `folder` (the database closed afterwards)."""
    from desktop.sync import exporter

    session = site.use()
    try:
        return exporter.export_package(session, site.paths, folder, **kw)
    finally:
        close_database()


def import_into(site: Site, path: Path):
    """On `site`: import the package at `path` without the backup (the database closed afterwards)."""
    from desktop.sync import importer

    session = site.use()
    try:
        return importer.apply_import(session, path, site.paths, backup=False)
    finally:
        close_database()


def canonical_dump(database_path: Path, owner: str) -> dict[str, list[tuple]]:
    """Every synced record of `owner`, all columns, sorted by id (read with plain sqlite3)."""
    con = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True)
    try:
        out = {}
        for table in SYNCED_TABLES:
            rows = con.execute(f'SELECT * FROM "{table}" WHERE owner = ? ORDER BY id', (owner,)).fetchall()
            if rows:
                out[table] = rows
        return out
    finally:
        con.close()


def full_dump(database_path: Path) -> list[str]:
    """The whole database as SQL text (byte-for-byte comparison of contents)."""
    con = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()
