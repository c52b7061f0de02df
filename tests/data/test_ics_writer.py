"""The .ics writer: lines folded and values formatted as icalendar writes them, escaped
text and parameters that icalendar reads back unchanged, and exported calendars that
icalendar reads to the trip's own values."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, vDuration, vGeo, vUTCOffset
from icalendar.parser.string import _foldline
from icalendar.timezone.tzid import tzid_from_tzinfo

from data import trip_file
from data.ics_common import X_PARTICIPANT, X_PLACE, X_PLACE_ID, Organizer
from data.ics_export import (
    description,
    export_calendar,
    invite,
    location_text,
    participant_data,
    place_data,
)
from data.ics_writer import (
    UTC_ZONES,
    common_name,
    date_line,
    duration,
    encode,
    fold,
    geo,
    param,
    text,
    utc_offset,
)
from data.model import Attendance, ExactTime, Participant, Status, TimeTBC
from data.store import SAMPLE_TRIP
from tests.data.ics_helpers import PINNED, dst_trip

# Characters that escaping, caret encoding or folding treat specially, mixed into any text.
AWKWARD = ["\\", ";", ",", ":", '"', "^", "'", "’", "\t", "é", "中", "😀", "\\n", "\\N", "^n", "^'"]
BREAKS = ["\r\n", "\n", "\r"]


def texts(*, breaks: bool, exclude: str = "") -> st.SearchStrategy[str]:
    """Any text (every code point but surrogates), with awkward characters mixed in."""
    chars = st.characters(codec="utf-8", exclude_characters="\r\n" + exclude)
    extra = [s for s in AWKWARD + BREAKS * breaks if not set(s) & set(exclude)]
    return st.lists(chars | st.sampled_from(extra), max_size=300).map("".join)


def read_back(*lines: str) -> Event:
    """icalendar's reading of one VEVENT holding ``lines``."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:1"]
    data = encode([*head, *lines, "END:VEVENT", "END:VCALENDAR"])
    [event] = Calendar.from_ical(data).walk("VEVENT")
    return event


def icalendar_line(name: str, value: object) -> str:
    """The content line icalendar writes for ``value``."""
    event = Event()
    event.add(name, value)
    return event.to_ical().decode().split("\r\n")[1]


# -- folding -----------------------------------------------------------------------------------


@settings(max_examples=400)
@given(texts(breaks=False))
def test_folding_fits_75_octets_and_unfolds_to_the_line_as_icalendar_folds_it(line):
    folded = fold(line)
    assert folded == _foldline(line)
    physical = folded.encode().split(b"\r\n")
    for index, part in enumerate(physical):
        assert len(part) <= 75
        part.decode()  # a split UTF-8 sequence would not decode
        assert index == 0 or part.startswith(b" ")
    assert folded.replace("\r\n ", "") == line


def test_folding_keeps_escapes_and_characters_whole():
    assert fold("x" * 74) == "x" * 74
    assert fold("x" * 75) == "x" * 74 + "\r\n x"
    # An escape's backslash or caret moves to the next segment (icalendar issue #1501).
    assert fold("x" * 73 + "\\nyz") == "x" * 73 + "\r\n \\nyz"
    assert fold("x" * 73 + "^nyz") == "x" * 73 + "\r\n ^nyz"
    # A four-octet character that would cross the 74th octet moves whole.
    assert fold("x" * 72 + "😀z") == "x" * 72 + "\r\n 😀z"


def test_encode_ends_every_line_with_crlf():
    assert encode(["BEGIN:VCALENDAR", "END:VCALENDAR"]) == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


# -- escaping ----------------------------------------------------------------------------------


def test_text_escapes_as_rfc_5545_says():
    assert text("a\\b;c,d\ne\r\nf\rg:h") == "a\\\\b\\;c\\,d\\ne\\nf\\ng:h"
    # A literal backslash-N is text like any other (icalendar would write a line break).
    assert text("C:\\New") == "C:\\\\New"


@settings(max_examples=300)
@given(texts(breaks=True))
def test_text_reads_back_through_icalendar(value):
    event = read_back(f"SUMMARY:{text(value)}", f"X-NOTE;VALUE=TEXT:{text(value)}")
    expected = value.replace("\r\n", "\n").replace("\r", "\n")  # every break is a \n
    assert str(event["SUMMARY"]) == expected
    assert str(event["X-NOTE"]) == expected


def test_parameters_are_caret_encoded_and_quoted():
    assert common_name('He said "hi"^ ok\nnext') == "\"He said ^'hi^'^^ ok^nnext\""
    assert common_name('a"b') == "a^'b"  # quoted only for a space, ' or a tab, as icalendar did
    assert param("Doe, Jane") == '"Doe, Jane"'
    assert param("a;b") == '"a;b"' and param("http://x") == '"http://x"'
    assert param("Europe/Rome") == "Europe/Rome"
    assert param("a\x00b\x7fc\td") == "abc\td"  # no parameter value may hold controls


# icalendar reads \; \, \: and \\ in a parameter value as escapes, which RFC 5545 does not
# have: backslashes are left out here, the one thing it cannot read back as written.
@settings(max_examples=300)
@given(texts(breaks=True, exclude="\\"))
@example("\r\x1f\n")  # a control between CR and LF: one line break, as read back
def test_a_cn_reads_back_through_icalendar(name):
    address = f"ATTENDEE;CN={common_name(name)};ROLE=REQ-PARTICIPANT:mailto:a@example.org"
    organizer = f"ORGANIZER;CN={common_name(name)}:mailto:b@example.org"
    event = read_back(address, organizer)
    kept = "".join(c for c in name if c in "\t\r\n" or not (c < " " or c == "\x7f"))
    expected = kept.replace("\r\n", "\n").replace("\r", "\n").replace("\n", os.linesep)
    assert event["ATTENDEE"].params["CN"] == expected
    assert event["ATTENDEE"].params["ROLE"] == "REQ-PARTICIPANT"
    assert event["ORGANIZER"].params["CN"] == expected


