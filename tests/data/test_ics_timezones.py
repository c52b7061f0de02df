"""VTIMEZONE transitions, worked out once per zone and year, match a day-by-day scan."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from data import ics_timezones
from data.ics_timezones import vtimezone


def scanned(tz, start, end):
    """Every change of offset from ``start`` to ``end``, scanning day by day (as the
    exporter did before the per-year cache)."""

    def offset(moment):
        return moment.astimezone(tz).utcoffset()

    found, moment = [], start
    while moment < end:
        following = moment + timedelta(days=1)
        before, after = offset(moment), offset(following)
        if before != after:
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = (low + (high - low) / 2).replace(microsecond=0)
                if middle <= low:
                    break
                low, high = (middle, high) if offset(middle) == before else (low, middle)
            found.append((high, before, after))
        moment = following
    return found


ZONES = (
    "Europe/Paris",
    "America/New_York",
    "Australia/Sydney",  # southern summer: changes in April and October
    "Australia/Lord_Howe",  # a half-hour change
    "Africa/Casablanca",  # Ramadan suspensions: several changes a year
    "Asia/Tokyo",  # none
    "America/Sao_Paulo",  # dropped daylight saving in 2019
)


@pytest.mark.parametrize("key", ZONES)
@pytest.mark.parametrize("years", [(2014, 2014), (2018, 2021), (2025, 2026)])
def test_transitions_match_a_day_by_day_scan(key, years):
    tz = ZoneInfo(key)
    first, last = years
    start = datetime(first - 1, 12, 31, tzinfo=tz).astimezone(UTC)
    end = datetime(last + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    assert ics_timezones._transitions(tz, start, end) == scanned(tz, start, end)


def test_each_zone_year_is_worked_out_once():
    ics_timezones._year_transitions.cache_clear()
    first = vtimezone("Europe/Paris", 2024, 2025)
    misses = ics_timezones._year_transitions.cache_info().misses
    assert vtimezone("Europe/Paris", 2024, 2025) == first
    assert vtimezone("Europe/Paris", 2025, 2025)[:2] == first[:2]  # a range inside it
    assert ics_timezones._year_transitions.cache_info().misses == misses
