"""Store operations for planning: trip details and dates, places, legs, restoring meetings."""

import json
import sqlite3
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from data import trip_file
from data.model import ExactTime, Leg, Meeting, Place, TimeTBC, Trip, upsert
from data.store import (
    MIGRATIONS,
    SAMPLE_TRIP,
    SCHEMA_VERSION,
    STORE_FILE,
    Changes,
    Store,
    StoreError,
)
from tests.data.test_store import dump

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


@pytest.fixture
def unchanged(tmp_path, store):
    """Asserts, after the test body, that the store file is exactly as it was before."""
    before = dump(tmp_path / STORE_FILE)
    yield
    assert dump(tmp_path / STORE_FILE) == before


def paris_place(place_id="elysee", timezone="Europe/Paris"):
    return Place(place_id, "Élysée Palace", "Paris", "France", 48.8704, 2.3167, timezone)


def test_explicit_dates_decide_first_and_last_day():
    meeting = Meeting("m", "Talks", "p", TimeTBC(date(2025, 3, 4)))
    trip = Trip("T", "X", "UTC", places=(paris_place("p"),), meetings=(meeting,))
    assert (trip.first_day, trip.last_day) == (date(2025, 3, 4), date(2025, 3, 4))
    dated = trip.replace(start_day=date(2025, 3, 1), end_day=date(2025, 3, 9))
    assert (dated.first_day, dated.last_day) == (date(2025, 3, 1), date(2025, 3, 9))
    with pytest.raises(ValueError, match=r"ends .* before it starts"):
        trip.replace(start_day=date(2025, 3, 9), end_day=date(2025, 3, 1))


def test_new_fields_round_trip_and_old_files_still_write_back_unchanged():
    old = SAMPLE_TRIP.read_text(encoding="utf-8")
    trip = trip_file.loads(old)
    assert trip.start_day is None and all(leg.depart is None for leg in trip.legs)
    assert trip_file.dumps(trip) == old  # no new keys appear in an old file
    leg = trip.legs[1].replace(
        depart=datetime(2014, 12, 15, 23, 30, tzinfo=PARIS),
        arrive=datetime(2014, 12, 15, 23, 45, tzinfo=ZoneInfo("Europe/London")),
    )
    planned = trip.replace(start_day=date(2014, 12, 14), end_day=date(2014, 12, 17))
    planned = planned.replace(legs=(trip.legs[0], leg))
    text = trip_file.dumps(planned)
    assert '"start_day": "2014-12-14"' in text
    assert '"depart": "2014-12-15T23:30:00+01:00[Europe/Paris]"' in text
    assert trip_file.loads(text) == planned
    assert leg.duration is not None and leg.duration.total_seconds() == 75 * 60


def test_leg_times_must_be_in_their_places_zones_and_in_order():
    trip = trip_file.read(SAMPLE_TRIP)
    wrong_zone = trip.legs[1].replace(depart=datetime(2014, 12, 15, 23, tzinfo=ZoneInfo("UTC")))
    with pytest.raises(ValueError, match=r"legs\[1\].depart: timed in UTC"):
        trip.replace(legs=(trip.legs[0], wrong_zone))
    with pytest.raises(ValueError, match="not after departure"):
        Leg(
            "a",
            "b",
            date(2025, 1, 1),
            depart=datetime(2025, 1, 1, 12, tzinfo=PARIS),
            arrive=datetime(2025, 1, 1, 11, tzinfo=PARIS),
        )


def test_create_trip_with_dates_shows_in_the_trips_list(store):
    changes = store.create_trip(
        " Gulf tour ", "Envoy", "Asia/Dubai", date(2025, 5, 2), date(2025, 5, 6)
    )
    assert changes.trip
    row = next(t for t in store.trips() if t.id == changes.trip_id)
    assert (row.name, row.first_day, row.last_day, row.meeting_count) == (
        "Gulf tour",
        date(2025, 5, 2),
        date(2025, 5, 6),
        0,
    )
    trip = store.load_trip(changes.trip_id)
    assert (trip.home_timezone, trip.start_day, trip.end_day) == (
        "Asia/Dubai",
        date(2025, 5, 2),
        date(2025, 5, 6),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Kerry", "X", "UTC"), "already in the store"),
        (("New", "X", "Europe/Atlantis"), "unknown time zone 'Europe/Atlantis'"),
        (("New", "X", "UTC", date(2025, 5, 6), date(2025, 5, 2)), "before it starts"),
        (("  ", "X", "UTC"), "trip name must not be empty"),
    ],
)
def test_create_trip_refusals_leave_the_store_as_it_was(store, unchanged, args, message):
    if args[0] == "Kerry":
        args = (store.trips()[0].name, *args[1:])
    with pytest.raises(StoreError, match=message):
        store.create_trip(*args)


