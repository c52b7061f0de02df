"""The trip model: frozen dataclasses with aware datetimes, no display concerns.

A meeting's time is one of three explicit kinds (after khal's event classes):
``ExactTime`` (start and end in the venue's zone), ``TimeTBC`` (a date whose clock
time is still to be confirmed, with part of day and expected length) or ``AllDay``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, TypeVar
from zoneinfo import ZoneInfo

from data.zoned import ZonedDatetime

if TYPE_CHECKING:
    from pydantic import ConfigDict

# How pydantic reads these dataclasses from trip files: no unknown keys, no coercion.
# A plain dict, so the model itself never imports pydantic (`trips` needs no validation).
_FILE_RULES: ConfigDict = {"extra": "forbid", "strict": True}


class _ByKind:
    """``Annotated[MeetingTime, _ByKind]``: pydantic picks a time's class by its ``kind``
    tag (its discriminated union), imported only when pydantic builds the schema."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(discriminator="kind")])


# The edges of what Shuttle accepts, so that everything it accepts it can show, compute
# with (in any zone) and export: the years of its dates, the length of any span of time,
# iCalendar's SEQUENCE (RFC 5545 3.8.7.4: a non-negative 32-bit integer).
FIRST_YEAR, LAST_YEAR = 1900, 2200
MAX_SPAN = timedelta(days=366)
MAX_SEQUENCE = 2**31 - 1
# C0 and C1 controls (ESC, BEL, NUL...) and lone surrogates; a tab is kept (it is
# harmless and exports as itself), newlines only in multi-line text.
_CONTROL_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class Status(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class Attendance(StrEnum):
    CONFIRMED = "confirmed"
    UNCERTAIN = "uncertain"


class Reply(StrEnum):
    """An invited participant's answer (iCalendar PARTSTAT)."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    NO_ANSWER = "no answer"  # PARTSTAT=NEEDS-ACTION: invited, not answered yet


class PlaceKind(StrEnum):
    VENUE = "venue"
    AIRPORT = "airport"
    CITY = "city"


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    LATE_EVENING = "late evening"


class ProvenanceKind(StrEnum):
    ARTICLE = "article"  # stated in the trip's news article
    SOURCE = "source"  # stated by named sources (see Trip.sources)
    ASSUMED = "assumed"  # no source: an inference or a deliberate gap
    COMPUTED = "computed"  # derived (calendar, zone rules, distances)


@dataclass(frozen=True, slots=True)
class Provenance:
    __pydantic_config__ = _FILE_RULES

    kind: ProvenanceKind
    sources: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        for source_id in self.sources:
            check_text(source_id, "provenance source")
        check_text(self.note, "provenance note", multiline=True)
        if self.kind is ProvenanceKind.SOURCE and not self.sources:
            raise ValueError("provenance of kind 'source' must name at least one source id")


@dataclass(frozen=True, slots=True)
class Source:
    __pydantic_config__ = _FILE_RULES

    id: str
    title: str
    url: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        _require_text(self.id, "source id")
        check_text(self.title, "source title")
        check_text(self.note, "source note", multiline=True)
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError(f"source URL must start with http:// or https://, got {self.url!r}")


@dataclass(frozen=True, slots=True)
class Place:
    __pydantic_config__ = _FILE_RULES

    id: str
    name: str
    city: str
    country: str
    lat: float
    lon: float
    timezone: str
    kind: PlaceKind = PlaceKind.VENUE
    provenance: tuple[Provenance, ...] = ()

    def __post_init__(self) -> None:
        _require_text(self.id, "place id")
        _require_text(self.name, "place name")
        check_text(self.city, "city")
        check_text(self.country, "country")
        if not -90.0 <= self.lat <= 90.0:
            raise ValueError(f"latitude {self.lat} is outside -90..90")
        if not -180.0 <= self.lon <= 180.0:
            raise ValueError(f"longitude {self.lon} is outside -180..180")
        zone(self.timezone)  # raises on an unknown zone

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)


@dataclass(frozen=True, slots=True)
class Participant:
    __pydantic_config__ = _FILE_RULES

    name: str
    role: str = ""
    organisation: str = ""
    email: str | None = None
    attendance: Attendance = Attendance.CONFIRMED
    provenance: tuple[Provenance, ...] = ()
    reply: Reply | None = None  # None: not invited through a calendar, or not known

    def __post_init__(self) -> None:
        _require_text(self.name, "participant name")
        check_text(self.role, "participant role")
        check_text(self.organisation, "participant organisation")
        if self.email is not None and (
            "@" not in self.email or any(c.isspace() for c in self.email)
        ):
            raise ValueError(f"{self.email!r} is not an email address")


@dataclass(frozen=True, slots=True)
class ExactTime:
    """A start and end in the venue's zone (``ZoneInfo``-aware)."""

    __pydantic_config__ = _FILE_RULES

    start: Annotated[datetime, ZonedDatetime]
    end: Annotated[datetime, ZonedDatetime]
    kind: Literal["exact"] = field(default="exact", repr=False)

    def __post_init__(self) -> None:
        for name, value in (("start", self.start), ("end", self.end)):
            if not isinstance(value.tzinfo, ZoneInfo):
                raise ValueError(f"{name} must carry an IANA zone, got {value.tzinfo!r}")
            check_instant(value, name)
        # Equal is allowed: RFC 5545's event with a DTSTART and no end takes no time.
        if _utc(self.end) < _utc(self.start):
            raise ValueError(
                f"end {self.end.isoformat()} is not after start {self.start.isoformat()}"
            )
        check_span(self.duration, "the meeting")

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def duration(self) -> timedelta:
        # Through UTC: Python subtracts same-zone datetimes as wall times, wrong across DST.
        return _utc(self.end) - _utc(self.start)


@dataclass(frozen=True, slots=True)
class TimeTBC:
    """A date whose clock time is still to be confirmed."""

    __pydantic_config__ = _FILE_RULES

    day: date
    part_of_day: PartOfDay | None = None
    duration: timedelta | None = None  # expected length, if known
    kind: Literal["tbc"] = field(default="tbc", repr=False)

    def __post_init__(self) -> None:
        check_day(self.day, "day")
        if self.duration is not None and self.duration <= timedelta(0):
            raise ValueError("expected duration must be positive")
        if self.duration is not None:
            check_span(self.duration, "the expected duration")


@dataclass(frozen=True, slots=True)
class AllDay:
    """An item spanning whole days, ``day`` to ``last_day`` inclusive."""

    __pydantic_config__ = _FILE_RULES

    day: date
    last_day: date | None = None
    kind: Literal["all-day"] = field(default="all-day", repr=False)

    def __post_init__(self) -> None:
        check_day(self.day, "day")
        if self.last_day is not None:
            check_day(self.last_day, "last_day")
            if self.last_day < self.day:
                raise ValueError("last day is before the first day")
            check_span(self.last_day - self.day, "the all-day item")

    @property
    def end_day(self) -> date:
        return self.last_day or self.day


MeetingTime = ExactTime | TimeTBC | AllDay


@dataclass(frozen=True, slots=True)
class CalendarOrigin:
    """What an event imported from another program's calendar said, so that exporting it
    again changes nothing that program relies on: its UID byte for byte, the occurrence
    of a series it stands for, its LOCATION text, and which optional properties it had
    (nothing is added on re-export that the source did not have)."""

    __pydantic_config__ = _FILE_RULES

    uid: str
    recurrence_id: str | None = None  # RECURRENCE-ID as UTC text, e.g. 20261025T011500Z
    stamp: str | None = None  # DTSTAMP of the last message taken, UTC text
    location: str | None = None  # LOCATION as written
    place_id: str | None = None  # the place LOCATION was read as (None: none found)
    given: tuple[str, ...] = ()  # optional properties it had: STATUS, DESCRIPTION, GEO

    def __post_init__(self) -> None:
        _require_text(self.uid, "calendar UID")


@dataclass(frozen=True, slots=True)
class Meeting:
    __pydantic_config__ = _FILE_RULES

    id: str
    title: str
    place_id: str | None  # None: the place is not given (no marker, no leg)
    time: Annotated[MeetingTime, _ByKind]
    participants: tuple[Participant, ...] = ()
    topic: str = ""
    notes: str = ""
    status: Status = Status.CONFIRMED
    # Provenance of the meeting as a whole, and per field where sources differ.
    provenance: tuple[Provenance, ...] = ()
    field_provenance: dict[str, tuple[Provenance, ...]] = field(default_factory=dict)
    sequence: int = 0  # iCalendar SEQUENCE: rises when time, place, status or title changes
    calendar: CalendarOrigin | None = None  # set when imported from another program

    def __post_init__(self) -> None:
        _require_text(self.id, "meeting id")
        _require_text(self.title, "meeting title")
        if self.place_id is not None:
            _require_text(self.place_id, "meeting place")
        check_text(self.topic, "topic", multiline=True)
        check_text(self.notes, "notes", multiline=True)
        for key in self.field_provenance:
            check_text(key, "field_provenance key")
        if not 0 <= self.sequence <= MAX_SEQUENCE:
            raise ValueError(f"sequence {self.sequence} is outside 0..{MAX_SEQUENCE}")

    @property
    def day(self) -> date:
        """The local date at the venue."""
        return self.time.day

    def all_provenance(self) -> list[Provenance]:
        """The meeting's own, its fields' and its participants' provenance."""
        items = list(self.provenance)
        for values in self.field_provenance.values():
            items.extend(values)
        for person in self.participants:
            items.extend(person.provenance)
        return items

    def cited_sources(self) -> list[str]:
        """Every source id the meeting cites, first citation first."""
        ids: list[str] = []
        for item in self.all_provenance():
            ids.extend(s for s in item.sources if s not in ids)
        return ids

    def replace(self, **changes: object) -> Meeting:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Leg:
    """A journey between two places; ``depart``/``arrive`` are optional planned times,
    in the zone of the place left and the place reached (checked by ``Trip``)."""

    __pydantic_config__ = _FILE_RULES

    from_place: str
    to_place: str
    day: date
    mode: str = "flight"  # free text as reported ("U.S. Air Force plane"); see data.travel
    notes: str = ""
    provenance: tuple[Provenance, ...] = ()
    depart: Annotated[datetime, ZonedDatetime] | None = None
    arrive: Annotated[datetime, ZonedDatetime] | None = None

    def __post_init__(self) -> None:
        _require_text(self.mode, "leg mode")
        check_text(self.notes, "leg notes", multiline=True)
        check_day(self.day, "day")
        for name, value in (("depart", self.depart), ("arrive", self.arrive)):
            if value is not None and not isinstance(value.tzinfo, ZoneInfo):
                raise ValueError(f"{name} must carry an IANA zone, got {value.tzinfo!r}")
            if value is not None:
                check_instant(value, name)
        if (
            self.depart is not None
            and self.arrive is not None
            and _utc(self.arrive) <= _utc(self.depart)
        ):
            raise ValueError(
                f"arrival {self.arrive.isoformat()} is not after departure "
                f"{self.depart.isoformat()}"
            )
        if self.duration is not None:
            check_span(self.duration, "the leg")

    @property
    def duration(self) -> timedelta | None:
        """The planned travel time, when both ends are set (through UTC, across zones)."""
        if self.depart is None or self.arrive is None:
            return None
        return _utc(self.arrive) - _utc(self.depart)

    def replace(self, **changes: object) -> Leg:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Trip:
    __pydantic_config__ = _FILE_RULES

    name: str
    traveller: str
    home_timezone: str
    places: tuple[Place, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    legs: tuple[Leg, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: str = ""
    # Explicit dates, for a trip planned before its meetings are (optional: older files
    # have none, and then the meetings decide first_day and last_day).
    start_day: date | None = None
    end_day: date | None = None
    # Places and meetings by id, built once per (immutable) trip: ``place`` and ``meeting``
    # are asked for on every row, leg and warning. Not data: no default, so pydantic
    # neither reads nor writes them.
    _places_by_id: dict[str, Place] = field(init=False, repr=False, compare=False)
    _meetings_by_id: dict[str, Meeting] = field(init=False, repr=False, compare=False)
    # The meetings' first and last days, found when first asked (views ask on every redraw).
    _meeting_span: tuple[date | None, date | None] | None = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        _require_text(self.name, "trip name")
        check_text(self.traveller, "traveller")
        check_text(self.notes, "trip notes", multiline=True)
        zone(self.home_timezone)
        for name, day in (("start_day", self.start_day), ("end_day", self.end_day)):
            if day is not None:
                check_day(day, name)
        if self.start_day and self.end_day and self.end_day < self.start_day:
            raise ValueError(
                f"end_day: the trip ends ({self.end_day}) before it starts ({self.start_day})"
            )
        _check_references(self)
        object.__setattr__(self, "_places_by_id", {p.id: p for p in self.places})
        object.__setattr__(self, "_meetings_by_id", {m.id: m for m in self.meetings})
        object.__setattr__(self, "_meeting_span", None)

    @property
    def home_tz(self) -> ZoneInfo:
        return zone(self.home_timezone)

    def place(self, place_id: str) -> Place:
        return self._places_by_id[place_id]  # KeyError when the trip has no such place

    def place_of(self, meeting: Meeting) -> Place | None:
        """The meeting's place, or None when the place is not given."""
        return None if meeting.place_id is None else self.place(meeting.place_id)

    def meeting(self, meeting_id: str) -> Meeting:
        return self._meetings_by_id[meeting_id]

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    @property
    def first_day(self) -> date | None:
        """The explicit start when set, else the first meeting's day."""
        if self.start_day is not None:
            return self.start_day
        return self._span()[0]

    @property
    def last_day(self) -> date | None:
        """The explicit end when set, else the last meeting's last day."""
        if self.end_day is not None:
            return self.end_day
        return self._span()[1]

    def _span(self) -> tuple[date | None, date | None]:
        if self._meeting_span is None:
            span = (
                min((m.day for m in self.meetings), default=None),
                max((_last_date(m.time) for m in self.meetings), default=None),
            )
            object.__setattr__(self, "_meeting_span", span)
            return span
        return self._meeting_span

    def replace(self, **changes: object) -> Trip:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def upsert(items: tuple[_Item, ...], item: _Item, position: int | None = None) -> tuple[_Item, ...]:
    """``items`` with the one sharing ``item``'s id replaced, or ``item`` inserted at
    ``position`` (default: the end)."""
    out = list(items)
    for index, existing in enumerate(out):
        if existing.id == item.id:
            out[index] = item
            return tuple(out)
    out.insert(len(out) if position is None else position, item)
    return tuple(out)


def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``; ValueError (not KeyError) when unknown."""
    if not isinstance(name, str) or not name or name != name.strip():
        raise ValueError(f"unknown time zone {name!r}")
    try:
        return ZoneInfo(name)
    except (ValueError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError; see below
        raise ValueError(f"unknown time zone {name!r}") from exc
    except KeyError as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _last_date(time: MeetingTime) -> date:
    if isinstance(time, ExactTime):
        return time.end.date()
    if isinstance(time, AllDay):
        return time.end_day
    return time.day


def _require_text(value: str, what: str) -> None:
    if not value or not value.strip():
        raise ValueError(f"{what} must not be empty")
    check_text(value, what)


def check_text(value: str, what: str, *, multiline: bool = False) -> None:
    """Refuse control characters (ESC, BEL, NUL...): text is shown, printed and exported.

    Tabs are kept; multi-line text (notes, topics) keeps newlines too.
    """
    found = (_CONTROL_TEXT if multiline else _CONTROL_LINE).search(value)
    if found:
        raise ValueError(
            f"{what}: control character U+{ord(found.group()):04X} at position "
            f"{found.start() + 1} is not allowed in text"
        )


def check_day(value: date, what: str) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            f"{what}: {value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}"
        )


def check_instant(value: datetime, what: str) -> None:
    """A moment within the years in some zone (an import reads it in UTC first)."""
    try:
        utc_day = _utc(value).date()
    except OverflowError:  # year 1 or 9999 and an offset that leaves the calendar
        utc_day = value.date()
    if not date(FIRST_YEAR - 1, 12, 31) <= utc_day <= date(LAST_YEAR + 1, 1, 1):
        raise ValueError(
            f"{what}: {value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}"
        )


def check_span(length: timedelta, what: str) -> None:
    if length > MAX_SPAN:
        raise ValueError(f"{what} lasts {length.days:,} days; at most {MAX_SPAN.days} are allowed")


def _check_references(trip: Trip) -> None:
    """Cross-references inside a trip must resolve. Messages start with the field path."""
    for what, ids in (
        ("places", [p.id for p in trip.places]),
        ("meetings", [m.id for m in trip.meetings]),
        ("sources", [s.id for s in trip.sources]),
    ):
        seen: set[str] = set()
        for index, ident in enumerate(ids):
            if ident in seen:
                raise ValueError(f"{what}[{index}].id: id {ident!r} is used twice")
            seen.add(ident)
    places = {p.id: p for p in trip.places}
    source_ids = {s.id for s in trip.sources}
    for index, meeting in enumerate(trip.meetings):
        here = f"meetings[{index}]"
        place = None if meeting.place_id is None else places.get(meeting.place_id)
        if place is None and meeting.place_id is not None:
            raise ValueError(f"{here}.place_id: unknown place {meeting.place_id!r}")
        if place is not None and isinstance(meeting.time, ExactTime):
            for name in ("start", "end"):
                key = getattr(getattr(meeting.time, name).tzinfo, "key", None)
                if key != place.timezone:
                    raise ValueError(
                        f"{here}.time.{name}: timed in {key} but its place {place.name!r} "
                        f"is in {place.timezone}"
                    )
        for prov in meeting.all_provenance():
            for sid in prov.sources:
                if sid not in source_ids:
                    raise ValueError(f"{here}: cites unknown source {sid!r}")
    for index, leg in enumerate(trip.legs):
        for name in ("from_place", "to_place"):
            if getattr(leg, name) not in places:
                raise ValueError(f"legs[{index}].{name}: unknown place {getattr(leg, name)!r}")
        for name, place_id in (("depart", leg.from_place), ("arrive", leg.to_place)):
            moment = getattr(leg, name)
            key = getattr(getattr(moment, "tzinfo", None), "key", None)
            if moment is not None and key != places[place_id].timezone:
                raise ValueError(
                    f"legs[{index}].{name}: timed in {key} but "
                    f"{places[place_id].name!r} is in {places[place_id].timezone}"
                )
