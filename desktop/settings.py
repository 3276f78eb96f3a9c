"""Typed user-interface settings with defaults, stored as JSON in the data folder.

One registry: each setting is declared once with its type and default, so a
missing or hand-edited file can never crash the app (bad values fall back to
the default). Settings are per installation, not synced.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)

# 11 pt is the smallest size comfortable for older eyes on a 1366x768 screen.
FONT_SIZES = {"normal": 11, "large": 13, "xlarge": 16}


@dataclass
class Settings:
    """All UI settings and their defaults."""

    font_size: str = "normal"  # one of FONT_SIZES
    last_login: str = ""
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    last_export_dir: str = ""
    last_backup_dir: str = ""  # where 文件 → 备份… saved last, and where 从备份恢复… looks first

    def point_size(self) -> int:
        """Base font point size for the chosen size."""
        return FONT_SIZES.get(self.font_size, FONT_SIZES["normal"])


def load(path: Path) -> Settings:
    """Read settings; unknown keys and wrong types are ignored with a log line."""
    settings = Settings()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return settings
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable, using defaults: %s", exc)
        return settings
    if not isinstance(raw, dict):
        return settings
    for f in fields(Settings):
        value = raw.get(f.name)
        if isinstance(value, type(getattr(settings, f.name))):
            setattr(settings, f.name, value)
    if settings.font_size not in FONT_SIZES:
        settings.font_size = "normal"
    return settings


def save(path: Path, settings: Settings) -> None:
    """Write settings atomically (temp file, then rename)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, path)
