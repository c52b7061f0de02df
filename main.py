"""Shuttle: the meetings of a diplomatic trip on a calendar and a map.

``python main.py`` opens the window; the subcommands below script the same store.
This file parses the command line and wires objects together; the work is in ``data/``
(no Qt) and ``ui/``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from data.files import DATA_DIR_ENV

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from data.ics_common import Organizer
    from data.mail_out import Security
    from data.model import Trip
    from data.store import Store
    from data.travel import TravelAssumptions


class CommandError(Exception):
    """A failure to report in one line, exit status 1."""


TRIP_MATCHING = "a trip's id, its name, or a part of its name no other trip's has"

# Settings kept in the store: name -> what it is for (shown by `settings`).
SETTINGS = {"organizer": 'who sends .ics invites, "NAME <EMAIL>"'}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shuttle",
        description="Plan and follow a diplomatic trip: calendar, map, .ics invites, itinerary.",
        usage="%(prog)s [-h] [--data-dir DIR] [--trip T] [COMMAND ... | FILE.ics ...]",
        epilog="With no command, the window opens; given .ics files, it imports them "
        "(a window already open on the same store gets them instead).",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help=f"folder of the trip store (default: ${DATA_DIR_ENV}, else the user's data folder)",
    )
    parser.add_argument(
        "--trip",
        dest="window_trip",
        metavar="T",
        help=f"open the window on this trip ({TRIP_MATCHING})",
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
            help=f"{TRIP_MATCHING} (default: the most recently opened trip)",
        )

    commands.add_parser("trips", help="list the trips in the store (id, name, dates)")

    search = commands.add_parser(
        "search",
        help="find meetings in every trip by title, person, place or topic",
        description="Find meetings in every trip. Each word matches the start of a word "
        "in a meeting's title, people, place, topic or notes, whatever its case or "
        "accents; a meeting must match every word.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument(
        "--limit", type=int, default=50, metavar="N", help="at most N meetings (default: 50)"
    )

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

    send = commands.add_parser(
        "send-invites",
        help="email invites (iMIP): new, updated and cancelled meetings, as .eml files or by SMTP",
    )
    trip_option(send)
    send.add_argument(
        "--meeting",
        action="append",
        metavar="ID",
        help="only this meeting (repeat for several; default: the whole trip)",
    )
    send.add_argument(
        "--organizer",
        metavar='"NAME <EMAIL>"',
        help="who sends the invites (default: the 'organizer' setting)",
    )
    way = send.add_mutually_exclusive_group(required=True)
    way.add_argument(
        "--eml-dir", type=Path, metavar="DIR", help="write one .eml file per message into DIR"
    )
    way.add_argument("--smtp", metavar="HOST[:PORT]", help="send through this SMTP server")
    send.add_argument(
        "--smtp-user",
        metavar="USER",
        help="log in as USER; the password comes from $SHUTTLE_SMTP_PASSWORD or the keyring",
    )
    security = send.add_mutually_exclusive_group()
    security.add_argument(
        "--starttls", dest="security", action="store_const", const="starttls", help="STARTTLS"
    )
    security.add_argument(
        "--ssl", dest="security", action="store_const", const="ssl", help="SSL/TLS from the start"
    )
    send.add_argument("--resend", action="store_true", help="send unchanged invites again too")
    send.add_argument(
        "--dry-run", action="store_true", help="say what would be sent; send and record nothing"
    )

    imp_ics = commands.add_parser(
        "import-ics", help="add a calendar's events as meetings (.ics, or the calendar in an .eml)"
    )
    imp_ics.add_argument("file", type=Path, metavar="FILE")
    imp_ics.add_argument(
        "--trip",
        metavar="T",
        help=f"into this trip: {TRIP_MATCHING} (default: the trip named after the calendar, "
        "made if needed)",
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

    restore = commands.add_parser(
        "restore-backup", help="list the store's backups, or put one in the store's place"
    )
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("--list", action="store_true", help="list the backups, newest first")
    which.add_argument("file", nargs="?", metavar="FILE", help="a backup's name or path")

    commands.add_parser(
        "check-store", help="check every page of the store (SQLite's integrity_check)"
    )

    sync = commands.add_parser(
        "sync", help="two-way sync of a trip with a calendar on a CalDAV server"
    )
    sync.add_argument(
        "--trip",
        metavar="T",
        help=f"{TRIP_MATCHING} (default: the most recently opened trip); with --url, a "
        "name no trip has makes an empty trip that receives the calendar's meetings",
    )
    sync.add_argument(
        "--url",
        metavar="URL",
        help="the server, or the calendar's own URL (default: where the trip was shared)",
    )
    sync.add_argument("--user", metavar="USER", help="user name on the server")
    sync.add_argument(
        "--keep-local",
        action="append",
        metavar="ID",
        default=[],
        help="settle a conflict: this meeting's local version replaces the server's",
    )
    sync.add_argument(
        "--take-server",
        action="append",
        metavar="ID",
        default=[],
        help="settle a conflict: the server's version of this meeting replaces the local one",
    )

    serve = commands.add_parser(
        "serve-calendar", help="run a CalDAV server (Radicale) for the team, in the foreground"
    )
    serve.add_argument(
        "--dir",
        type=Path,
        metavar="DIR",
        help="its folder: configuration, users file, calendars (default: in the data folder)",
    )
    serve.add_argument("--port", type=int, default=5232, metavar="P", help="default: 5232")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    serve.add_argument(
        "--add-user",
        metavar="NAME",
        help="add a user or change their password (from $SHUTTLE_CALDAV_PASSWORD, "
        "else asked), then exit",
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

    commands.add_parser(
        "install-desktop",
        help="add Shuttle to the desktop's applications, as the opener of .ics files",
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
    from data import collector

    collector.for_bulk_data()
    parser = build_parser()
    arguments, files = _split_files(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(arguments)
    if args.command is None:
        for file in files:
            if not file.is_file():
                print(f"shuttle: error: {file}: no such file", file=sys.stderr)
                return 1
        from ui.app import run_app

        return run_app(args.data_dir, [file.absolute() for file in files], args.window_trip)
    if args.window_trip is not None:  # `shuttle --trip T agenda` as `shuttle agenda --trip T`
        if not hasattr(args, "trip"):
            parser.error(f"{args.command} takes no --trip")
        if args.trip is None:
            args.trip = args.window_trip
    handler = _COMMANDS[args.command]
    try:
        return handler(args)
    except _user_errors() as exc:  # evaluated only once something is raised
        _say(f"shuttle: error: {exc}", file=sys.stderr)
        return 1
    except _database_errors() as exc:  # a page found damaged after the check at open
        _say(
            f"shuttle: error: the store cannot be read ({exc}); "
            "`restore-backup --list` lists its backups",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:  # e.g. `shuttle agenda | head`
        return 0


def _split_files(argv: list[str]) -> tuple[list[str], list[Path]]:
    """``shuttle [--data-dir DIR] FILE.ics …`` (how the desktop opens a file): the files
    apart from the options, when the first word is no command."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 1 if "=" in argv[index] or argv[index] not in ("--data-dir", "--trip") else 2
    if index >= len(argv) or argv[index] in _COMMANDS:
        return argv, []
    return argv[:index], [Path(word) for word in argv[index:]]


