"""Distances along the WGS-84 ellipsoid (Karney's geodesics, through geographiclib).

geographiclib is the engine behind geopy's ``geodesic``; called directly it skips
geopy's import (every geocoder, requests, urllib3) and a new solver per distance.
"""

from __future__ import annotations

from functools import lru_cache

from geographiclib.geodesic import Geodesic

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
