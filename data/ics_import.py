"""Calendars (.ics) into trips, as iTIP (RFC 5546) says, all or nothing.

:func:`merge_calendar` applies what :func:`data.ics_read.parse_ics` read to a trip:
PUBLISH and REQUEST add or update unless older than what the trip holds, REPLY records
one attendee's answer, CANCEL cancels a known meeting. It is pure (trip in, trip and
notices out), so the window can wrap it in an undoable edit; :func:`import_ics` runs it
inside one store transaction. Standard properties win; Shuttle's ``X-SHUTTLE-*`` extras
fill in what they cannot say, and are used only while they still agree with them. Places
come from GEO and TZID before a city named in LOCATION.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from data.gazetteer import City, Gazetteer, fold
from data.ics_common import (
    IcsError,
    meeting_uid,
)
from data.ics_export import location_text
from data.ics_read import IcsCalendar, IcsEvent, parse_ics, same_spot
from data.ids import place_id, unique_id
from data.model import (
    CalendarOrigin,
    ExactTime,
    Meeting,
    MeetingTime,
    Place,
    PlaceKind,
    Provenance,
    ProvenanceKind,
    Status,
    Trip,
    zone,
)
from data.store import Changes, Store

_CITY_REACH_KM = 40.0  # a GEO this close to a gazetteer city is in it


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
    stored: list[Trip] = []  # the trip as update_trip read it: what an undo puts back

    def edit(trip: Trip) -> Trip:
        stored.append(trip)
        merged = merge_calendar(trip, calendar, places)
        said.extend(merged.notices)
        return merged.trip

    changes = store.update_trip(trip_id, edit)
    return changes, stored[0]


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
    by_name = _PlacesByName(places)
    meetings = {m.id: m for m in trip.meetings}
    index = _Index(trip.meetings)
    notices = list(calendar.notices)
    fallback = trip.home_timezone
    for event in calendar.events:
        ids = index.find(event)
        if not ids and event.meeting is not None and event.meeting.id in meetings:
            ids = [event.meeting.id]  # a caller matched it to this meeting (CalDAV, by href)
        found = [meetings[i] for i in ids]
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
        place = _place_for(event, places, by_id, by_name, gazetteer)
        if place is not None and place.id not in by_id:
            places.append(place)
            by_id[place.id] = place
            by_name.add(place)
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
        used = Counter(_zone_of(merged, m) for m in merged.meetings)
        used.pop(None, None)
        if used:
            merged = merged.replace(home_timezone=used.most_common(1)[0][0])
    return Merged(merged, tuple(notices))


def _zone_of(trip: Trip, meeting: Meeting) -> str | None:
    """The zone a meeting is in: its place's, else its time's (None for a date)."""
    place = trip.place_of(meeting)
    if place is not None:
        return place.timezone
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
    """The event's own id (its UID, and RECURRENCE-ID), unless another meeting has it."""
    assert event.meeting is not None
    return unique_id(event.meeting.id, meetings)


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


class _PlacesByName:
    """The places in trip order under their folded LOCATION text and name: an event finds
    the places its LOCATION names without folding every place's names again (a trip of
    300 places and 10,000 events would fold millions of strings)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: list[Place] = []
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for place in places:
            self.add(place)

    def add(self, place: Place) -> None:
        number = len(self.places)
        self.places.append(place)
        for key in {fold(location_text(place)), fold(place.name)}:
            self.by_name[key].append(number)

    def named(self, location: str) -> list[Place]:
        """The places ``location`` names, in trip order."""
        return [self.places[n] for n in self.by_name.get(fold(location), ())]


def _place_for(
    event: IcsEvent,
    places: list[Place],
    by_id: dict[str, Place],
    by_name: _PlacesByName,
    gazetteer: Gazetteer,
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
            return dataclasses.replace(stored, id=unique_id(stored.id, by_id))
        return stored
    location = event.location
    if not location and event.geo is None:
        return None
    if location:  # the first place of that name (at the GEO, when the event has one)
        for place in by_name.named(location):
            if event.geo is None or same_spot((place.lat, place.lon), event.geo):
                return place
    elif event.geo is not None:  # no name: the first place at the GEO
        for place in places:
            if same_spot((place.lat, place.lon), event.geo):
                return place
    made = _new_place(event, gazetteer)
    if made is None:
        return None
    return dataclasses.replace(made, id=place_id(made.name, by_id))


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
    return same_spot((a.lat, a.lon), (b.lat, b.lon)) and fold(a.name) == fold(b.name)
