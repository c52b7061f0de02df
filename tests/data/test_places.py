import pytest

from data.gazetteer import Gazetteer
from data.geocoding import GeocodeResult
from data.ids import new_meeting_id, place_id, slug, unique_id
from data.model import PlaceKind, ProvenanceKind
from data.places import (
    place_from_city,
    place_from_coordinates,
    place_from_geocode,
    zone_at,
)
from data.store import Store


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer()


def test_slugs_and_unique_ids():
    assert slug("Élysée Palace") == "elysee-palace"
    assert slug("  Lancaster House (FCDO) ") == "lancaster-house-fcdo"
    assert slug("لندن") == "place"
    assert unique_id("london", {"paris"}) == "london"
    assert unique_id("london", {"london", "london-2"}) == "london-3"
    assert place_id("Élysée Palace", {"elysee-palace"}) == "elysee-palace-2"
    assert len(slug("Palais " * 20)) <= 40 and not slug("a" * 39 + " b").endswith("-")


def test_meeting_ids_are_never_repeated():
    ids = {new_meeting_id() for _ in range(100)}
    assert len(ids) == 100 and all(i.startswith("m-") for i in ids)


def test_a_city_from_the_gazetteer_brings_its_zone(gazetteer):
    london = gazetteer.best("London")
    place = place_from_city(london, taken={"london"})
    assert (place.id, place.name, place.city, place.country) == (
        "london-2",
        "London",
        "London",
        "United Kingdom",
    )
    assert (place.timezone, place.kind) == ("Europe/London", PlaceKind.CITY)
    assert (place.lat, place.lon) == (london.lat, london.lon)
    [note] = place.provenance
    assert note.kind is ProvenanceKind.COMPUTED
    assert f"geonameid {london.geonameid}" in note.note
    venue = place_from_city(gazetteer.best("Doha"), "Diwan Amiri", PlaceKind.VENUE)
    assert (venue.id, venue.name, venue.city, venue.timezone) == (
        "diwan-amiri",
        "Diwan Amiri",
        "Doha",
        "Asia/Qatar",
    )


@pytest.mark.parametrize(
    ("lat", "lon", "zone"),
    [
        (41.9029, 12.4534, "Europe/Vatican"),  # St Peter's
        (41.9009, 12.4801, "Europe/Rome"),  # Palazzo Chigi, a kilometre and a half away
        (40.7128, -74.0060, "America/New_York"),
        (-33.8688, 151.2093, "Australia/Sydney"),
        (37.7412, -25.6756, "Atlantic/Azores"),
        (0.0, -30.0, "Etc/GMT+2"),  # mid-Atlantic: the nautical zone
    ],
)
def test_zones_from_coordinates(lat, lon, zone):
    assert zone_at(lat, lon) == zone


def test_a_point_on_the_map_becomes_a_place():
    place = place_from_coordinates(48.8704, 2.3167, "Élysée Palace", "Paris", "France")
    assert (place.id, place.timezone, place.kind) == ("elysee-palace", "Europe/Paris", "venue")
    assert "timezonefinder" in place.provenance[-1].note
    with pytest.raises(ValueError, match="not a point on Earth"):
        place_from_coordinates(91, 0, "Nowhere")


def test_the_city_a_click_is_in(gazetteer):
    # GeoNames lists "Paris 08 Élysée" nearer the palace than Paris's centre.
    assert gazetteer.nearest(48.8704, 2.3167).name == "Paris"
    assert gazetteer.nearest(51.5040, -0.1385).name == "London"  # not City of Westminster
    assert gazetteer.nearest(41.9009, 12.4801).name == "Rome"  # not Vatican City
    assert gazetteer.nearest(48.8049, 2.1204).name == "Versailles"  # its own town
    assert gazetteer.nearest(0.0, -30.0, within_km=100) is None  # open sea
    assert gazetteer.nearest(0.0, -30.0) is not None  # without a limit, the nearest


def test_an_online_result_becomes_a_place_without_the_network(gazetteer):
    result = GeocodeResult("Palazzo Chigi, Piazza Colonna, Roma, Italia", 41.9009, 12.4801)
    place = place_from_geocode(result, gazetteer)
    assert (place.id, place.name, place.city, place.country, place.timezone) == (
        "palazzo-chigi",
        "Palazzo Chigi",
        "Rome",
        "Italy",
        "Europe/Rome",
    )
    assert "Nominatim" in place.provenance[0].note


def test_saving_a_place_made_from_a_city(tmp_path, gazetteer):
    with Store.open(tmp_path) as store:
        trip_id = store.resolve(None)
        taken = {p.id for p in store.load_trip(trip_id).places}
        place = place_from_city(gazetteer.best("London"), taken=taken)
        assert place.id == "london-2"
        changes = store.update_trip(
            trip_id, lambda trip: trip.replace(places=(*trip.places, place))
        )
        assert changes.places
        assert store.load_trip(trip_id).place("london-2") == place
