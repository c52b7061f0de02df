"""The map page (folium/Leaflet): one shell for every trip, that needs no network.

The page holds no trip: its script (``resources/map_bridge.js``) draws whatever
:func:`data.map_payload.map_payload` gives it, so one page serves every trip and every
edit. That lets the window start loading it before the trip is read, and lets folium's
output be kept on disk: folium and its dependencies take longer to import than the web
engine takes to start, so they run only when the cached page is missing or stale.

Leaflet comes from the installed ``xstatic`` package, Leaflet.markercluster (which groups
stops that overlap on screen) is vendored in ``resources/vendor``, the basemap is Natural
Earth country outlines shipped in ``data/datasets`` (served as :mod:`data.basemap` makes
them); every asset is fetched from ``asset_base`` (the window serves them through its own
URL scheme).
"""

from __future__ import annotations

import hashlib
import json
import logging
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from data.files import write_atomically
from resources import resource_path

log = logging.getLogger(__name__)

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
# Where the map looks before a trip is drawn (and for a trip with no places).
DEFAULT_BOUNDS = [[35.0, -10.0], [60.0, 30.0]]
# Leaflet.markercluster groups stops that overlap on screen; shipped, never fetched.
CLUSTER_DIR = "vendor/leaflet.markercluster"
CLUSTER_FILES = ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")


def asset_files() -> dict[str, Path]:
    """Every file the map page loads, by the path it asks for under ``asset_base``."""
    import xstatic.pkg.leaflet as leaflet

    leaflet_dir = Path(leaflet.BASE_DIR)
    files = {
        "leaflet/leaflet.js": leaflet_dir / "leaflet.js",
        "leaflet/leaflet.css": leaflet_dir / "leaflet.css",
        "basemap_layer.js": resource_path("basemap_layer.js"),
        "map_bridge.js": resource_path("map_bridge.js"),
        "map.css": resource_path("map.css"),
    }
    for name in CLUSTER_FILES:  # vendored: see resources/vendor/leaflet.markercluster/README
        files[f"{CLUSTER_DIR}/{name}"] = resource_path(f"{CLUSTER_DIR}/{name}")
    for image in (leaflet_dir / "images").iterdir():
        files[f"leaflet/images/{image.name}"] = image
    return files


def build_page(asset_base: str, tiles_url: str = OSM_TILES) -> str:
    """The page, built by folium; ``tiles_url`` is used once the user turns tiles on."""
    import folium  # slow to import: only here, see the module docstring

    # Legs on one canvas, not an SVG path each: thousands of legs draw in a fraction of
    # the time (markers stay DOM elements, for their numbers and highlight).
    fmap = folium.Map(
        location=None, tiles=None, control_scale=True, zoom_start=5, prefer_canvas=True
    )
    # Per instance, so no other map in the process is affected (docs/platform.md).
    # Only Leaflet: jQuery was there for folium's popups, and the page now makes its own.
    fmap.default_js = [
        ("leaflet", f"{asset_base}leaflet/leaflet.js"),
        ("markercluster", f"{asset_base}{CLUSTER_DIR}/leaflet.markercluster.js"),
    ]
    fmap.default_css = [
        ("leaflet_css", f"{asset_base}leaflet/leaflet.css"),
        ("markercluster_css", f"{asset_base}{CLUSTER_DIR}/MarkerCluster.css"),
        ("markercluster_default_css", f"{asset_base}{CLUSTER_DIR}/MarkerCluster.Default.css"),
        ("shuttle_css", f"{asset_base}map.css"),
    ]
    root: Any = fmap.get_root()  # a branca Figure
    config = {
        "map": fmap.get_name(),
        "basemap": f"{asset_base}basemap.bin",
        "bounds": DEFAULT_BOUNDS,
        "tiles": {"url": tiles_url, "attribution": OSM_ATTRIBUTION},
    }
    # JSON inside <script>: '<' escaped so no text can close the element.
    blob = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    root.header.add_child(
        folium.Element(f'<script type="application/json" id="shuttle-map-data">{blob}</script>')
    )
    for script in ("basemap_layer.js", "map_bridge.js"):  # after Leaflet, which they extend
        root.html.add_child(folium.Element(f'<script src="{asset_base}{script}"></script>'))
    return str(root.render())


def cached_page(asset_base: str, tiles_url: str, cache_dir: Path | None) -> str:
    """:func:`build_page`, kept in ``cache_dir`` under a key of everything that shapes it.

    The key covers this module's source and the installed folium, branca and jinja2, so an
    upgrade or an edit builds a new page. A cache that cannot be read or written is skipped.
    """
    if cache_dir is None:
        return build_page(asset_base, tiles_url)
    path = cache_dir / f"map-page-{_page_key(asset_base, tiles_url)}.html"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    page = build_page(asset_base, tiles_url)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for stale in cache_dir.glob("map-page-*.html"):
            stale.unlink(missing_ok=True)
        write_atomically(page.encode("utf-8"), path)
    except OSError as exc:
        log.warning("could not cache the map page in %s: %s", cache_dir, exc)
    return page


def _page_key(asset_base: str, tiles_url: str) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    parts = [asset_base, tiles_url]
    for package in ("folium", "branca", "jinja2"):
        parts.append(_installed(package))
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()[:16]


def _installed(package: str) -> str:
    """Which copy of ``package`` is installed, without importing it (that is the slow part).

    An upgrade rewrites the package's files, so their path, size and time identify it.
    """
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        return "none"
    stat = Path(spec.origin).stat()
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"
