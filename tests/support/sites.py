"""Two real installations (a township and its village) in tmp_path, exchanging real packages.

Only one database is open at a time in a process (`models.db.database` is
global): `Site.use()` / `Pair.use()` close the other and open this one, exactly
as two PCs would each open their own folder.

Two shapes of the same pair, both built once per session (`templates`) and
copied into the test's folder:
- `make_pair`: 青山镇 and 青山村 acting from the command line (`Site`), the
  village optionally filled with the demo — the sync and compliance tests.
- `make_login_pair`: 城关镇 and 青山村 with an administrator each, logged in
  (`Pair`) — the GUI exchange tests.

`township_with_villages` is the township side at scale: several villages, each
filled by the test, their packages imported.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import AppPaths
from desktop.services.session import Session, cli_session
from desktop.storage import open_store
from models.db import close_database
from models.sync.policy import SYNCED_TABLES
from tests.support import templates
from tests.support.first_contact import genuine

TOWNSHIP_CODE, VILLAGE_CODE = "330106001", "330106001001"
VILLAGE_NAME = "青山村"
TOWNSHIP_NAME = "城关镇"  # of the login pair (`make_pair`'s township is 青山镇)
#: The password of every administrator the fixtures create (the demo's logins use `demo.DEMO_PASSWORD`).
ADMIN_PASSWORD = "Admin-1234"
PASSWORD = ADMIN_PASSWORD  # the name the exchange GUI tests use


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


def _enrol(township: AppPaths, village: AppPaths, usb: Path, township_name: str, enroll: bool = True,
           admins: bool = False) -> tuple[Path, Session | None, Session | None]:
    """The one way a pair is made: the township enrols 青山村, the village starts from that file.

    With `enroll=False` the village is a plain installation (no township yet) and the
    setup file is still written. With `admins` each side gets an administrator
    (`ADMIN_PASSWORD`) and is logged in; returns (setup file, township and village
    sessions). The database is left open on the village.
    """
    from desktop.services import auth_service, setup_service
    from desktop.sync import enrollment

    usb.mkdir(parents=True)
    close_database()
    open_store(township, backup_before_migration=False)
    setup_service.initialize("township", township_name, TOWNSHIP_CODE, "zhejiang")
    t_session = v_session = None
    if admins:
        setup_service.create_user(None, "admin", "乡镇管理员", "township_admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
        t_session = auth_service.login("admin", ADMIN_PASSWORD)
    setup_file = enrollment.enroll_village(t_session or cli_session("township"), township, VILLAGE_CODE,
                                           VILLAGE_NAME, usb)
    close_database()
    open_store(village, backup_before_migration=False)
    if enroll:
        enrollment.initialize_from_setup(setup_file)
    else:
        setup_service.initialize("village", VILLAGE_NAME, VILLAGE_CODE, "zhejiang")
    if admins:
        setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
        v_session = auth_service.login("admin", ADMIN_PASSWORD)
    return setup_file, t_session, v_session


def make_pair(root: Path, years: int = 1, demo: bool = True) -> tuple[Site, Site, Path]:
    """青山镇 that enrolled 青山村, the village initialised from its setup package (database closed).

    With `demo` the village holds `years` of demo history (built from the command line).
    Returns (township, village, U盘 folder).
    """
    def build(into: Path) -> None:
        from desktop import demo as demo_mod

        _enrol(AppPaths(into / "乡镇"), AppPaths(into / "村"), into / "U盘", "青山镇")
        if demo:
            demo_mod.fill_village(cli_session("village"), years=years)

    templates.copy_tree(templates.template(("pair", years, demo), build), root)
    return Site(AppPaths(root / "乡镇"), "township"), Site(AppPaths(root / "村"), "village"), root / "U盘"


def township_with_villages(root: Path, villages: Sequence[tuple[str, str]],
                           fill: Callable[[int, Session], bool | None], key: Hashable | None = None
                           ) -> tuple[Site, Session]:
    """青山镇 with its villages' packages imported the real way; the township's database open.

    The township enrols each (code, name) of `villages`; each village starts from
    its 入网文件 in `root/<code>`, `fill(index, session)` adds its records, and it
    exports one package to `root/U盘` — unless `fill` returns False (a village that
    never sent anything). The township (`root/乡镇`) imports the packages in order.
    With `key` the whole tree is built once per session and copied (`fill` must then
    make the same records every time). Returns (township, its CLI session).
    """
    def build(into: Path) -> None:
        from desktop.services import setup_service
        from desktop.sync import enrollment, exporter, importer
        from tests.support.first_contact import confirmed_by

        usb = into / "U盘"
        usb.mkdir(parents=True)
        township = Site(AppPaths(into / "乡镇"), "township")
        session = township.use()
        setup_service.initialize("township", "青山镇", TOWNSHIP_CODE, "zhejiang")
        setups = [enrollment.enroll_village(session, township.paths, code, name, usb) for code, name in villages]
        packages = []
        for i, ((code, _name), setup_file) in enumerate(zip(villages, setups, strict=True)):
            village = Site(AppPaths(into / code), "village")
            session = village.use()
            enrollment.initialize_from_setup(setup_file)
            if fill(i, session) is not False:
                packages.append((exporter.export_package(session, village.paths, usb).path, village.paths))
        session = township.use()
        for path, sender in packages:
            importer.apply_import(session, path, township.paths, backup=False, confirm=confirmed_by(sender))
        close_database()

    if key is None:
        build(root)
    else:
        templates.copy_tree(templates.template(("township_with_villages", key), build), root)
    township = Site(AppPaths(root / "乡镇"), "township")
    return township, township.use()


@dataclass
class Pair:
    """Two installations with a logged-in administrator each, and a folder standing for the U盘."""

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


def make_login_pair(root: Path, enroll: bool = True) -> Pair:
    """城关镇 that enrolled 青山村, and the village initialized from its 入网文件; both logged in.

    With `enroll=False` the village is a plain installation (no township yet)
    and the setup file is still written. The database is left on the village.
    """
    def build(into: Path) -> tuple[Path, Session, Session]:
        setup_file, t_session, v_session = _enrol(AppPaths(into / "township"), AppPaths(into / "village"),
                                                  into / "usb", TOWNSHIP_NAME, enroll=enroll, admins=True)
        return setup_file.relative_to(into), t_session, v_session

    made = templates.template(("login_pair", enroll), build)
    templates.copy_tree(made, root)
    setup_file, t_session, v_session = made.result
    pair = Pair(root, AppPaths(root / "township"), AppPaths(root / "village"), root / "usb", root / setup_file,
                t_session, v_session)
    pair.use("v")
    return pair


def add_people(session: Session, *names: str) -> list:
    """Register people in the current installation (village records that travel)."""
    from desktop.services import people_service

    return [people_service.add_person(session, name, "男") for name in names]


def village_package(pair: Pair, *names: str) -> Path:
    """On the village: add people and export a package to the U盘; returns its path."""
    from desktop.services import exchange_service

    pair.use("v")
    add_people(pair.village_session, *names)
    return exchange_service.export_package(pair.village_session, pair.village, pair.usb).path


#: Package written by `export_to` → the data folder that wrote it (whose key files give its fingerprint).
_WRITTEN_BY: dict[Path, AppPaths] = {}


def export_to(site: Site, folder: Path, **kw):
    """On `site`: export the next package into `folder` (the database closed afterwards)."""
    from desktop.sync import exporter

    session = site.use()
    try:
        result = exporter.export_package(session, site.paths, folder, **kw)
        _WRITTEN_BY[Path(result.path).resolve()] = site.paths
        return result
    finally:
        close_database()


def import_into(site: Site, path: Path, sender: AppPaths | None = None):
    """On `site`: import the package at `path` without the backup (the database closed afterwards).

    A first package is confirmed with the genuine fingerprint of `sender`
    (by default the installation whose `export_to` wrote `path`), read from
    its own key files as its secretary would read it out; a package no
    fixture wrote (a forged one) is imported with nothing confirmed.
    """
    from desktop.sync import importer
    from tests.support.first_contact import confirmed_by

    sender = sender or _WRITTEN_BY.get(Path(path).resolve())
    session = site.use()
    try:
        return importer.apply_import(session, path, site.paths, backup=False,
                                     confirm=confirmed_by(sender))
    finally:
        close_database()


def village_beside(township: Site) -> AppPaths:
    """The village `make_pair` made beside `township` (its key files give the genuine fingerprint)."""
    return AppPaths(township.paths.data_dir.parent / "村")


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


def same_owner_conflict(pair: Pair, tmp_path: Path) -> str:
    """The village restores an old backup and edits the same person differently: a same-owner conflict.

    Returns the person's id; the database is left on the township, which holds the conflict.
    """
    from desktop.services import exchange_service, record_store
    from models.entities import Person

    pair.use("v")
    [person] = add_people(pair.village_session, "张三")
    first = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    backup = pair.snapshot_village("village-backup")
    pair.use("v")
    record_store.update(pair.village_session, Person.get_by_id(person.id), name="张三丰")
    second = exchange_service.export_package(pair.village_session, pair.village, tmp_path).path
    pair.use("t")
    for package in (first, second):
        exchange_service.import_package(pair.township_session, pair.township, package,
                                        fingerprint=genuine(pair.village))
    pair.restore_village(backup)
    pair.use("v")
    record_store.update(pair.village_session, Person.get_by_id(person.id), name="张小三")
    third = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, third, fingerprint=genuine(pair.village))
    return person.id
