"""File → Open Trip…: a trip file into the store, as one undoable edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from data import trip_file
from data.edits import AddTrip, Edit, ReplaceTrip
from ui.dialogs import Dialogs
from ui.workspace import Workspace


def open_trip_file(ws: Workspace, dialogs: Dialogs) -> None:
    """Add the chosen file's trip, or replace the stored trip of its name (if the user says so)."""
    path = dialogs.ask_open_path()
    if not path:
        return
    try:
        trip = trip_file.read(path)
    except trip_file.TripFileError as exc:
        dialogs.warn(QCoreApplication.translate("FileActions", "Cannot open trip"), str(exc))
        return
    existing = {t.name: t.id for t in ws.trips()}
    edit: Edit
    if trip.name in existing:
        if not dialogs.ask_yes(
            QCoreApplication.translate("FileActions", "Trip already in the store"),
            QCoreApplication.translate(
                "FileActions",
                "“{name}” is already in the store. Replace it with the file's version?",
            ).format(name=trip.name),
        ):
            ws.open_trip(existing[trip.name])
            return
        edit = ReplaceTrip(existing[trip.name], trip)
    else:
        edit = AddTrip(trip)
    if ws.perform(edit) is not None:
        ws.say(
            QCoreApplication.translate("FileActions", "Opened {name}").format(name=Path(path).name)
        )
