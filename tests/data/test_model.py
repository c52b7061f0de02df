from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from data.model import (
    AllDay,
    ExactTime,
    Meeting,
    Participant,
    Place,
    Provenance,
    ProvenanceKind,
    TimeTBC,
    Trip,
    zone,
)

PARIS = ZoneInfo("Europe/Paris")


def place(pid="p", tz="Europe/Paris"):
    return Place(pid, "Quai d'Orsay", "Paris", "France", 48.86, 2.31, tz)


def test_exact_time_must_not_end_before_it_starts():
    start = datetime(2014, 12, 15, 18, 0, tzinfo=PARIS)
    with pytest.raises(ValueError, match="not after start"):
        ExactTime(start, start - timedelta(minutes=1))
    assert ExactTime(start, start).duration == timedelta(0)  # an instant (RFC 5545 3.6.1)


def test_exact_time_needs_an_iana_zone_not_a_bare_offset():
    from datetime import timezone

    fixed = timezone(timedelta(hours=1))
    with pytest.raises(ValueError, match="IANA zone"):
        ExactTime(
            datetime(2014, 12, 15, 18, tzinfo=fixed), datetime(2014, 12, 15, 19, tzinfo=fixed)
        )
    with pytest.raises(ValueError, match="IANA zone"):
        ExactTime(datetime(2014, 12, 15, 18), datetime(2014, 12, 15, 19))


def test_duration_across_the_autumn_fold_counts_real_time():
    # 01:30 (first, CEST) to 02:30 (second, CET) on 26 Oct 2014 in Paris is two real hours.
    start = datetime(2014, 10, 26, 1, 30, tzinfo=PARIS)
    end = datetime(2014, 10, 26, 2, 30, fold=1, tzinfo=PARIS)
    assert ExactTime(start, end).duration == timedelta(hours=2)
    # Wall clocks 02:30 (first) then 02:10 (second) are still 40 minutes apart, in order.
    later = ExactTime(
        datetime(2014, 10, 26, 2, 30, tzinfo=PARIS),
        datetime(2014, 10, 26, 2, 10, fold=1, tzinfo=PARIS),
    )
    assert later.duration == timedelta(minutes=40)


def test_unknown_time_zone_is_a_value_error():
    with pytest.raises(ValueError, match="unknown time zone 'Europe/Atlantis'"):
        zone("Europe/Atlantis")
    with pytest.raises(ValueError, match="unknown time zone"):
        place(tz="../../etc/passwd")
    assert zone("Europe/Vatican").key == "Europe/Vatican"


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (-90.5, 0.0), (0.0, 180.5), (0.0, -181.0)])
def test_coordinates_must_be_on_earth(lat, lon):
    with pytest.raises(ValueError, match="outside"):
        Place("p", "P", "C", "X", lat, lon, "UTC")


def test_tbc_and_all_day_times():
    tbc = TimeTBC(date(2014, 12, 14), duration=timedelta(hours=3))
    assert tbc.day == date(2014, 12, 14)
    with pytest.raises(ValueError):
        TimeTBC(date(2014, 12, 14), duration=timedelta(0))
    assert AllDay(date(2014, 12, 14)).end_day == date(2014, 12, 14)
    with pytest.raises(ValueError, match="before the first"):
        AllDay(date(2014, 12, 14), date(2014, 12, 13))


def test_empty_title_and_bad_email_are_refused():
    with pytest.raises(ValueError, match="title"):
        Meeting("m", "  ", "p", TimeTBC(date(2014, 12, 14)))
    with pytest.raises(ValueError, match="not an email"):
        Participant("Someone", email="someone at example.org")


def test_source_provenance_must_name_a_source():
    with pytest.raises(ValueError, match="at least one source"):
        Provenance(ProvenanceKind.SOURCE)


def test_trip_checks_its_cross_references():
    meeting = Meeting("m", "Talks", "nowhere", TimeTBC(date(2014, 12, 14)))
    with pytest.raises(ValueError, match=r"meetings\[0\]\.place_id: unknown place 'nowhere'"):
        Trip("T", "X", "UTC", places=(place(),), meetings=(meeting,))
    cited = Meeting(
        "m",
        "Talks",
        "p",
        TimeTBC(date(2014, 12, 14)),
        provenance=(Provenance(ProvenanceKind.SOURCE, ("S9",)),),
    )
    with pytest.raises(ValueError, match="unknown source 'S9'"):
        Trip("T", "X", "UTC", places=(place(),), meetings=(cited,))
    with pytest.raises(ValueError, match="used twice"):
        Trip("T", "X", "UTC", places=(place(), place()))


def test_exact_times_must_be_in_the_venue_zone():
    london = ZoneInfo("Europe/London")
    meeting = Meeting(
        "m",
        "Talks",
        "p",
        ExactTime(
            datetime(2014, 12, 15, 18, tzinfo=london), datetime(2014, 12, 15, 19, tzinfo=london)
        ),
    )
    with pytest.raises(ValueError, match="timed in Europe/London"):
        Trip("T", "X", "UTC", places=(place(),), meetings=(meeting,))


def test_trip_days_span_its_meetings():
    meetings = (
        Meeting("a", "A", "p", TimeTBC(date(2014, 12, 15))),
        Meeting("b", "B", "p", AllDay(date(2014, 12, 16), date(2014, 12, 18))),
        Meeting("c", "C", "p", TimeTBC(date(2014, 12, 14))),
    )
    trip = Trip("T", "X", "UTC", places=(place(),), meetings=meetings)
    assert (trip.first_day, trip.last_day) == (date(2014, 12, 14), date(2014, 12, 18))
    assert Trip("Empty", "X", "UTC").first_day is None


def test_upsert_replaces_by_id_or_inserts():
    from data.model import upsert

    a, b = place("a"), place("b")
    changed = Place("a", "Élysée", "Paris", "France", 48.87, 2.32, "Europe/Paris")
    assert upsert((a, b), changed) == (changed, b)
    c = place("c")
    assert upsert((a, b), c) == (a, b, c)
    assert upsert((a, b), c, position=0) == (c, a, b)


def test_the_version_comes_from_the_package_or_the_checkout():
    import tomllib

    from data.version import PYPROJECT, version

    declared = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    assert version().split(" ")[0] == declared


def test_places_and_meetings_are_found_by_id_in_any_version_of_a_trip():
    places = tuple(place(f"p{i}") for i in range(300))
    meetings = tuple(
        Meeting(f"m{i}", f"M{i}", f"p{i % 300}", TimeTBC(date(2025, 6, 1))) for i in range(900)
    )
    trip = Trip("T", "Envoy", "Europe/Paris", places=places, meetings=meetings)
    assert trip.place("p299") is places[299]
    assert trip.meeting("m450") is meetings[450]
    with pytest.raises(KeyError):
        trip.place("nowhere")
    with pytest.raises(KeyError):
        trip.meeting("m900")
    moved = meetings[450].replace(title="Moved")
    changed = trip.replace(meetings=(*meetings[:450], moved, *meetings[451:]))
    assert changed.meeting("m450") is moved  # the index follows the new version
    assert trip.meeting("m450") is meetings[450]
    assert changed.replace(meetings=meetings) == trip  # the index is not part of equality
    assert "by_id" not in repr(trip)


def test_the_index_is_not_written_to_trip_files():
    from data import trip_file

    trip = Trip("T", "Envoy", "Europe/Paris", places=(place(),))
    text = trip_file.dumps(trip)
    assert "by_id" not in text
    assert trip_file.loads(text).place("p") == place()
