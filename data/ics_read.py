"""Reading .ics files: the bytes, the structure and every event checked, with lines.

:func:`parse_ics` checks the bytes (size, binary, UTF-8), the structure (content lines,
BEGIN/END nesting, METHOD, properties an event may hold once, with line numbers) and
every event, and expands repeating events (``recurring-ical-events``) into the
occurrences of a date range. Nothing here touches a trip: :mod:`data.ics_import` applies
what is read.
"""

from __future__ import annotations

import hashlib
import json
import quopri
import re
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, vDuration, vText
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from pydantic import TypeAdapter, ValidationError

from data.files import FileRefused, read_file
from data.ics_common import (
    MAX_ICS_BYTES,
    UID_DOMAIN,
    X_DURATION,
    X_NOTES,
    X_PART_OF_DAY,
    X_PARTICIPANT,
    X_PLACE,
    X_PLACE_ID,
    X_STATUS,
    X_TIME_TBC,
    X_TOPIC,
    IcsError,
    meeting_id_from_uid,
)
from data.ics_export import location_text
from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Meeting,
    MeetingTime,
    Participant,
    PartOfDay,
    Place,
    Reply,
    Status,
    TimeTBC,
    zone,
)

_NAME = r"[A-Za-z0-9-]+"
_PARAM_VALUE = r'(?:"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*)'
_CONTENT_LINE = re.compile(rf"{_NAME}(?:;{_NAME}={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*:")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QP = re.compile(r";ENCODING=QUOTED-PRINTABLE(?=[;:])", re.IGNORECASE)
_CHARSET = re.compile(r';CHARSET=("?)([A-Za-z0-9_.:-]+)\1(?=[;:])', re.IGNORECASE)
_STATUS = {"CONFIRMED": Status.CONFIRMED, "TENTATIVE": Status.TENTATIVE}
_STATUS |= {"CANCELLED": Status.CANCELLED}
_REPLY = {
    "ACCEPTED": Reply.ACCEPTED,
    "DECLINED": Reply.DECLINED,
    "TENTATIVE": Reply.TENTATIVE,
    "NEEDS-ACTION": Reply.NO_ANSWER,
}
_PLACE = TypeAdapter(Place)
# Properties RFC 5545 (3.6.1) allows at most once in a VEVENT.
_ONCE = frozenset(
    [
        "CLASS",
        "CREATED",
        "DESCRIPTION",
        "DTSTART",
        "GEO",
        "LAST-MODIFIED",
        "LOCATION",
        "ORGANIZER",
        "PRIORITY",
        "DTSTAMP",
        "SEQUENCE",
        "STATUS",
        "SUMMARY",
        "TRANSP",
        "UID",
        "URL",
        "RECURRENCE-ID",
        "DTEND",
        "DURATION",
    ]
)
_SAME_SPOT_DEGREES = 1e-4  # about 10 m: two places this close are one
METHODS = ("PUBLISH", "REQUEST", "REPLY", "CANCEL")
# Optional properties whose absence an export keeps (see CalendarOrigin.given).
_KEPT_ABSENT = ("STATUS", "DESCRIPTION", "GEO", "DTEND")
DEFAULT_SERIES_DAYS = 90  # occurrences taken for a new trip with nothing else to go by


@dataclass(frozen=True, slots=True)
class IcsEvent:
    """One VEVENT (or one occurrence of a series), checked; its place is still text.

    ``meeting`` is None for a REPLY or CANCEL, which only refer to a meeting.
    """

    line: int
    method: str  # its calendar's METHOD (PUBLISH when none)
    uid: str  # as written
    recurrence_id: str | None  # UTC (or DATE) text of RECURRENCE-ID, for occurrences
    sequence: int
    stamp: str | None  # DTSTAMP as UTC text
    meeting: Meeting | None  # place_id None until merged
    location: str
    geo: tuple[float, float] | None
    zone_key: str | None  # from DTSTART's TZID
    floating: bool  # DTSTART without a zone: wall time at the venue
    stored_place: Place | None  # X-SHUTTLE-PLACE, when it agrees with LOCATION and GEO
    given: tuple[str, ...] = ()  # which of _KEPT_ABSENT the event had
    replies: tuple[tuple[str, Reply], ...] = ()  # (email, answer) of its ATTENDEEs

    @property
    def own(self) -> bool:
        """Exported by Shuttle itself (its UID is a meeting id + @shuttle)."""
        return self.uid.endswith(UID_DOMAIN) and self.recurrence_id is None


