"""A trip's meetings as iCalendar (RFC 5545): one published calendar, or one invite each.

The lines are written directly (:mod:`data.ics_writer`): going through icalendar's
objects made exporting 10,000 meetings take 4 s. Properties come in the order icalendar
wrote them (its canonical order, then alphabetical), so files still compare line for line
with earlier exports. Shuttle writes the VTIMEZONEs itself (:mod:`data.ics_timezones`)
because icalendar's own put a zone's transitions in one comma-separated RDATE list, which
some readers misread.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from data.agenda import duration_words, participant_with_role, place_label
from data.files import check_writable, write_atomically
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
from data.ics_writer import common_name, date_line, duration, encode, geo, text
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
    stamp = _stamp(now)
    lines = _calendar("PUBLISH", trip.name, meetings)
    for meeting in meetings:
        lines += build_event(trip, meeting, stamp)
    lines.append("END:VCALENDAR")
    return encode(lines)


def invite(
    trip: Trip, meeting: Meeting, organizer: Organizer, now: datetime | None = None
) -> bytes | None:
    """One meeting as an invite (REQUEST, or CANCEL when cancelled); None without invitees."""
    if not any(p.email for p in meeting.participants):
        return None
    method = "CANCEL" if meeting.status is Status.CANCELLED else "REQUEST"
    lines = _calendar(method, None, [meeting])
    lines += build_event(trip, meeting, _stamp(now), organizer)
    lines.append("END:VCALENDAR")
    return encode(lines)


def write_invites(
    trip: Trip,
    directory: str | Path,
    organizer: Organizer,
    now: datetime | None = None,
    meeting_ids: Iterable[str] | None = None,
    *,
    overwrite: bool = True,
) -> InviteReport:
    """One ``<meeting id>.ics`` per meeting that has someone to invite, in ``directory``.

    With ``overwrite=False`` nothing is written when any of the files exists already.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[tuple[Path, bytes]] = []
    skipped: list[tuple[str, str]] = []
    for meeting in _chosen(trip, meeting_ids):
        data = invite(trip, meeting, organizer, now)
        if data is None:
            skipped.append((meeting.id, "no participant has an email address"))
            continue
        path = folder / f"{file_stem_for(meeting.id)}.ics"
        check_writable(path, overwrite=overwrite)  # every file checked before any is written
        files.append((path, data))
    for path, data in files:
        write_atomically(data, path, overwrite=overwrite)
    return InviteReport(tuple(path for path, _ in files), tuple(skipped))


def build_event(
    trip: Trip, meeting: Meeting, stamp: datetime, organizer: Organizer | None = None
) -> list[str]:
    """One VEVENT's content lines: the standard properties and Shuttle's lossless extras.

    With an organizer, the event of an invite: ORGANIZER, an ATTENDEE for everyone with
    an email address, and a description that names who was not invited.
    """
    place = trip.place(meeting.place_id)
    time = meeting.time
    if isinstance(time, ExactTime):
        start, end = date_line("DTSTART", time.start), date_line("DTEND", time.end)
    else:
        last = time.end_day if isinstance(time, AllDay) else time.day
        start, end = date_line("DTSTART", time.day), date_line("DTEND", last + timedelta(days=1))
    tbc = isinstance(time, TimeTBC)
    status = (
        "TENTATIVE" if tbc and meeting.status is not Status.CANCELLED else _STATUS[meeting.status]
    )
    invites = organizer is not None
    categories = ["Shuttle", place.city] if place.city else ["Shuttle"]
    # icalendar's order: its canonical one (SUMMARY ... SEQUENCE), then alphabetical.
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(meeting.title)}",
        start,
        end,
        date_line("DTSTAMP", stamp),
        f"UID:{text(meeting_uid(meeting.id))}",
        f"SEQUENCE:{meeting.sequence}",
        *(_attendees(meeting) if invites else ()),
        f"CATEGORIES:{','.join(map(text, categories))}",
        f"DESCRIPTION:{text(description(trip, meeting, invites=invites))}",
        f"GEO:{geo(place.lat, place.lon)}",
        f"LOCATION:{text(location_text(place))}",
    ]
    if organizer is not None:
        lines.append(_address("ORGANIZER", organizer.name, organizer.email))
    lines.append(f"STATUS:{status}")
    if meeting.notes:
        lines.append(_x(X_NOTES, meeting.notes))
    lines += [_x(X_PARTICIPANT, _json(participant_data(p))) for p in meeting.participants]
    lines += [_x(X_PLACE, _json(place_data(place))), _x(X_STATUS, str(meeting.status))]
    if isinstance(time, TimeTBC):
        if time.duration is not None:
            lines.append(_x(X_DURATION, duration(time.duration)))
        if time.part_of_day is not None:
            lines.append(_x(X_PART_OF_DAY, str(time.part_of_day)))
        lines.append(_x(X_TIME_TBC, "TRUE"))
    if meeting.topic:
        lines.append(_x(X_TOPIC, meeting.topic))
    lines.append("END:VEVENT")
    return lines


def _attendees(meeting: Meeting) -> list[str]:
    """ATTENDEE lines for everyone with an email address; a CANCEL asks for no reply."""
    reply = "" if meeting.status is Status.CANCELLED else ";PARTSTAT=NEEDS-ACTION"
    lines = []
    for person in meeting.participants:
        if not person.email:
            continue
        optional = person.attendance is Attendance.UNCERTAIN
        role = "OPT-PARTICIPANT" if optional else "REQ-PARTICIPANT"
        rsvp = ";RSVP=TRUE" if reply else ""
        params = f";CUTYPE=INDIVIDUAL{reply};ROLE={role}{rsvp}"  # sorted, as icalendar did
        lines.append(_address("ATTENDEE", person.name, person.email, params))
    return lines


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


def _calendar(method: str, name: str | None, meetings: Sequence[Meeting]) -> list[str]:
    """The calendar's opening lines, and its VTIMEZONEs before any event (some readers
    need them first)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text(PRODID)}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{text(name)}")
    return lines + _timezones(meetings)


def _timezones(meetings: Sequence[Meeting]) -> list[str]:
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
    lines = []
    for key in sorted(years):
        first, last = years[key]
        lines += vtimezone(key, first.year, last.year)
    return lines


def _address(prop: str, name: str, email: str, params: str = "") -> str:
    """An ORGANIZER or ATTENDEE: the name as CN, the address as a mailto: URI."""
    return f"{prop};CN={common_name(name)}{params}:mailto:{email}"


def _x(name: str, value: str) -> str:
    # VALUE=TEXT makes readers (icalendar among them) unescape the text.
    return f"{name};VALUE=TEXT:{text(value)}"


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
