"""One main window at a time, and a new one after 注销 / 切换用户, in the same process.

The data folder's lock (`desktop.app`) is held by the process, so logging out
and in again never lets a second program open the folder in between. When
the window closed for 注销 or 切换用户 (its unsaved-work checks passed), the
login dialog comes back; a login opens a new window for the new session,
退出 on the dialog ends the program.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desktop import folder_lock
from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.services.session import Session
from ui import single_instance
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.settings_store import SettingsStore


class SessionKeeper(QObject):
    """Opens the main window for a session and the login again when that session ends.

    `window_opened(MainWindow)` is emitted for every window it opens (the first
    and each after a new login); `login_dialog` is the dialog on screen
    between two sessions (None otherwise).
    """

    window_opened = Signal(object)

    def __init__(self, paths: AppPaths, settings: SettingsStore,
                 on_quit: Callable[[], None] | None = None, parent: QObject | None = None):
        """`on_quit`: what ends the program when the login is left with 退出 (default: `QApplication.quit`)."""
        super().__init__(parent)
        self._paths = paths
        self._settings = settings
        self._on_quit = on_quit or QApplication.quit
        self.window: MainWindow | None = None
        self.login_dialog: LoginDialog | None = None

    def open_window(self, session: Session, open_package: Path | None = None) -> MainWindow:
        """The main window for `session`, shown."""
        window = MainWindow(setup_service.current(), session, self._paths, self._settings,
                            open_package=open_package)
        window.session_ended.connect(self._session_ended)
        self.window = window
        folder_lock.note_login(self._paths.data_dir, _login_text(session))  # a second start names who
        window.show()
        self.window_opened.emit(window)
        return window

    def _session_ended(self, kind: str) -> None:
        """The window closed for 注销 ("logout") or 切换用户 ("switch"): ask for the next login."""
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)  # the login dialog is not the program's last window
        old, self.window = self.window, None
        folder_lock.note_login(self._paths.data_dir, "")
        if old is not None:
            old.deleteLater()
        dialog = LoginDialog(setup_service.current(), self._settings)
        if kind == "logout" and old is not None:
            dialog.login_edit.setText(old.session().actor)  # the same person may come back
            dialog.password_edit.setFocus()
        elif kind == "switch":
            dialog.login_edit.clear()  # another person: their own login name
            dialog.login_edit.setFocus()
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(lambda: self._left(dialog))
        self.login_dialog = dialog
        dialog.open()

    def _logged_in(self, dialog: LoginDialog) -> None:
        self.login_dialog = None
        dialog.deleteLater()
        self.open_window(dialog.session, open_package=single_instance.take_pending_package())
        QApplication.instance().setQuitOnLastWindowClosed(True)

    def _left(self, dialog: LoginDialog) -> None:
        self.login_dialog = None
        dialog.deleteLater()
        self._on_quit()


def _login_text(session: Session) -> str:
    """The person logged in, as a second start names them: 王芳(wangfang)."""
    if session.display_name and session.display_name != session.actor:
        return f"{session.display_name}({session.actor})"
    return session.actor
