"""Big trips in the window: what is deferred or kept still gives the same views.

The trips come from the benchmarks' generator (fixed seed): hundreds of meetings over
dozens of places in several zones, with overlaps and legs too short to travel.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from benchmarks import datasets
from data import distances
from data.agenda import display_day, sort_key
from data.distances import in_town
from data.edits import DeleteMeeting
from data.locale_format import whole_number
from data.store import Store, TripRows
from data.travel import LOCAL_KM, derive_legs, route_legs
from data.warnings import check_trip, warnings_by_meeting
from tests.ui.conftest import wait_for_map_state
from ui import main_window as main_window_module
from ui import map_pane as map_pane_module
from ui import workspace as workspace_module
from ui.workspace import Changes

ROOT = Path(__file__).resolve().parents[2]


def big_window(make_window, store, meetings=300, places=40):
    trip = datasets.trip("Big", meetings, places, 12)
    store.add_trip(trip)
    return make_window(), trip


def test_the_day_filter_redraws_only_the_agenda(qtbot, make_window, store, monkeypatch):
    window, trip = big_window(make_window, store)
    redrawn: list[str] = []
    for owner, name in (
        (window.map, "show_trip"),
        (window.map, "update_trip"),
        (window.calendar, "mark"),
        (window, "_show_summary"),
    ):
        monkeypatch.setattr(owner, name, lambda *_a, n=name: redrawn.append(n))
    day = sorted({m.day for m in trip.meetings})[3]
    window.show_day(day)
    shown = [row.meeting.id for row in window.agenda.model.rows]
    expected = sorted((m for m in window.workspace.trip.meetings if m.day == day), key=sort_key)
    assert shown == [m.id for m in expected] and shown
    window.show_whole_trip()
    assert len(window.agenda.model.rows) == len(trip.meetings)
    assert redrawn == []


def test_the_agenda_keeps_trip_order_in_every_zone_and_day(qtbot, make_window, store):
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    for zone in (None, ws.display_zone()):
        everything = sorted(
            ws.trip.meetings, key=lambda m, z=zone: (display_day(m, z), sort_key(m))
        )
        window.agenda.model.set_rows(ws.trip, zone, None)
        assert [r.meeting.id for r in window.agenda.model.rows] == [m.id for m in everything]
        day = display_day(everything[40], zone)
        window.agenda.model.set_rows(ws.trip, zone, day)
        assert [r.meeting.id for r in window.agenda.model.rows] == [
            m.id for m in everything if display_day(m, zone) == day
        ]
        first = window.agenda.model.rows[0]
        assert window.agenda.model.row_of(first.meeting.id) == 0


def test_warnings_of_an_opened_trip_arrive_from_the_worker(qtbot, make_window, store):
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    qtbot.waitUntil(lambda: not ws.checking, timeout=30000)
    expected = warnings_by_meeting(check_trip(ws.trip, ws.assumptions))
    assert expected  # the generated trip has overlaps and legs too short to travel
    assert ws.warnings == expected
    warned = next(iter(expected))
    model = window.agenda.model
    index = model.index(model.row_of(warned), 2)
    assert model.data(index, 1) is not None  # DecorationRole: the warning icon
    assert "⚠" in window.summary.text()


def test_reopening_checks_again_and_only_the_last_check_counts(qtbot, make_window, store):
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    qtbot.waitUntil(lambda: not ws.checking, timeout=30000)
    arrived: list[Changes] = []
    ws.changed.connect(lambda c: arrived.append(c) if c.warnings else None)
    trip_id = ws.trip_id
    ws.open_trip(trip_id)
    assert ws.checking and ws.warnings == {}  # shown at once, warnings to follow
    ws.open_trip(trip_id)  # the first check's result is dropped
    qtbot.waitUntil(lambda: not ws.checking, timeout=30000)
    qtbot.wait(50)
    assert len(arrived) == 1
    assert ws.warnings == warnings_by_meeting(check_trip(ws.trip, ws.assumptions))


def test_an_edit_during_the_check_keeps_its_own_warnings(qtbot, make_window, store):
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    ws.open_trip(ws.trip_id)
    assert ws.checking
    first = ws.trip.meetings[0]
    ws.perform(DeleteMeeting(ws.trip_id, first.id))
    assert not ws.checking  # the edit checked the trip itself
    expected = warnings_by_meeting(check_trip(ws.trip, ws.assumptions))
    qtbot.wait(300)
    assert ws.warnings == expected


def test_every_leg_of_a_big_trip_is_drawn(qtbot, make_window, store):
    """Legs are drawn in slices after the stops (map_bridge.js): all of them arrive."""
    window, trip = big_window(make_window, store, meetings=700, places=60)
    legs = len(route_legs(window.workspace.trip))
    assert legs > 400  # more than one slice
    state = wait_for_map_state(qtbot, window.map, lambda s: s["lines"] == legs)
    assert state["markers"] == len(trip.places)


def plan_later_from(monkeypatch, meetings):
    """Trips from ``meetings`` meetings have their legs planned off the GUI thread (the
    threshold is lowered so the tests' trips stay small)."""
    monkeypatch.setattr(workspace_module, "PLAN_LATER_FROM", meetings)


def test_a_big_trip_shows_its_stops_and_gets_its_legs_after(qtbot, make_window, store, monkeypatch):
    plan_later_from(monkeypatch, 100)
    # Enough pairs that measuring them spans many turns of the event loop (tens of ms).
    window, trip = big_window(make_window, store, meetings=1500, places=150)
    ws = window.workspace
    distances._pair_km.cache_clear()  # every pair measured again, on the worker
    ws.open_trip(ws.trip_id)
    assert ws.planning and ws.legs_if_planned() is None
    assert "legs being measured" in window.summary.text()
    assert " km" not in window.summary.text()
    # The event loop turns while the worker measures: record how far it got at each turn.
    measured: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: measured.append(distances._pair_km.cache_info().currsize))
    ticker.start(0)
    qtbot.waitUntil(lambda: not ws.planning, timeout=30000)
    ticker.stop()
    expected = derive_legs(ws.trip, ws.assumptions)
    assert ws.planned_legs() == expected
    pairs = distances._pair_km.cache_info().currsize
    assert any(0 < done < pairs for done in measured)  # answered with legs half measured
    route = [p for p in expected if p.stored or p.km >= LOCAL_KM]
    assert f"{whole_number(sum(p.km for p in route))} km" in window.summary.text()
    assert len(route) == len(route_legs(ws.trip)) > 400
    state = wait_for_map_state(qtbot, window.map, lambda s: s["lines"] == len(route))
    assert state["markers"] == len(trip.places)


