"""File-menu work for .ics: export the trip, send invites, import a calendar.

Each function takes the main window (for its store, trip, selection and dialogs) and does
its work through the data layer; errors end in a message box, never a lost store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from data.files import file_stem
from data.ics_common import IcsError, parse_organizer
from data.ics_export import export_calendar, write_invites
from data.ics_import import import_ics, read_ics_file
from data.store import StoreError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ICS_FILTER = "Calendar files (*.ics);;All files (*)"


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
    if not path:
        return
    try:
        # The window's export is the team's own calendar: lossless, with internal data.
        Path(path).write_bytes(export_calendar(trip, meeting_ids, internal=True))
    except OSError as exc:
        QMessageBox.warning(window, "Export .ics", f"Cannot write {path}: {exc.strerror or exc}")
        return
    count = len(meeting_ids) if meeting_ids else len(trip.meetings)
    window.statusBar().showMessage(f"Exported {count} meetings to {path}", 8000)


def send_invites(window: MainWindow) -> None:
    trip = window.trip
    if trip is None:
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
    folder = window.ask_directory("Write invites to folder")
    if not folder:
        return
    try:
        chosen = window.agenda.selected_ids() or None
        report = write_invites(trip, folder, organizer, meeting_ids=chosen)
    except OSError as exc:
        QMessageBox.warning(window, "Invites", f"Cannot write to {folder}: {exc.strerror or exc}")
        return
    lines = [f"{len(report.written)} invite(s) written to {folder}."]
    if report.skipped:
        titles = {m.id: m.title for m in trip.meetings}
        lines.append(f"{len(report.skipped)} meeting(s) skipped:")
        lines += [f"• {titles.get(mid, mid)}: {reason}" for mid, reason in report.skipped]
    QMessageBox.information(window, "Invites", "\n".join(lines))


def import_ics_file(window: MainWindow) -> None:
    path = window.ask_open_path("Import .ics", ICS_FILTER)
    if not path:
        return
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
        data = read_ics_file(path)
        result = import_ics(window.store, data, path, trip_ref)
    except (IcsError, StoreError) as exc:
        QMessageBox.warning(window, "Cannot import", str(exc))
        return
    changes = result.changes
    window.refresh_trip_list()
    window.open_trip(changes.trip_id)
    window.statusBar().showMessage(
        f"Imported {Path(path).name}: {len(changes.meetings)} meetings added or changed", 8000
    )
    if result.notices:
        QMessageBox.information(
            window, "Import .ics", "\n".join(f"{Path(path).name}, {n}" for n in result.notices)
        )
