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


def test_nearest_within_a_radius_is_what_a_full_scan_finds():
    """nearest() with ``within_km`` scans a band of latitude only (data/gazetteer.py)."""
    import math
    import random

    from data.gazetteer import _haversine_km, _index, _reach_km

    _, names = _index(15000)

    def full_scan(lat: float, lon: float, within_km: float):
        nearest, nearest_km = None, math.inf
        for _, city in names:
            km = _haversine_km(lat, lon, city.lat, city.lon)
            if km <= _reach_km(city) and km <= within_km:
                return city
            if km < nearest_km:
                nearest, nearest_km = city, km
        return nearest if nearest_km <= within_km else None

    rng = random.Random(20241201)
    for _ in range(150):
        _, city = rng.choice(names)
        lat, lon = city.lat + rng.uniform(-0.7, 0.7), city.lon + rng.uniform(-0.7, 0.7)
        if rng.random() < 0.3:  # open sea and empty land too
            lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        for within_km in (5.0, 40.0, 120.0):
            assert GAZETTEER.nearest(lat, lon, within_km) == full_scan(lat, lon, within_km)
