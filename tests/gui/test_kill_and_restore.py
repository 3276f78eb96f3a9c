"""The kill test: the real app is killed hard mid-edit; the next start offers the draft and restores it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support import kill_driver
from tests.support.sites import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _start(mode: str, data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CUNWU_DATA_DIR": str(data_dir),
           "CUNWU_PROBE_LOGIN": f"admin:{ADMIN_PASSWORD}"}
    env.pop("CUNWU_STARTUP_PROBE", None)
    return subprocess.Popen([sys.executable, "-m", "tests.support.kill_driver", mode], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _first_line(proc: subprocess.Popen, timeout: float) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not lines or not lines[0]:
        proc.kill()
        _out, err = proc.communicate(timeout=10)
        pytest.fail(f"the app said nothing within {timeout} s; stderr:\n{err[-3000:]}")
    return lines[0].strip()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs a hard kill (POSIX)")
def test_killed_mid_edit_the_next_start_restores_the_typing(village):
    from models.db import close_database

    paths, _session = village
    close_database()  # the app opens the database itself
    started = time.monotonic()

    typing = _start("type", paths.data_dir)
    said = _first_line(typing, 30)
    assert said.startswith("kept ")
    draft_file = Path(said.removeprefix("kept "))
    os.kill(typing.pid, signal.SIGKILL)  # a power cut: no closeEvent, no atexit, nothing flushed
    typing.communicate(timeout=10)
    assert typing.returncode == -signal.SIGKILL
    assert draft_file.is_file() and draft_file.parent == paths.drafts
    kept = json.loads(draft_file.read_text("utf-8"))
    assert kept["state"]["title"] == kill_driver.TITLE and kept["user"] == "admin"

    restoring = _start("restore", paths.data_dir)
    shown = json.loads(_first_line(restoring, 30))
    restoring.communicate(timeout=10)
    assert shown["offered"] == [f"会议记录:{kill_driver.TITLE}"]
    assert shown["title"] == kill_driver.TITLE and shown["place"] == kill_driver.PLACE
    assert shown["dirty"] is True and shown["attendance"] == 0  # this village has nobody on the register yet
    assert time.monotonic() - started < 25
