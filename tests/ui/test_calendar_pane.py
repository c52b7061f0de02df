"""The calendar's marks: shades drawn from the palette, readable in light and dark."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTableView

from ui.calendar_pane import CalendarPane, to_qdate

SPAN = (date(2014, 12, 14), date(2014, 12, 16))
MEETINGS = {date(2014, 12, 14): 1, date(2014, 12, 15): 3}


def palette(base: str, text: str) -> QPalette:
    colours = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Highlight, "#308cc6"),
    ):
        colours.setColor(role, QColor(colour))
    return colours


def shade(pane: CalendarPane, day: date) -> QColor:
    return pane.dateTextFormat(to_qdate(day)).background().color()


def test_marks_keep_the_text_readable_in_light_and_dark(qtbot):
    pane = CalendarPane()
    qtbot.addWidget(pane)
    pane.setPalette(palette("#ffffff", "#000000"))
    pane.mark(MEETINGS, SPAN)
    assert shade(pane, date(2014, 12, 16)).lightnessF() > 0.75  # trip day, no meeting
    assert (
        0.5
        < shade(pane, date(2014, 12, 15)).lightnessF()
        < shade(pane, date(2014, 12, 16)).lightnessF()
    )
    pane.setPalette(palette("#1e1e1e", "#eeeeee"))  # the system turns dark: marks follow
    assert shade(pane, date(2014, 12, 16)).lightnessF() < 0.3
    assert shade(pane, date(2014, 12, 15)).lightnessF() < 0.45
    tip = pane.dateTextFormat(to_qdate(date(2014, 12, 15))).toolTip()
    assert tip == "3 meetings"


def test_every_week_of_the_month_is_shown_whole(qtbot, make_window):
    """The pane is as tall as its six weeks' rows: the last one is not cut off."""
    window = make_window()
    for size in ((1600, 1000), (1024, 768)):
        window.resize(*size)
        qtbot.wait(100)
        view = window.calendar.findChild(QTableView, "qt_calendar_calendarview")
        assert view.verticalHeader().length() <= view.viewport().height(), size
