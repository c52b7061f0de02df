"""Online geocoding through OpenStreetMap's Nominatim, only when the user asks.

Nominatim's policy asks for an identifying user agent and at most one request a second;
geopy's RateLimiter keeps to it. Nothing here runs at start-up or in tests.
"""

from __future__ import annotations

from dataclasses import dataclass

USER_AGENT = "Shuttle/0.1 (desktop planner for diplomatic trips; geocodes on request only)"


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    address: str
    lat: float
    lon: float


class GeocodingError(RuntimeError):
    """The lookup could not be made (offline, refused, timed out)."""


def geocode_online(query: str, limit: int = 5, timeout: float = 10.0) -> list[GeocodeResult]:
    from geopy.exc import GeopyError
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(user_agent=USER_AGENT, timeout=timeout)
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=1.0, max_retries=1)
    try:
        found = geocode(query, exactly_one=False, limit=limit) or []
    except GeopyError as exc:
        raise GeocodingError(f"online lookup of {query!r} failed: {exc}") from exc
    return [GeocodeResult(loc.address, loc.latitude, loc.longitude) for loc in found]
