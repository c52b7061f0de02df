"""The meeting editor as a user types into it: the place field, times, participants."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from data import trip_file
from data.model import PlaceKind
from data.store import SAMPLE_TRIP
from tests.ui.test_planning import open_editor
from ui.meeting_editor import MeetingEditor

TRIP = trip_file.read(SAMPLE_TRIP)
# Completion popups grab the keyboard, which the offscreen platform cannot do (and says).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


@pytest.fixture
def editor(qtbot, gazetteer) -> MeetingEditor:
    dialog = MeetingEditor(TRIP, None, gazetteer, date(2014, 12, 16))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose_completion(qtbot, field: QLineEdit, typed: str, wanted: str) -> None:
    """Type into ``field``, then pick ``wanted`` from its popup with the keyboard."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, typed)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    rows = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert wanted in rows
    for _ in range(len(rows) + 1):
        if popup.currentIndex().row() == rows.index(wanted):
            break
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert field.text() == wanted


@pytest.mark.parametrize("then_typed", [", Le Royal Hotel", " Le Royal Hotel"])
def test_a_venue_typed_after_the_chosen_city_is_kept(qtbot, window, then_typed):
    editor = open_editor(qtbot, window, window.planner.new_action)
    editor.activateWindow()
    editor.title.setText("Talks in Amman")
    choose_completion(qtbot, editor.place_edit, "Amm", "Amman, Jordan")
    assert "new place at the city centre" in editor.place_note.text()
    qtbot.keyClicks(editor.place_edit, then_typed)
    assert editor.place_note.text() == "Le Royal Hotel — new venue in Amman, Jordan"
    assert editor.zone_edit.text() == "Asia/Amman"
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.planner.editor is None)

    trip = window.workspace.store.load_trip(window.workspace.trip_id)
    added = trip.meetings[-1]
    place = trip.place(added.place_id)
    assert (place.name, place.city, place.country) == ("Le Royal Hotel", "Amman", "Jordan")
    assert place.kind is PlaceKind.VENUE and place.timezone == "Asia/Amman"


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        ("Villa Medici, Rome", "Villa Medici — new venue in Rome, Italy"),
        ("Rome, Villa Medici", "Villa Medici — new venue in Rome, Italy"),
        ("Villa Taverna, Rome", "a place of this trip"),
        ("Rome", "Rome, Italy — new place at the city centre"),
    ],
)
def test_the_place_field_says_what_it_read(editor, typed, note):
    editor.place_edit.setText(typed)
    assert note in editor.place_note.text()
    assert editor.zone_edit.text() == "Europe/Rome"


def test_a_venue_without_a_city_is_refused_at_the_field_not_dropped(qtbot, editor):
    editor.title.setText("Talks")
    editor.place_edit.setText("Le Royal Hotel")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.result_value is None
    assert "No city found in “Le Royal Hotel”" in editor.place_error.text()
    assert editor.place_edit.text() == "Le Royal Hotel"


def test_the_end_keeps_the_length_when_the_start_moves(editor):
    editor.exact_radio.setChecked(True)
    editor.start_edit.setTime(QTime(10, 0))
    editor.end_edit.setTime(QTime(11, 30))
    editor.start_edit.setTime(QTime(12, 0))
    assert editor.end_edit.time() == QTime(13, 30)
    editor.start_edit.setTime(QTime(23, 0))  # past midnight: the next day
    assert editor.end_edit.time() == QTime(0, 30) and editor.next_day.isChecked()
    editor.start_edit.setTime(QTime(9, 0))
    assert editor.end_edit.time() == QTime(10, 30) and not editor.next_day.isChecked()


@pytest.mark.parametrize("typed", ["1430", "14:30"])
def test_times_are_typed_over_a_select_all(qtbot, editor, typed):
    editor.title.setText("Talks")
    editor.place_edit.setText("Rome")
    editor.exact_radio.setChecked(True)
    editor.start_edit.setFocus()
    qtbot.keyClick(editor.start_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.start_edit, typed)
    assert editor.start_edit.time() == QTime(14, 30)
    assert editor.end_edit.time() == QTime(15, 30)  # and the hour's length kept
    qtbot.keyClick(editor.end_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.end_edit, "1605")
    result = editor.build()
    assert result is not None
    assert result.meeting.time.duration == timedelta(hours=1, minutes=35)


