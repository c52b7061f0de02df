"""The corpus (tests/data/ics_corpus/): files real programs wrote and crafted edge
cases. Each imports right or is refused with the file and the line at fault; none gives
a traceback. What some of them must come in as is checked one by one."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from data.agenda import render_text
from data.gazetteer import Gazetteer
from data.ics_common import IcsError
from data.ics_export import export_calendar
from data.ics_import import merge_calendar, new_trip
from data.ics_read import parse_ics
from data.map_payload import stops
from data.model import AllDay, ExactTime, Reply, Trip
from data.travel import derive_legs
from tests.data.ics_helpers import PINNED, unfold

CORPUS = Path(__file__).with_name("ics_corpus")
GAZETTEER = Gazetteer()

# Meetings made from each file, or (line, start of the message) of its refusal.
EXPECTED: dict[str, int | tuple[int, str]] = {
    "crafted/cambridge-ma.ics": 2,
    "crafted/google-x-wr-timezone.ics": 1,
    "crafted/method-counter.ics": (4, "METHOD:COUNTER is not supported (Shuttle read"),
    "crafted/no-dtend.ics": 2,
    "crafted/no-location.ics": 2,
    "crafted/outlook-quoted-printable.ics": 1,
    "crafted/outlook-windows-zone.ics": 1,
    "crafted/several-calendars.ics": 2,
    "crafted/two-dtstarts.ics": (9, "DTSTART appears twice in one event (first on "),
    "crafted/weekly-series.ics": 5,
    "crafted/windows-zone-without-vtimezone.ics": 1,
    "icalendar/alarm_etar_future.ics": 1,
    "icalendar/alarm_google_future.ics": 1,
    "icalendar/alarm_thunderbird_future.ics": 1,
    "icalendar/america_new_york.ics": 1,
    "icalendar/big_bad_calendar.ics": (41, "the file is truncated: BEGIN:VCALENDAR on lin"),
    "icalendar/bom_calendar.ics": (1, "the calendar holds no events (VEVENT)"),
    "icalendar/broken_ical.ics": (4, "not an iCalendar content line: 'DTSTART;;VALU"),
    "icalendar/example.ics": 3,
    "icalendar/fuzz_testcase_0_char_in_component_name.ics": (
        1,
        "binary data (a NUL byte), not calendar text",
    ),
    "icalendar/fuzz_testcase_vtimezone_lone_cr.ics": (
        2,
        "a control character: binary data, not calenda",
    ),
    "icalendar/invalid_duration.ics": (8, "DURATION: Impractical iCalendar duration: P99"),
    "icalendar/issue_1050_forward_timezone_reference.ics": 1,
    "icalendar/issue_1081_event_with_rrule.ics": 10,
    "icalendar/issue_218_bad_tzid.ics": 1,
    "icalendar/issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics": 1,
    "icalendar/issue_313_globally_unique_tzid.ics": 3,
    "icalendar/issue_722_missing_VTIMEZONE_custom.ics": (
        3,
        "DTSTART: unknown time zone 'CUSTOM_tzid' and ",
    ),
    "icalendar/issue_722_timezone_transition_ambiguity.ics": 4,
    "icalendar/issue_836_do_not_quote_tzid.ics": 1,
    "icalendar/multiple_calendar_components.ics": 3,
    "icalendar/pacific_fiji.ics": (49, "DTSTART appears twice in one event (first on "),
    "icalendar/parsing_error_in_UTC_offset.ics": (
        2,
        "not a readable calendar: Offset must be less ",
    ),
    "icalendar/rfc_7265_appendix_example_2_ical.ics": 6,
    "icalendar/small_bad_calendar.ics": (3, "the file is truncated: BEGIN:VCALENDAR on lin"),
    "icalendar/timezoned.ics": 1,
    "icalendar/x_location.ics": 64,
    "recurring-ical-events/Germany.ics": 159,
    "recurring-ical-events/bad_rrule_missing_until_event.ics": (
        9,
        "RRULE: UNTIL parameter is missing: FREQ=WEEKL",
    ),
    "recurring-ical-events/daylight_saving_time.ics": 321,
    "recurring-ical-events/discourse_no_dtend.ics": 4,
    "recurring-ical-events/duplicated_rrule.ics": 13,
    "recurring-ical-events/each_week_but_one_deleted.ics": 7,
    "recurring-ical-events/end_before_start_event.ics": (
        25,
        "DTEND 2019-03-04 08:00 is not after DTSTART",
    ),
    "recurring-ical-events/fablab_cottbus.ics": 37,
    "recurring-ical-events/issue_132_swapped_start_and_end.ics": (
        2,
        "DTEND 2023-12-18 23:30 is not after DTSTART",
    ),
    "recurring-ical-events/issue_18_cancel_status.ics": 3,
    "recurring-ical-events/issue_223_thunderbird.ics": 5,
    "recurring-ical-events/issue_48_daylight_aware_repeats.ics": 13,
    "recurring-ical-events/issue_62_moved_event.ics": 3,
    "recurring-ical-events/issue_86_x_wr_timezone_without_time_zone_in_dt.ics": 1,
    "recurring-ical-events/rdate_hackerpublicradio.ics": 1,
    "recurring-ical-events/recurring_events_moved.ics": 7,
    "recurring-ical-events/x_wr_timezone_simple_events_issue_59.ics": 2,
    "recurring-ical-events/zero_size_event.ics": 1,
}


def load(name: str, days: tuple[date, date] | None = None) -> Trip:
    calendar = parse_ics((CORPUS / name).read_bytes(), name, days)
    return merge_calendar(new_trip("corpus"), calendar, GAZETTEER, new=True).trip


def test_the_table_covers_every_file_of_the_corpus():
    files = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.ics")}
    assert files == set(EXPECTED)
    assert len(files) >= 50


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_imports_or_is_refused_with_file_and_line(name):
    expected = EXPECTED[name]
    if isinstance(expected, int):
        trip = load(name)
        assert len(trip.meetings) == expected
        # What came in also goes out and back in the same way (the exchange is stable).
        again = export_calendar(trip, now=PINNED)
        back = merge_calendar(new_trip("corpus"), parse_ics(again, "again.ics"), GAZETTEER).trip
        assert export_calendar(back, now=PINNED) == again
        return
    line, message = expected
    with pytest.raises(IcsError) as caught:
        load(name)
    assert (caught.value.line, caught.value.what[: len(message)]) == (line, message)
    assert str(caught.value).startswith(f"{name}, line {line}: ")


def test_outlook_windows_zone_with_its_vtimezone_keeps_the_zone():
    [meeting] = load("crafted/outlook-windows-zone.ics").meetings
    assert isinstance(meeting.time, ExactTime)
    assert meeting.time.start == datetime(2026, 7, 14, 10, tzinfo=ZoneInfo("Europe/Berlin"))
    assert meeting.calendar is not None
    assert meeting.calendar.uid == "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A6B7"
    organizer, jane = meeting.participants
    assert organizer.role == "organiser" and jane.reply is Reply.NO_ANSWER


def test_a_windows_zone_without_vtimezone_is_read_through_cldrs_table():
    [meeting] = load("crafted/windows-zone-without-vtimezone.ics").meetings
    assert meeting.time.start.tzinfo == ZoneInfo("America/New_York")
    assert meeting.time.start.hour == 9 and meeting.place_id is None


def test_googles_floating_times_are_in_its_x_wr_timezone():
    trip = load("crafted/google-x-wr-timezone.ics")
    [meeting] = trip.meetings
    assert meeting.time.start == datetime(2026, 9, 20, 17, tzinfo=ZoneInfo("Europe/Rome"))
    place = trip.place(meeting.place_id)
    assert (place.name, place.city, place.timezone) == ("Roma, Italia", "Rome", "Europe/Rome")
    # LOCATION comes back verbatim, and nothing is added that Google did not write.
    lines = unfold(export_calendar(trip, now=PINNED))
    assert "LOCATION:Roma\\, Italia" in lines
    assert not [line for line in lines if line.startswith(("GEO", "CATEGORIES", "X-SHUTTLE"))]
    assert "STATUS:CONFIRMED" in lines and "DESCRIPTION:" in lines  # Google had both
    assert "UID:7kukuqrfedlm2f9t0vr42q2r3c@google.com" in lines


def test_dtstart_without_dtend_takes_rfc_5545s_defaults():
    day, instant = load("crafted/no-dtend.ics").meetings
    assert day.time == AllDay(date(2026, 7, 14))
    assert isinstance(instant.time, ExactTime) and instant.time.duration == timedelta(0)
    lines = unfold(export_calendar(load("crafted/no-dtend.ics"), now=PINNED))
    assert not [line for line in lines if line.startswith("DTEND")]  # none added


def test_several_calendars_in_one_file_are_all_read():
    trip = load("crafted/several-calendars.ics")
    assert [m.title for m in trip.meetings] == ["From the first", "From the second"]


def test_quoted_printable_text_is_decoded():
    [meeting] = load("crafted/outlook-quoted-printable.ics").meetings
    assert meeting.title == "Réunion café"
    assert meeting.topic == "Ordre du jour :\n1. Budget\n2. Divers, et le reste"


def test_geo_and_tzid_beat_a_city_guessed_from_the_text():
    trip = load("crafted/cambridge-ma.ics")
    talk, dinner = trip.meetings
    place = trip.place(talk.place_id)
    assert (place.name, place.city, place.country) == (
        "Cambridge, MA",
        "Cambridge",
        "United States",
    )
    assert (place.lat, place.lon, place.timezone) == (42.3736, -71.1097, "America/New_York")
    assert dinner.place_id == talk.place_id  # the same LOCATION, the same place
    # Without GEO, the zone still rules out Cambridge in England.
    alone = parse_ics((CORPUS / "crafted/cambridge-ma.ics").read_bytes(), "c.ics")
    only_dinner = type(alone)(alone.name, alone.events[1:])
    trip = merge_calendar(new_trip("x"), only_dinner, GAZETTEER).trip
    place = trip.place(trip.meetings[0].place_id)
    assert (place.city, place.timezone) == ("Cambridge", "America/New_York")
    assert place.lon < -70


def test_a_meeting_without_a_place_has_no_marker_leg_or_geo():
    trip = load("crafted/no-location.ics")
    call, hall = trip.meetings
    assert call.place_id is None and hall.place_id is None and trip.places == ()
    assert stops(trip) == [] and derive_legs(trip) == []
    text = render_text(trip)
    assert "place not given" in text
    lines = unfold(export_calendar(trip, now=PINNED))
    assert not [line for line in lines if line.startswith("GEO")]
    assert "LOCATION:Room 4B" in lines  # the text it had is kept
    # Importing again adds no place and no copy.
    again = merge_calendar(
        trip, parse_ics((CORPUS / "crafted/no-location.ics").read_bytes(), "n"), GAZETTEER
    ).trip
    assert again == trip


def test_a_series_becomes_its_occurrences_linked_to_it():
    days = (date(2026, 10, 1), date(2026, 10, 31))
    trip = load("crafted/weekly-series.ics", days)
    starts = [m.time.start.strftime("%m-%d %H:%M") for m in trip.meetings]
    assert starts == ["10-05 09:00", "10-12 09:00", "10-26 14:00"]  # 19th excluded, 26th moved
    assert {m.calendar.uid for m in trip.meetings} == {"weekly-briefing@example.org"}
    assert [m.calendar.recurrence_id for m in trip.meetings] == [
        "20261005T070000Z",
        "20261012T070000Z",
        "20261026T080000Z",
    ]
    assert trip.meetings[2].title == "Weekly briefing (moved)"
