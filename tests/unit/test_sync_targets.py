"""A stick that is full or read-only: a clear Chinese message, nothing half-written, nothing booked."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.sync import exporter
from models.db import close_database
from models.errors import PackageWriteError
from models.sync.records import PackageLog
from tests.support.sites import make_pair

ROOT = Path(__file__).resolve().parents[2]


def _sent_packages(village) -> int:
    village.use()
    try:
        return PackageLog.select().count()
    finally:
        close_database()


def test_a_full_stick_leaves_nothing_and_books_nothing(tmp_path):
    _township, village, _usb = make_pair(tmp_path, years=1)
    stick = tmp_path / "满了的U盘"
    stick.mkdir()
    # the process may write no file beyond 16 KB: the package (~40 KB) cannot fit
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        from pathlib import Path
        from desktop.paths import AppPaths
        from desktop.sync import exporter
        from models.errors import PackageWriteError
        from tests.support.sites import Site
        session = Site(AppPaths(Path({str(village.paths.data_dir)!r})), "village").use()
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))
        try:
            exporter.export_package(session, AppPaths(Path({str(village.paths.data_dir)!r})), Path({str(stick)!r}))
        except PackageWriteError as exc:
            print("REFUSED", exc)
            sys.exit(0)
        print("WROTE")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert "REFUSED" in out.stdout, out.stdout + out.stderr
    assert "U盘是否已满" in out.stdout and "没有留下不完整的数据包" in out.stdout
    assert list(stick.iterdir()) == []
    assert _sent_packages(village) == 0


def _make_read_only(folder: Path) -> Callable[[], object]:
    """Read-only for us: chmod for a normal user; root ignores modes, so the immutable flag."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return lambda: folder.chmod(0o755)
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("running as root on a file system without chattr +i")
    return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_stick_is_explained(tmp_path):
    _township, village, _usb = make_pair(tmp_path, years=0, demo=False)
    stick = tmp_path / "写保护的U盘"
    stick.mkdir()
    undo = _make_read_only(stick)
    try:
        session = village.use()
        with pytest.raises(PackageWriteError, match="写保护"):
            exporter.export_package(session, village.paths, stick)
        assert PackageLog.select().count() == 0
        close_database()
        assert list(stick.iterdir()) == []
    finally:
        undo()


def test_a_stick_that_is_not_there_is_explained(tmp_path):
    _township, village, _usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    try:
        with pytest.raises(Exception, match="U盘是否已经插好"):
            exporter.export_package(session, village.paths, tmp_path / "拔掉了")
    finally:
        close_database()


def test_old_leftovers_are_cleaned_but_a_write_in_progress_is_left_alone(tmp_path):
    _township, village, stick = make_pair(tmp_path, years=0, demo=False)
    old = stick / ".330106001001_0009_20250101.cwpkg.part"
    fresh = stick / ".330106001001_0010_20261130.cwpkg.part"
    old.write_bytes(b"interrupted last year")
    fresh.write_bytes(b"another export writing right now")
    os.utime(old, (0, 0))
    session = village.use()
    try:
        written = exporter.export_package(session, village.paths, stick)
    finally:
        close_database()
    assert not old.exists() and fresh.exists() and written.path.exists()
