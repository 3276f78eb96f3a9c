"""The operations layer: every write and every slow read the person asks for goes through here.

Three shapes, one error path, one announcement of what changed:

- `run_op(parent, call)`: a short write (a record saved, a step recorded). It
  runs on the UI thread — a record write is a few milliseconds, and the next
  state of the editor depends on it — inside `desktop.changes.recording()`.
  A refusal reaches the person through `ui.errors` (a dialog, or the
  `on_failure` callback that puts the text beside the field); on success the
  tables it wrote are announced to every page through `operations_hub()`.
- `run_query(parent, read)`: a read with the same error path and no announcement.
- `Runner`: a long job (a package, a report, a board over 200 villages) on a
  worker thread, with progress and cancel. Writes share one single-thread
  pool, so two jobs never write at once; reads use Qt's global pool. The
  runner opens the worker's own database connection, hands the exception
  *object* (never its text) to the error path, and announces what the job
  wrote after its result arrived.

The shape is Anki's `CollectionOp`/`QueryOp` and Picard's one-thread save
pool, written for our services.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from desktop.changes import NOTHING, Changes, recording
from desktop.db_busy import as_refusal
from desktop.services.worker import in_own_connection
from models.errors import Cancelled, CunwuError
from ui.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")

#: A long job: `work(progress, cancelled)`; `progress(done, total)` may be called from the worker.
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


# --- announcing what changed -------------------------------------------------------------------------

class OperationsHub(QObject):
    """Where operations announce their changes; the main window listens and tells the pages.

    `changed(changes, initiator)`: `initiator` is the widget that ran the
    operation (its page already shows the result it asked for) or None.
    """

    changed = Signal(object, object)


_hub: OperationsHub | None = None


def operations_hub() -> OperationsHub:
    """The application's hub (one per QApplication, created on first use)."""
    global _hub
    app = QCoreApplication.instance()
    if _hub is None or _hub.parent() is not app:
        _hub = OperationsHub(app)
    return _hub


def announce(changes: Changes, initiator: QObject | None = None) -> None:
    """Tell every page that `changes` happened (nothing is said when nothing changed)."""
    if changes:
        operations_hub().changed.emit(changes, initiator)


# --- short operations on the UI thread ------------------------------------------------------------

@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation gave: `ok` and its `value`, or the `error` that was shown. Truthy when ok."""

    ok: bool
    value: T | None = None
    error: BaseException | None = None
    changes: Changes = NOTHING

    def __bool__(self) -> bool:
        return self.ok


def report_failure(parent: QWidget | None, exc: BaseException,
                   on_failure: Callable[[BaseException], Any] | None = None) -> None:
    """The one error path: `on_failure(exc)` when given, else a plain dialog over `parent`.

    Anything that is not a refusal of ours or a file error is a bug: it is
    logged with its traceback, and the person reads a plain sentence.
    """
    exc = as_refusal(exc) or exc  # "database is locked": another program kept the write lock past our wait
    if not isinstance(exc, CunwuError | OSError | Cancelled):
        log.error("operation failed", exc_info=exc)
    if on_failure is not None:
        on_failure(exc)
    else:
        show_error(parent, exc)


def run_op(parent: QWidget | None, call: Callable[[], T], *,
           on_success: Callable[[T], Any] | None = None,
           on_failure: Callable[[BaseException], Any] | None = None) -> Outcome[T]:
    """Run a short write now; refusals go to the error path, changes to every page."""
    with recording() as rec:
        try:
            value = call()
        except Exception as exc:  # noqa: BLE001 - every failure takes the one error path
            failure = as_refusal(exc) or exc  # "database is locked" is a refusal, not a bug
        else:
            failure = None
    # Announced even after a failure: an operation of several steps may have
    # written some before the refusal (a refused single write rolled back, and
    # the pages re-read the same rows: harmless).
    changes = rec.changes
    announce(changes, parent)
    if failure is not None:
        report_failure(parent, failure, on_failure)
        return Outcome(False, error=failure, changes=changes)
    if on_success is not None:
        on_success(value)
    return Outcome(True, value, changes=changes)


def run_query(parent: QWidget | None, read: Callable[[], T], *,
              on_failure: Callable[[BaseException], Any] | None = None) -> Outcome[T]:
    """Run a read now; a refusal (say, a record deleted meanwhile) goes to the error path."""
    try:
        return Outcome(True, read())
    except Exception as exc:  # noqa: BLE001 - every failure takes the one error path
        failure = as_refusal(exc) or exc
        report_failure(parent, failure, on_failure)
        return Outcome(False, error=failure)


# --- long jobs on a worker ---------------------------------------------------------------------------

_write_pool: QThreadPool | None = None


def write_pool() -> QThreadPool:
    """The one thread every background write runs on (SQLite has one writer anyway)."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool(QCoreApplication.instance())
        _write_pool.setMaxThreadCount(1)
        _write_pool.setExpiryTimeout(30_000)
    return _write_pool


