"""The one write path, through the real window: every change undoable, nothing lost."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import QTime

from data import trip_file
from data.edits import ChangeTrip, save_meeting_with
from data.ics_export import export_calendar
from data.model import Trip
from data.report import ReportOptions, build_report_html
from data.store import Store
from data.travel import TravelAssumptions
from tests.conftest import ROOT
from tests.ui.test_planning import open_editor


def titles(window) -> list[str]:
    """What the agenda shows: each row's title."""
    return [row.meeting.title for row in window.agenda.model.rows]


def contents(trip: Trip) -> list:
    """A trip's meetings as stored; sequences aside (an undo is a new change to a meeting)."""
    return [m.replace(sequence=0) for m in trip.meetings]


def stored(window) -> Trip:
    ws = window.workspace
    return ws.store.load_trip(ws.trip_id)


def test_edit_import_undo_undo_redo(qtbot, window, tmp_path, monkeypatch):
    ws = window.workspace
    start = stored(window)
    parolin = start.meetings[1]

    # 1. Edit a meeting in the editor: Parolin gets an exact time.
    window.agenda.select([parolin.id])
    editor = open_editor(qtbot, window, window.planner.edit_action)
    editor.exact_radio.setChecked(True)
    editor.start_edit.setTime(QTime(9, 0))
    editor.end_edit.setTime(QTime(9, 45))
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.planner.editor is None)
    edited = stored(window)
    assert edited.meeting(parolin.id).time.start.hour == 9

    # 2. Import a calendar into the same trip: it renames Parolin's meeting and adds one.
    renamed = edited.meeting(parolin.id).replace(title="Parolin, moved")
    extra = edited.meetings[0].replace(id="m-from-ics", title="Breakfast with the envoy")
    calendar = tmp_path / "update.ics"
    shown = edited.replace(meetings=(*edited.meetings[:1], renamed, *edited.meetings[2:], extra))
    calendar.write_bytes(export_calendar(shown, [parolin.id, extra.id]))
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(calendar))
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda *a: 0)  # into this trip
    window.import_ics_action.trigger()
    imported = stored(window)
    assert len(imported.meetings) == 7
    assert imported.meeting(parolin.id).title == "Parolin, moved"
    assert imported.meeting(parolin.id).time == edited.meeting(parolin.id).time
    assert "Breakfast with the envoy" in titles(window)
    assert ws.undo_stack.undoText() == "Import update.ics"

    # 3. Undo the import: exactly the import goes, the edit before it stays.
    window.planner.undo_action.trigger()
    assert contents(stored(window)) == contents(edited)
    assert titles(window) == [m.title for m in sorted_by_agenda(window, edited)]
    assert "Breakfast with the envoy" not in titles(window)
    assert ws.trip is not None and ws.trip.meeting(parolin.id).time.start.hour == 9
    assert ws.undo_stack.undoText().startswith("Edit meeting")

    # 4. Undo the edit: the trip as it started.
    window.planner.undo_action.trigger()
    assert contents(stored(window)) == contents(start)
    assert stored(window).meeting(parolin.id).time == parolin.time
    assert titles(window) == [m.title for m in sorted_by_agenda(window, start)]

    # 5. Redo the edit: Parolin's exact time is back, the import is still undone.
    window.planner.redo_action.trigger()
    assert contents(stored(window)) == contents(edited)
    assert "Breakfast with the envoy" not in titles(window)
    assert ws.undo_stack.redoText() == "Import update.ics"


def sorted_by_agenda(window, trip: Trip):
    """The trip's meetings in the order the agenda lists them."""
    from data.agenda import sort_key

    return sorted(trip.meetings, key=sort_key)


def test_opening_a_replaced_trip_file_is_undoable(qtbot, window, tmp_path, monkeypatch):
    ws = window.workspace
    before = stored(window)
    newer = before.replace(
        meetings=tuple(
            m.replace(title=f"{m.title} (revised)") if i == 0 else m
            for i, m in enumerate(before.meetings)
        )
    )
    path = tmp_path / "kerry.json"
    trip_file.write(newer, path)
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(path))
    monkeypatch.setattr(window.dialogs, "ask_yes", lambda *a: True)  # replace it
    window.open_action.trigger()
    assert stored(window).meetings[0].title.endswith("(revised)")
    assert titles(window)[0].endswith("(revised)")
    assert ws.undo_stack.undoText() == f"Replace trip “{before.name}”"
    window.planner.undo_action.trigger()
    undone = stored(window)
    # SEQUENCE never goes back (clients would ignore the undo): the title changed twice.
    assert [m.sequence for m in undone.meetings][:2] == [2, 0]
    same = zip(undone.meetings, before.meetings, strict=True)
    assert undone.replace(meetings=tuple(m.replace(sequence=b.sequence) for m, b in same)) == before
    assert not titles(window)[0].endswith("(revised)")
    window.planner.redo_action.trigger()
    assert stored(window).meetings[0].title.endswith("(revised)")
    assert len(ws.trips()) == 1


def test_opening_a_new_trip_file_is_undoable(qtbot, window, tmp_path, monkeypatch):
    from tests.ui.test_main_window import timed_trip

    ws = window.workspace
    path = tmp_path / "timed.json"
    trip_file.write(timed_trip(), path)
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(path))
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.open_action.trigger()
    assert ws.trip is not None and ws.trip.name == "Timed trip Late tal"
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.planner.undo_action.trigger()
    assert [t.name for t in ws.trips()] == [stored(window).name]
    assert "Kerry" in window.windowTitle()