def test_a_selection_made_while_planning_gets_its_travel_when_the_legs_arrive(
    qtbot, make_window, store, monkeypatch
):
    plan_later_from(monkeypatch, 100)
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    ws.open_trip(ws.trip_id)
    leg = next(
        p for p in derive_legs(ws.trip, ws.assumptions) if not in_town(p.origin, p.destination)
    )
    window.select_meetings([leg.after_meeting])
    QApplication.processEvents()
    assert ws.planning and "km:" not in window.details.toPlainText()
    qtbot.waitUntil(lambda: not ws.planning, timeout=30000)
    assert f"{leg.destination.city} by {leg.leg.mode}, {leg.km:,.0f} km:" in (
        window.details.toPlainText()
    )


def test_an_edit_while_planning_plans_the_edited_trip(qtbot, make_window, store, monkeypatch):
    plan_later_from(monkeypatch, 100)
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    ws.open_trip(ws.trip_id)
    assert ws.planning
    ws.perform(DeleteMeeting(ws.trip_id, ws.trip.meetings[0].id))
    assert not ws.planning  # the edit's views planned the trip themselves
    arrived: list[Changes] = []
    ws.changed.connect(lambda c: arrived.append(c) if c.legs else None)
    ws.start_pending_check()
    qtbot.wait(300)
    assert arrived == []
    assert ws.planned_legs() == derive_legs(ws.trip, ws.assumptions)
    assert " km" in window.summary.text()


def test_a_big_trips_warnings_are_checked_once_its_legs_arrive(
    qtbot, make_window, store, monkeypatch
):
    """One worker at a time (Python runs one thread at a time): legs first, as they draw."""
    plan_later_from(monkeypatch, 100)
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    arrived: list[str] = []
    ws.changed.connect(lambda c: arrived.extend(n for n in ("legs", "warnings") if getattr(c, n)))
    ws.open_trip(ws.trip_id)
    ws.start_pending_check()
    assert ws.planning and ws.checking
    qtbot.waitUntil(lambda: not ws.checking, timeout=30000)
    assert arrived == ["legs", "warnings"]
    assert ws.warnings == warnings_by_meeting(check_trip(ws.trip, ws.assumptions))


