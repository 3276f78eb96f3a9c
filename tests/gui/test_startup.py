"""`run_gui` end to end in a child process, through the probe hooks the benchmark uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.gui.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _run(paths, login: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_STARTUP_PROBE="1",
               CUNWU_PROBE_LOGIN=login)
    code = ("import sys; from desktop.paths import resolve; from desktop.app import run_gui;"
            f"sys.exit(run_gui(resolve({str(paths.data_dir)!r})))")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_probe_start_shows_main_window(village):
    paths, _ = village
    from models.db import close_database

    close_database()
    result = _run(paths, f"admin:{ADMIN_PASSWORD}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "shown"


def test_probe_login_refused_exits_1(village):
    paths, _ = village
    from models.db import close_database

    close_database()
    result = _run(paths, "admin:wrong")
    assert result.returncode == 1
    assert "登录名或密码不对" in result.stderr


def test_not_our_database_is_refused(tmp_path):
    from desktop.paths import AppPaths

    paths = AppPaths(tmp_path / "other")
    paths.data_dir.mkdir()
    paths.database.write_bytes(b"this is not a database" * 100)
    result = _run(paths, "admin:x")
    assert result.returncode == 1
    assert result.stderr.strip()
