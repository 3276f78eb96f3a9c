"""`cunwu selftest`'s step 数据文件夹锁 (`desktop.selftest_lock`), run here unfrozen between real processes.

The same step runs inside the built Windows program under wine (installer/test_windows.py), where it is
the only proof of `msvcrt.locking`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import folder_lock, selftest, selftest_lock

ROOT = Path(__file__).resolve().parents[2]


def test_the_step_passes_between_real_processes(tmp_path):
    detail = selftest_lock.step({"tmp": tmp_path})
    assert "refused (exit 1" in detail and "blocked nothing" in detail
    assert not list((tmp_path / "锁" / "数据").glob("*.sqlite3"))  # the refused `init` wrote nothing
    assert ("数据文件夹锁", selftest._folder_lock) in selftest.STEPS


def test_the_step_fails_when_the_lock_holds_nothing(tmp_path, monkeypatch):
    """A lock that does not keep another process out must fail the selftest, not pass it."""
    monkeypatch.setattr(folder_lock, "_try_lock", lambda fd: True)
    with pytest.raises(RuntimeError, match="exited 0, not 1"):
        selftest_lock.step({"tmp": tmp_path})


def test_the_hidden_holder_is_no_command(tmp_path):
    out = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert selftest_lock.HOLD_ARG not in out.stdout
    bad = subprocess.run([sys.executable, "-m", "desktop", selftest_lock.HOLD_ARG, str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert bad.returncode == 2 and not (tmp_path / folder_lock.FILE_NAME).exists()
