from dataclasses import replace
from datetime import date, timedelta

import pytest

from data import trip_file
from data.model import Leg, Meeting, Status, TimeTBC
from data.store import SAMPLE_TRIP
from data.travel import (
    DEFAULT_ASSUMPTIONS,
    TravelAssumptions,
    TravelMode,
    derive_legs,
    estimate,
    mode_kind,
)

SAMPLE = trip_file.read(SAMPLE_TRIP)


def test_assumptions_are_stated_in_one_sentence():
    assert DEFAULT_ASSUMPTIONS.describe() == (
        "Estimates assume flights at 750 km/h plus 1 h 30 min at the airports in all, "
        "trains at 120 km/h, and road travel at 40 km/h, used for distances under 150 km."
    )
    with pytest.raises(ValueError, match="speed must be above zero"):
        TravelAssumptions(road_kmh=0)


def test_estimates_follow_the_assumptions():
    assert estimate(750, "flight") == timedelta(hours=2, minutes=30)
    assert estimate(343.9, "flight") == timedelta(hours=1, minutes=58)  # rounded up
    assert estimate(20, "car") == timedelta(minutes=30)
    assert estimate(240, "train") == timedelta(hours=2)
    slower = TravelAssumptions(cruise_kmh=500, airport_time=timedelta(hours=2))
    assert estimate(750, "flight", slower) == timedelta(hours=3, minutes=30)


def test_reported_modes_are_read_for_what_they_are():
    assert mode_kind("U.S. Air Force plane") is TravelMode.FLIGHT
    assert mode_kind("Eurostar") is TravelMode.TRAIN
    assert mode_kind("motorcade") is TravelMode.ROAD


def test_legs_follow_the_meetings_and_keep_what_was_stored():
    legs = derive_legs(SAMPLE)
    route = [(p.origin.id, p.destination.id, p.leg.mode, p.stored) for p in legs]
    assert route == [
        ("villa-taverna", "vatican", "road", False),
        ("vatican", "villa-taverna", "road", False),
        ("villa-taverna", "orly", "U.S. Air Force plane", True),
        ("orly", "london", "flight", True),
    ]
    assert legs[2].leg == SAMPLE.legs[0] and legs[3].leg == SAMPLE.legs[1]
    assert legs[0].leg.day == date(2014, 12, 14)  # dated on the day it leaves
    assert legs[3].km == pytest.approx(357.8, abs=0.1)
    assert legs[3].estimate == estimate(legs[3].km, "flight")
    assert (legs[3].after_meeting, legs[3].before_meeting) == (
        "kerry-2014-12-m4-paris-ministers",
        "kerry-2014-12-m5-erakat",
    )


def test_a_cancelled_meeting_is_no_stop_and_a_new_meeting_adds_a_leg():
    parolin = SAMPLE.meeting("kerry-2014-12-m2-parolin")
    cancelled = SAMPLE.replace(
        meetings=tuple(
            m.replace(status=Status.CANCELLED) if m is parolin else m for m in SAMPLE.meetings
        )
    )
    assert [p.destination.id for p in derive_legs(cancelled)] == ["orly", "london"]
    back = Meeting("back", "Back in Paris", "orly", TimeTBC(date(2014, 12, 17)))
    legs = derive_legs(SAMPLE.replace(meetings=(*SAMPLE.meetings, back)))
    assert (legs[-1].origin.id, legs[-1].destination.id, legs[-1].stored) == (
        "london",
        "orly",
        False,
    )
    assert legs[-1].leg == Leg("london", "orly", date(2014, 12, 16), mode="flight")


def test_a_leg_with_planned_times_takes_them():
    legs = derive_legs(SAMPLE)
    assert legs[3].travel_time == legs[3].estimate
    assert replace(legs[3], estimate=timedelta(hours=9)).travel_time == timedelta(hours=9)


def test_assumptions_are_kept_as_json_and_checked_when_read():
    from data.travel import assumptions_json, parse_assumptions

    value = TravelAssumptions(cruise_kmh=500.0, airport_time=timedelta(hours=3), road_kmh=50)
    assert parse_assumptions(assumptions_json(value)) == value
    for bad, message in (
        ("[]", "not a JSON object"),
        ("{", "not JSON"),
        ('{"cruise_kmh": 1}', "missing airport_minutes"),
        (assumptions_json(value)[:-1] + ', "x": 1}', "unknown x"),
        (assumptions_json(value).replace("500.0", "true"), "cruise_kmh: True is not a number"),
        (assumptions_json(value).replace("500.0", "1e300"), "out of range"),
        (assumptions_json(value).replace("500.0", "0"), "above zero"),
    ):
        with pytest.raises(ValueError, match=message):
            parse_assumptions(bad)


def test_a_move_within_one_city_reads_in_town_not_zero_km():
    from data.agenda import LegItem, leg_label
    from data.model import Place, Trip
    from data.travel import leg_summary, route_plan

    hotel = Place("hotel", "Le Royal Hotel", "Amman", "Jordan", 31.95, 35.91, "Asia/Amman")
    # Same coordinates: a venue placed at its city's centre, as the sample does.
    ministry = Place("ministry", "Foreign Ministry", "amman ", "Jordan", 31.95, 35.91, "Asia/Amman")
    cairo = Place("cairo", "Cairo", "Cairo", "Egypt", 30.04, 31.24, "Africa/Cairo")
    day = date(2015, 3, 2)
    trip = Trip(
        "T",
        "X",
        "UTC",
        (cairo, hotel, ministry),
        tuple(Meeting(f"{p}-m", p, p, TimeTBC(day)) for p in ("cairo", "hotel", "ministry")),
        (Leg("hotel", "ministry", day, mode="road"),),
    )
    to_amman, across_town = route_plan(trip)
    assert leg_summary(across_town) == "Amman: Le Royal Hotel → Foreign Ministry, in town"
    assert leg_summary(to_amman).startswith("Cairo → Amman by flight, 4")
    item = LegItem(across_town.leg, hotel, ministry, 0.0, timedelta(0), True)
    assert leg_label(item) == "Amman: Le Royal Hotel → Foreign Ministry, in town"
