"""One cold start in its own process: ``probe.py app STORE [--interact]``, ``probe.py bare PAGE``.

The parent times from launching this process to the ``READY`` line. ``app`` builds the
real window on the store and is ready when ``map_ready`` has fired and the page's state
shows every marker drawn; ``bare`` is a plain QWebEngineView loading a plain Leaflet page
(file URLs) and is ready when its script has drawn the same markers. Once the page has
settled (for Shuttle, its basemap and a big trip's legs, drawn after ready, painted too; then
``SETTLE_MS`` for both) the process
sums PSS and USS over itself and its QtWebEngineProcess children, then (``--interact``) times
filtering the agenda to a day, selecting a meeting until the map has highlighted it and
deleting one, and prints one ``RESULT`` line of JSON.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SETTLE_MS = 250  # frames for the compositor to paint what the page has drawn
DAYS_TIMED = 30  # day filters timed per run
EDITS_TIMED = 5  # deletions timed per run
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.name == "posix" and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def tree_memory_kb(pid: int) -> dict[str, int]:
    """PSS and USS (private bytes: Private_Clean + Private_Dirty) of ``pid`` and all its
    descendants, from /proc/<pid>/smaps_rollup. USS does not depend on what other
    processes share the same library pages, so it is steady on a busy machine."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    totals = {"pss_kb": 0, "uss_kb": 0}
    todo = [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    totals["pss_kb"] += int(line.split()[1])
                elif line.startswith(("Private_Clean:", "Private_Dirty:")):
                    totals["uss_kb"] += int(line.split()[1])
        except OSError:
            continue
    return totals


def announce_ready() -> None:
    print("READY", flush=True)


def measure_memory(result: dict[str, Any], then: Callable[[], None]) -> None:
    """PSS and USS once the page has settled: a few frames after ready, for both alike."""
    from PySide6.QtCore import QTimer

    def take() -> None:
        result.update(tree_memory_kb(os.getpid()))
        then()

    QTimer.singleShot(SETTLE_MS, take)


def finish(result: dict[str, Any]) -> None:
    print("RESULT " + json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip a slow teardown of the web engine


def run_app(store_dir: str, interact: bool) -> None:
    """The same start-up as ``python main.py`` (``ui.app.start_window``), timed to ready."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from data import collector
    from data.travel import LOCAL_KM
    from ui.app import start_window
    from ui.map_pane import register_scheme

    collector.for_bulk_data()  # as main.py does
    register_scheme()
    app = QApplication(sys.argv[:1])
    ini = Path(tempfile.mkdtemp(prefix="shuttle-bench-")) / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    window = start_window(Path(store_dir), settings, seed=False)
    window.resize(1440, 900)
    result: dict[str, Any] = {}
    stalls = StallMeter()

    def check_state(state: Any) -> None:
        # A big trip is shown once read off the GUI thread: map_ready follows it.
        assert window.workspace.trip is not None
        expected = result["places"] = len(window.workspace.trip.places)
        if state and state.get("markers", 0) >= expected:
            announce_ready()
            window.map.call("state", callback=check_basemap)
        else:
            QTimer.singleShot(5, lambda: window.map.call("state", callback=check_state))

    def legs_drawn(state: dict[str, Any]) -> bool:
        # A big trip's legs are planned, and drawn, after ready (ui/workspace.py).
        planned = window.workspace.legs_if_planned()
        if planned is None or window.map.building or window.workspace.checking:
            return False
        return int(state.get("lines", 0)) >= sum(p.stored or p.km >= LOCAL_KM for p in planned)

    def check_basemap(state: Any) -> None:
        # Memory counts the basemap and the legs, drawn after ready: wait for them first.
        if state and state.get("basemapDone") and legs_drawn(state):
            result["lines"] = state.get("lines")
            result["stall_ms"] = stalls.stop()
            measure_memory(result, after_memory)
        else:
            QTimer.singleShot(5, lambda: window.map.call("state", callback=check_basemap))

    def after_memory() -> None:
        if interact:
            measure_interactions(window, result)
        else:
            finish(result)

    window.map.map_ready.connect(lambda: window.map.call("state", callback=check_state))
    window.show()
    stalls.start()
    app.exec()


class StallMeter:
    """The longest the GUI thread's event loop went without turning: a timer asks every
    ``TICK_MS``, and the longest gap between its calls is kept."""

    TICK_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(self.TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        """The longest gap in milliseconds, the one running now included."""
        self._tick()
        self.timer.stop()
        return self.longest * 1000


def measure_interactions(window: Any, result: dict[str, Any]) -> None:
    """Day filter (synchronous) and selection until the page reports the highlight."""
    from PySide6.QtCore import QTimer

    trip = window.workspace.trip
    days = sorted({m.day for m in trip.meetings})
    days = days[:: max(1, len(days) // DAYS_TIMED)]  # a big trip's days, evenly sampled
    filters = []
    for day in days:
        start = time.perf_counter()
        window.show_day(day)
        filters.append((time.perf_counter() - start) * 1000)
    result["filter_ms"] = statistics.median(filters)
    window.show_whole_trip()
    picks = list(trip.meetings)[:20]
    selects: list[float] = []

    def next_pick() -> None:
        if len(selects) == len(picks):
            result["select_ms"] = statistics.median(selects)
            measure_edits(window, result)
            finish(result)
            return
        meeting = picks[len(selects)]
        start = time.perf_counter()
        window.agenda.select([meeting.id])

        def check(state: Any) -> None:
            if state and state.get("openPlace") == meeting.place_id:
                selects.append((time.perf_counter() - start) * 1000)
                window.agenda.select([], announce=True)
                QTimer.singleShot(20, next_pick)
            else:
                window.map.call("state", callback=check)

        window.map.call("state", callback=check)

    next_pick()


def measure_edits(window: Any, result: dict[str, Any]) -> None:
    """Deleting a meeting until the window's views have redrawn (the map follows from a
    worker thread on a big trip), each undone before the next, untimed."""
    from PySide6.QtWidgets import QApplication

    from data.edits import DeleteMeeting

    workspace = window.workspace
    deletes = []
    for index in range(0, EDITS_TIMED * 7, 7):
        meeting = workspace.trip.meetings[index % len(workspace.trip.meetings)]
        start = time.perf_counter()
        workspace.perform(DeleteMeeting(workspace.trip_id, meeting.id, meeting.title))
        deletes.append((time.perf_counter() - start) * 1000)
        workspace.undo_stack.undo()
        QApplication.processEvents()
    result["delete_ms"] = statistics.median(deletes)


def run_bare(page: str) -> None:
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(820, 600)
    result: dict[str, Any] = {}

    def check(drawn: Any) -> None:
        if drawn:
            announce_ready()
            measure_memory(result, lambda: finish(result))
        else:
            QTimer.singleShot(5, poll)

    def poll() -> None:
        view.page().runJavaScript("window.benchDrawn === true", 0, check)

    view.loadFinished.connect(lambda _ok: poll())
    view.load(QUrl.fromLocalFile(page))
    view.show()
    app.exec()


if __name__ == "__main__":
    mode, target = sys.argv[1], sys.argv[2]
    if mode == "app":
        run_app(target, "--interact" in sys.argv[3:])
    else:
        run_bare(target)
