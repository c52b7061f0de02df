"""The month calendar: the trip's days marked, meeting days in bold.

Signals:
    day_chosen(date): the user picked a day (click, Enter or arrow keys).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QSize, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QTableView, QWidget

from ui.i18n import plural

# How much of the highlight colour tints the trip's days and its meeting days: drawn from
# the palette, the shades keep the palette's text readable in light and dark schemes.
TRIP_TINT = 0.2
MEETING_TINT = 0.45


def tint(palette: QPalette, share: float) -> QColor:
    """The view's base colour moved ``share`` of the way to the highlight colour."""
    base = palette.color(QPalette.ColorRole.Base)
    high = palette.color(QPalette.ColorRole.Highlight)
    return QColor.fromRgbF(
        base.redF() + (high.redF() - base.redF()) * share,
        base.greenF() + (high.greenF() - base.greenF()) * share,
        base.blueF() + (high.blueF() - base.blueF()) * share,
    )


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
        self.trip_span: tuple[date, date] | None = None
        self._quiet = False
        self.selectionChanged.connect(self._on_selection)

    def mark(self, meeting_days: dict[date, int], trip_span: tuple[date, date] | None) -> None:
        """Shade the trip's span and bold the days that have meetings (count in tooltip)."""
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clear every earlier mark
        self.marked = dict(meeting_days)
        self.trip_span = trip_span
        palette = self.palette()
        # One format of each kind: a trip of years marks thousands of days.
        trip_day = QTextCharFormat()
        trip_day.setBackground(QBrush(tint(palette, TRIP_TINT)))
        meeting_day = QTextCharFormat()
        meeting_day.setBackground(QBrush(tint(palette, MEETING_TINT)))
        meeting_day.setFontWeight(QFont.Weight.Bold)
        if trip_span:
            day, last = to_qdate(trip_span[0]), to_qdate(trip_span[1])
            while day <= last:
                self.setDateTextFormat(day, trip_day)
                day = day.addDays(1)
        tips: dict[int, str] = {}
        for day_with, count in meeting_days.items():
            if count not in tips:
                tips[count] = plural(self.tr("%n meeting(s)", "", count), count)
            meeting_day.setToolTip(tips[count])
            self.setDateTextFormat(to_qdate(day_with), meeting_day)

    def minimumSizeHint(self) -> QSize:
        """Tall enough for every week's row: Qt's own hint leaves the last row a few
        pixels short, cut at the bottom of the pane."""
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._rows_height()))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._rows_height()))

    def _rows_height(self) -> int:
        view = self.findChild(QTableView, "qt_calendar_calendarview")
        bar = self.findChild(QWidget, "qt_calendar_navigationbar")
        if view is None or bar is None or view.model() is None:
            return 0
        rows = view.model().rowCount() * view.verticalHeader().minimumSectionSize()
        return bar.sizeHint().height() + rows + 2 * view.frameWidth()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light to dark or back
            self.mark(self.marked, self.trip_span)

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
