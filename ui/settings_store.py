"""The UI settings object together with the file it came from.

Windows change a setting and call `save()`; they never need to know where
the file lives. A failed write is logged, not raised: losing a window size
must never interrupt the person's work.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop import settings as settings_mod

log = logging.getLogger(__name__)


@dataclass
class SettingsStore:
    """`values` (a `desktop.settings.Settings`) and where to save them."""

    path: Path
    values: settings_mod.Settings

    @classmethod
    def load(cls, path: Path) -> SettingsStore:
        """Read the settings file (defaults when missing or unreadable)."""
        return cls(path, settings_mod.load(path))

    def save(self) -> None:
        """Write the settings; logs instead of raising on a disk problem."""
        try:
            settings_mod.save(self.path, self.values)
        except OSError as exc:
            log.warning("could not save settings to %s: %s", self.path, exc)
