"""What Send Invites would send: per meeting and attendee, new, update, cancel or nothing.

The invitation record (:class:`data.store.SentInvitation`, one row per meeting and
attendee address) holds what each attendee was last sent. Against it a meeting's attendees are:

- *new*: never invited (or re-invited after a CANCEL);
- *update*: invited, but the meeting's SEQUENCE rose or what they were shown changed;
- *cancel*: invited, and the meeting was cancelled or deleted, or they were removed;
- unchanged: nothing to send (sent again only when resending on purpose).

Participants without an email address cannot be invited and are listed as such.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from icalendar import Calendar, vCalAddress

from data.agenda import (
    home_time_label,
    local_time_label,
    place_label,
    tbc_words,
    where_label,
)
from data.ics_common import Organizer
from data.ics_export import invite, location_text
from data.model import ExactTime, Meeting, Participant, Status, TimeTBC, Trip
from data.store import SentInvitation

REQUEST, CANCEL = "REQUEST", "CANCEL"


class Kind(StrEnum):
    NEW = "new"
    UPDATE = "update"
    CANCEL = "cancel"
    RESEND = "resend"


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """The readable part of an invite; kept in the record for a later CANCEL."""

    title: str
    day: date
    when: str  # local time with zone
    home: str  # the same time at the trip's home
    home_zone: str
    place: str  # venue, city, country
    short_place: str  # venue and city, for the subject
    participants: tuple[str, ...]

    def to_json(self) -> str:
        data = {
            "title": self.title,
            "day": self.day.isoformat(),
            "when": self.when,
            "home": self.home,
            "home_zone": self.home_zone,
            "place": self.place,
            "short_place": self.short_place,
            "participants": list(self.participants),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> MeetingSummary:
        data: dict[str, Any] = json.loads(text)
        return cls(
            str(data["title"]),
            date.fromisoformat(data["day"]),
            str(data["when"]),
            str(data["home"]),
            str(data["home_zone"]),
            str(data["place"]),
            str(data["short_place"]),
            tuple(str(p) for p in data["participants"]),
        )


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message to write: a meeting's invite (or CANCEL) for some of its attendees."""

    meeting_id: str
    uid: str
    kind: Kind
    recipients: tuple[Recipient, ...]
    calendar: bytes
    summary: MeetingSummary
    sequence: int
    digest: str

    @property
    def method(self) -> str:
        return CANCEL if self.kind is Kind.CANCEL else REQUEST

    def records(self, emails: Iterable[str], now: datetime) -> list[SentInvitation]:
        """The record's rows for the recipients (by address) that accepted it."""
        wanted = {e.lower() for e in emails}
        return [
            SentInvitation(
                self.uid,
                r.email.lower(),
                self.meeting_id,
                r.name,
                self.method,
                self.sequence,
                self.digest,
                self.calendar.decode("utf-8"),
                self.summary.to_json(),
                now,
            )
            for r in self.recipients
            if r.email.lower() in wanted
        ]


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A meeting whose attendees already hold what it is now."""

    meeting_id: str
    title: str
    recipients: tuple[Recipient, ...]


@dataclass(frozen=True, slots=True)
class NoEmail:
    """Participants of a meeting who cannot be invited: no email address."""

    meeting_id: str
    title: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InvitePlan:
    scope: str  # "the whole trip (6 meetings)" or "2 selected meetings"
    deliveries: tuple[Delivery, ...]
    unchanged: tuple[Unchanged, ...]
    no_email: tuple[NoEmail, ...]

    @property
    def recipient_count(self) -> int:
        return sum(len(d.recipients) for d in self.deliveries)


def plan_invites(
    trip: Trip,
    sent: Sequence[SentInvitation],
    organizer: Organizer,
    meeting_ids: Iterable[str] | None = None,
    *,
    resend: bool = False,
    now: datetime | None = None,
) -> InvitePlan:
    """What to send for the trip, or for the chosen meetings, given the record ``sent``.

    Meetings deleted since their invites went out get a CANCEL only when the whole trip
    is chosen (a deleted meeting cannot be selected).
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    by_meeting: dict[str, dict[str, SentInvitation]] = {}
    for row in sent:
        by_meeting.setdefault(row.meeting_id, {})[row.email.lower()] = row
    if meeting_ids is None:
        chosen = list(trip.meetings)
        scope = f"the whole trip ({len(chosen)} meeting{'s' if len(chosen) != 1 else ''})"
    else:
        wanted = list(dict.fromkeys(meeting_ids))
        known = {m.id for m in trip.meetings}
        unknown = [m for m in wanted if m not in known]
        if unknown:
            raise KeyError(unknown[0])
        chosen = [m for m in trip.meetings if m.id in wanted]
        scope = f"{len(chosen)} selected meeting{'s' if len(chosen) != 1 else ''}"
    deliveries: list[Delivery] = []
    unchanged: list[Unchanged] = []
    no_email: list[NoEmail] = []
    for meeting in chosen:
        records = by_meeting.get(meeting.id, {})
        missing = tuple(p.name for p in meeting.participants if not p.email)
        if missing:
            no_email.append(NoEmail(meeting.id, meeting.title, missing))
        found = _plan_meeting(trip, meeting, records, organizer, resend, moment)
        deliveries += found[0]
        if found[1]:
            unchanged.append(Unchanged(meeting.id, meeting.title, found[1]))
    if meeting_ids is None:
        present = {m.id for m in trip.meetings}
        for meeting_id, records in by_meeting.items():
            if meeting_id not in present:
                deliveries += _cancel_removed(records.values(), moment, deleted=True)
    return InvitePlan(scope, tuple(deliveries), tuple(unchanged), tuple(no_email))


