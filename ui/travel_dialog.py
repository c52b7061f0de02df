"""Travel dialogs: the assumptions behind estimates, and one leg's mode and times."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from data.model import Leg, Place
from data.travel import TravelAssumptions


def _spin(value: float, maximum: float, suffix: str, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(0)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    return spin


class TravelDialog(QDialog):
    """Edit the stated assumptions behind every travel-time estimate."""

    def __init__(self, current: TravelAssumptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Travel Assumptions"))
        self.value: TravelAssumptions | None = None
        form = QFormLayout(self)
        self.cruise = _spin(current.cruise_kmh, 1200, " km/h", self.tr("Flight speed"))
        self.airport = _spin(
            current.airport_time.total_seconds() / 60, 600, " min", self.tr("Time at airports")
        )
        self.train = _spin(current.train_kmh, 400, " km/h", self.tr("Train speed"))
        self.road = _spin(current.road_kmh, 200, " km/h", self.tr("Road speed"))
        self.threshold = _spin(current.flight_from_km, 2000, " km", self.tr("Fly from"))
        self.summary = QLabel(current.describe())
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.hide()
        form.addRow(self.tr("&Flights, gate to gate:"), self.cruise)
        form.addRow(self.tr("Time at &airports (both ends):"), self.airport)
        form.addRow(self.tr("&Trains:"), self.train)
        form.addRow(self.tr("&Road:"), self.road)
        form.addRow(self.tr("New legs fly from:"), self.threshold)
        form.addRow(self.summary)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.value = TravelAssumptions(
                cruise_kmh=self.cruise.value(),
                airport_time=timedelta(minutes=self.airport.value()),
                train_kmh=self.train.value(),
                road_kmh=self.road.value(),
                flight_from_km=self.threshold.value(),
            )
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class LegDialog(QDialog):
    """A leg's mode and, when known, its departure and arrival in local time."""

    def __init__(
        self, leg: Leg, origin: Place, destination: Place, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Travel: {origin} → {destination}").format(
                origin=origin.city, destination=destination.city
            )
        )
        self.leg, self.origin, self.destination = leg, origin, destination
        self.value: Leg | None = None
        form = QFormLayout(self)
        self.mode = QLineEdit(leg.mode)
        self.mode.setAccessibleName(self.tr("Mode of travel"))
        self.timed = QCheckBox(self.tr("Departure and arrival times are &known"))
        self.depart = QDateTimeEdit()
        self.arrive = QDateTimeEdit()
        day = QDateTime(datetime.combine(leg.day, time(12)))
        for edit, value, name in (
            (self.depart, leg.depart, self.tr("Departure")),
            (self.arrive, leg.arrive, self.tr("Arrival")),
        ):
            edit.setDisplayFormat("ddd d MMM yyyy HH:mm")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setDateTime(QDateTime(value.replace(tzinfo=None)) if value else day)
        self.timed.setChecked(leg.depart is not None and leg.arrive is not None)
        self.timed.toggled.connect(self._sync)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.hide()
        form.addRow(self.tr("&Mode:"), self.mode)
        form.addRow("", self.timed)
        form.addRow(self.tr("&Departs ({zone}):").format(zone=origin.timezone), self.depart)
        form.addRow(self.tr("&Arrives ({zone}):").format(zone=destination.timezone), self.arrive)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._sync()

    def _sync(self) -> None:
        self.depart.setEnabled(self.timed.isChecked())
        self.arrive.setEnabled(self.timed.isChecked())

    def accept(self) -> None:
        mode = self.mode.text().strip()
        depart = arrive = None
        if self.timed.isChecked():
            depart = _wall_time(self.depart.dateTime()).replace(tzinfo=self.origin.tz)
            arrive = _wall_time(self.arrive.dateTime()).replace(tzinfo=self.destination.tz)
        try:
            if not mode:
                raise ValueError(self.tr("say how the leg travels, e.g. flight or train"))
            self.value = self.leg.replace(
                mode=mode,
                depart=depart,
                arrive=arrive,
                day=depart.date() if depart else self.leg.day,
            )
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def _wall_time(value: QDateTime) -> datetime:
    """The date and time shown in an edit, without a zone (the caller gives it one)."""
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
