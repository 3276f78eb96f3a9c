"""Search while typing: a short pause, then the query on a worker; only the newest query's answer is shown.

The person types "土", "土地", "土地承包" faster than a township's database
answers. Each keystroke restarts the pause (`DELAY_MS`); a query asked
while another runs waits for it to end (SQLite cannot be interrupted from
here) and the older answer is dropped, so an earlier query's results never
replace a newer one's, whatever order the answers come in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ui.operations import Runner

#: The pause after the last keystroke before the query runs (ms).
DELAY_MS = 250


@dataclass(frozen=True)
class Request:
    """One search as asked: the text and the filters (None = all)."""

    query: str
    kind: str | None = None
    year: int | None = None
    village: str | None = None

    def is_empty(self) -> bool:
        """Nothing typed: nothing to look for."""
        return not self.query.strip()


class LiveSearch(QObject):
    """Runs `search(request)` off the UI thread, newest request wins.

    `answered(request, results)` for the request still wanted when its
    answer came; `failed(request, exc)` likewise; `cleared()` when the query
    was emptied (no search runs). `busy_changed(bool)` while a query runs.
    """

    answered = Signal(object, object)
    failed = Signal(object, object)
    cleared = Signal()
    busy_changed = Signal(bool)

    def __init__(self, search: Callable[[Request], Any], parent: QObject | None = None,
                 delay_ms: int = DELAY_MS, pool: QThreadPool | None = None):
        """`search` runs on a worker with its own database connection; `pool` for tests."""
        super().__init__(parent)
        self._search = search
        self._runner = Runner(self, pool, writes=False)
        self._runner.busy_changed.connect(self.busy_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self.wanted: Request | None = None  # the newest request asked
        self._running: Request | None = None
        self.asked = 0  # queries actually run (for tests and the bench)

    def ask(self, request: Request) -> None:
        """Search for `request` after the pause (an empty query clears at once)."""
        self.wanted = request
        if request.is_empty():
            self._timer.stop()
            self.cleared.emit()
            return
        self._timer.start()

    def ask_now(self, request: Request) -> None:
        """Search for `request` without the pause (a filter changed, Enter pressed, the dialog opened)."""
        self.wanted = request
        if request.is_empty():
            self.ask(request)
            return
        self._timer.stop()
        self._start()

    def is_busy(self) -> bool:
        """Whether a query is running or waiting for the pause to end."""
        return self._runner.is_busy() or self._timer.isActive()

    def _start(self) -> None:
        request = self.wanted
        if request is None or request.is_empty() or self._runner.is_busy():
            return  # a running query: the newest request starts when it ends (`_done`)
        self._running = request
        self.asked += 1
        self._runner.run_call(lambda: self._search(request), self._done, self._failed)

    def _done(self, results: Any) -> None:
        request, self._running = self._running, None
        if request == self.wanted:
            self.answered.emit(request, results)
        else:
            self._start()  # typed on meanwhile: this answer is stale, the newest query runs now

    def _failed(self, exc: BaseException) -> None:
        request, self._running = self._running, None
        if request == self.wanted:
            self.failed.emit(request, exc)
        else:
            self._start()
