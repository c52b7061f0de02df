"""Keyboard paths, the Trip menu and Help, driven through the real window (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from data.model import Trip
from tests.ui.test_main_window import SAMPLE, timed_trip
from ui import help as help_module
from ui.help import GUIDE, GuideBrowser, shortcut_rows
from ui.main_window import MainWindow
from ui.workspace import Changes


@pytest.fixture
def two_trips(store, make_window) -> MainWindow:
    store.add_trip(timed_trip())
    store.mark_opened(store.resolve(SAMPLE.name))
    return make_window(wait_for_map=False)


def focused_by_tabs(qtbot, window: MainWindow, start: QWidget, count: int) -> list[QWidget]:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def owner(widget: QWidget | None, candidates: list[QWidget]) -> QWidget | None:
    """The candidate that is ``widget`` or holds it (the calendar's focus is in its grid)."""
    while widget is not None:
        if widget in candidates:
            return widget
        widget = widget.parentWidget()
    return None


def test_tab_reaches_the_trip_and_times_boxes_and_every_pane_in_screen_order(qtbot, two_trips):
    window = two_trips
    panes = [
        window.trip_list,
        window.zone_box,
        window.calendar,
        window.agenda.whole_trip_button,
        window.agenda.table,
        window.details,
    ]
    window.agenda.whole_trip_button.setEnabled(True)  # disabled while the whole trip shows
    seen = [window.trip_list, *focused_by_tabs(qtbot, window, window.trip_list, 6)]
    order = []
    for widget in seen:
        pane = owner(widget, panes)
        if pane is not None and pane not in order:
            order.append(pane)
    assert order == panes, seen
    assert owner(seen[-1], [window.map]) is window.map  # then the map, last


def test_shift_tab_goes_back_from_the_times_box_to_the_trip_box(qtbot, two_trips):
    window = two_trips
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.zone_box.setFocus()
    qtbot.waitUntil(window.zone_box.hasFocus)
    qtbot.keyClick(window.zone_box, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.trip_list


def test_the_trip_menu_lists_the_trips_and_switches_between_them(qtbot, two_trips, store):
    window = two_trips
    names = [a.text() for a in window.trip_menu_actions()]
    assert names == [s.name for s in store.trips()]
    checked = [a.text() for a in window.trip_menu_actions() if a.isChecked()]
    assert checked == [SAMPLE.name]
    other = next(a for a in window.trip_menu_actions() if a.text() == "Timed trip Late tal")
    other.trigger()
    assert window.workspace.trip.name == "Timed trip Late tal"
    assert [a.text() for a in window.trip_menu_actions() if a.isChecked()] == [other.text()]
    assert window.trip_list.currentText() == "Timed trip Late tal"
    # A trip added to the store appears in the menu.
    store.add_trip(Trip("Trip & more", "A. Planner", "Europe/Paris", (), ()))
    window.workspace.changed.emit(Changes(trips=True))  # as the workspace says after adding
    assert "Trip && more" in [a.text() for a in window.trip_menu_actions()]


def test_an_empty_trip_says_how_to_add_a_meeting(qtbot, store, make_window):
    store.add_trip(Trip("Empty", "A. Planner", "Europe/Paris", (), ()))
    store.mark_opened(store.resolve("Empty"))
    window = make_window(wait_for_map=False)
    assert window.workspace.trip.name == "Empty"
    assert window.agenda.empty.isVisible() and not window.agenda.table.isVisible()
    assert window.agenda.empty.text() == "No meetings yet: Edit → New Meeting (Ctrl+N) adds one."


def test_the_shortcuts_dialog_lists_every_menu_shortcut(qtbot, window):
    rows = shortcut_rows(window.menuBar())
    keys = {action: shortcut for _menu, action, shortcut in rows}
    assert keys["New Meeting"] == "Ctrl+N"
    assert keys["User Guide"] == QKeySequence(QKeySequence.StandardKey.HelpContents).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert [key for menu, _action, key in rows if menu == "View → Times In"] == [
        "Ctrl+Shift+1",
        "Ctrl+Shift+2",
        "Ctrl+Shift+3",
    ]
    # Generated from the actions: a changed shortcut shows at once.
    window.fit_action.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.show_shortcuts()
    shown = window.shortcuts.rows()
    assert ("View", "Fit Map to Trip", "Ctrl+Alt+F") in shown
    rows = shortcut_rows(window.menuBar())
    assert shown[: len(rows)] == rows  # then the keys that move around (Tab, arrows)
    assert any(keys.startswith("Tab, ") for _m, _a, keys in shown[len(rows) :])


def test_f1_opens_the_shipped_guide(qtbot, window):
    assert window.guide_action.shortcut().matches(QKeySequence("F1")) == (
        QKeySequence.SequenceMatch.ExactMatch
    )
    window.guide_action.trigger()
    text = window.guide.browser.toPlainText()
    assert "Shuttle User Guide" in text
    assert "Where facts come from" in text
    first = window.guide
    window.guide_action.trigger()
    assert window.guide is first and first.isVisible()  # one guide, raised again
    window.guide.close()


def test_the_guide_loads_nothing_remote_and_sends_web_links_to_the_browser(qtbot, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(help_module.QDesktopServices, "openUrl", opened.append)
    browser = GuideBrowser()
    qtbot.addWidget(browser)
    assert browser.loadResource(2, QUrl("https://example.org/tracker.png")) is None
    assert browser.loadResource(2, QUrl("http://example.org/style.css")) is None
    browser.setSource(QUrl.fromLocalFile(str(help_module.resource_path(GUIDE))))
    assert "Getting started" in browser.toPlainText()
    browser.anchorClicked.emit(QUrl("https://example.org/shuttle"))
    assert opened == [QUrl("https://example.org/shuttle")]
    browser.anchorClicked.emit(QUrl("#keyboard"))
    assert browser.source().fileName() == GUIDE  # an anchor stays in the guide


def test_the_focused_pane_or_box_is_framed_in_the_highlight_colour(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    highlight = window.palette().highlight().color().name()
    calendar_grid = window.calendar.focusProxy() or window.calendar
    framed = [calendar_grid, window.agenda.table, window.details, window.zone_box]

    def left_edge(widget: QWidget) -> str:
        image = widget.grab().toImage()
        return image.pixelColor(0, image.height() // 2).name()

    for widget in framed:
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        assert left_edge(widget) == highlight, widget
        for other in framed:
            if other is not widget:
                assert left_edge(other) != highlight, (widget, other)
