"""iCalendar (RFC 5545) content lines, formatted and folded without icalendar's objects.

Export writes thousands of events, and building icalendar's components only to serialise
them cost most of the time (4.1 s for 10,000 meetings). These functions format the few
value types Shuttle writes and fold the lines, byte for byte as icalendar 7.3 writes them
(the tests compare with it), except where icalendar is wrong:

- a literal ``\\N`` in TEXT is escaped like any backslash (icalendar turns it into a line
  break, so it does not read back);
- a date-time is written with ``Z`` only in UTC itself; other zones keep their TZID
  (icalendar writes the wall time of any zone it deems equivalent to UTC, such as
  Africa/Abidjan or Atlantic/Reykjavik, with ``Z``: wrong for dates before those zones
  kept UTC, and the zone is lost);
- control characters, which no parameter value may hold, are left out of parameter values,
  and a CN holding a tab is quoted (icalendar's reader strips it otherwise).

icalendar still reads calendars (:mod:`data.ics_import`) and checks this module in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

# icalendar folds into segments of at most 74 octets, so a continuation line with its
# leading space stays within RFC 5545's 75.
SEGMENT = 74
FOLD = "\r\n "

# Zones that are UTC at every date: their times are written with Z.
UTC_ZONES = frozenset(
    prefix + name
    for prefix in ("", "Etc/")
    for name in (
        *("UTC", "UCT", "Universal", "Zulu", "Greenwich"),
        *("GMT", "GMT0", "GMT+0", "GMT-0"),
    )
)

# Parameter values holding one of these are quoted (icalendar also quotes ’).
_NEEDS_QUOTES = re.compile("[,;:’]")
# Control characters other than HTAB, which RFC 5545 allows in no parameter value, and
# than the line breaks, which are caret-encoded.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): ``\\``, ``;`` and ``,`` escaped, every line break
    (CRLF, LF or a lone CR, as icalendar does) written ``\\n``."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def param(value: str, quote_if: str = "") -> str:
    """A parameter value: ``^``, ``"`` and line breaks caret-encoded (RFC 6868), then
    double-quoted if it holds ``,``, ``;`` or ``:``, or one of ``quote_if``."""
    if not value.isprintable():
        # Left out first: a CR and an LF with a control between them are one line break.
        value = _CONTROL.sub("", value)
    encoded = (
        value.replace("^", "^^")
        .replace('"', "^'")
        .replace("\r\n", "^n")
        .replace("\n", "^n")
        .replace("\r", "^n")
    )
    if _NEEDS_QUOTES.search(encoded) or any(c in value for c in quote_if):
        return f'"{encoded}"'
    return encoded


def common_name(name: str) -> str:
    """A CN parameter value, quoted also when it holds a space or an apostrophe (as
    icalendar quotes it) or a tab (which readers that strip whitespace around delimiters,
    icalendar among them, would otherwise lose)."""
    return param(name, quote_if=" \t'")


def date_line(name: str, value: date) -> str:
    """``name`` with a DATE, or a DATE-TIME: local with TZID, UTC with Z, or floating
    when naive (a VTIMEZONE's DTSTART). Seconds are the finest unit RFC 5545 has."""
    if not isinstance(value, datetime):
        return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    tz = value.tzinfo
    if tz is None:
        return f"{name}:{_date_time(value)}"
    if isinstance(tz, ZoneInfo) and tz.key not in UTC_ZONES:
        return f"{name};TZID={param(tz.key)}:{_date_time(value)}"
    return f"{name}:{_date_time(value.astimezone(UTC))}Z"


def _date_time(value: datetime) -> str:
    return (
        f"{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}"
    )


def utc_offset(offset: timedelta) -> str:
    """A UTC-OFFSET: ``+0100``, ``-0330``, with seconds only when there are some."""
    sign = "-" if offset < timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return (
        f"{sign}{hours:02}{minutes:02}{seconds:02}" if seconds else f"{sign}{hours:02}{minutes:02}"
    )


def duration(length: timedelta) -> str:
    """A DURATION as icalendar writes it: ``PT3H``, ``P1DT30M``, ``P2D``, ``-PT15M``."""
    sign = ""
    if length.days < 0:
        sign, length = "-", -length
    clock = ""
    if length.seconds:
        hours, rest = divmod(length.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        clock = "T" + (f"{hours}H" if hours else "")
        clock += f"{minutes}M" if minutes or (hours and seconds) else ""
        clock += f"{seconds}S" if seconds else ""
    if length.days == 0 and clock:
        return f"{sign}P{clock}"
    return f"{sign}P{length.days}D{clock}"


def geo(lat: float, lon: float) -> str:
    """A GEO value: latitude and longitude as Python writes floats."""
    return f"{float(lat)};{float(lon)}"


def fold(line: str) -> str:
    """One content line folded as icalendar folds it: segments of at most 74 octets,
    never inside a UTF-8 sequence, and not ending with ``\\`` or ``^`` (which move to the
    next segment, so an escape is not split; icalendar issue #1501)."""
    if line.isascii():
        if len(line) <= SEGMENT:
            return line
        return FOLD.join(_ascii_segments(line))
    data = line.encode()
    if len(data) <= SEGMENT:
        return line
    return FOLD.join(part.decode() for part in _utf8_segments(data))


def _ascii_segments(line: str) -> list[str]:
    parts = []
    start, size = 0, len(line)
    while size - start > SEGMENT:
        stop = start + SEGMENT
        if line[stop - 1] in "\\^":
            stop -= 1
        parts.append(line[start:stop])
        start = stop
    parts.append(line[start:])
    return parts


def _utf8_segments(data: bytes) -> list[bytes]:
    parts = []
    start, size = 0, len(data)
    while size - start > SEGMENT:
        stop = start + SEGMENT
        while data[stop] & 0xC0 == 0x80:  # a continuation byte: back to the character's start
            stop -= 1
        if data[stop - 1] in b"\\^":
            stop -= 1
        parts.append(data[start:stop])
        start = stop
    parts.append(data[start:])
    return parts


def encode(lines: Iterable[str]) -> bytes:
    """Content lines (unfolded, without line ends) as the bytes of an .ics file."""
    return ("\r\n".join(map(fold, lines)) + "\r\n").encode()
