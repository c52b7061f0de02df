"""Which clock the window shows times in: each venue's, the trip's home zone, or the system's."""

from __future__ import annotations

from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimeZone

from data.model import Trip, zone


class ZoneMode(StrEnum):
    VENUE = "venue"
    HOME = "home"
    SYSTEM = "system"


def system_zone() -> ZoneInfo:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    try:
        return zone(name)
    except ValueError:
        return ZoneInfo("UTC")


def display_zone(mode: ZoneMode, trip: Trip | None) -> ZoneInfo | None:
    """The zone to show times in; None means each meeting in its venue's own zone."""
    if mode is ZoneMode.HOME and trip is not None:
        return trip.home_tz
    if mode is ZoneMode.SYSTEM:
        return system_zone()
    return None


def mode_label(mode: ZoneMode, trip: Trip | None) -> str:
    if mode is ZoneMode.HOME:
        if trip is None:
            return QCoreApplication.translate("ZoneChoice", "Home zone")
        return QCoreApplication.translate("ZoneChoice", "Home ({zone})").format(
            zone=trip.home_timezone
        )
    if mode is ZoneMode.SYSTEM:
        return QCoreApplication.translate("ZoneChoice", "System ({zone})").format(
            zone=system_zone().key
        )
    return QCoreApplication.translate("ZoneChoice", "Venue local time")
