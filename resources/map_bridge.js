// The map's side of the bridge to Python. Python calls window.shuttleMap.<fn>(...) with
// JSON arguments; the page calls Python through the QWebChannel object "shuttle".
(function () {
  "use strict";

  var state = {
    map: null, stops: {}, legs: [], basemap: null, tiles: null, tileErrors: 0,
    highlighted: [], openPlace: null, ready: false, picking: false, basemapLoaded: false,
    cluster: null,
    // The view follows the trip (fitted on launch, trip switch, edits that move stops and
    // resizes) until the user pans or zooms; fit() (View > Fit Map to Trip) gives it back.
    userMoved: false, fitPending: false, programmatic: 0, autoPanning: false,
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

  // Moves of the view made by the page itself: they never count as the user's.
  function moveView(move) {
    state.programmatic += 1;
    try { move(); } finally { state.programmatic -= 1; }
  }

  function onUserMove() {
    if (!state.programmatic && !state.autoPanning) { state.userMoved = true; }
  }

  // The container's real size. Until the window lays the view out (later on a real
  // display than offscreen) it can be 0x0 or a few pixels: a fit then would choose the
  // zoom for a dot and keep it, so the fit waits for the "resize" that follows.
  function viewSize() {
    var box = state.map.getContainer();
    return { x: box.clientWidth, y: box.clientHeight };
  }

  var MIN_FIT_SIZE = 64;

  function fitNow() {
    var size = viewSize(), known = state.map.getSize();
    if (size.x < MIN_FIT_SIZE || size.y < MIN_FIT_SIZE) { state.fitPending = true; return false; }
    state.fitPending = false;
    moveView(function () {
      if (known.x !== size.x || known.y !== size.y) { state.map.invalidateSize({ pan: false }); }
      // Room for the markers (28 px) and, on the right, their labels; less on a small map.
      var edge = Math.round(Math.min(40, size.x / 10, size.y / 10));
      var labelRoom = Math.round(Math.min(100, size.x / 6));
      state.map.fitBounds(state.config.bounds, {
        paddingTopLeft: [edge, edge + 8], paddingBottomRight: [edge + labelRoom, edge],
        animate: false, maxZoom: 9,
      });
      layoutStopLabels();
      keepDrawnInView();
    });
    layoutLegLabels();
    return true;
  }

  // The fit knows the stops' coordinates, not how far their names reach: shift the view
  // so the names fit too, as far as that keeps every stop in view.
  var VIEW_MARGIN = 6;

  function extentOf(selector) {
    var frame = state.map.getContainer().getBoundingClientRect(), extent = null;
    state.map.getContainer().querySelectorAll(selector).forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (!r.width || !r.height || el.classList.contains("is-crowded")) { return; }
      var box = { left: r.left - frame.left, top: r.top - frame.top,
                  right: r.right - frame.left, bottom: r.bottom - frame.top };
      extent = !extent ? box : {
        left: Math.min(extent.left, box.left), top: Math.min(extent.top, box.top),
        right: Math.max(extent.right, box.right), bottom: Math.max(extent.bottom, box.bottom),
      };
    });
    return extent;
  }

  // How far to move the view along one axis: ``all`` inside [m, size - m] if it fits, else
  // centred, but never so far that ``core`` leaves that range.
  function shiftFor(all, core, low, high, size) {
    var m = VIEW_MARGIN, want = 0;
    if (all[high] - all[low] > size - 2 * m) { want = (all[low] + all[high] - size) / 2; }
    else if (all[low] < m) { want = all[low] - m; }
    else if (all[high] > size - m) { want = all[high] - (size - m); }
    var least = Math.min(0, core[high] - (size - m)), most = Math.max(0, core[low] - m);
    return Math.round(Math.max(least, Math.min(most, want)));
  }

  function keepDrawnInView() {
    var core = extentOf(".shuttle-stop, .shuttle-group");
    var all = extentOf(".shuttle-stop, .shuttle-group, .shuttle-stop-label, .shuttle-group-label");
    if (!core || !all) { return; }
    var size = viewSize();
    var dx = shiftFor(all, core, "left", "right", size.x);
    var dy = shiftFor(all, core, "top", "bottom", size.y);
    if (dx || dy) { state.map.panBy([dx, dy], { animate: false }); }
  }

  function onResize() {
    if (state.programmatic) { return; }  // fitNow's own invalidateSize
    if (!state.userMoved || state.fitPending) { fitNow(); } else { layoutLabels(); }
    fitPopup();
  }

  // Popups stay inside the map: as wide and tall as it allows, scrolling past that, and
  // panned into view with a margin (autoPan).
  function popupOptions() {
    var size = viewSize();
    return {
      maxWidth: Math.max(160, Math.min(340, size.x - 60)),
      minWidth: Math.min(200, Math.max(120, size.x - 80)),
      maxHeight: Math.max(100, size.y - 90),
      autoPan: true, autoPanPadding: [12, 12],
    };
  }

  function fitPopup() {
    Object.keys(state.stops).forEach(function (id) {
      var popup = state.stops[id].marker.getPopup();
      if (popup) {
        L.setOptions(popup, popupOptions());
        if (popup.isOpen()) { popup.update(); }
      }
    });
  }

  function setHighlight(placeIds, openPlaceId) {
    state.highlighted = placeIds.slice();
    Object.keys(state.stops).forEach(function (id) {
      var el = state.stops[id].marker.getElement();
      if (el) { el.classList.toggle("is-highlighted", placeIds.indexOf(id) >= 0); }
    });
    if (state.cluster) { state.cluster.refreshClusters(); }
    state.openPlace = null;
    if (openPlaceId && state.stops[openPlaceId]) {
      var marker = state.stops[openPlaceId].marker;
      // A stop inside a group shows its popup at its own place: the group stays as it is.
      var shown = state.cluster.getVisibleParent(marker) || marker;
      moveView(function () {
        if (!state.map.getBounds().pad(-0.1).contains(shown.getLatLng())) {
          state.map.panTo(shown.getLatLng(), { animate: false });
        }
        var popup = marker.getPopup();
        L.setOptions(popup, popupOptions());
        if (shown === marker) { marker.openPopup(); } else {
          state.map.openPopup(popup.setLatLng(marker.getLatLng()));
        }
      });
      state.openPlace = openPlaceId;
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
  // Stops closer than this on screen are drawn as one group (Leaflet.markercluster).
  var GROUP_RADIUS_PX = 44;
  var GROUP_NUMBERS_SHOWN = 4;
  var MAX_ZOOM = 18;

  function addStop(stop, labelled) {
    var marker = L.marker([stop.lat, stop.lon], {
      icon: L.divIcon({
        html: '<div class="shuttle-stop">' + stop.number + "</div>",
        iconSize: [28, 28], iconAnchor: [14, 14], className: "shuttle-stop-icon",
      }),
      keyboard: true,
      stopNumber: stop.number, stopLabel: stop.label, place: stop.place,
    });
    marker.bindPopup(stop.popup, popupOptions());
    marker.bindTooltip(stop.label, {
      permanent: labelled, direction: "right", offset: [16, 0],
      className: "shuttle-stop-label",
    });
    marker.on("add", function () {
      var el = marker.getElement();
      // The label arrives as escaped HTML; the attribute wants its text.
      var name = new DOMParser().parseFromString(stop.label, "text/html").body.textContent;
      el.setAttribute("aria-label", stop.number + ". " + name);
      el.classList.toggle("is-highlighted", state.highlighted.indexOf(stop.place) >= 0);
    });
    return marker;
  }

  // A group of stops shows every stop's number and their places' names (for a big group,
  // its count), so no stop disappears behind another; a click or Enter opens it.
  function groupIcon(group) {
    var children = group.getAllChildMarkers().slice().sort(function (a, b) {
      return a.options.stopNumber - b.options.stopNumber;
    });
    var numbers = children.map(function (m) { return m.options.stopNumber; });
    var names = [];
    children.forEach(function (m) {
      if (names.indexOf(m.options.stopLabel) < 0) { names.push(m.options.stopLabel); }
    });
    var hot = children.some(function (m) { return state.highlighted.indexOf(m.options.place) >= 0; });
    var many = numbers.length > GROUP_NUMBERS_SHOWN;
    var text = many ? String(numbers.length) : numbers.join(" · ");
    var width = many ? 36 : 18 + 8 * numbers.join("").length + 12 * (numbers.length - 1);
    var label = state.labelled && !many
      ? '<div class="shuttle-group-label">' + names.join(" · ") + "</div>" : "";
    return L.divIcon({
      html: '<div class="shuttle-group' + (many ? " is-many" : "") + '">' + text + "</div>" + label,
      iconSize: [width, 28], iconAnchor: [width / 2, 14],
      className: "shuttle-group-icon" + (hot ? " is-highlighted" : ""),
    });
  }

  function makeCluster() {
    var group = L.markerClusterGroup({
      maxClusterRadius: GROUP_RADIUS_PX, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true, zoomToBoundsOnClick: true, iconCreateFunction: groupIcon,
      animate: false,  // groups follow a zoom at once, so a fit can measure what it drew
      spiderLegPolylineOptions: { weight: 1.5, color: "#1f4e79", opacity: 0.6 },
    });
    group.on("animationend spiderfied unspiderfied", layoutLabels);
    return group;
  }

  function register(stopPlace, marker, meetings) {
    state.stops[stopPlace] = { marker: marker, meetings: meetings };
    marker.on("click", function () {
      if (!state.picking) { toPython("markerClicked", stopPlace); }
    });
  }

  function rectOf(el) {
    var r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }

  function overlaps(a, b, margin) {
    return a.left < b.right + margin && b.left < a.right + margin
      && a.top < b.bottom + margin && b.top < a.bottom + margin;
  }

  var MARKS = ".shuttle-stop, .shuttle-group";
  var NAMES = ".shuttle-stop-label, .shuttle-group-label";

  function boxesOf(selector, except) {
    var found = state.map.getContainer().querySelectorAll(selector);
    return Array.prototype.filter.call(found, function (el) {
      return el !== except && !el.classList.contains("is-crowded");
    }).map(rectOf);
  }

  function clear(box, taken) {
    return !taken.some(function (r) { return overlaps(box, r, 2); });
  }

  // Names go right of their stop, or left where the right is taken by another stop or
  // name; where neither side is free the name is hidden (the marker keeps it as its
  // accessible name and in its popup). Earlier stops in the trip choose first.
  function layoutStopLabels() {
    var marks = boxesOf(MARKS), placed = [];
    Object.keys(state.stops).forEach(function (id) {
      var marker = state.stops[id].marker, tooltip = marker.getTooltip();
      var el = tooltip && tooltip.options.permanent && marker._map && tooltip.getElement();
      if (!el) { return; }
      var own = marker.getElement() && rectOf(marker.getElement());
      var others = marks.filter(function (r) { return !own || !overlaps(r, own, -1); });
      var sides = [["right", [16, 0]], ["left", [-16, 0]]];
      el.classList.remove("is-crowded");
      for (var i = 0; i < sides.length; i++) {
        tooltip.options.direction = sides[i][0];
        tooltip.options.offset = sides[i][1];
        tooltip.update();
        var box = rectOf(el);
        if (clear(box, others) && clear(box, placed)) { placed.push(box); return; }
      }
      tooltip.options.direction = "right";
      tooltip.options.offset = [16, 0];
      tooltip.update();
      el.classList.add("is-crowded");
    });
    state.map.getContainer().querySelectorAll(".shuttle-group-label").forEach(function (el) {
      var own = rectOf(el.parentNode.querySelector(".shuttle-group"));
      var others = marks.filter(function (r) { return !overlaps(r, own, -1); });
      el.classList.remove("is-crowded", "is-left");
      if (clear(rectOf(el), others) && clear(rectOf(el), placed)) { placed.push(rectOf(el)); return; }
      el.classList.add("is-left");
      if (clear(rectOf(el), others) && clear(rectOf(el), placed)) { placed.push(rectOf(el)); return; }
      el.classList.remove("is-left");
      el.classList.add("is-crowded");
    });
  }

  // A leg's label sits at the middle of its arc; where that would cover a stop, a group,
  // a place name or another leg's label, it is hidden (the line stays, and the agenda
  // lists the leg).
  function layoutLegLabels() {
    var taken = boxesOf(MARKS).concat(boxesOf(NAMES));
    state.legs.forEach(function (line) {
      var tooltip = line.getTooltip(), el = tooltip && tooltip.getElement();
      if (!el) { return; }
      el.classList.remove("is-crowded");
      var box = rectOf(el);
      var crowded = !clear(box, taken);
      el.classList.toggle("is-crowded", crowded);
      if (!crowded) { taken.push(box); }
    });
  }

  function layoutLabels() {
    layoutStopLabels();
    layoutLegLabels();
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

  // Redraw stops and legs after an edit, without reloading the page. The view follows
  // when the stops' extent changed, unless the user has moved it; when it did not (legs
  // planned later arriving, say), a popup the user has open stays open.
  function update(payload) {
    var moved = JSON.stringify(payload.bounds) !== JSON.stringify(state.config.bounds);
    var open = moved ? null : openPopupPlace();
    state.cluster.clearLayers();
    state.legs.forEach(function (line) { state.map.removeLayer(line); });
    state.stops = {};
    state.legs = [];
    state.labelled = payload.stops.length <= LABELS_UP_TO;
    var markers = payload.stops.map(function (stop) {
      var marker = addStop(stop, state.labelled);
      register(stop.place, marker, stop.meetings);
      return marker;
    });
    state.cluster.addLayers(markers);
    drawing += 1;
    addLegs(payload.legs, state.labelled, 0, drawing);
    state.config.bounds = payload.bounds;
    setHighlight(
      state.highlighted.filter(function (id) { return state.stops[id]; }),
      open && state.stops[open] ? open : null
    );
    if (moved && !state.userMoved) { fitNow(); } else { layoutLabels(); }
  }

  function openPopupPlace() {
    var ids = Object.keys(state.stops);
    for (var i = 0; i < ids.length; i++) {
      var popup = state.stops[ids[i]].marker.getPopup();
      if (popup && popup.isOpen()) { return ids[i]; }
    }
    return null;
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

  // Enter or Space on a focused stop or group does what a click does (Leaflet alone
  // answers Enter only, and only on some elements).
  function onKeyDown(event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var target = event.target;
    if (!target.classList || !target.classList.contains("leaflet-marker-icon")) { return; }
    event.preventDefault();  // no keypress follows, so Leaflet does not click it a second time
    target.click();
  }

  function visibleStops() {
    var view = state.map.getBounds(), size = viewSize();
    return Object.keys(state.stops).map(function (id) {
      var marker = state.stops[id].marker, shown = state.cluster.getVisibleParent(marker);
      var point = state.map.latLngToContainerPoint(marker.getLatLng());
      return {
        place: id, number: marker.options.stopNumber, inBounds: view.contains(marker.getLatLng()),
        x: point.x, y: point.y,
        inside: point.x >= 0 && point.y >= 0 && point.x <= size.x && point.y <= size.y,
        grouped: !!shown && shown !== marker, drawn: !!shown,
      };
    });
  }

  window.shuttleMap = {
    // A trip to show: its stops and legs, and the view fitted to them.
    showTrip: function (payload) {
      state.userMoved = false;
      state.config.bounds = null;  // so update() fits it
      update(payload);
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
      state.userMoved = false;
      return fitNow();
    },
    // For tests and diagnostics: what the page holds now.
    state: function () {
      var lines = 0, groups = [], legs = new Set(state.legs);  // a Set: 10,000 legs
      state.map.eachLayer(function (layer) {
        if (layer instanceof L.Polyline && legs.has(layer)) { lines += 1; }
        if (layer instanceof L.MarkerCluster) {
          groups.push(layer.getAllChildMarkers().map(function (m) { return m.options.place; }));
        }
      });
      var size = viewSize(), center = state.map.getCenter();
      var popup = document.querySelector(".leaflet-popup-content");
      return {
        ready: state.ready, markers: Object.keys(state.stops).length, lines: lines,
        groups: groups, stops: visibleStops(),
        view: { width: size.x, height: size.y, zoom: state.map.getZoom(),
                center: [center.lat, center.lng] },
        userMoved: state.userMoved, fitPending: state.fitPending,
        legLabels: state.legs.map(function (line) {
          var el = line.getTooltip() && line.getTooltip().getElement();
          return el ? { text: el.textContent, shown: !el.classList.contains("is-crowded") } : null;
        }),
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
    // Groups split up to this zoom (markercluster needs one; folium sets none without tiles).
    state.map.setMaxZoom(MAX_ZOOM);
    state.cluster = makeCluster().addTo(state.map);
    state.map.on("movestart zoomstart", onUserMove);
    state.map.on("autopanstart", function () { state.autoPanning = true; });
    state.map.on("moveend", function () { state.autoPanning = false; });
    state.map.on("resize", onResize);
    state.map.on("zoomend moveend", function () { requestAnimationFrame(layoutLabels); });
    state.map.getContainer().addEventListener("keydown", onKeyDown);
    // Leaflet hears the window's resizes; this also hears the container's own.
    new ResizeObserver(function () { state.map.invalidateSize({ pan: false }); })
      .observe(state.map.getContainer());
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