def test_a_version_1_store_gains_trip_dates(tmp_path):
    path = tmp_path / STORE_FILE
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute(
            "INSERT INTO trips (name, traveller, home_timezone, notes, created_at)"
            " VALUES ('Old', 'X', 'UTC', '', '2025-01-01T00:00:00+00:00')"
        )
        db.execute("PRAGMA user_version = 1")
    with Store.connect(path, seed=False) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.load_trip(store.resolve("Old")) == Trip("Old", "X", "UTC")


def save_place(store: Store, trip_id: int, place: Place) -> Changes:
    return store.update_trip(trip_id, lambda trip: trip.replace(places=upsert(trip.places, place)))


def test_a_place_whose_timed_meetings_would_change_zone_is_refused(tmp_path, store):
    trip_id = store.resolve(None)
    save_place(store, trip_id, paris_place())
    timed = ExactTime(
        datetime(2025, 3, 4, 10, tzinfo=PARIS), datetime(2025, 3, 4, 11, tzinfo=PARIS)
    )
    store.save_meeting(trip_id, Meeting("m", "Talks", "elysee", timed))
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(StoreError, match="timed in Europe/Paris"):
        save_place(store, trip_id, paris_place(timezone="Europe/London"))
    assert dump(tmp_path / STORE_FILE) == before


def test_set_legs(tmp_path, store):
    trip_id = store.resolve(None)
    trip = store.load_trip(trip_id)
    legs = (trip.legs[1], trip.legs[0].replace(mode="train"))
    changes = store.set_legs(trip_id, legs)
    assert changes.legs and not changes.places
    assert store.load_trip(trip_id).legs == legs
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(StoreError, match="unknown place 'nowhere'"):
        store.set_legs(trip_id, [Leg("orly", "nowhere", date(2014, 12, 15))])
    assert dump(tmp_path / STORE_FILE) == before


def test_insert_meeting_puts_it_back_in_place(tmp_path, store):
    trip_id = store.resolve(None)
    trip = store.load_trip(trip_id)
    second = trip.meetings[1]
    store.delete_meeting(trip_id, second.id)
    changes = store.insert_meeting(trip_id, second, 1)
    assert changes.meetings == {second.id}
    assert store.load_trip(trip_id) == trip
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(StoreError, match="already has a meeting"):
        store.insert_meeting(trip_id, second, 0)
    assert dump(tmp_path / STORE_FILE) == before


def test_a_trip_comes_back_under_its_own_id(tmp_path, store):
    trip_id = store.resolve(None)
    trip = store.load_trip(trip_id)
    store.delete_trip(trip_id)
    store.create_trip("Placeholder", "X", "UTC")
    placeholder = store.resolve("Placeholder")
    assert store.add_trip(trip, trip_id=trip_id).trip_id == trip_id
    assert store.load_trip(trip_id) == trip
    with pytest.raises(StoreError, match="already has a trip with the id"):
        store.add_trip(trip.replace(name="Again"), trip_id=placeholder)


def test_ids_of_deleted_trips_stay_reserved_after_an_older_one_comes_back(store):
    sample_id = store.resolve(None)
    sample = store.load_trip(sample_id)
    ids = [store.create_trip(f"Trip {n}", "X", "UTC").trip_id for n in range(9)]
    store.delete_trip(ids[-1])  # the highest id so far, say 10
    store.delete_trip(sample_id)
    store.add_trip(sample, trip_id=sample_id)  # a lower id comes back
    assert store.create_trip("Next", "X", "UTC").trip_id == ids[-1] + 1


def test_a_trip_file_ending_before_it_starts_names_the_field():
    data = trip_file.trip_to_dict(trip_file.read(SAMPLE_TRIP))
    data["trip"] |= {"start_day": "2014-12-16", "end_day": "2014-12-14"}
    with pytest.raises(trip_file.TripFileError) as caught:
        trip_file.loads(json.dumps(data), "bad.json")
    assert str(caught.value) == (
        "bad.json at trip.end_day: the trip ends (2014-12-14) before it starts (2014-12-16)"
    )
