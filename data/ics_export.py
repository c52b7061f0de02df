"""A trip's meetings as iCalendar (RFC 5545): one published calendar, or one invite each.

icalendar builds the text (folding, escaping, parameter quoting). Shuttle writes the
VTIMEZONEs itself (:mod:`data.ics_timezones`) because icalendar's own put a zone's
transitions in one comma-separated RDATE list, which some readers misread.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from data.agenda import duration_words, participant_with_role, place_label
from data.files import write_atomically
from data.ics_common import (
    PRODID,
    X_DURATION,
    X_NOTES,
    X_PART_OF_DAY,
    X_PARTICIPANT,
    X_PLACE,
    X_STATUS,
    X_TIME_TBC,
    X_TOPIC,
    Organizer,
    file_stem_for,
    meeting_uid,
)
from data.ics_timezones import vtimezone
from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Meeting,
    Participant,
    Place,
    Status,
    TimeTBC,
    Trip,
)

_STATUS = {
    Status.CONFIRMED: "CONFIRMED",
    Status.TENTATIVE: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True, slots=True)
class InviteReport:
    """What :func:`write_invites` did: files written, and meetings skipped with why."""

    written: tuple[Path, ...]
    skipped: tuple[tuple[str, str], ...]  # (meeting id, reason)


def export_calendar(
    trip: Trip, meeting_ids: Iterable[str] | None = None, now: datetime | None = None
) -> bytes:
    """The trip (or the chosen meetings) as one METHOD:PUBLISH calendar."""
    meetings = _chosen(trip, meeting_ids)
    calendar = _calendar("PUBLISH", trip.name)
    stamp = _stamp(now)
    for meeting in meetings:
        calendar.add_component(build_event(trip, meeting, stamp))
    _add_timezones(calendar, trip, meetings)
    return _bytes(calendar)


def invite(
    trip: Trip, meeting: Meeting, organizer: Organizer, now: datetime | None = None
) -> bytes | None:
    """One meeting as an invite (REQUEST, or CANCEL when cancelled); None without invitees."""
    invitees = [p for p in meeting.participants if p.email]
    if not invitees:
        return None
    cancel = meeting.status is Status.CANCELLED
    calendar = _calendar("CANCEL" if cancel else "REQUEST", None)
    event = build_event(trip, meeting, _stamp(now), invites=True)
    event.add("organizer", _address(organizer.email, organizer.name))
    for person in invitees:
        params = {
            "CUTYPE": "INDIVIDUAL",
            "ROLE": "OPT-PARTICIPANT"
            if person.attendance is Attendance.UNCERTAIN
            else "REQ-PARTICIPANT",
        }
        if not cancel:
            params |= {"PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
        event.add("attendee", _address(person.email or "", person.name, params))
    calendar.add_component(event)
    _add_timezones(calendar, trip, [meeting])
    return _bytes(calendar)


def write_invites(
    trip: Trip,
    directory: str | Path,
    organizer: Organizer,
    now: datetime | None = None,
    meeting_ids: Iterable[str] | None = None,
) -> InviteReport:
    """One ``<meeting id>.ics`` per meeting that has someone to invite, in ``directory``."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for meeting in _chosen(trip, meeting_ids):
        data = invite(trip, meeting, organizer, now)
        if data is None:
            skipped.append((meeting.id, "no participant has an email address"))
            continue
        path = folder / f"{file_stem_for(meeting.id)}.ics"
        write_atomically(data, path)
        written.append(path)
    return InviteReport(tuple(written), tuple(skipped))


def build_event(trip: Trip, meeting: Meeting, stamp: datetime, invites: bool = False) -> Event:
    """One VEVENT with the standard properties and Shuttle's lossless extras."""
    place = trip.place(meeting.place_id)
    event = Event()
    event.add("uid", meeting_uid(meeting.id))
    event.add("dtstamp", stamp)
    event.add("sequence", meeting.sequence)
    event.add("summary", meeting.title)
    time = meeting.time
    if isinstance(time, ExactTime):
        event.add("dtstart", time.start)
        event.add("dtend", time.end)
    else:
        last = time.end_day if isinstance(time, AllDay) else time.day
        event.add("dtstart", time.day)
        event.add("dtend", last + timedelta(days=1))
    tbc = isinstance(time, TimeTBC)
    if tbc and meeting.status is not Status.CANCELLED:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", _STATUS[meeting.status])
    event.add("location", location_text(place))
    event.add("geo", (place.lat, place.lon))
    event.add("description", description(trip, meeting, invites=invites))
    event.add("categories", ["Shuttle", place.city] if place.city else ["Shuttle"])
    if isinstance(time, TimeTBC):
        _x(event, X_TIME_TBC, "TRUE")
        if time.part_of_day is not None:
            _x(event, X_PART_OF_DAY, str(time.part_of_day))
        if time.duration is not None:
            _x(event, X_DURATION, _duration_text(time.duration))
    _x(event, X_STATUS, str(meeting.status))
    if meeting.topic:
        _x(event, X_TOPIC, meeting.topic)
    if meeting.notes:
        _x(event, X_NOTES, meeting.notes)
    for person in meeting.participants:
        _x(event, X_PARTICIPANT, _json(participant_data(person)))
    _x(event, X_PLACE, _json(place_data(place)))
    return event


