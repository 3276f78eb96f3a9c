"""GUI composition root: builds the application and hands things to windows.

`run_gui` is the whole start-up sequence: application, logging, crash hook,
settings, database, then wizard / administrator page / login, then the main
window. It creates objects and passes them on; windows never reach back for
globals. Heavy modules are imported inside the function so `cunwu --help`
and the CLI never load Qt.

Probe hooks (for `tests/bench` and smoke tests):

* `CUNWU_STARTUP_PROBE=1`: once the main window has been shown and painted,
  print `shown` on stdout, flush, and quit with exit code 0. No backup runs.
* `CUNWU_PROBE_LOGIN="login:password"`: log in with these credentials
  instead of showing the login dialog (a refusal exits with code 1).
  Without it, the probe reports the first paint of the login dialog instead:
  the first window a person sees.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.login_facts import LoginFacts
    from desktop.services.session import Session
    from ui.settings_store import SettingsStore

log = logging.getLogger(__name__)

ENV_STARTUP_PROBE = "CUNWU_STARTUP_PROBE"
ENV_PROBE_LOGIN = "CUNWU_PROBE_LOGIN"
APP_NAME = "村务台账"
ORGANIZATION = "cunwu"
#: The daily backup waits this long after the window appears: the first
#: seconds belong to the person's first click, not to disk work.
BACKUP_DELAY_MS = 3000


def run_gui(paths: AppPaths, verbose: bool = False, open_package: Path | None = None) -> int:
    """Run the desktop application on the data folder `paths`; returns the exit code.

    When the database is plainly ready for a login (`desktop.login_facts`),
    the login dialog paints first and the database layer, the services and
    the log file open right after that paint; otherwise the database is
    opened (and migrated) first, as the wizard and the administrator page need.

    `open_package`: a `.cwpkg` file (double-clicked): after login the main
    window shows the exchange page with its import preview.

    Exit codes: 0 normal end (also when the person cancels the wizard or the
    login), 1 the database cannot be used (the reason was shown) or the
    probe login was refused.
    """
    from PySide6.QtWidgets import QApplication

    from desktop import logging_setup
    from models.errors import CunwuError
    from ui.crash_hook import CrashHook
    from ui.fonts import apply_point_size
    from ui.settings_store import SettingsStore
    from ui.style import apply_style
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setQuitOnLastWindowClosed(False)  # the wizard closing must not end the app
    log_file = logging_setup.configure(paths.logs, verbose=verbose, hold_file=True)
    crash_hook = CrashHook(paths.logs if log_file else None, app)
    crash_hook.install()
    install_translators(app)
    apply_style(app, plain_text_now=False)  # the plain-text rule waits until the login dialog has painted
    settings = SettingsStore.load(paths.settings_file)
    apply_point_size(app, settings.values.point_size())

    probe = os.environ.get(ENV_STARTUP_PROBE) == "1"
    instance = _lock_data_folder(paths)
    if not isinstance(instance, _Held):
        from ui.single_instance import ask_first_to_come_forward

        # The window already open comes to the front; a double-clicked package opens there.
        forwarded = ask_first_to_come_forward(paths.data_dir, open_package)
        if forwarded and open_package is not None:
            log.info("package %s handed to the window already open", open_package)
            return 0
        return _cannot_open(paths, instance, probe, forwarded)
    if not probe:
        from PySide6.QtCore import QTimer

        from ui.single_instance import LISTEN_DELAY_MS, listen_for_second_starts

        QTimer.singleShot(LISTEN_DELAY_MS, app, lambda: listen_for_second_starts(paths.data_dir, app))
    from desktop import login_facts, storage

    # Ready for a login (the usual case): the dialog paints first, the database opens right after.
    facts = None if os.environ.get(ENV_PROBE_LOGIN) else login_facts.read(paths.database)
    try:
        if facts is None:
            logging_setup.open_held_file()  # the wizard or a migration may come first
            storage.open_store(paths)
        else:
            storage.check_writable(paths)
    except CunwuError as exc:
        return _cannot_open(paths, exc, probe)
    from ui.style import install_plain_text

    try:
        if facts is None:
            install_plain_text(app)  # the setup wizard reads a 入网文件: outside text from its first screen
            session = _sign_in(settings)
        else:
            session, failure = _log_in_while_opening(facts, settings, paths)
            if failure is not None:
                return _cannot_open(paths, failure, probe)
            install_plain_text(app)
        if session is None:
            return 1 if os.environ.get(ENV_PROBE_LOGIN) else 0
        from ui import single_instance
        from ui.session_keeper import SessionKeeper

        # 注销 / 切换用户 close this window and log in again in this process (the lock stays held).
        keeper = SessionKeeper(paths, settings, parent=app)
        single_instance.deliver_packages_to(lambda: keeper.window)
        window = keeper.open_window(session, open_package=open_package or single_instance.take_pending_package())
        app.setQuitOnLastWindowClosed(True)
        if probe:
            _quit_after_first_paint(app, window)
        else:
            _schedule_auto_backup(paths, window)
        return app.exec()
    finally:
        instance.unlock()
        if "ui.operations" in sys.modules:  # never close in the middle of a backup copy or an import
            from ui.operations import wait_for_jobs

            wait_for_jobs(60_000)
        crash_hook.uninstall()
        logging_setup.open_held_file()  # if the program ends before the dialog painted
        if "models.db" in sys.modules:  # nothing to close if the database layer never loaded
            from models.db import close_database

            close_database()


def _lock_data_folder(paths: AppPaths):
    """Hold the data folder's lock for as long as this window runs (`desktop.folder_lock`).

    Returns the held lock (a `_Held`), or the refusal (`FolderBusy`, naming
    the program and user that hold it) when another window or a command
    holds the folder: two programs on one data folder would each show what
    they read at start and write over each other's work. The lock is the
    operating system's, released whatever way a program ends, so one left by
    a crash never blocks. A folder that cannot even be created is left to
    the storage checks, which say why. Leftovers of interrupted writes are
    removed once the lock is held (`desktop.leftovers`).
    """
    from desktop import folder_lock, leftovers

    try:
        lock = folder_lock.acquire(paths.data_dir, folder_lock.GUI)
    except folder_lock.FolderBusy as exc:
        return exc
    except OSError:
        return _Held(None)  # no permission to write the lock: the storage checks explain the folder
    leftovers.clean(paths)
    return _Held(lock)


class _Held:
    """The data folder's lock held by this window (or None when the storage checks will refuse the folder)."""

    def __init__(self, lock) -> None:
        self._lock = lock

    def unlock(self) -> None:
        """Release the lock (at the end of the program)."""
        if self._lock is not None:
            self._lock.release()