def meeting_of(event: IcsEvent) -> Meeting:
    """The meeting a PUBLISH or REQUEST event describes; ValueError for a REPLY or CANCEL,
    which only refer to one."""
    if event.meeting is None:
        raise ValueError(f"line {event.line}: a {event.method} describes no meeting")
    return event.meeting


@dataclass(frozen=True, slots=True)
class IcsCalendar:
    name: str | None  # X-WR-CALNAME
    events: tuple[IcsEvent, ...]
    notices: tuple[str, ...] = ()  # what reading decided (e.g. the occurrences taken)


def read_ics_file(path: str | Path) -> bytes:
    """The bytes of an .ics file: a regular file, read no further than the size cap."""
    try:
        return read_file(path, MAX_ICS_BYTES, "calendar file")
    except FileRefused as exc:
        raise IcsError(exc.path, exc.what) from None


@dataclass(slots=True)
class _EventLines:
    begin: int
    calendar: int  # index of its VCALENDAR in the file
    props: dict[str, int]  # property name -> line of its first use


def parse_ics(data: bytes, source: str, days: tuple[date, date] | None = None) -> IcsCalendar:
    """Check the whole file and read its events; IcsError says where and what.

    Repeating events give their occurrences within ``days`` (first and last day); with
    no ``days``, within the dates of the file's single events, else the first
    ``DEFAULT_SERIES_DAYS`` days of the earliest series.
    """
    with warnings.catch_warnings():
        # The readers warn about guesses they make (a vendor-prefixed TZID such as
        # /mozilla.org/.../America/New_York read as America/New_York); the guess is taken.
        warnings.filterwarnings("ignore", module=_READERS)
        return _parse(data, source, days)


_READERS = r"(icalendar|recurring_ical_events|x_wr_timezone)(\.|$)"


def _parse(data: bytes, source: str, days: tuple[date, date] | None) -> IcsCalendar:
    text = _decode(data, source)
    logical = _unfold(text, source)
    event_lines, methods = _check_structure(logical, source)
    clean = "\r\n".join(line for _, line in logical) + "\r\n"
    try:
        calendars = Calendar.from_ical(clean, multiple=True)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        line = _unreadable_line(logical)
        raise IcsError(source, f"not a readable calendar: {_what(exc)}", line) from None
    if len(calendars) != len(methods):
        raise IcsError(source, "not a readable calendar: its VCALENDARs cannot be told apart")
    by_calendar: list[list[_EventLines]] = [[] for _ in calendars]
    for lines in event_lines:
        by_calendar[lines.calendar].append(lines)
    raw: list[tuple[Component, _EventLines, str]] = []
    for index, calendar in enumerate(calendars):
        calendar = _standard_zones(calendar, source, methods[index][1])
        _attach_calendar_places(calendar)
        vevents = [c for c in calendar.subcomponents if c.name == "VEVENT"]
        if len(vevents) != len(by_calendar[index]):
            raise IcsError(source, "events nested where they should not be")
        raw += [
            (component, lines, methods[index][0])
            for component, lines in zip(vevents, by_calendar[index], strict=True)
        ]
        calendars[index] = calendar
    if not raw:
        raise IcsError(source, "the calendar holds no events (VEVENT)", methods[0][1])
    events, notices = _expand(raw, calendars, source, days)
    return IcsCalendar(_calendar_name(calendars), tuple(events), tuple(notices))