# -- values as icalendar writes them -----------------------------------------------------------

ZONES = sorted(available_timezones())


@given(st.timedeltas(timedelta(hours=-26), timedelta(hours=26)))
def test_utc_offsets_as_icalendar_writes_them(offset):
    assert utc_offset(offset) == vUTCOffset(offset).to_ical()


@given(st.timedeltas(timedelta(days=-40), timedelta(days=40)))
def test_durations_as_icalendar_writes_them(length):
    assert duration(length) == vDuration(length).to_ical().decode()


@given(st.floats(-90, 90), st.floats(-180, 180))
def test_geo_as_icalendar_writes_it(lat, lon):
    assert geo(lat, lon) == vGeo((lat, lon)).to_ical()


@given(st.dates() | st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)))
def test_dates_and_floating_times_as_icalendar_writes_them(value):
    assert date_line("DTSTART", value) == icalendar_line("DTSTART", value)


@settings(max_examples=300)
@given(st.datetimes(datetime(1890, 1, 1), datetime(2100, 1, 1)), st.sampled_from(ZONES))
def test_zoned_times_as_icalendar_writes_them_and_reads_them(wall, key):
    moment = wall.replace(tzinfo=ZoneInfo(key))
    line = date_line("DTSTART", moment)
    read = read_back(line)["DTSTART"].dt
    assert read.replace(tzinfo=None) == wall.replace(microsecond=0)
    if key in UTC_ZONES:
        assert line.endswith("Z") and read.utcoffset() == timedelta(0)
    else:
        assert line.startswith(f"DTSTART;TZID={key}:") and read.tzinfo.key == key
    # icalendar writes the wall time of a zone it deems equal to UTC (Africa/Abidjan,
    # Atlantic/Reykjavik) with Z, wrongly before they were on UTC; only there we differ.
    if tzid_from_tzinfo(ZoneInfo(key)) != "UTC" or key in UTC_ZONES:
        assert line == icalendar_line("DTSTART", moment)


# -- whole calendars, read by icalendar --------------------------------------------------------


def _values(event: Event, name: str) -> list:
    found = event.get(name, [])
    return found if isinstance(found, list) else [found]


@pytest.mark.parametrize("which", ["dst", "sample"])
def test_icalendar_reads_an_export_to_the_trips_values(which):
    trip = dst_trip() if which == "dst" else trip_file.read(SAMPLE_TRIP)
    calendar = Calendar.from_ical(export_calendar(trip, now=PINNED, internal=True))
    events = calendar.walk("VEVENT")
    places = {json.loads(str(v))["id"]: json.loads(str(v)) for v in _values(calendar, X_PLACE)}
    assert [str(e["UID"]) for e in events] == [f"{m.id}@shuttle" for m in trip.meetings]
    for event, meeting in zip(events, trip.meetings, strict=True):
        place = trip.place(meeting.place_id)
        assert str(event["SUMMARY"]) == meeting.title
        assert str(event.get("DESCRIPTION", "")) == description(trip, meeting)
        assert str(event["LOCATION"]) == location_text(place)
        assert (event["GEO"].latitude, event["GEO"].longitude) == (place.lat, place.lon)
        assert event["SEQUENCE"] == meeting.sequence
        assert event["DTSTAMP"].dt == PINNED
        if isinstance(meeting.time, ExactTime):
            assert event["DTSTART"].dt == meeting.time.start
            assert event["DTEND"].dt == meeting.time.end
            assert event["DTSTART"].dt.tzinfo.key == place.timezone
        else:
            assert event["DTSTART"].dt == meeting.time.day
        tentative = isinstance(meeting.time, TimeTBC) and meeting.status is not Status.CANCELLED
        assert str(event["STATUS"]) == ("TENTATIVE" if tentative else meeting.status.name)
        stored = [json.loads(str(v)) for v in _values(event, X_PARTICIPANT)]
        assert stored == [participant_data(p) for p in meeting.participants]
        assert places[str(event[X_PLACE_ID])] == place_data(place)


def test_icalendar_reads_invites_to_the_people_invited():
    trip = dst_trip()
    jane = Participant('Jane "JD" Doe; ^envoy^', email="jd@example.org")
    aide = Participant("Aide\tTwo", email="aide@example.org", attendance=Attendance.UNCERTAIN)
    meeting = trip.meeting("london-winter")
    meeting = meeting.replace(participants=(*meeting.participants, jane, aide))
    organizer = Organizer("Doe, Jane: (Shuttle)", "jane.doe@example.org")
    [event] = Calendar.from_ical(invite(trip, meeting, organizer, PINNED) or b"").walk("VEVENT")
    assert event["ORGANIZER"].params["CN"] == organizer.name
    assert str(event["ORGANIZER"]) == "mailto:jane.doe@example.org"
    attendees = _values(event, "ATTENDEE")
    invited = [p for p in meeting.participants if p.email]
    assert [a.params["CN"] for a in attendees] == [p.name for p in invited]
    assert [str(a) for a in attendees] == [f"mailto:{p.email}" for p in invited]
    assert attendees[-1].params["ROLE"] == "OPT-PARTICIPANT"
    # Everyone is asked to answer but the organizer, who is there as having accepted.
    assert [a.params.get("RSVP") for a in attendees] == [None, "TRUE", "TRUE", "TRUE"]
    assert attendees[0].params["PARTSTAT"] == "ACCEPTED"
