"""VTIMEZONE components that every reader takes the same way.

Each change of offset in the years covered is its own STANDARD or DAYLIGHT component
with a single DTSTART: no RDATE lists (read by some readers as their first date only,
see ``PLATFORM.md``) and no RRULE to derive. The first component states the offset in
force from 31 December of the year before, so every event in range has a rule.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from data.model import zone


def vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """The zone ``key`` from the year before ``first_year`` to the end of ``last_year``."""
    tz = zone(key)
    start = datetime(first_year - 1, 12, 31, tzinfo=tz).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    component = Timezone()
    component.add("tzid", key)
    offset = _offset(start, tz)
    component.add_component(_observance(tz, start, offset, offset))
    for moment, before, after in _transitions(tz, start, end):
        component.add_component(_observance(tz, moment, before, after))
    return component


def _transitions(
    tz: ZoneInfo, start: datetime, end: datetime
) -> list[tuple[datetime, timedelta, timedelta]]:
    """(first UTC instant of the new offset, offset before, offset after), in order."""
    found = []
    step = timedelta(days=1)
    moment = start
    while moment < end:
        following = moment + step
        before, after = _offset(moment, tz), _offset(following, tz)
        if before != after:
            low, high = moment, following  # offset(low) == before, offset(high) == after
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle <= low:
                    break
                if _offset(middle, tz) == before:
                    low = middle
                else:
                    high = middle
            found.append((high, before, after))
        moment = following
    return found


def _observance(
    tz: ZoneInfo, moment: datetime, before: timedelta, after: timedelta
) -> TimezoneStandard | TimezoneDaylight:
    local = moment.astimezone(tz)
    daylight = bool(local.dst())
    part = TimezoneDaylight() if daylight else TimezoneStandard()
    # DTSTART is the wall time just before the change, in the old offset (RFC 5545 3.6.5).
    part.add("dtstart", (moment + before).replace(tzinfo=None))
    part.add("tzoffsetfrom", before)
    part.add("tzoffsetto", after)
    name = local.tzname()
    if name:
        part.add("tzname", name)
    return part


def _offset(moment: datetime, tz: ZoneInfo) -> timedelta:
    return moment.astimezone(tz).utcoffset() or timedelta(0)