def _unreadable_line(logical: list[tuple[int, str]]) -> int | None:
    """The first line of the first part icalendar cannot read on its own (a calendar's
    properties, or one of its components), to point at when the whole file fails."""
    parts: list[list[tuple[int, str]]] = []
    depth = 0
    for number, line in logical:
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if depth == 2:
                parts.append([])
        if depth == 1 and not upper.startswith(("BEGIN:", "END:")):
            parts.append([(number, line)])
        elif depth >= 2:
            parts[-1].append((number, line))
        if upper.startswith("END:"):
            depth -= 1
    for part in parts:
        body = "\r\n".join(line for _, line in part)
        try:
            Calendar.from_ical(f"BEGIN:VCALENDAR\r\n{body}\r\nEND:VCALENDAR\r\n")
        except (ValueError, IndexError, KeyError, TypeError):
            return part[0][0]
    return None


def _standard_zones(calendar: Calendar, source: str, line: int) -> Calendar:
    """Floating times in a calendar with X-WR-TIMEZONE (Google's exports) as that zone."""
    import x_wr_timezone

    name = _get(calendar, "X-WR-TIMEZONE")
    if name is None:
        return calendar
    key = WINDOWS_TO_OLSON.get(str(name), str(name))
    try:
        zone(key)
        result: Calendar = x_wr_timezone.to_standard(calendar, timezone=ZoneInfo(key))
    except ValueError:
        raise IcsError(source, f"X-WR-TIMEZONE: unknown time zone {str(name)!r}", line) from None
    return result


def _expand(
    raw: list[tuple[Component, _EventLines, str]],
    calendars: list[Calendar],
    source: str,
    days: tuple[date, date] | None,
) -> tuple[list[IcsEvent], list[str]]:
    """Events read one by one; series (RRULE/RDATE) as their occurrences within ``days``."""
    series = {
        _text(c, "UID")
        for c, _, method in raw
        if ("RRULE" in c or "RDATE" in c) and method in ("PUBLISH", "REQUEST")
    }
    series.discard("")
    events: list[IcsEvent] = []
    seen: dict[tuple[str, str | None], int] = {}
    masters: dict[str, tuple[Component, _EventLines, str]] = {}
    for component, lines, method in raw:
        uid = _text(component, "UID")
        if uid in series:
            if "RECURRENCE-ID" not in component:
                # A series written twice (an older copy left in) is one series: the
                # library takes the newer copy's occurrences.
                masters.setdefault(uid, (component, lines, method))
            continue
        event = _read(component, lines, method, source)
        key = (event.uid, event.recurrence_id)
        if key in seen and method not in ("REPLY", "CANCEL"):
            raise IcsError(
                source,
                f"UID {event.uid!r} was already used by the event on line {seen[key]}",
                lines.begin,
            )
        seen[key] = lines.begin
        events.append(event)
    notices: list[str] = []
    if not masters:
        return events, notices
    if days is None:
        single = [e.meeting.time for e in events if e.meeting is not None]
        if single:
            days = (min(t.day for t in single), max(_last_day(t) for t in single))
        else:
            first = min(_start_day(m) for m, _, _ in masters.values())
            days = (first, first + timedelta(days=DEFAULT_SERIES_DAYS - 1))
    import recurring_ical_events

    total = 0
    for calendar in calendars:
        if not any(_text(c, "UID") in masters for c in calendar.subcomponents):
            continue
        try:
            query = recurring_ical_events.of(calendar, components=["VEVENT"])
            occurrences = list(query.between(days[0], days[1] + timedelta(days=1)))
        except Exception as exc:  # the library raises its own types for bad rules
            line = min(lines.props.get("RRULE", lines.begin) for _, lines, _ in masters.values())
            raise IcsError(source, f"RRULE: {_what(exc)}", line) from None
        for occurrence in occurrences:
            uid = _text(occurrence, "UID")
            if uid not in masters:
                continue
            _, lines, method = masters[uid]
            rid = _recurrence_text(occurrence)
            if (uid, rid) in seen:
                continue
            seen[(uid, rid)] = lines.begin
            events.append(_read(occurrence, lines, method, source, rid))
            total += 1
    notices.append(
        f"repeating events: {total} occurrence(s) from {days[0]} to {days[1]} taken"
        " (choose other dates to take others)"
    )
    return events, notices


