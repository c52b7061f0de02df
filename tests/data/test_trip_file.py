import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import trip_file
from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Meeting,
    Participant,
    PartOfDay,
    Place,
    Status,
    TimeTBC,
    Trip,
)
from data.store import SAMPLE_TRIP
from data.trip_file import TripFileError


def sample_document() -> dict:
    return json.loads(SAMPLE_TRIP.read_text(encoding="utf-8"))


def load(document: dict, name: str = "bad.json") -> Trip:
    return trip_file.loads(json.dumps(document), name)


def test_sample_file_round_trips_exactly():
    trip = trip_file.read(SAMPLE_TRIP)
    assert trip_file.loads(trip_file.dumps(trip)) == trip
    assert trip_file.dumps(trip) == SAMPLE_TRIP.read_text(encoding="utf-8")


def test_write_is_atomic_and_readable(tmp_path):
    trip = trip_file.read(SAMPLE_TRIP)
    target = tmp_path / "trip.json"
    target.write_text("old content")
    trip_file.write(trip, target)
    assert trip_file.read(target) == trip
    assert [p.name for p in tmp_path.iterdir()] == ["trip.json"]  # no temp file left


def test_malformed_json_names_the_line():
    with pytest.raises(TripFileError, match=r"bad\.json at line 3, column \d+"):
        trip_file.loads('{\n "format": "shuttle-trip",\n "schema_version": 1,,\n}', "bad.json")


def test_unknown_time_zone_names_the_field_path():
    document = sample_document()
    document["trip"]["places"][2]["timezone"] = "Europe/Atlantis"
    with pytest.raises(TripFileError) as info:
        load(document)
    assert info.value.where == "trip.places[2]"
    assert "unknown time zone 'Europe/Atlantis'" in str(info.value)
    assert str(info.value).startswith("bad.json at trip.places[2]:")


def test_end_before_start_names_the_meeting():
    document = sample_document()
    document["trip"]["meetings"][3]["time"] = {
        "kind": "exact",
        "start": "2014-12-15T22:00:00+01:00[Europe/Paris]",
        "end": "2014-12-15T21:00:00+01:00[Europe/Paris]",
    }
    with pytest.raises(TripFileError, match=r"trip\.meetings\[3\]\.time: .*not after start"):
        load(document)


def test_a_reference_to_an_unknown_place_names_the_field():
    document = sample_document()
    document["trip"]["meetings"][1]["place_id"] = "atlantis"
    with pytest.raises(TripFileError) as info:
        load(document)
    assert info.value.where == "trip.meetings[1].place_id"
    assert "unknown place 'atlantis'" in info.value.what


@pytest.mark.parametrize(
    ("mutate", "where", "what"),
    [
        (lambda d: d["trip"]["meetings"][0].pop("title"), "trip.meetings[0].title", "missing"),
        (lambda d: d["trip"].update(colour="red"), "trip.colour", "unknown field"),
        (lambda d: d["trip"]["places"][0].update(lat="41.9"), "trip.places[0].lat", "number"),
        (lambda d: d["trip"]["meetings"][0].update(status="maybe"), "trip.meetings[0].status", ""),
        (lambda d: d.update(schema_version=99), "schema_version", "newer Shuttle"),
        (lambda d: d.update(format="something-else"), "format", "Shuttle trip file"),
        (lambda d: d.pop("trip"), "trip", "missing"),
    ],
)
def test_bad_fields_are_refused_with_their_path(mutate, where, what):
    document = sample_document()
    mutate(document)
    with pytest.raises(TripFileError) as info:
        load(document)
    assert info.value.where == where
    assert what in info.value.what


def test_binary_and_oversized_files_are_refused(tmp_path):
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(TripFileError, match=r"photo\.json"):
        trip_file.read(binary)
    with pytest.raises(TripFileError, match="No such file"):
        trip_file.read(tmp_path / "missing.json")


def test_non_utf8_text_is_refused():
    with pytest.raises(TripFileError, match="UTF-8"):
        trip_file.loads('{"format": "café"}'.encode("latin-1"), "latin.json")


# -- property: any valid trip survives a write and a read --------------------------------

ZONES = ["Europe/Rome", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]
# Text a trip may hold: no control characters but tab (data.model.check_text).
chars = st.characters(blacklist_categories=("Cc", "Cs")) | st.just("\t")
text = st.text(chars, min_size=1, max_size=20).filter(lambda s: s.strip())


@st.composite
def meeting_times(draw, tz: str):
    kind = draw(st.sampled_from(["exact", "tbc", "all-day"]))
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
    if kind == "tbc":
        hours = draw(st.none() | st.integers(1, 12))
        part = draw(st.none() | st.sampled_from(list(PartOfDay)))
        return TimeTBC(day, part, timedelta(hours=hours) if hours else None)
    if kind == "all-day":
        return AllDay(day, draw(st.none() | st.just(day + timedelta(days=2))))
    wall = datetime.combine(day, datetime.min.time()) + timedelta(
        minutes=draw(st.integers(0, 24 * 60 - 1))
    )
    start = wall.replace(tzinfo=ZoneInfo(tz), fold=draw(st.integers(0, 1)))
    end = start.astimezone(ZoneInfo("UTC")) + timedelta(minutes=draw(st.integers(1, 600)))
    return ExactTime(start, end.astimezone(ZoneInfo(tz)))


@st.composite
def trips(draw):
    zones = draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=3))
    places = tuple(
        Place(
            f"p{i}",
            draw(text),
            draw(text),
            draw(text),
            draw(st.floats(-90, 90)),
            draw(st.floats(-180, 180)),
            tz,
        )
        for i, tz in enumerate(zones)
    )
    meetings = []
    for i in range(draw(st.integers(0, 4))):
        where = draw(st.sampled_from(places))
        people = tuple(
            Participant(
                draw(text),
                draw(st.text(chars, max_size=10)),
                "",
                draw(st.none() | st.just(f"p{j}@example.org")),
                draw(st.sampled_from(list(Attendance))),
            )
            for j in range(draw(st.integers(0, 2)))
        )
        meetings.append(
            Meeting(
                f"m{i}",
                draw(text),
                where.id,
                draw(meeting_times(where.timezone)),
                people,
                draw(st.text(chars, max_size=30)),
                "",
                draw(st.sampled_from(list(Status))),
            )
        )
    return Trip(draw(text), draw(text), draw(st.sampled_from(ZONES)), places, tuple(meetings))


@settings(max_examples=60, deadline=None)
@given(trips())
def test_any_trip_round_trips_through_its_file(trip):
    back = trip_file.loads(trip_file.dumps(trip))
    assert back == trip
    for before, after in zip(trip.meetings, back.meetings, strict=True):
        if isinstance(before.time, ExactTime):
            # Same instant and the same zone, not merely an equal offset.
            assert after.time.start.utcoffset() == before.time.start.utcoffset()
            assert after.time.start.tzinfo.key == before.time.start.tzinfo.key
