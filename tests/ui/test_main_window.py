"""The main window, driven through its real widgets (offscreen)."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont

from data import trip_file
from data.model import ExactTime, Meeting, Participant, Place, Trip
from data.store import SAMPLE_TRIP
from tests.ui.conftest import click_marker, js, point_of, wait_for_map_state
from ui import map_pane
from ui.zone_choice import ZoneMode

SAMPLE = trip_file.read(SAMPLE_TRIP)
ORLY_DINNER = SAMPLE.meetings[3].id
LONDON_MEETINGS = [SAMPLE.meetings[4].id, SAMPLE.meetings[5].id]


def agenda_column(window, column):
    model = window.agenda.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_window_opens_on_the_sample_trip(window):
    assert "Shuttle" in window.windowTitle() and "Kerry" in window.windowTitle()
    assert (window.calendar.monthShown(), window.calendar.yearShown()) == (12, 2014)
    assert set(window.calendar.marked) == {
        date(2014, 12, 14),
        date(2014, 12, 15),
        date(2014, 12, 16),
    }
    bold = window.calendar.dateTextFormat(QDate(2014, 12, 15)).fontWeight()
    assert bold == QFont.Weight.Bold
    assert window.calendar.dateTextFormat(QDate(2014, 12, 17)).fontWeight() != QFont.Weight.Bold
    assert len(agenda_column(window, 2)) == 6
    assert agenda_column(window, 1)[0] == "time TBC (evening, ~3 h)"
    assert "Mogherini (attendance uncertain)" in agenda_column(window, 4)[3]
    assert "6 meetings" in window.summary.text()
    assert not window.trip_list_action.isVisible()  # one trip: no switcher


def test_map_has_a_marker_per_place_a_line_per_leg_and_a_basemap(qtbot, window):
    state = js(qtbot, window.map, "state")
    assert state["ready"] is True
    assert state["markers"] == len(SAMPLE.places) == 4
    assert state["lines"] == len(SAMPLE.legs) == 2
    assert state["tiles"] is False
    # The basemap loads after the page is up, then draws beneath the stops.
    state = wait_for_map_state(qtbot, window.map, lambda s: s["basemapDone"])
    assert state["basemapFeatures"] > 200  # Natural Earth countries drawn
    assert state["markers"] == 4
    land = [point_of(qtbot, window.map, *p) for p in ((46.5, 2.5), (51.0, 10.0))]
    sea = [point_of(qtbot, window.map, *p) for p in ((45.5, -4.5), (53.5, 3.0))]

    def colours(points: list[list[float]]) -> set[str]:
        image = window.map.grab().toImage()
        return {image.pixelColor(round(x), round(y)).name() for x, y in points}

    # Central France and Germany are land, the Bay of Biscay and the North Sea are not.
    qtbot.waitUntil(lambda: colours(land) == {"#f4f1ea"}, timeout=5000)  # painted on screen
    assert colours(sea) == {"#c9dcea"}


def test_a_basemap_that_cannot_be_read_leaves_the_stops_on_the_map(
    qtbot, make_window, monkeypatch, caplog
):
    def unreadable(_cache_dir):
        raise OSError("countries-50m.topojson: Input/output error")

    monkeypatch.setattr(map_pane, "basemap_bytes", unreadable)
    window = make_window()
    state = wait_for_map_state(qtbot, window.map, lambda s: s["basemapDone"])
    assert state["basemapFeatures"] == 0 and state["markers"] == 4 and state["lines"] == 2
    assert "cannot serve basemap.bin" in caplog.text


def test_selecting_a_meeting_highlights_its_place_and_opens_its_popup(qtbot, window):
    window.agenda.table.setFocus()
    window.agenda.select([ORLY_DINNER])
    state = wait_for_map_state(qtbot, window.map, lambda s: s["openPlace"] == "orly")
    assert state["highlighted"] == ["orly"]
    assert "Dinner with the French, German and British foreign ministers" in state["popupText"]
    assert window.calendar.selectedDate() == QDate(2014, 12, 15)
    assert "Fabius" in window.details.toPlainText()
    assert "Paris is 6 h ahead of New York" in window.details.toPlainText()


def test_choosing_a_day_lists_its_meetings_and_lights_their_places(qtbot, window):
    window.calendar.setSelectedDate(QDate(2014, 12, 16))
    assert window.agenda.title.text() == "Tuesday 16 December 2014"
    assert [r.meeting.id for r in window.agenda.model.rows] == LONDON_MEETINGS
    wait_for_map_state(qtbot, window.map, lambda s: s["highlighted"] == ["london"])
    window.calendar.setSelectedDate(QDate(2014, 12, 20))
    assert window.agenda.model.rows == [] and window.agenda.empty.isVisibleTo(window)
    window.whole_trip_action.trigger()
    assert len(window.agenda.model.rows) == 6


def test_a_marker_click_selects_its_meetings_and_their_day(qtbot, window):
    window.calendar.setSelectedDate(QDate(2014, 12, 14))  # London's meetings are not listed
    london = window.workspace.trip.place("london")
    click_marker(qtbot, window.map, london.lat, london.lon)
    qtbot.waitUntil(lambda: window.agenda.selected_ids() == LONDON_MEETINGS, timeout=10000)
    assert window.calendar.selectedDate() == QDate(2014, 12, 16)
    assert "Erakat" in window.details.toPlainText()
    wait_for_map_state(qtbot, window.map, lambda s: s["openPlace"] == "london")


def test_keyboard_moves_through_the_agenda(qtbot, window):
    window.agenda.table.setFocus()
    window.agenda.select([SAMPLE.meetings[0].id])
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_Down)
    assert window.agenda.selected_ids() == [SAMPLE.meetings[1].id]
    assert "Parolin" in window.details.toPlainText()


ROME = ZoneInfo("Europe/Rome")


def timed_trip(title="Late talks"):
    rome = Place("rome", "Palazzo Chigi", "Rome", "Italy", 41.9, 12.48, "Europe/Rome")
    meeting = Meeting(
        "late",
        title,
        "rome",
        ExactTime(datetime(2014, 12, 15, 3, tzinfo=ROME), datetime(2014, 12, 15, 4, tzinfo=ROME)),
        (Participant("Ahmad Ali", "Envoy", email="a@example.org"), Participant("صائب عريقات")),
        topic="Night session",
    )
    return Trip(f"Timed trip {title[:8]}", "A. Planner", "America/New_York", (rome,), (meeting,))


def test_the_zone_choice_changes_times_and_days(qtbot, store, make_window):
    store.add_trip(timed_trip())
    window = make_window()
    assert agenda_column(window, 1) == ["03:00–04:00 CET"]
    assert agenda_column(window, 0) == ["Mon 15 Dec"]
    window.zone_actions[ZoneMode.HOME].trigger()
    assert agenda_column(window, 1) == ["21:00–22:00 EST"]
    assert agenda_column(window, 0) == ["Sun 14 Dec"]  # the day follows the zone
    assert set(window.calendar.marked) == {date(2014, 12, 14)}
    assert window.zone_box.currentData() == "home"
    window.zone_box.setCurrentIndex(window.zone_box.findData("venue"))
    window.zone_box.activated.emit(window.zone_box.currentIndex())
    assert agenda_column(window, 1) == ["03:00–04:00 CET"]


def test_trip_text_is_shown_as_text_never_as_markup(qtbot, store, make_window):
    hostile = "<img src=x onerror=alert(1)> `${alert(2)}` \\"
    store.add_trip(timed_trip(hostile))
    window = make_window()
    window.agenda.select(["late"])
    state = wait_for_map_state(qtbot, window.map, lambda s: s["openPlace"] == "rome")
    assert hostile in state["popupText"]
    assert "<img" not in state["popupHtml"]
    assert state["markers"] == 1  # the page's script survived the title
    assert hostile in window.details.toPlainText()
    assert "&lt;img src=x" in window.details.toHtml()
    assert "صائب عريقات" in window.details.toPlainText()


def test_no_request_leaves_the_page_while_online_tiles_are_off(qtbot, make_window, monkeypatch):
    # Tiles from a closed local port: the test proves the wiring without going online.
    monkeypatch.setattr("ui.map_pane.TILE_URL", "https://127.0.0.1:9/{z}/{x}/{y}.png")
    window = make_window()
    window.agenda.select([ORLY_DINNER])
    wait_for_map_state(qtbot, window.map, lambda s: s["openPlace"] == "orly")
    seen = window.map.gate.seen
    assert seen and all(url.startswith("shuttle://app/") for url, _ in seen), seen
    window.tiles_action.setChecked(True)
    wait_for_map_state(qtbot, window.map, lambda s: s["tiles"] is True)
    qtbot.waitUntil(lambda: any("127.0.0.1:9" in url for url, _ in seen), timeout=10000)
    outside = [(url, allowed) for url, allowed in seen if not url.startswith("shuttle://")]
    assert outside and all(allowed and "127.0.0.1:9/" in url for url, allowed in outside)


def test_the_page_cannot_navigate_away(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr("ui.map_pane.QDesktopServices.openUrl", lambda url: opened.append(url))
    page = window.map.page()
    js(qtbot, window.map, "state")
    page.runJavaScript("window.location.href = 'https://example.org/elsewhere';")
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].toString() == "https://example.org/elsewhere"
    assert page.url().toString() == "shuttle://app/map.html"


def test_settings_keep_the_zone_and_the_layout(qtbot, make_window, settings):
    first = make_window()
    first.zone_actions[ZoneMode.SYSTEM].trigger()
    first.left_split.setSizes([150, 500])
    kept = first.left_split.sizes()
    first.close()
    assert settings.value("window/geometry") is not None
    second = make_window()
    assert second.workspace.zone_mode is ZoneMode.SYSTEM
    assert second.zone_actions[ZoneMode.SYSTEM].isChecked()
    assert second.left_split.sizes()[0] == kept[0]  # the height the user gave the calendar


def test_a_trip_switcher_appears_with_several_trips(qtbot, store, make_window):
    store.add_trip(timed_trip())
    store.mark_opened(store.resolve(SAMPLE.name))
    window = make_window()
    assert window.trip_list_action.isVisible()
    assert window.workspace.trip.name == SAMPLE.name
    index = window.trip_list.findText("Timed trip Late tal")
    window.trip_list.setCurrentIndex(index)
    window.trip_list.activated.emit(index)
    assert window.workspace.trip.name == "Timed trip Late tal"
    assert "Timed trip" in window.windowTitle()


def test_opening_a_bad_trip_file_warns_and_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "shuttle-trip", "schema_version": 1, "trip": {"name": 1}}')
    warnings = []
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda: str(bad))
    monkeypatch.setattr(window.dialogs, "warn", lambda *args: warnings.append(args[1]))
    before = window.workspace.store.trips()
    window.open_action.trigger()
    assert warnings and "bad.json at trip.name" in warnings[0]
    assert window.workspace.store.trips() == before


def test_opening_a_trip_file_adds_and_shows_it(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "timed.json"
    trip_file.write(timed_trip(), path)
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda: str(path))
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.open_action.trigger()
    assert window.workspace.trip.name == "Timed trip Late tal"
    assert window.trip_list_action.isVisible()


def test_the_page_draws_legs_along_the_great_circle(qtbot, window):
    london, new_york = [51.5074, -0.1278], [40.7128, -74.006]
    points = js(qtbot, window.map, "greatCircle", [london, new_york])
    assert points[0] == pytest.approx(london) and points[-1] == pytest.approx(new_york)
    assert max(lat for lat, _ in points) > 52  # the great circle bends north of both ends
    pacific = js(qtbot, window.map, "greatCircle", [[35.68, 139.69], [37.77, -122.42]])
    lons = [lon for _, lon in pacific]
    assert all(abs(b - a) < 10 for a, b in itertools.pairwise(lons))  # no jump at 180°
    assert js(qtbot, window.map, "greatCircle", [london, london]) == [london, london]
    short = js(qtbot, window.map, "greatCircle", [[41.9, 12.5], [48.86, 2.35]])
    assert 2 < len(short) < 20  # a leg of ten degrees needs no 48 segments