def _database_errors() -> tuple[type[Exception], ...]:
    """SQLite's errors, once a command has opened the store (else none can be raised)."""
    sqlite3 = sys.modules.get("sqlite3")
    return (sqlite3.DatabaseError,) if sqlite3 is not None else ()


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
        ("data.caldav_sync", "SyncError"),
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

    store = Store.open(args.data_dir)
    if store.notice:
        _say(f"shuttle: note: {store.notice}", file=sys.stderr)
    return store


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


def cmd_search(args: argparse.Namespace) -> int:
    """One line per meeting found: trip, day, title, place (tab-separated)."""
    if args.limit < 1:
        raise CommandError("--limit must be 1 or more")
    with _store(args) as store:
        hits = store.find_meetings(" ".join(args.text), args.limit)
    for hit in hits:
        fields = (hit.trip_name, hit.day.isoformat(), hit.title, hit.place)
        _say("\t".join(" ".join(field.split("\t")) for field in fields))
    if not hits:
        _say("No meeting matches.", file=sys.stderr)
        return 1
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


def cmd_send_invites(args: argparse.Namespace) -> int:
    from data.invitations import plan_invites
    from data.mail_out import EmlFolder, Outbox, SmtpOutbox, parse_server, send_plan

    with _store(args) as store:
        trip_id = store.resolve(args.trip)
        trip = store.load_trip(trip_id)
        organizer = _organizer(args.organizer or store.get_setting("organizer"))
        try:
            plan = plan_invites(
                trip, store.sent_invitations(trip_id), organizer, args.meeting, resend=args.resend
            )
        except KeyError as exc:
            raise CommandError(
                f"--meeting: trip {trip.name!r} has no meeting {exc.args[0]!r}"
            ) from None
        outbox: Outbox
        if args.eml_dir is not None:
            outbox = EmlFolder(args.eml_dir)
            where = f"written to {args.eml_dir}"
        else:
            security: Security = args.security or "none"
            try:
                settings = parse_server(args.smtp, security)
            except ValueError as exc:
                raise CommandError(f"--smtp: {exc}") from None
            if args.smtp_user and security == "none":
                raise CommandError(
                    "--smtp-user: the password would cross the network unencrypted; "
                    "add --starttls or --ssl"
                )
            settings = dataclasses.replace(settings, user=args.smtp_user)
            outbox = SmtpOutbox(settings)
            where = f"sent through {settings}"
        for item in plan.no_email:
            _say(f"No email address, not invited: {item.title!r}: {', '.join(item.names)}")
        for same in plan.unchanged:
            _say(f"Unchanged, not sent again: {same.title!r} ({len(same.recipients)} attendees)")
        verb = "Would send" if args.dry_run else "Sending"
        for delivery in plan.deliveries:
            people = ", ".join(r.email for r in delivery.recipients)
            _say(f"{verb} {delivery.kind} {delivery.summary.title!r} to {people}")
        if args.dry_run or not plan.deliveries:
            _say(f"{len(plan.deliveries)} messages to send for {plan.scope}; nothing sent")
            return 0
        try:
            report = send_plan(store, trip_id, plan, organizer, outbox, progress=_progress())
        finally:
            outbox.close()
    if isinstance(outbox, EmlFolder):
        for path in outbox.written:
            _say(f"Wrote {path}")
    total = plan.recipient_count
    _say(f"{report.recipient_count} of {total} recipients {where}")
    if not report.failures:
        return 0
    for failure in report.failures:
        _say(f"shuttle: not sent: {failure}", file=sys.stderr)
    reasons = list(dict.fromkeys(f.reason for f in report.failures))
    if len(reasons) == 1:
        raise CommandError(f"{len(report.failures)} of {total} not sent: {reasons[0]}")
    raise CommandError(
        f"{len(report.failures)} of {total} recipients not sent (listed above); "
        "run again to retry only those"
    )


