"""A typed place read as a trip place, a city, or a venue and its city, in any order."""

from __future__ import annotations

import pytest

from data import trip_file
from data.gazetteer import Gazetteer
from data.model import PlaceKind
from data.place_entry import Match, describe, place_label, place_suggestions, resolve_place
from data.store import SAMPLE_TRIP

TRIP = trip_file.read(SAMPLE_TRIP)
GAZETTEER = Gazetteer()
TAKEN = [p.id for p in TRIP.places]


def read(text: str):
    return resolve_place(text, TRIP.places, GAZETTEER, TAKEN)


@pytest.mark.parametrize(
    "text",
    [
        "Le Royal Hotel, Amman",
        "Amman, Le Royal Hotel",
        "Amman, Jordan, Le Royal Hotel",  # the completion's "Amman, Jordan", then the venue
        "Amman, Jordan Le Royal Hotel",  # ... typed without a comma
        "Amman Le Royal Hotel",
        "  le royal hotel ,  AMMAN ",
    ],
)
def test_a_venue_and_its_city_in_any_order(text):
    choice = read(text)
    assert choice.match is Match.VENUE
    place = choice.place
    assert place.name.casefold() == "le royal hotel"
    assert (place.city, place.country, place.timezone) == ("Amman", "Jordan", "Asia/Amman")
    assert place.kind is PlaceKind.VENUE and place.id not in TAKEN


def test_a_city_alone_is_a_place_at_its_centre():
    choice = read("Amman, Jordan")
    assert choice.match is Match.CITY and choice.place.kind is PlaceKind.CITY
    assert choice.place.name == "Amman" and choice.venue == ""
    assert describe(choice) == "Amman, Jordan — new place at the city centre"


def test_the_country_picks_the_city():
    assert read("Rome, Italy").place.timezone == "Europe/Rome"
    assert read("Rome, United States").place.timezone == "America/New_York"


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Villa Taverna, Rome", "villa-taverna"),
        ("Rome, Villa Taverna", "villa-taverna"),
        ("Villa Taverna, U.S. Ambassador's residence, Rome", "villa-taverna"),
        ("London", "london"),  # the trip's place for the city, not a second one
        ("paris-orly airport (ory)", "orly"),
    ],
)
def test_the_trips_own_places_are_found(text, place_id):
    choice = read(text)
    assert choice.match is Match.KNOWN and choice.place.id == place_id


def test_every_trip_place_is_found_by_its_label():
    for place in TRIP.places:
        assert read(place_label(place)).place == place


def test_a_venue_without_a_city_is_kept_and_not_guessed():
    choice = read("Palais des Nations")
    assert choice.match is Match.UNKNOWN and choice.place is None
    assert choice.venue == "Palais des Nations"
    assert "No city found in “Palais des Nations”" in describe(choice)


def test_nothing_typed():
    assert read("   ").match is Match.EMPTY and describe(read("")) == ""


def test_suggestions_complete_the_part_being_typed():
    assert place_suggestions("Amm", TRIP.places, GAZETTEER)[0] == "Amman, Jordan"
    assert "Le Royal Hotel, Amman, Jordan" in place_suggestions(
        "Le Royal Hotel, Amm", TRIP.places, GAZETTEER
    )
    # The city is named: the rest is the venue, no more cities offered.
    assert place_suggestions("Amman, Jordan, Le", TRIP.places, GAZETTEER) == []
    assert place_suggestions("vatic", TRIP.places, GAZETTEER)[0] == (
        "The Vatican (building not stated), Vatican City"
    )
