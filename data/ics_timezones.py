"""VTIMEZONE components that every reader takes the same way.

Each change of offset in the years covered is its own STANDARD or DAYLIGHT component
with a single DTSTART: no RDATE lists (read by some readers as their first date only,
see ``docs/platform.md``) and no RRULE to derive. The first component states the offset in
force from 31 December of the year before, so every event in range has a rule.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from data.ics_writer import date_line, text, utc_offset
from data.model import zone


def vtimezone(key: str, first_year: int, last_year: int) -> list[str]:
    """The content lines of zone ``key`` from the year before ``first_year`` to the end
    of ``last_year``."""
    tz = zone(key)
    start = datetime(first_year - 1, 12, 31, tzinfo=tz).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    offset = _offset(start, tz)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{text(key)}", *_observance(tz, start, offset, offset)]
    for moment, before, after in _transitions(tz, start, end):
        lines += _observance(tz, moment, before, after)
    lines.append("END:VTIMEZONE")
    return lines


def _transitions(
    tz: ZoneInfo, start: datetime, end: datetime
) -> list[tuple[datetime, timedelta, timedelta]]:
    """(first UTC instant of the new offset, offset before, offset after), in order, for
    the changes after ``start`` up to ``end``. Each zone's year is worked out once."""
    return [
        change
        for year in range(start.year, end.year + 1)
        for change in _year_transitions(tz, year)
        if start < change[0] <= end
    ]


@lru_cache(maxsize=4096)
def _year_transitions(tz: ZoneInfo, year: int) -> tuple[tuple[datetime, timedelta, timedelta], ...]:
    """The changes of offset after 1 January ``year`` 00:00 UTC up to the next: offsets a
    day apart compared, and each change found to the second by bisection."""
    found = []
    step = timedelta(days=1)
    moment, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
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
    return tuple(found)


def _observance(tz: ZoneInfo, moment: datetime, before: timedelta, after: timedelta) -> list[str]:
    local = moment.astimezone(tz)
    kind = "DAYLIGHT" if after > _standard_offset(tz, local.year) else "STANDARD"
    name = local.tzname()
    return [
        f"BEGIN:{kind}",
        # The wall time just before the change, in the old offset (RFC 5545 3.6.5).
        date_line("DTSTART", (moment + before).replace(tzinfo=None)),
        *([f"TZNAME:{text(name)}"] if name else []),
        f"TZOFFSETFROM:{utc_offset(before)}",
        f"TZOFFSETTO:{utc_offset(after)}",
        f"END:{kind}",
    ]


def _standard_offset(tz: ZoneInfo, year: int) -> timedelta:
    """The lower of the year's offsets (January's and July's): RFC 5545's STANDARD.

    Not ``dst()``: tzdata gives Europe/Dublin a negative DST (winter GMT is "daylight"
    there, summer IST standard), which readers of VTIMEZONE do not expect.
    """
    return min(_offset(datetime(year, month, 1, 12, tzinfo=UTC), tz) for month in (1, 7))


def _offset(moment: datetime, tz: ZoneInfo) -> timedelta:
    return moment.astimezone(tz).utcoffset() or timedelta(0)
