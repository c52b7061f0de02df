"""File-menu work for .ics: export the trip, send invites, import a calendar.

Each function takes the main window (for its store, trip, selection and dialogs) and does
its work through the data layer; errors end in a message box, never a lost store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from data.eml import read_calendar_file
from data.files import FileRefused, file_stem, write_atomically
from data.ics_common import IcsError, parse_organizer
from data.ics_export import export_calendar
from data.ics_import import import_ics
from data.store import StoreError
from ui.overwrite import confirm_overwrite

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ICS_FILTER = "Calendar files (*.ics);;All files (*)"
IMPORT_FILTER = "Calendars and invite replies (*.ics *.eml);;All files (*)"


def export_ics(window: MainWindow) -> None:
    trip = window.trip
    if trip is None:
        return
    chosen = window.agenda.selected_ids()
    meeting_ids: list[str] | None = None
    if chosen and len(chosen) < len(trip.meetings):
        choice = window.ask_choice(
            "Export .ics",
            f"Export the {len(chosen)} selected meeting(s) or the whole trip?",
            ["&Selected Meetings", "&Whole Trip"],
        )
        if choice is None:
            return
        meeting_ids = chosen if choice == 0 else None
    path = window.ask_save_path("Export .ics", f"{file_stem(trip.name)}.ics", ICS_FILTER)
    if not path or not confirm_overwrite(window, "Export .ics", [Path(path)]):
        return
    try:
        write_atomically(export_calendar(trip, meeting_ids), path)
    except FileRefused as exc:
        QMessageBox.warning(window, "Export .ics", f"Cannot write {exc}")
        return
    except OSError as exc:
        QMessageBox.warning(window, "Export .ics", f"Cannot write {path}: {exc.strerror or exc}")
        return
    count = len(meeting_ids) if meeting_ids else len(trip.meetings)
    window.statusBar().showMessage(f"Exported {count} meetings to {path}", 8000)


def send_invites(window: MainWindow) -> None:
    """Review and send the trip's invites (or the selected meetings'), as email."""
    trip, trip_id = window.trip, window.trip_id
    if trip is None or trip_id is None:
        return
    organizer_text = window.store.get_setting("organizer") or ""
    while True:
        if not organizer_text:
            organizer_text = window.ask_text(
                "Invites: organizer",
                "Invites are sent in your name. Your name and email, e.g.\n"
                "Jane Doe <jane.doe@example.org>:",
            )
            if not organizer_text:
                return
        try:
            organizer = parse_organizer(organizer_text)
            break
        except ValueError as exc:
            QMessageBox.warning(window, "Invites: organizer", str(exc))
            organizer_text = ""
    window.store.set_setting("organizer", str(organizer))
    chosen = window.agenda.selected_ids()
    meeting_ids: list[str] | None = None
    if chosen and len(chosen) < len(trip.meetings):
        choice = window.ask_choice(
            "Send Invites",
            f"Send invites for the {len(chosen)} selected meeting(s) or the whole trip?",
            ["&Selected Meetings", "&Whole Trip"],
        )
        if choice is None:
            return
        meeting_ids = chosen if choice == 0 else None
    from ui.invite_dialog import InviteDialog

    dialog = InviteDialog(window.store, trip_id, organizer, meeting_ids, window)
    dialog.exec()
    dialog.deleteLater()


def import_ics_file(window: MainWindow) -> None:
    path = window.ask_open_path("Import .ics", IMPORT_FILTER)
    if path:
        import_calendar_path(window, path)


def import_calendar_path(window: MainWindow, path: str) -> None:
    """Import an .ics file, or the calendar in an .eml (an answer to an invite)."""
    trip_ref: int | None = None
    if window.trip is not None:
        choice = window.ask_choice(
            "Import .ics",
            f"Import {Path(path).name} into “{window.trip.name}”, or as a new trip?",
            ["Into &This Trip", "As a &New Trip"],
        )
        if choice is None:
            return
        trip_ref = window.trip_id if choice == 0 else None
    try:
        data = read_calendar_file(path)
        changes = import_ics(window.store, data, path, trip_ref)
    except (IcsError, StoreError) as exc:
        QMessageBox.warning(window, "Cannot import", str(exc))
        return
    window.refresh_trip_list()
    window.open_trip(changes.trip_id)
    window.statusBar().showMessage(
        f"Imported {Path(path).name}: {len(changes.meetings)} meetings added or changed", 8000
    )
