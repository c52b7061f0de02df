import random
import subprocess
import sys
from pathlib import Path

import pytest

from data import trip_file
from data.distances import distance_km, leg_km
from data.gazetteer import Gazetteer
from data.store import SAMPLE_TRIP

ROOT = Path(__file__).resolve().parents[2]
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


def test_the_same_distances_as_geopys_geodesic_on_random_pairs():
    from geopy.distance import geodesic

    rng = random.Random(20141214)
    for _ in range(2000):
        a = (rng.uniform(-90, 90), rng.uniform(-180, 180))
        b = (rng.uniform(-90, 90), rng.uniform(-180, 180))
        if rng.random() < 0.2:  # near pairs too (a city's venues)
            b = (max(-90, min(90, a[0] + rng.uniform(-0.1, 0.1))), a[1] + rng.uniform(-0.1, 0.1))
        elif rng.random() < 0.2:  # nearly antipodal, where series methods fail
            b = (-a[0] + rng.uniform(-1, 1), a[1] + 180 + rng.uniform(-1.5, 1.5))
        # geopy works in km on the same ellipsoid; they differ only by rounding (nanometres).
        assert distance_km(a, b) == pytest.approx(geodesic(a, b).km, rel=1e-12, abs=1e-9)


def test_a_pair_measures_the_same_in_either_order():
    rng = random.Random(7)
    for _ in range(500):
        a = (rng.uniform(-90, 90), rng.uniform(-180, 180))
        b = (rng.uniform(-90, 90), rng.uniform(-180, 180))
        assert distance_km(a, b) == distance_km(b, a)
    assert distance_km(ROME, ROME) == 0.0


def test_distances_do_not_import_geopy():
    # geopy imports every geocoder (requests, urllib3, ssl): only an online lookup needs it.
    code = "import sys, data.distances, data.agenda, data.travel; print('geopy' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"
