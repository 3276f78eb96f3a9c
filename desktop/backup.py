"""Backups: online SQLite copies, daily rotation, verified restore.

A backup is made with SQLite's online backup API (consistent even while the
app is writing), written under a temporary name, checked, flushed to disk
and only then renamed: a full disk or a pulled USB stick never leaves a file
that looks like a good backup.

Two checks of the copy (see `create_backup`): the full `PRAGMA
integrity_check` for the daily, manual, pre-migration and pre-restore
backups, and a completeness check, whose cost does not grow with the
database, for the restore point taken before a batch of imports.

Automatic backups: at most one a day on start, keeping the newest copy of
each of the last 7 days and of each of the last 4 weeks. Backups taken
before a migration or a restore are kept outside that rotation.

Who can read a backup: it holds the whole register (names, birth months,
phones), so it is readable by its owner only. On Linux every backup file is
created 0600 (`os.open` with the mode, then `chmod`: a umask cannot widen
it), the database swapped in by a restore too, and the installation's
backups folder is 0700 (`secure_folder`); a folder a backup creates is
0700. On Windows the POSIX modes mean nothing: the data folder, and so
its backups folder, lives in the user's profile (`%LOCALAPPDATA%`, see
`desktop.paths`), whose NTFS permissions inherited by every file give
access to that user, SYSTEM and the Administrators only — other accounts
on a shared PC cannot open them. A backup written elsewhere (a USB stick,
FAT-formatted, has no permissions at all) is as private as that place:
the dialog says so.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from models.clock import now_utc
from models.db import APPLICATION_ID
from models.errors import BackupError, Cancelled
from models.messages import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)
_C = "backup"

DAILY = "daily"
#: `cunwu-YYYYMMDD-HHMMSS-<reason>.sqlite3`, and `…-<reason>-N.sqlite3` for the N-th backup of one
#: reason within one second (`_reserve`; older releases put their process id there): N is not part
#: of the reason, so such a copy is listed, labelled and rotated like the others of its kind.
_NAME = re.compile(r"^cunwu-(\d{8})-(\d{6})-([a-z0-9\-]+?)(?:-(\d+))?\.sqlite3$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
#: Restore points before batches of imports: each is a whole copy (250 MB for a
#: township of 200 villages) and one is taken per batch, so only the newest few
#: are kept; the daily and weekly backups reach further back.
KEEP_BEFORE_IMPORT = 5
#: Owner-only modes (POSIX): a backup holds the whole register.
FILE_MODE = 0o600
FOLDER_MODE = 0o700
#: Pages copied per step of a copy with progress: 1 MB at SQLite's 4 KB pages.
_STEP_PAGES = 256
#: Numbers this process's copies in progress, so two copies at once never share a `.partial` file.
_PARTIALS = itertools.count(1)
#: `progress(done, total)`: how far a copy is, in pages.
Progress = Callable[[int, int], None]


def secure_folder(folder: Path) -> Path:
    """Make `folder` (the installation's backups folder) and let only its owner in (0700 on POSIX)."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if os.name == "posix":
        os.chmod(folder, FOLDER_MODE)
    return folder


def _private_file(path: Path) -> None:
    """Create `path` empty, readable and writable by its owner only (0600 on POSIX).

    SQLite then writes into the existing file (an empty file is an empty
    database) and creates its journal with the same mode.
    """
    path.unlink(missing_ok=True)  # a leftover of a copy cut off before
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    if os.name == "posix":
        os.chmod(path, FILE_MODE)


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress | None,
          cancelled: Callable[[], bool] | None, offset: int = 0, whole: int = 0) -> None:
    """`src.backup(dst)`, step by step when someone watches (progress) or may cancel.

    `offset` and `whole` place this copy inside a longer job (a restore copies
    twice). Raises `Cancelled` between two steps when `cancelled()` says so.
    """
    if progress is None and cancelled is None:
        src.backup(dst)
        return

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(offset + total - remaining, whole or total)
        if cancelled is not None and cancelled():
            raise Cancelled()

    src.backup(dst, pages=_STEP_PAGES, progress=step)


def page_count(db_path: Path) -> int:
    """How many pages a copy of `db_path` moves (for one progress bar over several copies)."""
    con = _read_only(db_path)
    try:
        return con.execute("PRAGMA page_count").fetchone()[0]
    finally:
        con.close()


