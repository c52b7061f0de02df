import itertools
import json
import struct

import pytest

from data import basemap
from data.basemap import BASEMAP_FILE, basemap_bytes, encode, mercator


def read(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """The layout back as countries -> rings -> (x, y) points."""
    countries, rings, points = struct.unpack_from("<3I", data)
    ring_counts = struct.unpack_from(f"<{countries}I", data, 12)
    point_counts = struct.unpack_from(f"<{rings}I", data, 12 + 4 * countries)
    coords = struct.unpack_from(f"<{2 * points}f", data, 12 + 4 * (countries + rings))
    out, ring, at = [], 0, 0
    for count in ring_counts:
        shapes = []
        for _ in range(count):
            n = point_counts[ring]
            shapes.append([(coords[2 * i], coords[2 * i + 1]) for i in range(at, at + n)])
            at, ring = at + n, ring + 1
        out.append(shapes)
    assert at == points and ring == rings
    return out


def topology(arcs, geometries):
    # Unquantized coordinates as deltas of a unit transform, as TopoJSON writes them.
    def deltas(arc):
        out, last = [], (0, 0)
        for x, y in arc:
            out.append([x - last[0], y - last[1]])
            last = (x, y)
        return out

    return {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [deltas(arc) for arc in arcs],
        "objects": {"countries": {"geometries": geometries}},
    }


def close(a, b):
    return all(x == pytest.approx(y, abs=1e-6) for x, y in zip(a, b, strict=True))


def test_rings_are_joined_from_their_arcs_in_mercator():
    arcs = [[(0, 0), (10, 0), (10, 10)], [(10, 10), (0, 10), (0, 0)]]
    square = {"type": "Polygon", "arcs": [[0, 1]]}
    backwards = {"type": "Polygon", "arcs": [[~1, ~0]]}
    (forward,), (reverse,) = read(encode(topology(arcs, [square, backwards])))
    lon_lat = [(0, 0), (10, 0), (10, 10), (10, 10), (0, 10), (0, 0)]
    assert all(close(p, mercator(*q)) for p, q in zip(forward, lon_lat, strict=True))
    assert all(close(p, mercator(*q)) for p, q in zip(reverse, lon_lat[::-1], strict=True))
    assert mercator(0, 0) == (0.5, 0.5) and mercator(-180, 90)[1] == pytest.approx(0, abs=1e-9)


def test_a_ring_across_the_antimeridian_stays_whole():
    arcs = [[(170, -10), (179, -10), (-179, -10), (-170, -10), (-170, -20), (170, -20), (170, -10)]]
    (country,) = read(encode(topology(arcs, [{"type": "MultiPolygon", "arcs": [[[0]]]}])))
    xs = [x for x, _ in country[0]]
    assert max(b - a for a, b in itertools.pairwise(xs)) < 0.5  # no jump across the world
    assert max(xs) > 1  # runs on past the east edge instead
    assert xs[-1] == pytest.approx(xs[0])  # and comes back to where it began


def test_the_shipped_outlines_encode_every_country():
    countries = read(encode(json.loads(BASEMAP_FILE.read_bytes())))
    assert len(countries) > 200
    for rings in countries:
        for ring in rings:
            xs = [x for x, _ in ring]
            assert all(abs(b - a) < 0.5 for a, b in itertools.pairwise(xs))
            assert all(0 <= y <= 1 for _, y in ring)


def test_the_encoding_is_cached_and_rebuilt_when_stale(tmp_path, monkeypatch):
    source = tmp_path / "world.topojson"
    arcs = [[(0, 0), (10, 0), (10, 10), (0, 0)]]
    source.write_text(json.dumps(topology(arcs, [{"type": "Polygon", "arcs": [[0]]}])))
    first = basemap_bytes(tmp_path / "cache", source)
    monkeypatch.setattr(basemap, "encode", lambda _t: pytest.fail("encoded again"))
    assert basemap_bytes(tmp_path / "cache", source) == first
    monkeypatch.undo()
    source.write_text(json.dumps(topology(arcs, [])))  # the dataset changed
    assert read(basemap_bytes(tmp_path / "cache", source)) == []
    assert len(list((tmp_path / "cache").glob("basemap-*.bin"))) == 1


def test_a_cache_that_cannot_be_written_still_gives_the_basemap(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert len(read(basemap_bytes(blocked / "cache"))) > 200
