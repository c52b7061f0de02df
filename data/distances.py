"""Distances along the WGS-84 ellipsoid (Karney's geodesics, through geographiclib).

geographiclib is the engine behind geopy's ``geodesic``; called directly it skips
geopy's import (every geocoder, requests, urllib3) and a new solver per distance.
"""

from __future__ import annotations

from functools import lru_cache

from geographiclib.geodesic import Geodesic

from data.locale_format import translate
from data.model import Leg, Place, Trip

_WGS84 = Geodesic.WGS84


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The geodesic between two (lat, lon) points in km; the same for (a, b) and (b, a)."""
    return _pair_km(a, b) if a <= b else _pair_km(b, a)


@lru_cache(maxsize=65536)
def _pair_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    # Cached: the agenda, travel estimates, warnings and the map ask for the same pairs.
    return float(_WGS84.Inverse(a[0], a[1], b[0], b[1], Geodesic.DISTANCE)["s12"]) / 1000


def places_km(a: Place, b: Place) -> float:
    return distance_km((a.lat, a.lon), (b.lat, b.lon))


def leg_km(trip: Trip, leg: Leg) -> float:
    return places_km(trip.place(leg.from_place), trip.place(leg.to_place))


def in_town(origin: Place, destination: Place) -> bool:
    """Both places are in the same city (of the same country): a move across town, which
    reads badly as a journey ("Amman → Amman, 0 km: about 0 min")."""
    return bool(origin.city.strip()) and (
        origin.city.strip().casefold(),
        origin.country.strip().casefold(),
    ) == (destination.city.strip().casefold(), destination.country.strip().casefold())


def in_town_words(origin: Place, destination: Place) -> str:
    """'Amman: Le Royal Hotel → Foreign Ministry, in town' (names, since the city is one)."""
    return translate("Travel", "{city}: {origin} → {destination}, in town").format(
        city=origin.city, origin=origin.name, destination=destination.name
    )
