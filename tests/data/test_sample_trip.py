"""The shipped sample trip says what the sources say, and nothing more."""

import json
from datetime import date
from pathlib import Path

import pytest

from data import trip_file
from data.model import Attendance, PlaceKind, ProvenanceKind, Status, TimeTBC
from data.store import SAMPLE_TRIP

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "itinerary-facts.json"


@pytest.fixture(scope="module")
def trip():
    return trip_file.read(SAMPLE_TRIP)


def people(meeting):
    return {p.name: p for p in meeting.participants}


def test_six_meetings_on_the_right_days_in_the_right_cities(trip):
    seen = [(m.day, trip.place(m.place_id).city) for m in trip.meetings]
    assert seen == [
        (date(2014, 12, 14), "Rome"),
        (date(2014, 12, 15), "Vatican City"),
        (date(2014, 12, 15), "Rome"),
        (date(2014, 12, 15), "Paris"),
        (date(2014, 12, 16), "London"),
        (date(2014, 12, 16), "London"),
    ]
    assert trip.home_timezone == "America/New_York"
    assert trip.traveller.startswith("John Kerry")


def test_no_clock_time_is_invented(trip):
    for meeting in trip.meetings:
        assert isinstance(meeting.time, TimeTBC), meeting.title
        kinds = {p.kind for p in meeting.field_provenance["time"]}
        assert kinds == {ProvenanceKind.ASSUMED}


def test_parts_of_day_and_lengths_follow_the_sources(trip):
    summary = [
        (str(m.time.part_of_day), m.time.duration and m.time.duration.total_seconds() / 3600)
        for m in trip.meetings
    ]
    assert summary == [
        ("evening", 3),
        ("morning", None),
        ("afternoon", 3),
        ("late evening", 2),
        ("afternoon", None),
        ("afternoon", None),
    ]


def test_the_right_people_are_there(trip):
    lavrov, parolin, netanyahu, paris, erakat, arab_league = trip.meetings
    assert "Sergei Lavrov" in people(lavrov)
    assert "Cardinal Pietro Parolin" in people(parolin)
    assert "Benjamin Netanyahu" in people(netanyahu)
    assert {"Laurent Fabius", "Frank-Walter Steinmeier", "Philip Hammond"} <= set(people(paris))
    assert "Saeb Erakat" in people(erakat)
    assert "Nabil Elaraby" in people(arab_league)
    for meeting in trip.meetings:
        assert "John Kerry" in people(meeting)


def test_only_mogherini_is_uncertain(trip):
    uncertain = {
        p.name
        for m in trip.meetings
        for p in m.participants
        if p.attendance is Attendance.UNCERTAIN
    }
    assert uncertain == {"Federica Mogherini"}


def test_the_vatican_meeting_is_marked_as_not_in_the_article(trip):
    parolin = trip.meetings[1]
    assert all(p.kind is not ProvenanceKind.ARTICLE for p in parolin.provenance)
    assert "not mentioned in the article" in parolin.provenance[0].note
    for meeting in trip.meetings[:1] + trip.meetings[2:]:
        assert meeting.provenance[0].kind is ProvenanceKind.ARTICLE


def test_the_paris_meeting_was_at_orly(trip):
    orly = trip.place(trip.meetings[3].place_id)
    assert orly.kind is PlaceKind.AIRPORT
    assert "Orly" in orly.name and orly.timezone == "Europe/Paris"
    assert (orly.lat, orly.lon) == (48.72333, 2.37944)


def test_legs_rome_orly_london(trip):
    assert [
        (trip.place(leg.from_place).city, trip.place(leg.to_place).city) for leg in trip.legs
    ] == [
        ("Rome", "Paris"),
        ("Paris", "London"),
    ]
    assert all(leg.day == date(2014, 12, 15) for leg in trip.legs)


def test_every_source_has_its_url_and_every_citation_resolves(trip):
    ids = {s.id for s in trip.sources}
    for source in trip.sources:
        assert source.url or source.id == "A"
    assert all(m.status is Status.CONFIRMED for m in trip.meetings)
    cited = {
        sid
        for m in trip.meetings
        for p in m.provenance + sum(m.field_provenance.values(), ())
        for sid in p.sources
    }
    assert cited <= ids and len(cited) > 20


@pytest.mark.skipif(not SEED.exists(), reason=f"seed facts not found at {SEED}")
def test_matches_the_seed_facts(trip):
    facts = json.loads(SEED.read_text(encoding="utf-8"))
    for fact, meeting in zip(facts["meetings"], trip.meetings, strict=True):
        assert meeting.day.isoformat() == fact["date"]
        assert meeting.time.part_of_day and str(meeting.time.part_of_day) in fact["part_of_day"]
        assert trip.place(meeting.place_id).timezone == fact["timezone"]
    assert {s.id: s.url for s in trip.sources} == {
        k: v.get("url") for k, v in facts["sources"].items()
    }
