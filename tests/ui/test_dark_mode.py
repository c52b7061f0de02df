"""The map follows the system's colour scheme: page, basemap and popups; paper stays light."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_for_map_state
from tests.ui.test_main_window import ORLY_DINNER
from ui.map_pane import MapPane

LIGHT_SEA, DARK_SEA = "rgb(201, 220, 234)", "rgb(20, 32, 43)"  # map.css's --sea


def system_scheme(scheme: Qt.ColorScheme) -> None:
    """What the platform does when the desktop switches (offscreen cannot be asked to)."""
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


def test_the_map_turns_dark_and_back_with_the_system(qtbot, window):
    window.agenda.select([ORLY_DINNER])
    state = wait_for_map_state(
        qtbot, window.map, lambda s: s["openPlace"] == "orly" and s["basemapDone"]
    )
    assert (state["scheme"], state["sea"]) == ("light", LIGHT_SEA)
    assert state["popupBackground"] == "rgb(255, 255, 255)" and state["land"] == "#f4f1ea"
    try:
        system_scheme(Qt.ColorScheme.Dark)
        state = wait_for_map_state(qtbot, window.map, lambda s: s["scheme"] == "dark")
        assert state["sea"] == DARK_SEA
        assert state["popupBackground"] == "rgb(38, 43, 49)" and state["land"] == "#323a44"
        assert "Dinner with the French" in state["popupText"]  # same popup, new colours
    finally:
        system_scheme(Qt.ColorScheme.Light)
    state = wait_for_map_state(qtbot, window.map, lambda s: s["scheme"] == "light")
    assert state["sea"] == LIGHT_SEA


def test_the_printed_map_stays_light(qtbot):
    pane = MapPane(follow_scheme=False)  # as ui/printing.py makes it
    try:
        with qtbot.waitSignal(pane.bridge.ready, timeout=30000):
            pane.show()
        system_scheme(Qt.ColorScheme.Dark)
        state = wait_for_map_state(qtbot, pane, lambda s: s["ready"])
        assert (state["scheme"], state["sea"]) == ("light", LIGHT_SEA)
    finally:
        system_scheme(Qt.ColorScheme.Light)
        pane.close()
        pane.shutdown()
        pane.deleteLater()
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
