"""Distances along the WGS-84 ellipsoid (Karney's method, as geopy's ``geodesic``).

geographiclib is called directly rather than through geopy: the numbers are the same
(geopy's geodesic delegates to it with the same ellipsoid), but importing geopy pulls
in its geocoders and costs ~90 ms of every start-up.
"""

from __future__ import annotations

from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]

from data.model import Leg, Place, Trip

_DISTANCE = Geodesic.DISTANCE


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    result = Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1], _DISTANCE)
    return float(result["s12"]) / 1000.0


def places_km(a: Place, b: Place) -> float:
    return distance_km((a.lat, a.lon), (b.lat, b.lon))


def leg_km(trip: Trip, leg: Leg) -> float:
    return places_km(trip.place(leg.from_place), trip.place(leg.to_place))