def _read_only(path: Path) -> sqlite3.Connection:
    """Open `path` read-only (a URI, so spaces and Chinese in the path are safe)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())


def create_backup(db_path: Path, dest_dir: Path, reason: str = "manual",
                  now: datetime | None = None, full_check: bool = True,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  offset: int = 0, whole: int = 0) -> Path:
    """Copy the database at `db_path` into `dest_dir`; returns the new file.

    With `full_check` (the default) the copy must pass `PRAGMA
    integrity_check`, which reads every page: seconds on a township of 200
    villages. That is right for the daily backup (once a day, at start), a
    manual backup, and the copies before a migration or a restore — and it is
    where a damaged *source* is found: the copy is page for page the
    database.

    `full_check=False` is for the restore point before a batch of imports
    (`desktop.sync.import_backup`), taken while a person waits for a
    package: the copy is only proved complete, at a cost that does not grow
    with the database (`_check_complete`). It is still a usable restore
    point: the online backup API copies every page of one consistent
    snapshot verbatim, the check proves every page reached the file, and
    `restore` runs the full `integrity_check` on the backup before it
    replaces anything, so a copy of an already damaged database is refused
    there with a clear message, never swapped in.

    The file is the owner's only (see the module's docstring); a `dest_dir`
    that does not exist yet is created 0700. `progress(done, total)` is told
    the pages copied; `cancelled()` is asked between steps (then `Cancelled`
    is raised and nothing is left behind).

    Raises:
        BackupError: the copy could not be completed (nothing is left behind).
        Cancelled: the person cancelled (nothing is left behind).
    """
    now = now or datetime.now()
    stem = f"cunwu-{now:%Y%m%d-%H%M%S}-{reason}"
    tmp = dest_dir / f"{stem}.{os.getpid()}-{next(_PARTIALS)}.sqlite3.partial"
    dest = tmp
    try:
        if not dest_dir.exists():
            dest_dir.mkdir(parents=True, mode=FOLDER_MODE)  # a folder made for backups: the owner's only
        src = _read_only(db_path)
        try:
            _private_file(tmp)
            dst = sqlite3.connect(tmp)
            try:
                src.execute("BEGIN")  # one snapshot for the copy and what it is checked against
                expected = _shape(src)
                _copy(src, dst, progress, cancelled, offset, whole)
                src.rollback()
                dst.execute("PRAGMA journal_mode = DELETE")
                if full_check and dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("integrity check of the copy failed")
                copied = _shape(dst)
            finally:
                dst.close()
        finally:
            src.close()
        _check_complete(tmp, expected, copied)
        _fsync(tmp)
        dest = _reserve(tmp, dest_dir, stem)
    except (OSError, sqlite3.Error, Cancelled) as exc:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):  # a copy cut off mid-transaction
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        if isinstance(exc, Cancelled) or isinstance(exc.__context__, Cancelled):
            raise Cancelled() from None  # cancelled inside the copy: sqlite3 may wrap it
        raise BackupError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "备份没有完成:{detail}。可能是磁盘已满或不能写入。现有数据没有受到任何影响。"),
            detail=getattr(exc, "strerror", None) or exc)) from exc
    log.info("backup written: %s", dest)
    return dest


def _reserve(tmp: Path, dest_dir: Path, stem: str) -> Path:
    """Give the finished copy `tmp` its name: `stem.sqlite3`, or `stem-2`, `stem-3`, … when taken.

    Two backups within one second (a batch of imports right after a manual
    backup, two windows, a script) used to share one name, and the second
    replaced the first. A hard link never replaces a file, so the name is
    claimed atomically even against another process; a folder that cannot
    link (a FAT-formatted USB stick) takes the first name not on disk.
    """
    for n in itertools.count(1):
        dest = dest_dir / (f"{stem}.sqlite3" if n == 1 else f"{stem}-{n}.sqlite3")
        try:
            os.link(tmp, dest)
        except FileExistsError:
            continue
        except OSError:  # no hard links here: check, then rename
            if dest.exists():
                continue
            os.replace(tmp, dest)
            return dest
        tmp.unlink()
        return dest
    raise AssertionError("unreachable")


def _shape(con: sqlite3.Connection) -> tuple[int, int, int, int, int]:
    """Page count and size, application id, schema version and schema size: read from the header pages."""
    one = [con.execute(f"PRAGMA {name}").fetchone()[0]
           for name in ("page_count", "page_size", "application_id", "user_version")]
    schema = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return one[0], one[1], one[2], one[3], schema


def _check_complete(copy: Path, expected: tuple[int, ...], copied: tuple[int, ...]) -> None:
    """The copy holds every page of the snapshot it was made from: O(1), whatever the database's size.

    Same page count, page size, application id, schema version and schema
    as the source in the snapshot copied (the schema is parsed, so the
    first page is readable), and the file on disk is exactly page count ×
    page size bytes (a full disk or a short write cannot pass).

    Raises:
        sqlite3.DatabaseError: the copy is incomplete.
    """
    pages, page_size = copied[0], copied[1]
    if copied != expected or pages < 1 or copy.stat().st_size != pages * page_size:
        raise sqlite3.DatabaseError("the copy is incomplete")


@dataclass(frozen=True)
class BackupFile:
    """A backup in the backups folder, parsed from its name."""

    path: Path
    taken: datetime
    reason: str
    number: int = 1  # the N-th backup of its reason within that second (`_reserve`)

    def size(self) -> int:
        """Bytes on disk (0 when it went away meanwhile)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in `folder`, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
                found.append(BackupFile(path, taken, match.group(3), int(match.group(4) or 1)))
    found.sort(key=lambda b: (b.taken, b.number), reverse=True)
    return found


