import pytest

from data import trip_file
from data.distances import distance_km, leg_km
from data.gazetteer import Gazetteer
from data.store import SAMPLE_TRIP

# City centre points from the trip's sources C1-C3.
ROME, PARIS, LONDON = (41.9028, 12.4964), (48.8566, 2.3522), (51.5074, -0.1278)


def test_geodesic_between_city_centres():
    assert distance_km(ROME, PARIS) == pytest.approx(1106.6, abs=0.1)
    assert distance_km(PARIS, LONDON) == pytest.approx(343.9, abs=0.1)


def test_gazetteer_centres_give_the_same_distances_within_a_few_km():
    gazetteer = Gazetteer()
    rome, paris, london = (gazetteer.best(n) for n in ("Rome", "Paris", "London"))
    assert distance_km((rome.lat, rome.lon), (paris.lat, paris.lon)) == pytest.approx(1106, abs=3)
    assert distance_km((paris.lat, paris.lon), (london.lat, london.lon)) == pytest.approx(
        344, abs=2
    )


def test_sample_legs_measure_venue_to_venue():
    trip = trip_file.read(SAMPLE_TRIP)
    rome_orly, orly_london = (leg_km(trip, leg) for leg in trip.legs)
    # Orly lies south of Paris: nearer Rome, farther from London than the centre.
    assert rome_orly == pytest.approx(1095, abs=2)
    assert orly_london == pytest.approx(357.8, abs=0.2)
