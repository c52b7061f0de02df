"""The meeting editor's rules without its widgets: checks, provenance, ids."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from data import trip_file
from data.meeting_form import (
    PEOPLE,
    TIME,
    TITLE,
    ZONE,
    FormError,
    MeetingForm,
    PersonRow,
    SourceRow,
    build_meeting,
    parse_clock,
    traveller_participant,
    trip_people,
)
from data.model import ExactTime, ProvenanceKind, TimeTBC
from data.store import SAMPLE_TRIP

TRIP = trip_file.read(SAMPLE_TRIP)
PAROLIN = TRIP.meetings[1]


def form(**changes) -> MeetingForm:
    values = {
        "title": "Talks",
        "place_id": "vatican",
        "new_place": None,
        "timezone": "Europe/Vatican",
        "day": date(2014, 12, 15),
        "exact": True,
        "start": time(9),
        "end": time(9, 45),
    }
    values.update(changes)
    return MeetingForm(**values)


def test_every_problem_is_reported_at_its_field():
    with pytest.raises(FormError) as caught:
        build_meeting(
            form(
                title="  ",
                timezone="Europe/Atlantis",
                start=time(16),
                end=time(15),
                people=(PersonRow("", email="x"),),
            ),
            TRIP,
            None,
        )
    problems = caught.value.problems
    assert set(problems) == {TITLE, ZONE, TIME, PEOPLE}
    assert "Europe/Atlantis" in problems[ZONE] and "Participant 1" in problems[PEOPLE]


def test_an_end_after_midnight_needs_the_next_day():
    with pytest.raises(FormError) as caught:
        build_meeting(form(start=time(22, 30), end=time(1)), TRIP, None)
    assert set(caught.value.problems) == {TIME}
    late = build_meeting(form(start=time(22, 30), end=time(1), ends_next_day=True), TRIP, None)
    assert isinstance(late.meeting.time, ExactTime)
    assert late.meeting.time.duration == timedelta(hours=2, minutes=30)


def test_a_new_meeting_gets_a_new_id_and_its_new_sources_theirs():
    result = build_meeting(
        form(sources=(SourceRow("https://example.org/a", "Press release"),)), TRIP, None
    )
    assert result.meeting.id.startswith("m-") and result.meeting.id not in {
        m.id for m in TRIP.meetings
    }
    [source] = result.new_sources
    assert source.id == "U1" and source.url == "https://example.org/a"
    assert result.meeting.provenance[-1].sources == ("U1",)
    assert result.new_place is None


def test_editing_keeps_the_provenance_the_user_did_not_remove():
    kept = [SourceRow("", "", "S7")]  # S8 and S16 removed in the form
    result = build_meeting(
        form(title=PAROLIN.title, exact=False, part_of_day=None, sources=tuple(kept)),
        TRIP,
        PAROLIN,
    )
    meeting = result.meeting
    assert meeting.id == PAROLIN.id and meeting.sequence == PAROLIN.sequence
    assert meeting.field_provenance == PAROLIN.field_provenance
    assert isinstance(meeting.time, TimeTBC)
    [cited] = meeting.provenance
    assert cited.kind == ProvenanceKind.SOURCE and cited.sources == ("S7",)
    assert cited.note == "not mentioned in the article"  # the note stays


def test_a_changed_zone_changes_the_place():
    result = build_meeting(form(timezone="Europe/Rome"), TRIP, None)
    assert result.new_place is not None
    assert result.new_place.id == "vatican" and result.new_place.timezone == "Europe/Rome"


def test_editing_an_imported_event_keeps_its_uid_its_missing_place_and_the_answers():
    from data.meeting_form import NO_PLACE
    from data.model import CalendarOrigin, Participant, Reply

    origin = CalendarOrigin("abc@other.example", location="Room 4B")
    answered = Participant("Ana", email="ana@example.org", reply=Reply.DECLINED)
    imported = PAROLIN.replace(place_id=None, calendar=origin, participants=(answered,))
    row = PersonRow("Ana", "", "", "ANA@example.org")
    result = build_meeting(
        form(place_id=NO_PLACE, timezone="Europe/Rome", people=(row,)), TRIP, imported
    )
    meeting = result.meeting
    assert meeting.place_id is None and result.new_place is None
    assert meeting.calendar == origin
    assert [p.reply for p in meeting.participants] == [Reply.DECLINED]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14:30", time(14, 30)),
        ("1430", time(14, 30)),
        ("9:05", time(9, 5)),
        ("905", time(9, 5)),
        ("9", time(9)),
        ("14h30", time(14, 30)),
        ("25", None),
        ("12:60", None),
        ("", None),
        ("noon", None),
    ],
)
def test_clock_times_as_typed(typed, expected):
    assert parse_clock(typed) == expected


def test_the_traveller_is_the_trips_participant_of_that_name():
    kerry = traveller_participant(TRIP)  # "John Kerry, U.S. Secretary of State"
    assert kerry is not None
    assert (kerry.name, kerry.role, kerry.organisation) == (
        "John Kerry",
        "U.S. Secretary of State",
        "United States",
    )
    assert kerry.provenance[0].kind is ProvenanceKind.ASSUMED
    other = traveller_participant(TRIP.replace(traveller="Ann Smith, envoy"))
    assert other is not None and (other.name, other.role) == ("Ann Smith", "envoy")
    assert traveller_participant(TRIP.replace(traveller="")) is None


def test_an_empty_participant_row_is_skipped():
    result = build_meeting(form(people=(PersonRow(""), PersonRow("Ann"))), TRIP, None)
    assert [p.name for p in result.meeting.participants] == ["Ann"]


def test_the_trips_people_each_once():
    names = [p.name for p in trip_people(TRIP)]
    assert names[0] == "John Kerry" and len(names) == len(set(names))
