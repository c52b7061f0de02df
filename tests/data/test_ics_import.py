"""Import: round trips (property-based), updates by UID, places, and bad files refused
with the store left exactly as it was."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import trip_file
from data.gazetteer import Gazetteer
from data.ics_common import MAX_ICS_BYTES, IcsError
from data.ics_export import export_calendar
from data.ics_import import import_ics, merge_events, new_trip
from data.ics_read import parse_ics
from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Meeting,
    Participant,
    PartOfDay,
    Status,
    TimeTBC,
    Trip,
)
from data.store import SAMPLE_TRIP, STORE_FILE, Store
from tests.data.ics_helpers import PINNED, dst_trip
from tests.data.test_store import dump

GAZETTEER = Gazetteer()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


def comparable(meeting: Meeting) -> Meeting:
    """What an .ics file carries: provenance stays in the trip file, not the calendar."""
    people = tuple(dataclasses.replace(p, provenance=()) for p in meeting.participants)
    return meeting.replace(provenance=(), field_provenance={}, participants=people)


def round_trip(trip: Trip) -> Trip:
    calendar = parse_ics(export_calendar(trip, now=PINNED, internal=True), "trip.ics")
    return merge_events(new_trip(calendar.name or "x"), calendar.events, GAZETTEER, new=True)


def assert_same_meetings(before: Trip, after: Trip) -> None:
    assert [comparable(m) for m in before.meetings] == list(after.meetings)
    for meeting in before.meetings:
        old, new = before.place(meeting.place_id), after.place(meeting.place_id)
        assert dataclasses.replace(old, provenance=()) == new


def test_the_sample_and_dst_trips_come_back_the_same():
    for trip in (trip_file.read(SAMPLE_TRIP), dst_trip()):
        back = round_trip(trip)
        assert back.name == trip.name
        assert_same_meetings(trip, back)


ZONES = ["Europe/Rome", "Europe/Paris", "Europe/London", "Africa/Cairo", "America/New_York"]
text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip())


@st.composite
def meeting_times(draw, tz: ZoneInfo):
    kind = draw(st.sampled_from(["exact", "tbc", "all-day"]))
    day = draw(st.dates(date(2000, 1, 1), date(2035, 12, 31)))
    if kind == "tbc":
        part = draw(st.none() | st.sampled_from(list(PartOfDay)))
        minutes = draw(st.none() | st.integers(1, 600))
        return TimeTBC(day, part, None if minutes is None else timedelta(minutes=minutes))
    if kind == "all-day":
        extra = draw(st.integers(0, 3))
        return AllDay(day, day + timedelta(days=extra) if extra else None)
    minute = draw(st.integers(0, 24 * 60 - 1))
    start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)
    # Instants that exist exactly once in the zone (no DST gap or fold): iCalendar wall
    # times cannot say which of two repeated times is meant.
    start = start.replace(tzinfo=tz)
    length = timedelta(minutes=draw(st.integers(1, 600)))
    end = (start.astimezone(ZoneInfo("UTC")) + length).astimezone(tz)
    for moment in (start, end):
        wall = moment.replace(tzinfo=None)
        if {wall.replace(tzinfo=tz, fold=f).utcoffset() for f in (0, 1)} != {moment.utcoffset()}:
            return TimeTBC(day)
        if wall.replace(tzinfo=tz).astimezone(ZoneInfo("UTC")).astimezone(tz) != moment:
            return TimeTBC(day)
    return ExactTime(start, end)


@st.composite
def trips(draw):
    zones = draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=3, unique=True))
    from data.model import Place

    places = tuple(
        Place(
            f"p{i}",
            draw(text),
            draw(st.sampled_from(["", "Rome", "Cairo", "Zürich"])),
            draw(st.sampled_from(["", "Italy", "مصر"])),
            draw(st.integers(-9000, 9000)) / 100,
            draw(st.integers(-18000, 18000)) / 100,
            zone_key,
        )
        for i, zone_key in enumerate(zones)
    )
    meetings = []
    for index in range(draw(st.integers(1, 4))):
        place = draw(st.sampled_from(places))
        people = tuple(
            Participant(
                draw(text),
                draw(st.just("") | text),
                draw(st.just("") | text),
                draw(st.none() | st.just(f"p{j}@example.org")),
                draw(st.sampled_from(list(Attendance))),
            )
            for j in range(draw(st.integers(0, 3)))
        )
        meetings.append(
            Meeting(
                id=draw(st.from_regex(r"[a-z0-9][a-z0-9.-]{0,20}", fullmatch=True)) + f"-{index}",
                title=draw(text),
                place_id=place.id,
                time=draw(meeting_times(place.tz)),
                participants=people,
                topic=draw(st.just("") | text),
                notes=draw(st.just("") | text),
                status=draw(st.sampled_from(list(Status))),
                sequence=draw(st.integers(0, 50)),
            )
        )
    return Trip(draw(text), "", zones[0], places, tuple(meetings))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trips())
def test_any_exported_trip_imports_back_the_same(trip):
    back = round_trip(trip)
    assert back.name == trip.name
    assert_same_meetings(trip, back)


def test_importing_the_same_uids_again_updates_instead_of_copying(store, tmp_path):
    data = export_calendar(dst_trip(), now=PINNED, internal=True)
    first = import_ics(store, data, "dst.ics", gazetteer=GAZETTEER).changes
    trip_id = first.trip_id
    assert store.load_trip(trip_id).name == "DST test trip, 2014"
    moved = dst_trip().meeting("paris-summer")
    later = moved.time.start + timedelta(hours=2), moved.time.end + timedelta(hours=2)
    edited = dst_trip().replace(
        meetings=tuple(
            m.replace(time=ExactTime(*later)) if m.id == moved.id else m
            for m in dst_trip().meetings
        )
    )
    second = import_ics(
        store, export_calendar(edited, now=PINNED, internal=True), "x.ics", gazetteer=GAZETTEER
    ).changes
    assert second.trip_id == trip_id and second.meetings == {"paris-summer"}
    trip = store.load_trip(trip_id)
    assert len(trip.meetings) == 8 and len(trip.places) == 4
    assert trip.meeting("paris-summer").time == ExactTime(*later)
    assert trip.meeting("paris-summer").sequence == 4  # was 3: the time changed
    assert len(store.trips()) == 2  # the sample and this one


def test_import_into_a_chosen_trip_reuses_its_places(store):
    sample_id = store.resolve(None)
    sample = store.load_trip(sample_id)
    foreign = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
        "BEGIN:VEVENT\r\nUID:abc/123@calendar.example\r\nDTSTAMP:20141201T000000Z\r\n"
        "SUMMARY:Press conference\r\nDTSTART:20141216T120000Z\r\nDTEND:20141216T130000Z\r\n"
        "LOCATION:London (venue not reported)\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:xyz@calendar.example\r\nDTSTAMP:20141201T000000Z\r\n"
        "SUMMARY:Dinner in Genève\r\nDTSTART;TZID=Europe/Zurich:20141217T200000\r\n"
        "DTEND;TZID=Europe/Zurich:20141217T220000\r\nLOCATION:Hôtel X, Genève\r\n"
        'ATTENDEE;CN="Doe, Jane";ROLE=OPT-PARTICIPANT:mailto:jane@example.org\r\n'
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:q@calendar.example\r\nDTSTAMP:20141201T000000Z\r\n"
        "SUMMARY:Somewhere unknown\r\nDTSTART;TZID=Asia/Tokyo:20141218T090000\r\n"
        "DURATION:PT1H\r\nLOCATION:Qwertyuiop Hall\r\nGEO:35.0;139.0\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    ).encode()
    changes = import_ics(
        store, foreign, "other.ics", trip_ref=sample_id, gazetteer=GAZETTEER
    ).changes
    trip = store.load_trip(sample_id)
    assert changes.meetings == {
        "abc-123@calendar.example",
        "xyz@calendar.example",
        "q@calendar.example",
    }
    press = trip.meeting("abc-123@calendar.example")
    assert press.place_id == "london"  # the trip's own place, by name
    assert press.time.start == datetime(2014, 12, 16, 12, tzinfo=ZoneInfo("Europe/London"))
    geneva = trip.place(trip.meeting("xyz@calendar.example").place_id)
    # LOCATION is kept verbatim as the venue's name; the city comes from the gazetteer.
    assert (geneva.name, geneva.city, geneva.timezone) == (
        "Hôtel X, Genève",
        "Geneva",
        "Europe/Zurich",
    )
    assert press.calendar is not None and press.calendar.uid == "abc/123@calendar.example"
    [jane] = trip.meeting("xyz@calendar.example").participants
    assert (jane.name, jane.email, jane.attendance) == (
        "Doe, Jane",
        "jane@example.org",
        Attendance.UNCERTAIN,
    )
    hall = trip.place(trip.meeting("q@calendar.example").place_id)
    assert (hall.name, hall.lat, hall.lon, hall.timezone) == (
        "Qwertyuiop Hall",
        35.0,
        139.0,
        "Asia/Tokyo",
    )
    assert len(trip.places) == len(sample.places) + 2


def test_a_new_trip_is_named_after_the_file_without_a_calendar_name(store):
    data = export_calendar(dst_trip(), now=PINNED, internal=True)
    data = data.replace(b"X-WR-CALNAME", b"X-OTHER")
    changes = import_ics(store, data, "/somewhere/trip.ics", gazetteer=GAZETTEER).changes
    assert store.load_trip(changes.trip_id).name == "trip"


GOOD = export_calendar(dst_trip(), now=PINNED, internal=True)
BAD_FILES = [
    (b"", "the file is empty", None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data", 3),
    (GOOD.replace(b"Salon de l'Horloge: r\xc3\xa9union", b"Salon r\xe9union"), "not UTF-8", None),
    (GOOD[: len(GOOD) // 2], "truncated", None),
    (GOOD.replace(b"SEQUENCE:3", b"SEQUENCE 3"), "not an iCalendar content line", None),
    (GOOD.replace(b"20141025T111500", b"2014102XT1115"), "DTEND", None),
    (GOOD.replace(b"END:VTIMEZONE", b"END:VEVENT", 1), "does not close BEGIN:VTIMEZONE", None),
    (GOOD.replace(b"SEQUENCE:3", b"SEQUENCE:3\r\nSEQUENCE:4"), "SEQUENCE appears twice", 131),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no events", None),
    (b"x" * (MAX_ICS_BYTES + 1), "too large", None),
]


@pytest.mark.parametrize(("data", "message", "line"), BAD_FILES)
def test_a_bad_file_is_refused_and_the_store_is_unchanged(tmp_path, store, data, message, line):
    import_ics(store, GOOD, "first.ics", gazetteer=GAZETTEER)  # so updates could happen too
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(IcsError, match=message) as caught:
        import_ics(store, data, "bad.ics", gazetteer=GAZETTEER)
    assert str(caught.value).startswith("bad.ics")
    if line is not None:
        assert caught.value.line == line
    assert dump(tmp_path / STORE_FILE) == before
    with pytest.raises(IcsError):
        import_ics(store, data, "bad.ics", trip_ref="DST test trip, 2014", gazetteer=GAZETTEER)
    assert dump(tmp_path / STORE_FILE) == before


def test_errors_name_the_line():
    bad = GOOD.replace(b"SEQUENCE:3", b"SEQUENCE 3")
    with pytest.raises(IcsError) as caught:
        parse_ics(bad, "bad.ics")
    physical = bad.split(b"\r\n").index(b"SEQUENCE 3") + 1
    assert caught.value.line == physical
    assert f"bad.ics, line {physical}: not an iCalendar content line" in str(caught.value)


def test_an_error_in_an_event_names_the_property_line():
    bad = GOOD.replace(b"20141025T111500", b"2014102XT1115")
    with pytest.raises(IcsError, match="DTEND") as caught:
        parse_ics(bad, "bad.ics")
    assert (
        caught.value.line == bad.split(b"\r\n").index(b"DTEND;TZID=Europe/Paris:2014102XT1115") + 1
    )


def test_reimporting_an_export_into_its_trip_changes_nothing(store):
    trip_id = store.resolve(None)
    before = store.load_trip(trip_id)
    data = export_calendar(before, now=PINNED, internal=True)
    changes = import_ics(store, data, "k.ics", gazetteer=GAZETTEER).changes
    assert changes.trip_id == trip_id and changes.meetings == frozenset()
    assert store.load_trip(trip_id) == before  # provenance kept