def _progress() -> Callable[[int, int], None] | None:
    """'Sent 12 of 500 messages' kept on one line of a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rSent {done} of {total} messages{end}")
        sys.stderr.flush()

    return show


def _organizer(text: str | None) -> Organizer:
    from data.ics_common import parse_organizer

    if not text:
        raise CommandError(
            'invites need an organizer: give --organizer "NAME <EMAIL>" or keep one with '
            '`settings organizer "NAME <EMAIL>"`'
        )
    try:
        return parse_organizer(text)
    except ValueError as exc:
        raise CommandError(f"organizer: {exc}") from None


def cmd_import_ics(args: argparse.Namespace) -> int:
    from data.eml import read_calendar_file
    from data.ics_import import import_ics

    days = None
    if (args.first_day is None) != (args.last_day is None):
        raise CommandError("--from and --to go together")
    if args.first_day is not None:
        days = (args.first_day, args.last_day)
        if days[1] < days[0]:
            raise CommandError("--to is before --from")
    data = read_calendar_file(args.file)
    with _store(args) as store:
        result = import_ics(store, data, str(args.file), args.trip, days=days)
        changes = result.changes
        store.mark_opened(changes.trip_id)
        # Its name and count from the list of trips: reading a big trip back costs seconds.
        trip = next(t for t in store.trips() if t.id == changes.trip_id)
    for notice in result.notices:
        _say(f"{args.file}: {notice}")
    _say(
        f"Imported {args.file} into trip {changes.trip_id}: {trip.name}; "
        f"{len(changes.meetings)} meetings added or changed, {trip.meeting_count} in all"
    )
    return 0


def cmd_restore_backup(args: argparse.Namespace) -> int:
    from data.store import list_backups, restore_backup

    if args.list:
        found = list_backups(args.data_dir)
        if not found:
            _say("No backups yet (one is taken daily and before each upgrade of the store).")
        for kept_copy in found:
            taken = f"{kept_copy.taken:%Y-%m-%d %H:%M} UTC"
            _say(
                f"{kept_copy.path.name}  {taken}  {kept_copy.reason:<18} "
                f"{kept_copy.size:>10,} bytes"
            )
        return 0
    backup, kept = restore_backup(args.data_dir, args.file)
    _say(f"Restored the store from {backup}")
    if kept is not None:
        _say(f"The store it replaced is kept as {kept}")
    return 0


def cmd_check_store(args: argparse.Namespace) -> int:
    with _store(args) as store:
        problems = store.integrity_check()
    if problems:
        for line in problems[:20]:
            _say(line)
        raise CommandError(
            f"the store has {len(problems)} problem(s); `restore-backup --list` lists its backups"
        )
    _say(f"{store.path}: ok")
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


def cmd_sync(args: argparse.Namespace) -> int:
    from data import caldav_sync, sync_state
    from data.store import TripNotFound

    with _store(args) as store:
        try:
            # With --url a new name makes a trip: a part of a name is then no answer.
            trip_id = store.resolve(args.trip, parts=not args.url)
        except TripNotFound:
            if not (args.trip and args.url and not args.trip.strip().isdigit()):
                raise
            try:
                found = store.resolve(args.trip)
            except TripNotFound:
                found = None
            if found is not None:
                raise CommandError(
                    f"{args.trip.strip()!r} is part of the name of trip {found} "
                    f"({store.load_trip(found).name}): give its whole name or id to sync "
                    "it, or another name for a new trip"
                ) from None
            trip_id = store.create_trip(args.trip, "", "UTC").trip_id
            _say(f"New trip {trip_id}: {args.trip.strip()} (to receive the calendar)")
        shared = sync_state.account(store, trip_id)
        url = args.url or (shared.url if shared else None)
        if not url:
            raise CommandError("this trip is not shared yet: give --url (and --user)")
        user = args.user or (shared.user if shared and shared.url == url else None)
        if not user:
            import getpass

            user = getpass.getuser()
        caldav_sync.share(store, trip_id, url, user)
        for meeting_id in args.keep_local:
            caldav_sync.resolve(store, trip_id, meeting_id, "local")
        for meeting_id in args.take_server:
            caldav_sync.resolve(store, trip_id, meeting_id, "server")
        password = caldav_sync.password_for(url, user)
        report = caldav_sync.sync(store, trip_id, password)
    for line in report.lines():
        _say(line)
    return 0


def cmd_serve_calendar(args: argparse.Namespace) -> int:
    import os
    import subprocess

    from data import calendar_server
    from data.caldav_sync import PASSWORD_ENV
    from data.files import default_data_dir

    root = args.dir or (args.data_dir or default_data_dir()) / "calendar-server"
    if not 0 < args.port < 65536:
        raise CommandError(f"--port: {args.port} is not a port number (1–65535)")
    try:
        folder = calendar_server.prepare(root, args.port, args.host)
        if args.add_user:
            password = os.environ.get(PASSWORD_ENV) or _ask_password(args.add_user)
            calendar_server.add_user(folder.users, args.add_user, password)
            _say(f"{args.add_user} can now use the calendar server in {folder.root}")
            return 0
    except calendar_server.ServerSetupError as exc:
        raise CommandError(str(exc)) from None
    names = calendar_server.users(folder.users)
    if not names:
        raise CommandError("no users yet: add one with `serve-calendar --add-user NAME`")
    host = f"[{args.host}]" if ":" in args.host else args.host
    _say(
        f"Calendar server at http://{host}:{args.port}/ for {', '.join(names)} "
        f"(folder {folder.root}); Ctrl+C stops it"
    )
    sys.stdout.flush()
    command = calendar_server.command(folder)
    if os.name == "posix":
        os.execv(command[0], command)  # the server is this process: signals reach it
    process = subprocess.Popen(command)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 0


def _ask_password(user: str) -> str:
    import getpass

    first = getpass.getpass(f"Password for {user}: ")
    if getpass.getpass("Again: ") != first:
        raise CommandError("the two passwords differ; nothing changed")
    return first


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
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    from ui import i18n

    i18n.install(app, i18n.system_language())  # the itinerary in the user's language
    try:
        write_pdf(trip, args.pdf, paper, home, assumptions, overwrite=args.force)
    except PrintError as exc:
        raise CommandError(str(exc)) from None
    finally:
        app.processEvents()
    _say(f"Wrote {args.pdf} ({trip.name}, {paper})")
    return 0


def cmd_install_desktop(args: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from data.desktop import data_home, install_desktop, launcher

    home = data_home()
    try:
        written = install_desktop(home, launcher())
    except OSError as exc:
        raise CommandError(f"cannot write under {home}: {exc.strerror or exc}") from None
    for path in written:
        print(f"Wrote {path}")
    # Menus and "Open With" read a cache where one is kept; without the tool they rescan.
    tool = shutil.which("update-desktop-database")
    if tool:
        subprocess.run([tool, "-q", str(home / "applications")], check=False)
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
    "search": cmd_search,
    "agenda": cmd_agenda,
    "import-trip": cmd_import_trip,
    "export-trip": cmd_export_trip,
    "export-ics": cmd_export_ics,
    "send-invites": cmd_send_invites,
    "import-ics": cmd_import_ics,
    "settings": cmd_settings,
    "restore-backup": cmd_restore_backup,
    "check-store": cmd_check_store,
    "sync": cmd_sync,
    "serve-calendar": cmd_serve_calendar,
    "print": cmd_print,
    "install-desktop": cmd_install_desktop,
    "place": cmd_place,
}


if __name__ == "__main__":
    sys.exit(main())
