"""A meeting from the values of the meeting editor's form: the rules, without the widgets.

:func:`build_meeting` checks the values (title, place, zone, times, participants,
sources), keeps what the meeting's facts came from (provenance the user did not remove,
participants' provenance, per-field provenance), gives a new meeting its id and new
sources theirs, and returns the meeting with the place and sources the trip lacks. Every
problem is reported at its field in one :class:`FormError`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from data.ids import new_meeting_id
from data.model import (
    Attendance,
    ExactTime,
    Meeting,
    Participant,
    PartOfDay,
    Place,
    Provenance,
    ProvenanceKind,
    Source,
    Status,
    TimeTBC,
    Trip,
    zone,
)

# The fields a problem can be reported at.
TITLE, PLACE, ZONE, TIME, PEOPLE, SOURCES = "title", "place", "zone", "time", "people", "sources"


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One participant as typed; ``provenance`` is what the row carried in, kept."""

    name: str
    role: str = ""
    organisation: str = ""
    email: str = ""
    attendance: Attendance = Attendance.CONFIRMED
    provenance: tuple[Provenance, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source as typed; ``source_id`` when it is one of the trip's sources."""

    url: str
    note: str
    source_id: str | None = None


NO_PLACE = ""  # MeetingForm.place_id of a meeting kept without a place (imported so)


@dataclass(frozen=True, slots=True)
class MeetingForm:
    title: str
    place_id: str | None  # the place chosen, maybe ``new_place``'s id, or NO_PLACE
    new_place: Place | None  # a place the user made (city, map, online) not yet in the trip
    timezone: str
    day: date
    exact: bool  # an exact start and end, else time to be confirmed
    start: time = time(9)
    end: time = time(10)
    ends_next_day: bool = False
    part_of_day: PartOfDay | None = None
    duration: timedelta | None = None
    status: Status = Status.CONFIRMED
    people: tuple[PersonRow, ...] = ()
    topic: str = ""
    notes: str = ""
    sources: tuple[SourceRow, ...] = ()
    place_problem: str = ""  # why the typed place names no place, said at the field


@dataclass(frozen=True, slots=True)
class FormResult:
    meeting: Meeting
    new_place: Place | None  # a place the trip does not have yet (or one with a new zone)
    new_sources: tuple[Source, ...]  # sources the meeting cites that the trip lacks


class FormError(ValueError):
    """The form's problems, each at its field (``problems[TITLE]`` …)."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {text}" for field, text in problems.items()))
        self.problems = problems


def build_meeting(form: MeetingForm, trip: Trip, original: Meeting | None) -> FormResult:
    """The meeting the form describes (``original`` is the one being edited, if any).

    Raises FormError with every problem found.
    """
    problems: dict[str, str] = {}
    title = form.title.strip()
    if not title:
        problems[TITLE] = "The title must not be empty."
    if form.place_id is None:
        problems[PLACE] = form.place_problem or "Type a place: a city, or a venue and its city."
    tz_name = form.timezone.strip()
    meeting_time: ExactTime | TimeTBC | None = None
    try:
        tz = zone(tz_name)
    except ValueError:
        problems[ZONE] = f"“{tz_name}” is not a known time zone (e.g. Europe/Paris)."
        tz = None
    if form.exact:
        end_day = form.day + timedelta(days=1) if form.ends_next_day else form.day
        start = datetime.combine(form.day, form.start, tzinfo=tz)
        end = datetime.combine(end_day, form.end, tzinfo=tz)
        try:
            # With a zone the check is on real instants (right across clock changes).
            meeting_time = ExactTime(start, end) if tz is not None else None
            if tz is None and end <= start:
                raise ValueError("end before start")
        except ValueError:
            problems[TIME] = "The end must be after the start."
    else:
        meeting_time = TimeTBC(form.day, form.part_of_day, form.duration or None)
    people = _with_replies(_participants(form.people, problems), original)
    cited, new_sources = _sources(form.sources, trip, problems)
    if problems or meeting_time is None or form.place_id is None:
        raise FormError(problems)
    place = None if form.place_id == NO_PLACE else _place(form, trip, tz_name)
    provenance = _keep_cited(original.provenance if original else (), set(cited))
    if new_sources:
        provenance += (
            Provenance(
                ProvenanceKind.SOURCE,
                tuple(s.id for s in new_sources),
                "added in the meeting editor",
            ),
        )
    meeting = Meeting(
        id=original.id if original else new_meeting_id(),
        title=title,
        place_id=None if form.place_id == NO_PLACE else form.place_id,
        time=meeting_time,
        participants=tuple(people),
        topic=form.topic.strip(),
        notes=form.notes.strip(),
        status=form.status,
        provenance=provenance,
        field_provenance=dict(original.field_provenance) if original else {},
        sequence=original.sequence if original else 0,
        calendar=original.calendar if original else None,  # an imported event keeps its UID
    )
    return FormResult(meeting, place, tuple(new_sources))


def _with_replies(people: list[Participant], original: Meeting | None) -> list[Participant]:
    """The answers to the invite (the form does not show them) kept, by email address."""
    if original is None:
        return people
    answers = {p.email.lower(): p.reply for p in original.participants if p.email}
    return [
        dataclasses.replace(p, reply=answers.get(p.email.lower()))
        if p.email and p.reply is None
        else p
        for p in people
    ]


def cited_sources(meeting: Meeting) -> list[str]:
    """The ids of the sources a meeting's provenance cites, in order, each once."""
    out: list[str] = []
    for item in meeting.provenance:
        for source_id in item.sources:
            if source_id not in out and item.kind == ProvenanceKind.SOURCE:
                out.append(source_id)
    return out


def _place(form: MeetingForm, trip: Trip, tz_name: str) -> Place | None:
    """The place to save with the meeting: a new one, or a known one given a new zone."""
    new = form.new_place
    place = new if new is not None and new.id == form.place_id else None
    if place is None:
        place = trip.place(form.place_id or "")
        if place.timezone == tz_name:
            return None
    return place if place.timezone == tz_name else dataclasses.replace(place, timezone=tz_name)


def _participants(rows: tuple[PersonRow, ...], problems: dict[str, str]) -> list[Participant]:
    people = []
    for number, row in enumerate(rows, 1):
        if not any(t.strip() for t in (row.name, row.role, row.organisation, row.email)):
            continue  # a row added and left empty is no participant
        try:
            people.append(
                Participant(
                    row.name.strip(),
                    row.role.strip(),
                    row.organisation.strip(),
                    row.email.strip() or None,
                    row.attendance,
                    row.provenance,
                )
            )
        except ValueError as exc:
            problems.setdefault(PEOPLE, f"Participant {number}: {exc}.")
    return people


def _sources(
    rows: tuple[SourceRow, ...], trip: Trip, problems: dict[str, str]
) -> tuple[list[str], list[Source]]:
    cited: list[str] = []
    new: list[Source] = []
    known = {s.id for s in trip.sources}
    for number, row in enumerate(rows, 1):
        url, note = row.url.strip(), row.note.strip()
        if row.source_id and row.source_id in known:
            cited.append(row.source_id)
            continue
        if url in ("", "https://") and not note:
            continue
        try:
            source = Source(_new_source_id(known), note or url, url or None, note)
        except ValueError as exc:
            problems.setdefault(SOURCES, f"Source {number}: {exc}.")
            continue
        known.add(source.id)
        new.append(source)
        cited.append(source.id)
    return cited, new


def _keep_cited(items: tuple[Provenance, ...], kept: set[str]) -> tuple[Provenance, ...]:
    """The meeting's provenance less the sources the user removed; notes stay."""
    out = []
    for item in items:
        if item.kind != ProvenanceKind.SOURCE:
            out.append(item)
            continue
        sources = tuple(s for s in item.sources if s in kept)
        if sources:
            out.append(Provenance(item.kind, sources, item.note))
    return tuple(out)


def _new_source_id(known: set[str]) -> str:
    """User-added sources are U1, U2, … (the sample's are S1…, C1…)."""
    number = 1
    while f"U{number}" in known:
        number += 1
    return f"U{number}"


def parse_clock(text: str) -> time | None:
    """A time of day as typed: "14:30", "1430", "9:05", "905", "9" (9:00), "14"; None if
    it is none. Digits alone read as hours (one or two) or H MM / HH MM (three or four)."""
    typed = text.strip().replace(".", ":").replace("h", ":")
    hours_text, colon, minutes_text = typed.partition(":")
    if not colon:
        if not typed.isdigit() or len(typed) > 4:
            return None
        hours_text, minutes_text = (typed, "") if len(typed) <= 2 else (typed[:-2], typed[-2:])
    if not hours_text.isdigit() or (minutes_text and not minutes_text.isdigit()):
        return None
    if len(hours_text) > 2 or len(minutes_text) > 2:
        return None
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def trip_people(trip: Trip) -> list[Participant]:
    """The trip's participants, each name once (as last written), most often met first."""
    seen: dict[str, Participant] = {}
    count: dict[str, int] = {}
    for meeting in trip.meetings:
        for person in meeting.participants:
            key = person.name.casefold()
            seen[key] = person
            count[key] = count.get(key, 0) + 1
    order = sorted(seen, key=lambda k: (-count[k], seen[k].name.casefold()))
    return [seen[k] for k in order]


def traveller_participant(trip: Trip) -> Participant | None:
    """The trip's traveller as a new meeting's first participant.

    The traveller is often written with a title ("John Kerry, U.S. Secretary of State"):
    a participant of the trip whose name starts it is that person (role and organisation
    as known); otherwise the text before the first comma is the name, the rest the role.
    """
    traveller = " ".join(trip.traveller.split())
    if not traveller:
        return None
    note = Provenance(ProvenanceKind.ASSUMED, note="the trip's traveller, added to a new meeting")
    for person in trip_people(trip):
        name = person.name.casefold()
        if traveller.casefold() == name or traveller.casefold().startswith(name + ","):
            return Participant(
                person.name, person.role, person.organisation, person.email, provenance=(note,)
            )
    name, _, role = traveller.partition(",")
    return Participant(name.strip(), role.strip(), provenance=(note,))
