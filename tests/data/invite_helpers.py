"""The sample trip with email addresses for its named participants, and what the invite
tests read back from a message."""

from __future__ import annotations

import dataclasses
import re
from email.message import EmailMessage
from email.utils import getaddresses

from icalendar import Calendar

from data.ics_common import Organizer
from data.model import Trip
from data.store import Store

ORGANIZER = Organizer("Jane Officer", "jane.officer@state.example")


def email_for(name: str) -> str:
    return re.sub(r"[^a-z]+", ".", name.lower()).strip(".") + "@example.org"


def with_emails(trip: Trip) -> Trip:
    """Every named participant gets an address; unnamed groups ("… (unnamed)") do not."""
    meetings = []
    for meeting in trip.meetings:
        people = tuple(
            p
            if "unnamed" in p.name or "not reported" in p.name
            else dataclasses.replace(p, email=email_for(p.name))
            for p in meeting.participants
        )
        meetings.append(meeting.replace(participants=people))
    return trip.replace(meetings=tuple(meetings))


def sample_store(store: Store) -> int:
    """The seeded sample trip, with emails; returns its id."""
    trip_id = store.resolve(None)
    store.update_trip(trip_id, with_emails)
    return trip_id


def invitees(trip: Trip, meeting_id: str) -> set[str]:
    meeting = trip.meeting(meeting_id)
    return {p.email for p in meeting.participants if p.email} - {ORGANIZER.email}


def calendar_part(message: EmailMessage) -> tuple[str, bytes]:
    """(method parameter, calendar bytes) of the message's text/calendar part."""
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return str(part.get_param("method")), part.get_content().encode("utf-8")


def attachment(message: EmailMessage) -> bytes:
    [part] = [p for p in message.walk() if p.get_filename() == "invite.ics"]
    content = part.get_content()
    assert isinstance(content, bytes)
    return content


def event_of(data: bytes) -> tuple[str, object]:
    """(METHOD, the one VEVENT) of a calendar."""
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    return str(calendar["METHOD"]), event


def recipients(message: EmailMessage) -> set[str]:
    return {address for _, address in getaddresses(message.get_all("To", []))}


def reply_email(invite: EmailMessage, attendee: str, partstat: str) -> bytes:
    """What a calendar program sends back: METHOD:REPLY with the one attendee's answer."""
    from icalendar import Calendar, Event, vCalAddress

    _, data = calendar_part(invite)
    _, sent = event_of(data)
    event = Event()
    for name in ("UID", "SEQUENCE", "SUMMARY", "ORGANIZER"):
        event.add(name, sent[name])
    for name in ("DTSTART", "DTEND", "DTSTAMP"):
        event.add(name, sent[name].dt)
    address = vCalAddress(f"mailto:{attendee}")
    address.params["PARTSTAT"] = partstat
    event.add("ATTENDEE", address)
    calendar = Calendar()
    calendar.add("PRODID", "-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN")
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", "REPLY")
    calendar.add_component(event)
    mail = EmailMessage()
    mail["From"] = attendee
    mail["To"] = str(ORGANIZER)
    mail["Subject"] = f"Accepted: {sent['SUMMARY']}"
    mail.set_content("Accepted.")
    mail.add_alternative(
        calendar.to_ical().decode("utf-8"), subtype="calendar", params={"method": "REPLY"}
    )
    return mail.as_bytes()