def wait_for_jobs(msecs: int) -> bool:
    """Wait (at quit) until the running jobs have ended; False when `msecs` ran out first.

    A job is never cut off by the program ending: an import finishes its
    transaction, a backup its copy, a package its rename.
    """
    done = _write_pool is None or _write_pool.waitForDone(msecs)
    return QThreadPool.globalInstance().waitForDone(msecs) and done


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # result, Changes
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, cancel_flag: threading.Event, connect: bool = True):
        super().__init__()
        self.setAutoDelete(False)  # kept by the runner until its signal arrived
        self.signals = _Signals()
        self._work = work
        self._cancel = cancel_flag
        self._connect = connect

    def run(self) -> None:
        with recording() as rec:
            try:
                if self._connect:
                    result = in_own_connection(self._work, self.signals.progress.emit, self._cancel.is_set)
                else:
                    result = self._work(self.signals.progress.emit, self._cancel.is_set)
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread's error path
                self.signals.failed.emit(exc)
                return
        self.signals.finished.emit(result, rec.changes)


class Runner(QObject):
    """Runs one job at a time for its owner (a page, a dialog), off the UI thread.

    `run(work, on_done, on_failed)`: `work(progress, cancelled)` runs on a
    worker; `on_done(result)` or `on_failed(exc)` then runs on the UI thread
    (without `on_failed`, the one error path shows the failure over the
    owner). `busy_changed(bool)` and `progress(done, total)` drive the owner's
    progress bar and buttons. A job that raises `Cancelled` ends as
    `on_failed(exc)` too: the owner tells the
    person it was cancelled (`models.errors.Cancelled`).
    """

    busy_changed = Signal(bool)
    progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None, *,
                 writes: bool = True, connect: bool = True):
        """`writes=False` for a read-only job (it may run beside a write); `pool` for tests.

        `connect=False` for the one job that must hold no connection to the
        database: replacing its file with a backup (`ui.restore_dialog`).
        """
        super().__init__(parent)
        self._pool = pool
        self._writes = writes
        self._connect = connect
        self._job: _Job | None = None
        self._cancel = threading.Event()
        self._on_done: Callable[[Any], Any] | None = None
        self._on_failed: Callable[[BaseException], Any] | None = None

    def is_busy(self) -> bool:
        """Whether a job is running."""
        return self._job is not None

    def cancel(self) -> None:
        """Ask the running job to stop at its next check of `cancelled()`."""
        self._cancel.set()

    def run(self, work: Work, on_done: Callable[[Any], Any],
            on_failed: Callable[[BaseException], Any] | None = None) -> bool:
        """Start `work`; False (and nothing started) while another job of this runner runs."""
        if self._job is not None:
            return False
        self._cancel = threading.Event()
        job = _Job(work, self._cancel, self._connect)
        job.signals.progress.connect(self.progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self._job, self._on_done, self._on_failed = job, on_done, on_failed
        self.busy_changed.emit(True)
        pool = self._pool or (write_pool() if self._writes else QThreadPool.globalInstance())
        pool.start(job)
        return True

    def run_call(self, call: Callable[[], Any], on_done: Callable[[Any], Any],
                 on_failed: Callable[[BaseException], Any] | None = None) -> bool:
        """`run` for a job that needs neither progress nor cancel (a file written, a list read)."""
        return self.run(lambda _progress, _cancelled: call(), on_done, on_failed)

    def _finished(self, result: Any, changes: Changes) -> None:
        on_done, _ = self._end()
        try:
            on_done(result)
        finally:
            announce(changes, self.parent())

    def _failed(self, exc: BaseException) -> None:
        _, on_failed = self._end()
        owner = self.parent()
        report_failure(owner if isinstance(owner, QWidget) else None, exc, on_failed)

    def _end(self):
        callbacks = (self._on_done, self._on_failed)
        self._job = self._on_done = self._on_failed = None
        self.busy_changed.emit(False)
        return callbacks
