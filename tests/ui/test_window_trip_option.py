"""`shuttle --trip T` opens the window on trip T, read as every command reads --trip."""

from __future__ import annotations

import pytest

from data.model import Trip
from data.store import Store, StoreError
from tests.ui.test_app_start import run_python
from ui.app import start_window


def test_the_window_opens_on_the_trip_asked_for(qtbot, tmp_path, settings):
    with Store.open(tmp_path / "store") as store:
        kerry = store.trips()[0].id
        store.add_trip(Trip("Geneva talks", "Envoy", "Europe/Zurich"))  # the latest opened
    window = start_window(tmp_path / "store", settings, trip="KERRY")
    try:
        assert window.workspace.trip_id == kerry
        assert window.windowTitle().startswith("Kerry: Rome")
    finally:
        window.close()
        window.deleteLater()
        window.workspace.store.close()


def test_an_unknown_trip_is_refused_before_the_window(qtbot, tmp_path, settings):
    with pytest.raises(StoreError, match="no trip has the id or name 'Tokyo'"):
        start_window(tmp_path / "store", settings, trip="Tokyo")


def test_main_with_an_unknown_trip_says_so_in_one_line(tmp_path):
    env = {"HOME": str(tmp_path), "SHUTTLE_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = run_python(["main.py", "--trip", "Tokyo"], env)
    assert result.returncode == 1
    assert (
        result.stderr == "shuttle: error: no trip has the id or name 'Tokyo'; 'trips' lists them\n"
    )
    assert result.stdout == ""
