"""文件 → 备份… and 从备份恢复… with the login's permission checked here, not only in the menu.

A backup is the whole register (names, birth months, phone numbers): only a
role with `Permission.BACKUP_RESTORE` (管理员, 村文书) makes one; a 监委会 or
只读 login cannot, whatever window calls this. A restore replaces every
record and account: the administrator's only (`MANAGE_USERS` as well). The
command line acts as the administrator (`cli_session`) and keeps calling
`desktop.backup` itself; the automatic backups are the program's, not a login's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop import backup, storage
from desktop.paths import AppPaths
from desktop.services.session import Session
from models.roles import Permission, has_permission, roles_for_mode

Progress = Callable[[int, int], None]


def may_back_up(session: Session) -> bool:
    """Whether this login may copy the whole database (文件 → 备份…)."""
    return session.can(Permission.BACKUP_RESTORE)


def may_restore(session: Session) -> bool:
    """Whether this login may replace the whole database from a backup (the administrator)."""
    return session.can(Permission.BACKUP_RESTORE) and session.can(Permission.MANAGE_USERS)


def roles_that_back_up(mode: str) -> list[str]:
    """The role codes of an installation of `mode` that may back up, in display order (for "who can")."""
    return [role for role in roles_for_mode(mode) if has_permission(role, Permission.BACKUP_RESTORE)]


def back_up(session: Session, database: Path, folder: Path, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> Path:
    """A manual backup of `database` into `folder` (`desktop.backup.create_backup`); returns the file.

    Raises:
        PermissionDenied: the login's role may not back up (nothing is written).
        BackupError, Cancelled: as `create_backup`.
    """
    session.require(Permission.BACKUP_RESTORE)
    return backup.create_backup(database, folder, "manual", progress=progress, cancelled=cancelled)


def restore(session: Session, paths: AppPaths, backup_file: Path, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> Path | None:
    """Replace the data with `backup_file` (`storage.restore_from_backup`); the administrator's only.

    Raises:
        PermissionDenied: not an administrator (nothing is changed).
    """
    session.require(Permission.BACKUP_RESTORE)
    session.require(Permission.MANAGE_USERS)
    return storage.restore_from_backup(paths, backup_file, progress, cancelled)
