import re

from data import map_document
from data.map_document import build_page, cached_page

BASE = "shuttle://app/"


def test_the_page_loads_only_from_the_asset_base_and_holds_no_trip():
    page = build_page(BASE, "https://tiles.example/{z}/{x}/{y}.png")
    urls = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert urls and all(u.startswith(BASE) for u in urls), urls
    assert "map_bridge.js" in page and "shuttle-map-data" in page
    assert "tiles.example" in page  # used only once the user turns tiles on
    assert "stops" not in page  # trips reach the page as data, after it has loaded


def test_the_page_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    first = cached_page(BASE, "t", tmp_path)
    assert len(list(tmp_path.glob("map-page-*.html"))) == 1

    def no_folium(*_args):
        raise AssertionError("folium ran although the page was cached")

    monkeypatch.setattr(map_document, "build_page", no_folium)
    assert cached_page(BASE, "t", tmp_path) == first


def test_another_tile_server_or_folium_makes_a_new_page(tmp_path, monkeypatch):
    cached_page(BASE, "t", tmp_path)
    other = cached_page(BASE, "https://other/{z}/{x}/{y}.png", tmp_path)
    assert "https://other/" in other
    (kept,) = tmp_path.glob("map-page-*.html")  # the stale page is gone
    assert kept.read_text(encoding="utf-8") == other
    monkeypatch.setattr(map_document, "_installed", lambda package: f"{package} 99")
    cached_page(BASE, "https://other/{z}/{x}/{y}.png", tmp_path)
    (newer,) = tmp_path.glob("map-page-*.html")
    assert newer != kept


def test_a_cache_that_cannot_be_written_still_gives_the_page(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    page = cached_page(BASE, "t", blocked / "cache")
    assert "map_bridge.js" in page


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    cached_page(BASE, "t", tmp_path)
    (path,) = tmp_path.glob("map-page-*.html")
    path.write_bytes(b"\xff\xfe not utf-8")
    assert "map_bridge.js" in cached_page(BASE, "t", tmp_path)
