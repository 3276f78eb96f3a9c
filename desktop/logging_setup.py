"""Logging to a rotating file in the data folder (and stderr when asked)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILENAME = "cunwu.log"


def configure(log_dir: Path | None, verbose: bool = False) -> Path | None:
    """Send log records to `log_dir/cunwu.log` (5 × 1 MB). Returns the file path.

    A data folder that cannot be written must not stop the app from telling
    the user so: logging then falls back to stderr only.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cunwu", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            path = log_dir / LOG_FILENAME
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError:
            path = None
        else:
            handler.setFormatter(fmt)
            handler._cunwu = True  # type: ignore[attr-defined]
            root.addHandler(handler)
    if verbose or path is None:
        stream = logging.StreamHandler()
        stream.setFormatter(fmt)
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream._cunwu = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