def test_the_end_label_shows_a_shortcut_not_an_ampersand(editor):
    labels = [w for w in editor.findChildren(QLabel) if w.buddy() is editor.end_edit]
    assert [label.text() for label in labels] == ["&End:"]  # drawn as an underlined E
    place = [w for w in editor.findChildren(QLabel) if w.buddy() is editor.place_edit]
    assert len(place) == 1


def test_the_traveller_is_a_new_meetings_first_participant(editor):
    assert editor.people.rowCount() == 1
    assert editor.people.item(0, 0).text() == "John Kerry"
    assert editor.people.item(0, 1).text() == "U.S. Secretary of State"


def test_a_new_participant_row_opens_for_typing_with_the_trips_people(qtbot, editor):
    _tab_of(editor).setCurrentIndex(1)
    editor.add_person_button.click()
    row = editor.people.rowCount() - 1
    assert editor.people.currentRow() == row and editor.people.currentColumn() == 0
    name = editor.people.findChild(QLineEdit)
    assert name is not None and name.isVisible()  # the name cell is in edit mode
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClicks(name, "lavr")
    popup = name.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Sergei Lavrov"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(name, Qt.Key.Key_Return)  # commit the cell
    QApplication.processEvents()
    assert editor.people.item(row, 0).text() == "Sergei Lavrov"
    assert editor.people.item(row, 1).text() == "Minister of Foreign Affairs"  # as known
    editor.title.setText("Talks")
    editor.place_edit.setText("Rome")
    result = editor.build()
    assert result is not None
    assert [p.name for p in result.meeting.participants] == ["John Kerry", "Sergei Lavrov"]


def test_an_empty_added_row_is_no_participant(qtbot, editor):
    editor.title.setText("Talks")
    editor.place_edit.setText("Rome")
    _tab_of(editor).setCurrentIndex(1)
    editor.new_participant_row()
    result = editor.build()
    assert result is not None
    assert [p.name for p in result.meeting.participants] == ["John Kerry"]


def _tab_of(editor: MeetingEditor):
    from PySide6.QtWidgets import QTabWidget

    return editor.findChild(QTabWidget)


def test_the_day_field_is_set(editor):
    assert editor.day_edit.date() == QDate(2014, 12, 16)


def test_a_zone_changed_by_hand_survives_typing_the_venue(qtbot, editor):
    editor.place_edit.setText("Amman, Jordan")
    assert editor.zone_edit.text() == "Asia/Amman"
    editor.zone_edit.setText("UTC")
    qtbot.keyClicks(editor.place_edit, ", Le Royal")
    assert editor.zone_edit.text() == "UTC"  # the same spot: the user's zone stays
    editor.place_edit.setText("Le Royal, Paris")
    assert editor.zone_edit.text() == "Europe/Paris"  # another city brings its zone


def test_a_spot_picked_on_the_map_takes_the_venue_typed(editor):
    editor.title.setText("Talks")
    editor.place_edit.setText("Palais des Nations")
    editor.set_coordinates(46.2266, 6.1400)  # where the map was clicked
    assert editor.place_edit.text() == "Palais des Nations"  # as typed
    assert "Palais des Nations — new place in Geneva" in editor.place_note.text()
    result = editor.build()
    assert result is not None and result.new_place is not None
    assert (result.new_place.name, result.new_place.timezone) == (
        "Palais des Nations",
        "Europe/Zurich",
    )
    editor.place_edit.setText("Rome")  # typed anew: the text, not the click, counts
    assert editor.build().new_place.city == "Rome"


def test_the_venues_zone_can_be_typed_as_a_city(editor):
    editor.title.setText("Talks")
    editor.place_edit.setText("Rome")
    editor.zone_edit.setText("New York")
    result = editor.build()
    assert result is not None and result.new_place.timezone == "America/New_York"
