"""Distances along the WGS-84 ellipsoid.

Vincenty's inverse formula gives them within a tenth of a millimetre of Karney's geodesics
(geographiclib, the engine behind geopy's ``geodesic``) in a fifteenth of the time: a trip
of thousands of meetings asks for thousands of pairs when it opens. For nearly antipodal
points, where Vincenty's iteration does not converge, geographiclib measures them.
Neither imports geopy (every geocoder, requests, urllib3).
"""

from __future__ import annotations

import math
from functools import lru_cache

from data.locale_format import translate
from data.model import Leg, Place, Trip

_A = 6378137.0  # WGS-84 semi-major axis, metres
_F = 1 / 298.257223563  # flattening
_B = _A * (1 - _F)
_MAX_ITERATIONS = 200
_CONVERGED = 1e-12  # radians of longitude on the auxiliary sphere (~6 µm)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The geodesic between two (lat, lon) points in km; the same for (a, b) and (b, a)."""
    return _pair_km(a, b) if a <= b else _pair_km(b, a)


@lru_cache(maxsize=65536)
def _pair_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    # Cached: the agenda, travel estimates, warnings and the map ask for the same pairs.
    metres = _vincenty_m(a[0], a[1], b[0], b[1])
    if metres is None:
        from geographiclib.geodesic import Geodesic

        metres = float(Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1], Geodesic.DISTANCE)["s12"])
    return metres / 1000


def _vincenty_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float | None:
    """Vincenty (1975); None when the iteration does not converge (nearly antipodal)."""
    lon_diff = math.radians(lon2 - lon1)
    u1 = math.atan((1 - _F) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - _F) * math.tan(math.radians(lat2)))
    sin_u1, cos_u1, sin_u2, cos_u2 = math.sin(u1), math.cos(u1), math.sin(u2), math.cos(u2)
    lam = lon_diff
    for _ in range(_MAX_ITERATIONS):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0:
            return 0.0  # the same point
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha * sin_alpha
        # On the equator cos2_alpha is 0 and the term is unused.
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha else 0.0
        c = _F / 16 * cos2_alpha * (4 + _F * (4 - 3 * cos2_alpha))
        previous = lam
        lam = lon_diff + (1 - c) * _F * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (2 * cos_2sm * cos_2sm - 1))
        )
        if abs(lam - previous) < _CONVERGED:
            break
    else:
        return None
    u_sq = cos2_alpha * (_A * _A - _B * _B) / (_B * _B)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    cos2_2sm = cos_2sm * cos_2sm
    delta_sigma = (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (2 * cos2_2sm - 1)
                - big_b / 6 * cos_2sm * (4 * sin_sigma * sin_sigma - 3) * (4 * cos2_2sm - 3)
            )
        )
    )
    return _B * big_a * (sigma - delta_sigma)


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
