from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from data.gazetteer import Gazetteer
from data.store import Store
from ui.main_window import MainWindow
from ui.map_pane import MapPane
from ui.workspace import Workspace


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "store") as opened:
        yield opened


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """One gazetteer for the session, its index built once (seconds on a busy machine)."""
    shared = Gazetteer()
    shared.nearest(0.0, 0.0)
    return shared


@pytest.fixture
def make_window(qtbot, store, settings, gazetteer) -> Iterator[Callable[..., MainWindow]]:
    """Build windows on the test's store; each is shown, its map ready, and torn down."""
    windows: list[MainWindow] = []

    def make(wait_for_map: bool = True) -> MainWindow:
        window = MainWindow(Workspace(store, settings, gazetteer), settings)
        windows.append(window)
        if wait_for_map:
            with qtbot.waitSignal(window.map.map_ready, timeout=30000):
                window.show()
        else:
            window.show()
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 0)  # DeferredDelete: pages go before their profiles


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def js(qtbot, pane: MapPane, function: str, *args: Any) -> Any:
    """Call a map function and wait for its (JSON) result."""
    box: list[Any] = []
    pane.call(function, *args, callback=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


# The page's Leaflet map, as folium named it: tests act on it as a user's clicks would,
# so the page ships no hooks for them.
LEAFLET_MAP = 'window[JSON.parse(document.getElementById("shuttle-map-data").textContent).map]'


def page_eval(qtbot, pane: MapPane, body: str) -> Any:
    """Run ``body`` (a function body) in the map page; its JSON return value."""
    box: list[Any] = []
    script = f"JSON.stringify((function () {{ var map = {LEAFLET_MAP}; {body} }})()) || null"
    pane.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return json.loads(box[0]) if box[0] else None


def point_of(qtbot, pane: MapPane, lat: float, lon: float) -> list[float]:
    """Where a coordinate is in the map's widget, in CSS pixels."""
    return page_eval(
        qtbot, pane, f"var p = map.latLngToContainerPoint([{lat}, {lon}]); return [p.x, p.y];"
    )


def click_map(qtbot, pane: MapPane, lat: float, lon: float) -> None:
    page_eval(qtbot, pane, f"map.fire('click', {{latlng: L.latLng({lat}, {lon})}}); return 1;")


def click_marker(qtbot, pane: MapPane, lat: float, lon: float) -> None:
    """Click the stop's marker at a place's coordinates."""
    clicked = page_eval(
        qtbot,
        pane,
        "var hits = 0, stops = [];"
        # Stops inside a group (Leaflet.markercluster) are in the group, not on the map.
        " map.eachLayer(function (layer) {"
        "   if (layer instanceof L.MarkerClusterGroup) { stops = stops.concat(layer.getLayers()); }"
        "   else if (layer instanceof L.Marker && !(layer instanceof L.MarkerCluster))"
        "   { stops.push(layer); } });"
        " var seen = {};"  # a stop shown alone is both in its group and on the map
        f" stops.forEach(function (m) {{ if (m.getLatLng().equals([{lat}, {lon}])"
        " && !seen[L.stamp(m)]) { seen[L.stamp(m)] = 1; m.fire('click'); hits += 1; } });"
        " return hits;",
    )
    assert clicked == 1, f"{clicked} markers at {lat}, {lon}"


def wait_for_map_state(qtbot, pane: MapPane, check: Callable[[dict], bool]) -> dict:
    """Poll the page's state until ``check`` holds; return that state."""
    state: dict = {}
    for _ in range(100):
        state = js(qtbot, pane, "state")
        if check(state):
            return state
        qtbot.wait(100)
    raise AssertionError(f"map never reached the expected state; last: {state}")
