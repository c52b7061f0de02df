"""Dates and numbers in the user's language (CLDR through Babel); English as before."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from data import locale_format as lf
from data.locale_format import locale_from_environment, parse_locale

DAY = date(2014, 12, 14)
FR, AR = parse_locale("fr_FR.UTF-8"), parse_locale("ar_EG.UTF-8")
ENGLISH = parse_locale("en_GB")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "xx_YY.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr_FR"),
        ({"LANG": "en_US.UTF-8", "LC_TIME": "ar_EG.UTF-8"}, "ar_EG"),
        ({"LC_ALL": "fr_CA.UTF-8@euro", "LC_TIME": "ar_EG.UTF-8"}, "fr_CA"),
    ],
)
def test_the_locale_comes_from_lc_all_lc_time_then_lang(environ, expected):
    assert str(locale_from_environment(environ)) == expected


def test_english_keeps_shuttles_formats():
    assert lf.long_day(DAY, ENGLISH) == "Sunday 14 December 2014"
    assert lf.long_day(date(2014, 12, 1), ENGLISH, pad=True) == "Monday 01 December 2014"
    assert lf.short_day(DAY, ENGLISH) == "Sun 14 Dec"
    assert lf.short_day(DAY, ENGLISH, year=True) == "Sun 14 Dec 2014"
    assert lf.whole_number(1095.4, ENGLISH) == "1,095"


def test_french():
    assert lf.long_day(DAY, FR) == "dimanche 14 décembre 2014"
    assert lf.short_day(DAY, FR) == "dim. 14 déc."
    assert lf.short_weekday(DAY, FR) == "dim."
    assert lf.whole_number(1095.4, FR) == "1\u202f095"
    moment = datetime(2014, 12, 14, 19, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert lf.long_date_time(moment, FR) == "14 décembre 2014 19:30 CET"


def test_arabic_month_and_day_names():
    assert lf.long_day(DAY, AR) == "الأحد، 14 ديسمبر 2014"
    assert AR.text_direction == "rtl"


def test_set_locale_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    try:
        lf.set_locale(None)
        assert lf.long_day(DAY) == "dimanche 14 décembre 2014"
        lf.set_locale("ar_EG")
        assert lf.long_day(DAY) == "الأحد، 14 ديسمبر 2014"
    finally:
        monkeypatch.setenv("LANG", "C.UTF-8")
        lf.set_locale(None)
    assert lf.long_day(DAY) == "Sunday 14 December 2014"
