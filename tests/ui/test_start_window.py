"""Start-up: the map page loads while the rest of the window is imported and built."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer

from ui.app import import_while_serving, start_window


def test_qt_events_are_served_while_modules_import(qtbot, tmp_path, monkeypatch):
    (tmp_path / "shuttle_slow_module.py").write_text("import time\ntime.sleep(0.3)\nVALUE = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    import_while_serving(("shuttle_slow_module",))
    timer.stop()
    assert sys.modules["shuttle_slow_module"].VALUE == 7
    assert len(ticks) >= 5  # the event loop ran during the 0.3 s import


def test_a_module_that_fails_to_import_raises_in_the_callers_import(qtbot):
    import_while_serving(("shuttle_no_such_module",))  # returns; the caller's import raises
    with pytest.raises(ModuleNotFoundError):
        __import__("shuttle_no_such_module")


def test_the_window_starts_with_the_map_already_loading(qtbot, tmp_path, settings):
    window = start_window(tmp_path / "store", settings)
    try:
        assert window.map.page().requestedUrl().toString() == "shuttle://app/map.html"
        with qtbot.waitSignal(window.map.map_ready, timeout=30000):
            window.show()
        assert window.workspace.trip is not None and window.windowTitle().endswith("— Shuttle")
    finally:
        window.close()
        window.deleteLater()
        window.workspace.store.close()
