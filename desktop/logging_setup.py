"""Logging to a rotating file in the data folder (and stderr when asked).

At GUI start-up the file handler can be held back (`hold_file=True`): its
module, `logging.handlers`, brings socket, pickle and queue with it (~10 ms),
which the first window must not wait for. Until `open_held_file()` runs (just
after the first paint) records are kept in memory and then written in order
with their own times; a warning or worse opens the file at once, so a crash
is on disk even if the window never appears.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

LOG_FILENAME = "cunwu.log"
MAX_BYTES, BACKUP_COUNT = 1_000_000, 5

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_lock = threading.RLock()


def configure(log_dir: Path | None, verbose: bool = False, hold_file: bool = False) -> Path | None:
    """Send log records to `log_dir/cunwu.log` (5 × 1 MB). Returns the file path.

    A data folder that cannot be written must not stop the app from telling
    the user so: logging then falls back to stderr only. With `hold_file`
    the file is created now but written from `open_held_file()` on.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cunwu", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter(_FORMAT)
    path = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            path = log_dir / LOG_FILENAME
            if hold_file:
                with open(path, "a", encoding="utf-8"):  # fails now, as the handler would
                    pass
                handler = _HeldRecords(path)
            else:
                handler = _rotating_file(path)
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


def open_held_file() -> None:
    """Start writing the held log file: records kept so far first. Does nothing if none is held."""
    with _lock:
        root = logging.getLogger()
        held = next((h for h in root.handlers if isinstance(h, _HeldRecords)), None)
        if held is None:
            return
        try:
            handler = _rotating_file(held.path)
        except OSError:  # the file went away since configure(): warnings to stderr, as then
            handler = logging.StreamHandler()
            handler.setLevel(logging.WARNING)
        handler.setFormatter(held.formatter)
        handler._cunwu = True  # type: ignore[attr-defined]
        root.removeHandler(held)
        root.addHandler(handler)
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
        held.records.clear()


def _rotating_file(path: Path) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                encoding="utf-8")


class _HeldRecords(logging.Handler):
    """Keeps records for `path` until `open_held_file()`; a warning or worse opens it at once."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep `record`; from WARNING up, write everything now."""
        self.records.append(record)
        if record.levelno >= logging.WARNING:
            open_held_file()
