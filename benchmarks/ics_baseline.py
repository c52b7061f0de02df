"""The baselines for .ics: the same events written with icalendar in the fewest lines,
and icalendar's own parse of the exported file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from data.ics_common import meeting_uid
from data.model import ExactTime, Trip


def plain_export(trip: Trip, stamp: datetime) -> bytes:
    """Each meeting as a VEVENT with its times, place and text; icalendar's VTIMEZONEs."""
    calendar = Calendar()
    calendar.add("prodid", "-//bench//EN")
    calendar.add("version", "2.0")
    for meeting in trip.meetings:
        place = trip.place(meeting.place_id)
        event = Event()
        event.add("uid", meeting_uid(meeting.id))
        event.add("dtstamp", stamp)
        event.add("summary", meeting.title)
        time = meeting.time
        if isinstance(time, ExactTime):
            event.add("dtstart", time.start)
            event.add("dtend", time.end)
        else:
            event.add("dtstart", time.day)
            event.add("dtend", time.day + timedelta(days=1))
        event.add("location", f"{place.name}, {place.city}, {place.country}")
        event.add("geo", (place.lat, place.lon))
        event.add("description", meeting.topic)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def plain_parse(data: bytes) -> int:
    """icalendar's parse of the file: the calendar and its events."""
    calendar = Calendar.from_ical(data)
    return len(calendar.walk("VEVENT"))


STAMP = datetime(2025, 1, 1, tzinfo=UTC)
