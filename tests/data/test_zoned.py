from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from data.zoned import format_zoned, parse_zoned

PARIS = ZoneInfo("Europe/Paris")


def test_round_trip_keeps_the_zone():
    value = datetime(2014, 12, 15, 21, 30, tzinfo=PARIS)
    text = format_zoned(value)
    assert text == "2014-12-15T21:30:00+01:00[Europe/Paris]"
    back = parse_zoned(text)
    assert back == value and back.tzinfo is PARIS


def test_the_offset_chooses_between_repeated_wall_times():
    first = parse_zoned("2014-10-26T02:30:00+02:00[Europe/Paris]")
    second = parse_zoned("2014-10-26T02:30:00+01:00[Europe/Paris]")
    assert (first.fold, second.fold) == (0, 1)
    assert format_zoned(second) == "2014-10-26T02:30:00+01:00[Europe/Paris]"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2014-12-15T21:30:00+01:00", "lacks a time zone"),
        ("2014-12-15T21:30:00[Europe/Paris]", "lacks its UTC offset"),
        ("2014-12-15T21:30:00+01:00[Europe/Nowhere]", "unknown time zone"),
        ("yesterday+01:00[Europe/Paris]", "not an ISO 8601"),
        ("2014-12-15T21:30:00+05:00[Europe/Paris]", "does not exist in Europe/Paris"),
    ],
)
def test_bad_text_is_refused_with_the_reason(text, message):
    with pytest.raises(ValueError, match=message):
        parse_zoned(text)
