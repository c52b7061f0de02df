"""The map page's layout read back from the loaded page: grouped stops, leg labels that
leave the stops readable, popups inside the map, and stops chosen by keyboard."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from data import trip_file
from data.edits import ChangeTrip
from data.model import Leg, Meeting, Place, TimeTBC, Trip
from data.store import SAMPLE_TRIP
from tests.ui.conftest import js, page_eval, wait_for_map_state
from ui import map_pane as map_pane_module
from ui.map_pane import MapPane

SAMPLE = trip_file.read(SAMPLE_TRIP)
DAY = date(2015, 3, 2)


def trip_of(name: str, places: tuple[Place, ...], legs: tuple[Leg, ...] = ()) -> Trip:
    """One meeting at each place, in the order given (so the route follows it)."""
    meetings = tuple(
        Meeting(f"{place.id}-m", f"Talks at {place.name}", place.id, TimeTBC(DAY))
        for place in places
    )
    return Trip(name, "A. Planner", "UTC", places, meetings, legs)


HOTEL = Place("hotel", "Le Royal Hotel", "Amman", "Jordan", 31.9539, 35.9106, "Asia/Amman")
MINISTRY = Place("ministry", "Foreign Ministry", "Amman", "Jordan", 31.9722, 35.8672, "Asia/Amman")
CAIRO = Place("cairo", "Cairo", "Cairo", "Egypt", 30.0444, 31.2357, "Africa/Cairo")
JERUSALEM = Place(
    "jerusalem", "Jerusalem", "Jerusalem", "Israel", 31.7683, 35.2137, "Asia/Jerusalem"
)
LEVANT = trip_of(
    "Levant", (CAIRO, HOTEL, MINISTRY, JERUSALEM), (Leg("hotel", "ministry", DAY, mode="road"),)
)

# Every stop and group on screen with its text and box, and every leg label shown.
LAYOUT = """
function box(el) { var r = el.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }
function seen(el) { var s = getComputedStyle(el);
  return s.visibility !== "hidden" && s.display !== "none" && parseFloat(s.opacity) > 0.5; }
var pick = function (selector) {
  return Array.prototype.filter.call(document.querySelectorAll(selector), seen)
    .map(function (el) { return {text: el.textContent, box: box(el)}; }); };
var container = map.getContainer().getBoundingClientRect();
return {stops: pick(".shuttle-stop"), groups: pick(".shuttle-group"),
        groupLabels: pick(".shuttle-group-label"), stopLabels: pick(".shuttle-stop-label"),
        legLabels: pick(".shuttle-leg-label"),
        popup: pick(".leaflet-popup")[0] || null,
        scrolled: !!document.querySelector(".leaflet-popup-scrolled"),
        map: {left: container.left, top: container.top, right: container.right,
              bottom: container.bottom}};
