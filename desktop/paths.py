r"""Every folder cunwu uses, resolved in one place.

Order of precedence: `--data-dir` on the command line, then the environment
variable `CUNWU_DATA_DIR`, then the per-user data folder of the platform
(`%LOCALAPPDATA%\\cunwu` on Windows, `~/.local/share/cunwu` on Linux). Data
never lives in the install folder, so an upgrade or uninstall cannot touch it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "CUNWU_DATA_DIR"
DB_FILENAME = "cunwu.sqlite3"


def default_data_dir() -> Path:
    """The platform's per-user data folder for cunwu."""
    from platformdirs import user_data_dir  # imported late: start-up time matters

    return Path(user_data_dir("cunwu", appauthor=False, roaming=False))


@dataclass(frozen=True)
class AppPaths:
    """The folders and files of one installation's data."""

    data_dir: Path

    @property
    def database(self) -> Path:
        """The SQLite database file."""
        return self.data_dir / DB_FILENAME

    @property
    def backups(self) -> Path:
        """Automatic backups (rotated)."""
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        """Rotating log files."""
        return self.data_dir / "logs"

    @property
    def attachments(self) -> Path:
        """Attachments stored by content hash."""
        return self.data_dir / "attachments"

    @property
    def keys(self) -> Path:
        """This installation's signing keys (never leave the data folder)."""
        return self.data_dir / "keys"

    @property
    def settings_file(self) -> Path:
        """Per-installation user interface settings."""
        return self.data_dir / "settings.json"

    @property
    def drafts(self) -> Path:
        """Unsaved form drafts, so a closed window never loses typing."""
        return self.data_dir / "drafts"

    def ensure(self) -> None:
        """Create the folders (raises OSError when the place is not writable).

        On Linux the register's personal data is the owner's only: the folders
        cunwu makes are 0700 (backups, drafts, logs, attachments always; the data
        folder itself when cunwu creates it — a folder the person chose and that
        already existed keeps its mode), and `desktop.storage` makes the database
        file 0600. On Windows the data lives in the user's profile, whose ACL
        keeps other accounts out.
        """
        created_data_dir = not self.data_dir.exists()
        for folder in (self.data_dir, self.backups, self.logs, self.attachments, self.drafts):
            folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            ours = [self.backups, self.logs, self.attachments, self.drafts]
            if created_data_dir:
                ours.append(self.data_dir)
            for folder in ours:
                try:
                    os.chmod(folder, 0o700)
                except OSError:  # another account's folder: the files inside are still 0600
                    pass


def resolve(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Resolve the data folder from the argument, the environment, or the platform."""
    if data_dir:
        return AppPaths(Path(data_dir).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return AppPaths(Path(env).expanduser().resolve())
    return AppPaths(default_data_dir())
