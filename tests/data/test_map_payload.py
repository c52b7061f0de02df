from data import trip_file
from data.map_payload import map_payload
from data.markup import html_text as text
from data.model import Leg, Meeting, Place, TimeTBC, Trip
from data.store import SAMPLE_TRIP

LONDON = Place("l", "London", "London", "UK", 51.5074, -0.1278, "Europe/London")
NEW_YORK = Place("n", "New York", "New York", "US", 40.7128, -74.006, "America/New_York")


def test_legs_carry_their_ends_for_the_page_to_draw_the_great_circle():
    trip = Trip(
        "T",
        "X",
        "UTC",
        (LONDON, NEW_YORK),
        (
            Meeting("a", "A", "l", TimeTBC(trip_day())),
            Meeting("b", "B", "n", TimeTBC(trip_day())),
        ),
    )
    [leg] = map_payload(trip)["legs"]
    assert leg["ends"] == [[51.5074, -0.1278], [40.7128, -74.006]]
    assert "points" not in leg  # the page computes them (resources/map_bridge.js)


def test_the_payload_numbers_stops_in_trip_order_with_the_legs_between_them():
    data = map_payload(trip_file.read(SAMPLE_TRIP))
    assert [s["place"] for s in data["stops"]] == ["villa-taverna", "vatican", "orly", "london"]
    assert [s["number"] for s in data["stops"]] == [1, 2, 3, 4]
    assert [(leg["from"], leg["to"]) for leg in data["legs"]] == [
        ("villa-taverna", "orly"),
        ("orly", "london"),
    ]
    rome_paris = data["legs"][0]
    assert 1050 < rome_paris["km"] < 1150  # Villa Taverna to Orly
    label_km = int(rome_paris["label"].removeprefix("Rome → Paris · ")[:-3].replace(",", ""))
    assert abs(label_km - rome_paris["km"]) <= 1


def test_hostile_text_is_escaped_in_popups_and_labels():
    place = Place("x", "</script><b>", "C`ity ${x}", "Y", 10.0, 10.0, "UTC")
    meeting = Meeting("m", "<img src=x onerror=alert(1)>", "x", TimeTBC(trip_day()))
    trip = Trip("T", "X", "UTC", (place,), (meeting,))
    stop = map_payload(trip)["stops"][0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in stop["popup"]
    assert "<img" not in stop["popup"] and "</script>" not in stop["popup"]
    assert stop["label"] == "C&#96;ity &#36;{x}"
    assert text("`${a}`\\") == "&#96;&#36;{a}&#96;&#92;"


def trip_day():
    from datetime import date

    return date(2014, 12, 14)


def test_a_leg_within_one_city_is_labelled_in_town():
    hotel = Place("h", "Le Royal <Hotel>", "Amman", "Jordan", 31.9539, 35.9106, "Asia/Amman")
    ministry = Place("m", "Foreign Ministry", "Amman", "Jordan", 31.9722, 35.8672, "Asia/Amman")
    day = trip_day()
    trip = Trip(
        "T",
        "X",
        "UTC",
        (hotel, ministry),
        (Meeting("a", "A", "h", TimeTBC(day)), Meeting("b", "B", "m", TimeTBC(day))),
        (Leg("h", "m", day, mode="road"),),
    )
    [leg] = map_payload(trip)["legs"]
    assert leg["label"] == "Amman: Le Royal &lt;Hotel&gt; → Foreign Ministry, in town"


def test_legs_given_by_the_caller_make_the_payload_route_legs_makes():
    """The window passes its planned legs (none while a big trip's are planned)."""
    from data.travel import route_legs

    trip = trip_file.read(SAMPLE_TRIP)
    assert map_payload(trip, route_legs(trip)) == map_payload(trip)
    stops_only = map_payload(trip, [])
    assert stops_only["legs"] == [] and stops_only["stops"] == map_payload(trip)["stops"]
