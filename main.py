"""Shuttle: the meetings of a diplomatic trip on a calendar and a map.

``python main.py`` opens the window; the subcommands below script the same store.
This file parses the command line and wires objects together; the work is in ``data/``
(no Qt) and ``ui/``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from data.files import DATA_DIR_ENV

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from data.model import Trip
    from data.store import Store
    from data.travel import TravelAssumptions


class CommandError(Exception):
    """A failure to report in one line, exit status 1."""


# Settings kept in the store: name -> what it is for (shown by `settings`).
SETTINGS = {"organizer": 'who sends .ics invites, "NAME <EMAIL>"'}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shuttle",
        description="Plan and follow a diplomatic trip: calendar, map, .ics invites, itinerary.",
        epilog="With no command, the window opens.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help=f"folder of the trip store (default: ${DATA_DIR_ENV}, else the user's data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def force_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--force", action="store_true", help="replace files that exist (never symlinks)"
        )

    def trip_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--trip",
            metavar="T",
            help="a trip's id or exact name (default: the most recently opened trip)",
        )

    commands.add_parser("trips", help="list the trips in the store (id, name, dates)")

    agenda = commands.add_parser("agenda", help="print a trip day by day")
    trip_option(agenda)
    agenda.add_argument(
        "--tz", metavar="ZONE", help="add a column of times in this IANA zone, e.g. Asia/Tokyo"
    )

    imp = commands.add_parser("import-trip", help="add a trip file to the store")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--replace", action="store_true", help="replace a stored trip of the same name"
    )

    exp = commands.add_parser("export-trip", help="write a trip to a trip file")
    trip_option(exp)
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    force_option(exp)

    ics = commands.add_parser(
        "export-ics",
        help="write meetings as .ics: one calendar (-o FILE) or one invite each (--invites DIR)",
    )
    trip_option(ics)
    ics.add_argument(
        "--meeting",
        action="append",
        metavar="ID",
        help="only this meeting (repeat for several; default: every meeting of the trip)",
    )
    target = ics.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="one calendar (METHOD:PUBLISH)"
    )
    target.add_argument(
        "--invites",
        type=Path,
        metavar="DIR",
        help="one invite per meeting with invitees (METHOD:REQUEST, or CANCEL if cancelled)",
    )
    ics.add_argument(
        "--organizer",
        metavar='"NAME <EMAIL>"',
        help="who sends the invites (default: the 'organizer' setting)",
    )
    ics.add_argument(
        "--internal",
        action="store_true",
        help="with -o: add notes, participants, sources and places for the team's own use",
    )
    force_option(ics)

    imp_ics = commands.add_parser("import-ics", help="add a calendar's events as meetings")
    imp_ics.add_argument("file", type=Path, metavar="FILE")
    imp_ics.add_argument(
        "--trip",
        metavar="T",
        help="into this trip (default: the trip named after the calendar, made if needed)",
    )
    imp_ics.add_argument(
        "--from",
        dest="first_day",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="repeating events: take occurrences from this day (default: the trip's dates)",
    )
    imp_ics.add_argument(
        "--to",
        dest="last_day",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="repeating events: take occurrences up to this day",
    )

    settings = commands.add_parser("settings", help="show or change a setting")
    settings.add_argument("key", nargs="?", choices=sorted(SETTINGS), metavar="KEY")
    settings.add_argument("value", nargs="?", metavar="VALUE")

    printing = commands.add_parser(
        "print", help="write the printable itinerary as a PDF (no display needed)"
    )
    trip_option(printing)
    printing.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    force_option(printing)
    printing.add_argument(
        "--paper", choices=("A4", "Letter"), help="paper size (default: from the locale)"
    )
    printing.add_argument(
        "--tz", metavar="ZONE", help="zone of the second time column (default: the trip's home)"
    )

    place = commands.add_parser("place", help="look up a city: coordinates and time zone")
    place.add_argument("name", metavar="NAME")
    place.add_argument("--country", help="only cities in this country (name or ISO code)")
    place.add_argument(
        "--online",
        action="store_true",
        help="ask OpenStreetMap Nominatim instead of the offline gazetteer (needs network)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run_app

        return run_app(args.data_dir)
    handler = _COMMANDS[args.command]
    try:
        return handler(args)
    except _user_errors() as exc:  # evaluated only once something is raised
        _say(f"shuttle: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `shuttle agenda | head`
        return 0


def _user_errors() -> tuple[type[Exception], ...]:
    """The errors reported in one line: ours, and those of the data modules the command
    imported (a module it never imported raised none; importing them all would cost
    `trips` pydantic and icalendar)."""
    found: list[type[Exception]] = [CommandError]
    for module, name in (
        ("data.store", "StoreError"),
        ("data.trip_file", "TripFileError"),
        ("data.ics_common", "IcsError"),
        ("data.files", "FileRefused"),
    ):
        if module in sys.modules:
            found.append(getattr(sys.modules[module], name))
    return tuple(found)


def _say(text: str, *, end: str = "\n", file: TextIO | None = None) -> None:
    """Every line the commands print goes through here: trip text is data, and escape
    sequences in it must not drive the terminal (see data/terminal.py)."""
    from data.terminal import for_terminal

    (file or sys.stdout).write(for_terminal(text) + end)


def _zone_option(name: str | None) -> ZoneInfo | None:
    from data.model import zone

    if name is None:
        return None
    try:
        return zone(name)
    except ValueError as exc:
        raise CommandError(f"--tz: {exc} (use an IANA name such as Europe/Paris)") from None


def _chosen_trip(args: argparse.Namespace) -> Trip:
    """The trip ``--trip`` names, or the most recently opened one."""
    with _store(args) as store:
        return store.load_trip(store.resolve(args.trip))


def _trip_and_assumptions(args: argparse.Namespace) -> tuple[Trip, TravelAssumptions]:
    """The chosen trip and the travel assumptions kept in the store (the window's)."""
    with _store(args) as store:
        return store.load_trip(store.resolve(args.trip)), store.travel_assumptions()


def _store(args: argparse.Namespace) -> Store:
    from data.store import Store

    return Store.open(args.data_dir)


def cmd_trips(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.trips()
    if not rows:
        _say("No trips. Add one with: shuttle import-trip FILE")
        return 0
    _say(f"{'ID':>3}  {'DATES':<23}  {'MEETINGS':>8}  NAME")
    for row in rows:
        if row.first_day and row.last_day:
            dates = f"{row.first_day:%Y-%m-%d} – {row.last_day:%Y-%m-%d}"
        else:
            dates = "no meetings yet"
        _say(f"{row.id:>3}  {dates:<23}  {row.meeting_count:>8}  {row.name}")
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    from data.agenda import render_text

    display = _zone_option(args.tz)
    trip, assumptions = _trip_and_assumptions(args)
    from data.travel import route_plan

    _say(render_text(trip, display, route_plan(trip, assumptions)), end="")
    return 0


def cmd_import_trip(args: argparse.Namespace) -> int:
    from data import trip_file

    trip = trip_file.read(args.file)
    with _store(args) as store:
        if args.replace and trip.name in {t.name for t in store.trips()}:
            trip_id = store.resolve(trip.name)
            store.replace_trip(trip_id, trip)
            store.mark_opened(trip_id)
            verb = "Replaced"
        else:
            trip_id = store.add_trip(trip).trip_id
            verb = "Imported"
    _say(f"{verb} trip {trip_id}: {trip.name} ({len(trip.meetings)} meetings)")
    return 0


def cmd_export_trip(args: argparse.Namespace) -> int:
    from data import trip_file

    trip = _chosen_trip(args)
    try:
        trip_file.write(trip, args.output, overwrite=args.force)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    _say(f"Wrote {args.output} ({len(trip.meetings)} meetings)")
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    from data.files import write_atomically
    from data.ics_common import parse_organizer
    from data.ics_export import export_calendar, write_invites

    with _store(args) as store:
        trip = store.load_trip(store.resolve(args.trip))
        organizer_text = args.organizer or store.get_setting("organizer")
    known = {m.id for m in trip.meetings}
    for meeting_id in args.meeting or ():
        if meeting_id not in known:
            raise CommandError(f"--meeting: trip {trip.name!r} has no meeting {meeting_id!r}")
    if args.output is not None:
        if args.organizer:
            raise CommandError("--organizer goes with --invites")
        data = export_calendar(trip, args.meeting, internal=args.internal)
        try:
            write_atomically(data, args.output, overwrite=args.force)
        except OSError as exc:
            raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        count = len(args.meeting) if args.meeting else len(trip.meetings)
        _say(f"Wrote {args.output} ({count} meetings)")
        return 0
    if args.internal:
        raise CommandError("--internal goes with -o: invites carry only what invitees need")
    if not organizer_text:
        raise CommandError(
            'invites need an organizer: give --organizer "NAME <EMAIL>" or keep one with '
            '`settings organizer "NAME <EMAIL>"`'
        )
    try:
        organizer = parse_organizer(organizer_text)
    except ValueError as exc:
        raise CommandError(f"organizer: {exc}") from None
    try:
        report = write_invites(
            trip, args.invites, organizer, meeting_ids=args.meeting, overwrite=args.force
        )
    except OSError as exc:
        raise CommandError(f"cannot write to {args.invites}: {exc.strerror or exc}") from None
    for path in report.written:
        _say(f"Wrote {path}")
    for meeting_id, reason in report.skipped:
        _say(f"Skipped {meeting_id}: {reason}")
    _say(f"{len(report.written)} invites written, {len(report.skipped)} meetings skipped")
    return 0


def cmd_import_ics(args: argparse.Namespace) -> int:
    from data.ics_import import import_ics
    from data.ics_read import read_ics_file

    days = None
    if (args.first_day is None) != (args.last_day is None):
        raise CommandError("--from and --to go together")
    if args.first_day is not None:
        days = (args.first_day, args.last_day)
        if days[1] < days[0]:
            raise CommandError("--to is before --from")
    data = read_ics_file(args.file)
    with _store(args) as store:
        result = import_ics(store, data, str(args.file), args.trip, days=days)
        changes = result.changes
        store.mark_opened(changes.trip_id)
        trip = store.load_trip(changes.trip_id)
    for notice in result.notices:
        _say(f"{args.file}: {notice}")
    _say(
        f"Imported {args.file} into trip {changes.trip_id}: {trip.name}; "
        f"{len(changes.meetings)} meetings added or changed, {len(trip.meetings)} in all"
    )
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    from data.ics_common import parse_organizer

    with _store(args) as store:
        if args.key is None:
            for key, about in SETTINGS.items():
                _say(f"{key}: {store.get_setting(key) or '(not set)'}  # {about}")
            return 0
        if args.value is None:
            value = store.get_setting(args.key)
            if value is None:
                raise CommandError(f"{args.key} is not set")
            _say(value)
            return 0
        try:
            value = str(parse_organizer(args.value))
        except ValueError as exc:
            raise CommandError(f"organizer: {exc}") from None
        store.set_setting(args.key, value)
    _say(f"{args.key}: {value}")
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from data.report import default_paper

    home = _zone_option(args.tz)
    trip, assumptions = _trip_and_assumptions(args)
    paper = args.paper or default_paper()
    from data.files import check_writable

    check_writable(args.pdf, overwrite=args.force)  # before the slow part

    from ui.app import prepare_headless

    prepare_headless()
    from PySide6.QtWidgets import QApplication

    from ui.map_pane import register_scheme
    from ui.printing import PrintError, write_pdf

    register_scheme()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        write_pdf(trip, args.pdf, paper, home, assumptions, overwrite=args.force)
    except PrintError as exc:
        raise CommandError(str(exc)) from None
    finally:
        app.processEvents()
    _say(f"Wrote {args.pdf} ({trip.name}, {paper})")
    return 0


def cmd_place(args: argparse.Namespace) -> int:
    if args.online:
        from data.geocoding import GeocodingError, geocode_online

        try:
            results = geocode_online(args.name)
        except GeocodingError as exc:
            raise CommandError(str(exc)) from None
        for hit in results:
            _say(f"{hit.lat:9.4f} {hit.lon:9.4f}  {hit.address}")
        if not results:
            raise CommandError(f"no place called {args.name!r} found online")
        return 0
    from data.gazetteer import Gazetteer

    cities = Gazetteer().lookup(args.name, args.country)
    if not cities:
        raise CommandError(f"no city called {args.name!r} in the offline gazetteer; try --online")
    for city in cities[:10]:
        _say(f"{city.lat:9.4f} {city.lon:9.4f}  {city.timezone:<22} {city.label}")
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "trips": cmd_trips,
    "agenda": cmd_agenda,
    "import-trip": cmd_import_trip,
    "export-trip": cmd_export_trip,
    "export-ics": cmd_export_ics,
    "import-ics": cmd_import_ics,
    "settings": cmd_settings,
    "print": cmd_print,
    "place": cmd_place,
}


if __name__ == "__main__":
    sys.exit(main())
