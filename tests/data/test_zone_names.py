"""Time zones found by city or zone name."""

from __future__ import annotations

import pytest

from data.gazetteer import Gazetteer
from data.zone_names import resolve_zone, zone_options

GAZETTEER = Gazetteer()


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Washington", "America/New_York"),
        ("New York", "America/New_York"),
        ("new york", "America/New_York"),
        ("Paris", "Europe/Paris"),
        ("Europe/Paris", "Europe/Paris"),
        ("Paris, France — Europe/Paris", "Europe/Paris"),
        ("Rome, United States", "America/New_York"),
        ("Bombay", "Asia/Kolkata"),  # a city's other name
        ("UTC", "UTC"),
    ],
)
def test_a_zone_by_city_or_zone_name(text, zone):
    assert resolve_zone(text, GAZETTEER) == zone


@pytest.mark.parametrize("text", ["", "Nowhere/City", "Qqqqq"])
def test_no_zone(text):
    assert resolve_zone(text, GAZETTEER) is None


def test_options_offer_zones_and_cities():
    labels = [o.label for o in zone_options("Washing", GAZETTEER)]
    assert labels[0] == "Washington, United States — America/New_York"
    zones = {o.zone for o in zone_options("New Y", GAZETTEER)}
    assert "America/New_York" in zones
    assert zone_options("", GAZETTEER) == []
