"""Imports and exports killed (SIGKILL) at random moments: never half a database, never a fake package."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.sync import exporter
from desktop.sync import package_format as fmt
from models.db import close_database
from tests.support.first_contact import genuine
from tests.support.sites import VILLAGE_CODE, make_pair

ROOT = Path(__file__).resolve().parents[2]
KILLS = 16

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="SIGKILL")

IMPORT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop.paths import AppPaths
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import first_contact, importer
    paths = AppPaths(Path(sys.argv[1]))
    open_store(paths, backup_before_migration=False)
    print("ready", flush=True)
    importer.apply_import(cli_session("township"), Path(sys.argv[2]), paths, backup=False,
                          confirm=first_contact.confirmer(sys.argv[3]))
    print("done", flush=True)
""")

EXPORT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop.paths import AppPaths
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from desktop.sync import exporter
    paths = AppPaths(Path(sys.argv[1]))
    open_store(paths, backup_before_migration=False)
    print("ready", flush=True)
    exporter.export_package(cli_session("village"), paths, Path(sys.argv[2]), full=True)
    print("done", flush=True)
""")


def _run_and_kill(script: str, args: list[str], delay: float) -> str:
    proc = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return out


def _timed(script: str, args: list[str]) -> float:
    proc = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    out, err = proc.communicate(timeout=120)
    assert "done" in out, err
    return time.perf_counter() - started


def _state(db: Path) -> tuple[str, int, int]:
    con = sqlite3.connect(db)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        people = con.execute("SELECT count(*) FROM person WHERE owner = ?", (VILLAGE_CODE,)).fetchone()[0]
        logged = con.execute("SELECT count(*) FROM package_log WHERE direction = 'in'").fetchone()[0]
        return ok, people, logged
    finally:
        con.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    # The session's one-year pair (shared with the other sync tests): a package of ~2,000 records, its
    # import killed at random moments as well as a three-year one was, without a demo build of its own.
    township, village, usb = make_pair(root, years=1)
    session = village.use()
    package = exporter.export_package(session, village.paths, usb).path
    close_database()
    pristine = root / "pristine.sqlite3"
    township.use()
    close_database()
    shutil.copy(township.paths.database, pristine)
    return township, village, package, pristine


def _reset(db: Path, pristine: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, db)


def test_killed_import_leaves_the_database_wholly_before_or_after(world):
    township, village, package, pristine = world
    db = township.paths.database
    duration = _timed(IMPORT, [str(township.paths.data_dir), str(package), genuine(village.paths)])
    _, people_after, _ = _state(db)
    assert people_after > 30
    rng = random.Random(7)
    seen = {"before": 0, "after": 0}
    for _ in range(KILLS):
        _reset(db, pristine)
        _run_and_kill(IMPORT, [str(township.paths.data_dir), str(package), genuine(village.paths)],
                      rng.uniform(0, duration * 1.1))
        ok, people, logged = _state(db)
        assert ok == "ok"
        assert (people, logged) in ((0, 0), (people_after, 1)), (people, logged)
        seen["before" if people == 0 else "after"] += 1
    print(f"import killed {KILLS} times: {seen}, one import {duration:.2f} s")


def test_killed_export_never_leaves_a_package_that_is_not_one(world, tmp_path):
    township, village, package, pristine = world
    target = tmp_path / "U盘"
    target.mkdir()
    duration = _timed(EXPORT, [str(village.paths.data_dir), str(target)])
    rng = random.Random(11)
    complete = 0
    for i in range(KILLS):
        stick = tmp_path / f"stick{i}"
        stick.mkdir()
        _run_and_kill(EXPORT, [str(village.paths.data_dir), str(stick)], rng.uniform(0, duration * 1.1))
        for found in stick.glob(f"*{fmt.SUFFIX}"):
            opened = fmt.open_package(found)  # a file with the package name is a whole, valid package
            try:
                opened.verify_signature(opened.manifest["sender_keys"]["sign"])
                for name in opened.member_names():
                    opened.read(name)
            finally:
                opened.close()
            complete += 1
        ok = sqlite3.connect(village.paths.database).execute("PRAGMA integrity_check").fetchone()[0]
        assert ok == "ok"
    print(f"export killed {KILLS} times: {complete} complete packages, one export {duration:.2f} s")
