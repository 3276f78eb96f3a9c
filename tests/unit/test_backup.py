from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import backup
from desktop.services import people_service
from desktop.storage import open_store
from models.db import close_database
from models.errors import BackupError

ROOT = Path(__file__).resolve().parents[2]


def test_backup_is_a_verified_standalone_copy(village, tmp_path):
    paths, admin = village
    people_service.add_person(admin, "王建国", "男")  # still in the WAL, not yet checkpointed
    made = backup.create_backup(paths.database, tmp_path / "U盘 备份", "manual")
    assert made.name.endswith("-manual.sqlite3") and not list(made.parent.glob("*.partial"))
    summary = backup.summarize(made)
    assert summary.name == "青山村" and summary.counts["人员"] == 1


def test_restore_replaces_the_database_and_keeps_the_old_one(village, tmp_path):
    paths, admin = village
    people_service.add_person(admin, "王建国", "男")
    made = backup.create_backup(paths.database, tmp_path / "bk")
    people_service.add_person(admin, "后来加的人", "女")
    close_database()
    previous = backup.restore(made, paths.database, paths.backups)
    assert previous is not None and backup.summarize(previous).counts["人员"] == 2
    open_store(paths)
    assert [r.name for r in people_service.register()] == ["王建国"]


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + b"\x00" * 100])
def test_restore_refuses_garbage_and_changes_nothing(village, tmp_path, content):
    paths, _ = village
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    close_database()
    before = paths.database.read_bytes()
    with pytest.raises(BackupError):
        backup.restore(bad, paths.database, paths.backups)
    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("*before-restore*"))


def test_restore_refuses_a_database_that_is_not_ours(village, tmp_path):
    paths, _ = village
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    close_database()
    with pytest.raises(BackupError) as err:
        backup.restore(other, paths.database, paths.backups)
    assert "不是村务台账的数据库" in str(err.value)


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 8, 1, 9, 0, 0)
    for day in range(60):
        for hour in (9, 17):
            t = start + timedelta(days=day, hours=hour - 9)
            (folder / f"cunwu-{t:%Y%m%d-%H%M%S}-daily.sqlite3").write_bytes(b"x")
    (folder / "cunwu-20260101-080000-before-migration-v1.sqlite3").write_bytes(b"x")
    backup.rotate(folder)
    left = backup.list_backups(folder)
    daily = [b for b in left if b.reason == "daily"]
    newest_days = sorted({b.taken.date() for b in daily}, reverse=True)
    # the 7 newest days (one copy each, the later one of that day) plus older weekly copies
    assert newest_days[:7] == [(start + timedelta(days=59 - i)).date() for i in range(7)]
    assert all(b.taken.hour == 17 for b in daily)
    assert len(daily) <= 7 + 4 and len({b.taken.isocalendar()[:2] for b in daily}) >= 4
    assert any(b.reason == "before-migration-v1" for b in left)


def test_auto_backup_runs_once_a_day(village):
    paths, _ = village
    now = datetime(2026, 11, 22, 8, 0)
    assert backup.auto_backup(paths.database, paths.backups, now) is not None
    assert backup.auto_backup(paths.database, paths.backups, now + timedelta(hours=3)) is None
    assert backup.auto_backup(paths.database, paths.backups, now + timedelta(days=1)) is not None


@pytest.mark.parametrize("full_check", [True, False])
def test_full_disk_during_backup_leaves_nothing_behind(village, tmp_path, full_check):
    """A real write failure: the child process may not write files over 64 KB (EFBIG)."""
    paths, admin = village
    for i in range(300):
        people_service.add_person(admin, f"村民{i:03d}", "男", note="备注" * 50)
    close_database()
    target = tmp_path / "full-stick"
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        from pathlib import Path
        from desktop import backup
        from models.errors import BackupError
        try:
            backup.create_backup(Path({str(paths.database)!r}), Path({str(target)!r}), full_check={full_check})
        except BackupError as exc:
            print("REFUSED", exc)
            sys.exit(0)
        print("WROTE")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert "REFUSED" in out.stdout, out.stdout + out.stderr
    assert "现有数据没有受到任何影响" in out.stdout
    assert list(target.iterdir()) == []


def test_the_light_check_accepts_a_whole_copy_and_refuses_a_short_one(village, tmp_path):
    """The restore point before imports is proved complete without reading every page."""
    paths, admin = village
    for i in range(50):
        people_service.add_person(admin, f"村民{i:03d}", "男", note="备注" * 50)
    made = backup.create_backup(paths.database, tmp_path / "bk", "before-import", full_check=False)
    assert backup.summarize(made).counts["人员"] == 50  # summarize runs the full integrity_check
    con = sqlite3.connect(made)
    shape = backup._shape(con)
    con.close()
    backup._check_complete(made, shape, shape)
    with open(made, "r+b") as fh:
        fh.truncate(made.stat().st_size - shape[1])  # the last page never reached the disk
    with pytest.raises(sqlite3.DatabaseError):
        backup._check_complete(made, shape, shape)
    with pytest.raises(sqlite3.DatabaseError):
        backup._check_complete(made, shape, (shape[0] - 1, *shape[1:]))