def _cannot_open(paths: AppPaths, exc: Exception, probe: bool, forwarded: bool = False) -> int:
    """The database cannot be used: say why (a box, or stderr under the probe); exit code 1.

    `forwarded`: the folder is held by a window that came to the front when asked (a second start).
    """
    log.error("cannot open the data folder %s: %s", paths.data_dir, exc)
    _show_fatal(exc, blocking=not probe, forwarded=forwarded)
    return 1


def _sign_in(settings: SettingsStore) -> Session | None:
    """Wizard, administrator page or login, as the database requires; None if cancelled."""
    from desktop.services import auth_service, setup_service
    from models.errors import CunwuError

    probe_login = os.environ.get(ENV_PROBE_LOGIN)
    info = setup_service.current()
    if info is None or not setup_service.has_users():
        from ui.setup.setup_wizard import SetupWizard

        wizard = SetupWizard(admin_only=info is not None)
        return wizard.session if wizard.exec() else None
    if probe_login:
        login_name, _, password = probe_login.partition(":")
        try:
            return auth_service.login(login_name, password)
        except CunwuError as exc:
            sys.stderr.write(f"{exc}\n")
            return None
    return _exec_login(_login_dialog(info, settings))


def _log_in_while_opening(facts: LoginFacts, settings: SettingsStore,
                          paths: AppPaths) -> tuple[Session | None, Exception | None]:
    """The login dialog from `facts`, the database opened just after its first paint.

    Returns (session or None if cancelled, None) — or (None, the refusal) when
    the database could not be opened after all; the dialog is then closed
    unused. An unexpected error is raised from here, as `open_store` would.
    """
    from PySide6.QtCore import QTimer

    from models.errors import CunwuError

    dialog = _login_dialog(facts, settings)
    failure: list[Exception] = []

    def open_database() -> None:
        from desktop import logging_setup
        from desktop.storage import open_store

        logging_setup.open_held_file()
        try:
            open_store(paths)
        except Exception as exc:  # handed to the caller, outside Qt's event loop
            failure.append(exc)
            dialog.reject()
            return
        from desktop.services import auth_service  # noqa: F401 - loaded now, not at the first 登录

    _after_first_paint(dialog, lambda: QTimer.singleShot(0, open_database))
    session = _exec_login(dialog)
    if not failure:
        return session, None
    if isinstance(failure[0], CunwuError):
        return None, failure[0]
    raise failure[0]


