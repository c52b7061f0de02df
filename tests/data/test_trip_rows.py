"""The store's direct reader of its own rows gives what pydantic's validation gives, and
hands anything it does not expect to pydantic (same result, same message)."""

import json
import sqlite3
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from benchmarks import datasets
from data import trip_file, trip_rows
from data.model import (
    AllDay,
    Attendance,
    CalendarOrigin,
    ExactTime,
    Leg,
    Meeting,
    Participant,
    PartOfDay,
    Place,
    PlaceKind,
    Provenance,
    ProvenanceKind,
    Reply,
    Source,
    Status,
    TimeTBC,
    Trip,
)
from data.store import SAMPLE_TRIP, STORE_FILE, Store, StoreError

PARIS, LONDON = ZoneInfo("Europe/Paris"), ZoneInfo("Europe/London")


def every_field() -> Trip:
    """A trip using every field and kind of the model."""
    cited = (Provenance(ProvenanceKind.SOURCE, ("S1",), "p. 2"),)
    places = (
        Place("p", "Quai d'Orsay", "Paris", "France", 48.8625, 2.3153, "Europe/Paris"),
        Place(
            "l", "Heathrow", "London", "UK", 51, -0.45, "Europe/London", PlaceKind.AIRPORT, cited
        ),
    )
    autumn = datetime(2025, 10, 26, 2, 30, tzinfo=PARIS, fold=1)  # the repeated hour
    meetings = (
        Meeting(
            "a",
            "Talks",
            "p",
            ExactTime(autumn, autumn + timedelta(hours=2)),
            (
                Participant(
                    "Jane Doe",
                    "Envoy",
                    "UN",
                    "jane@example.org",
                    Attendance.UNCERTAIN,
                    reply=Reply.TENTATIVE,
                ),
                Participant("John Roe", provenance=(Provenance(ProvenanceKind.ASSUMED),)),
            ),
            topic="Ceasefire",
            notes="Line one\nline two",
            status=Status.TENTATIVE,
            provenance=(Provenance(ProvenanceKind.ARTICLE),),
            field_provenance={"time": cited},
            sequence=3,
        ),
        Meeting(
            "b",
            "Dinner",
            "p",
            TimeTBC(date(2025, 10, 27), PartOfDay.LATE_EVENING, timedelta(hours=2, minutes=30)),
        ),
        Meeting("c", "Fly", "l", TimeTBC(date(2025, 10, 28), duration=timedelta(seconds=1.5))),
        Meeting(
            "e",
            "Call, place not given",
            None,
            TimeTBC(date(2025, 10, 28)),
            calendar=CalendarOrigin(
                "uid/without-at",
                "20251028T090000Z",
                "20251001T000000Z",
                "Room 4B",
                None,
                ("STATUS", "DTEND"),
            ),
        ),
        Meeting(
            "d",
            "Retreat",
            "l",
            AllDay(date(2025, 10, 29), date(2025, 10, 30)),
            status=Status.CANCELLED,
        ),
    )
    leg = Leg(
        "p",
        "l",
        date(2025, 10, 28),
        "Eurostar",
        "Coach 9",
        cited,
        datetime(2025, 10, 28, 9, 0, tzinfo=PARIS),
        datetime(2025, 10, 28, 10, 30, tzinfo=LONDON),
    )
    return Trip(
        "Every field",
        "The Envoy",
        "America/New_York",
        places,
        meetings,
        (leg, Leg("l", "p", date(2025, 10, 31))),
        (Source("S1", "Report", "https://example.org/r", "note"), Source("S2", "Memo")),
        "Trip notes",
        date(2025, 10, 25),
        date(2025, 11, 2),
    )