def backups_to_keep(daily: list[BackupFile]) -> set[Path]:
    """Newest per day for the last 7 days having one, newest per ISO week for the last 4."""
    keep: set[Path] = set()
    days: dict[date, BackupFile] = {}
    weeks: dict[tuple[int, int], BackupFile] = {}
    for b in daily:  # newest first, so the first seen per bucket is the newest
        days.setdefault(b.taken.date(), b)
        weeks.setdefault(b.taken.isocalendar()[:2], b)
    for d in sorted(days, reverse=True)[:KEEP_DAILY]:
        keep.add(days[d].path)
    for w in sorted(weeks, reverse=True)[:KEEP_WEEKLY]:
        keep.add(weeks[w].path)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Delete daily backups beyond the rotation; returns what was deleted."""
    daily = [b for b in list_backups(folder) if b.reason == DAILY]
    keep = backups_to_keep(daily)
    return _remove(b for b in daily if b.path not in keep)


def rotate_kept(folder: Path, reason: str, keep: int) -> list[Path]:
    """Delete backups of `reason` beyond the newest `keep`; returns what was deleted."""
    return _remove([b for b in list_backups(folder) if b.reason == reason][keep:])


def _remove(backups) -> list[Path]:
    """Delete these backups; one that cannot be deleted is logged and left (never an error)."""
    removed = []
    for b in backups:
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", b.path, exc)
    return removed


def auto_backup(db_path: Path, folder: Path, now: datetime | None = None) -> Path | None:
    """Take today's backup unless one exists; rotate. Returns the new file or None."""
    now = now or datetime.now()
    if not db_path.exists():
        return None
    secure_folder(folder)
    if any(b.reason == DAILY and b.taken.date() == now.date() for b in list_backups(folder)):
        return None
    path = create_backup(db_path, folder, DAILY, now)
    rotate(folder)
    return path


@dataclass
class DatabaseSummary:
    """What a database holds, for "this will replace …" confirmations."""

    path: Path
    schema_version: int
    mode: str = ""
    code: str = ""
    name: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    last_change: str = ""


_COUNTED = {"person": "人员", "user": "账号", "village": "村庄", "audit_entry": "审计记录"}