def location_text(place: Place) -> str:
    """LOCATION: venue, city, country (the city only once when the venue names it)."""
    return ", ".join(p for p in (place_label(place), place.country) if p)


def description(trip: Trip, meeting: Meeting, invites: bool = False) -> str:
    """Plain text for people: topic, time if TBC, participants with roles, notes, sources."""
    parts: list[str] = []
    if meeting.topic:
        parts.append(meeting.topic)
    if isinstance(meeting.time, TimeTBC):
        parts.append(tbc_sentence(meeting.time))
    if meeting.participants:
        people = "\n".join(f"- {participant_with_role(p)}" for p in meeting.participants)
        parts.append(f"Participants:\n{people}")
        if invites:
            unreachable = [p.name for p in meeting.participants if not p.email]
            if unreachable:
                parts.append("Not invited (no email address): " + "; ".join(unreachable))
    if meeting.notes:
        parts.append(f"Notes: {meeting.notes}")
    cited = _cited_sources(trip, meeting)
    if cited:
        parts.append("Sources:\n" + "\n".join(cited))
    return "\n\n".join(parts)


def tbc_sentence(time: TimeTBC) -> str:
    """'Time to be confirmed (evening, about 3 hours)'."""
    details = [str(time.part_of_day)] if time.part_of_day is not None else []
    if time.duration is not None:
        details.append(f"about {duration_words(time.duration)}")
    return "Time to be confirmed" + (f" ({', '.join(details)})" if details else "")


def participant_data(person: Participant) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name}
    if person.role:
        data["role"] = person.role
    if person.organisation:
        data["organisation"] = person.organisation
    if person.email:
        data["email"] = person.email
    data["attendance"] = str(person.attendance)
    return data


def place_data(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "city": place.city,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "timezone": place.timezone,
        "kind": str(place.kind),
    }


def _cited_sources(trip: Trip, meeting: Meeting) -> list[str]:
    ids = meeting.cited_sources()
    lines = []
    for source_id in ids:
        try:
            source = trip.source(source_id)
        except KeyError:
            continue
        url = f" <{source.url}>" if source.url else ""
        lines.append(f"- {source.id}: {source.title}{url}")
    return lines


def _calendar(method: str, name: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", vText(name))  # escaped like any text
    return calendar


def _add_timezones(calendar: Calendar, trip: Trip, meetings: Sequence[Meeting]) -> None:
    """A VTIMEZONE for every zone a DTSTART or DTEND names, covering the years used."""
    years: dict[str, tuple[date, date]] = {}
    for meeting in meetings:
        time = meeting.time
        if not isinstance(time, ExactTime):
            continue
        for moment in (time.start, time.end):
            key = getattr(moment.tzinfo, "key", "")
            first, last = years.get(key, (moment.date(), moment.date()))
            years[key] = (min(first, moment.date()), max(last, moment.date()))
    # VTIMEZONEs go before the events that use them (some readers need them first).
    events = list(calendar.subcomponents)
    calendar.subcomponents.clear()
    for key in sorted(years):
        first, last = years[key]
        calendar.add_component(vtimezone(key, first.year, last.year))
    calendar.subcomponents.extend(events)


def _address(email: str, name: str, params: dict[str, str] | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = name
    for key, value in (params or {}).items():
        address.params[key] = value
    return address


def _x(event: Event, name: str, value: str) -> None:
    # VALUE=TEXT makes icalendar escape the text and unescape it on reading.
    event.add(name, vText(value), parameters={"VALUE": "TEXT"})


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _bytes(calendar: Calendar) -> bytes:
    data: Any = calendar.to_ical()
    assert isinstance(data, bytes)
    return data


def _duration_text(length: timedelta) -> str:
    data: Any = vDuration(length).to_ical()  # type: ignore[no-untyped-call]
    return bytes(data).decode()


def _stamp(now: datetime | None) -> datetime:
    moment = now if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return moment.astimezone(UTC).replace(microsecond=0)


def _chosen(trip: Trip, meeting_ids: Iterable[str] | None) -> list[Meeting]:
    if meeting_ids is None:
        return list(trip.meetings)
    wanted = list(dict.fromkeys(meeting_ids))
    unknown = [m for m in wanted if m not in {x.id for x in trip.meetings}]
    if unknown:
        raise KeyError(unknown[0])
    return [m for m in trip.meetings if m.id in wanted]