def _login_dialog(info, settings: SettingsStore):
    """The login dialog for `info` (an InstallationInfo or LoginFacts)."""
    from ui.login_dialog import LoginDialog

    return LoginDialog(info, settings)


def _exec_login(dialog) -> Session | None:
    """Run the login dialog (under the probe: only until its first paint); the session or None."""
    if os.environ.get(ENV_STARTUP_PROBE) == "1":
        from PySide6.QtWidgets import QApplication

        _quit_after_first_paint(QApplication.instance(), dialog, dialog.reject)
    return dialog.session if dialog.exec() else None


def _show_fatal(exc: Exception, blocking: bool, forwarded: bool = False) -> None:
    """Tell the person why the program cannot start (stderr only under the probe).

    A second start whose first window came to the front is no failure: an
    information box says to go on in that window (`single_instance.second_start_text`).
    """
    sys.stderr.write(f"{exc}\n")
    if not blocking:
        return
    from PySide6.QtWidgets import QMessageBox

    from ui.single_instance import second_start_text

    icon = QMessageBox.Icon.Information if forwarded else QMessageBox.Icon.Critical
    box = QMessageBox(icon, APP_NAME, second_start_text(exc, forwarded))
    box.exec()


def _quit_after_first_paint(app: QApplication, window, finish=None) -> None:
    """Probe mode: print `shown` once the window has been painted, then quit.

    `finish` ends a modal dialog's own event loop instead of the application's.
    """
    from PySide6.QtCore import QTimer

    def report() -> None:
        sys.stdout.write("shown\n")
        sys.stdout.flush()
        if finish is not None:
            finish()
        else:
            app.exit(0)

    _after_first_paint(window, lambda: QTimer.singleShot(0, report))


def _after_first_paint(window, then: Callable[[], None]) -> None:
    """Call `then` when the first paint event reaches `window` (before it is painted).

    Hooks installed later are called first; `then` usually queues its work
    (QTimer.singleShot(0, …)) so the paint finishes before it runs.
    """
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                then()
            return False

    window.installEventFilter(FirstPaint(window))


def _schedule_auto_backup(paths: AppPaths, window) -> None:
    """Take the daily backup on a worker a little after start-up (`ui.operations.Runner`)."""
    from PySide6.QtCore import QTimer

    from ui.operations import Runner

    def work(_progress, _cancelled):
        from desktop import backup

        return backup.auto_backup(paths.database, paths.backups)

    def done(made) -> None:
        if made:
            log.info("automatic backup: %s", made)

    def failed(exc: BaseException) -> None:  # logged; a failed backup must never take the app down
        log.error("automatic backup failed", exc_info=exc)

    runner = Runner(window, writes=False)
    QTimer.singleShot(BACKUP_DELAY_MS, window, lambda: runner.run(work, done, failed))


def render_main_window(paths: AppPaths, session: Session, png) -> tuple[int, int]:
    """Build the main window offscreen for `session`, grab it to `png`; returns its size.

    Used by `cunwu selftest`: proves widgets, fonts, styles and the home page's
    queries work in this build, without a person at the screen.
    """
    from PySide6.QtWidgets import QApplication

    from desktop.services import setup_service
    from ui.main_window import MainWindow
    from ui.settings_store import SettingsStore
    from ui.style import apply_style

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    window = MainWindow(setup_service.current(), session, paths, SettingsStore.load(paths.settings_file))
    try:
        window.resize(1100, 720)
        window.show()
        app.processEvents()
        for key in window.navigation.keys():
            window.show_area(key)
            app.processEvents()
        window.show_area("home")
        image = window.grab()
        if image.isNull() or not image.save(str(png)):
            raise RuntimeError("could not render the main window")
        return image.width(), image.height()
    finally:
        window._settings.values.window_geometry = ""
        window.close()
        window.deleteLater()
        app.processEvents()
