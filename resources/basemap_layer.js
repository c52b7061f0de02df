// The offline basemap: Natural Earth countries painted onto canvas tiles.
//
// The rings come as one binary buffer (see data/basemap.py for the layout) that typed
// arrays read in place: no per-point objects, unlike L.geoJSON, whose LatLng and Point
// objects and SVG paths took about 70 MB of the renderer for these outlines.
(function () {
  "use strict";

  // Bounding box [minX, minY, maxX, maxY] of x, y pairs.
  function bounds(points) {
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    for (var i = 0; i < points.length; i += 2) {
      if (points[i] < box[0]) { box[0] = points[i]; }
      if (points[i] > box[2]) { box[2] = points[i]; }
      if (points[i + 1] < box[1]) { box[1] = points[i + 1]; }
      if (points[i + 1] > box[3]) { box[3] = points[i + 1]; }
    }
    return box;
  }

  // Countries: their rings (Float32Array x, y pairs in Web Mercator 0..1, with a bounding
  // box each, so a tile skips far islands) and the box around them all.
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
        var ringBox = bounds(points);
        at += pointsOf[ring];
        box = [Math.min(box[0], ringBox[0]), Math.min(box[1], ringBox[1]),
          Math.max(box[2], ringBox[2]), Math.max(box[3], ringBox[3])];
        rings.push({ points: points, box: ringBox });
      }
      countries.push({ rings: rings, box: box });
    }
    return countries;
  }

  function outside(box, offset, x0, y0, x1, y1) {
    return box[2] + offset < x0 || box[0] + offset > x1 || box[3] < y0 || box[1] > y1;
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

    // Painted on the next turn of the event loop (done() tells Leaflet), so panning and
    // the bridge's calls are not held up by painting.
    createTile: function (coords, done) {
      var tile = L.DomUtil.create("canvas", "shuttle-basemap-tile");
      var layer = this;
      setTimeout(function () {
        layer._paint(tile, coords);
        done(null, tile);
      }, 0);
      return tile;
    },

    _paint: function (tile, coords) {
      var tileSize = this.getTileSize(), ratio = window.devicePixelRatio || 1;
      tile.width = tileSize.x * ratio;
      tile.height = tileSize.y * ratio;
      var size = this._map.options.crs.scale(coords.z);  // the world's width in pixels
      var across = Math.round(size / tileSize.x);
      if (coords.y < 0 || coords.y >= across) { return; }
      var column = ((coords.x % across) + across) % across;  // world copies side by side
      var left = column * tileSize.x, top = coords.y * tileSize.y;
      // The tile in Mercator units, with a pixel's margin so edge strokes are not cut.
      var x0 = (left - 1) / size, y0 = (top - 1) / size,
        x1 = (left + tileSize.x + 1) / size, y1 = (top + tileSize.y + 1) / size;
      var ctx = tile.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.fillStyle = this.options.fill;
      ctx.strokeStyle = this.options.stroke;
      ctx.lineWidth = this.options.weight;
      ctx.lineJoin = "round";
      this._countries.forEach(function (country) {
        // A shape running past the antimeridian also shows one world to the left or right.
        [-1, 0, 1].forEach(function (offset) {
          if (outside(country.box, offset, x0, y0, x1, y1)) { return; }
          ctx.beginPath();
          country.rings.forEach(function (ring) {
            if (!outside(ring.box, offset, x0, y0, x1, y1)) {
              traceRing(ctx, ring.points, size, left - offset * size, top);
            }
          });
          ctx.fill("evenodd");
          ctx.stroke();
        });
      });
    },
  });

  window.shuttleBasemap = function (buffer, options) {
    return new BasemapLayer(buffer, options);
  };
})();
