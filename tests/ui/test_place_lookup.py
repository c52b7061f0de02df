"""Look up Online in the meeting editor: off the GUI thread, with a Cancel button."""

from __future__ import annotations

from data.geocoding import NOMINATIM_URL_ENV
from tests.nominatim_server import nominatim
from tests.ui.test_planning import open_editor


def test_an_online_lookup_fills_in_the_place(qtbot, window, monkeypatch):
    with nominatim() as server:
        monkeypatch.setenv(NOMINATIM_URL_ENV, server.url)
        editor = open_editor(qtbot, window, window.planner.new_action)
        editor.place_edit.setText("Palais des Nations")
        editor.online_button.click()
        assert not editor.online_button.isEnabled()  # the window is not blocked meanwhile
        assert editor.cancel_lookup_button.isVisibleTo(editor)
        qtbot.waitUntil(lambda: editor.new_place is not None, timeout=20000)
    assert editor.zone_edit.text() == "Europe/Zurich"
    assert editor.new_place.name == "Palais des Nations"
    assert editor.online_button.isEnabled()
    assert not editor.cancel_lookup_button.isVisibleTo(editor)
    editor.reject()


def test_a_cancelled_lookup_changes_nothing(qtbot, window, monkeypatch):
    with nominatim(answer_at_once=False) as server:
        monkeypatch.setenv(NOMINATIM_URL_ENV, server.url)
        editor = open_editor(qtbot, window, window.planner.new_action)
        editor.place_edit.setText("Palais des Nations")
        editor.online_button.click()
        qtbot.waitUntil(lambda: len(server.requests) == 1, timeout=20000)
        editor.cancel_lookup_button.click()
        assert editor.online_button.isEnabled()
        assert not editor.cancel_lookup_button.isVisibleTo(editor)
        server.gate.set()  # the answer comes after all
        qtbot.waitUntil(lambda: not _thread_alive(), timeout=20000)
        qtbot.wait(50)  # let a late delivery reach the GUI thread, if there were one
    assert editor.new_place is None
    assert editor.form().place_id is None  # the text alone names no city
    editor.reject()


def _thread_alive() -> bool:
    import threading

    return any(t.name == "shuttle-task" for t in threading.enumerate())