def _plan_meeting(
    trip: Trip,
    meeting: Meeting,
    records: dict[str, SentInvitation],
    organizer: Organizer,
    resend: bool,
    now: datetime,
) -> tuple[list[Delivery], tuple[Recipient, ...]]:
    """The deliveries for one meeting, and who holds it unchanged."""
    invitees = attendees(meeting, organizer)
    digest = meeting_digest(trip, meeting, invitees)
    summary = summarise(trip, meeting)
    invited = {e: r for e, r in records.items() if r.method == REQUEST}
    removed = [r for e, r in invited.items() if e not in {i.email.lower() for i in invitees}]
    out = _cancel_removed(removed, now, deleted=False)
    calendar = invite(trip, meeting, organizer, now)
    if calendar is None or not invitees:
        return out, ()
    sequence = _sequence_to_send(meeting, records.values(), digest)
    if sequence != meeting.sequence:
        calendar = _with_sequence(calendar, sequence)
    uid = uid_of(calendar)
    groups: dict[Kind, list[Recipient]] = {kind: [] for kind in Kind}
    for person in invitees:
        row = invited.get(person.email.lower())
        if meeting.status is Status.CANCELLED:
            if row is not None:
                groups[Kind.CANCEL].append(person)
        elif row is None:
            groups[Kind.NEW].append(person)
        elif row.sequence < sequence or row.digest != digest:
            groups[Kind.UPDATE].append(person)
        else:
            groups[Kind.RESEND].append(person)
    held = tuple(groups[Kind.RESEND])
    if not resend:
        groups[Kind.RESEND] = []
    for kind, people in groups.items():
        if people:
            delivery = Delivery(
                meeting.id, uid, kind, tuple(people), calendar, summary, sequence, digest
            )
            out.append(delivery)
    return out, () if resend else held


def _sequence_to_send(meeting: Meeting, records: Iterable[SentInvitation], digest: str) -> int:
    """The meeting's SEQUENCE, unless an attendee holds a higher one from this record.

    That happens once a meeting comes back after its CANCEL (a deletion undone): the new
    REQUEST must outrank the CANCEL, so it goes out above the store's SEQUENCE, and each
    later change must outrank that in turn.
    """
    rows = list(records)
    floor = max([meeting.sequence] + [r.sequence + (r.method == CANCEL) for r in rows])
    held = [r for r in rows if r.method == REQUEST]
    ahead = any(r.sequence > meeting.sequence for r in held)
    if ahead and any(r.digest != digest for r in held):
        return max(r.sequence for r in held) + 1
    return floor


def _with_sequence(calendar: bytes, sequence: int) -> bytes:
    return re.sub(rb"\r\nSEQUENCE:\d+\r\n", b"\r\nSEQUENCE:%d\r\n" % sequence, calendar, count=1)


def uid_of(calendar: bytes) -> str:
    """The UID an invite carries (a meeting imported from elsewhere keeps its own)."""
    for line in calendar.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").split(b"\r\n"):
        if line.startswith(b"UID:"):
            return line[4:].decode("utf-8")
    raise ValueError("the invite has no UID")


def attendees(meeting: Meeting, organizer: Organizer) -> tuple[Recipient, ...]:
    """Who an invite goes to: participants with an email address, once each, not the
    organizer (who holds the meeting already)."""
    seen = {organizer.email.lower()}
    out = []
    for person in meeting.participants:
        if person.email and person.email.lower() not in seen:
            seen.add(person.email.lower())
            out.append(Recipient(person.name, person.email))
    return tuple(out)


