"""One exchange job at a time on a worker thread, with progress and a cancel flag.

The job is a callable `work(progress, cancelled)`; its `progress(done, total)`
calls arrive on the UI thread as `progress` signals (queued), and its result
or exception arrives as `on_done(result)` / `on_failed(exc)` on the UI thread.
The database work inside uses the worker thread's own connection
(`exchange_service.*_in_worker`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.services import exchange_service as xs
from models.errors import CunwuError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, cancel_flag: threading.Event):
        super().__init__()
        self.setAutoDelete(False)  # kept by the runner until its signal arrived
        self.signals = _Signals()
        self._work = work
        self._cancel = cancel_flag

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - handed to the page, which tells the person
            if not isinstance(exc, CunwuError | xs.Cancelled):
                log.error("exchange job failed", exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class JobRunner(QObject):
    """Runs one job at a time on `pool` (the global pool unless one is given)."""

    busy_changed = Signal(bool)
    progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._job: _Job | None = None
        self._cancel = threading.Event()
        self._on_done: Callable[[Any], None] | None = None
        self._on_failed: Callable[[BaseException], None] | None = None

    def is_busy(self) -> bool:
        """Whether a job is running."""
        return self._job is not None

    def cancel(self) -> None:
        """Ask the running job to stop at its next check."""
        self._cancel.set()

    def run(self, work: Work, on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None]) -> bool:
        """Start `work`; False (and nothing started) while another job runs."""
        if self._job is not None:
            return False
        self._cancel = threading.Event()
        job = _Job(work, self._cancel)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self._job, self._on_done, self._on_failed = job, on_done, on_failed
        self.busy_changed.emit(True)
        self._pool.start(job)
        return True

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    def _finished(self, result: Any) -> None:
        callback = self._end()
        callback[0](result)

    def _failed(self, exc: BaseException) -> None:
        callback = self._end()
        callback[1](exc)

    def _end(self):
        callbacks = (self._on_done, self._on_failed)
        self._job = self._on_done = self._on_failed = None
        self.busy_changed.emit(False)
        return callbacks