def _start_day(component: Component) -> date:
    value = _get(component, "DTSTART")
    moment: date = value.dt if value is not None else date.today()
    return moment.date() if isinstance(moment, datetime) else moment


def _last_day(time: MeetingTime) -> date:
    if isinstance(time, ExactTime):
        return time.end.date()
    if isinstance(time, AllDay):
        return time.end_day
    return time.day


def _recurrence_text(component: Component) -> str | None:
    value = _get(component, "RECURRENCE-ID")
    if value is None:
        return None
    moment = value.dt
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            return f"{moment:%Y%m%dT%H%M%S}"
        return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return f"{moment:%Y%m%d}"


def _read(
    component: Component,
    lines: _EventLines,
    method: str,
    source: str,
    rid: str | None = None,
) -> IcsEvent:
    try:
        return _read_event(component, lines.begin, method, rid)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        what = _what(exc)
        # Point at the property's own line when the message names it.
        prop = what.split(":", 1)[0].strip().upper()
        raise IcsError(source, what, lines.props.get(prop, lines.begin)) from None


def _calendar_name(calendars: list[Calendar]) -> str | None:
    for calendar in calendars:
        raw = _get(calendar, "X-WR-CALNAME")
        if raw is None:
            continue
        # icalendar keeps X- properties raw: undo the text escaping (RFC 5545 3.3.11).
        name = str(raw) if isinstance(raw, vText) else _unescape_text(str(raw))
        if name.strip():
            return name.strip()
    return None