def test_trip_details_change_and_undo(qtbot, window, monkeypatch):
    from ui import planning
    from ui.trip_dialog import TripDetails

    ws = window.workspace
    before = stored(window)
    asked = []

    class Dialog:
        def __init__(self, taken, home, parent, current):
            asked.append(current)
            self.details = TripDetails(
                "Kerry in Europe", current.traveller, "Europe/Rome", None, None
            )

        def exec(self):
            return True

    monkeypatch.setattr(planning, "TripDialog", Dialog)
    window.planner.trip_details_action.trigger()
    assert asked[0].name == before.name and asked[0].home_timezone == before.home_timezone
    assert stored(window).name == "Kerry in Europe" and ws.trip.home_timezone == "Europe/Rome"
    assert window.windowTitle().startswith("Kerry in Europe")
    assert ws.undo_stack.undoText() == "Edit trip “Kerry in Europe”"
    window.planner.undo_action.trigger()
    assert stored(window) == before
    assert window.windowTitle().startswith(before.name)


def test_a_failing_edit_changes_nothing(qtbot, window, monkeypatch):
    ws = window.workspace
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(window.dialogs, "warn", lambda *a: warnings.append(a))
    window.agenda.select([ws.trip.meetings[0].id])
    window.planner.duplicate_action.trigger()  # one good edit on the stack first
    before, count, rows = stored(window), ws.undo_stack.count(), titles(window)
    index = ws.undo_stack.index()
    broken = before.meetings[0].replace(place_id="atlantis")
    edit = ChangeTrip(ws.trip_id, lambda trip: save_meeting_with(trip, broken), "Edit meeting")
    assert ws.perform(edit) is None
    assert warnings and "atlantis" in warnings[0][1]
    assert stored(window) == before and ws.trip == before
    assert (ws.undo_stack.count(), ws.undo_stack.index()) == (count, index)
    assert titles(window) == rows
    assert ws.undo_stack.undoText().startswith("Duplicate meeting")


def test_the_cli_the_print_and_the_window_agree_on_travel(
    qtbot, store, make_window, monkeypatch, tmp_path
):
    """New assumptions set in the window reach `agenda`, `print` and the details alike."""
    from tests.ui.test_main_window import SAMPLE
    from ui import planning

    unplanned = SAMPLE.replace(name="Kerry, travel to plan", legs=())
    store.mark_opened(store.add_trip(unplanned).trip_id)
    window = make_window()
    ws = window.workspace

    class Dialog:
        def __init__(self, current, parent):
            self.value = TravelAssumptions(road_kmh=50, flight_from_km=400)

        def exec(self):
            return True

    monkeypatch.setattr(planning, "TravelDialog", Dialog)
    window.planner.assumptions_action.trigger()
    assert ws.assumptions.flight_from_km == 400
    # Paris → London is 358 km: under 400 km it goes by road, 358 / 50 km/h = 7 h 10 min.
    expected = ("road", "Paris → London", "358 km", "7 h 10 min")

    london = next(m for m in ws.trip.meetings if m.place_id == "london")
    window.agenda.select([london.id])
    details = window.details.toPlainText()
    assert "Paris → London by road, 358 km: about 7 h 10 min" in details

    data_dir = store.path.parent
    agenda = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "agenda"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "road: Paris → London, 358 km, about 7 h 10 min" in agenda

    with Store.open(data_dir) as reader:
        html = build_report_html(
            reader.load_trip(reader.resolve(None)),
            None,
            ReportOptions(assumptions=reader.travel_assumptions()),
        )
    text = re.sub(r"<[^>]+>", "", html)
    assert "Road: Paris → London, 358 km, about 7 h 10 min" in text
    for part in expected:
        assert part in details and part in agenda and part in text.replace("Road", "road")

    if shutil.which("pdftotext"):
        pdf = tmp_path / "itinerary.pdf"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--data-dir",
                str(data_dir),
                "print",
                "--pdf",
                str(pdf),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        printed = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "358 km, about 7 h 10 min" in " ".join(printed.split())

    window.planner.undo_action.trigger()  # the assumptions are an edit like any other
    assert ws.assumptions.flight_from_km == 150
    assert ws.assumptions.airport_time == timedelta(hours=1, minutes=30)


@pytest.mark.parametrize("value", ['{"cruise_kmh": 750}', "not json", '{"cruise_kmh": "fast"}'])
def test_bad_stored_assumptions_are_an_error(store, value, data_dir):
    from data.store import ASSUMPTIONS_SETTING, StoreError

    store._db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)", ("setting:" + ASSUMPTIONS_SETTING, value)
    )
    with pytest.raises(StoreError, match="travel_assumptions"):
        store.travel_assumptions()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(store.path.parent), "agenda"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "travel_assumptions" in result.stderr


def test_the_window_says_when_the_stored_assumptions_are_bad(qtbot, store, make_window):
    from PySide6.QtWidgets import QMessageBox

    from data.store import ASSUMPTIONS_SETTING

    store._db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)", ("setting:" + ASSUMPTIONS_SETTING, "{}")
    )
    window = make_window()
    [box] = window.findChildren(QMessageBox)
    assert box.isVisible() and "travel_assumptions: missing cruise_kmh" in box.text()
    assert window.workspace.assumptions == TravelAssumptions()  # the defaults, said so
    box.close()
