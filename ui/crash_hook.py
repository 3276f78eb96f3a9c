"""Catching unexpected exceptions from any thread and showing them once.

`sys.excepthook` and `threading.excepthook` may run on a worker thread,
where no widget may be touched. The hook logs the traceback right there
(so the log has it even if the GUI is wedged), then emits a signal; Qt
queues it to the GUI thread, where the dialog is shown. The same error
raised again (a paint handler failing on every repaint) is shown only once.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot

from desktop.db_busy import as_refusal
from models.errors import CunwuError

log = logging.getLogger(__name__)


class CrashHook(QObject):
    """Installs itself as the exception hook; shows a `CrashDialog` per new error."""

    #: Formatted traceback, emitted from whichever thread failed.
    crashed = Signal(str)
    #: A plain refusal that reached the hook ("database is locked"), emitted from whichever thread.
    refused = Signal(str)

    def __init__(self, log_dir: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self._log_dir = log_dir
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        self.dialog = None  # the dialog on screen, if any (tests look at it)
        self.crashed.connect(self._show)
        self.refused.connect(self._show_refusal)
        self.refusal_box = None  # the box on screen, if any (tests look at it)

    def install(self) -> None:
        """Route uncaught exceptions of all threads through this hook."""
        sys.excepthook = self._sys_hook
        threading.excepthook = self._threading_hook

    def uninstall(self) -> None:
        """Restore the hooks that were in place before `install`."""
        sys.excepthook = self._previous_sys
        threading.excepthook = self._previous_threading

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """Log the exception and, unless already reported, queue the dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_sys(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        busy = as_refusal(exc)
        if busy is not None:  # another program held the write lock: say so, it is no crash of ours
            log.warning("database locked by another program:\n%s", details)
            self.refused.emit(str(busy))
            return
        log.error("unhandled exception:\n%s", details)
        # Same type raised at the same line is the same error, whatever the
        # message text ("row 17", "row 18") or the path that led there.
        frames = traceback.extract_tb(tb)[-1:]
        key = exc_type.__qualname__ + "|" + "|".join(f"{f.filename}:{f.lineno}" for f in frames)
        with self._lock:
            if key in self._seen:
                return
            self._seen.add(key)
        self.crashed.emit(details)

    def _sys_hook(self, exc_type, exc, tb) -> None:
        self.handle(exc_type, exc, tb)

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _show(self, details: str) -> None:
        from ui.crash_dialog import CrashDialog  # only loaded when something went wrong

        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the log has every error
        self.dialog = CrashDialog(details, self._log_dir)
        self.dialog.show()
        self.dialog.raise_()

    @Slot(str)
    def _show_refusal(self, text: str) -> None:
        from ui.errors import show_error

        try:
            if self.refusal_box is not None and self.refusal_box.isVisible():
                return  # one box at a time
        except RuntimeError:  # closed and deleted (the box deletes itself on close)
            pass
        self.refusal_box = show_error(None, CunwuError(text))
