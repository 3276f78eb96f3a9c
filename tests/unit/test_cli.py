"""The CLI contract of DESIGN §5, driven as a script would: real processes, real files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cunwu(*args, data_dir=None, stdin=subprocess.DEVNULL):
    argv = [sys.executable, "-m", "desktop"]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return subprocess.run(argv + list(args), capture_output=True, text=True, cwd=ROOT,
                          stdin=stdin, timeout=120)


def as_json(proc):
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, proc.stdout
    return json.loads(lines[0])


def _init_and_demo(root: Path) -> None:
    d = root / "数据 文件夹"
    out = cunwu("--json", "init", "village", "--name", "青山村", "--code", "330106001001",
                "--province", "zhejiang", data_dir=d)
    assert out.returncode == 0, out.stderr
    assert as_json(out)["code"] == "330106001001"
    out = cunwu("--json", "demo", "--years", "2", data_dir=d)
    assert out.returncode == 0, out.stderr
    assert as_json(out)["people"] >= 35


@pytest.fixture
def demo_dir(tmp_path):
    """A data folder made by `cunwu init` and `cunwu demo` (run once per session, copied per test)."""
    from tests.support import templates

    templates.copy_tree(templates.template("cli_init_demo", _init_and_demo), tmp_path)
    return tmp_path / "数据 文件夹"


def test_init_demo_check_backup_restore_roundtrip(demo_dir, tmp_path):
    check = cunwu("--json", "check", data_dir=demo_dir)
    assert check.returncode == 0 and as_json(check)["ok"] is True
    out = cunwu("--json", "backup", "--to", str(tmp_path / "stick"), data_dir=demo_dir)
    assert out.returncode == 0, out.stderr
    backup_file = Path(as_json(out)["path"])
    assert backup_file.is_file()
    out = cunwu("--json", "restore", str(backup_file), "--yes", data_dir=demo_dir)
    assert out.returncode == 0, out.stderr
    assert Path(as_json(out)["previous_backup"]).is_file()
    assert cunwu("check", data_dir=demo_dir).returncode == 0


def test_restore_without_yes_off_a_terminal_is_refused(demo_dir, tmp_path):
    out = cunwu("--json", "backup", "--to", str(tmp_path / "stick"), data_dir=demo_dir)
    path = as_json(out)["path"]
    before = (demo_dir / "cunwu.sqlite3").stat().st_mtime_ns
    out = cunwu("restore", path, data_dir=demo_dir)
    assert out.returncode == 1
    assert "需要确认" in out.stderr and "将被替换" in out.stderr
    assert (demo_dir / "cunwu.sqlite3").stat().st_mtime_ns == before


def test_refusals_exit_1_with_chinese_on_stderr(tmp_path):
    out = cunwu("init", "village", "--name", "青山村", "--code", "abc", data_dir=tmp_path / "d")
    assert out.returncode == 1 and "数字" in out.stderr
    out = cunwu("--json", "check", data_dir=tmp_path / "empty")
    assert out.returncode == 1 and "找不到数据库" in out.stderr
    assert as_json(out)["ok"] is False


def test_usage_errors_exit_2(tmp_path):
    assert cunwu("frobnicate").returncode == 2
    assert cunwu("init", "village", "--name", "只有名字").returncode == 2


def test_newer_database_is_refused_by_every_command(demo_dir):
    con = sqlite3.connect(demo_dir / "cunwu.sqlite3")
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    out = cunwu("check", data_dir=demo_dir)
    assert out.returncode == 1 and "升级软件" in out.stderr


def test_tampered_audit_log_fails_check(demo_dir):
    con = sqlite3.connect(demo_dir / "cunwu.sqlite3")
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("UPDATE audit_entry SET actor = '别人' WHERE id = 7")
    con.commit()
    con.close()
    out = cunwu("--json", "check", data_dir=demo_dir)
    assert out.returncode == 1
    report = as_json(out)
    assert report["ok"] is False and any("第 7 条" in p for p in report["audit_problems"])


def test_env_var_selects_the_data_dir(tmp_path):
    import os

    env = dict(os.environ, CUNWU_DATA_DIR=str(tmp_path / "via-env"))
    out = subprocess.run([sys.executable, "-m", "desktop", "--json", "init", "township",
                          "--name", "城关镇", "--code", "330106001"],
                         capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["data_dir"] == str(tmp_path / "via-env")


def test_selftest_passes_and_writes_its_log(tmp_path):
    import os

    log = tmp_path / "selftest.log"
    env = dict(os.environ, CUNWU_SELFTEST_LOG=str(log), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "desktop", "--json", "selftest"], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and len(report["steps"]) == 8  # 数据文件夹锁 added (issue 16)
    assert any(s["name"].startswith("数据包") and s["ok"] for s in report["steps"])
    assert "PASS 主窗口" in log.read_text("utf-8")
    assert "PASS 数据文件夹锁" in log.read_text("utf-8")
