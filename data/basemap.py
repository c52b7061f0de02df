"""The offline basemap as compact binary rings, for ``resources/basemap_layer.js``.

The source is Natural Earth's 1:50m admin-0 countries (public domain), as TopoJSON from
the world-atlas 2.0.2 npm package (ISC licence, ``datasets/world-atlas.LICENSE``).

The shipped Natural Earth TopoJSON, parsed as a script in the page, cost the renderer tens
of megabytes of JavaScript objects; the page now fetches this layout into typed arrays:

    uint32 countries, rings, points
    uint32 rings of each country          (countries values)
    uint32 points of each ring            (rings values)
    float32 x, y of each point            (Web Mercator, 0..1 from west and north)

all little-endian. A ring that crosses the antimeridian keeps going past 0 or 1 instead of
jumping across the world, so it is drawn whole. Converting takes a while in Python, so
the result is cached like the map page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import sys
from array import array
from importlib.resources import files
from pathlib import Path
from typing import Any

from data.files import write_atomically

log = logging.getLogger(__name__)

BASEMAP_FILE = Path(str(files("data").joinpath("datasets", "countries-50m.topojson")))
MAX_LAT = 85.0511287798  # where Web Mercator (and Leaflet) stops


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator, scaled to 0..1 from the west edge and the north edge."""
    phi = math.radians(max(-MAX_LAT, min(MAX_LAT, lat)))
    return 0.5 + lon / 360, 0.5 - math.log(math.tan(math.pi / 4 + phi / 2)) / (2 * math.pi)


def encode(topology: dict[str, Any]) -> bytes:
    """The countries of a quantized TopoJSON topology in the layout above."""
    arcs = _decode_arcs(topology)
    rings_per_country: list[int] = []
    points_per_ring: list[int] = []
    coords = array("f")
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry.get("arcs", [])
        if kind not in ("Polygon", "MultiPolygon") or not polygons:
            continue
        rings = [ring for polygon in polygons for ring in polygon]
        rings_per_country.append(len(rings))
        for ring in rings:
            points = _join_ring(arcs, ring)
            points_per_ring.append(len(points) // 2)
            coords.extend(points)
    header = array("I", [len(rings_per_country), len(points_per_ring), len(coords) // 2])
    header.extend(rings_per_country)
    header.extend(points_per_ring)
    if sys.byteorder != "little":
        header.byteswap()
        coords.byteswap()
    return header.tobytes() + coords.tobytes()


def basemap_bytes(cache_dir: Path | None, source: Path = BASEMAP_FILE) -> bytes:
    """:func:`encode` of ``source``, kept in ``cache_dir`` under the hash of its inputs."""
    raw = source.read_bytes()
    if cache_dir is None:
        return encode(json.loads(raw))
    digest = hashlib.sha256(raw)
    digest.update(Path(__file__).read_bytes())
    path = cache_dir / f"basemap-{digest.hexdigest()[:16]}.bin"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = encode(json.loads(raw))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for stale in cache_dir.glob("basemap-*.bin"):
            stale.unlink(missing_ok=True)
        write_atomically(data, path)
    except OSError as exc:
        log.warning("could not cache the basemap in %s: %s", cache_dir, exc)
    return data


def _decode_arcs(topology: dict[str, Any]) -> list[list[float]]:
    """Quantized, delta-encoded arcs -> [x0, y0, x1, y1, ...] in Mercator, per arc."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[float] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.extend(mercator(x * scale_x + shift_x, y * scale_y + shift_y))
        out.append(points)
    return out


def _join_ring(arcs: list[list[float]], ring: list[int]) -> list[float]:
    """One ring's arcs in order (``~i`` is arc ``i`` reversed), unwrapped at the antimeridian."""
    out: list[float] = []
    shift = 0.0
    previous: float | None = None
    for index in ring:
        points = arcs[~index if index < 0 else index]
        pairs = range(len(points) // 2)
        for i in reversed(pairs) if index < 0 else pairs:
            x = points[2 * i] + shift
            if previous is not None and x - previous > 0.5:
                shift -= 1
                x -= 1
            elif previous is not None and previous - x > 0.5:
                shift += 1
                x += 1
            out.extend((x, points[2 * i + 1]))
            previous = x
    return out
