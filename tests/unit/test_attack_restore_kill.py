"""Issue 16: "A SIGKILL between the restore's swap and the counter lift loses the "restored" mark, and an edit
made afterwards arrives at the township as "older" and is dropped."

`cunwu restore` runs in a child process and is killed hard (SIGKILL) at the
swap: just before the restored copy replaces the database, and just after.
Either the old database is in place, or a restored one that knows it was
restored; and in both cases the village's next edit reaches the township.
"""

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

from desktop import backup
from desktop.services import record_store
from desktop.sync import counters
from models.db import close_database
from models.entities import Person
from tests.support.sites import VILLAGE_CODE, make_pair
from tests.support.sites import export_to as _export
from tests.support.sites import import_into as _apply

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="SIGKILL")

#: `cunwu restore FILE --yes`, stopped at the swap of the database file (`point`: before or after it).
RESTORE = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from desktop import cli
    data_dir, saved, point = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    database = data_dir / "cunwu.sqlite3"
    real_replace = os.replace

    def replace(src, dst, *args, **kw):
        if Path(dst) != database:
            return real_replace(src, dst, *args, **kw)
        if point == "before":
            print("at the swap", flush=True)
            time.sleep(120)
        real_replace(src, dst, *args, **kw)
        if point == "after":
            print("at the swap", flush=True)
            time.sleep(120)

    os.replace = replace
    sys.exit(cli.main(["--data-dir", str(data_dir), "restore", saved, "--yes"]))
""")


#: `cunwu restore FILE --yes` that says when it starts, to be killed at a random moment.
RESTORE_ANYWHERE = textwrap.dedent("""
    import sys
    from desktop import cli
    print("ready", flush=True)
    sys.exit(cli.main(["--data-dir", sys.argv[1], "restore", sys.argv[2], "--yes"]))
""")
KILLS = 8


def _rename(site, name: str, index: int = 0) -> str:
    session = site.use()
    person = Person.select().where(Person.deleted == False).order_by(Person.id)[index]  # noqa: E712
    record_store.update(session, person, name=name)
    close_database()
    return person.id


def _restore_killed_at(data_dir: Path, saved: Path, point: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", RESTORE, str(data_dir), str(saved), point], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    if line != "at the swap":
        proc.kill()
        pytest.fail(f"the restore did not reach the swap: {proc.communicate(timeout=30)[1][-3000:]}")
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _restored_mark(database: Path) -> str | None:
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT value FROM app_meta WHERE key = ?", (counters.KEY_RESTORED,)).fetchone()
        return row[0] if row else None
    finally:
        con.close()


@pytest.mark.parametrize("point", ["before", "after"])
def test_a_restore_killed_at_the_swap_leaves_the_old_database_or_a_marked_one(tmp_path, point):
    """Attack: "A SIGKILL between the restore's swap and the counter lift loses the "restored" mark, and an
    edit made afterwards arrives at the township as "older" and is dropped"."""
    township, village, usb = make_pair(tmp_path, years=1)
    _apply(township, _export(village, usb).path)
    _apply(village, _export(township, usb, recipient_code=VILLAGE_CODE).path)  # package 1 acknowledged
    village.use()
    saved = backup.create_backup(village.paths.database, tmp_path / "stick", reason="manual")
    close_database()
    person_id = _rename(village, "王改名甲")
    _apply(township, _export(village, usb).path)  # package 2: the township has seen the rename

    _restore_killed_at(village.paths.data_dir, saved, point)

    village.use()
    name = Person.get_by_id(person_id).name
    close_database()
    if point == "before":
        assert name == "王改名甲", "killed before the swap: the old database is in place"
    else:
        assert name != "王改名甲", "killed after the swap: the restored database is in place"
        assert _restored_mark(village.paths.database), "the restored database knows it was restored"

    # The village goes on working: its next edit must reach the township, never be dropped as "older".
    session = village.use()
    record_store.update(session, Person.get_by_id(person_id), phone="13800000000")
    close_database()
    plan = _apply(township, _export(village, usb).path)
    assert not plan.already_imported
    township.use()
    assert Person.get_by_id(person_id).phone == "13800000000"
    close_database()


def test_a_restore_killed_at_random_moments_never_leaves_an_unmarked_restored_database(tmp_path):
    """Attack: "A SIGKILL between the restore's swap and the counter lift loses the "restored" mark" — killed
    at random moments of the whole restore, the folder holds the old database or a marked restored one."""
    township, village, usb = make_pair(tmp_path, years=1)
    _apply(township, _export(village, usb).path)
    village.use()
    saved = backup.create_backup(village.paths.database, tmp_path / "stick", reason="manual")
    close_database()
    person_id = _rename(village, "王改名甲")
    _apply(township, _export(village, usb).path)
    pristine = tmp_path / "pristine"
    shutil.copytree(village.paths.data_dir, pristine)

    work = tmp_path / "work"
    shutil.copytree(pristine, work)
    whole = subprocess.Popen([sys.executable, "-c", RESTORE_ANYWHERE, str(work), str(saved)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert whole.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    _out, err = whole.communicate(timeout=120)
    assert whole.returncode == 0, err
    duration = time.perf_counter() - started  # from "ready" to the end: the kills land inside it
    rng = random.Random(16)
    outcomes = set()
    for _ in range(KILLS):
        shutil.rmtree(work)
        shutil.copytree(pristine, work)
        proc = subprocess.Popen([sys.executable, "-c", RESTORE_ANYWHERE, str(work), str(saved)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.3, 1.0) * duration)  # the first third is Python loading the program
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        con = sqlite3.connect(work / "cunwu.sqlite3")
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            name = con.execute("SELECT name FROM person WHERE id = ?", (person_id,)).fetchone()[0]
        finally:
            con.close()
        if name == "王改名甲":
            outcomes.add("old")
        else:
            assert _restored_mark(work / "cunwu.sqlite3"), "a restored database always knows it was restored"
            outcomes.add("restored")
    # Both states are usually met (timing on a loaded machine decides); the swap's two sides are also
    # hit deterministically by the test above.
    assert outcomes <= {"old", "restored"}
