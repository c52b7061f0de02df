import pytest

from data.gazetteer import Gazetteer, fold


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer()


def test_cities_resolve_to_coordinates_and_zones(gazetteer):
    rome = gazetteer.best("Rome")
    assert (rome.country, rome.timezone) == ("Italy", "Europe/Rome")
    assert rome.lat == pytest.approx(41.9, abs=0.05)
    assert gazetteer.best("London").timezone == "Europe/London"
    assert gazetteer.best("London", country="CA").timezone == "America/Toronto"


def test_other_scripts_and_accents(gazetteer):
    assert gazetteer.best("لندن").name == "London"
    assert gazetteer.best("GENÈVE").timezone == "Europe/Zurich"
    assert gazetteer.best("Roma").name == "Rome"
    assert fold("Genève") == fold("geneve")


def test_unknown_names_and_completion(gazetteer):
    assert gazetteer.lookup("Qwertyuiopville") == []
    names = [c.label for c in gazetteer.complete("Pari")]
    assert names[0] == "Paris, France"
    assert gazetteer.complete("") == []
