"""One process per data folder: a lock file held for the life of the process.

Two programs writing one data folder lose work: a `cunwu restore` under an
open window swaps the database away while the window goes on saving (into
the file that was replaced, and says the save succeeded); two imports at
once interleave their backups and counters. So the window and every command
that writes take the folder's lock first, and a second one is refused with
who holds it.

How: `cunwu.lock` in the data folder, opened and locked with the operating
system's own file lock (`fcntl.flock` on Linux, `msvcrt.locking` on
Windows), never by the file's mere existence. The lock belongs to the open
file: when the process ends in any way — closed, crashed, killed, the power
cut — the system releases it, so a lock file left behind never blocks the
next start. The holder writes who it is (program, user, process id, host,
start time) into the file for the one that is refused to read; on Windows
the lock covers one byte far beyond that text, which therefore stays
readable.

Plain Python on purpose: the command line never loads Qt (`QLockFile` is
Qt's, and it decides staleness from process ids, which it can get wrong
after a reboot).

Locks are counted per process: the window that already holds its folder may
take it again (a restore from the 文件 menu, a migration) without refusing
itself.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.errors import DatabaseError
from models.messages import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)
_C = "folder_lock"

FILE_NAME = "cunwu.lock"
#: The program name of the window (anything else is a command line, "cli:<command>").
GUI = "gui"
#: A program upgrading the database's format (a command that reads, taking the lock to migrate).
UPGRADE = "upgrade"
#: Where the Windows lock sits: one byte far past the holder's text, which stays readable.
_WINDOWS_OFFSET = 1 << 30
#: The holder's text is small; more is never read.
_MAX_INFO = 4096


@dataclass(frozen=True)
class Holder:
    """Who holds a data folder, as the holder wrote it."""

    program: str
    user: str = ""
    pid: int = 0
    host: str = ""
    started: str = ""
    #: Who is logged in to the window ("" at the login dialog, and for a command): on a PC shared by
    #: everyone under one computer account, this is the name that tells people apart.
    login: str = ""

    def program_text(self) -> str:
        """The program in words: 村务台账窗口, or the command line that runs."""
        if self.program == GUI:
            return str(msg(_C, QT_TRANSLATE_NOOP(_C, "村务台账窗口")))
        if self.program == UPGRADE:
            return str(msg(_C, QT_TRANSLATE_NOOP(_C, "正在升级数据格式的村务台账程序")))
        command = self.program.removeprefix("cli:")
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "命令行“cunwu {command}”"), command=command))

    def describe(self) -> str:
        """One Chinese phrase: which program, who is logged in, which computer user, since when, which process."""
        if self.login:
            return str(msg(_C, QT_TRANSLATE_NOOP(
                _C, "{program}(登录的是 {login},电脑用户 {user},{since} 起,进程 {pid})"),
                program=self.program_text(), login=self.login, user=self.user or "?",
                since=_since(self.started), pid=self.pid))
        return str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "{program}(电脑用户 {user},{since} 起,进程 {pid})"),
            program=self.program_text(), user=self.user or "?", since=_since(self.started), pid=self.pid))

    def as_dict(self) -> dict:
        """For `--json` (`held_by`)."""
        return {"program": self.program, "user": self.user, "pid": self.pid, "host": self.host,
                "started": self.started, "login": self.login}


def _since(started: str) -> str:
    try:
        return datetime.fromisoformat(started).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return "?"


class FolderBusy(DatabaseError):
    """Another process holds the data folder; `holder` says who (None when it could not be read)."""

    def __init__(self, message, holder: Holder | None):
        super().__init__(message)
        self.holder = holder


def busy(holder: Holder | None, what: str = "") -> FolderBusy:
    """The refusal for a folder that `holder` holds; `what` names what was not done."""
    if holder is None:
        text = msg(_C, QT_TRANSLATE_NOOP(
            _C, "另一个村务台账程序正在使用这个数据文件夹{what}。请等它结束(或关闭它的窗口)后再试。"),
            what=what and f",{what}")
    elif holder.program == GUI:
        text = msg(_C, QT_TRANSLATE_NOOP(
            _C, "村务台账已经打开了(用的是同一个数据文件夹):{holder}{what}。"
                "请到任务栏上切换到已经打开的窗口,或先关闭它再试。同时使用,一边的修改会被另一边覆盖。"),
            holder=holder.describe(), what=what and f",{what}")
    else:
        text = msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据文件夹正被另一个程序使用:{holder}{what}。请等它结束后再试。"),
            holder=holder.describe(), what=what and f",{what}")
    return FolderBusy(text, holder)


class FolderLock:
    """A held lock on one data folder; `release()` once (or use it as a context manager)."""

    def __init__(self, key: str):
        self._key = key
        self._released = False

    def release(self) -> None:
        """Give the lock up (the last release of this process unlocks the file)."""
        if self._released:
            return
        self._released = True
        _release(self._key)

    def unlock(self) -> None:
        """Alias of `release` (the window's start-up code calls it so)."""
        self.release()

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


@dataclass
class _Held:
    fd: int
    path: Path
    count: int


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def _key(data_dir: Path) -> str:
    return os.path.normcase(str(Path(data_dir).resolve()))


def held_here(data_dir: Path) -> bool:
    """True when this process holds the lock of `data_dir`."""
    with _guard:
        return _key(data_dir) in _held


def acquire(data_dir: Path, program: str, what: str = "") -> FolderLock:
    """Take the lock of `data_dir` for `program` (GUI, or "cli:<command>"); never waits.

    Creates the data folder when it does not exist yet (a first `init`).
    `what` is put in the refusal ("没有恢复").

    Raises:
        FolderBusy: another process holds the folder (the message names it).
        OSError: the folder or the lock file cannot be created (the storage checks explain it).
    """
    key = _key(data_dir)
    with _guard:
        if key in _held:
            _held[key].count += 1
            return FolderLock(key)
        folder = Path(data_dir)
        _make_private_folder(folder)
        path = folder / FILE_NAME
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            if not _try_lock(fd):
                raise busy(read_holder(path), what)
            _write_holder(fd, program)
        except BaseException:
            os.close(fd)
            raise
        _held[key] = _Held(fd, path, 1)
        log.info("data folder locked for %s: %s", program, folder)
        return FolderLock(key)


def _make_private_folder(folder: Path) -> None:
    """Create the data folder if needed: the owner's only when cunwu makes it (0700, as `AppPaths.ensure`)."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        return
    if os.name == "posix":
        os.chmod(folder, 0o700)


def holder_elsewhere(data_dir: Path) -> Holder | None | bool:
    """Who holds `data_dir` in another process: a `Holder`, True (held, unreadable) or False (free).

    Takes the lock for an instant to find out (and gives it back), unless
    this process holds it, which answers False.
    """
    if held_here(data_dir):
        return False
    path = Path(data_dir) / FILE_NAME
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return False  # no lock file: nobody ever held it (or it cannot be read; the storage checks say why)
    try:
        if _try_lock(fd):
            _unlock(fd)
            return False
        return read_holder(path) or True
    finally:
        os.close(fd)


def read_holder(path: Path) -> Holder | None:
    """The holder's text in a lock file (None when empty or half written).

    A window of an earlier release held the folder with Qt's `QLockFile`
    (which also locks with `flock` on Linux): its "pid, application,
    host" lines name a window too.
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read(_MAX_INFO).decode("utf-8")
    except (OSError, ValueError):
        return None
    try:
        data = json.loads(raw)
        return Holder(str(data["program"]), str(data.get("user", "")), int(data.get("pid", 0)),
                      str(data.get("host", "")), str(data.get("started", "")), str(data.get("login", "")))
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    lines = raw.splitlines()
    if len(lines) >= 2 and lines[0].strip().isdigit():  # QLockFile: pid, application name, host name
        return Holder(GUI, "", int(lines[0]), lines[2].strip() if len(lines) > 2 else "")
    return None


def note_login(data_dir: Path, login: str) -> None:
    """Write who is logged in to the window into the lock this process holds ("" after 注销).

    Never fails the caller: the name is a courtesy for the one refused.
    """
    with _guard:
        held = _held.get(_key(data_dir))
        if held is None:
            return
        try:
            with open(held.path, "rb") as fh:
                data = json.loads(fh.read(_MAX_INFO).decode("utf-8"))
            data["login"] = login
            _write_text(held.fd, data)
        except (OSError, ValueError, TypeError):
            log.warning("could not note the login in %s", held.path)


def _write_holder(fd: int, program: str) -> None:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment: say so with "?"
        user = ""
    _write_text(fd, {"program": program, "user": user, "pid": os.getpid(), "host": socket.gethostname(),
                     "started": datetime.now().isoformat(timespec="seconds"), "login": ""})


def _write_text(fd: int, holder: dict) -> None:
    data = json.dumps(holder, ensure_ascii=False).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.ftruncate(fd, len(data))


def _release(key: str) -> None:
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        try:
            os.ftruncate(held.fd, 0)  # nobody holds it now: no name to show
        except OSError:
            pass
        try:
            _unlock(held.fd)
        finally:
            os.close(held.fd)


if os.name == "nt":  # pragma: no cover - exercised by the Windows build
    import msvcrt

    def _try_lock(fd: int) -> bool:
        # Any OSError means "held": Windows says EACCES, wine 8 errno 0 or EINVAL. Checked under wine with
        # the embeddable CPython 3.13: a byte past the end of an empty file locks, a second handle or process
        # is refused at once, and closing the handle or killing the process frees it (selftest 数据文件夹锁).
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
