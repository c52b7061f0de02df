from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

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


@pytest.fixture
def make_window(qtbot, store, settings) -> Iterator[Callable[..., MainWindow]]:
    """Build windows on the test's store; each is shown, its map ready, and torn down."""
    windows: list[MainWindow] = []

    def make(wait_for_map: bool = True) -> MainWindow:
        window = MainWindow(Workspace(store, settings), settings)
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


def wait_for_map_state(qtbot, pane: MapPane, check: Callable[[dict], bool]) -> dict:
    """Poll the page's state until ``check`` holds; return that state."""
    state: dict = {}
    for _ in range(100):
        state = js(qtbot, pane, "state")
        if check(state):
            return state
        qtbot.wait(100)
    raise AssertionError(f"map never reached the expected state; last: {state}")
