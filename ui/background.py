"""Work off the GUI thread (network lookups), with its result delivered back on it.

Signals:
    finished(object): the work's result, on the GUI thread.
    failed(object): the exception it raised, on the GUI thread.
Neither is emitted once :meth:`Task.cancel` was called: a cancelled task's late
result is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

# Started tasks not yet delivered. The worker thread must never drop the last reference:
# a QObject freed there, its result still queued for the GUI thread, crashes Qt. Kept
# here, a task is released on the GUI thread, after its delivery has returned.
_UNDELIVERED: set[Task] = set()


class Task(QObject):
    finished = Signal(object)
    failed = Signal(object)
    _done = Signal(bool, object)  # emitted on the worker thread, delivered on the GUI one

    def __init__(self, work: Callable[[threading.Event], Any]) -> None:
        """``work`` gets an Event that is set when the user cancels; it may check it."""
        super().__init__()
        self.cancelled = threading.Event()
        self.running = False
        self._work = work
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self.running = True
        _UNDELIVERED.add(self)
        threading.Thread(target=self._run, name="shuttle-task", daemon=True).start()

    def cancel(self) -> None:
        self.cancelled.set()
        self.running = False

    def _run(self) -> None:
        try:
            result = self._work(self.cancelled)
        except Exception as exc:  # delivered to the GUI thread as ``failed``
            self._done.emit(False, exc)
        else:
            self._done.emit(True, result)

    def _deliver(self, ok: bool, value: object) -> None:
        QTimer.singleShot(0, lambda: _UNDELIVERED.discard(self))
        if self.cancelled.is_set():
            return
        self.running = False
        (self.finished if ok else self.failed).emit(value)