"""


def layout(qtbot, window) -> dict[str, Any]:
    wait_for_map_state(qtbot, window.map, lambda s: not s["zoomAnimating"])
    qtbot.wait(300)  # leg labels are laid out on the next animation frame
    return page_eval(qtbot, window.map, LAYOUT)


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and (a["top"] < b["bottom"] and b["top"] < a["bottom"])
    )


def numbers_shown(seen: dict[str, Any]) -> set[int]:
    texts = [s["text"] for s in seen["stops"]] + [g["text"] for g in seen["groups"]]
    return {int(part) for text in texts for part in text.split("·")}


def show(qtbot, store, make_window, trip: Trip):
    store.add_trip(trip)
    window = make_window()
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.workspace.open_trip(store.resolve(trip.name))
    return window


def test_places_in_one_city_are_one_group_with_every_number_and_name(qtbot, store, make_window):
    window = show(qtbot, store, make_window, LEVANT)
    state = wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 4)
    assert [sorted(group) for group in state["groups"]] == [["hotel", "ministry"]]
    seen = layout(qtbot, window)
    assert [g["text"] for g in seen["groups"]] == ["2 · 3"]
    assert [g["text"] for g in seen["groupLabels"]] == ["Amman"]  # once, not twice
    assert numbers_shown(seen) == {1, 2, 3, 4}
    assert sorted(s["text"] for s in seen["stopLabels"]) == ["Cairo", "Jerusalem"]
    # A click on the group opens it: the two stops apart, each with its number.
    page_eval(
        qtbot,
        window.map,
        "var el = document.querySelector('.shuttle-group').parentNode; el.click(); return 1;",
    )
    wait_for_map_state(qtbot, window.map, lambda s: s["groups"] == [] and not s["zoomAnimating"])
    seen = layout(qtbot, window)
    amman = [s for s in seen["stops"] if s["text"] in ("2", "3")]
    assert len(amman) == 2 and not overlap(amman[0]["box"], amman[1]["box"])


def test_the_sample_trips_rome_stops_are_grouped_not_stacked(qtbot, window):
    state = wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 4)
    assert [sorted(group) for group in state["groups"]] == [["vatican", "villa-taverna"]]
    seen = layout(qtbot, window)
    assert numbers_shown(seen) == {1, 2, 3, 4}
    boxes = [s["box"] for s in seen["stops"]] + [g["box"] for g in seen["groups"]]
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_a_leg_label_never_covers_a_stop(qtbot, store, make_window):
    # Beirut lies on the way from Cairo to Istanbul: that leg's label, at the middle of its
    # arc, would sit on Beirut's marker.
    cairo = Place("cairo", "Cairo", "Cairo", "Egypt", 30.0444, 31.2357, "Africa/Cairo")
    istanbul = Place("ist", "Istanbul", "Istanbul", "Turkey", 41.0082, 28.9784, "Europe/Istanbul")
    middle = Place("mid", "Midway", "Midway", "Cyprus", 35.55, 30.3, "Asia/Nicosia")
    window = show(qtbot, store, make_window, trip_of("Line", (cairo, istanbul, middle)))
    state = wait_for_map_state(qtbot, window.map, lambda s: s["lines"] == 2)
    shown = {label["text"].split(" · ")[0]: label["shown"] for label in state["legLabels"]}
    assert shown == {"Cairo → Istanbul": False, "Istanbul → Midway": True}  # one covered Midway
    for size in ((1400, 880), (900, 600)):
        window.resize(*size)
        seen = layout(qtbot, window)
        assert seen["legLabels"], size  # Istanbul → Midway keeps its label
        marks = [s["box"] for s in seen["stops"]] + [g["box"] for g in seen["groups"]]
        names = [s["box"] for s in seen["stopLabels"]]
        for label in seen["legLabels"]:
            assert not any(overlap(label["box"], mark) for mark in marks + names), (size, label)


def test_a_move_within_one_city_is_in_town_not_zero_km(qtbot, store, make_window):
    window = show(qtbot, store, make_window, LEVANT)
    state = wait_for_map_state(qtbot, window.map, lambda s: s["lines"] == 3)
    texts = [label["text"] for label in state["legLabels"]]
    assert "Amman: Le Royal Hotel → Foreign Ministry, in town" in texts
    assert not any("0 km" in text for text in texts)
    window.agenda.select(["hotel-m"])
    details = window.details.toPlainText()
    assert "Le Royal Hotel → Foreign Ministry, in town" in details
    assert "Amman → Amman" not in details and " 0 km" not in details


@pytest.fixture
def small_pane(qtbot) -> Iterator[MapPane]:
    """A map pane alone, the size of a cramped window's map."""
    pane = MapPane()
    pane.resize(320, 260)
    pane.show()
    yield pane
    pane.close()
    pane.shutdown()
    pane.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_popup_stays_inside_a_small_map_and_scrolls(qtbot, small_pane):
    rome = Place("rome", "Palazzo Chigi", "Rome", "Italy", 41.9, 12.48, "Europe/Rome")
    far = Place("far", "Oslo", "Oslo", "Norway", 59.91, 10.75, "Europe/Oslo")
    meetings = [
        Meeting(f"m{n}", f"Session {n} on a long agenda item", "rome", TimeTBC(DAY))
        for n in range(30)
    ]
    meetings.append(Meeting("oslo", "Oslo talks", "far", TimeTBC(DAY)))
    trip = Trip("Long day", "A. Planner", "UTC", (rome, far), tuple(meetings))
    with qtbot.waitSignal(small_pane.map_ready, timeout=30000):
        small_pane.show_trip(trip)
    small_pane.highlight(["rome"], "rome")
    wait_for_map_state(qtbot, small_pane, lambda s: s["openPlace"] == "rome")
    qtbot.wait(600)  # autoPan
    seen = page_eval(qtbot, small_pane, LAYOUT)
    popup, frame = seen["popup"]["box"], seen["map"]
    assert frame["right"] - frame["left"] == 320
    assert frame["left"] <= popup["left"] and popup["right"] <= frame["right"], seen
    assert frame["top"] <= popup["top"] and popup["bottom"] <= frame["bottom"], seen
    assert seen["scrolled"]  # thirty meetings do not fit: the list scrolls


