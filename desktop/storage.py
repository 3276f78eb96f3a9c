"""Opening an installation's database safely: folder checks, migration, backup first.

The database layer (peewee, the models, the migrations) is imported inside
`open_store`, not here: start-up checks the folder and paints the login
dialog before it loads (see `desktop.login_facts`).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from desktop.paths import AppPaths
from models.errors import DatabaseError, NotOurDatabase
from models.messages import QT_TRANSLATE_NOOP, msg

if TYPE_CHECKING:
    from models import migrations

log = logging.getLogger(__name__)
_C = "storage"


class DataDirError(DatabaseError):
    """The data folder cannot be created or written."""


def check_writable(paths: AppPaths) -> None:
    """Make sure the data folder exists and accepts writes, with a plain message if not."""
    try:
        paths.ensure()
        probe = paths.data_dir / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据文件夹“{path}”无法写入({detail})。请换一个文件夹,或请电脑管理员开放写入权限。"),
            path=paths.data_dir, detail=exc.strerror or exc)) from exc
    if paths.database.exists() and not os.access(paths.database, os.W_OK):
        raise DataDirError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据库文件“{path}”是只读的,不能保存任何修改。请检查文件属性或权限。"),
            path=paths.database))


def _not_upgraded() -> str:
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "数据格式没有升级")))


def refuse_foreign(database_file) -> None:
    """Refuse another program's SQLite file (or a file that is not SQLite) before anything writes to it.

    Opening it the usual way would already change it: the first pragma turns
    it to WAL, rewriting its header. So it is read first, read-only, and
    refused when it has tables but not our application id. An empty or
    missing file is a new database.

    Raises:
        NotOurDatabase: the file is another program's database, or not a database at all.
    """
    import sqlite3
    from pathlib import Path

    from models.file_format import APPLICATION_ID

    path = Path(database_file)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
    except OSError:
        return  # open_database says why it cannot be read
    refused = NotOurDatabase(msg(_C, QT_TRANSLATE_NOOP(
        _C, "“{path}”不是村务台账的数据库,或者已经损坏,不能打开。这个文件没有被改动。"), path=path))
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # cannot even be opened: open_database says why
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return  # ours in use by another program: the lock wait applies later
        raise refused from exc
    finally:
        con.close()
    if app_id != APPLICATION_ID and (tables or version):
        raise refused


def _owner_only(database_file) -> None:
    """Make the database file readable by its owner only (Linux).

    The register holds names, births and phones. SQLite gives its -wal and
    -shm files the database file's mode.
    """
    if os.name != "posix":
        return
    try:
        os.chmod(database_file, 0o600)
    except OSError:  # not ours to change (another account's file opened read-write): leave it
        pass


def open_store(paths: AppPaths, backup_before_migration: bool = True) -> list[migrations.Migration]:
    """Open (creating if needed) and migrate the database; returns the migrations applied.

    An existing database is backed up before any migration touches it.
    Creating or upgrading the schema takes the data folder's lock
    (`desktop.folder_lock`; this process may already hold it): while another
    program holds the folder, a command that only reads may open a database
    that is ready, but never create or upgrade one.

    Raises:
        FolderBusy: the schema needs creating or upgrading while another program holds the folder.
        NotOurDatabase: another program's file, or no database at all (left byte for byte as it was).
    """
    from desktop import folder_lock

    check_writable(paths)
    refuse_foreign(paths.database)  # before SQLite writes anything into another program's file
    held: list[folder_lock.FolderLock] = []
    try:
        if _is_new(paths.database):  # creating the schema beside another program would race it
            held.append(folder_lock.acquire(paths.data_dir, folder_lock.UPGRADE, _not_created()))
        applied = _open_and_migrate(paths, backup_before_migration, held)
    finally:
        for lock in held:
            lock.release()
    if applied:
        log.info("migrated database to v%s", applied[-1].version)
    from desktop.services import installation  # light: the database layer is loaded by now

    installation.forget()  # a file opened (or replaced) at a path read before is read again
    return applied


def _is_new(database_file) -> bool:
    try:
        return database_file.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _not_created() -> str:
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "没有建立数据库")))


def _open_and_migrate(paths: AppPaths, backup_before_migration: bool, held: list) -> list[migrations.Migration]:
    """`open_store`'s work: open, then migrate under the folder's lock (taken into `held`)."""
    import peewee

    from desktop import folder_lock
    from models import migrations
    from models.db import close_database, open_database

    try:
        open_database(paths.database)
    except peewee.OperationalError as exc:  # cannot open the file at all
        close_database()
        raise DataDirError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "无法打开数据库“{path}”:{detail}"), path=paths.database, detail=exc)) from exc
    except peewee.DatabaseError as exc:  # "file is not a database" while setting pragmas
        close_database()
        raise NotOurDatabase(msg(_C, QT_TRANSLATE_NOOP(
            _C, "“{path}”不是村务台账的数据库,或者已经损坏,不能打开。"), path=paths.database)) from exc
    _owner_only(paths.database)

    def _backup(state: migrations.SchemaState) -> None:
        # Upgrading under a window or a command that holds the folder would change the schema beneath it.
        held.append(folder_lock.acquire(paths.data_dir, folder_lock.UPGRADE, _not_upgraded()))
        if backup_before_migration:
            from desktop import backup  # late import keeps start-up light

            path = backup.create_backup(paths.database, paths.backups,
                                        reason=f"before-migration-v{state.user_version}")
            log.info("backup before migration: %s", path)

    try:
        return migrations.migrate(before_upgrade=_backup)
    except DatabaseError:
        close_database()
        raise
    except peewee.OperationalError as exc:
        close_database()
        raise DataDirError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "无法打开数据库“{path}”:{detail}"), path=paths.database, detail=exc)) from exc


# --- replacing the database with a backup while the program runs (文件 → 从备份恢复…) ------------

def close_for_restore() -> None:
    """Close this thread's connection (the UI thread's, before the restore job starts).

    Each thread has its own connection (peewee); the restore job runs on a
    worker that opens none (`ui.operations.Runner(connect=False)`). With no
    connection open the WAL is checkpointed away and the file can be swapped
    (on Windows a file still open cannot be).
    """
    from models.db import close_database

    close_database()


def restore_from_backup(paths: AppPaths, backup_file, progress=None, cancelled=None):
    """On a worker holding no connection to the database: `backup.restore`; returns the safety backup.

    The caller reopens the database with `open_store` afterwards on its own
    thread, whether the restore succeeded (the new file, migrated if it is
    older) or not (the old file, untouched).

    Raises:
        BackupError: not a good backup, or the swap could not be made (nothing changed).
        Cancelled: cancelled before the swap (nothing changed).
    """
    from desktop import backup

    return backup.restore(backup_file, paths.database, paths.backups, progress, cancelled)
