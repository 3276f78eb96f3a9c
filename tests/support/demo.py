"""The demo village and the demo township for tests: built once per session, copied per test.

Each function makes the test's open database (the `store` fixture's empty folder)
a copy of a template built by `desktop.demo` / `desktop.demo_township` through
the real services, exactly as the test used to build it itself.
"""

from __future__ import annotations

from pathlib import Path

from desktop.demo import DEMO_PASSWORD
from desktop.paths import AppPaths
from desktop.services import auth_service, setup_service
from desktop.services.session import Session, cli_session
from desktop.storage import open_store
from tests.support import templates
from tests.support.sites import ADMIN_PASSWORD, TOWNSHIP_CODE, VILLAGE_CODE


def _open(root: Path) -> AppPaths:
    paths = AppPaths(root / "data")
    open_store(paths, backup_before_migration=False)
    return paths


def _into_open_store(key: tuple, build) -> Session:
    """Replace the open, empty database with a copy of the template `key`; its session."""
    paths = templates.open_paths()
    if setup_service.current() is not None:
        raise RuntimeError("the demo goes into an empty database only")
    made = templates.template(key, build)
    templates.copy_data_folder(made.root / "data", paths)
    return made.result


def demo_village(years: int = 1, province: str = "zhejiang") -> Session:
    """The open database becomes 青山村 with `years` of demo history; returns admin's session.

    Built as `setup_service.initialize` then `demo.fill_village` from the command line,
    so every demo login (admin, wenshu, jianwei) has the password `demo1234`.
    """
    def build(root: Path) -> Session:
        from desktop.demo import fill_village

        _open(root)
        setup_service.initialize("village", "青山村", VILLAGE_CODE, province)
        fill_village(cli_session("village"), years=years)
        return auth_service.login("admin", DEMO_PASSWORD)

    return _into_open_store(("demo_village", years, province), build)


def supervision_village(province: str | None = None) -> Session:
    """The demo village (its committee records included: three terms, one seat in conflict).

    With `province` the installation's province is changed afterwards (as a person would).
    """
    session = demo_village(years=1)
    if province:
        setup_service.set_province(session, province)
    return session


def demo_login(login: str) -> Session:
    """A demo login of the open demo village: "jianwei" is the committee chair's own (bound to him),
    "wenshu" the secretary's, which records the 村委会's answers."""
    return auth_service.login(login, DEMO_PASSWORD)


def demo_village_with_admin(years: int = 1) -> Session:
    """Like the `village` fixture (admin's password `Admin-1234`) then a demo of `years`.

    The demo adds the other logins (wenshu, jianwei: `demo1234`); returns the
    administrator's session, logged in before the demo ran.
    """
    def build(root: Path) -> Session:
        from desktop.demo import fill_village

        _open(root)
        setup_service.initialize("village", "青山村", VILLAGE_CODE, "zhejiang")
        setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
        admin = auth_service.login("admin", ADMIN_PASSWORD)
        fill_village(admin, years=years)
        return admin

    return _into_open_store(("demo_village_with_admin", years), build)


def build_demo_township(folder: Path, villages: int, years: int, workers: int = 1) -> None:
    """A 青山镇 data folder at `folder` filled by `demo_township.fill_township` (database closed after)."""
    from desktop import demo_township
    from models.db import close_database

    paths = AppPaths(folder)
    close_database()
    open_store(paths, backup_before_migration=False)
    setup_service.initialize("township", "青山镇", TOWNSHIP_CODE, "zhejiang")
    demo_township.fill_township(cli_session("township"), paths, villages=villages, years=years, workers=workers)
    close_database()


def demo_township(paths: AppPaths, villages: int = 3, years: int = 1) -> Session:
    """A copy of the demo township (built once) at `paths`, opened; returns admin's session."""
    def build(root: Path) -> None:
        build_demo_township(root / "data", villages, years)
        return None

    made = templates.template(("demo_township", villages, years), build)
    templates.copy_data_folder(made.root / "data", paths)
    return auth_service.login("admin", DEMO_PASSWORD)
