// The offline basemap: Natural Earth countries painted onto canvas tiles.
//
// The rings come as one binary buffer (see data/basemap.py for the layout) that typed
// arrays read in place: no per-point objects, unlike L.geoJSON, whose LatLng and Point
// objects and SVG paths took about 70 MB of the renderer for these outlines.
(function () {
  "use strict";

  // Countries: their rings (Float32Array x, y pairs in Web Mercator 0..1) and bounding box.
  function decode(buffer) {
    var head = new Uint32Array(buffer, 0, 3);
    var countryCount = head[0], ringCount = head[1], pointCount = head[2];
    var ringsOf = new Uint32Array(buffer, 12, countryCount);
    var pointsOf = new Uint32Array(buffer, 12 + 4 * countryCount, ringCount);
    var coords = new Float32Array(buffer, 12 + 4 * (countryCount + ringCount), 2 * pointCount);
    var countries = [], ring = 0, at = 0;
    for (var c = 0; c < countryCount; c++) {
      var rings = [], box = [Infinity, Infinity, -Infinity, -Infinity];
      for (var r = 0; r < ringsOf[c]; r++, ring++) {
        var points = coords.subarray(2 * at, 2 * (at + pointsOf[ring]));
        at += pointsOf[ring];
        for (var i = 0; i < points.length; i += 2) {
          if (points[i] < box[0]) { box[0] = points[i]; }
          if (points[i] > box[2]) { box[2] = points[i]; }
          if (points[i + 1] < box[1]) { box[1] = points[i + 1]; }
          if (points[i + 1] > box[3]) { box[3] = points[i + 1]; }
        }
        rings.push(points);
      }
      countries.push({ rings: rings, box: box });
    }
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

    initialize: function (buffer, options) {
      L.GridLayer.prototype.initialize.call(this, options);
      this._countries = decode(buffer);
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

  window.shuttleBasemap = function (buffer, options) {
    return new BasemapLayer(buffer, options);
  };
})();
