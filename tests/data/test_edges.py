"""Validation at the edges: what Shuttle accepts it can show, compute and export."""

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from data import trip_file
from data.agenda import render_text
from data.ics_common import IcsError
from data.ics_export import export_calendar
from data.ics_read import parse_ics
from data.model import (
    MAX_SEQUENCE,
    AllDay,
    ExactTime,
    Meeting,
    Place,
    TimeTBC,
    Trip,
)
from data.report import ReportOptions, build_report_html
from data.store import SAMPLE_TRIP
from data.travel import route_legs
from data.trip_file import TripFileError


def sample_document() -> dict:
    return json.loads(SAMPLE_TRIP.read_text(encoding="utf-8"))


def load(document: dict) -> Trip:
    return trip_file.loads(json.dumps(document), "edge.json")


EXACT_9999 = {
    "kind": "exact",
    "start": "9999-12-31T20:00:00+01:00[Europe/Rome]",
    "end": "9999-12-31T21:00:00+01:00[Europe/Rome]",
}


@pytest.mark.parametrize(
    ("mutate", "where", "what"),
    [
        (
            lambda d: d["trip"]["meetings"][0].update(time=EXACT_9999),
            "trip.meetings[0].time",
            "outside the years 1900-2200",
        ),
        (
            lambda d: d["trip"]["meetings"][0]["time"].update(day="1066-10-14"),
            "trip.meetings[0].time",
            "outside the years",
        ),
        (
            lambda d: d["trip"]["meetings"][0]["time"].update(duration="P999999999D"),
            "trip.meetings[0].time",
            "at most 366",
        ),
        (
            lambda d: d["trip"]["meetings"][0].update(sequence=-1),
            "trip.meetings[0]",
            "sequence -1 is outside",
        ),
        (
            lambda d: d["trip"]["meetings"][0].update(sequence=2**70),
            "trip.meetings[0]",
            "outside 0..2147483647",
        ),
        (
            lambda d: d["trip"]["meetings"][0].update(title="Lavrov\x00"),
            "trip.meetings[0]",
            "U+0000",
        ),
        (
            lambda d: d["trip"].update(name="\x1b]8;;http://evil\x07Kerry\x1b[2J"),
            "trip",
            "control character U+001B",
        ),
        (
            lambda d: d["trip"]["meetings"][0].update(notes="ok\nbut \x07 rings"),
            "trip.meetings[0]",
            "U+0007",
        ),
        (lambda d: d.update(schema_version=0), "schema_version", "unknown version 0"),
        (lambda d: d.update(schema_version=-5), "schema_version", "unknown version -5"),
    ],
)
def test_values_outside_what_shuttle_can_handle_are_refused(mutate, where, what):
    document = sample_document()
    mutate(document)
    with pytest.raises(TripFileError) as info:
        load(document)
    assert info.value.where == where
    assert what in info.value.what


def test_notes_keep_their_newlines_and_tabs():
    document = sample_document()
    document["trip"]["meetings"][0]["notes"] = "line one\n\tindented"
    assert load(document).meetings[0].notes == "line one\n\tindented"


def edge_trip() -> Trip:
    """The furthest edges accepted: the first and last years, the longest spans."""
    first = Place("kiri", "Kiritimati", "", "", 1.87, -157.4, "Pacific/Kiritimati")
    last = Place("pago", "Pago Pago", "", "", -14.28, -170.7, "Pacific/Pago_Pago")
    early = datetime(1900, 1, 1, 0, 0, tzinfo=ZoneInfo("Pacific/Kiritimati"))
    late_end = datetime(2200, 12, 31, 23, 59, tzinfo=ZoneInfo("Pacific/Pago_Pago"))
    meetings = (
        Meeting("a", "First", "kiri", ExactTime(early, early + timedelta(hours=1)), sequence=0),
        Meeting(
            "b",
            "Longest",
            "pago",
            ExactTime(late_end - timedelta(days=366), late_end),
            sequence=MAX_SEQUENCE,
        ),
        Meeting("c", "Tbc", "pago", TimeTBC(date(2200, 12, 31), None, timedelta(days=366))),
        Meeting("d", "Days", "kiri", AllDay(date(1900, 1, 1), date(1901, 1, 2))),
    )
    return Trip("Edges", "", "Pacific/Kiritimati", (first, last), meetings)


@pytest.mark.parametrize("display", [None, "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_what_is_accepted_at_the_edges_can_be_shown_and_exported(display):
    trip = edge_trip()
    assert trip_file.loads(trip_file.dumps(trip)) == trip
    tz = ZoneInfo(display) if display else None
    text = render_text(trip, tz, route_legs(trip))
    assert "First" in text and "Longest" in text
    assert "Longest" in build_report_html(trip, None, ReportOptions(home_tz=tz))
    calendar = export_calendar(trip)
    events = parse_ics(calendar, "edges.ics").events
    assert [e.meeting.sequence for e in events] == [0, MAX_SEQUENCE, 0, 0]


def test_an_ics_event_beyond_the_edges_is_refused_with_its_line():
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//x//x//EN",
            "BEGIN:VEVENT",
            "UID:far@x",
            "DTSTAMP:20240101T000000Z",
            "DTSTART:99991231T200000Z",
            "DTEND:99991231T210000Z",
            "SUMMARY:Far",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    ).encode()
    with pytest.raises(IcsError, match=r"far\.ics, line 4: .*outside the years"):
        parse_ics(body, "far.ics")
    with pytest.raises(IcsError, match=r"SEQUENCE"):
        parse_ics(body.replace(b"SUMMARY:Far", b"SEQUENCE:4294967296"), "far.ics")


def test_two_dtstarts_in_one_event_are_refused_at_the_second():
    body = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:a@x\r\n"
        b"DTSTART:20240101T100000Z\r\nDTSTART:20240102T100000Z\r\nDTEND:20240101T110000Z\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(IcsError, match=r"two\.ics, line 7: DTSTART appears twice .*line 6"):
        parse_ics(body, "two.ics")
