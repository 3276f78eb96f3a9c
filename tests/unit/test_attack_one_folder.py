"""Issue 16, "One process per data folder" and its smaller holes, driven as a script would: real processes.

Each test quotes the attack it stands for. The command line runs in a child
process (`python -m desktop`); a lock or SQLite's write lock is held by this
process, as another program on the same PC would hold it.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import folder_lock
from desktop.paths import AppPaths
from models.db import close_database
from tests.support.sites import export_to as _export
from tests.support.sites import full_dump, make_pair

ROOT = Path(__file__).resolve().parents[2]


def cunwu(data_dir: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("stdin", subprocess.DEVNULL)
    kw.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          text=True, timeout=120, **kw)


def _pair_with_package(tmp_path):
    township, village, usb = make_pair(tmp_path, years=1, demo=False)
    package = _export(village, usb).path
    close_database()
    return township, package


def test_a_second_import_while_one_holds_the_folder_is_refused(tmp_path):
    """Attack: "Two processes, one folder" — a second `cunwu import` while another one holds the folder."""
    township, package = _pair_with_package(tmp_path)
    before = full_dump(township.paths.database)
    with folder_lock.acquire(township.paths.data_dir, "cli:import"):  # the first import, still running
        result = cunwu(township.paths.data_dir, "--json", "import", str(package), "--yes")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "命令行“cunwu import”" in result.stderr and getpass.getuser() in result.stderr
    out = json.loads(result.stdout)
    assert out["held_by"]["program"] == "cli:import" and out["held_by"]["pid"] == os.getpid()
    assert full_dump(township.paths.database) == before


@pytest.mark.parametrize("command", [["demo", "--years", "1"], ["restore", "BACKUP", "--yes"]])
def test_demo_and_restore_refuse_while_another_process_holds_the_folder(village, tmp_path, command):
    """Attack: "`restore`, `import`, `demo` and migrations refuse while another process holds the folder"."""
    from desktop import backup

    paths, _ = village
    close_database()
    saved = backup.create_backup(paths.database, tmp_path / "stick")
    before = full_dump(paths.database)
    with folder_lock.acquire(paths.data_dir, folder_lock.GUI):
        result = cunwu(paths.data_dir, *[str(saved) if a == "BACKUP" else a for a in command])
    assert result.returncode == 1 and "村务台账已经打开了" in result.stderr, result.stderr
    assert full_dump(paths.database) == before


def test_a_migration_refuses_while_another_process_holds_the_folder(village):
    """Attack: "migrations refuse while another process holds the folder" (a read-only `check` on an old file)."""
    paths, _ = village
    close_database()
    con = sqlite3.connect(paths.database)
    con.execute("PRAGMA user_version = 10")  # one step behind: the next open would upgrade it
    con.close()
    before = paths.database.read_bytes()
    with folder_lock.acquire(paths.data_dir, folder_lock.GUI):
        result = cunwu(paths.data_dir, "check")
    assert result.returncode == 1 and "数据格式没有升级" in result.stderr, result.stderr
    assert paths.database.read_bytes() == before


def test_a_database_is_not_created_while_another_process_holds_the_folder(tmp_path):
    """Attack: "migrations refuse while another process holds the folder" — creating the schema is one too."""
    paths = AppPaths(tmp_path / "data")
    with folder_lock.acquire(paths.data_dir, folder_lock.GUI):
        result = cunwu(paths.data_dir, "--json", "info")
    assert result.returncode == 1 and "没有建立数据库" in result.stderr, result.stderr
    assert not paths.database.exists() or paths.database.stat().st_size == 0


def test_check_runs_beside_the_open_window(village):
    """`check` only reads: it runs while the window holds the folder (documented in desktop/cli_guard.py)."""
    paths, _ = village
    close_database()
    with folder_lock.acquire(paths.data_dir, folder_lock.GUI):
        result = cunwu(paths.data_dir, "--json", "check")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True


def test_a_lock_left_by_a_killed_command_never_blocks(village):
    """Attack: "Two processes, one folder" — a crashed holder: the system released its lock, the file stays."""
    paths, _ = village
    close_database()
    subprocess.run([sys.executable, "-c", "import os, sys; from desktop import folder_lock;"
                    f"folder_lock.acquire({str(paths.data_dir)!r}, 'cli:import'); os._exit(9)"],
                   cwd=ROOT, check=False, timeout=60)
    assert (paths.data_dir / folder_lock.FILE_NAME).read_text("utf-8")  # its name is still written there
    result = cunwu(paths.data_dir, "--json", "users", "unlock", "admin")
    assert "正被另一个程序使用" not in result.stderr and "Traceback" not in result.stderr


def test_a_write_lock_held_over_five_seconds_gives_a_chinese_message(village, tmp_path):
    """Attack: "a write lock held over 5 s gives a raw "database is locked" traceback"."""
    paths, _ = village
    close_database()
    text = tmp_path / "村规民约.txt"
    text.write_text("青山村村规民约\n第一条 村民应当遵守法律。\n第二条 爱护公共设施。\n", "utf-8")
    blocker = sqlite3.connect(paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another tool holds the write lock (a database browser mid-edit)
    try:
        started = time.monotonic()
        result = cunwu(paths.data_dir, "--json", "rules", "import", str(text))
        waited = time.monotonic() - started
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "database is locked" not in result.stderr
    assert "数据库正被另一个程序占用" in result.stderr
    assert json.loads(result.stdout)["ok"] is False
    assert waited >= 5


def test_output_into_a_closed_pipe_ends_quietly(village):
    """Attack: "`cunwu … | head` exits quietly (no BrokenPipeError)"."""
    paths, _ = village
    close_database()
    read_end, write_end = os.pipe()
    os.close(read_end)  # `head -c 10` already went away
    try:
        result = cunwu(paths.data_dir, "--json", "check", stdout=write_end, stderr=subprocess.PIPE,
                       capture_output=False)
    finally:
        os.close(write_end)
    assert "BrokenPipeError" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("reader", ["head -c 10", "head -c 0"])
def test_output_into_head_ends_quietly(village, reader):
    """Attack: "`cunwu … | head` exits quietly" — through a real shell pipe.

    `head -c 10` takes its bytes and goes; this village's list is smaller than
    the pipe's buffer, so it is all written before `head` leaves. `head -c 0`
    is gone before the program writes at all (as `head` is once it has its
    lines of a long output): the write meets the closed pipe every time.
    """
    paths, _ = village
    close_database()
    argv = " ".join(f"'{a}'" for a in [sys.executable, "-m", "desktop", "--data-dir", str(paths.data_dir),
                                         "--json", "people", "list"])
    result = subprocess.run(["sh", "-c", f"{argv} | {reader}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert "BrokenPipeError" not in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_import_without_a_terminal_and_without_yes_is_refused(tmp_path):
    """Attack: "`import` without a terminal and without `--yes` refuses"."""
    township, package = _pair_with_package(tmp_path)
    before = full_dump(township.paths.database)
    for args in (["import", str(package)], ["--json", "import", str(package)]):
        result = cunwu(township.paths.data_dir, *args)
        assert result.returncode == 1, result.stderr
        assert "需要确认" in result.stderr and "--yes" in result.stderr and "Traceback" not in result.stderr
    assert full_dump(township.paths.database) == before


def _foreign_database(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    con.commit()
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("command", [["check"], ["init", "village", "--name", "青山村", "--code", "330106001001"],
                                     ["people", "list"]])
def test_a_foreign_sqlite_file_is_refused_before_anything_is_written(tmp_path, command):
    """Attack: "a foreign SQLite file is refused before anything is written to it"."""
    paths = AppPaths(tmp_path / "data")
    before = _foreign_database(paths.database)
    result = cunwu(paths.data_dir, *command)
    assert result.returncode == 1, result.stderr
    assert "不是村务台账的数据库" in result.stderr and "Traceback" not in result.stderr
    assert paths.database.read_bytes() == before, "the other program's file is byte-identical"
    assert not paths.database.with_name(paths.database.name + "-wal").exists()


def test_a_foreign_sqlite_file_is_refused_by_the_window_before_anything_is_written(tmp_path):
    """Attack: "a foreign SQLite file is refused before anything is written to it" (the window's start)."""
    paths = AppPaths(tmp_path / "data")
    before = _foreign_database(paths.database)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_STARTUP_PROBE="1", CUNWU_PROBE_LOGIN="admin:x")
    code = ("import sys; from desktop.paths import resolve; from desktop.app import run_gui;"
            f"sys.exit(run_gui(resolve({str(paths.data_dir)!r})))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1 and "不是村务台账的数据库" in result.stderr
    assert paths.database.read_bytes() == before


def _drop(database: Path, table: str) -> None:
    con = sqlite3.connect(database)
    con.execute(f'DROP TABLE "{table}"')
    con.commit()
    con.close()


def test_check_refuses_our_database_with_a_table_missing(village):
    """Attack: "`restore` and `check` refuse a database of ours with a table missing" (check)."""
    paths, _ = village
    close_database()
    _drop(paths.database, "supervision_matter")
    result = cunwu(paths.data_dir, "--json", "check")
    assert result.returncode == 1, result.stderr
    assert "缺少 1 张表:监督事项(supervision_matter)" in result.stderr and "Traceback" not in result.stderr


def test_restore_refuses_our_database_with_a_table_missing(village, tmp_path):
    """Attack: "`restore` and `check` refuse a database of ours with a table missing" (restore)."""
    from desktop import backup

    paths, _ = village
    close_database()
    saved = backup.create_backup(paths.database, tmp_path / "stick")
    _drop(saved, "financial_line")
    before = full_dump(paths.database)
    result = cunwu(paths.data_dir, "--json", "restore", str(saved), "--yes")
    assert result.returncode == 1, result.stderr
    assert "不完整" in result.stderr and "财务明细(financial_line)" in result.stderr and "Traceback" not in result.stderr
    assert full_dump(paths.database) == before


def _leftovers(paths: AppPaths) -> tuple[list[Path], Path]:
    """Files interrupted writes leave, backdated two hours; and a backup copy being written right now."""
    blob = paths.attachments / "ab"
    blob.mkdir(parents=True, exist_ok=True)
    stale = [paths.database.with_name(paths.database.name + ".restoring"),
             paths.backups / "cunwu-20260101-020000-daily.sqlite3.partial",
             blob / ("ab" + "0" * 62 + ".partial"), blob / ("ab" + "1" * 62 + ".part"),
             paths.data_dir / "sync-counters.json.tmp"]
    old = time.time() - 2 * 3600
    for path in stale:
        path.write_bytes(b"half written")
        os.utime(path, (old, old))
    in_progress = paths.backups / "cunwu-20261204-210000-manual.sqlite3.partial"
    in_progress.write_bytes(b"a `cunwu backup` beside the window, copying now")
    return stale, in_progress


def test_stale_partial_files_are_cleaned_at_start_of_the_window(village):
    """Attack: "stale `.partial` files are cleaned at start" (the window's start)."""
    paths, _ = village
    close_database()
    stale, in_progress = _leftovers(paths)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_STARTUP_PROBE="1",
               CUNWU_PROBE_LOGIN="admin:Admin-1234")
    code = ("import sys; from desktop.paths import resolve; from desktop.app import run_gui;"
            f"sys.exit(run_gui(resolve({str(paths.data_dir)!r})))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert [p for p in stale if p.exists()] == []
    assert in_progress.exists(), "a backup being written beside the window is not taken away"


def test_stale_partial_files_are_cleaned_at_start_of_a_command(village):
    """Attack: "stale `.partial` files are cleaned at start" (a command that writes)."""
    paths, _ = village
    close_database()
    stale, _ = _leftovers(paths)
    result = cunwu(paths.data_dir, "users", "unlock", "admin")
    assert "Traceback" not in result.stderr
    assert [p for p in stale if p.exists()] == []
