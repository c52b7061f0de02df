"""Import finds a trip's places by folded name and by GEO, first in trip order
(data/ics_import.py keeps them in an index rather than folding every name per event)."""

from __future__ import annotations

from data.gazetteer import Gazetteer
from data.ics_export import location_text
from data.ics_import import merge_events
from data.ics_read import parse_ics
from data.model import Place, Trip

GAZETTEER = Gazetteer()
HALL_A = Place("hall-a", "Town Hall", "Springfield", "US", 40.0, -75.0, "America/New_York")
HALL_B = Place("hall-b", "Town Hall", "Shelbyville", "US", 41.0, -76.0, "America/New_York")
TRIP = Trip(name="T", traveller="", home_timezone="UTC", places=(HALL_A, HALL_B))


def event(uid: str, extra: str) -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20240101T000000Z\r\nSUMMARY:{uid}\r\n"
        f"DTSTART:20240105T150000Z\r\nDTEND:20240105T160000Z\r\n{extra}END:VEVENT\r\n"
    )


def imported(*events: str) -> Trip:
    data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\n" + "".join(events)
    calendar = parse_ics((data + "END:VCALENDAR\r\n").encode(), "t.ics")
    return merge_events(TRIP, calendar.events, GAZETTEER)


def test_a_name_finds_the_first_place_so_named_and_geo_chooses_among_them():
    trip = imported(
        event("by-name", "LOCATION:TOWN HALL\r\n"),
        event("by-name-and-geo", "LOCATION:town hall\r\nGEO:41.0;-76.0\r\n"),
        event("by-geo", "GEO:41.0;-76.0\r\n"),
        event("by-full-text", f"LOCATION:{location_text(HALL_B).upper()}\r\n"),
    )
    placed = {m.id: m.place_id for m in trip.meetings}
    assert placed == {
        "by-name": "hall-a",
        "by-name-and-geo": "hall-b",
        "by-geo": "hall-b",
        "by-full-text": "hall-b",  # "Town Hall, Shelbyville, US", however written
    }
    assert len(trip.places) == 2  # nothing new made


def test_a_place_made_by_one_event_is_found_by_the_next():
    trip = imported(
        event("first", "LOCATION:Qwertyuiop Hall\r\nGEO:35.0;139.0\r\n"),
        event("second", "LOCATION:qwertyuiop hall\r\nGEO:35.0;139.0\r\n"),
    )
    first, second = trip.meetings
    assert first.place_id == second.place_id
    assert len(trip.places) == 3
