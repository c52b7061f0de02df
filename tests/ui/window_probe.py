"""Launch the real window (``main.py``'s own path) and report what its map shows.

Run by tests as a subprocess on a real X display (tests/ui/xvfb.py), since the offscreen
platform sizes the window at once and hides what a real launch does:

    DISPLAY=:5 python tests/ui/window_probe.py --data-dir D --size 1600x1000 \\
        launch resize:1024x700 trip:Other pan resize:1200x800 fit

The window gets ``--size`` before it is shown, as a window manager or saved geometry gives
it. Each step then waits until the page has settled and prints one JSON line:
``{"step": ..., "pane": [w, h], "view": {size, zoom, places: [{place, inside, ...}]}}``. Steps:

- ``launch``: the window as it opens;
- ``resize:WxH``: the window resized;
- ``trip:NAME``: another trip shown, as the window's trip list does;
- ``pan``: the user drags the map (a real mouse drag);
- ``fit``: View → Fit Map to Trip;
- ``shot:FILE.png``: save a picture of the window, for a look.

Exit status 0 when every step settled, 1 otherwise (with the last state).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SETTLE_TIMEOUT_MS = 30000
POLL_MS = 150
STABLE_POLLS = 4  # the view unchanged over this many polls (0.6 s)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--size", required=True, help="WxH of the window at launch")
    parser.add_argument("steps", nargs="+")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    import ui.app

    real_start = ui.app.start_window
    result: list[int] = [1]
    probes: list[Probe] = []

    def start_window(*a: Any, **k: Any) -> Any:
        window = real_start(*a, **k)
        window.move(0, 0)
        window.resize(width, height)
        from PySide6.QtCore import QTimer

        probes.append(Probe(window, args.steps, result))  # kept: Qt holds no reference
        QTimer.singleShot(0, probes[0].next)
        return window

    ui.app.start_window = start_window
    import main as shuttle

    shuttle.main(["--data-dir", args.data_dir])
    return result[0]


class Probe:
    """Runs the steps one after the other, each once the page has settled."""

    def __init__(self, window: Any, steps: list[str], result: list[int]) -> None:
        self.window = window
        self.steps = list(steps)
        self.result = result
        self.step = ""
        self.last: Any = None
        self.same = 0
        self.waited = 0

    def next(self) -> None:
        from PySide6.QtWidgets import QApplication

        if not self.steps:
            self.result[0] = 0
            QApplication.closeAllWindows()
            return
        self.step = self.steps.pop(0)
        self.act(self.step)
        self.last, self.same, self.waited = None, 0, 0
        self.poll()

    def act(self, step: str) -> None:
        window = self.window
        kind, _, value = step.partition(":")
        if kind == "resize":
            w, h = (int(v) for v in value.split("x"))
            window.resize(w, h)
        elif kind == "trip":
            ws = window.workspace
            [trip_id] = [t.id for t in ws.trips() if t.name == value]
            index = window.trip_list.findData(trip_id)
            window.trip_list.setCurrentIndex(index)
            window.trip_list.activated.emit(index)
        elif kind == "pan":
            drag(window.map, 120, 60)
        elif kind == "fit":
            window.fit_action.trigger()
        elif kind == "shot":
            window.grab().save(value)
        elif kind != "launch":
            raise SystemExit(f"unknown step {step!r}")

    def poll(self) -> None:
        trip = self.window.workspace.trip
        places = [[p.id, p.lat, p.lon] for p in trip.places] if trip else []
        script = PAGE_PROBE.replace("PLACES", json.dumps(places))
        self.window.map.page().runJavaScript(script, 0, self.on_view)

    def on_view(self, text: str | None) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        view = json.loads(text) if text else None
        try:
            settled = view is not None and self.window.map.is_ready and self.drawn(view)
        except (KeyError, TypeError) as exc:  # a page that reports otherwise: say so, stop
            print(json.dumps({"step": self.step, "error": repr(exc), "view": view}), flush=True)
            QApplication.closeAllWindows()
            return
        key = view and [view["size"], view["zoom"], view["center"]]
        self.same = self.same + 1 if settled and key == self.last else 0
        self.last = key
        self.waited += POLL_MS
        if self.same < STABLE_POLLS and self.waited <= SETTLE_TIMEOUT_MS:
            QTimer.singleShot(POLL_MS, self.poll)
            return
        pane = self.window.map
        report = {
            "step": self.step,
            "settled": self.same >= STABLE_POLLS,
            "trip": self.window.workspace.trip.name if self.window.workspace.trip else None,
            "pane": [pane.width(), pane.height()],
            "window": [self.window.width(), self.window.height()],
            "view": view,
        }
        print(json.dumps(report), flush=True)
        if report["settled"]:
            QTimer.singleShot(0, self.next)
        else:
            QApplication.closeAllWindows()

    def drawn(self, view: dict[str, Any]) -> bool:
        """The page shows the window's trip at the pane's size, no fit or animation waiting."""
        page = view["page"]
        trip = self.window.workspace.trip
        pane = self.window.map
        return (
            isinstance(page, dict)
            and trip is not None
            and {s["place"] for s in page["stops"]} == {p.id for p in trip.places}
            and not page["fitPending"]
            and not view["animating"]
            and view["size"] == [pane.width(), pane.height()]
        )


# What the page shows, read from Leaflet itself: the map's size and view, and where each
# of the trip's places (given by Python) lies in it. Plus the page's own state() report.
PAGE_PROBE = """JSON.stringify((function () {
  var holder = document.getElementById("shuttle-map-data");
  if (!holder || !window.L) { return null; }
  var map = window[JSON.parse(holder.textContent).map];
  var size = map.getSize(), box = map.getContainer(), view = map.getBounds(), c = map.getCenter();
  var places = PLACES.map(function (p) {
    var point = map.latLngToContainerPoint([p[1], p[2]]);
    return { place: p[0], x: point.x, y: point.y, inBounds: view.contains([p[1], p[2]]),
             inside: point.x >= 0 && point.y >= 0 && point.x <= box.clientWidth
                     && point.y <= box.clientHeight };
  });
  var own = null;
  try { own = window.shuttleMap.state(); } catch (e) { own = String(e); }
  return { size: [box.clientWidth, box.clientHeight], leafletSize: [size.x, size.y],
           zoom: map.getZoom(), center: [c.lat, c.lng], places: places,
           animating: !!document.querySelector(".leaflet-zoom-anim"), page: own };
})()) || null"""


def drag(pane: Any, dx: int, dy: int) -> None:
    """A mouse drag across the map, as the user's hand makes it (into the page's widget)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    target = pane.focusProxy() or pane
    start = QPoint(pane.width() // 2, pane.height() // 2)
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps: list[Callable[[], None]] = []
    for i in range(1, 11):
        point = start + QPoint(dx * i // 10, dy * i // 10)
        steps.append(lambda p=point: QTest.mouseMove(target, p, 20))
    for move in steps:
        move()
    end = start + QPoint(dx, dy)
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end, 20)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
