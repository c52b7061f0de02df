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
from typing import Any, Literal

from data.agenda import duration_words, participant_with_role, where_label
from data.files import check_writable, write_atomically
from data.ics_common import (
    PRODID,
    X_DURATION,
    X_NOTES,
    X_PART_OF_DAY,
    X_PARTICIPANT,
    X_PLACE,
    X_PLACE_ID,
    X_STATUS,
    X_TIME_TBC,
    X_TOPIC,
    Organizer,
    file_stem_for,
    meeting_uid,
)
from data.ics_timezones import vtimezone
from data.ics_writer import UTC_ZONES, common_name, date_line, duration, encode, geo, text
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


Method = Literal["REQUEST", "CANCEL"]


@dataclass(frozen=True, slots=True)
class InviteReport:
    """What :func:`write_invites` did: files written, and meetings skipped with why."""

    written: tuple[Path, ...]
    skipped: tuple[tuple[str, str], ...]  # (meeting id, reason)


def export_calendar(
    trip: Trip,
    meeting_ids: Iterable[str] | None = None,
    now: datetime | None = None,
    internal: bool = False,
) -> bytes:
    """The trip (or the chosen meetings) as one METHOD:PUBLISH calendar.

    ``internal`` is for the team's own use: it adds what outsiders must not see (notes,
    participants with roles and emails, sources, and the places as stored, each once
    on the calendar), so that importing the file gives the trip back without loss.
    """
    meetings = _chosen(trip, meeting_ids)
    stamp = _stamp(now)
    lines = calendar_head("PUBLISH", trip.name, meetings)
    if internal:
        used = dict.fromkeys(m.place_id for m in meetings if m.place_id is not None)
        lines += [_x(X_PLACE, _json(place_data(trip.place(pid)))) for pid in used]
        lines += _timezones(meetings)
    else:
        lines += _timezones(meetings)
    for meeting in meetings:
        lines += build_event(trip, meeting, stamp, internal=internal, places_listed=True)
    lines.append("END:VCALENDAR")
    return encode(lines)


def invite(
    trip: Trip, meeting: Meeting, organizer: Organizer, now: datetime | None = None
) -> bytes | None:
    """One meeting as an invite (REQUEST, or CANCEL when cancelled); None without invitees."""
    if not any(p.email for p in meeting.participants):
        return None
    method: Method = "CANCEL" if meeting.status is Status.CANCELLED else "REQUEST"
    return invite_calendar(trip, meeting, organizer, method, now=now)