def _cancel_removed(
    rows: Iterable[SentInvitation], now: datetime, *, deleted: bool
) -> list[Delivery]:
    """CANCELs, from the calendar last sent, for attendees whose invite is void: the
    meeting is gone (``deleted``: its SEQUENCE rises) or they were taken off it."""
    live = sorted((r for r in rows if r.method == REQUEST), key=lambda r: r.email)
    out: list[Delivery] = []
    # Attendees who hold different versions get the CANCEL of the one they hold.
    versions: dict[tuple[int, str], list[SentInvitation]] = {}
    for row in live:
        versions.setdefault((row.sequence, row.digest), []).append(row)
    for (held, _), group in versions.items():
        people = tuple(Recipient(r.name, r.email) for r in group)
        sequence = held + (1 if deleted else 0)
        latest = max(group, key=lambda r: r.sent_at)
        calendar = cancel_calendar(latest.calendar, people, sequence, now)
        first = latest
        summary = MeetingSummary.from_json(first.summary)
        meeting_id, uid, digest = first.meeting_id, first.uid, first.digest
        out.append(
            Delivery(meeting_id, uid, Kind.CANCEL, people, calendar, summary, sequence, digest)
        )
    return out


def cancel_calendar(text: str, people: Sequence[Recipient], sequence: int, now: datetime) -> bytes:
    """A METHOD:CANCEL of a calendar sent before, to ``people`` only, asking no reply."""
    calendar = Calendar.from_ical(text)
    calendar.pop("METHOD", None)
    calendar.add("METHOD", CANCEL)
    emails = {p.email.lower() for p in people}
    for event in calendar.walk("VEVENT"):
        for name in ("SEQUENCE", "DTSTAMP", "STATUS"):
            event.pop(name, None)
        event.add("SEQUENCE", sequence)
        event.add("DTSTAMP", now.astimezone(UTC))
        event.add("STATUS", "CANCELLED")
        found = event.pop("ATTENDEE", [])
        for address in found if isinstance(found, list) else [found]:
            if _address(address) in emails:
                for param in ("PARTSTAT", "RSVP"):
                    address.params.pop(param, None)
                event.add("ATTENDEE", address)
    data: bytes = calendar.to_ical()
    return data


def _address(value: vCalAddress) -> str:
    text = str(value)
    return text[7:].lower() if text.lower().startswith("mailto:") else text.lower()


def meeting_digest(trip: Trip, meeting: Meeting, invitees: Sequence[Recipient]) -> str:
    """A fingerprint of what an attendee is shown: a change means an update is due.

    Attendance and notes are left out: an answer coming back must not cause a new round.
    """
    place = trip.place_of(meeting)
    data = {
        "title": meeting.title,
        "time": _time_key(meeting),
        "place": [location_text(place), place.lat, place.lon, place.timezone] if place else None,
        "status": str(meeting.status),
        "topic": meeting.topic,
        "attendees": [[p.email.lower(), p.name] for p in invitees],
        "others": [p.name for p in meeting.participants if not p.email],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _time_key(meeting: Meeting) -> list[str]:
    time = meeting.time
    if isinstance(time, ExactTime):
        return ["exact", time.start.isoformat(), time.end.isoformat(), str(time.start.tzinfo)]
    if isinstance(time, TimeTBC):
        return ["tbc", time.day.isoformat(), str(time.part_of_day), str(time.duration)]
    return ["all-day", time.day.isoformat(), time.end_day.isoformat()]


def summarise(trip: Trip, meeting: Meeting) -> MeetingSummary:
    """The words of an invite's text: local time with zone, home time, place, people."""
    place = trip.place_of(meeting)
    time = meeting.time
    day = f"{meeting.day:%a %d %b %Y}"
    if isinstance(time, ExactTime):
        zone = getattr(time.start.tzinfo, "key", "")
        when = f"{day}, {local_time_label(meeting)} ({zone})"
    elif isinstance(time, TimeTBC):
        when = f"{day}, {tbc_words(time)}"
    else:
        when = f"{day}, {local_time_label(meeting)}"
    return MeetingSummary(
        meeting.title,
        meeting.day,
        when,
        home_time_label(meeting, trip),
        trip.home_timezone,
        where_label(place),
        place_label(place) if place else where_label(None),
        tuple(_person(p) for p in meeting.participants),
    )


def _person(person: Participant) -> str:
    """A participant as invitees see them: name and role, not the team's own notes (such
    as whose attendance is uncertain)."""
    role = ", ".join(p for p in (person.role, person.organisation) if p)
    return f"{person.name} ({role})" if role else person.name