def test_an_edit_of_a_big_trip_has_its_warnings_checked_on_a_worker(
    qtbot, make_window, store, monkeypatch
):
    plan_later_from(monkeypatch, 100)
    window, _trip = big_window(make_window, store)
    ws = window.workspace
    qtbot.waitUntil(lambda: not ws.checking and not ws.planning, timeout=30000)
    earlier = ws.warnings
    checked_on = record_threads(monkeypatch, workspace_module, "check_trip")
    warned = next(iter(earlier))
    ws.perform(DeleteMeeting(ws.trip_id, warned))
    assert ws.checking and ws.warnings == earlier  # shown until the new ones arrive
    qtbot.waitUntil(lambda: not ws.checking, timeout=30000)
    assert ws.warnings == warnings_by_meeting(check_trip(ws.trip, ws.assumptions))
    assert warned not in ws.warnings
    assert checked_on and threading.main_thread() not in checked_on


def test_a_small_trip_is_planned_at_once(qtbot, make_window, store):
    window, _trip = big_window(make_window, store)  # under PLAN_LATER_FROM
    ws = window.workspace
    ws.open_trip(ws.trip_id)
    assert not ws.planning
    assert ws.legs_if_planned() == derive_legs(ws.trip, ws.assumptions)
    assert " km · times:" in window.summary.text()


def read_later_from(monkeypatch, meetings):
    """Trips from ``meetings`` meetings are read off the GUI thread (lowered, as above)."""
    monkeypatch.setattr(workspace_module, "READ_LATER_FROM", meetings)


def add_elsewhere(store, trip) -> int:
    """Add ``trip`` through another connection, as a command line would: the window's
    store keeps no copy of it (data/store.py), so opening it reads it."""
    with Store.connect(store.path, seed=False) as other:
        return other.add_trip(trip).trip_id


def record_threads(monkeypatch, module, name):
    """Record the thread each call of ``module.name`` runs on."""
    threads: list[threading.Thread] = []
    real = getattr(module, name)

    def recorded(*args):
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(module, name, recorded)
    return threads


def test_a_big_trip_is_read_off_the_gui_thread_while_the_trip_shown_stays(
    qtbot, make_window, store, monkeypatch
):
    read_later_from(monkeypatch, 100)
    read_on = record_threads(monkeypatch, TripRows, "trip")
    window = make_window()  # the sample trip: read at once
    ws = window.workspace
    sample_id = ws.trip_id
    big = datasets.trip("Big", 300, 40, 12)
    big_id = add_elsewhere(store, big)
    read_on.clear()
    # The event loop turns while the trip is read: record what is shown at each turn.
    shown: list[int | None] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: shown.append(ws.trip_id))
    ticker.start(0)
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        assert ws.open_trip(big_id)
        assert ws.trip_id == sample_id and ws.opening == big_id  # shown until the big one is
        assert window.statusBar().currentMessage() == "Opening “Big”…"
    ticker.stop()
    assert read_on == [t for t in read_on if t is not threading.main_thread()] != []
    assert sample_id in shown  # the window answered while the trip was read
    assert ws.trip_id == big_id and ws.opening is None
    assert ws.trip == store.load_trip(big_id)
    assert window.windowTitle() == "Big — Shuttle"
    assert window.agenda.model.rowCount() == len(big.meetings)
    wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == len(big.places))


def test_a_big_trips_stops_are_made_for_the_map_on_the_worker_that_reads_it(
    qtbot, make_window, store, monkeypatch
):
    read_later_from(monkeypatch, 100)
    plan_later_from(monkeypatch, 100)
    made_on = record_threads(monkeypatch, main_window_module, "page_data")
    built_on = record_threads(monkeypatch, map_pane_module, "page_data")
    trip = datasets.trip("Big", 300, 40, 12)
    add_elsewhere(store, trip)
    window = make_window()  # it starts on the big trip, opened last
    ws = window.workspace
    qtbot.waitUntil(lambda: not ws.planning and not window.map.building, timeout=30000)
    assert len(made_on) == 1 and made_on[0] is not threading.main_thread()
    assert built_on == [t for t in built_on if t is not threading.main_thread()]  # the legs
    route = route_legs(ws.trip)
    state = wait_for_map_state(qtbot, window.map, lambda s: s["lines"] == len(route))
    assert state["markers"] == len(trip.places)


