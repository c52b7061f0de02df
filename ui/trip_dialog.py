"""The New Trip dialog: name, traveller, home zone and dates, checked at each field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from data.gazetteer import Gazetteer
from ui.calendar_pane import from_qdate, to_qdate
from ui.zone_field import ZoneField


@dataclass(frozen=True, slots=True)
class TripDetails:
    name: str
    traveller: str
    home_timezone: str
    start_day: date | None
    end_day: date | None


def _error() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b03a2e;")
    label.hide()
    return label


class TripDialog(QDialog):
    def __init__(
        self,
        taken_names: set[str],
        home_zone: str,
        parent: QWidget | None = None,
        current: TripDetails | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        """A new trip, or with ``current`` the details of one to change. The home zone is
        found by city or zone name (``gazetteer``: the window's; one is loaded if none)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trip Details") if current else self.tr("New Trip"))
        self.setMinimumWidth(460)
        self.taken = taken_names
        self.details: TripDetails | None = None
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Trip name"))
        self.name_error = _error()
        self.traveller = QLineEdit()
        self.traveller.setAccessibleName(self.tr("Traveller"))
        self.zone = ZoneField(home_zone, gazetteer or Gazetteer())
        self.zone.setAccessibleName(self.tr("Home time zone"))
        self.zone_note = QLabel()
        self.zone_note.setTextFormat(Qt.TextFormat.PlainText)
        self.zone.zone_changed.connect(self._show_zone)
        self._show_zone(self.zone.zone_name() or "")
        self.zone_error = _error()
        today = QDate.currentDate()
        self.has_dates = QCheckBox(self.tr("The trip has fixed &dates"))
        self.start = QDateEdit(today)
        self.end = QDateEdit(today.addDays(2))
        for edit, name in ((self.start, self.tr("First day")), (self.end, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.has_dates.toggled.connect(self.start.setEnabled)
        self.has_dates.toggled.connect(self.end.setEnabled)
        self._span = 2  # days from the first to the last: kept when the first moves
        self.start.dateChanged.connect(self._on_start_moved)
        self.end.dateChanged.connect(self._on_end_moved)
        self.dates_error = _error()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Traveller:"), self.traveller)
        form.addRow(self.tr("&Home zone:"), self.zone)
        form.addRow("", self.zone_note)
        form.addRow("", self.zone_error)
        form.addRow("", self.has_dates)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("T&o:"), self.end)
        form.addRow("", self.dates_error)
        form.addRow(buttons)
        if current is not None:
            self._load(current)

    def _load(self, current: TripDetails) -> None:
        self.name.setText(current.name)
        self.traveller.setText(current.traveller)
        self.zone.setText(current.home_timezone)
        first = current.start_day or current.end_day
        if first is not None:
            self.has_dates.setChecked(True)
            self.start.setDate(to_qdate(first))
            self.end.setDate(to_qdate(current.end_day or first))

    def accept(self) -> None:
        for label in (self.name_error, self.zone_error, self.dates_error):
            label.hide()
        name = self.name.text().strip()
        ok = True
        if not name:
            self._say(self.name_error, self.tr("The trip needs a name."))
            ok = False
        elif name in self.taken:
            self._say(
                self.name_error,
                self.tr("A trip named “{name}” is already in the store.").format(name=name),
            )
            ok = False
        home = self.zone.zone_name()
        if home is None:
            self._say(
                self.zone_error,
                self.tr("“{zone}” is not a known time zone.").format(zone=self.zone.text()),
            )
            ok = False
        start = end = None
        if self.has_dates.isChecked():
            start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
            if end < start:
                self._say(self.dates_error, self.tr("The last day is before the first."))
                ok = False
        if not ok:
            return
        assert home is not None  # else not ok
        self.details = TripDetails(name, self.traveller.text().strip(), home, start, end)
        super().accept()

    def _show_zone(self, home: str) -> None:
        self.zone_note.setText(self.tr("Time zone: {zone}").format(zone=home) if home else "")

    def _on_start_moved(self, first: QDate) -> None:
        """The last day moves with the first, keeping the trip's length."""
        self.end.blockSignals(True)
        self.end.setDate(first.addDays(self._span))
        self.end.blockSignals(False)

    def _on_end_moved(self, last: QDate) -> None:
        span = self.start.date().daysTo(last)
        if span >= 0:  # a last day before the first is reported at OK, not carried along
            self._span = span

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()
