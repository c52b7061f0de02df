"""The trip dialog: the home zone found by city, the last day following the first."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.ui.test_meeting_editor import choose_completion
from ui.trip_dialog import TripDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


@pytest.fixture
def dialog(qtbot, gazetteer) -> TripDialog:
    shown = TripDialog(set(), "UTC", gazetteer=gazetteer)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.name.setText("Geneva talks")
    return shown


@pytest.mark.parametrize(
    ("typed", "chosen", "zone"),
    [
        ("Washing", "Washington, United States — America/New_York", "America/New_York"),
        ("New Y", "America/New_York", "America/New_York"),
        ("Pari", "Paris, France — Europe/Paris", "Europe/Paris"),
    ],
)
def test_the_home_zone_is_chosen_by_city(qtbot, dialog, typed, chosen, zone):
    dialog.zone.clear()
    choose_completion(qtbot, dialog.zone, typed, chosen)
    assert dialog.zone_note.text() == f"Time zone: {zone}"
    dialog.accept()
    assert dialog.details is not None and dialog.details.home_timezone == zone


def test_a_city_typed_whole_is_its_zone(qtbot, dialog):
    dialog.zone.clear()
    qtbot.keyClicks(dialog.zone, "New York")
    qtbot.keyClick(dialog.zone.completer().popup(), Qt.Key.Key_Escape)
    dialog.accept()
    assert dialog.details is not None and dialog.details.home_timezone == "America/New_York"


def test_to_follows_from(dialog):
    dialog.has_dates.setChecked(True)
    dialog.start.setDate(QDate(2015, 1, 5))
    dialog.end.setDate(QDate(2015, 1, 9))
    dialog.start.setDate(QDate(2015, 2, 1))
    assert dialog.end.date() == QDate(2015, 2, 5)  # four days on, as before
    dialog.accept()
    assert dialog.details is not None
    assert (dialog.details.start_day, dialog.details.end_day) == (
        date(2015, 2, 1),
        date(2015, 2, 5),
    )