def invite_calendar(
    trip: Trip,
    meeting: Meeting,
    organizer: Organizer,
    method: Method,
    attendees: Sequence[Participant] | None = None,
    now: datetime | None = None,
) -> bytes:
    """A scheduling message (RFC 5546) about one meeting, for the people it goes to.

    ``method`` REQUEST invites (or updates) ``attendees``, each asked to answer; CANCEL
    tells them the meeting is off for them (a deleted or cancelled meeting, or people
    taken off it). ``attendees`` defaults to every participant with an email address;
    the meeting need not be in ``trip`` any more (a deleted one), and its SEQUENCE is
    written as given. Only what the recipients need is written: no notes, roles or
    internal data.
    """
    people = [p for p in meeting.participants if p.email] if attendees is None else list(attendees)
    lines = calendar_head(method, None, [meeting]) + _timezones([meeting])
    lines += build_event(trip, meeting, _stamp(now), organizer, method=method, attendees=people)
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
    trip: Trip,
    meeting: Meeting,
    stamp: datetime,
    organizer: Organizer | None = None,
    *,
    internal: bool = False,
    method: Method | None = None,
    attendees: Sequence[Participant] = (),
    places_listed: bool = False,
) -> list[str]:
    """One VEVENT's content lines.

    With an organizer, the event of a scheduling message (``method``): ORGANIZER and an
    ATTENDEE for each of ``attendees``. ``internal`` adds Shuttle's lossless extras, the
    place's record only by id when the calendar lists it (``places_listed``). An
    event imported from another program is written as it came (its UID, LOCATION, and
    no STATUS, GEO or DESCRIPTION it did not have), with Shuttle's changes.
    """
    place = _place(trip, meeting)
    origin = meeting.calendar
    time = meeting.time
    given = origin.given if origin is not None else _ALL_GIVEN
    if isinstance(time, ExactTime):
        start = date_line("DTSTART", exact(time.start))
        end: str | None = date_line("DTEND", exact(time.end))
        if time.end == time.start and "DTEND" not in given:
            end = None  # RFC 5545: without DTEND it ends where it starts
    else:
        last = time.end_day if isinstance(time, AllDay) else time.day
        start, end = date_line("DTSTART", time.day), date_line("DTEND", last + timedelta(days=1))
        if last == time.day and "DTEND" not in given:
            end = None  # RFC 5545: a DATE without DTEND lasts the day
    tbc = isinstance(time, TimeTBC)
    cancelled = meeting.status is Status.CANCELLED or method == "CANCEL"
    status = "TENTATIVE" if tbc and not cancelled else _STATUS[meeting.status]
    if method == "CANCEL":
        status = "CANCELLED"
    show_status = "STATUS" in given or status != "CONFIRMED"
    same_place = origin is not None and origin.place_id == meeting.place_id
    location = origin.location if same_place and origin is not None else None
    if location is None and place is not None:
        location = location_text(place)
    show_geo = place is not None and ("GEO" in given or not same_place)
    about = description(trip, meeting, internal=internal)
    show_description = bool(about) or (origin is not None and "DESCRIPTION" in given)
    categories = ["Shuttle", place.city] if place is not None and place.city else ["Shuttle"]
    uid = origin.uid if origin is not None else meeting_uid(meeting.id)
    # icalendar's order: its canonical one (SUMMARY ... SEQUENCE), then alphabetical.
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(meeting.title)}",
        start,
        *([end] if end else []),
        date_line("DTSTAMP", stamp),
        f"UID:{text(uid)}",
        *([_recurrence_id(origin.recurrence_id)] if origin and origin.recurrence_id else []),
        f"SEQUENCE:{meeting.sequence}",
        *(_attendees(attendees, organizer, method) if organizer is not None else ()),
        *([f"CATEGORIES:{','.join(map(text, categories))}"] if origin is None else []),
        *([f"DESCRIPTION:{text(about)}"] if show_description else []),
        *([f"GEO:{geo(place.lat, place.lon)}"] if show_geo and place is not None else []),
        *([f"LOCATION:{text(location)}"] if location is not None else []),
    ]
    if organizer is not None:
        lines.append(_address("ORGANIZER", organizer.name, organizer.email))
    if show_status:
        lines.append(f"STATUS:{status}")
    if tbc:
        lines.append("TRANSP:TRANSPARENT")  # a day whose hour is unknown is not all busy
    if internal and meeting.notes:
        lines.append(_x(X_NOTES, meeting.notes))
    if internal:
        lines += [_x(X_PARTICIPANT, _json(participant_data(p))) for p in meeting.participants]
        if place is not None and places_listed:
            lines.append(_x(X_PLACE_ID, place.id))
        elif place is not None:
            lines.append(_x(X_PLACE, _json(place_data(place))))
    # The meeting's own status and topic, so that Shuttle reads its export back; not in
    # invites (outsiders get the standard properties) nor added to another program's event.
    ours = internal or (origin is None and organizer is None)
    if ours:
        lines.append(_x(X_STATUS, str(meeting.status)))
    if isinstance(time, TimeTBC):
        if time.duration is not None:
            lines.append(_x(X_DURATION, duration(time.duration)))
        if time.part_of_day is not None:
            lines.append(_x(X_PART_OF_DAY, str(time.part_of_day)))
        lines.append(_x(X_TIME_TBC, "TRUE"))
    if meeting.topic and ours:
        lines.append(_x(X_TOPIC, meeting.topic))
    lines.append("END:VEVENT")
    return lines