def test_an_open_popup_stays_open_when_legs_arrive_but_not_when_stops_move(qtbot, small_pane):
    with qtbot.waitSignal(small_pane.map_ready, timeout=30000):
        small_pane.show_trip(LEVANT, [])  # the stops alone, as a big trip is first drawn
    small_pane.highlight(["cairo"], "cairo")
    wait_for_map_state(qtbot, small_pane, lambda s: s["openPlace"] == "cairo")
    small_pane.add_legs(LEVANT, [Leg("cairo", "hotel", DAY, mode="air")])  # planned later
    state = wait_for_map_state(qtbot, small_pane, lambda s: s["lines"] == 1)
    assert state["openPlace"] == "cairo" and "Talks at Cairo" in state["popupText"]
    moved = replace(CAIRO, lat=25.69, lon=32.64)  # to Luxor: the stops' extent changes
    small_pane.update_trip(replace(LEVANT, places=(moved, *LEVANT.places[1:])))
    state = wait_for_map_state(qtbot, small_pane, lambda s: s["popupText"] is None)
    assert state["openPlace"] is None


def test_a_big_trips_page_data_is_built_off_the_gui_thread(qtbot, small_pane, monkeypatch):
    monkeypatch.setattr(map_pane_module, "BUILD_LATER_FROM", 4)
    built_on: list[threading.Thread] = []
    real = map_pane_module.page_data

    def recorded(trip: Trip, legs: Any) -> Any:
        built_on.append(threading.current_thread())
        return real(trip, legs)

    monkeypatch.setattr(map_pane_module, "page_data", recorded)
    edited = trip_of("Levant", (CAIRO, HOTEL, MINISTRY, JERUSALEM, *SAMPLE.places))
    with qtbot.waitSignal(small_pane.map_ready, timeout=30000):
        small_pane.show_trip(LEVANT)
        assert small_pane.building
        # An edit before the trip is drawn: drawn (and fitted) as the trip shown.
        small_pane.update_trip(edited)
    state = wait_for_map_state(qtbot, small_pane, lambda s: s["markers"] == len(edited.places))
    assert state["fitPending"] is False
    assert built_on and threading.main_thread() not in built_on


def focus_stop(qtbot, window, number: int) -> None:
    """Give a stop's marker the keyboard focus, as Tab would."""
    window.map.setFocus()
    page_eval(
        qtbot,
        window.map,
        "var found = Array.prototype.filter.call(document.querySelectorAll('.shuttle-stop'),"
        f" function (el) {{ return el.textContent === '{number}'; }})[0].parentNode;"
        " found.focus(); return document.activeElement === found;",
    )


def test_enter_or_space_on_a_focused_stop_selects_its_meetings_as_a_click_does(qtbot, window):
    wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 4)
    london = [m.id for m in SAMPLE.meetings if m.place_id == "london"]
    orly = [m.id for m in SAMPLE.meetings if m.place_id == "orly"]
    target = window.map.focusProxy()
    focus_stop(qtbot, window, 4)
    QTest.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.agenda.selected_ids() == london)
    state = wait_for_map_state(qtbot, window.map, lambda s: s["openPlace"] == "london")
    assert state["highlighted"] == ["london"]
    focus_stop(qtbot, window, 3)
    QTest.keyClick(target, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.agenda.selected_ids() == orly)
    wait_for_map_state(qtbot, window.map, lambda s: s["openPlace"] == "orly")


