"""Calendars (.ics) into trips: each VEVENT becomes a meeting, all or nothing.

Reading goes in three steps. :func:`parse_ics` checks the bytes (size, binary, UTF-8),
the structure (content lines, BEGIN/END nesting, with line numbers) and every event,
before anything touches the store. :func:`merge_events` then places the events in a
trip (places through the gazetteer, or as written). :func:`import_ics` does both inside
one store transaction. Standard properties win; Shuttle's ``X-SHUTTLE-*`` extras fill
in what they cannot say, and are used only while they still agree with them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, vDuration, vText
from pydantic import TypeAdapter, ValidationError

from data.files import FileRefused, read_file
from data.gazetteer import Gazetteer, fold
from data.ics_common import (
    MAX_ICS_BYTES,
    X_DURATION,
    X_NOTES,
    X_PART_OF_DAY,
    X_PARTICIPANT,
    X_PLACE,
    X_STATUS,
    X_TIME_TBC,
    X_TOPIC,
    IcsError,
    meeting_id_from_uid,
)
from data.ics_export import location_text
from data.ids import place_id, unique_id
from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Meeting,
    MeetingTime,
    Participant,
    PartOfDay,
    Place,
    PlaceKind,
    Provenance,
    ProvenanceKind,
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
_STATUS = {"CONFIRMED": Status.CONFIRMED, "TENTATIVE": Status.TENTATIVE}
_STATUS |= {"CANCELLED": Status.CANCELLED}
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


@dataclass(frozen=True, slots=True)
class IcsEvent:
    """One VEVENT, checked; its place is still text (resolved by :func:`merge_events`)."""

    line: int
    meeting: Meeting  # place_id is empty-ish until merged: see ``place_*``
    location: str
    geo: tuple[float, float] | None
    zone_key: str | None  # from DTSTART's TZID
    floating: bool  # DTSTART without a zone: wall time at the venue
    stored_place: Place | None  # X-SHUTTLE-PLACE, when it agrees with LOCATION and GEO


@dataclass(frozen=True, slots=True)
class IcsCalendar:
    name: str | None  # X-WR-CALNAME
    events: tuple[IcsEvent, ...]


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
) -> Changes:
    """Import a calendar into trip ``trip_ref``, else into the trip named after it.

    Without ``trip_ref`` the trip is called X-WR-CALNAME, or the file's stem; a trip of
    that name receives the events again (same UIDs update the same meetings), otherwise a
    new trip is made. Raises IcsError (file problems) or StoreError; the store is then
    unchanged.
    """
    calendar = parse_ics(data, source_name)
    return import_calendar(store, calendar, source_name, trip_ref, gazetteer)[0]


def import_calendar(
    store: Store,
    calendar: IcsCalendar,
    source_name: str,
    trip_ref: str | int | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[Changes, Trip | None]:
    """:func:`import_ics` for a parsed calendar; also the trip as it was before.

    That trip is None when the import made a new one; an undo puts back what is returned.
    """
    places = gazetteer or Gazetteer()
    if trip_ref is not None:
        trip_id = store.resolve(trip_ref)
    else:
        name = (calendar.name or Path(source_name).stem or "Imported calendar").strip()
        existing = [t.id for t in store.trips() if t.name == name]
        if not existing:
            try:
                trip = merge_events(new_trip(name), calendar.events, places, new=True)
            except ValueError as exc:
                raise IcsError(source_name, str(exc)) from exc
            return store.add_trip(trip), None
        trip_id = existing[0]
    before = store.load_trip(trip_id)
    changes = store.update_trip(trip_id, lambda t: merge_events(t, calendar.events, places))
    return changes, before


def new_trip(name: str) -> Trip:
    return Trip(name=name, traveller="", home_timezone="UTC")


def merge_events(
    trip: Trip, events: tuple[IcsEvent, ...], gazetteer: Gazetteer, new: bool = False
) -> Trip:
    """``trip`` with the events as meetings: same ids replaced, others appended."""
    places = list(trip.places)
    meetings = {m.id: m for m in trip.meetings}
    fallback = trip.home_timezone
    for event in events:
        place = _place_for(event, places, gazetteer, fallback)
        if place not in places:
            places.append(place)
        meeting = event.meeting.replace(place_id=place.id, time=_in_zone(event, place))
        previous = meetings.get(meeting.id)
        meetings[meeting.id] = meeting if previous is None else _keep_provenance(previous, meeting)
    merged = trip.replace(places=tuple(places), meetings=tuple(meetings.values()))
    if new and places:
        # A new trip's home zone: where most of its meetings are.
        used = Counter(merged.place(m.place_id).timezone for m in merged.meetings)
        merged = merged.replace(home_timezone=used.most_common(1)[0][0])
    return merged


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


def parse_ics(data: bytes, source: str) -> IcsCalendar:
    """Check the whole file and read its events; IcsError says where and what."""
    text = _decode(data, source)
    event_lines = _check_structure(text, source)
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise IcsError(source, f"not a readable calendar: {exc}") from None
    if not isinstance(calendar, Calendar):
        raise IcsError(source, "not a calendar (no VCALENDAR)", 1)
    vevents = list(calendar.walk("VEVENT"))
    if not vevents:
        raise IcsError(source, "the calendar holds no events (VEVENT)")
    if len(vevents) != len(event_lines):  # cannot happen after the structure check
        raise IcsError(source, "events nested where they should not be")
    events = []
    seen: dict[str, int] = {}
    for component, lines in zip(vevents, event_lines, strict=True):
        line = lines["BEGIN"]
        try:
            event = _read_event(component, line)
        except (ValueError, KeyError, TypeError) as exc:
            what = _what(exc)
            # Point at the property's own line when the message names it.
            prop = what.split(":", 1)[0].strip().upper()
            raise IcsError(source, what, lines.get(prop, line)) from None
        if event.meeting.id in seen:
            raise IcsError(
                source,
                f"UID {event.meeting.id!r} was already used by the event on line "
                f"{seen[event.meeting.id]} (repeating events are not supported)",
                line,
            )
        seen[event.meeting.id] = line
        events.append(event)
    return IcsCalendar(_calendar_name(calendar), tuple(events))


def _calendar_name(calendar: Calendar) -> str | None:
    raw = _get(calendar, "X-WR-CALNAME")
    if raw is None:
        return None
    # icalendar keeps X- properties raw: undo the text escaping (RFC 5545 3.3.11).
    name = str(raw) if isinstance(raw, vText) else _unescape_text(str(raw))
    return name.strip() or None


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


def _check_structure(text: str, source: str) -> list[dict[str, int]]:
    """Content lines and BEGIN/END nesting.

    Returns, for each VEVENT, the line of its BEGIN and of each property's first use.
    """
    stack: list[tuple[str, int]] = []
    events: list[dict[str, int]] = []
    closed = False
    last = 0
    for number, line in _logical_lines(text):
        last = number
        if not _CONTENT_LINE.match(line):
            raise IcsError(source, f"not an iCalendar content line: {_clip(line)!r}", number)
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        value = value.strip().upper()
        if closed:
            raise IcsError(source, "text after END:VCALENDAR (one calendar per file)", number)
        if not stack and (name, value) != ("BEGIN", "VCALENDAR"):
            raise IcsError(source, "a calendar file must start with BEGIN:VCALENDAR", number)
        if name == "BEGIN":
            if value == "VEVENT":
                if stack[-1][0] != "VCALENDAR":
                    raise IcsError(source, f"an event inside {stack[-1][0]}", number)
                events.append({"BEGIN": number})
            stack.append((value, number))
        elif name == "END":
            if not stack or stack[-1][0] != value:
                open_part = f"BEGIN:{stack[-1][0]} on line {stack[-1][1]}" if stack else "none"
                raise IcsError(source, f"END:{value} does not close {open_part}", number)
            stack.pop()
            closed = not stack
        elif stack[-1][0] == "VEVENT":
            if name in _ONCE and name in events[-1]:
                raise IcsError(
                    source,
                    f"{name} appears twice in one event (first on line {events[-1][name]})",
                    number,
                )
            events[-1].setdefault(name, number)
    if stack:
        what, number = stack[-1]
        raise IcsError(
            source,
            f"the file is truncated: BEGIN:{what} on line {number} is never closed "
            f"(the file ends at line {last})",
            last or None,
        )
    if not closed:
        raise IcsError(source, "the file is empty")
    return events


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of their first physical line; blank lines skipped."""
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if raw[:1] in (" ", "\t") and out:
            out[-1] = (out[-1][0], out[-1][1] + raw[1:])
        elif raw.strip():
            out.append((number, raw))
    return out


