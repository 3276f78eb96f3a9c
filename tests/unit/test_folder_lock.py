"""`desktop.folder_lock`: the data folder's lock, held per process, released by the system on any end."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import folder_lock

ROOT = Path(__file__).resolve().parents[2]

HOLD = ("import sys; from desktop import folder_lock;"
        "lock = folder_lock.acquire(sys.argv[1], sys.argv[2]); print('held', flush=True); sys.stdin.read()")


def _hold_elsewhere(folder: Path, program: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), program], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_process_may_take_its_own_folder_again(tmp_path):
    outer = folder_lock.acquire(tmp_path, folder_lock.GUI)
    inner = folder_lock.acquire(tmp_path, folder_lock.UPGRADE)  # a migration under the window
    inner.release()
    assert folder_lock.held_here(tmp_path)
    outer.release()
    assert not folder_lock.held_here(tmp_path)
    assert folder_lock.holder_elsewhere(tmp_path) is False


def test_another_process_is_named_and_released_when_it_ends(tmp_path):
    proc = _hold_elsewhere(tmp_path, "cli:import")
    try:
        holder = folder_lock.holder_elsewhere(tmp_path)
        assert holder.program == "cli:import" and holder.pid == proc.pid
        with pytest.raises(folder_lock.FolderBusy) as refused:
            folder_lock.acquire(tmp_path, folder_lock.GUI, "没有恢复")
        assert "命令行“cunwu import”" in str(refused.value) and "没有恢复" in str(refused.value)
        assert refused.value.holder == holder
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    with folder_lock.acquire(tmp_path, folder_lock.GUI):  # killed: the system gave the lock back
        assert folder_lock.read_holder(tmp_path / folder_lock.FILE_NAME).program == folder_lock.GUI


def test_a_lock_file_of_an_earlier_release_names_a_window(tmp_path):
    path = tmp_path / folder_lock.FILE_NAME
    path.write_text("4242\n村务台账\nbangongshi-pc\n", "utf-8")  # QLockFile's pid, application, host
    holder = folder_lock.read_holder(path)
    assert holder.program == folder_lock.GUI and holder.pid == 4242 and holder.host == "bangongshi-pc"
    assert "村务台账窗口" in holder.describe()
    path.write_text("", "utf-8")
    assert folder_lock.read_holder(path) is None  # half written: the refusal says "another program"
    assert "另一个村务台账程序" in str(folder_lock.busy(None))


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_data_folder_the_lock_creates_is_the_owners_only(tmp_path):
    old = os.umask(0o022)
    try:
        with folder_lock.acquire(tmp_path / "新的数据", "cli:init"):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "新的数据").stat().st_mode) == 0o700
