from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from data import trip_file
from data.agenda import (
    AgendaItem,
    LegItem,
    build_agenda,
    clock_change,
    local_time_label,
    other_zone_label,
    render_text,
    tbc_label,
)
from data.model import ExactTime, Meeting, PartOfDay, Place, TimeTBC, Trip
from data.store import SAMPLE_TRIP

ROME = ZoneInfo("Europe/Rome")
NEW_YORK = ZoneInfo("America/New_York")


def rome_place():
    return Place("r", "Villa", "Rome", "Italy", 41.9, 12.5, "Europe/Rome")


def test_tbc_labels_say_only_what_is_known():
    day = date(2014, 12, 14)
    assert (
        tbc_label(TimeTBC(day, PartOfDay.EVENING, timedelta(hours=3))) == "time TBC (evening, ~3 h)"
    )
    assert tbc_label(TimeTBC(day, PartOfDay.MORNING)) == "time TBC (morning)"
    assert tbc_label(TimeTBC(day, None, timedelta(minutes=90))) == "time TBC (~1 h 30 min)"
    assert tbc_label(TimeTBC(day)) == "time TBC"


def test_exact_times_show_the_zone_abbreviation_and_convert():
    meeting = Meeting(
        "m",
        "Talks",
        "r",
        ExactTime(datetime(2014, 12, 14, 19, tzinfo=ROME), datetime(2014, 12, 14, 22, tzinfo=ROME)),
    )
    assert local_time_label(meeting) == "19:00–22:00 CET"
    assert local_time_label(meeting, NEW_YORK) == "13:00–16:00 EST"
    late = meeting.replace(
        time=ExactTime(
            datetime(2014, 12, 15, 3, tzinfo=ROME), datetime(2014, 12, 15, 4, tzinfo=ROME)
        )
    )
    assert other_zone_label(late, rome_place(), NEW_YORK) == "Sun 14 Dec 21:00–22:00 EST"


def test_tbc_in_another_zone_gives_the_clock_difference():
    meeting = Meeting("m", "Talks", "r", TimeTBC(date(2014, 12, 14), PartOfDay.EVENING))
    assert other_zone_label(meeting, rome_place(), NEW_YORK) == "TBC (Rome +6 h)"


def test_sample_agenda_days_and_legs():
    trip = trip_file.read(SAMPLE_TRIP)
    days = build_agenda(trip)
    assert [d.day for d in days] == [date(2014, 12, 14), date(2014, 12, 15), date(2014, 12, 16)]
    monday = days[1].items
    kinds = [
        type(i).__name__ + ":" + (i.place.city if isinstance(i, AgendaItem) else i.destination.city)
        for i in monday
    ]
    # Vatican, Rome, fly to Paris, Paris, fly to London: legs sit after their departure.
    assert kinds == [
        "AgendaItem:Vatican City",
        "AgendaItem:Rome",
        "LegItem:Paris",
        "AgendaItem:Paris",
        "LegItem:London",
    ]
    to_london = monday[-1]
    assert isinstance(to_london, LegItem)
    assert clock_change(to_london.origin, to_london.destination, to_london.leg.day) == (
        "London is 1 h behind Paris"
    )


def test_meetings_in_a_day_follow_their_part_of_day():
    place = rome_place()
    day = date(2014, 12, 15)
    evening = Meeting("e", "Evening", "r", TimeTBC(day, PartOfDay.EVENING))
    morning = Meeting("m", "Morning", "r", TimeTBC(day, PartOfDay.MORNING))
    noon = Meeting(
        "n",
        "Noon",
        "r",
        ExactTime(datetime(2014, 12, 15, 12, tzinfo=ROME), datetime(2014, 12, 15, 13, tzinfo=ROME)),
    )
    trip = Trip("T", "X", "UTC", (place,), (evening, noon, morning))
    [only] = build_agenda(trip)
    assert [i.meeting.id for i in only.items] == ["m", "n", "e"]


def test_rendered_text_marks_uncertain_people_and_adds_the_zone_column():
    trip = trip_file.read(SAMPLE_TRIP)
    text = render_text(trip, NEW_YORK)
    assert "Federica Mogherini (attendance uncertain)" in text
    assert "Second column: times in America/New_York" in text
    assert "TBC (London +5 h)" in text
    assert text.count("time TBC") == 6
