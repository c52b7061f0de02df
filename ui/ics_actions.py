"""File-menu work for .ics: export the trip, send invites, import a calendar.

Each function takes the workspace (store, trip, selection) and the window's dialogs, and
does its work through the data layer; writes to the store go through the workspace as
edits (an import is undone in one step), and errors end in a message, never a lost store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from data.edits import ImportCalendar, SetSetting
from data.eml import read_calendar_file
from data.files import FileRefused, file_stem, write_atomically
from data.ics_common import IcsError, parse_organizer
from data.ics_export import export_calendar
from data.ics_import import series_days
from data.ics_read import parse_ics
from ui.dialogs import Dialogs
from ui.workspace import Workspace

ICS_FILTER = "Calendar files (*.ics);;All files (*)"
IMPORT_FILTER = "Calendars and invite replies (*.ics *.eml);;All files (*)"


def export_ics(ws: Workspace, dialogs: Dialogs) -> None:
    trip = ws.trip
    if trip is None:
        return
    chosen = list(ws.selection)
    meeting_ids: list[str] | None = None
    if chosen and len(chosen) < len(trip.meetings):
        choice = dialogs.ask_choice(
            QCoreApplication.translate("IcsActions", "Export .ics"),
            QCoreApplication.translate(
                "IcsActions",
                "Export the %n selected meeting(s) or the whole trip?",
                None,
                len(chosen),
            ),
            [
                QCoreApplication.translate("IcsActions", "&Selected Meetings"),
                QCoreApplication.translate("IcsActions", "&Whole Trip"),
            ],
        )
        if choice is None:
            return
        meeting_ids = chosen if choice == 0 else None
    path = dialogs.ask_save_path(
        QCoreApplication.translate("IcsActions", "Export .ics"),
        f"{file_stem(trip.name)}.ics",
        ICS_FILTER,
    )
    if not path or not dialogs.confirm_overwrite("Export .ics", [Path(path)]):
        return
    try:
        # The window's export is the team's own calendar: lossless, with internal data.
        write_atomically(export_calendar(trip, meeting_ids, internal=True), path)
    except FileRefused as exc:
        dialogs.warn(QCoreApplication.translate("IcsActions", "Export .ics"), f"Cannot write {exc}")
        return
    except OSError as exc:
        dialogs.warn(
            QCoreApplication.translate("IcsActions", "Export .ics"),
            f"Cannot write {path}: {exc.strerror or exc}",
        )
        return
    count = len(meeting_ids) if meeting_ids else len(trip.meetings)
    ws.say(f"Exported {count} meetings to {path}", 8000)


def send_invites(ws: Workspace, dialogs: Dialogs) -> None:
    trip, trip_id = ws.trip, ws.trip_id
    if trip is None or trip_id is None:
        return
    known = ws.store.get_setting("organizer") or ""
    organizer_text = known
    while True:
        if not organizer_text:
            organizer_text = dialogs.ask_text(
                QCoreApplication.translate("IcsActions", "Invites: organizer"),
                "Invites are sent in your name. Your name and email, e.g.\n"
                "Jane Doe <jane.doe@example.org>:",
            )
            if not organizer_text:
                return
        try:
            organizer = parse_organizer(organizer_text)
            break
        except ValueError as exc:
            dialogs.warn(QCoreApplication.translate("IcsActions", "Invites: organizer"), str(exc))
            organizer_text = ""
    if str(organizer) != known and not ws.perform(
        SetSetting(trip_id, "organizer", str(organizer), "Set the invites' organizer")
    ):
        return
    chosen = list(ws.selection)
    meeting_ids: list[str] | None = None
    if chosen and len(chosen) < len(trip.meetings):
        choice = dialogs.ask_choice(
            QCoreApplication.translate("IcsActions", "Send Invites"),
            QCoreApplication.translate(
                "IcsActions",
                "Send invites for the %n selected meeting(s) or the whole trip?",
                None,
                len(chosen),
            ),
            [
                QCoreApplication.translate("IcsActions", "&Selected Meetings"),
                QCoreApplication.translate("IcsActions", "&Whole Trip"),
            ],
        )
        if choice is None:
            return
        meeting_ids = chosen if choice == 0 else None
    from ui.invite_dialog import InviteDialog

    dialog = InviteDialog(
        ws.store, trip_id, organizer, meeting_ids, dialogs.parent, dialogs.settings
    )
    dialog.exec()
    dialog.deleteLater()


def import_ics_file(ws: Workspace, dialogs: Dialogs, path: str | None = None) -> None:
    """Import a calendar: ``path`` (a file the desktop opened with Shuttle, or dropped on
    the window) or one asked for; an .eml (an answer to an invite) gives its calendar."""
    path = path or dialogs.ask_open_path(
        QCoreApplication.translate("IcsActions", "Import .ics"), IMPORT_FILTER
    )
    if not path:
        return
    trip_ref: int | None = None
    if ws.trip is not None:
        choice = dialogs.ask_choice(
            QCoreApplication.translate("IcsActions", "Import .ics"),
            QCoreApplication.translate(
                "IcsActions", "Import {file} into “{trip}”, or as a new trip?"
            ).format(file=Path(path).name, trip=ws.trip.name),
            [
                QCoreApplication.translate("IcsActions", "Into &This Trip"),
                QCoreApplication.translate("IcsActions", "As a &New Trip"),
            ],
        )
        if choice is None:
            return
        trip_ref = ws.trip_id if choice == 0 else None
    try:
        days = series_days(ws.trip) if trip_ref is not None else None
        calendar = parse_ics(read_calendar_file(path), path, days)
    except IcsError as exc:
        dialogs.warn(QCoreApplication.translate("IcsActions", "Cannot import"), str(exc))
        return
    edit = ImportCalendar(calendar, path, trip_ref, ws.gazetteer)
    changes = ws.perform(edit)
    if changes is not None:
        ws.say(
            QCoreApplication.translate(
                "IcsActions", "Imported {file}: {count} meetings added or changed"
            ).format(file=Path(path).name, count=len(changes.meetings)),
            8000,
        )
    if edit.notices:
        dialogs.inform(
            QCoreApplication.translate("IcsActions", "Import .ics"),
            "\n".join(f"{Path(path).name}, {line}" for line in edit.notices),
        )
