"""The month calendar: the trip's days marked, meeting days in bold.

Signals:
    day_chosen(date): the user picked a day (click, Enter or arrow keys).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

TRIP_DAY = QColor("#dbe8f5")
MEETING_DAY = QColor("#a9c8ea")


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class CalendarPane(QCalendarWidget):
    day_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Trip calendar"))
        self.setAccessibleDescription(self.tr("Month calendar; the trip's days are shaded"))
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.marked: dict[date, int] = {}
        self._quiet = False
        self.selectionChanged.connect(self._on_selection)

    def mark(self, meeting_days: dict[date, int], trip_span: tuple[date, date] | None) -> None:
        """Shade the trip's span and bold the days that have meetings (count in tooltip)."""
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clear every earlier mark
        self.marked = dict(meeting_days)
        if trip_span:
            day = to_qdate(trip_span[0])
            while day <= to_qdate(trip_span[1]):
                fmt = QTextCharFormat()
                fmt.setBackground(QBrush(TRIP_DAY))
                self.setDateTextFormat(day, fmt)
                day = day.addDays(1)
        for meeting_day, count in meeting_days.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(MEETING_DAY))
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setToolTip(f"{count} meeting{'s' if count != 1 else ''}")
            self.setDateTextFormat(to_qdate(meeting_day), fmt)

    def show_day(self, day: date) -> None:
        """Select ``day`` without announcing it as the user's choice."""
        self._quiet = True
        try:
            self.setSelectedDate(to_qdate(day))
        finally:
            self._quiet = False

    def selected_day(self) -> date:
        return from_qdate(self.selectedDate())

    def _on_selection(self) -> None:
        if not self._quiet:
            self.day_chosen.emit(self.selected_day())
