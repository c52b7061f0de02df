from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from data import trip_file
from data.agenda import tbc_words
from data.model import ExactTime, Meeting, PartOfDay, Place, TimeTBC, Trip
from data.report import (
    ReportOptions,
    build_report_html,
    clock_words,
    css_string,
    default_paper,
)
from data.store import SAMPLE_TRIP


@pytest.mark.parametrize(
    ("env", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, "Letter"),
        ({"LANG": "en_GB.UTF-8"}, "A4"),
        ({"LANG": "fr_CA.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "A4"),
        ({"LC_ALL": "es_MX.UTF-8", "LANG": "en_GB.UTF-8"}, "Letter"),
        ({"LANG": "C.UTF-8"}, "A4"),
        ({}, "A4"),
    ],
)
def test_paper_follows_the_locale(env, paper):
    assert default_paper(env) == paper


def test_words_for_paper():
    tbc = TimeTBC(date(2014, 12, 14), PartOfDay.EVENING, timedelta(hours=3))
    assert tbc_words(tbc) == "time to be confirmed, evening, about 3 hours"
    assert tbc_words(TimeTBC(date(2014, 12, 14))) == "time to be confirmed"
    assert clock_words("London", "Paris", timedelta(hours=-1)) == "London is one hour behind Paris"
    assert clock_words("Tokyo", "Paris", timedelta(hours=8)) == "Tokyo is 8 hours ahead of Paris"


def test_css_strings_cannot_escape():
    text = css_string('A "trip" </style><script>')
    assert '"' not in text and "<" not in text and ">" not in text
    assert text.startswith("A \\000022 trip")


def test_the_sample_report_reads_day_by_day_with_numbered_sources():
    trip = trip_file.read(SAMPLE_TRIP)
    html = build_report_html(trip, b"\x89PNG fake", ReportOptions())
    days = [
        f"<h2>{d}</h2>"
        for d in ("Sunday 14 December 2014", "Monday 15 December 2014", "Tuesday 16 December 2014")
    ]
    titles = [m.title for m in trip.meetings]
    positions = [html.index(days[0]), html.index(titles[0]), html.index(days[1])]
    positions += [html.index(t) for t in titles[1:4]] + [html.index(days[2])]
    positions += [html.index(t) for t in titles[4:]]
    assert positions == sorted(positions)
    assert "London is one hour behind Paris" in html
    assert html.count("time to be confirmed,") == 6
    assert "data:image/png;base64," in html
    assert "Federica Mogherini (High Representative" in html and "attendance uncertain" in html
    assert "<li value='1'>[A]" in html  # the first cited source is the article
    # The status is worded with the time's state, as in the window's details.
    assert html.count("Meeting confirmed · time not yet fixed") == 6
    assert "Status: confirmed" not in html


def test_exact_times_show_home_time_beside_and_markup_is_text():
    rome = ZoneInfo("Europe/Rome")
    place = Place("r", "Chigi <b>", "Rome", "Italy", 41.9, 12.48, "Europe/Rome")
    meeting = Meeting(
        "m",
        "<img src=x onerror=alert(1)>",
        "r",
        ExactTime(datetime(2014, 12, 15, 3, tzinfo=rome), datetime(2014, 12, 15, 4, tzinfo=rome)),
    )
    trip = Trip("T </style>", "X", "America/New_York", (place,), (meeting,))
    html = build_report_html(trip, None, ReportOptions(paper="Letter"))
    assert "03:00–04:00 CET" in html
    assert "Meeting confirmed<" in html  # an exact time: nothing about its being fixed
    assert "Sun 14 Dec 21:00–22:00 EST at home" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Chigi &lt;b&gt;" in html
    assert "size: Letter" in html
    assert html.count("</style>") == 1
