"""Online geocoding through OpenStreetMap's Nominatim, only when the user asks.

Nominatim's policy asks for an identifying user agent and at most one request a second.
Every lookup in the process waits its turn at one :data:`NOMINATIM_LIMIT`, so the rule
holds however many lookups the window and the command line make. Nothing here runs at
start-up or in tests against the real service: ``SHUTTLE_NOMINATIM_URL`` points the
lookups at another server (a self-hosted Nominatim, or a test's local one).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from data.version import version

NOMINATIM_URL_ENV = "SHUTTLE_NOMINATIM_URL"


def user_agent() -> str:
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
    """At most one request per ``interval`` seconds, across every thread of the process.

    Each caller reserves the next free slot, then waits for it outside the lock, so
    callers are served in turn and a cancelled wait gives its slot up to nobody early.
    """

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._next = 0.0

    def reserve(self) -> float:
        """Seconds to wait before this caller's request may go."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
            return slot - now

    def wait(self, cancelled: threading.Event | None = None) -> None:
        """Block until this caller's turn; LookupCancelled if ``cancelled`` is set first."""
        delay = self.reserve()
        stop = cancelled or threading.Event()
        if stop.wait(delay) if delay > 0 else stop.is_set():
            raise LookupCancelled("the lookup was cancelled")


NOMINATIM_LIMIT = RateLimit(1.0)


def geocode_online(
    query: str,
    limit: int = 5,
    timeout: float = 10.0,
    cancelled: threading.Event | None = None,
) -> list[GeocodeResult]:
    """Places matching ``query``; waits its turn at NOMINATIM_LIMIT first.

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
    NOMINATIM_LIMIT.wait(cancelled)
    try:
        found = geocoder.geocode(query, exactly_one=False, limit=limit) or []
    except GeopyError as exc:
        raise GeocodingError(f"online lookup of {query!r} failed: {exc}") from exc
    return [GeocodeResult(loc.address, loc.latitude, loc.longitude) for loc in found]
