"""Places for a trip from a gazetteer city, from coordinates, or from an online result.

Each place's zone fills itself in: a gazetteer city carries its IANA zone, and a bare
point (a click on the map, a Nominatim result) gets its zone from timezonefinder's
offline boundary data. Every place says where its coordinates and zone came from.
Ids are slugs of the name, made unique within the trip (``taken``).
"""

from __future__ import annotations

import atexit
from collections.abc import Collection
from functools import cache
from typing import TYPE_CHECKING

from data.gazetteer import City, Gazetteer
from data.geocoding import GeocodeResult
from data.ids import place_id
from data.model import Place, PlaceKind, Provenance, ProvenanceKind, zone

if TYPE_CHECKING:
    from timezonefinder import TimezoneFinder


def place_from_city(
    city: City,
    name: str | None = None,
    kind: PlaceKind = PlaceKind.CITY,
    taken: Collection[str] = (),
) -> Place:
    """A place at a gazetteer city's centre, in its zone (``name`` defaults to the city's)."""
    label = (name or city.name).strip()
    return Place(
        place_id(label, taken),
        label,
        city.name,
        city.country,
        city.lat,
        city.lon,
        city.timezone,
        kind,
        (
            Provenance(
                ProvenanceKind.COMPUTED,
                note=f"coordinates and time zone of {city.label} from the GeoNames gazetteer "
                f"(geonameid {city.geonameid})",
            ),
        ),
    )


def place_from_coordinates(
    lat: float,
    lon: float,
    name: str,
    city: str = "",
    country: str = "",
    kind: PlaceKind = PlaceKind.VENUE,
    taken: Collection[str] = (),
    provenance: tuple[Provenance, ...] = (),
) -> Place:
    """A place at a point, its zone found from the coordinates (offline)."""
    return Place(
        place_id(name, taken),
        name.strip(),
        city,
        country,
        lat,
        lon,
        zone_at(lat, lon),
        kind,
        (
            *provenance,
            Provenance(
                ProvenanceKind.COMPUTED, note="time zone from the coordinates (timezonefinder)"
            ),
        ),
    )


def place_from_geocode(
    result: GeocodeResult,
    gazetteer: Gazetteer,
    name: str | None = None,
    kind: PlaceKind = PlaceKind.VENUE,
    taken: Collection[str] = (),
) -> Place:
    """A place from an online (Nominatim) result; city and country from the nearest
    gazetteer city within 30 km, else left blank rather than guessed."""
    near = gazetteer.nearest(result.lat, result.lon, within_km=30)
    return place_from_coordinates(
        result.lat,
        result.lon,
        name or result.address.split(",")[0],
        near.name if near else "",
        near.country if near else "",
        kind,
        taken,
        (
            Provenance(
                ProvenanceKind.COMPUTED,
                note=f"coordinates from OpenStreetMap Nominatim: {result.address}",
            ),
        ),
    )


def zone_at(lat: float, lon: float) -> str:
    """The IANA zone at a point (an Etc/GMT zone at sea); ValueError when none is known."""
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"({lat}, {lon}) is not a point on Earth")
    name = _finder().timezone_at(lng=lon, lat=lat)
    if name is None:
        raise ValueError(f"no time zone is known at ({lat}, {lon})")
    zone(name)  # a zone tzdata does not know would fail later, less clearly
    return name


@cache
def _finder() -> TimezoneFinder:
    # Loaded once, on first use (about 0.1 s); lookups are then microseconds. The
    # boundary data stays memory-mapped (not a 31 MB copy) and is released at exit,
    # which timezonefinder otherwise leaves to the garbage collector, with warnings.
    from timezonefinder import TimezoneFinder

    finder = TimezoneFinder()
    atexit.register(finder.cleanup)
    return finder