def move_place(window, place_id: str, lat: float, lon: float) -> None:
    """An edit that moves a stop, through the workspace as the editor's saves go."""

    def change(trip: Trip) -> Trip:
        places = tuple(replace(p, lat=lat, lon=lon) if p.id == place_id else p for p in trip.places)
        return replace(trip, places=places)

    window.workspace.run(ChangeTrip(window.workspace.trip_id, change, "Move a place"))


def inside(state: dict[str, Any]) -> dict[str, bool]:
    return {stop["place"]: stop["inside"] for stop in state["stops"]}


def test_an_edit_that_moves_a_stop_refits_unless_the_user_moved_the_map(qtbot, window):
    wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 4)
    move_place(window, "london", 64.15, -21.94)  # to Reykjavik: off the fitted view
    state = wait_for_map_state(
        qtbot, window.map, lambda s: all(inside(s).values()) and not s["zoomAnimating"]
    )
    assert state["userMoved"] is False
    # The user drags the map: the next edit leaves the view where the user put it.
    page_eval(qtbot, window.map, "map.panBy([150, 80], {animate: false}); return 1;")
    moved = wait_for_map_state(qtbot, window.map, lambda s: s["userMoved"])
    move_place(window, "london", 51.5074, -0.1278)
    after = wait_for_map_state(
        qtbot, window.map, lambda s: s["stops"][3]["y"] != moved["stops"][3]["y"]
    )
    assert after["view"] == moved["view"]


def test_place_names_never_cover_another_stop_or_name(qtbot, store, make_window):
    # Three towns in a row, each about one name's width from the next at the trip's zoom.
    row = tuple(Place(f"t{n}", f"Town{n}", f"Town{n}", "X", 50.0, 3.0 * n, "UTC") for n in range(3))
    far = Place("far", "Faraway", "Faraway", "Y", 38.0, 22.0, "UTC")
    window = show(qtbot, store, make_window, trip_of("Row", (*row, far)))
    wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 4)
    for size in ((1400, 880), (1000, 700)):
        window.resize(*size)
        seen = layout(qtbot, window)
        marks = seen["stops"] + seen["groups"]
        names = seen["stopLabels"] + seen["groupLabels"]
        assert len(names) >= 2, size
        for i, name in enumerate(names):
            covered = [m["text"] for m in marks if overlap(name["box"], m["box"])]
            assert covered == [], (size, name["text"], covered)
            assert not any(overlap(name["box"], other["box"]) for other in names[i + 1 :])


def test_stops_at_the_very_same_spot_fan_out_when_their_group_is_opened(qtbot, store, make_window):
    # Venues placed at their city's centre, as the sample trip's Rome venues are.
    embassy = Place("embassy", "Embassy", "Amman", "Jordan", 31.95, 35.91, "Asia/Amman")
    palace = Place("palace", "Palace", "Amman", "Jordan", 31.95, 35.91, "Asia/Amman")
    window = show(qtbot, store, make_window, trip_of("Same spot", (CAIRO, embassy, palace)))
    state = wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 3)
    assert [sorted(group) for group in state["groups"]] == [["embassy", "palace"]]
    zoom = state["view"]["zoom"]
    page_eval(  # Enter on the focused group, as a keyboard user opens it
        qtbot,
        window.map,
        "var el = document.querySelector('.shuttle-group').parentNode; el.focus();"
        " el.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));"
        " return 1;",
    )
    qtbot.wait(600)  # the fan's animation
    seen = layout(qtbot, window)
    spread = [s for s in seen["stops"] if s["text"] in ("2", "3")]
    assert len(spread) == 2 and not overlap(spread[0]["box"], spread[1]["box"])
    assert js(qtbot, window.map, "state")["view"]["zoom"] == zoom  # fanned out, not zoomed
