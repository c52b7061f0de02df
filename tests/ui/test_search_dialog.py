"""Edit → Find…: live results from every trip; choosing one opens its trip and selects it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from data.model import Meeting, Participant, Place, TimeTBC, Trip
from ui.search_dialog import SearchDialog

LAVROV = "kerry-2014-12-m1-lavrov"


def geneva() -> Trip:
    place = Place(
        "palais", "Palais des Nations", "Genève", "Switzerland", 46.2, 6.1, "Europe/Zurich"
    )
    meeting = Meeting(
        "g1",
        "Réunion sur l'Iran",
        "palais",
        TimeTBC(date(2025, 3, 4)),
        participants=(Participant("Javad Zarif"),),
    )
    return Trip("Geneva talks", "Envoy", "Europe/Zurich", places=(place,), meetings=(meeting,))


def open_search(qtbot, window) -> SearchDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.agenda.table.setFocus()
    qtbot.keyClick(window.agenda.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    return dialog


def type_search(qtbot, dialog: SearchDialog, text: str, count: int) -> None:
    dialog.query.selectAll()
    qtbot.keyClicks(dialog.query, text)
    qtbot.waitUntil(lambda: not dialog._timer.isActive() and dialog.results.count() == count)


def test_enter_opens_the_other_trip_and_selects_the_meeting(qtbot, store, make_window):
    kerry = store.trips()[0].id
    geneva_id = store.add_trip(geneva()).trip_id  # opened last: the window shows it
    window = make_window(wait_for_map=False)
    assert window.workspace.trip_id == geneva_id
    dialog = open_search(qtbot, window)
    type_search(qtbot, dialog, "LAVR", 1)
    first = dialog.results.item(0).text()
    assert first.startswith("Talks with Russian Foreign Minister Sergei Lavrov\nSun 14 Dec 2014, ")
    assert first.count("\n") == 1  # the title says why it matched: no third line
    assert "<b>Lavrov</b>" in dialog.results.item(0).toolTip()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.workspace.trip_id == kerry
    assert window.agenda.selected_ids() == [LAVROV]
    assert not dialog.isVisible()
    assert window.windowTitle().startswith("Kerry: Rome")


def test_double_click_opens_a_meeting_of_the_trip_shown(qtbot, store, make_window):
    kerry = store.trips()[0].id
    window = make_window(wait_for_map=False)
    dialog = open_search(qtbot, window)
    type_search(qtbot, dialog, "london", 2)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)  # the text box moves through the list
    second = dialog.current_hit()
    assert second is not None and dialog.results.currentRow() == 1
    item = dialog.results.item(1)
    rect = dialog.results.visualItemRect(item)
    # A double click as a mouse makes it: a click, then the second press.
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.trip_id == kerry
    assert window.agenda.selected_ids() == [second.meeting_id]


def test_accents_prefixes_and_query_syntax(qtbot, store, make_window):
    store.add_trip(geneva())
    window = make_window(wait_for_map=False)
    dialog = open_search(qtbot, window)
    type_search(qtbot, dialog, "geneve zar", 1)
    assert dialog.results.item(0).text().startswith("Réunion sur l'Iran\n")
    # A match outside the title says why on a third line.
    assert dialog.results.item(0).text().splitlines()[2] == "Javad Zarif"
    for hostile in ('"', "NEAR(", "lavrov OR netanyahu", "*"):
        type_search(qtbot, dialog, hostile, 0)
        assert dialog.status.text() in ("No meeting matches.", "")
    type_search(qtbot, dialog, "kerry", 6)
    assert dialog.status.text() == "6 meetings found"


def test_results_follow_edits(qtbot, store, make_window):
    window = make_window(wait_for_map=False)
    dialog = open_search(qtbot, window)
    type_search(qtbot, dialog, "zarif", 0)
    window.workspace.store.add_trip(geneva())  # as another window's edit would
    window.workspace.open_trip(None)  # the workspace shows it: results are searched again
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