def _unescape_text(raw: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_ICS_BYTES:
        raise IcsError(source, f"{len(data):,} bytes is too large for a calendar file")
    if not data.strip():
        raise IcsError(source, "the file is empty")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise IcsError(source, "binary data (a NUL byte), not calendar text", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IcsError(source, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line) from None
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise IcsError(source, "a control character: binary data, not calendar text", line)
    return text


def _unfold(text: str, source: str) -> list[tuple[int, str]]:
    """Unfolded content lines with the number of their first physical line, blank lines
    skipped, QUOTED-PRINTABLE values (old Outlook, vCalendar 1.0) decoded into TEXT."""
    out: list[tuple[int, str]] = []
    soft = False  # the last QUOTED-PRINTABLE line ended with "=": the next one continues it
    for number, raw in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if soft:
            out[-1] = (out[-1][0], out[-1][1][:-1] + raw)
        elif raw[:1] in (" ", "\t") and out:
            out[-1] = (out[-1][0], out[-1][1] + raw[1:])
        elif raw.strip():
            out.append((number, raw))
        else:
            continue
        line = out[-1][1]
        soft = line.endswith("=") and bool(_QP.search(line.partition(":")[0] + ":"))
    return [(n, _decode_qp(line, n, source)) for n, line in out]


def _decode_qp(line: str, number: int, source: str) -> str:
    head, colon, value = line.partition(":")
    if not colon or not _QP.search(head + ":"):
        return line
    charset = _CHARSET.search(head + ":")
    try:
        decoded = quopri.decodestring(value.encode("utf-8")).decode(
            charset[2] if charset else "utf-8"
        )
    except (UnicodeDecodeError, LookupError) as exc:
        raise IcsError(source, f"QUOTED-PRINTABLE text cannot be decoded: {exc}", number) from None
    head = _CHARSET.sub("", _QP.sub("", head + ":"))[:-1]
    escaped = decoded.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f"{head}:{escaped}"


def _check_structure(
    logical: list[tuple[int, str]], source: str
) -> tuple[list[_EventLines], list[tuple[str, int]]]:
    """Content lines, BEGIN/END nesting, METHOD, and properties an event may hold once.

    Returns each VEVENT's lines, and each VCALENDAR's METHOD with its line.
    """
    stack: list[tuple[str, int]] = []
    events: list[_EventLines] = []
    methods: list[tuple[str, int]] = []
    last = 0
    for number, line in logical:
        last = number
        if not _CONTENT_LINE.match(line):
            raise IcsError(source, f"not an iCalendar content line: {_clip(line)!r}", number)
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        value = value.strip().upper()
        if not stack and (name, value) != ("BEGIN", "VCALENDAR"):
            raise IcsError(source, "a calendar file must start with BEGIN:VCALENDAR", number)
        if name == "BEGIN":
            if value == "VCALENDAR":
                if stack:
                    raise IcsError(source, f"a calendar inside {stack[-1][0]}", number)
                methods.append(("PUBLISH", number))
            elif value == "VEVENT":
                if stack[-1][0] != "VCALENDAR":
                    raise IcsError(source, f"an event inside {stack[-1][0]}", number)
                events.append(_EventLines(number, len(methods) - 1, {}))
            stack.append((value, number))
        elif name == "END":
            if not stack or stack[-1][0] != value:
                open_part = f"BEGIN:{stack[-1][0]} on line {stack[-1][1]}" if stack else "none"
                raise IcsError(source, f"END:{value} does not close {open_part}", number)
            stack.pop()
        elif stack[-1][0] == "VCALENDAR" and name == "METHOD":
            if value not in METHODS:
                raise IcsError(
                    source,
                    f"METHOD:{value} is not supported (Shuttle reads {', '.join(METHODS)})",
                    number,
                )
            methods[-1] = (value, number)
        elif stack[-1][0] == "VEVENT":
            props = events[-1].props
            if name in _ONCE and name in props:
                raise IcsError(
                    source,
                    f"{name} appears twice in one event (first on line {props[name]})",
                    number,
                )
            props.setdefault(name, number)
    if stack:
        what, number = stack[-1]
        raise IcsError(
            source,
            f"the file is truncated: BEGIN:{what} on line {number} is never closed "
            f"(the file ends at line {last})",
            last or None,
        )
    if not methods:
        raise IcsError(source, "the file is empty")
    return events, methods


def _read_event(event: Component, line: int, method: str, rid: str | None) -> IcsEvent:
    if event.errors:
        prop, message = event.errors[0]
        raise ValueError(f"{prop}: {message}")
    uid = _text(event, "UID")
    sequence = int(_get(event, "SEQUENCE", 0))
    if sequence < 0:
        raise ValueError(f"SEQUENCE {sequence} is negative")
    stamp = _stamp(event)
    rid = rid or _recurrence_text(event)
    if method in ("REPLY", "CANCEL"):
        if not uid:
            raise ValueError(f"UID: a {method} must say which event it is about")
        return IcsEvent(
            line, method, uid, rid, sequence, stamp, None, "", None, None, False, None,
            replies=_replies(event),
        )  # fmt: skip
    start_prop = _get(event, "DTSTART")
    if start_prop is None:
        raise ValueError("the event has no DTSTART")
    uid = uid or _stand_in_uid(event)
    shuttle = X_STATUS in event
    title = _text(event, "SUMMARY") or "(no title)"
    start = start_prop.dt
    zone_key = _zone_key(start, start_prop.params.get("TZID"), "DTSTART")
    end = _end(event, start)
    time, floating = _time(event, start, end)
    status_text = _text(event, "STATUS").upper()
    status = _STATUS.get(status_text, Status.CONFIRMED)
    if shuttle:
        own = Status(_text(event, X_STATUS))
        tbc = isinstance(time, TimeTBC) and own is not Status.CANCELLED
        if status_text == ("TENTATIVE" if tbc else own.name):
            status = own  # STATUS still says what Shuttle wrote
    description = _text(event, "DESCRIPTION")
    meeting = Meeting(
        id=meeting_id_from_uid(uid) + (f"--{rid}" if rid else ""),
        title=title,
        place_id=None,
        time=time,
        participants=_participants(event),
        topic=_text(event, X_TOPIC) if shuttle else description,
        notes=_text(event, X_NOTES) if shuttle else "",
        status=status,
        sequence=sequence,
    )
    location = _text(event, "LOCATION")
    geo = _geo(event)
    given = tuple(p for p in _KEPT_ABSENT if p in event)
    return IcsEvent(
        line,
        method,
        uid,
        rid,
        sequence,
        stamp,
        meeting,
        location,
        geo,
        zone_key,
        floating,
        _stored_place(event, location, geo),
        given,
    )


def _get(event: Component, name: str, default: Any = None) -> Any:
    """A property as icalendar parsed it (its many value types are checked where used)."""
    return event.get(name, default)


def _text(event: Component, name: str) -> str:
    value = _get(event, name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _stamp(event: Component) -> str | None:
    value = _get(event, "DTSTAMP")
    if value is None or not isinstance(value.dt, datetime):
        return None
    moment = value.dt if value.dt.tzinfo else value.dt.replace(tzinfo=UTC)
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _stand_in_uid(event: Component) -> str:
    """An event without UID gets one from its start and title, the same on every import."""
    seed = f"{_get(event, 'DTSTART').to_ical()!r}|{_text(event, 'SUMMARY')}"
    return "ics-" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def _zone_key(value: date, tzid: str | None, what: str) -> str | None:
    if not isinstance(value, datetime):
        return None
    if isinstance(value.tzinfo, ZoneInfo):
        return value.tzinfo.key
    if tzid:
        # A zone icalendar built from the file's own VTIMEZONE: its IANA name, if known.
        key = WINDOWS_TO_OLSON.get(tzid, tzid)
        try:
            return zone(key).key
        except ValueError:
            if value.tzinfo is None:
                raise ValueError(
                    f"{what}: unknown time zone {tzid!r} and no VTIMEZONE for it"
                ) from None
    return None


def _end(event: Component, start: date) -> date:
    if "DTEND" in event:
        end: date = _get(event, "DTEND").dt
        _zone_key(end, _get(event, "DTEND").params.get("TZID"), "DTEND")
    elif "DURATION" in event:
        end = start + _get(event, "DURATION").dt
    elif isinstance(start, datetime):
        end = start  # RFC 5545 3.6.1: it ends where it starts
    else:
        end = start + timedelta(days=1)  # RFC 5545 3.6.1: one day
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise ValueError("DTSTART and DTEND must both be dates or both be date-times")
    return end


def _time(event: Component, start: date, end: date) -> tuple[MeetingTime, bool]:
    """The meeting's time; exact times are zoned later, once the place is known."""
    if not isinstance(start, datetime):
        if end == start:
            end = start + timedelta(days=1)  # as common clients read it: that one day
        if end < start:
            raise ValueError(f"DTEND {end} is not after DTSTART {start}")
        tbc = _text(event, X_TIME_TBC).upper() == "TRUE"
        if tbc and end == start + timedelta(days=1):
            part = _text(event, X_PART_OF_DAY)
            length = _text(event, X_DURATION)
            return TimeTBC(
                start,
                PartOfDay(part) if part else None,
                _duration(length) if length else None,
            ), False
        last = end - timedelta(days=1)
        return AllDay(start, last if last > start else None), False
    assert isinstance(end, datetime)
    floating = start.tzinfo is None
    if floating != (end.tzinfo is None):
        raise ValueError("DTSTART and DTEND must both have a time zone or both be floating")
    if floating:
        start, end = start.replace(tzinfo=UTC), end.replace(tzinfo=UTC)  # wall time, for now
    if end < start:
        raise ValueError(f"DTEND {end:%Y-%m-%d %H:%M} is not after DTSTART")
    zone_key = _zone_key(start, _get(event, "DTSTART").params.get("TZID"), "DTSTART")
    tz = ZoneInfo(zone_key) if zone_key and not floating else ZoneInfo("UTC")
    return ExactTime(start.astimezone(tz), end.astimezone(tz)), floating


def _duration(text: str) -> timedelta:
    value: Any = vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    if not isinstance(value, timedelta):
        raise ValueError(f"{X_DURATION}: {text!r} is not a duration")
    return value


def _geo(event: Component) -> tuple[float, float] | None:
    geo = _get(event, "GEO")
    if geo is None:
        return None
    lat, lon = float(geo.latitude), float(geo.longitude)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"GEO {lat};{lon} is not a point on Earth")
    return lat, lon


def _addresses(event: Component, name: str) -> list[Any]:
    values = _get(event, name, [])
    return values if isinstance(values, list) else [values]


def _email(address: Any) -> str:
    text = str(address)
    return text[7:].strip() if text.lower().startswith("mailto:") else ""


def _replies(event: Component) -> tuple[tuple[str, Reply], ...]:
    out = []
    for address in _addresses(event, "ATTENDEE"):
        email = _email(address)
        answer = _REPLY.get(str(address.params.get("PARTSTAT", "NEEDS-ACTION")).upper())
        if email and answer is not None:
            out.append((email.lower(), answer))
    return tuple(out)


def _participants(event: Component) -> tuple[Participant, ...]:
    stored = _get(event, X_PARTICIPANT)
    if stored is not None:
        values = stored if isinstance(stored, list) else [stored]
        return tuple(_stored_participant(str(v)) for v in values)
    people: list[Participant] = []
    organizer = _get(event, "ORGANIZER")
    for address, is_organizer in [(organizer, True)] * (organizer is not None) + [
        (a, False) for a in _addresses(event, "ATTENDEE")
    ]:
        email = _email(address)
        name = str(address.params.get("CN", "")).strip() or email or str(address)
        if any(p.email and p.email.lower() == email.lower() for p in people):
            continue
        optional = str(address.params.get("ROLE", "")).upper() == "OPT-PARTICIPANT"
        reply = None
        if not is_organizer and email:
            reply = _REPLY.get(str(address.params.get("PARTSTAT", "NEEDS-ACTION")).upper())
        people.append(
            Participant(
                name=name,
                role="organiser" if is_organizer else "",
                email=email or None,
                attendance=Attendance.UNCERTAIN if optional else Attendance.CONFIRMED,
                reply=reply,
            )
        )
    return tuple(people)


def _stored_participant(text: str) -> Participant:
    data = _json_object(text, X_PARTICIPANT)
    allowed = {"name", "role", "organisation", "email", "attendance", "reply"}
    if set(data) - allowed or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{X_PARTICIPANT}: unexpected fields or values")
    if "attendance" in data:
        data["attendance"] = Attendance(data["attendance"])
    if "reply" in data:
        data["reply"] = Reply(data["reply"])
    return Participant(**data)


def _stored_place(event: Component, location: str, geo: tuple[float, float] | None) -> Place | None:
    """Shuttle's own record of the place, if LOCATION and GEO still say the same."""
    text = _get(event, X_PLACE)
    if text is None:
        return None
    place = _place_record(str(text))
    if location_text(place) != location:
        return None  # someone moved the meeting in another client: trust LOCATION
    if geo is not None and not same_spot((place.lat, place.lon), geo):
        return None
    return place


@lru_cache(maxsize=4096)
def _place_record(text: str) -> Place:
    """An X-SHUTTLE-PLACE record (each is listed once, and read for every event there)."""
    try:
        _json_object(text, X_PLACE)
        return _PLACE.validate_json(text)
    except ValidationError as exc:
        raise ValueError(f"{X_PLACE}: {exc.errors(include_url=False)[0]['msg']}") from None


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{what}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{what}: expected a JSON object")
    return data


def _attach_calendar_places(calendar: Component) -> None:
    """Give each event with X-SHUTTLE-PLACE-ID the place record its calendar holds (an
    export lists each place once, on the VCALENDAR, not on every event)."""
    records: dict[str, str] = {}
    for value in _addresses(calendar, X_PLACE):
        try:
            data = json.loads(str(value))
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            records[data["id"]] = str(value)
    if not records:
        return
    for event in calendar.subcomponents:
        ref = _get(event, X_PLACE_ID)
        if ref is not None and X_PLACE not in event and str(ref) in records:
            event[X_PLACE] = records[str(ref)]


def same_spot(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < _SAME_SPOT_DEGREES and abs(a[1] - b[1]) < _SAME_SPOT_DEGREES


def _what(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]}"
    return str(exc)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
