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
function greatCircle(ends) {{  // as resources/map_bridge.js draws legs
  var rad = Math.PI / 180, a = ends[0], b = ends[1];
  function unit(p) {{
    var lat = p[0] * rad, lon = p[1] * rad;
    return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  }}
  var u = unit(a), v = unit(b);
  var angle = Math.acos(Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2])));
  if (angle < 1e-9) {{ return [a, b]; }}
  var count = Math.max(2, Math.min(48, Math.ceil(angle / rad))), out = [], previous = a[1];
  for (var i = 0; i <= count; i++) {{
    var t = i / count, s = Math.sin(angle);
    var w1 = Math.sin((1 - t) * angle) / s, w2 = Math.sin(t * angle) / s;
    var x = w1 * u[0] + w2 * v[0], y = w1 * u[1] + w2 * v[1], z = w1 * u[2] + w2 * v[2];
    var lon = Math.atan2(y, x) / rad;
    while (lon - previous > 180) {{ lon -= 360; }}
    while (lon - previous < -180) {{ lon += 360; }}
    previous = lon;
    out.push([Math.atan2(z, Math.hypot(x, y)) / rad, lon]);
  }}
  return out;
}}
payload.legs.forEach(function (leg) {{
  L.polyline(greatCircle(leg.ends)).bindTooltip(leg.label, {{permanent: true}}).addTo(map);
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
