"""Typed domain errors. Each carries a translatable Chinese `Message`.

The GUI maps these to dialogs in one place (`ui/errors.py`) and the CLI to
exit code 1 with the message on stderr; nobody parses message text.
"""

from __future__ import annotations

from typing import Any

from models.messages import Message, msg


class CunwuError(Exception):
    """Base of every error a user may see. `message` is already Chinese."""

    def __init__(self, message: Message | str, **params: Any):
        if isinstance(message, str):
            message = msg("errors", message, **params)
        self.message = message
        super().__init__(str(message))


class ValidationError(CunwuError):
    """Input that breaks a rule; nothing was written."""


class DuplicateRecord(ValidationError):
    """The same thing is already recorded (the same posting for a period, 民主理财 for a month).

    Not a plain refusal: the person may still want a second one, so the
    service raises this only when not told `allow_duplicate=True`; the screen
    offers 打开已有的 (`existing_id`) / 仍然新建 / 取消.
    """

    def __init__(self, message: Message | str, existing_id: str = "", **params: Any):
        super().__init__(message, **params)
        self.existing_id = existing_id


class PermissionDenied(CunwuError):
    """The logged-in role may not do this (enforced in services, not only by hidden buttons)."""


class NotFound(CunwuError):
    """A record that the caller named does not exist (or is in the recycle view)."""


class DatabaseError(CunwuError):
    """The database file cannot be used as it is."""


class NotOurDatabase(DatabaseError):
    """The file is not a cunwu database (another program's file, or not SQLite at all)."""


class DatabaseTooNew(DatabaseError):
    """Written by a newer release of cunwu; opening it here could damage it."""


class AuthenticationFailed(CunwuError):
    """Wrong login name or password (deliberately not saying which).

    `wait_seconds`: how long the next try will be refused (the growing delay
    after wrong passwords), so the login dialog can count down; 0 for none.
    """

    wait_seconds: int = 0


class LoginDelayed(AuthenticationFailed):
    """Tried again before the delay after a wrong password ran out; the password was not checked."""


class AccountLocked(AuthenticationFailed):
    """Ten wrong passwords in a row: no login until `wait_seconds` from now (the message says when)."""


class MigrationFailed(DatabaseError):
    """A schema upgrade step failed; that step was rolled back, earlier ones kept."""


class BackupError(CunwuError):
    """A backup or restore could not be completed; the current data is untouched."""


class PackageRefused(CunwuError):
    """A data package was refused whole (signature, sender, hashes, format); nothing was changed."""


class PackageWriteError(CunwuError):
    """A package could not be written to the target (full, read-only, removed); nothing valid-looking is left."""


class Cancelled(Exception):  # noqa: N818 - the person's wish, not an error
    """A long job stopped because the person pressed 取消 (it checked `cancelled()`).

    Not a `CunwuError`: nothing was refused, and the job left nothing behind.
    """