@pytest.mark.parametrize(
    "trip",
    [
        trip_file.read(SAMPLE_TRIP),
        every_field(),
        datasets.trip("Random", 300, 40, 20),
        Trip("Empty", "Nobody", "UTC"),
    ],
    ids=["sample", "every-field", "random", "empty"],
)
def test_rows_read_back_as_pydantic_reads_them(tmp_path, trip):
    with Store.open(tmp_path, seed=False) as store:
        trip_id = store.add_trip(trip).trip_id
        loaded = store.load_trip(trip_id)
    assert loaded == trip
    assert trip_file.dumps(loaded) == trip_file.dumps(trip)
    validated = trip_file.loads(trip_file.dumps(trip))
    assert loaded == validated
    assert [m.time for m in loaded.meetings] == [m.time for m in validated.meetings]
    assert direct(tmp_path, trip_id) == trip  # not by falling back to pydantic
    folds = [m.time.start.fold for m in loaded.meetings if isinstance(m.time, ExactTime)]
    assert folds == [m.time.start.fold for m in validated.meetings if isinstance(m.time, ExactTime)]


def direct(path, trip_id):
    """The trip read by the direct reader alone."""
    with sqlite3.connect(path / STORE_FILE) as db:
        head = db.execute(
            "SELECT name, traveller, home_timezone, notes, start_day, end_day FROM trips"
            " WHERE id = ?",
            (trip_id,),
        ).fetchone()
        names = ("name", "traveller", "home_timezone", "notes", "start_day", "end_day")
        rows = {
            table: [
                body
                for (body,) in db.execute(
                    f"SELECT body FROM {table} WHERE trip_id = ? ORDER BY position", (trip_id,)
                )
            ]
            for table in ("places", "meetings", "legs", "sources")
        }
    return trip_rows.trip_from_rows(dict(zip(names, head, strict=True)), **rows)


def rewrite_meeting(path, change):
    with sqlite3.connect(path / STORE_FILE) as db:
        [(body,)] = db.execute("SELECT body FROM meetings WHERE id = 'b'").fetchall()
        row = json.loads(body)
        change(row)
        db.execute("UPDATE meetings SET body = ? WHERE id = 'b'", (json.dumps(row),))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda row: row.update(colour="red"), r"meetings\[1\]\.colour: unknown field"),
        (lambda row: row.update(title=7), r"meetings\[1\]\.title: Input should be a valid string"),
        (lambda row: row["time"].update(kind="soon"), r"meetings\[1\]\.time: Input tag 'soon'"),
        (lambda row: row.update(place_id="atlantis"), "unknown place 'atlantis'"),
    ],
)
def test_an_unexpected_row_gets_pydantics_message(tmp_path, change, message):
    with Store.open(tmp_path, seed=False) as store:
        trip_id = store.add_trip(every_field()).trip_id
    rewrite_meeting(tmp_path, change)
    with Store.open(tmp_path, seed=False) as store, pytest.raises(StoreError, match=message):
        store.load_trip(trip_id)


def test_what_the_reader_leaves_to_pydantic_still_loads(tmp_path):
    with Store.open(tmp_path, seed=False) as store:
        trip_id = store.add_trip(every_field()).trip_id
    # Valid for pydantic, but not what its dump writes: the direct reader declines it.
    rewrite_meeting(tmp_path, lambda row: row["time"].update(duration="P0Y0DT2H30M"))
    with pytest.raises(trip_rows.Irregular):
        direct(tmp_path, trip_id)
    head = {"name": "T", "traveller": "X", "home_timezone": "UTC", "notes": ""}
    with pytest.raises(trip_rows.Irregular):
        trip_rows.trip_from_rows(
            {**head, "start_day": None, "end_day": None}, [], ['{"id": 1}'], [], []
        )
    with Store.open(tmp_path, seed=False) as store:
        loaded = store.load_trip(trip_id)
    assert loaded.meeting("b").time == every_field().meeting("b").time
    long = Meeting("y", "Y", "p", TimeTBC(date(2025, 1, 1), duration=timedelta(days=366)))
    year = every_field().replace(name="A year", meetings=(long,))
    with Store.open(tmp_path, seed=False) as store:
        assert store.load_trip(store.add_trip(year).trip_id) == year  # "P1Y1D" from pydantic