def test_a_window_starting_on_a_big_trip_offers_no_trip_action_until_it_is_read(
    qtbot, make_window, store, monkeypatch
):
    read_later_from(monkeypatch, 100)
    big_id = add_elsewhere(store, datasets.trip("Big", 300, 40, 12))
    window = make_window(wait_for_map=False)
    ws = window.workspace
    assert ws.trip is None and ws.opening == big_id
    assert not window.planner.new_action.isEnabled()
    assert "No trips yet" not in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        pass
    assert ws.trip_id == big_id and window.planner.new_action.isEnabled()


def test_only_the_trip_opened_last_is_shown(qtbot, make_window, store, monkeypatch):
    read_later_from(monkeypatch, 100)
    window = make_window()
    ws = window.workspace
    sample_id = ws.trip_id
    big_id = add_elsewhere(store, datasets.trip("Big", 300, 40, 12))
    other_id = add_elsewhere(store, datasets.trip("Other", 300, 40, 12, seed=7))
    ws.open_trip(big_id)
    ws.open_trip(sample_id)  # small: shown at once, the big one's reading dropped
    assert ws.trip_id == sample_id and ws.opening is None
    ws.open_trip(big_id)
    ws.open_trip(other_id)
    qtbot.waitUntil(lambda: ws.opening is None, timeout=30000)
    qtbot.wait(200)
    assert ws.trip_id == other_id and ws.trip.name == "Other"


def test_a_big_trip_found_unreadable_is_refused_and_the_trip_shown_stays(
    qtbot, make_window, store, monkeypatch
):
    read_later_from(monkeypatch, 100)
    window = make_window()
    ws = window.workspace
    sample_id = ws.trip_id
    big_id = add_elsewhere(store, datasets.trip("Big", 300, 40, 12))
    with sqlite3.connect(store.path) as db:  # one meeting's row damaged on disk
        db.execute(
            "UPDATE meetings SET body = '{\"id\": 5}' WHERE trip_id = ? AND position = 5",
            (big_id,),
        )
    refused: list[tuple[str, str]] = []
    ws.refused.connect(lambda label, reason: refused.append((label, reason)))
    window.dialogs.warn = lambda *_args: None  # the refusal's message box, not shown here
    assert ws.open_trip(big_id)
    qtbot.waitUntil(lambda: ws.opening is None, timeout=30000)
    [(label, reason)] = refused
    assert label == "Cannot open trip" and f"trip {big_id} in the store" in reason
    assert ws.trip_id == sample_id and ws.trip is not None
    assert window.trip_list.currentData() == sample_id


def test_thousands_of_void_qt_calls_do_not_abort(tmp_path):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call (ui/__init__)."""
    code = (
        "import ui\n"
        "from PySide6.QtCore import QDate\n"
        "from PySide6.QtGui import QTextCharFormat\n"
        "from PySide6.QtWidgets import QApplication, QCalendarWidget\n"
        "app = QApplication([])\n"
        "calendar = QCalendarWidget()\n"
        "for day in range(30000):\n"
        "    calendar.setDateTextFormat(QDate(2020, 1, 1).addDays(day % 900), QTextCharFormat())\n"
        "print('done')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stdout.strip() == "done"


def test_the_window_starts_without_pydantic_or_package_metadata(tmp_path):
    """What the window does not need before it shows stays unimported (start-up time)."""
    from data.map_document import cached_page
    from data.store import Store
    from ui.map_pane import BASE, TILE_URL

    Store.open(tmp_path / "store").close()  # seeded here: seeding reads a validated file
    cached_page(BASE, TILE_URL, tmp_path / "cache")  # as every launch after the first finds
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.map_pane import register_scheme\n"
        "register_scheme()\n"
        "app = QApplication([])\n"
        "from ui.app import start_window\n"
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        f"window = start_window(Path({str(tmp_path / 'store')!r}), settings, seed=False)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "unwanted = ('pydantic', 'importlib.metadata', 'geopy', 'icalendar', 'data.trip_file')\n"
        "print(sorted(m for m in unwanted if m in sys.modules))\n"
        "sys.stdout.flush()\n"
        "import os; os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "QTWEBENGINE_DISABLE_SANDBOX": "1",
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "SHUTTLE_CACHE_DIR": str(tmp_path / "cache"),
        },
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