def summarize(path: Path) -> DatabaseSummary:
    """Read-only look at a database file; verifies it is an intact cunwu database.

    Raises:
        BackupError: not SQLite, not ours, damaged, or from a newer release.
    """
    from models.migrations import SCHEMA_VERSION
    from models.schema_shape import missing_tables, shown_tables

    def refuse(template: str, **params) -> BackupError:
        return BackupError(msg(_C, template, **params))

    if not path.is_file():
        raise refuse(QT_TRANSLATE_NOOP(_C, "找不到文件“{path}”。"), path=path)
    try:
        con = _read_only(path)
    except sqlite3.Error as exc:
        raise refuse(QT_TRANSLATE_NOOP(_C, "无法读取“{path}”:{detail}"), path=path, detail=exc) from exc
    try:
        try:
            check = con.execute("PRAGMA integrity_check").fetchone()[0]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise refuse(QT_TRANSLATE_NOOP(_C, "“{path}”不是数据库文件,或已经损坏。"), path=path) from exc
        if app_id != APPLICATION_ID:
            raise refuse(QT_TRANSLATE_NOOP(_C, "“{path}”不是村务台账的数据库。"), path=path)
        if check != "ok":
            raise refuse(QT_TRANSLATE_NOOP(_C, "“{path}”已经损坏(完整性检查未通过:{detail})。"),
                         path=path, detail=check)
        if version > SCHEMA_VERSION:
            raise refuse(QT_TRANSLATE_NOOP(
                _C, "“{path}”来自更新版本的村务台账(数据格式第 {found} 版),请先升级软件。"),
                path=path, found=version)
        missing = missing_tables(con, version)
        if missing:
            raise refuse(QT_TRANSLATE_NOOP(
                _C, "“{path}”不完整:缺少 {n} 张表:{names},不能用来恢复。它可能被别的工具改动过。"),
                path=path, n=len(missing), names=shown_tables(missing))
        summary = DatabaseSummary(path, version)
        row = con.execute("SELECT mode, code, name FROM installation WHERE id = 1").fetchone()
        if row:
            summary.mode, summary.code, summary.name = row
        for table, label in _COUNTED.items():
            where = " WHERE deleted = 0" if table in ("person", "village") else ""
            summary.counts[label] = con.execute(f'SELECT count(*) FROM "{table}"{where}').fetchone()[0]
        last = con.execute("SELECT max(at) FROM audit_entry").fetchone()[0]
        summary.last_change = last or ""
        return summary
    finally:
        con.close()


def restore(backup_file: Path, db_path: Path, backups_dir: Path,
            progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Path | None:
    """Replace the database at `db_path` with `backup_file`.

    The caller must have closed its connection. The current database is first
    saved as a `before-restore` backup (returned); the new file is copied
    next to the target, verified, flushed and swapped in with one rename.
    `progress(done, total)` counts the pages of both copies; `cancelled()` is
    asked between steps until the swap (a cancel leaves everything as it was).

    Raises:
        BackupError: the file is not a good backup, or the swap could not be made.
        Cancelled: the person cancelled before the swap (nothing changed).
    """
    summarize(backup_file)
    secure_folder(backups_dir)
    whole = (page_count(db_path) if db_path.exists() else 0) + page_count(backup_file)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise BackupError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据库正在被使用(可能另一个村务台账窗口还开着)。请关闭所有窗口后再恢复。")))
    previous = None
    done = 0
    if db_path.exists():
        done = page_count(db_path)
        previous = create_backup(db_path, backups_dir, "before-restore", progress=progress,
                                 cancelled=cancelled, whole=whole)
    tmp = db_path.with_name(db_path.name + ".restoring")
    try:
        src = _read_only(backup_file)
        try:
            _private_file(tmp)
            dst = sqlite3.connect(tmp)
            try:
                _copy(src, dst, progress, cancelled, done, whole)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if cancelled is not None and cancelled():
            raise Cancelled()
        from desktop.services import installation
        from desktop.sync import counters

        # Marked and lifted in the copy, before the swap: a crash at any moment leaves either the old
        # database or a restored one that knows it was restored (never one whose next edits the
        # township would take for old ones).
        counters.lift_after_restore(tmp, now_utc(), data_dir=db_path.parent)
        _fsync(tmp)
        for leftover in (wal, db_path.with_name(db_path.name + "-shm")):  # the old file's, empty (checked)
            leftover.unlink(missing_ok=True)
        os.replace(tmp, db_path)
        from desktop.sync.package_format import fsync_folder

        fsync_folder(db_path.parent)
        installation.forget()  # the restored file may hold another province
    except (OSError, sqlite3.Error, Cancelled) as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, Cancelled) or isinstance(exc.__context__, Cancelled):
            if previous is not None:  # nothing was replaced: the copy of it is not needed
                previous.unlink(missing_ok=True)
            raise Cancelled() from None
        raise BackupError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "恢复没有完成:{detail}。原来的数据库没有被改动。"),
            detail=getattr(exc, "strerror", None) or exc)) from exc
    log.info("restored %s from %s (previous kept as %s)", db_path, backup_file, previous)
    return previous
