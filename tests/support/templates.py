"""Expensive data folders built once per test session and copied into each test.

The idea of Anki's `getEmptyCol`: building the demo village takes seconds (thousands
of service calls), copying its closed SQLite file takes milliseconds. The first test
that asks for a template builds it in a session temporary folder; every test gets its
own copy, so no test sees another's writes.

Only one database is open per process (`models.db.database` is global), so a
build closes whatever the test had open and the copy opens the test's own folder.

Under pytest-xdist (`make test` runs two workers) each worker is its own process with
its own `_built`; a template is then built once for the whole run, by the first worker
that asks for it, in a folder beside the workers' temporary folders, under a file lock:
the other workers wait for it and use the same closed folder (they only ever copy it).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.paths import DB_FILENAME, AppPaths
from desktop.services import installation
from desktop.storage import open_store
from models.db import close_database, database

_factory: pytest.TempPathFactory | None = None
_built: dict[Hashable, Template] = {}


@dataclass(frozen=True)
class Template:
    """A finished folder tree and what its builder returned (sessions stay valid in every copy)."""

    root: Path
    result: Any


#: Where the workers of one pytest-xdist run share their templates (None: built in this process only).
_shared: Path | None = None


def configure(factory: pytest.TempPathFactory) -> None:
    """Called once by tests/conftest.py: where the session's templates are built.

    In a pytest-xdist worker (`PYTEST_XDIST_WORKER` set) the templates go beside the
    workers' own temporary folders (`<run>/gw0`, `<run>/gw1`), in `<run>/templates`,
    shared by every worker of this run and by no other run.
    """
    global _factory, _shared
    _factory = factory
    _shared = None
    if os.environ.get("PYTEST_XDIST_WORKER") and _can_lock():
        _shared = factory.getbasetemp().parent / "templates"
        _shared.mkdir(exist_ok=True)


class _Scratch:
    """pytest's `mktemp`, outside pytest: fresh folders under one root."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def mktemp(self, name: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=name, dir=self.root))


def configure_outside_pytest(root: Path) -> None:
    """For the benchmarks (and scripts): build templates under `root`, forgetting earlier ones."""
    global _factory, _shared
    _factory, _shared = _Scratch(root), None  # type: ignore[assignment]  # duck-typed TempPathFactory
    _built.clear()


def template(key: Hashable, build: Callable[[Path], Any]) -> Template:
    """The template for `key`, made by `build(root)` the first time it is asked for.

    `build` fills the empty folder `root` (any layout: one data folder, or a township
    and its village) and returns what the copies need (sessions, paths relative to
    `root`), or None. The database is closed when it returns. Under pytest-xdist the
    first worker to ask builds it for all (`_shared_template`).
    """
    made = _built.get(key)
    if made is None:
        if _factory is None:
            raise RuntimeError("tests.support.templates.configure() was not called (tests/conftest.py)")
        shared = _shared_template(key, build) if _shared is not None else None
        made = _built[key] = shared or _build(key, build, _factory.mktemp("template"))
    return made


def _build(key: Hashable, build: Callable[[Path], Any], root: Path) -> Template:
    close_database()
    started = time.perf_counter()
    try:
        result = build(root)
    finally:
        close_database()
    if os.environ.get("CUNWU_TEMPLATE_LOG"):  # where the suite's time goes: one line per template built
        with open(os.environ["CUNWU_TEMPLATE_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{time.perf_counter() - started:7.1f} s  {key!r}\n")
    return Template(root, result)


def _can_lock() -> bool:
    try:
        import fcntl  # noqa: F401  (POSIX; elsewhere every worker builds its own templates)
    except ImportError:
        return False
    return True


def _shared_template(key: Hashable, build: Callable[[Path], Any]) -> Template | None:
    """The run's template for `key`: built here under the key's lock, or waited for and read.

    The folder `<name>/root` is complete once `<name>/result.pickle` exists (written last,
    by rename). A key whose repr names an object (`<function … at 0x…>`) differs per
    process and so is never shared; a result that cannot be pickled is marked
    `unshared`, and each worker builds its own (returns None).
    """
    import fcntl

    assert _shared is not None
    name = hashlib.sha256(repr(key).encode()).hexdigest()[:20]
    folder = _shared / name
    done, unshared = folder / "result.pickle", folder / "unshared"
    with open(_shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if the build fails
        if done.exists():
            return Template(folder / "root", pickle.loads(done.read_bytes()))
        if unshared.exists():
            return None
        shutil.rmtree(folder, ignore_errors=True)  # a build that failed half-way in another worker
        folder.mkdir()
        made = _build(key, build, folder / "root")
        try:
            data = pickle.dumps(made.result)
        except (pickle.PicklingError, TypeError, AttributeError):
            unshared.touch()
            return made  # only this worker has its result; it uses the folder it built
        partial = folder / "result.pickle.part"
        partial.write_bytes(data)
        partial.replace(done)
        return made


def copy_tree(made: Template, target: Path) -> None:
    """Copy the whole template under `target` (created; the open database is closed first)."""
    close_database()
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(made.root, target, dirs_exist_ok=True)
    installation.forget()


def copy_data_folder(source: Path, paths: AppPaths) -> None:
    """Put the data folder `source` in place at `paths` and open it.

    The database file, its attachments and keys replace the target's; other files
    (settings the test wrote) stay. A stale WAL of the replaced database is removed.
    """
    close_database()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        (paths.data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    shutil.copytree(source, paths.data_dir, dirs_exist_ok=True)
    installation.forget()  # the file was replaced, as by a restore
    open_store(paths, backup_before_migration=False)


def open_paths() -> AppPaths:
    """The data folder of the database that is open now (the test's `store`)."""
    if database.is_closed() or not database.database:
        raise RuntimeError("no database is open: request the `store` fixture first")
    return AppPaths(Path(database.database).parent)


def empty_store(paths: AppPaths) -> None:
    """Open at `paths` a copy of a freshly created, migrated and still empty database.

    Built by `open_store` on an empty folder, as every test's `store` once was
    (its migrations write nothing random into an empty database, so every copy
    is what that call would have made).
    """
    def build(root: Path) -> None:
        open_store(AppPaths(root / "data"))

    made = template("empty_store", build)
    copy_data_folder(made.root / "data", paths)

