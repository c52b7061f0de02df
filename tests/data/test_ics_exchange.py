"""Calendar exchange other programs can trust: exact instants at every DST edge, round
trips that change nothing, foreign events kept as they came, repeating events linked to
their series, and three readers (icalendar, vobject, ical.js) agreeing on every instant."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from data import trip_file
from data.gazetteer import Gazetteer
from data.ics_common import MAX_ICS_BYTES, Organizer
from data.ics_export import export_calendar, invite_calendar
from data.ics_import import merge_calendar, new_trip
from data.ics_read import parse_ics
from data.ics_timezones import vtimezone
from data.model import ExactTime, Status, Trip
from data.store import SAMPLE_TRIP
from tests.data.ics_helpers import (
    PINNED,
    dst_trip,
    edge_trip,
    read_with_icalendar,
    read_with_icaljs,
    read_with_vobject,
    unfold,
)

GAZETTEER = Gazetteer()
CORPUS = Path(__file__).with_name("ics_corpus")
ORGANIZER = Organizer("Doe, Jane", "jane.doe@example.org")


def imported(data: bytes, name: str = "x.ics", days: tuple[date, date] | None = None) -> Trip:
    calendar = parse_ics(data, name, days)
    return merge_calendar(new_trip(calendar.name or "x"), calendar, GAZETTEER, new=True).trip


def round_trip_is_identical(data: bytes, internal: bool) -> bytes:
    """export → import → export gives the same bytes (DTSTAMP is pinned)."""
    first = export_calendar(imported(data), now=PINNED, internal=internal)
    second = export_calendar(imported(first), now=PINNED, internal=internal)
    assert second == first
    return first


def instants(trip: Trip) -> dict[str, tuple[str, str]]:
    out = {}
    for meeting in trip.meetings:
        if isinstance(meeting.time, ExactTime):
            start, end = meeting.time.start, meeting.time.end
            out[meeting.id] = tuple(
                t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for t in (start, end)
            )
    return out


def assert_three_readers_agree(data: bytes, tmp_path: Path, expected: dict[str, tuple[str, str]]):
    path = tmp_path / "check.ics"
    path.write_bytes(data)
    by_icalendar = read_with_icalendar(data)
    assert read_with_vobject(data) == by_icalendar
    for key, (start, end) in expected.items():
        assert (by_icalendar[key]["start"], by_icalendar[key]["end"]) == (start, end), key
    assert read_with_icaljs(path) == by_icalendar


# -- exact instants ----------------------------------------------------------------------------


def test_every_dst_edge_comes_back_as_the_same_instant():
    trip = edge_trip()
    back = imported(export_calendar(trip, now=PINNED, internal=True))
    assert instants(back) == instants(trip)
    second = back.meeting("second-pass").time
    assert (second.start.fold, second.start.utcoffset().seconds) == (1, 0)  # GMT, not BST
    assert back.meeting("no-place").place_id is None


def test_a_second_pass_is_written_in_utc_and_a_first_pass_with_its_zone():
    lines = unfold(export_calendar(edge_trip(), now=PINNED))
    assert "DTSTART:20261025T011500Z" in lines  # 01:15 GMT, London's second pass
    assert "DTSTART:20261025T000500Z" in lines  # 01:05 BST, the first: readers differ on it
    assert "DTSTART:20261025T003000Z" in lines  # from the first pass ...
    assert "DTEND:20261025T013000Z" in lines  # ... to the second
    assert "DTSTART;TZID=Europe/London:20260329T003000" in lines  # unambiguous: its zone
    assert "DTSTART:20260404T161500Z" in lines  # Sydney's April repeat, second pass
    assert "DTSTART;TZID=Asia/Kathmandu:20260601T090000" in lines


def test_dublins_winter_is_standard_time_in_its_vtimezone():
    lines = vtimezone("Europe/Dublin", 2026, 2026)
    kinds = [line for line in lines if line.startswith("BEGIN:") and line != "BEGIN:VTIMEZONE"]
    names = [line for line in lines if line.startswith("TZNAME")]
    assert list(zip(kinds, names, strict=True)) == [
        ("BEGIN:STANDARD", "TZNAME:GMT"),
        ("BEGIN:DAYLIGHT", "TZNAME:IST"),
        ("BEGIN:STANDARD", "TZNAME:GMT"),
    ]
    sydney = vtimezone("Australia/Sydney", 2026, 2026)
    april = sydney.index("DTSTART:20260405T030000")
    assert (sydney[april - 1], sydney[april + 3]) == ("BEGIN:STANDARD", "TZOFFSETTO:+1000")


def test_three_readers_agree_on_every_dst_edge(tmp_path):
    trip = edge_trip()
    expected = {f"{k}@shuttle": v for k, v in instants(trip).items()}
    for internal in (False, True):
        assert_three_readers_agree(
            export_calendar(trip, now=PINNED, internal=internal), tmp_path, expected
        )
    meeting = trip.meeting("second-pass").replace(
        participants=(trip_file_participant("r@example.org"),)
    )
    data = invite_calendar(trip, meeting, ORGANIZER, "REQUEST", now=PINNED)
    assert_three_readers_agree(
        data, tmp_path, {"second-pass@shuttle": expected["second-pass@shuttle"]}
    )


def trip_file_participant(email: str):
    from data.model import Participant

    return Participant("R", email=email)


# -- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["sample", "dst", "edges"])
def test_export_import_export_is_identical(which):
    trip = {"sample": lambda: trip_file.read(SAMPLE_TRIP), "dst": dst_trip, "edges": edge_trip}[
        which
    ]()
    for internal in (True, False):
        round_trip_is_identical(export_calendar(trip, now=PINNED, internal=internal), internal)


@pytest.mark.parametrize(
    "name",
    [
        "crafted/google-x-wr-timezone.ics",
        "crafted/outlook-windows-zone.ics",
        "crafted/cambridge-ma.ics",
        "crafted/no-location.ics",
        "crafted/weekly-series.ics",
        "icalendar/alarm_google_future.ics",
        "icalendar/x_location.ics",
        "recurring-ical-events/issue_223_thunderbird.ics",
        "recurring-ical-events/issue_62_moved_event.ics",
    ],
)
def test_foreign_files_round_trip_with_their_uids_locations_and_geo(name, tmp_path):
    source = (CORPUS / name).read_bytes()
    original = parse_ics(source, name)
    written = round_trip_is_identical(source, internal=False)
    round_trip_is_identical(source, internal=True)
    lines = unfold(written)
    events = [e for e in original.events if e.meeting is not None]
    for event in events:
        assert f"UID:{event.uid}" in lines  # byte for byte, "@" or not
        if event.location:
            assert any(
                line.startswith("LOCATION:") and _unescape(line[9:]) == event.location
                for line in lines
            )
    assert sum(line.startswith("GEO:") for line in lines) == sum(e.geo is not None for e in events)
    back = imported(written)
    expected = {}
    for meeting in back.meetings:
        if isinstance(meeting.time, ExactTime):
            rid = meeting.calendar.recurrence_id if meeting.calendar else None
            uid = meeting.calendar.uid if meeting.calendar else f"{meeting.id}@shuttle"
            key = uid if rid is None else f"{uid}#{_rid_instant(rid)}"
            expected[key] = instants(back)[meeting.id]
    assert_three_readers_agree(written, tmp_path, expected)


def _unescape(text: str) -> str:
    return text.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n").replace("\\\\", "\\")


def _rid_instant(rid: str) -> str:
    moment = datetime.strptime(rid, "%Y%m%dT%H%M%SZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_nothing_is_added_to_a_foreign_event_on_export():
    source = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:plain-uid-without-at\r\nDTSTAMP:20260601T080000Z\r\nSUMMARY:Bare\r\n"
        b"DTSTART;TZID=Europe/Rome:20260707T100000\r\nDTEND;TZID=Europe/Rome:20260707T110000\r\n"
        b"LOCATION:Roma\\, Italia\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    lines = unfold(export_calendar(imported(source), now=PINNED))
    [event] = [lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT")]]
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in event]
    assert names == [
        "BEGIN",
        "SUMMARY",
        "DTSTART",
        "DTEND",
        "DTSTAMP",
        "UID",
        "SEQUENCE",
        "LOCATION",
    ]
    assert "UID:plain-uid-without-at" in event and "LOCATION:Roma\\, Italia" in event


# -- repeating events and iTIP on them --------------------------------------------------------


def series_trip() -> Trip:
    data = (CORPUS / "crafted/weekly-series.ics").read_bytes()
    return imported(data, "w.ics", (date(2026, 10, 1), date(2026, 11, 30)))


def message(method: str, *props: str) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
    ]
    return "\r\n".join([*lines, *props, "END:VEVENT", "END:VCALENDAR", ""]).encode()


def test_a_cancel_of_one_occurrence_or_of_the_series_finds_them():
    trip = series_trip()
    assert len(trip.meetings) == 5
    one = message(
        "CANCEL",
        "UID:weekly-briefing@example.org",
        "RECURRENCE-ID;TZID=Europe/Paris:20261012T090000",
        "DTSTAMP:20260901T000000Z",
        "SEQUENCE:1",
    )
    merged = merge_calendar(trip, parse_ics(one, "c.ics"), GAZETTEER)
    assert merged.notices == ()
    cancelled = [m.id for m in merged.trip.meetings if m.status is Status.CANCELLED]
    assert cancelled == ["weekly-briefing@example.org--20261012T070000Z"]
    everything = message(
        "CANCEL", "UID:weekly-briefing@example.org", "DTSTAMP:20260902T000000Z", "SEQUENCE:1"
    )
    merged = merge_calendar(merged.trip, parse_ics(everything, "c.ics"), GAZETTEER)
    assert {m.status for m in merged.trip.meetings} == {Status.CANCELLED}


def test_an_update_of_the_series_moves_its_occurrences():
    trip = series_trip()
    data = (CORPUS / "crafted/weekly-series.ics").read_bytes()
    update = data.replace(b"DTSTAMP:20260601T080000Z", b"DTSTAMP:20260901T080000Z\r\nSEQUENCE:1")
    update = update.replace(b"20261005T100000", b"20261005T103000")  # a longer briefing
    merged = merge_calendar(
        trip, parse_ics(update, "u.ics", (date(2026, 10, 1), date(2026, 11, 30))), GAZETTEER
    )
    assert len(merged.trip.meetings) == 5  # the same meetings, not copies
    lengths = {m.id: m.time.duration.seconds // 60 for m in merged.trip.meetings}
    assert lengths["weekly-briefing@example.org--20261005T070000Z"] == 90
    assert lengths["weekly-briefing@example.org--20261026T080000Z"] == 60  # its own time kept


# -- privacy, busy time, big files --------------------------------------------------------------


def test_invites_to_outsiders_carry_only_what_they_need():
    trip = dst_trip()
    meeting = trip.meeting("london-winter")
    text = "\n".join(unfold(invite_calendar(trip, meeting, ORGANIZER, "REQUEST", now=PINNED)))
    assert "X-SHUTTLE" not in text and 'State Room\\", 1st floor' not in text
    assert "Deputy" not in text and "Ministère" not in text  # roles and organisations
    published = "\n".join(unfold(export_calendar(trip, now=PINNED)))
    for internal in ("X-SHUTTLE-PARTICIPANT", "X-SHUTTLE-NOTES", "X-SHUTTLE-PLACE", "Deputy"):
        assert internal not in published  # the default PUBLISH is outsider-safe too
    team = "\n".join(unfold(export_calendar(trip, now=PINNED, internal=True)))
    assert "X-SHUTTLE-PARTICIPANT" in team and "X-SHUTTLE-NOTES" in team


def test_a_time_to_be_confirmed_does_not_block_the_day():
    lines = unfold(export_calendar(dst_trip(), ["cairo-tbc"], now=PINNED))
    assert "TRANSP:TRANSPARENT" in lines and "STATUS:TENTATIVE" in lines
    timed = unfold(export_calendar(dst_trip(), ["rome-summer"], now=PINNED))
    assert not [line for line in timed if line.startswith("TRANSP")]


def test_the_own_export_of_a_trip_of_50000_meetings_fits_the_cap():
    from benchmarks.datasets import trip as generated

    trip = generated("Big", 2_000, 300, 40)
    size = len(export_calendar(trip, now=PINNED, internal=True))
    assert size / 2_000 * 50_000 < MAX_ICS_BYTES / 2  # room to spare
    # Places are listed once, on the calendar, not with every event.
    lines = unfold(export_calendar(trip, now=PINNED, internal=True))
    assert sum(line.startswith("X-SHUTTLE-PLACE;") for line in lines) == len(
        {m.place_id for m in trip.meetings}
    )


def test_an_imported_trip_survives_a_trip_file_and_the_store(tmp_path):
    from data.store import Store

    source = (CORPUS / "crafted/no-location.ics").read_bytes()
    series = (CORPUS / "crafted/weekly-series.ics").read_bytes()
    trip = imported(source)
    trip = merge_calendar(
        trip, parse_ics(series, "w.ics", (date(2026, 10, 1), date(2026, 10, 31))), GAZETTEER
    ).trip
    path = tmp_path / "trip.json"
    trip_file.write(trip, path)
    assert trip_file.read(path) == trip
    with Store.open(tmp_path / "store", seed=False) as store:
        trip_id = store.add_trip(trip).trip_id
        assert store.load_trip(trip_id) == trip
