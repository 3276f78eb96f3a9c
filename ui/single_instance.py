"""A second start on the same data folder brings the first window forward.

The data folder's lock (`desktop.folder_lock`) refuses the second start; a
person who double-clicked the icon again usually just lost the window behind
others. So the window that holds the folder listens on a local socket named
after the folder (a named pipe on Windows, a socket only its user may open on
Linux), and the refused start asks it to come forward before saying who
holds the folder.

A package double-clicked while the window is open (`cunwu FILE.cwpkg`) is
handed to that window instead: it comes forward with the package's import
preview (after the login when nobody is logged in yet), and the second start
ends quietly.

The listener starts a moment after start-up (`LISTEN_DELAY_MS`): QtNetwork
costs ~70 ms to load, which the first paint of the login dialog does not wait
for.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

#: The listener starts this long after the window's start (see the module's docstring).
LISTEN_DELAY_MS = 500
_REQUEST = b"raise\n"
_OPEN = "open "


class _Inbox:
    """Where a package handed over by a second start goes: the open main window, or kept for after the login."""

    def __init__(self) -> None:
        self.window_of: Callable[[], QWidget | None] = lambda: None
        self.pending: Path | None = None
        self.server = None  # the QLocalServer once it listens (`is_listening`)


_inbox = _Inbox()


def deliver_packages_to(window_of: Callable[[], QWidget | None]) -> None:
    """Hand packages from second starts to `window_of()` (the main window, None at the login dialog)."""
    _inbox.window_of = window_of


def take_pending_package() -> Path | None:
    """A package handed over while nobody was logged in (then forgotten here)."""
    path, _inbox.pending = _inbox.pending, None
    return path


def server_name(data_dir: Path) -> str:
    """The local socket's name for `data_dir` (one per folder and computer user)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        user = ""
    key = os.path.normcase(str(Path(data_dir).resolve())) + "\0" + user
    return "cunwu-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def listen_for_second_starts(data_dir: Path, parent: QObject):
    """Listen for second starts on `data_dir` (the caller holds its lock); returns the server or None."""
    from PySide6.QtNetwork import QLocalServer

    name = server_name(data_dir)
    server = QLocalServer(parent)
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    QLocalServer.removeServer(name)  # a socket left by a crash: this process holds the folder now
    if not server.listen(name):
        log.warning("cannot listen for second starts: %s", server.errorString())
        server.deleteLater()
        return None

    def connected() -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: _read_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():  # arrived before readyRead was connected
                _read_request(socket)

    server.newConnection.connect(connected)
    _inbox.server = server
    return server


def is_listening() -> bool:
    """Whether this process answers second starts yet (`LISTEN_DELAY_MS` after the start, if it could listen).

    A second start before then is refused without the first window coming forward (it cannot be asked);
    the tests that play a second start wait for this first.
    """
    return _inbox.server is not None and _inbox.server.isListening()


def _read_request(socket) -> None:
    if not socket.canReadLine():
        return  # the rest of the line comes with the next readyRead
    line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
    if line == _REQUEST.decode().strip():
        bring_forward()
    elif line.startswith(_OPEN):
        _open_package(Path(line[len(_OPEN):]))
    socket.disconnectFromServer()


def _open_package(path: Path) -> None:
    bring_forward()
    window = _inbox.window_of()
    if window is not None and hasattr(window, "open_package"):
        window.open_package(path)
    else:
        _inbox.pending = path  # opened with the main window after the login
    log.info("package handed over by a second start: %s", path)


def bring_forward() -> QWidget | None:
    """Show this program's front window (a dialog in front of the main window first) and activate it."""
    app = QApplication.instance()
    if app is None:
        return None
    window = QApplication.activeModalWidget() or next(
        (w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow() and w.parent() is None
         and w.inherits("QMainWindow")), None) or next(
        (w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()), None)
    if window is None:
        return None
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    log.info("brought forward by a second start: %s", type(window).__name__)
    return window


def ask_first_to_come_forward(data_dir: Path, package: Path | None = None, wait_ms: int = 1000) -> bool:
    """Ask the window holding `data_dir` to come forward (with `package` to preview); True when it was asked."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(wait_ms):
        return False  # a command holds the folder, or the window is not listening yet
    socket.write(_REQUEST if package is None else f"{_OPEN}{Path(package).absolute()}\n".encode())
    sent = socket.waitForBytesWritten(wait_ms)
    socket.disconnectFromServer()
    return sent


def second_start_text(refusal: Exception, forwarded: bool) -> str:
    """What a refused second start tells the person: with the first window brought forward, to go on there.

    The folder lock's own sentence says to find the open window on the task
    bar; once that window answered and came to the front, the person only
    needs to know it is the one in front (and who holds it).
    """
    from ui.errors import error_text

    holder = getattr(refusal, "holder", None)
    if not forwarded or holder is None:
        return error_text(refusal)
    return QCoreApplication.translate(
        "single_instance", "村务台账已经打开了(用的是同一个数据文件夹):{holder}。\n\n"
        "已把那个窗口切换到最前面,请在那里继续,不用再打开一个。").format(holder=holder.describe())
