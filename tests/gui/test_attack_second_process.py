"""Issue 16, "Two processes, one folder": the window holds its data folder; others are told who holds it.

The real application runs in a child process (`tests.support.kill_driver hold`),
logged in with its main window open, exactly as a person leaves it on the desk.
"""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.support.sites import ADMIN_PASSWORD, full_dump

ROOT = Path(__file__).resolve().parents[2]
#: Generous limits for a loaded machine (2 cores, many processes): a Qt start takes seconds there.
READY_S = 180
START_S = 180
ANSWER_S = 90


def _start_window(data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CUNWU_DATA_DIR": str(data_dir),
           "CUNWU_PROBE_LOGIN": f"admin:{ADMIN_PASSWORD}"}
    env.pop("CUNWU_STARTUP_PROBE", None)
    return subprocess.Popen([sys.executable, "-m", "tests.support.kill_driver", "hold"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _line(proc: subprocess.Popen, timeout: float) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not lines or not lines[0]:
        proc.kill()
        _out, err = proc.communicate(timeout=10)
        pytest.fail(f"the app said nothing within {timeout} s; stderr:\n{err[-3000:]}")
    return lines[0].strip()


def _cunwu(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def open_window(village):
    """The village's window open in another process; yields its data folder."""
    from models.db import close_database

    paths, _ = village
    close_database()
    proc = _start_window(paths.data_dir)
    try:
        assert _line(proc, READY_S) == "ready"  # shown, logged in, and listening for second starts
        yield paths, proc
    finally:
        proc.kill()
        proc.communicate(timeout=30)


def test_restore_while_the_window_is_open_is_refused_naming_who_holds_the_folder(open_window, tmp_path):
    """Attack: "`restore` while the GUI is open loses the GUI's later saves (it says they succeeded)".

    The window sits idle, its write-ahead log checkpointed into the database
    (as SQLite does on its own): a restore that only looked for a non-empty
    log, as before, swapped the file under the open window.
    """
    import sqlite3

    from desktop import backup

    paths, _ = open_window
    saved = backup.create_backup(paths.database, tmp_path / "stick", reason="manual")
    con = sqlite3.connect(paths.database, timeout=10)
    try:
        assert con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0, "the idle window reads nothing"
    finally:
        con.close()
    before = full_dump(paths.database)
    result = _cunwu(paths.data_dir, "--json", "restore", str(saved), "--yes")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "村务台账已经打开了" in result.stderr and getpass.getuser() in result.stderr
    out = json.loads(result.stdout)
    assert out["ok"] is False and out["held_by"]["program"] == "gui"
    assert out["held_by"]["user"] == getpass.getuser()
    assert full_dump(paths.database) == before, "nothing was swapped under the open window"


def test_a_second_window_is_refused_and_brings_the_first_forward(open_window):
    """Attack: "Two processes, one folder" — a second start says who holds the folder, the first comes forward."""
    paths, proc = open_window
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_STARTUP_PROBE="1",
               CUNWU_PROBE_LOGIN=f"admin:{ADMIN_PASSWORD}")
    code = ("import sys; from desktop.paths import resolve; from desktop.app import run_gui;"
            f"sys.exit(run_gui(resolve({str(paths.data_dir)!r})))")
    second = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=START_S)
    assert second.returncode == 1
    assert "已经打开了" in second.stderr and "村务台账窗口" in second.stderr
    assert getpass.getuser() in second.stderr
    assert _line(proc, ANSWER_S) == "forward MainWindow"


def test_a_package_double_clicked_while_the_window_is_open_opens_in_that_window(open_window, tmp_path):
    """Attack: "Two processes, one folder" — `cunwu FILE.cwpkg` (a double-click) while the window is open."""
    paths, proc = open_window
    package = tmp_path / "330106001_0001_20261204.cwpkg"
    package.write_bytes(b"not really a package")  # the window's preview explains it; here only the hand-over
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_STARTUP_PROBE="1", CUNWU_DATA_DIR=str(paths.data_dir))
    second = subprocess.run([sys.executable, "-m", "desktop", str(package)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=START_S)
    assert second.returncode == 0, second.stderr
    assert "已经打开了" not in second.stderr, "handed over: no refusal to read"
    assert _line(proc, ANSWER_S) == "forward MainWindow"
    assert _line(proc, ANSWER_S) == f"package {package}"


def test_the_window_names_who_is_logged_in(open_window):
    """Attack: "Two processes, one folder" — the refusal names the person logged in to the open window."""
    paths, _ = open_window
    result = _cunwu(paths.data_dir, "--json", "demo", "--years", "1")
    assert result.returncode == 1
    assert "登录的是 管理员(admin)" in result.stderr, result.stderr
    assert json.loads(result.stdout)["held_by"]["login"] == "管理员(admin)"
