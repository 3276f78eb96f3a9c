"""`run_gui` end to end in a child process, through the probe hooks the benchmark uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.sites import ADMIN_PASSWORD

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


#: The database layer, the services and the log file's handler: none is needed to paint the
#: login dialog. Neither is PySide's `Qt` namespace (reported as "PySide6.QtCore.Qt").
NOT_BEFORE_FIRST_PAINT = ("peewee", "models.db", "models.entities", "models.migrations",
                          "desktop.services.auth_service", "desktop.services.setup_service",
                          "logging.handlers")

_REPORT_MODULES_AT_SHOWN = """
import sys

class Out:
    def __init__(self, real):
        self.real = real

    def write(self, text):
        if text.strip() == "shown":
            loaded = [name for name in {names!r} if name in sys.modules]
            if "Qt" in vars(sys.modules["PySide6.QtCore"]):  # PySide builds it on first import
                loaded.append("PySide6.QtCore.Qt")
            self.real.write("loaded at first paint: " + " ".join(loaded) + "\\n")
        return self.real.write(text)

    def flush(self):
        self.real.flush()

sys.stdout = Out(sys.stdout)
from desktop.cli import main
sys.exit(main(["--data-dir", {data!r}]))
"""


def test_login_dialog_paints_before_the_database_layer_loads(village):
    paths, _ = village
    from models.db import close_database

    close_database()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_STARTUP_PROBE="1")
    env.pop("CUNWU_PROBE_LOGIN", None)
    code = _REPORT_MODULES_AT_SHOWN.format(names=NOT_BEFORE_FIRST_PAINT, data=str(paths.data_dir))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["loaded at first paint: ", "shown"]


def _log_in_when_ready(qtbot, password: str) -> None:
    """Once the login dialog is up and the database open, type the login and press 登录."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from models.db import database
    from ui.login_dialog import LoginDialog

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or database.is_closed():
            QTimer.singleShot(10, attempt)
            return
        dialog.login_edit.setText("admin")
        dialog.password_edit.setText(password)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, attempt)


def test_login_while_the_database_opens(qtbot, village, settings_store):
    paths, _ = village
    from desktop import login_facts
    from desktop.app import _log_in_while_opening
    from models.db import close_database, database

    close_database()
    facts = login_facts.read(paths.database)
    assert facts is not None
    _log_in_when_ready(qtbot, ADMIN_PASSWORD)
    session, failure = _log_in_while_opening(facts, settings_store, paths)
    assert failure is None
    assert session is not None and session.actor == "admin"
    assert not database.is_closed()


def test_database_that_fails_to_open_after_the_dialog_painted(qtbot, village, settings_store):
    paths, _ = village
    from desktop import login_facts
    from desktop.app import _log_in_while_opening
    from models.db import close_database
    from models.errors import CunwuError

    close_database()
    facts = login_facts.read(paths.database)
    paths.database.write_bytes(b"this is not a database" * 100)  # replaced after it was read
    session, failure = _log_in_while_opening(facts, settings_store, paths)
    assert session is None
    assert isinstance(failure, CunwuError)


def test_a_second_window_on_the_same_data_folder_is_refused(village):
    """Two windows on one folder would each write over the other's work: the second one says so."""
    from desktop import folder_lock
    from models.db import close_database

    paths, _ = village
    close_database()
    held = folder_lock.acquire(paths.data_dir, folder_lock.GUI)  # the first window's lock (desktop.folder_lock)
    try:
        result = _run(paths, f"admin:{ADMIN_PASSWORD}")
    finally:
        held.release()
    assert result.returncode == 1
    assert "已经打开了" in result.stderr
    assert _run(paths, f"admin:{ADMIN_PASSWORD}").returncode == 0  # released: the next start goes on


def test_a_lock_left_by_a_crashed_program_does_not_block_the_next_start(village):
    from models.db import close_database

    paths, _ = village
    close_database()
    crashed = subprocess.run([sys.executable, "-c",
                              "import os; from desktop import folder_lock;"
                              f"folder_lock.acquire({str(paths.data_dir)!r}, folder_lock.GUI);"
                              "os._exit(0)"], cwd=ROOT, check=True)
    assert crashed.returncode == 0 and (paths.data_dir / "cunwu.lock").exists()
    result = _run(paths, f"admin:{ADMIN_PASSWORD}")
    assert result.returncode == 0, result.stderr