def _read_event(event: Component, line: int) -> IcsEvent:
    if event.errors:
        prop, message = event.errors[0]
        raise ValueError(f"{prop}: {message}")
    if "RRULE" in event or "RDATE" in event or "RECURRENCE-ID" in event:
        raise ValueError("repeating events (RRULE, RDATE, RECURRENCE-ID) are not supported")
    shuttle = X_STATUS in event
    title = _text(event, "SUMMARY") or "(no title)"
    uid = _text(event, "UID") or _stand_in_uid(event)
    start_prop = _get(event, "DTSTART")
    if start_prop is None:
        raise ValueError("the event has no DTSTART")
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
    sequence = int(_get(event, "SEQUENCE", 0))
    if sequence < 0:
        raise ValueError(f"SEQUENCE {sequence} is negative")
    description = _text(event, "DESCRIPTION")
    meeting = Meeting(
        id=meeting_id_from_uid(uid),
        title=title,
        place_id="?",
        time=time,
        participants=_participants(event),
        topic=_text(event, X_TOPIC) if shuttle else description,
        notes=_text(event, X_NOTES) if shuttle else "",
        status=status,
        sequence=sequence,
    )
    location = _text(event, "LOCATION")
    geo = _geo(event)
    return IcsEvent(
        line, meeting, location, geo, zone_key, floating, _stored_place(event, location, geo)
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


def _stand_in_uid(event: Component) -> str:
    """An event without UID gets one from its start and title, the same on every import."""
    seed = f"{_get(event, 'DTSTART').to_ical()!r}|{_text(event, 'SUMMARY')}"
    return "ics-" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def _zone_key(value: date, tzid: str | None, what: str) -> str | None:
    if not isinstance(value, datetime):
        return None
    if tzid and value.tzinfo is None:
        raise ValueError(f"{what}: unknown time zone {tzid!r} and no VTIMEZONE for it")
    if isinstance(value.tzinfo, ZoneInfo):
        return value.tzinfo.key
    return None


def _end(event: Component, start: date) -> date:
    if "DTEND" in event:
        end: date = _get(event, "DTEND").dt
        _zone_key(end, _get(event, "DTEND").params.get("TZID"), "DTEND")
    elif "DURATION" in event:
        end = start + _get(event, "DURATION").dt
    elif isinstance(start, datetime):
        raise ValueError("the event has neither DTEND nor DURATION")
    else:
        end = start + timedelta(days=1)
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise ValueError("DTSTART and DTEND must both be dates or both be date-times")
    return end


def _time(event: Component, start: date, end: date) -> tuple[MeetingTime, bool]:
    """The meeting's time; exact times are zoned later, once the place is known."""
    if not isinstance(start, datetime):
        if end <= start:
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
    if end <= start:
        raise ValueError(f"DTEND {end:%Y-%m-%d %H:%M} is not after DTSTART")
    utc = ZoneInfo("UTC")
    return ExactTime(start.astimezone(utc), end.astimezone(utc)), floating


def _duration(text: str) -> timedelta:
    value: Any = vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    if not isinstance(value, timedelta):
        raise ValueError(f"{X_DURATION}: {text!r} is not a duration")
    return value


def _in_zone(event: IcsEvent, place: Place) -> MeetingTime:
    time = event.meeting.time
    if not isinstance(time, ExactTime):
        return time
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


def _participants(event: Component) -> tuple[Participant, ...]:
    stored = _get(event, X_PARTICIPANT)
    if stored is not None:
        values = stored if isinstance(stored, list) else [stored]
        return tuple(_stored_participant(str(v)) for v in values)
    people: list[Participant] = []
    attendees = _get(event, "ATTENDEE", [])
    attendees = attendees if isinstance(attendees, list) else [attendees]
    organizer = _get(event, "ORGANIZER")
    for address, is_organizer in [(organizer, True)] * (organizer is not None) + [
        (a, False) for a in attendees
    ]:
        email = str(address)
        email = email[7:] if email.lower().startswith("mailto:") else ""
        name = str(address.params.get("CN", "")).strip() or email or str(address)
        if any(p.email and p.email.lower() == email.lower() for p in people):
            continue
        optional = str(address.params.get("ROLE", "")).upper() == "OPT-PARTICIPANT"
        people.append(
            Participant(
                name=name,
                role="organiser" if is_organizer else "",
                email=email or None,
                attendance=Attendance.UNCERTAIN if optional else Attendance.CONFIRMED,
            )
        )
    return tuple(people)


def _stored_participant(text: str) -> Participant:
    data = _json_object(text, X_PARTICIPANT)
    allowed = {"name", "role", "organisation", "email", "attendance"}
    if set(data) - allowed or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{X_PARTICIPANT}: unexpected fields or values")
    if "attendance" in data:
        data["attendance"] = Attendance(data["attendance"])
    return Participant(**data)


def _stored_place(event: Component, location: str, geo: tuple[float, float] | None) -> Place | None:
    """Shuttle's own record of the place, if LOCATION and GEO still say the same."""
    text = _get(event, X_PLACE)
    if text is None:
        return None
    try:
        _json_object(str(text), X_PLACE)
        place = _PLACE.validate_json(str(text))
    except ValidationError as exc:
        raise ValueError(f"{X_PLACE}: {exc.errors(include_url=False)[0]['msg']}") from None
    if location_text(place) != location:
        return None  # someone moved the meeting in another client: trust LOCATION
    if geo is not None and not _near((place.lat, place.lon), geo):
        return None
    return place


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{what}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{what}: expected a JSON object")
    return data


# -- places ---------------------------------------------------------------------------------


def _place_for(event: IcsEvent, places: list[Place], gazetteer: Gazetteer, fallback: str) -> Place:
    """An existing place with the same name or spot, else the gazetteer's, else as written."""
    stored = event.stored_place
    if stored is not None:
        for place in places:
            if _same_place(place, stored):
                return place
        if _taken(stored, places):
            return dataclasses.replace(stored, id=unique_id(stored.id, {p.id for p in places}))
        return stored
    location = event.location
    parts = [p.strip() for p in location.split(",") if p.strip()]
    name = parts[0] if parts else ""
    for place in places:
        same_name = bool(location) and fold(location) in (
            fold(location_text(place)),
            fold(place.name),
        )
        same_spot = event.geo is not None and _near((place.lat, place.lon), event.geo)
        if same_name or (same_spot and (not name or fold(name) == fold(place.name))):
            return place
    zone_key = event.zone_key or fallback
    city = None
    for part in parts:
        city = gazetteer.best(re.sub(r"\s*\(.*?\)", "", part))
        if city is not None:
            break
    if city is not None:
        lat, lon = event.geo or (city.lat, city.lon)
        kind = PlaceKind.CITY if fold(name) == fold(city.name) else PlaceKind.VENUE
        place = Place(
            id="?",
            name=name or city.name,
            city=city.name,
            country=city.country,
            lat=lat,
            lon=lon,
            timezone=city.timezone,
            kind=kind,
            provenance=(Provenance(ProvenanceKind.COMPUTED, note="city from the gazetteer"),),
        )
    else:
        lat, lon = event.geo or (0.0, 0.0)
        note = "as written in the calendar" + ("" if event.geo else "; no coordinates given")
        place = Place(
            id="?",
            name=name or "Place not given",
            city=parts[-2] if len(parts) >= 3 else "",
            country=parts[-1] if len(parts) >= 2 else "",
            lat=lat,
            lon=lon,
            timezone=zone(zone_key).key,
            provenance=(Provenance(ProvenanceKind.ASSUMED, note=note),),
        )
    return dataclasses.replace(place, id=place_id(place.name, {p.id for p in places}))


def _same_place(a: Place, b: Place) -> bool:
    # The cheap test first: most places are far apart.
    return _near((a.lat, a.lon), (b.lat, b.lon)) and fold(a.name) == fold(b.name)


def _taken(place: Place, places: list[Place]) -> bool:
    return any(p.id == place.id for p in places)


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < _SAME_SPOT_DEGREES and abs(a[1] - b[1]) < _SAME_SPOT_DEGREES


def _what(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]}"
    return str(exc)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
