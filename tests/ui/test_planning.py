"""Planning through the real widgets: the editor, undo and redo, the map following edits."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog

from data.model import Participant
from tests.ui.conftest import click_map, js, wait_for_map_state


def open_editor(qtbot, window, action):
    action.trigger()
    qtbot.waitUntil(lambda: window.planner.editor is not None and window.planner.editor.isVisible())
    return window.planner.editor


def mark_page(qtbot, window):
    """Leave a mark in the page: still there later means the page was not reloaded."""
    window.map.page().runJavaScript("window.__notReloaded = true;")
    qtbot.waitUntil(lambda: bool(js(qtbot, window.map, "state")))


def page_kept(qtbot, window) -> bool:
    box = []
    window.map.page().runJavaScript("window.__notReloaded === true", 0, box.append)
    qtbot.waitUntil(lambda: bool(box))
    return box[0] is True


def fill_geneva_meeting(
    editor, title="Talks at the Palais des Nations", start=(10, 0), end=(11, 30)
):
    editor.title.setText(title)
    editor.place_edit.setText("Palais des Nations, Geneva")
    editor.day_edit.setDate(QDate(2014, 12, 17))
    editor.exact_radio.setChecked(True)
    editor.start_edit.setTime(QTime(*start))
    editor.end_edit.setTime(QTime(*end))
    editor.add_participant(Participant("Staffan de Mistura", "UN envoy", "UN", "sdm@example.org"))


def test_a_new_meeting_through_the_editor_then_undo_and_redo(qtbot, window):
    mark_page(qtbot, window)
    editor = open_editor(qtbot, window, window.planner.new_action)
    fill_geneva_meeting(editor)
    assert editor.zone_edit.text() == "Europe/Zurich"  # filled from the gazetteer
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.planner.editor is None)

    trip = window.workspace.store.load_trip(window.workspace.trip_id)
    added = trip.meetings[-1]
    assert added.title == "Talks at the Palais des Nations"
    assert trip.place(added.place_id).timezone == "Europe/Zurich"
    assert added.time.start.hour == 10 and added.time.end.minute == 30
    assert added.participants[0].name == "John Kerry"  # the trip's traveller, added
    assert added.participants[-1].email == "sdm@example.org"
    assert window.agenda.selected_ids() == [added.id]
    assert date(2014, 12, 17) in window.calendar.marked
    state = wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 5)
    assert state["lines"] == 3  # London → Geneva now drawn
    assert page_kept(qtbot, window)

    window.planner.undo_action.trigger()
    assert added.id not in {
        m.id for m in window.workspace.store.load_trip(window.workspace.trip_id).meetings
    }
    wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 4 and s["lines"] == 2)
    assert date(2014, 12, 17) not in window.calendar.marked

    window.planner.redo_action.trigger()
    again = window.workspace.store.load_trip(window.workspace.trip_id)
    assert again.meetings[-1] == added
    wait_for_map_state(qtbot, window.map, lambda s: s["markers"] == 5)
    assert page_kept(qtbot, window)


def test_the_editor_refuses_bad_input_at_the_field(qtbot, window):
    editor = open_editor(qtbot, window, window.planner.new_action)
    editor.exact_radio.setChecked(True)
    editor.start_edit.setTime(QTime(16, 0))
    editor.end_edit.setTime(QTime(15, 0))
    editor.zone_edit.setText("Europe/Atlantis")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    assert editor.title_error.isVisibleTo(editor) and "empty" in editor.title_error.text()
    assert "not after" in editor.time_error.text() or "after the start" in editor.time_error.text()
    assert "Europe/Atlantis" in editor.zone_error.text()
    before = window.workspace.store.load_trip(window.workspace.trip_id)
    editor.reject()
    qtbot.waitUntil(lambda: window.planner.editor is None)
    assert window.workspace.store.load_trip(window.workspace.trip_id) == before
    assert not window.workspace.undo_stack.canUndo()


def test_a_late_dinner_can_end_the_next_day(qtbot, window):
    editor = open_editor(qtbot, window, window.planner.new_action)
    fill_geneva_meeting(editor, "Late dinner", start=(22, 30), end=(1, 0))
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible() and "after the start" in editor.time_error.text()
    editor.next_day.setChecked(True)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.planner.editor is None)
    dinner = window.workspace.store.load_trip(window.workspace.trip_id).meetings[-1]
    assert dinner.time.duration == timedelta(hours=2, minutes=30)
    assert dinner.time.end.date() == date(2014, 12, 18)


def test_editing_keeps_provenance_and_raises_the_sequence(qtbot, window):
    parolin = window.workspace.trip.meetings[1]
    window.agenda.select([parolin.id])
    editor = open_editor(qtbot, window, window.planner.edit_action)
    assert editor.title.text() == parolin.title
    assert editor.tbc_radio.isChecked() and editor.part_box.currentText() == "morning"
    editor.exact_radio.setChecked(True)
    editor.start_edit.setTime(QTime(9, 0))
    editor.end_edit.setTime(QTime(9, 45))
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.planner.editor is None)
    saved = window.workspace.store.load_trip(window.workspace.trip_id).meeting(parolin.id)
    assert saved.provenance == parolin.provenance  # "not in the article" survives
    assert saved.sequence == parolin.sequence + 1
    assert saved.time.start.tzinfo.key == "Europe/Vatican"
    window.planner.undo_action.trigger()
    assert (
        window.workspace.store.load_trip(window.workspace.trip_id).meeting(parolin.id).time
        == parolin.time
    )


def test_delete_and_duplicate_with_undo(qtbot, window):
    first = window.workspace.trip.meetings[0]
    window.agenda.table.setFocus()
    window.agenda.select([first.id])
    window.planner.duplicate_action.trigger()
    trip = window.workspace.store.load_trip(window.workspace.trip_id)
    assert len(trip.meetings) == 7
    copy = next(m for m in trip.meetings if m.title.endswith("(copy)"))
    assert window.agenda.selected_ids() == [copy.id]
    window.agenda.select([first.id, copy.id])
    window.planner.delete_action.trigger()
    assert len(window.workspace.store.load_trip(window.workspace.trip_id).meetings) == 5
    assert window.workspace.undo_stack.undoText().startswith("Delete 2 meetings")
    window.planner.undo_action.trigger()
    assert len(window.workspace.store.load_trip(window.workspace.trip_id).meetings) == 7
    window.planner.undo_action.trigger()
    assert (
        window.workspace.store.load_trip(window.workspace.trip_id).meetings
        == window.workspace.trip.meetings
    )
    assert len(window.workspace.trip.meetings) == 6


def test_warnings_show_in_the_agenda_and_the_details(qtbot, window):
    """Paris ends 16:00, London starts 16:30 local: too little time to fly between them."""
    for title, city, start, end in (
        ("Paris talks", "Paris, France", (14, 0), (16, 0)),
        ("London talks", "London, United Kingdom", (16, 30), (17, 30)),
    ):
        editor = open_editor(qtbot, window, window.planner.new_action)
        editor.title.setText(title)
        editor.place_edit.setText(city)
        editor.day_edit.setDate(QDate(2014, 12, 18))
        editor.exact_radio.setChecked(True)
        editor.start_edit.setTime(QTime(*start))
        editor.end_edit.setTime(QTime(*end))
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: window.planner.editor is None)
    london = window.workspace.trip.meetings[-1]
    assert london.id in window.workspace.warnings
    row = window.agenda.model.row_of(london.id)
    index = window.agenda.model.index(row, 2)
    assert window.agenda.model.data(index, 1) is not None  # DecorationRole: the warning icon
    window.agenda.select([london.id])
    assert "Warnings" in window.details.toPlainText()
    assert "⚠" in window.summary.text()


def test_a_place_picked_on_the_map_gets_its_zone_from_the_coordinates(qtbot, window):
    window.workspace.gazetteer.warm()  # as run_app does on its worker thread
    editor = open_editor(qtbot, window, window.planner.new_action)
    editor.map_button.click()
    assert not editor.isVisible()
    wait_for_map_state(qtbot, window.map, lambda s: s["picking"] is True)
    click_map(qtbot, window.map, 46.2044, 6.1432)  # Geneva
    qtbot.waitUntil(editor.isVisible)
    assert editor.new_place is not None
    assert editor.zone_edit.text() == "Europe/Zurich"
    assert editor.new_place.city == "Geneva"
    editor.reject()


def test_a_new_trip_then_undo(qtbot, window, monkeypatch):
    from ui import planning

    class Accepting:
        def __init__(self, taken, home, parent):
            from ui.trip_dialog import TripDetails

            self.details = TripDetails(
                "Geneva talks", "Envoy", "Europe/Zurich", date(2015, 1, 5), date(2015, 1, 7)
            )

        def exec(self):
            return True

    monkeypatch.setattr(planning, "TripDialog", Accepting)
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.planner.new_trip_action.trigger()
    assert window.workspace.trip.name == "Geneva talks"
    assert (window.workspace.trip.first_day, window.workspace.trip.last_day) == (
        date(2015, 1, 5),
        date(2015, 1, 7),
    )
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.planner.undo_action.trigger()
    assert [t.name for t in window.workspace.store.trips()] == [window.workspace.trip.name]
    assert "Kerry" in window.workspace.trip.name


def test_the_trip_dialog_checks_its_fields(qtbot):
    from ui.trip_dialog import TripDialog

    dialog = TripDialog({"Taken"}, "Europe/Rome")
    qtbot.addWidget(dialog)
    dialog.name.setText("Taken")
    dialog.zone.setText("Nowhere/City")
    dialog.has_dates.setChecked(True)
    dialog.end.setDate(dialog.start.date().addDays(-1))
    dialog.accept()
    assert dialog.details is None
    assert "already in the store" in dialog.name_error.text()
    assert "not a known time zone" in dialog.zone_error.text()
    assert "before the first" in dialog.dates_error.text()


def test_travel_to_a_meeting_can_be_given_its_mode_and_times(qtbot, window, monkeypatch):
    from datetime import datetime

    from ui import planning

    dinner = window.workspace.trip.meetings[3]  # the flight from Rome lands at Orly for this one

    class Dialog:
        def __init__(self, leg, origin, destination, parent):
            self.value = leg.replace(
                mode="C-32 (USAF)",
                depart=datetime(2014, 12, 15, 18, 30, tzinfo=origin.tz),
                arrive=datetime(2014, 12, 15, 20, 40, tzinfo=destination.tz),
            )

        def exec(self):
            return True

    monkeypatch.setattr(planning, "LegDialog", Dialog)
    window.agenda.select([dinner.id])
    window.planner.leg_action.trigger()
    leg = window.workspace.store.load_trip(window.workspace.trip_id).legs[0]
    assert leg.mode == "C-32 (USAF)" and leg.duration.total_seconds() == 2 * 3600 + 10 * 60
    assert "departs Mon 15 Dec 18:30 CET" in window.details.toPlainText()
    window.planner.undo_action.trigger()
    assert (
        window.workspace.store.load_trip(window.workspace.trip_id).legs[0].mode
        == "U.S. Air Force plane"
    )


def test_changed_assumptions_change_the_estimates(qtbot, window, monkeypatch):
    from datetime import timedelta

    from data.travel import TravelAssumptions
    from ui import planning

    class Dialog:
        def __init__(self, current, parent):
            self.value = TravelAssumptions(cruise_kmh=500, airport_time=timedelta(hours=3))

        def exec(self):
            return True

    monkeypatch.setattr(planning, "TravelDialog", Dialog)
    window.agenda.select([window.workspace.trip.meetings[3].id])
    before = window.details.toPlainText()
    window.planner.assumptions_action.trigger()
    assert window.workspace.assumptions.cruise_kmh == 500
    after = window.details.toPlainText()
    assert after != before and "flights at 500 km/h plus 3 h" in after


def test_editing_an_imported_event_keeps_its_uid_and_its_missing_place(qtbot, window, monkeypatch):
    from tests.conftest import ROOT

    source = ROOT / "tests" / "data" / "ics_corpus" / "crafted" / "no-location.ics"
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(source))
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 0)
    window.import_ics_action.trigger()
    call = window.workspace.trip.meeting("no-place-anywhere")
    assert call.place_id is None and call.calendar is not None
    window.agenda.select([call.id])
    editor = open_editor(qtbot, window, window.planner.edit_action)
    assert editor.place_edit.text() == "" and "No place given" in editor.place_note.text()
    assert editor.zone_edit.text() == "Europe/London"
    editor.title.setText("Phone call with Paris")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.planner.editor is None)
    saved = window.workspace.store.load_trip(window.workspace.trip_id).meeting(call.id)
    assert saved.title == "Phone call with Paris" and saved.place_id is None
    assert saved.calendar == call.calendar  # the UID other programs know it by
    assert saved.sequence == call.sequence + 1
