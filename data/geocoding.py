"""Online geocoding through OpenStreetMap's Nominatim, only when the user asks.

Nominatim's policy asks for an identifying user agent and at most one request a second.
Every lookup in the process takes its turn at one :data:`NOMINATIM_LIMIT`, so the rule
holds however many lookups run at once. Nothing here runs at
start-up or in tests against the real service: ``SHUTTLE_NOMINATIM_URL`` points the
lookups at another server (a self-hosted Nominatim, or a test's local one).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

NOMINATIM_URL_ENV = "SHUTTLE_NOMINATIM_URL"


def user_agent() -> str:
    # Imported here: importlib.metadata costs the window's start-up tens of milliseconds.
    from data.version import version

    release = version().split(" ")[0]
    return f"Shuttle/{release} (desktop planner for diplomatic trips; geocodes on request only)"


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    address: str
    lat: float
    lon: float


class GeocodingError(RuntimeError):
    """The lookup could not be made (offline, refused, timed out, cancelled)."""


class LookupCancelled(GeocodingError):
    """The user cancelled the lookup before it was sent."""


class RateLimit:
    """One request at a time, each starting at least ``interval`` seconds after the last
    one finished, across every thread of the process (so the server never sees two
    closer than that, however slow the network).
    """

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._last_done = -math.inf

    @contextmanager
    def turn(self, cancelled: threading.Event | None = None) -> Iterator[None]:
        """Hold the one turn for a request; LookupCancelled if ``cancelled`` is set first."""
        stop = cancelled or threading.Event()
        while not self._lock.acquire(timeout=0.05):
            if stop.is_set():
                raise LookupCancelled("the lookup was cancelled")
        try:
            delay = self._last_done + self.interval - time.monotonic()
            if stop.wait(delay) if delay > 0 else stop.is_set():
                raise LookupCancelled("the lookup was cancelled")
            try:
                yield
            finally:
                self._last_done = time.monotonic()
        finally:
            self._lock.release()


NOMINATIM_LIMIT = RateLimit(1.0)


def geocode_online(
    query: str,
    limit: int = 5,
    timeout: float = 10.0,
    cancelled: threading.Event | None = None,
) -> list[GeocodeResult]:
    """Places matching ``query``, asked in its turn at NOMINATIM_LIMIT.

    Raises GeocodingError (LookupCancelled when ``cancelled`` was set before sending).
    """
    from geopy.exc import GeopyError
    from geopy.geocoders import Nominatim

    server = urlsplit(os.environ.get(NOMINATIM_URL_ENV) or "https://nominatim.openstreetmap.org")
    geocoder = Nominatim(
        user_agent=user_agent(),
        timeout=timeout,
        domain=server.netloc + server.path.rstrip("/"),
        scheme=server.scheme or "https",
    )
    try:
        with NOMINATIM_LIMIT.turn(cancelled):
            found = geocoder.geocode(query, exactly_one=False, limit=limit) or []
    except GeopyError as exc:
        raise GeocodingError(f"online lookup of {query!r} failed: {exc}") from exc
    return [GeocodeResult(loc.address, loc.latitude, loc.longitude) for loc in found]
