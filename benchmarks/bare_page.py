"""The baseline page: plain Leaflet (from xstatic, by file URL) with the trip's markers.

It draws the same stops (numbered div icons, popups, labels) and legs as Shuttle's map,
from :func:`data.map_payload.map_payload`, with no basemap, folium, jQuery or bridge.
"""

from __future__ import annotations

import json
from pathlib import Path

import xstatic.pkg.leaflet as leaflet

from data.map_payload import map_payload
from data.model import Trip

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
<style>html, body, #map {{ height: 100%; margin: 0; }}</style>
</head><body><div id="map"></div>
<script type="application/json" id="data">{data}</script>
<script>
var payload = JSON.parse(document.getElementById("data").textContent);
var map = L.map("map");
payload.stops.forEach(function (stop) {{
  L.marker([stop.lat, stop.lon], {{icon: L.divIcon({{
    html: "<div>" + stop.number + "</div>", iconSize: [28, 28], iconAnchor: [14, 14]}})}})
    .bindPopup(stop.popup).bindTooltip(stop.label, {{permanent: true}}).addTo(map);
}});
payload.legs.forEach(function (leg) {{
  L.polyline(leg.points).bindTooltip(leg.label, {{permanent: true}}).addTo(map);
}});
map.fitBounds(payload.bounds, {{animate: false}});
window.benchDrawn = true;
</script></body></html>
"""


def write_bare_page(trip: Trip, path: Path) -> Path:
    base = Path(leaflet.BASE_DIR)
    data = json.dumps(map_payload(trip)).replace("<", "\\u003c")
    path.write_text(
        _PAGE.format(
            css=(base / "leaflet.css").as_uri(), js=(base / "leaflet.js").as_uri(), data=data
        ),
        encoding="utf-8",
    )
    return path
