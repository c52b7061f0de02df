"""Calendars (.ics) into trips: each VEVENT becomes a meeting, all or nothing.

Reading goes in three steps. :func:`parse_ics` checks the bytes (size, binary, UTF-8),
the structure (content lines, BEGIN/END nesting, properties an event may hold once, with
line numbers) and every event, before anything touches the store; repeating events are
expanded there (``recurring-ical-events``) into the occurrences of a date range.
:func:`merge_calendar` then applies the events to a trip as iTIP (RFC 5546) says:
PUBLISH and REQUEST add or update unless older than what the trip holds, REPLY records
one attendee's answer, CANCEL cancels a known meeting. It is pure (trip in, trip and
notices out), so the window can wrap it in an undoable edit; :func:`import_ics` runs it
inside one store transaction. Standard properties win; Shuttle's ``X-SHUTTLE-*``
extras fill in what they cannot say, and are used only while they still agree with them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import quopri
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, vDuration, vText
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from pydantic import TypeAdapter, ValidationError

from data.files import FileRefused, read_file
from data.gazetteer import City, Gazetteer, fold
from data.ics_common import (
    MAX_ICS_BYTES,
    UID_DOMAIN,
    X_DURATION,
    X_NOTES,
    X_PART_OF_DAY,
    X_PARTICIPANT,
    X_PLACE,
    X_PLACE_ID,
    X_STATUS,
    X_TIME_TBC,
    X_TOPIC,
    IcsError,
    meeting_id_from_uid,
    meeting_uid,
)
from data.ics_export import location_text
from data.model import (
    AllDay,
    Attendance,
    CalendarOrigin,
    ExactTime,
    Meeting,
    MeetingTime,
    Participant,
    PartOfDay,
    Place,
    PlaceKind,
    Provenance,
    ProvenanceKind,
    Reply,
    Status,
    TimeTBC,
    Trip,
    zone,
)
from data.store import Changes, Store

_NAME = r"[A-Za-z0-9-]+"
_PARAM_VALUE = r'(?:"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*)'
_CONTENT_LINE = re.compile(rf"{_NAME}(?:;{_NAME}={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*:")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QP = re.compile(r";ENCODING=QUOTED-PRINTABLE(?=[;:])", re.IGNORECASE)
_CHARSET = re.compile(r';CHARSET=("?)([A-Za-z0-9_.:-]+)\1(?=[;:])', re.IGNORECASE)
_STATUS = {"CONFIRMED": Status.CONFIRMED, "TENTATIVE": Status.TENTATIVE}
_STATUS |= {"CANCELLED": Status.CANCELLED}
_REPLY = {
    "ACCEPTED": Reply.ACCEPTED,
    "DECLINED": Reply.DECLINED,
    "TENTATIVE": Reply.TENTATIVE,
    "NEEDS-ACTION": Reply.NO_ANSWER,
}
_PLACE = TypeAdapter(Place)
# Properties RFC 5545 (3.6.1) allows at most once in a VEVENT.
_ONCE = frozenset(
    [
        "CLASS",
        "CREATED",
        "DESCRIPTION",
        "DTSTART",
        "GEO",
        "LAST-MODIFIED",
        "LOCATION",
        "ORGANIZER",
        "PRIORITY",
        "DTSTAMP",
        "SEQUENCE",
        "STATUS",
        "SUMMARY",
        "TRANSP",
        "UID",
        "URL",
        "RECURRENCE-ID",
        "DTEND",
        "DURATION",
    ]
)
_SAME_SPOT_DEGREES = 1e-4  # about 10 m: two places this close are one
_CITY_REACH_KM = 40.0  # a GEO this close to a gazetteer city is in it
METHODS = ("PUBLISH", "REQUEST", "REPLY", "CANCEL")
# Optional properties whose absence an export keeps (see CalendarOrigin.given).
_KEPT_ABSENT = ("STATUS", "DESCRIPTION", "GEO", "DTEND")
DEFAULT_SERIES_DAYS = 90  # occurrences taken for a new trip with nothing else to go by


@dataclass(frozen=True, slots=True)
class IcsEvent:
    """One VEVENT (or one occurrence of a series), checked; its place is still text.

    ``meeting`` is None for a REPLY or CANCEL, which only refer to a meeting.
    """

    line: int
    method: str  # its calendar's METHOD (PUBLISH when none)
    uid: str  # as written
    recurrence_id: str | None  # UTC (or DATE) text of RECURRENCE-ID, for occurrences
    sequence: int
    stamp: str | None  # DTSTAMP as UTC text
    meeting: Meeting | None  # place_id None until merged
    location: str
    geo: tuple[float, float] | None
    zone_key: str | None  # from DTSTART's TZID
    floating: bool  # DTSTART without a zone: wall time at the venue
    stored_place: Place | None  # X-SHUTTLE-PLACE, when it agrees with LOCATION and GEO
    given: tuple[str, ...] = ()  # which of _KEPT_ABSENT the event had
    replies: tuple[tuple[str, Reply], ...] = ()  # (email, answer) of its ATTENDEEs

    @property
    def own(self) -> bool:
        """Exported by Shuttle itself (its UID is a meeting id + @shuttle)."""
        return self.uid.endswith(UID_DOMAIN) and self.recurrence_id is None


@dataclass(frozen=True, slots=True)
class IcsCalendar:
    name: str | None  # X-WR-CALNAME
    events: tuple[IcsEvent, ...]
    notices: tuple[str, ...] = ()  # what reading decided (e.g. the occurrences taken)


@dataclass(frozen=True, slots=True)
class Merged:
    """What :func:`merge_calendar` made: the trip, and one line per event it ignored or
    applied partly (for the user, in order)."""

    trip: Trip
    notices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    changes: Changes
    notices: tuple[str, ...]


def read_ics_file(path: str | Path) -> bytes:
    """The bytes of an .ics file: a regular file, read no further than the size cap."""
    try:
        return read_file(path, MAX_ICS_BYTES, "calendar file")
    except FileRefused as exc:
        raise IcsError(exc.path, exc.what) from None


def import_ics(
    store: Store,
    data: bytes,
    source_name: str,
    trip_ref: str | int | None = None,
    gazetteer: Gazetteer | None = None,
    days: tuple[date, date] | None = None,
) -> ImportResult:
    """Import a calendar into trip ``trip_ref``, else into the trip named after it.

    Without ``trip_ref`` the trip is called X-WR-CALNAME, or the file's stem; a trip of
    that name receives the events again (same UIDs update the same meetings), otherwise a
    new trip is made. Repeating events give their occurrences within ``days``, else
    within the trip's dates. Raises IcsError (file problems) or StoreError; the store is
    then unchanged.
    """
    if days is None and trip_ref is not None:
        days = series_days(store.load_trip(store.resolve(trip_ref)))
    calendar = parse_ics(data, source_name, days)
    notices: list[str] = []
    changes, _ = import_calendar(store, calendar, source_name, trip_ref, gazetteer, notices)
    return ImportResult(changes, tuple(notices))


def series_days(trip: Trip | None) -> tuple[date, date] | None:
    """The days whose occurrences of repeating events an import into ``trip`` takes."""
    if trip is None or trip.first_day is None or trip.last_day is None:
        return None
    return trip.first_day, trip.last_day


def import_calendar(
    store: Store,
    calendar: IcsCalendar,
    source_name: str,
    trip_ref: str | int | None = None,
    gazetteer: Gazetteer | None = None,
    notices: list[str] | None = None,
) -> tuple[Changes, Trip | None]:
    """:func:`import_ics` for a parsed calendar; also the trip as it was before.

    That trip is None when the import made a new one; an undo puts back what is returned.
    The merge's notices (see :func:`merge_calendar`) are added to ``notices``.
    """
    places = gazetteer or Gazetteer()
    said = notices if notices is not None else []
    trip_id: int | None = None
    if trip_ref is not None:
        trip_id = store.resolve(trip_ref)
    else:
        name = (calendar.name or Path(source_name).stem or "Imported calendar").strip()
        existing = [t.id for t in store.trips() if t.name == name]
        if not existing:
            try:
                merged = merge_calendar(new_trip(name), calendar, places, new=True)
            except ValueError as exc:
                raise IcsError(source_name, str(exc)) from exc
            said += merged.notices
            return store.add_trip(merged.trip), None
        trip_id = existing[0]
    before = store.load_trip(trip_id)

    def edit(trip: Trip) -> Trip:
        merged = merge_calendar(trip, calendar, places)
        said.extend(merged.notices)
        return merged.trip

    return store.update_trip(trip_id, edit), before


def new_trip(name: str) -> Trip:
    return Trip(name=name, traveller="", home_timezone="UTC")


def merge_events(
    trip: Trip, events: tuple[IcsEvent, ...], gazetteer: Gazetteer, new: bool = False
) -> Trip:
    """``trip`` with the events applied (see :func:`merge_calendar`), without notices."""
    return merge_calendar(trip, IcsCalendar(None, events), gazetteer, new).trip


def merge_calendar(
    trip: Trip, calendar: IcsCalendar, gazetteer: Gazetteer, new: bool = False
) -> Merged:
    """``trip`` with the calendar's events applied as RFC 5546 says, and the notices.

    PUBLISH and REQUEST add a meeting or update the one with the same UID (and
    RECURRENCE-ID), unless the message is older than the meeting (lower SEQUENCE, or
    the same and an earlier DTSTAMP). REPLY sets the replying attendee's answer and
    nothing else. CANCEL cancels the meeting, or every occurrence of a series. An event
    that cannot be applied is left out with a notice; ``new`` makes the trip's home zone
    the one most meetings are in.
    """
    places = list(trip.places)
    by_id = {p.id: p for p in places}
    meetings = {m.id: m for m in trip.meetings}
    index = _Index(trip.meetings)
    notices = list(calendar.notices)
    fallback = trip.home_timezone
    for event in calendar.events:
        found = [meetings[i] for i in index.find(event)]
        label = _label(event)
        if event.method == "REPLY":
            notices += _apply_reply(meetings, found, event, label)
            continue
        if event.method == "CANCEL":
            if not found:
                notices.append(f"{label}: ignored CANCEL for a meeting this trip does not have")
                continue
            for meeting in found:
                if _older(event, meeting):
                    notices.append(_stale(label, event, meeting))
                    continue
                meetings[meeting.id] = meeting.replace(
                    status=Status.CANCELLED,
                    sequence=max(meeting.sequence, event.sequence),
                    calendar=_origin_stamped(meeting.calendar, event),
                )
            continue
        previous = found[0] if found else None
        if previous is not None and _older(event, previous):
            notices.append(_stale(label, event, previous))
            continue
        assert event.meeting is not None
        place = _place_for(event, places, by_id, gazetteer)
        if place is not None and place.id not in by_id:
            places.append(place)
            by_id[place.id] = place
        meeting = event.meeting.replace(
            id=previous.id if previous else _free_meeting_id(event, meetings),
            place_id=place.id if place else None,
            time=_in_zone(event, place, fallback),
            calendar=_origin(event, place),
        )
        if previous is not None:
            meeting = _keep_provenance(previous, meeting)
        meetings[meeting.id] = meeting
        index.add(meeting)
    merged = trip.replace(places=tuple(places), meetings=tuple(meetings.values()))
    if new:
        # A new trip's home zone: where most of its meetings are.
        used = Counter(_zone_of(m) for m in merged.meetings)
        used.pop(None, None)
        if used:
            merged = merged.replace(home_timezone=used.most_common(1)[0][0])
    return Merged(merged, tuple(notices))


def _zone_of(meeting: Meeting) -> str | None:
    if isinstance(meeting.time, ExactTime):
        return getattr(meeting.time.start.tzinfo, "key", None)
    return None


class _Index:
    """Meeting ids by the UID (and RECURRENCE-ID) their events carry, and by series."""

    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self.by_key: dict[tuple[str, str | None], str] = {}
        self.by_uid: dict[str, list[str]] = defaultdict(list)
        for meeting in meetings:
            self.add(meeting)

    def add(self, meeting: Meeting) -> None:
        origin = meeting.calendar
        key = (origin.uid, origin.recurrence_id) if origin else (meeting_uid(meeting.id), None)
        if key not in self.by_key:
            self.by_key[key] = meeting.id
            self.by_uid[key[0]].append(meeting.id)

    def find(self, event: IcsEvent) -> list[str]:
        """The meetings an event refers to; a REPLY or CANCEL without RECURRENCE-ID is
        about every occurrence of its series."""
        if event.meeting is None and event.recurrence_id is None:
            return list(self.by_uid.get(event.uid, ()))
        found = self.by_key.get((event.uid, event.recurrence_id))
        return [found] if found else []


def _older(event: IcsEvent, meeting: Meeting) -> bool:
    """Is the message older than what the trip holds (RFC 5546 2.1.5)?"""
    if event.sequence != meeting.sequence:
        return event.sequence < meeting.sequence
    held = meeting.calendar.stamp if meeting.calendar else None
    return bool(held and event.stamp and event.stamp < held)


def _stale(label: str, event: IcsEvent, meeting: Meeting) -> str:
    return (
        f"{label}: ignored {event.method}, older than the meeting held "
        f"(SEQUENCE {event.sequence}, the trip has {meeting.sequence})"
    )


def _label(event: IcsEvent) -> str:
    title = event.meeting.title if event.meeting else event.uid
    return f"line {event.line} ({title})"


def _apply_reply(
    meetings: dict[str, Meeting], found: list[Meeting], event: IcsEvent, label: str
) -> list[str]:
    if not found:
        return [f"{label}: ignored REPLY for a meeting this trip does not have"]
    if not event.replies:
        return [f"{label}: ignored REPLY without an ATTENDEE"]
    notices = []
    for meeting in found:
        people = list(meeting.participants)
        for email, answer in event.replies:
            match = [i for i, p in enumerate(people) if p.email and p.email.lower() == email]
            if not match:
                notices.append(f"{label}: ignored the answer of {email}, who is not invited")
                continue
            people[match[0]] = dataclasses.replace(people[match[0]], reply=answer)
        meetings[meeting.id] = meeting.replace(participants=tuple(people))
    return notices


def _origin(event: IcsEvent, place: Place | None) -> CalendarOrigin | None:
    if event.own:
        return None
    return CalendarOrigin(
        uid=event.uid,
        recurrence_id=event.recurrence_id,
        stamp=event.stamp,
        location=event.location or None,
        place_id=place.id if place else None,
        given=event.given,
    )


def _origin_stamped(origin: CalendarOrigin | None, event: IcsEvent) -> CalendarOrigin | None:
    if origin is None or not event.stamp:
        return origin
    return dataclasses.replace(origin, stamp=event.stamp)


def _free_meeting_id(event: IcsEvent, meetings: dict[str, Meeting]) -> str:
    base = meeting_id_from_uid(event.uid)
    if event.recurrence_id:
        base = f"{base}--{event.recurrence_id}"
    if base not in meetings:
        return base
    # Two UIDs that differ only in characters an id cannot hold.
    digest = hashlib.sha256(f"{event.uid}|{event.recurrence_id}".encode()).hexdigest()[:8]
    candidate, number = f"{base}-{digest}", 2
    while candidate in meetings:
        candidate, number = f"{base}-{digest}-{number}", number + 1
    return candidate


def _keep_provenance(previous: Meeting, meeting: Meeting) -> Meeting:
    """A calendar carries no provenance: keep what the stored meeting had."""
    by_name = {p.name: p.provenance for p in previous.participants}
    people = tuple(
        dataclasses.replace(p, provenance=by_name.get(p.name, ())) for p in meeting.participants
    )
    return meeting.replace(
        provenance=previous.provenance,
        field_provenance=previous.field_provenance,
        participants=people,
    )


# -- reading the file -----------------------------------------------------------------------


@dataclass(slots=True)
class _EventLines:
    begin: int
    calendar: int  # index of its VCALENDAR in the file
    props: dict[str, int]  # property name -> line of its first use


def parse_ics(data: bytes, source: str, days: tuple[date, date] | None = None) -> IcsCalendar:
    """Check the whole file and read its events; IcsError says where and what.

    Repeating events give their occurrences within ``days`` (first and last day); with
    no ``days``, within the dates of the file's single events, else the first
    ``DEFAULT_SERIES_DAYS`` days of the earliest series.
    """
    with warnings.catch_warnings():
        # The readers warn about guesses they make (a vendor-prefixed TZID such as
        # /mozilla.org/.../America/New_York read as America/New_York); the guess is taken.
        warnings.filterwarnings("ignore", module=_READERS)
        return _parse(data, source, days)


_READERS = r"(icalendar|recurring_ical_events|x_wr_timezone)(\.|$)"


def _parse(data: bytes, source: str, days: tuple[date, date] | None) -> IcsCalendar:
    text = _decode(data, source)
    logical = _unfold(text, source)
    event_lines, methods = _check_structure(logical, source)
    clean = "\r\n".join(line for _, line in logical) + "\r\n"
    try:
        calendars = Calendar.from_ical(clean, multiple=True)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        line = _unreadable_line(logical)
        raise IcsError(source, f"not a readable calendar: {_what(exc)}", line) from None
    if len(calendars) != len(methods):
        raise IcsError(source, "not a readable calendar: its VCALENDARs cannot be told apart")
    by_calendar: list[list[_EventLines]] = [[] for _ in calendars]
    for lines in event_lines:
        by_calendar[lines.calendar].append(lines)
    raw: list[tuple[Component, _EventLines, str]] = []
    for index, calendar in enumerate(calendars):
        calendar = _standard_zones(calendar, source, methods[index][1])
        _attach_calendar_places(calendar)
        vevents = [c for c in calendar.subcomponents if c.name == "VEVENT"]
        if len(vevents) != len(by_calendar[index]):
            raise IcsError(source, "events nested where they should not be")
        raw += [
            (component, lines, methods[index][0])
            for component, lines in zip(vevents, by_calendar[index], strict=True)
        ]
        calendars[index] = calendar
    if not raw:
        raise IcsError(source, "the calendar holds no events (VEVENT)", methods[0][1])
    events, notices = _expand(raw, calendars, source, days)
    return IcsCalendar(_calendar_name(calendars), tuple(events), tuple(notices))


def _unreadable_line(logical: list[tuple[int, str]]) -> int | None:
    """The first line of the first part icalendar cannot read on its own (a calendar's
    properties, or one of its components), to point at when the whole file fails."""
    parts: list[list[tuple[int, str]]] = []
    depth = 0
    for number, line in logical:
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if depth == 2:
                parts.append([])
        if depth == 1 and not upper.startswith(("BEGIN:", "END:")):
            parts.append([(number, line)])
        elif depth >= 2:
            parts[-1].append((number, line))
        if upper.startswith("END:"):
            depth -= 1
    for part in parts:
        body = "\r\n".join(line for _, line in part)
        try:
            Calendar.from_ical(f"BEGIN:VCALENDAR\r\n{body}\r\nEND:VCALENDAR\r\n")
        except (ValueError, IndexError, KeyError, TypeError):
            return part[0][0]
    return None


def _standard_zones(calendar: Calendar, source: str, line: int) -> Calendar:
    """Floating times in a calendar with X-WR-TIMEZONE (Google's exports) as that zone."""
    import x_wr_timezone

    name = _get(calendar, "X-WR-TIMEZONE")
    if name is None:
        return calendar
    key = WINDOWS_TO_OLSON.get(str(name), str(name))
    try:
        zone(key)
        result: Calendar = x_wr_timezone.to_standard(calendar, timezone=ZoneInfo(key))
    except ValueError:
        raise IcsError(source, f"X-WR-TIMEZONE: unknown time zone {str(name)!r}", line) from None
    return result


def _expand(
    raw: list[tuple[Component, _EventLines, str]],
    calendars: list[Calendar],
    source: str,
    days: tuple[date, date] | None,
) -> tuple[list[IcsEvent], list[str]]:
    """Events read one by one; series (RRULE/RDATE) as their occurrences within ``days``."""
    series = {
        _text(c, "UID")
        for c, _, method in raw
        if ("RRULE" in c or "RDATE" in c) and method in ("PUBLISH", "REQUEST")
    }
    series.discard("")
    events: list[IcsEvent] = []
    seen: dict[tuple[str, str | None], int] = {}
    masters: dict[str, tuple[Component, _EventLines, str]] = {}
    for component, lines, method in raw:
        uid = _text(component, "UID")
        if uid in series:
            if "RECURRENCE-ID" not in component:
                # A series written twice (an older copy left in) is one series: the
                # library takes the newer copy's occurrences.
                masters.setdefault(uid, (component, lines, method))
            continue
        event = _read(component, lines, method, source)
        key = (event.uid, event.recurrence_id)
        if key in seen and method not in ("REPLY", "CANCEL"):
            raise IcsError(
                source,
                f"UID {event.uid!r} was already used by the event on line {seen[key]}",
                lines.begin,
            )
        seen[key] = lines.begin
        events.append(event)
    notices: list[str] = []
    if not masters:
        return events, notices
    if days is None:
        single = [e.meeting.time for e in events if e.meeting is not None]
        if single:
            days = (min(t.day for t in single), max(_last_day(t) for t in single))
        else:
            first = min(_start_day(m) for m, _, _ in masters.values())
            days = (first, first + timedelta(days=DEFAULT_SERIES_DAYS - 1))
    import recurring_ical_events

    total = 0
    for calendar in calendars:
        if not any(_text(c, "UID") in masters for c in calendar.subcomponents):
            continue
        try:
            query = recurring_ical_events.of(calendar, components=["VEVENT"])
            occurrences = list(query.between(days[0], days[1] + timedelta(days=1)))
        except Exception as exc:  # the library raises its own types for bad rules
            line = min(lines.props.get("RRULE", lines.begin) for _, lines, _ in masters.values())
            raise IcsError(source, f"RRULE: {_what(exc)}", line) from None
        for occurrence in occurrences:
            uid = _text(occurrence, "UID")
            if uid not in masters:
                continue
            _, lines, method = masters[uid]
            rid = _recurrence_text(occurrence)
            if (uid, rid) in seen:
                continue
            seen[(uid, rid)] = lines.begin
            events.append(_read(occurrence, lines, method, source, rid))
            total += 1
    notices.append(
        f"repeating events: {total} occurrence(s) from {days[0]} to {days[1]} taken"
        " (choose other dates to take others)"
    )
    return events, notices


def _start_day(component: Component) -> date:
    value = _get(component, "DTSTART")
    moment: date = value.dt if value is not None else date.today()
    return moment.date() if isinstance(moment, datetime) else moment


def _last_day(time: MeetingTime) -> date:
    if isinstance(time, ExactTime):
        return time.end.date()
    if isinstance(time, AllDay):
        return time.end_day
    return time.day


def _recurrence_text(component: Component) -> str | None:
    value = _get(component, "RECURRENCE-ID")
    if value is None:
        return None
    moment = value.dt
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            return f"{moment:%Y%m%dT%H%M%S}"
        return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return f"{moment:%Y%m%d}"


def _read(
    component: Component,
    lines: _EventLines,
    method: str,
    source: str,
    rid: str | None = None,
) -> IcsEvent:
    try:
        return _read_event(component, lines.begin, method, rid)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        what = _what(exc)
        # Point at the property's own line when the message names it.
        prop = what.split(":", 1)[0].strip().upper()
        raise IcsError(source, what, lines.props.get(prop, lines.begin)) from None


def _calendar_name(calendars: list[Calendar]) -> str | None:
    for calendar in calendars:
        raw = _get(calendar, "X-WR-CALNAME")
        if raw is None:
            continue
        # icalendar keeps X- properties raw: undo the text escaping (RFC 5545 3.3.11).
        name = str(raw) if isinstance(raw, vText) else _unescape_text(str(raw))
        if name.strip():
            return name.strip()
    return None


def _unescape_text(raw: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_ICS_BYTES:
        raise IcsError(source, f"{len(data):,} bytes is too large for a calendar file")
    if not data.strip():
        raise IcsError(source, "the file is empty")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise IcsError(source, "binary data (a NUL byte), not calendar text", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IcsError(source, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line) from None
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise IcsError(source, "a control character: binary data, not calendar text", line)
    return text


def _unfold(text: str, source: str) -> list[tuple[int, str]]:
    """Unfolded content lines with the number of their first physical line, blank lines
    skipped, QUOTED-PRINTABLE values (old Outlook, vCalendar 1.0) decoded into TEXT."""
    out: list[tuple[int, str]] = []
    soft = False  # the last QUOTED-PRINTABLE line ended with "=": the next one continues it
    for number, raw in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if soft:
            out[-1] = (out[-1][0], out[-1][1][:-1] + raw)
        elif raw[:1] in (" ", "\t") and out:
            out[-1] = (out[-1][0], out[-1][1] + raw[1:])
        elif raw.strip():
            out.append((number, raw))
        else:
            continue
        line = out[-1][1]
        soft = line.endswith("=") and bool(_QP.search(line.partition(":")[0] + ":"))
    return [(n, _decode_qp(line, n, source)) for n, line in out]


def _decode_qp(line: str, number: int, source: str) -> str:
    head, colon, value = line.partition(":")
    if not colon or not _QP.search(head + ":"):
        return line
    charset = _CHARSET.search(head + ":")
    try:
        decoded = quopri.decodestring(value.encode("utf-8")).decode(
            charset[2] if charset else "utf-8"
        )
    except (UnicodeDecodeError, LookupError) as exc:
        raise IcsError(source, f"QUOTED-PRINTABLE text cannot be decoded: {exc}", number) from None
    head = _CHARSET.sub("", _QP.sub("", head + ":"))[:-1]
    escaped = decoded.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f"{head}:{escaped}"


def _check_structure(
    logical: list[tuple[int, str]], source: str
) -> tuple[list[_EventLines], list[tuple[str, int]]]:
    """Content lines, BEGIN/END nesting, METHOD, and properties an event may hold once.

    Returns each VEVENT's lines, and each VCALENDAR's METHOD with its line.
    """
    stack: list[tuple[str, int]] = []
    events: list[_EventLines] = []
    methods: list[tuple[str, int]] = []
    last = 0
    for number, line in logical:
        last = number
        if not _CONTENT_LINE.match(line):
            raise IcsError(source, f"not an iCalendar content line: {_clip(line)!r}", number)
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        value = value.strip().upper()
        if not stack and (name, value) != ("BEGIN", "VCALENDAR"):
            raise IcsError(source, "a calendar file must start with BEGIN:VCALENDAR", number)
        if name == "BEGIN":
            if value == "VCALENDAR":
                if stack:
                    raise IcsError(source, f"a calendar inside {stack[-1][0]}", number)
                methods.append(("PUBLISH", number))
            elif value == "VEVENT":
                if stack[-1][0] != "VCALENDAR":
                    raise IcsError(source, f"an event inside {stack[-1][0]}", number)
                events.append(_EventLines(number, len(methods) - 1, {}))
            stack.append((value, number))
        elif name == "END":
            if not stack or stack[-1][0] != value:
                open_part = f"BEGIN:{stack[-1][0]} on line {stack[-1][1]}" if stack else "none"
                raise IcsError(source, f"END:{value} does not close {open_part}", number)
            stack.pop()
        elif stack[-1][0] == "VCALENDAR" and name == "METHOD":
            if value not in METHODS:
                raise IcsError(
                    source,
                    f"METHOD:{value} is not supported (Shuttle reads {', '.join(METHODS)})",
                    number,
                )
            methods[-1] = (value, number)
        elif stack[-1][0] == "VEVENT":
            props = events[-1].props
            if name in _ONCE and name in props:
                raise IcsError(
                    source,
                    f"{name} appears twice in one event (first on line {props[name]})",
                    number,
                )
            props.setdefault(name, number)
    if stack:
        what, number = stack[-1]
        raise IcsError(
            source,
            f"the file is truncated: BEGIN:{what} on line {number} is never closed "
            f"(the file ends at line {last})",
            last or None,
        )
    if not methods:
        raise IcsError(source, "the file is empty")
    return events, methods


def _read_event(event: Component, line: int, method: str, rid: str | None) -> IcsEvent:
    if event.errors:
        prop, message = event.errors[0]
        raise ValueError(f"{prop}: {message}")
    uid = _text(event, "UID")
    sequence = int(_get(event, "SEQUENCE", 0))
    if sequence < 0:
        raise ValueError(f"SEQUENCE {sequence} is negative")
    stamp = _stamp(event)
    rid = rid or _recurrence_text(event)
    if method in ("REPLY", "CANCEL"):
        if not uid:
            raise ValueError(f"UID: a {method} must say which event it is about")
        return IcsEvent(
            line, method, uid, rid, sequence, stamp, None, "", None, None, False, None,
            replies=_replies(event),
        )  # fmt: skip
    start_prop = _get(event, "DTSTART")
    if start_prop is None:
        raise ValueError("the event has no DTSTART")
    uid = uid or _stand_in_uid(event)
    shuttle = X_STATUS in event
    title = _text(event, "SUMMARY") or "(no title)"
    start = start_prop.dt
    zone_key = _zone_key(start, start_prop.params.get("TZID"), "DTSTART")
    end = _end(event, start)
    time, floating = _time(event, start, end)
    status_text = _text(event, "STATUS").upper()
    status = _STATUS.get(status_text, Status.CONFIRMED)
    if shuttle:
        own = Status(_text(event, X_STATUS))
        tbc = isinstance(time, TimeTBC) and own is not Status.CANCELLED
        if status_text == ("TENTATIVE" if tbc else own.name):
            status = own  # STATUS still says what Shuttle wrote
    description = _text(event, "DESCRIPTION")
    meeting = Meeting(
        id=meeting_id_from_uid(uid),
        title=title,
        place_id=None,
        time=time,
        participants=_participants(event),
        topic=_text(event, X_TOPIC) if shuttle else description,
        notes=_text(event, X_NOTES) if shuttle else "",
        status=status,
        sequence=sequence,
    )
    location = _text(event, "LOCATION")
    geo = _geo(event)
    given = tuple(p for p in _KEPT_ABSENT if p in event)
    return IcsEvent(
        line,
        method,
        uid,
        rid,
        sequence,
        stamp,
        meeting,
        location,
        geo,
        zone_key,
        floating,
        _stored_place(event, location, geo),
        given,
    )


def _get(event: Component, name: str, default: Any = None) -> Any:
    """A property as icalendar parsed it (its many value types are checked where used)."""
    return event.get(name, default)


def _text(event: Component, name: str) -> str:
    value = _get(event, name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _stamp(event: Component) -> str | None:
    value = _get(event, "DTSTAMP")
    if value is None or not isinstance(value.dt, datetime):
        return None
    moment = value.dt if value.dt.tzinfo else value.dt.replace(tzinfo=UTC)
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _stand_in_uid(event: Component) -> str:
    """An event without UID gets one from its start and title, the same on every import."""
    seed = f"{_get(event, 'DTSTART').to_ical()!r}|{_text(event, 'SUMMARY')}"
    return "ics-" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def _zone_key(value: date, tzid: str | None, what: str) -> str | None:
    if not isinstance(value, datetime):
        return None
    if isinstance(value.tzinfo, ZoneInfo):
        return value.tzinfo.key
    if tzid:
        # A zone icalendar built from the file's own VTIMEZONE: its IANA name, if known.
        key = WINDOWS_TO_OLSON.get(tzid, tzid)
        try:
            return zone(key).key
        except ValueError:
            if value.tzinfo is None:
                raise ValueError(
                    f"{what}: unknown time zone {tzid!r} and no VTIMEZONE for it"
                ) from None
    return None


def _end(event: Component, start: date) -> date:
    if "DTEND" in event:
        end: date = _get(event, "DTEND").dt
        _zone_key(end, _get(event, "DTEND").params.get("TZID"), "DTEND")
    elif "DURATION" in event:
        end = start + _get(event, "DURATION").dt
    elif isinstance(start, datetime):
        end = start  # RFC 5545 3.6.1: it ends where it starts
    else:
        end = start + timedelta(days=1)  # RFC 5545 3.6.1: one day
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise ValueError("DTSTART and DTEND must both be dates or both be date-times")
    return end


def _time(event: Component, start: date, end: date) -> tuple[MeetingTime, bool]:
    """The meeting's time; exact times are zoned later, once the place is known."""
    if not isinstance(start, datetime):
        if end == start:
            end = start + timedelta(days=1)  # as common clients read it: that one day
        if end < start:
            raise ValueError(f"DTEND {end} is not after DTSTART {start}")
        tbc = _text(event, X_TIME_TBC).upper() == "TRUE"
        if tbc and end == start + timedelta(days=1):
            part = _text(event, X_PART_OF_DAY)
            length = _text(event, X_DURATION)
            return TimeTBC(
                start,
                PartOfDay(part) if part else None,
                _duration(length) if length else None,
            ), False
        last = end - timedelta(days=1)
        return AllDay(start, last if last > start else None), False
    assert isinstance(end, datetime)
    floating = start.tzinfo is None
    if floating != (end.tzinfo is None):
        raise ValueError("DTSTART and DTEND must both have a time zone or both be floating")
    if floating:
        start, end = start.replace(tzinfo=UTC), end.replace(tzinfo=UTC)  # wall time, for now
    if end < start:
        raise ValueError(f"DTEND {end:%Y-%m-%d %H:%M} is not after DTSTART")
    zone_key = _zone_key(start, _get(event, "DTSTART").params.get("TZID"), "DTSTART")
    tz = ZoneInfo(zone_key) if zone_key and not floating else ZoneInfo("UTC")
    return ExactTime(start.astimezone(tz), end.astimezone(tz)), floating


def _duration(text: str) -> timedelta:
    value: Any = vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    if not isinstance(value, timedelta):
        raise ValueError(f"{X_DURATION}: {text!r} is not a duration")
    return value


def _in_zone(event: IcsEvent, place: Place | None, fallback: str) -> MeetingTime:
    assert event.meeting is not None
    time = event.meeting.time
    if not isinstance(time, ExactTime):
        return time
    if place is None:
        if not event.floating:
            return time  # in its TZID's zone, or UTC
        tz = zone(fallback)  # a wall time with nowhere to be: the trip's home zone
        return ExactTime(time.start.replace(tzinfo=tz), time.end.replace(tzinfo=tz))
    if event.floating:
        wall = (time.start.replace(tzinfo=place.tz), time.end.replace(tzinfo=place.tz))
        return ExactTime(*wall)
    return ExactTime(time.start.astimezone(place.tz), time.end.astimezone(place.tz))


def _geo(event: Component) -> tuple[float, float] | None:
    geo = _get(event, "GEO")
    if geo is None:
        return None
    lat, lon = float(geo.latitude), float(geo.longitude)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"GEO {lat};{lon} is not a point on Earth")
    return lat, lon


def _addresses(event: Component, name: str) -> list[Any]:
    values = _get(event, name, [])
    return values if isinstance(values, list) else [values]


def _email(address: Any) -> str:
    text = str(address)
    return text[7:].strip() if text.lower().startswith("mailto:") else ""


def _replies(event: Component) -> tuple[tuple[str, Reply], ...]:
    out = []
    for address in _addresses(event, "ATTENDEE"):
        email = _email(address)
        answer = _REPLY.get(str(address.params.get("PARTSTAT", "NEEDS-ACTION")).upper())
        if email and answer is not None:
            out.append((email.lower(), answer))
    return tuple(out)


def _participants(event: Component) -> tuple[Participant, ...]:
    stored = _get(event, X_PARTICIPANT)
    if stored is not None:
        values = stored if isinstance(stored, list) else [stored]
        return tuple(_stored_participant(str(v)) for v in values)
    people: list[Participant] = []
    organizer = _get(event, "ORGANIZER")
    for address, is_organizer in [(organizer, True)] * (organizer is not None) + [
        (a, False) for a in _addresses(event, "ATTENDEE")
    ]:
        email = _email(address)
        name = str(address.params.get("CN", "")).strip() or email or str(address)
        if any(p.email and p.email.lower() == email.lower() for p in people):
            continue
        optional = str(address.params.get("ROLE", "")).upper() == "OPT-PARTICIPANT"
        reply = None
        if not is_organizer and email:
            reply = _REPLY.get(str(address.params.get("PARTSTAT", "NEEDS-ACTION")).upper())
        people.append(
            Participant(
                name=name,
                role="organiser" if is_organizer else "",
                email=email or None,
                attendance=Attendance.UNCERTAIN if optional else Attendance.CONFIRMED,
                reply=reply,
            )
        )
    return tuple(people)


def _stored_participant(text: str) -> Participant:
    data = _json_object(text, X_PARTICIPANT)
    allowed = {"name", "role", "organisation", "email", "attendance", "reply"}
    if set(data) - allowed or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{X_PARTICIPANT}: unexpected fields or values")
    if "attendance" in data:
        data["attendance"] = Attendance(data["attendance"])
    if "reply" in data:
        data["reply"] = Reply(data["reply"])
    return Participant(**data)


def _stored_place(event: Component, location: str, geo: tuple[float, float] | None) -> Place | None:
    """Shuttle's own record of the place, if LOCATION and GEO still say the same."""
    text = _get(event, X_PLACE)
    if text is None:
        return None
    place = _place_record(str(text))
    if location_text(place) != location:
        return None  # someone moved the meeting in another client: trust LOCATION
    if geo is not None and not _near((place.lat, place.lon), geo):
        return None
    return place


@lru_cache(maxsize=4096)
def _place_record(text: str) -> Place:
    """An X-SHUTTLE-PLACE record (each is listed once, and read for every event there)."""
    try:
        _json_object(text, X_PLACE)
        return _PLACE.validate_json(text)
    except ValidationError as exc:
        raise ValueError(f"{X_PLACE}: {exc.errors(include_url=False)[0]['msg']}") from None


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{what}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{what}: expected a JSON object")
    return data


def _attach_calendar_places(calendar: Component) -> None:
    """Give each event with X-SHUTTLE-PLACE-ID the place record its calendar holds (an
    export lists each place once, on the VCALENDAR, not on every event)."""
    records: dict[str, str] = {}
    for value in _addresses(calendar, X_PLACE):
        try:
            data = json.loads(str(value))
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            records[data["id"]] = str(value)
    if not records:
        return
    for event in calendar.subcomponents:
        ref = _get(event, X_PLACE_ID)
        if ref is not None and X_PLACE not in event and str(ref) in records:
            event[X_PLACE] = records[str(ref)]


# -- places ---------------------------------------------------------------------------------


def _place_for(
    event: IcsEvent, places: list[Place], by_id: dict[str, Place], gazetteer: Gazetteer
) -> Place | None:
    """Where an event is: an existing place with the same name or spot, else one made
    from GEO and TZID (a gazetteer city only where it agrees with them), else None."""
    stored = event.stored_place
    if stored is not None:
        same_id = by_id.get(stored.id)
        if same_id is not None and _same_place(same_id, stored):
            return same_id  # the usual case: its own export coming back
        for place in places:
            if _same_place(place, stored):
                return place
        if stored.id in by_id:
            return dataclasses.replace(stored, id=_free_id(stored.id, places))
        return stored
    location = event.location
    if not location and event.geo is None:
        return None
    for place in places:
        same_name = bool(location) and fold(location) in (
            fold(location_text(place)),
            fold(place.name),
        )
        same_spot = event.geo is not None and _near((place.lat, place.lon), event.geo)
        if (same_name and (event.geo is None or same_spot)) or (same_spot and not location):
            return place
    made = _new_place(event, gazetteer)
    if made is None:
        return None
    return dataclasses.replace(made, id=_free_id(_slug(made.name), places))


def _new_place(event: IcsEvent, gazetteer: Gazetteer) -> Place | None:
    location = event.location
    if event.geo is not None:
        lat, lon = event.geo
        named = [c for c in _cities_named(location, gazetteer) if _km(c, lat, lon) < _CITY_REACH_KM]
        city = named[0] if named else gazetteer.nearest(lat, lon, within_km=_CITY_REACH_KM)
        key = event.zone_key
        if key is None or key == "UTC":
            key = _zone_at(lat, lon) or (city.timezone if city else "UTC")
        note = "as written in the calendar (LOCATION, GEO" + (", TZID)" if event.zone_key else ")")
        return Place(
            id="?",
            name=location or (city.name if city else f"{lat}, {lon}"),
            city=city.name if city else "",
            country=city.country if city else "",
            lat=lat,
            lon=lon,
            timezone=key,
            provenance=(Provenance(ProvenanceKind.ASSUMED, note=note),),
        )
    city = _city_in(location, event, gazetteer)
    if city is None:
        return None  # a place with no known coordinates: kept as LOCATION text only
    return Place(
        id="?",
        name=location,
        city=city.name,
        country=city.country,
        lat=city.lat,
        lon=city.lon,
        timezone=city.timezone,
        kind=PlaceKind.CITY if fold(location) == fold(city.name) else PlaceKind.VENUE,
        provenance=(Provenance(ProvenanceKind.COMPUTED, note="city from the gazetteer"),),
    )


def _city_in(location: str, event: IcsEvent, gazetteer: Gazetteer) -> City | None:
    """A gazetteer city named in LOCATION, in the event's zone when it has one."""
    assert event.meeting is not None
    time = event.meeting.time
    moment = time.start if isinstance(time, ExactTime) else None
    named = _cities_named(location, gazetteer)
    for city in named:  # the event's own zone first ('Cambridge' in New York time: MA)
        if city.timezone == event.zone_key:
            return city
    for city in named:
        if _agrees(city.timezone, event.zone_key, moment):
            return city
    return None


def _cities_named(location: str, gazetteer: Gazetteer) -> list[City]:
    """Gazetteer cities named by LOCATION's comma-separated parts, in order."""
    found: list[City] = []
    for part in (p.strip() for p in location.split(",")):
        name = re.sub(r"\s*\(.*?\)", "", part)
        found += gazetteer.lookup(name) if name else []
    return found


def _km(city: City, lat: float, lon: float) -> float:
    from data.distances import distance_km

    return distance_km((lat, lon), (city.lat, city.lon))


def _agrees(city_zone: str, event_zone: str | None, moment: datetime | None) -> bool:
    """May a city in ``city_zone`` hold an event timed in ``event_zone``? A UTC or
    floating time says nothing about where; another zone must be the city's, or keep
    its clock at that moment."""
    if event_zone in (None, "UTC", city_zone):
        return True
    if moment is None:
        return False
    return moment.astimezone(ZoneInfo(city_zone)).utcoffset() == moment.utcoffset()


def _zone_at(lat: float, lon: float) -> str | None:
    from data.places import zone_at

    try:
        return zone_at(lat, lon)
    except ValueError:
        return None


def _same_place(a: Place, b: Place) -> bool:
    # The cheap test first: most places are far apart.
    return _near((a.lat, a.lon), (b.lat, b.lon)) and fold(a.name) == fold(b.name)


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < _SAME_SPOT_DEGREES and abs(a[1] - b[1]) < _SAME_SPOT_DEGREES


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40]
    return slug or "place"


def _free_id(wanted: str, places: list[Place]) -> str:
    ids = {p.id for p in places}
    candidate, number = wanted, 2
    while candidate in ids:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def _what(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]}"
    return str(exc)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
