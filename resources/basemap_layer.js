// The offline basemap: Natural Earth countries (TopoJSON) painted onto canvas tiles.
//
// L.geoJSON would turn the outlines' ~160,000 points into as many LatLng and Point
// objects and SVG paths (about 70 MB in the renderer). Here each ring is decoded once
// into a Float64Array of Web Mercator coordinates (0..1) and tiles are painted from it.
(function () {
  "use strict";

  var MAX_LAT = 85.0511287798;  // Leaflet's spherical Mercator limit

  function mercator(lon, lat) {
    var phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
    return [0.5 + lon / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
  }

  // Quantized, delta-encoded arcs -> one Float64Array [x0, y0, x1, y1, ...] per arc.
  function decodeArcs(topology) {
    var scale = topology.transform.scale, shift = topology.transform.translate;
    return topology.arcs.map(function (arc) {
      var out = new Float64Array(arc.length * 2), x = 0, y = 0;
      for (var i = 0; i < arc.length; i++) {
        x += arc[i][0];
        y += arc[i][1];
        var p = mercator(x * scale[0] + shift[0], y * scale[1] + shift[1]);
        out[2 * i] = p[0];
        out[2 * i + 1] = p[1];
      }
      return out;
    });
  }

  // One ring as a Float64Array [x0, y0, x1, y1, ...], its arcs joined in order (~i is arc i
  // reversed). Where the ring crosses the antimeridian, x runs on past 0 or 1 rather than
  // jumping across the world, so the shape stays whole (tiles draw its copies, see below).
  function joinRing(arcs, ring) {
    var length = 0;
    ring.forEach(function (index) { length += arcs[index < 0 ? ~index : index].length; });
    var out = new Float64Array(length), at = 0, shift = 0, previous = null;
    ring.forEach(function (index) {
      var points = arcs[index < 0 ? ~index : index], n = points.length / 2;
      for (var k = 0; k < n; k++) {
        var i = index < 0 ? n - 1 - k : k, x = points[2 * i] + shift;
        if (previous !== null && x - previous > 0.5) { shift -= 1; x -= 1; }
        else if (previous !== null && previous - x > 0.5) { shift += 1; x += 1; }
        out[at++] = previous = x;
        out[at++] = points[2 * i + 1];
      }
    });
    return out.subarray(0, at);
  }

  // A country: its rings and their bounding box [minX, minY, maxX, maxY].
  function decodeCountries(topology, arcs) {
    var countries = [];
    topology.objects.countries.geometries.forEach(function (geometry) {
      var polygons = geometry.type === "Polygon" ? [geometry.arcs]
        : geometry.type === "MultiPolygon" ? geometry.arcs : [];
      var rings = [], box = [Infinity, Infinity, -Infinity, -Infinity];
      polygons.forEach(function (polygon) {
        polygon.forEach(function (ring) {
          var points = joinRing(arcs, ring);
          rings.push(points);
          for (var i = 0; i < points.length; i += 2) {
            box[0] = Math.min(box[0], points[i]);
            box[1] = Math.min(box[1], points[i + 1]);
            box[2] = Math.max(box[2], points[i]);
            box[3] = Math.max(box[3], points[i + 1]);
          }
        });
      });
      if (rings.length) { countries.push({ rings: rings, box: box }); }
    });
    return countries;
  }

  function traceRing(ctx, points, size, left, top) {
    ctx.moveTo(points[0] * size - left, points[1] * size - top);
    for (var i = 2; i < points.length; i += 2) {
      ctx.lineTo(points[i] * size - left, points[i + 1] * size - top);
    }
    ctx.closePath();
  }

  var BasemapLayer = L.GridLayer.extend({
    options: {
      fill: "#f4f1ea", stroke: "#9aa5b1", weight: 0.8, pane: "basemap",
      updateWhenZooming: false,
    },

    initialize: function (topology, options) {
      L.GridLayer.prototype.initialize.call(this, options);
      this._countries = decodeCountries(topology, decodeArcs(topology));
    },

    countryCount: function () { return this._countries.length; },

    createTile: function (coords) {
      var tile = L.DomUtil.create("canvas", "shuttle-basemap-tile");
      var tileSize = this.getTileSize(), ratio = window.devicePixelRatio || 1;
      tile.width = tileSize.x * ratio;
      tile.height = tileSize.y * ratio;
      var worlds = Math.pow(2, coords.z);
      if (coords.y < 0 || coords.y >= worlds) { return tile; }
      var column = ((coords.x % worlds) + worlds) % worlds;  // world copies side by side
      var size = tileSize.x * worlds;
      var left = column * tileSize.x, top = coords.y * tileSize.y;
      var x0 = left / size, y0 = top / size, x1 = (left + tileSize.x) / size,
        y1 = (top + tileSize.y) / size;
      var ctx = tile.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.fillStyle = this.options.fill;
      ctx.strokeStyle = this.options.stroke;
      ctx.lineWidth = this.options.weight;
      ctx.lineJoin = "round";
      this._countries.forEach(function (country) {
        var b = country.box;
        if (b[3] < y0 || b[1] > y1) { return; }
        // A shape running past the antimeridian also shows one world to the left or right.
        [-1, 0, 1].forEach(function (offset) {
          if (b[2] + offset < x0 || b[0] + offset > x1) { return; }
          ctx.beginPath();
          country.rings.forEach(function (ring) {
            traceRing(ctx, ring, size, left - offset * size, top);
          });
          ctx.fill("evenodd");
          ctx.stroke();
        });
      });
      return tile;
    },
  });

  window.shuttleBasemap = function (topology, options) {
    return new BasemapLayer(topology, options);
  };
})();