_ALL_GIVEN = ("STATUS", "DESCRIPTION", "GEO", "DTEND")  # a meeting made in Shuttle


def exact(moment: datetime) -> datetime:
    """``moment`` as written: in UTC when its wall time falls in a repeated hour, else as
    it is. RFC 5545 (3.3.5) gives a TZID time in a repeated hour its first pass, so a
    second pass cannot be written with TZID; and readers differ even on the first
    (vobject takes the second), so neither pass is."""
    other = moment.replace(fold=1 - moment.fold)
    if other.utcoffset() != moment.utcoffset():
        return moment.astimezone(UTC)
    return moment


def _place(trip: Trip, meeting: Meeting) -> Place | None:
    try:
        return trip.place_of(meeting)
    except KeyError:  # a deleted meeting whose place went too
        return None


def _recurrence_id(value: str) -> str:
    if len(value) == 8:
        return f"RECURRENCE-ID;VALUE=DATE:{value}"
    return f"RECURRENCE-ID:{value}"


def _attendees(
    people: Sequence[Participant], organizer: Organizer, method: Method | None
) -> list[str]:
    """ATTENDEE lines; a REQUEST asks each for an answer, except the organizer, who is
    listed (if at all) as having accepted; a CANCEL asks nothing."""
    lines = []
    for person in people:
        if not person.email:
            continue
        optional = person.attendance is Attendance.UNCERTAIN
        role = "OPT-PARTICIPANT" if optional else "REQ-PARTICIPANT"
        if person.email.lower() == organizer.email.lower():
            reply = ";PARTSTAT=ACCEPTED"
        elif method == "CANCEL":
            reply = ""
        else:
            reply = ";PARTSTAT=NEEDS-ACTION"
        rsvp = ";RSVP=TRUE" if reply.endswith("NEEDS-ACTION") else ""
        params = f";CUTYPE=INDIVIDUAL{reply};ROLE={role}{rsvp}"  # sorted, as icalendar did
        lines.append(_address("ATTENDEE", person.name, person.email, params))
    return lines


def location_text(place: Place) -> str:
    """LOCATION: venue, city, country (the city only once when the venue names it)."""
    return where_label(place)


def description(trip: Trip, meeting: Meeting, internal: bool = True) -> str:
    """Plain text for people: the topic and the time if TBC; ``internal`` adds the
    participants with their roles, notes and sources."""
    parts: list[str] = []
    if meeting.topic:
        parts.append(meeting.topic)
    if isinstance(meeting.time, TimeTBC):
        parts.append(tbc_sentence(meeting.time))
    if not internal:
        return "\n\n".join(parts)
    if meeting.participants:
        people = "\n".join(f"- {participant_with_role(p)}" for p in meeting.participants)
        parts.append(f"Participants:\n{people}")
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
    if person.reply is not None:
        data["reply"] = str(person.reply)
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


def calendar_head(method: str, name: str | None, meetings: Sequence[Meeting]) -> list[str]:
    """The calendar's opening lines (its VTIMEZONEs follow, before any event: some
    readers need them first)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text(PRODID)}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{text(name)}")
    return lines


def _timezones(meetings: Sequence[Meeting]) -> list[str]:
    """A VTIMEZONE for every zone a DTSTART or DTEND names, covering the years used."""
    years: dict[str, tuple[date, date]] = {}
    for meeting in meetings:
        time = meeting.time
        if not isinstance(time, ExactTime):
            continue
        for moment in (exact(time.start), exact(time.end)):
            key = getattr(moment.tzinfo, "key", "")
            if moment.tzinfo is UTC or key in UTC_ZONES:
                continue
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
    wanted = dict.fromkeys(meeting_ids)
    known = {x.id for x in trip.meetings}
    unknown = [m for m in wanted if m not in known]
    if unknown:
        raise KeyError(unknown[0])
    return [m for m in trip.meetings if m.id in wanted]
