// The map's side of the bridge to Python. Python calls window.shuttleMap.<fn>(...) with
// JSON arguments; the page calls Python through the QWebChannel object "shuttle".
(function () {
  "use strict";

  var state = {
    map: null, stops: {}, legs: [], basemap: null, tiles: null, tileErrors: 0,
    highlighted: [], openPlace: null, ready: false, picking: false, basemapLoaded: false,
  };
  var bridge = null;
  var pending = [];

  function toPython(method, arg) {
    if (bridge) { bridge[method](arg); } else { pending.push([method, arg]); }
  }

  // The page's colours are map.css's variables, for the scheme setScheme chose.
  function cssColor(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function basemapColors() { return { fill: cssColor("--land"), stroke: cssColor("--border") }; }

  // The basemap (800 KB of outlines) loads after the page is up, so the page is ready for
  // the trip sooner; it paints beneath the stops in its own pane when it arrives.
  function loadBasemap(url) {
    fetch(url)
      .then(function (response) {
        if (!response.ok) { throw new Error("basemap: HTTP " + response.status); }
        return response.arrayBuffer();
      })
      .then(function (buffer) {
        state.basemap = window.shuttleBasemap(buffer, basemapColors()).addTo(state.map);
      })
      .catch(function (error) { console.error(String(error)); })
      .finally(function () { state.basemapLoaded = true; });
  }

  function setHighlight(placeIds, openPlaceId) {
    state.highlighted = placeIds.slice();
    Object.keys(state.stops).forEach(function (id) {
      var el = state.stops[id].marker.getElement();
      if (el) { el.classList.toggle("is-highlighted", placeIds.indexOf(id) >= 0); }
    });
    state.openPlace = null;
    if (openPlaceId && state.stops[openPlaceId]) {
      var marker = state.stops[openPlaceId].marker;
      marker.openPopup();
      state.openPlace = openPlaceId;
      if (!state.map.getBounds().pad(-0.1).contains(marker.getLatLng())) {
        state.map.panTo(marker.getLatLng(), { animate: false });
      }
    } else {
      state.map.closePopup();
    }
  }

  var STOP_STYLE = { color: "#b03a2e", weight: 3, opacity: 0.85, dashArray: "8 6" };
  // Past this many stops, labels show on hover only: hundreds of permanent labels are
  // unreadable and cost seconds of layout.
  var LABELS_UP_TO = 40;
  var ARC_POINTS = 48;  // segments of the longest leg; one a degree for shorter ones
  // Legs drawn per turn of the page's event loop: the stops of a trip of thousands of
  // legs show at once, its legs follow within the second, and the page answers meanwhile.
  var LEGS_AT_ONCE = 400;
  var drawing = 0;  // the update() whose legs are being drawn; a newer one stops an older one

  function addStop(stop, labelled) {
    var marker = L.marker([stop.lat, stop.lon], {
      icon: L.divIcon({
        html: '<div class="shuttle-stop">' + stop.number + "</div>",
        iconSize: [28, 28], iconAnchor: [14 - stop.shift, 14], className: "shuttle-stop-icon",
      }),
    }).addTo(state.map);
    marker.bindPopup(stop.popup, { maxWidth: 340 });
    marker.bindTooltip(stop.label, {
      permanent: labelled, direction: stop.shift < 0 ? "left" : "right",
      offset: stop.shift < 0 ? [stop.shift - 16, 0] : [stop.shift + 16, 0],
      className: "shuttle-stop-label",
    });
    return marker;
  }

  function register(stopPlace, marker, meetings) {
    state.stops[stopPlace] = { marker: marker, meetings: meetings };
    marker.on("click", function () {
      if (!state.picking) { toPython("markerClicked", stopPlace); }
    });
  }

  // Points along the great circle between two [lat, lon] ends, computed here rather than
  // sent: thousands of legs would be megabytes of JSON. Spherical interpolation draws the
  // same line as the ellipsoidal geodesic at map scale (distances stay geodesic, see
  // data/distances.py); longitudes stay continuous across the antimeridian.
  function greatCircle(ends) {
    var rad = Math.PI / 180, a = ends[0], b = ends[1];
    function unit(p) {
      var lat = p[0] * rad, lon = p[1] * rad;
      return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
    }
    var u = unit(a), v = unit(b);
    var angle = Math.acos(Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2])));
    if (angle < 1e-9) { return [a, b]; }
    var count = Math.max(2, Math.min(ARC_POINTS, Math.ceil(angle / rad)));
    var out = [], previous = a[1];
    for (var i = 0; i <= count; i++) {
      var t = i / count, s = Math.sin(angle);
      var w1 = Math.sin((1 - t) * angle) / s, w2 = Math.sin(t * angle) / s;
      var x = w1 * u[0] + w2 * v[0], y = w1 * u[1] + w2 * v[1], z = w1 * u[2] + w2 * v[2];
      var lon = Math.atan2(y, x) / rad;
      while (lon - previous > 180) { lon -= 360; }
      while (lon - previous < -180) { lon += 360; }
      previous = lon;
      out.push([Math.atan2(z, Math.hypot(x, y)) / rad, lon]);
    }
    return out;
  }

  // Redraw stops and legs after an edit, without reloading the page.
  function update(payload) {
    Object.keys(state.stops).forEach(function (id) { state.map.removeLayer(state.stops[id].marker); });
    state.legs.forEach(function (line) { state.map.removeLayer(line); });
    state.stops = {};
    state.legs = [];
    var labelled = payload.stops.length <= LABELS_UP_TO;
    payload.stops.forEach(function (stop) {
      register(stop.place, addStop(stop, labelled), stop.meetings);
    });
    drawing += 1;
    addLegs(payload.legs, labelled, 0, drawing);
    state.config.bounds = payload.bounds;
    setHighlight(state.highlighted.filter(function (id) { return state.stops[id]; }), null);
  }

  function addLegs(legs, labelled, from, generation) {
    if (generation !== drawing) { return; }
    var end = Math.min(legs.length, from + LEGS_AT_ONCE);
    for (var i = from; i < end; i++) {
      var line = L.polyline(greatCircle(legs[i].ends), STOP_STYLE).addTo(state.map);
      line.bindTooltip(legs[i].label, {
        permanent: labelled, direction: "center", className: "shuttle-leg-label",
      });
      state.legs.push(line);
    }
    if (end < legs.length) {
      setTimeout(function () { addLegs(legs, labelled, end, generation); }, 0);
    }
  }

  function onMapClick(event) {
    if (!state.picking) { return; }
    setPicking(false);
    toPython("mapClicked", JSON.stringify([event.latlng.lat, event.latlng.lng]));
  }

  function setPicking(on) {
    state.picking = !!on;
    state.map.getContainer().style.cursor = on ? "crosshair" : "";
  }

  window.shuttleMap = {
    // A trip to show: its stops and legs, and the view fitted to them.
    showTrip: function (payload) {
      update(payload);
      window.shuttleMap.fit();
      return true;
    },
    update: update,
    greatCircle: greatCircle,
    setPicking: setPicking,
    highlight: setHighlight,
    setOnlineTiles: function (on) {
      if (on && !state.tiles) {
        state.tileErrors = 0;
        state.tiles = L.tileLayer(state.config.tiles.url, {
          maxZoom: 19, attribution: state.config.tiles.attribution,
        });
        state.tiles.on("tileerror", function () {
          state.tileErrors += 1;
          if (state.tileErrors === 1) { toPython("tilesFailed", ""); }
        });
        state.tiles.addTo(state.map);
      } else if (!on && state.tiles) {
        state.map.removeLayer(state.tiles);
        state.tiles = null;
      }
    },
    // "dark" or "light", from the system's colour scheme (see ui/map_pane.py).
    setScheme: function (scheme) {
      document.documentElement.dataset.scheme = scheme === "dark" ? "dark" : "light";
      if (state.basemap) {
        L.setOptions(state.basemap, basemapColors());
        state.basemap.redraw();
      }
      return document.documentElement.dataset.scheme;
    },
    // For the printed snapshot: no zoom buttons on paper.
    setControls: function (on) {
      var zoom = state.map.zoomControl;
      if (zoom) { if (on) { zoom.addTo(state.map); } else { zoom.remove(); } }
    },
    fit: function () {
      state.map.fitBounds(state.config.bounds, { padding: [48, 48], animate: false, maxZoom: 9 });
    },
    // For tests and diagnostics: what the page holds now.
    state: function () {
      var markers = 0, lines = 0;
      state.map.eachLayer(function (layer) {
        if (layer instanceof L.Marker) { markers += 1; }
        else if (layer instanceof L.Polyline) { lines += 1; }
      });
      var popup = document.querySelector(".leaflet-popup-content");
      return {
        ready: state.ready, markers: markers, lines: lines,
        highlighted: state.highlighted, openPlace: state.openPlace,
        basemapFeatures: state.basemap ? state.basemap.countryCount() : 0,
        // Loaded (or failed) and every visible tile painted.
        basemapDone: state.basemapLoaded && !(state.basemap && state.basemap.isLoading()),
        tiles: !!state.tiles, picking: state.picking, popupText: popup ? popup.innerText : null,
        popupHtml: popup ? popup.innerHTML : null,
        zoomAnimating: !!document.querySelector(".leaflet-zoom-anim"),
        scheme: document.documentElement.dataset.scheme || "light",
        sea: getComputedStyle(state.map.getContainer()).backgroundColor,
        popupBackground: popup ? getComputedStyle(popup.parentNode).backgroundColor : null,
        land: state.basemap ? state.basemap.options.fill : null,
      };
    },
  };

  document.addEventListener("DOMContentLoaded", function () {
    var config = JSON.parse(document.getElementById("shuttle-map-data").textContent);
    state.config = config;
    state.map = window[config.map];
    state.map.createPane("basemap");
    state.map.getPane("basemap").style.zIndex = 150;
    state.map.on("click", onMapClick);
    state.map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com">Leaflet</a> · Natural Earth');
    window.shuttleMap.fit();
    loadBasemap(config.basemap);
    state.ready = true;
    if (window.qt && window.QWebChannel) {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.shuttle;
        pending.forEach(function (call) { bridge[call[0]](call[1]); });
        pending = [];
        bridge.mapReady("");
      });
    }
  });
})();
