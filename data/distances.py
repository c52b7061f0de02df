"""Distances along the WGS-84 ellipsoid (geopy's geodesic, Karney's method)."""

from __future__ import annotations

from functools import lru_cache

from geopy.distance import geodesic

from data.model import Leg, Place, Trip


@lru_cache(maxsize=65536)
def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    # Cached: the agenda, travel estimates, warnings and the map ask for the same pairs.
    return float(geodesic(a, b).km)


def places_km(a: Place, b: Place) -> float:
    return distance_km((a.lat, a.lon), (b.lat, b.lon))


def leg_km(trip: Trip, leg: Leg) -> float:
    return places_km(trip.place(leg.from_place), trip.place(leg.to_place))
