"""Trips read back from the store's own rows, without pydantic.

The store writes each place, meeting, leg and source as the JSON of its trip-file entry
(pydantic's dump). Reading those rows back through pydantic costs its import and schema
build (about a third of a second) on every command that opens a trip; this reader builds
the same dataclasses directly, so the model's own checks still run. It takes only what
that dump writes: anything else (an unknown key, a wrong type, a value the model refuses)
raises :class:`Irregular`, and the store then validates the trip with pydantic as it
validates a file, for the same result or the same error message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from data.model import (
    AllDay,
    Attendance,
    CalendarOrigin,
    ExactTime,
    Leg,
    Meeting,
    Participant,
    PartOfDay,
    Place,
    PlaceKind,
    Provenance,
    ProvenanceKind,
    Reply,
    Source,
    Status,
    TimeTBC,
    Trip,
)
from data.zoned import parse_zoned


class Irregular(Exception):
    """A row this reader does not expect; validate the trip with pydantic instead."""


def trip_from_rows(
    head: Mapping[str, str | None],
    places: Sequence[str],
    meetings: Sequence[str],
    legs: Sequence[str],
    sources: Sequence[str],
) -> Trip:
    """The trip of the ``trips`` row ``head`` and the JSON rows of its parts."""
    import json

    try:
        return Trip(
            name=_text(head["name"]),
            traveller=_text(head["traveller"]),
            home_timezone=_text(head["home_timezone"]),
            notes=_text(head["notes"]),
            start_day=_maybe(_day)(head["start_day"]),
            end_day=_maybe(_day)(head["end_day"]),
            places=tuple(_build(Place, _PLACE, json.loads(row)) for row in places),
            meetings=tuple(_build(Meeting, _MEETING, json.loads(row)) for row in meetings),
            legs=tuple(_build(Leg, _LEG, json.loads(row)) for row in legs),
            sources=tuple(_build(Source, _SOURCE, json.loads(row)) for row in sources),
        )
    except (Irregular, KeyError, TypeError, ValueError) as exc:
        raise Irregular(str(exc)) from exc


Convert = Callable[[Any], Any]


def meeting_from_row(row: str) -> Meeting:
    """One meeting from its row in the store (raises :class:`Irregular` as above)."""
    import json

    try:
        built: Meeting = _build(Meeting, _MEETING, json.loads(row))
    except (Irregular, KeyError, TypeError, ValueError) as exc:
        raise Irregular(str(exc)) from exc
    return built


def _build(kind: Callable[..., Any], fields: Mapping[str, Convert], row: Any) -> Any:
    if type(row) is not dict:
        raise Irregular(f"expected an object, got {row!r}")
    return kind(**{key: fields[key](value) for key, value in row.items()})


def _text(value: Any) -> str:
    if type(value) is not str:
        raise Irregular(f"expected text, got {value!r}")
    return value


def _number(value: Any) -> float:
    if type(value) not in (float, int):
        raise Irregular(f"expected a number, got {value!r}")
    return float(value)


def _whole(value: Any) -> int:
    if type(value) is not int:
        raise Irregular(f"expected a whole number, got {value!r}")
    return value


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# pydantic writes durations as ISO 8601 with days, hours, minutes and seconds only below
# a year ("P1DT2H", "PT1.5S"); longer ones (with Y) go the pydantic way.
_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?")


def _day(value: Any) -> date:
    if not _DATE.fullmatch(_text(value)):
        raise Irregular(f"expected a date, got {value!r}")
    return date.fromisoformat(value)


def _zoned(value: Any) -> datetime:
    return parse_zoned(_text(value))


def _duration(value: Any) -> timedelta:
    found = _DURATION.fullmatch(_text(value))
    if not found or value in ("P", "PT") or value.endswith("T"):
        raise Irregular(f"expected a duration, got {value!r}")
    days, hours, minutes, seconds = (float(part) if part else 0.0 for part in found.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def _maybe(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


def _many(convert: Convert) -> Convert:
    def each(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise Irregular(f"expected a list, got {value!r}")
        return tuple(convert(item) for item in value)

    return each


def _choice(kind: Callable[[str], Any]) -> Convert:
    return lambda value: kind(_text(value))


def _literal(tag: str) -> Convert:
    def same(value: Any) -> str:
        if value != tag:
            raise Irregular(f"expected {tag!r}, got {value!r}")
        return tag

    return same


_PROVENANCE: dict[str, Convert] = {
    "kind": _choice(ProvenanceKind),
    "sources": _many(_text),
    "note": _text,
}
_provenance = _many(lambda row: _build(Provenance, _PROVENANCE, row))


def _field_provenance(value: Any) -> dict[str, tuple[Provenance, ...]]:
    if type(value) is not dict:
        raise Irregular(f"expected an object, got {value!r}")
    return {_text(key): _provenance(items) for key, items in value.items()}


_PLACE: dict[str, Convert] = {
    "id": _text,
    "name": _text,
    "city": _text,
    "country": _text,
    "lat": _number,
    "lon": _number,
    "timezone": _text,
    "kind": _choice(PlaceKind),
    "provenance": _provenance,
}
_PARTICIPANT: dict[str, Convert] = {
    "name": _text,
    "role": _text,
    "organisation": _text,
    "email": _maybe(_text),
    "attendance": _choice(Attendance),
    "provenance": _provenance,
    "reply": _maybe(_choice(Reply)),
}
_CALENDAR: dict[str, Convert] = {
    "uid": _text,
    "recurrence_id": _maybe(_text),
    "stamp": _maybe(_text),
    "location": _maybe(_text),
    "place_id": _maybe(_text),
    "given": _many(_text),
}
_TIMES: dict[str, tuple[Callable[..., Any], dict[str, Convert]]] = {
    "exact": (ExactTime, {"start": _zoned, "end": _zoned, "kind": _literal("exact")}),
    "tbc": (
        TimeTBC,
        {
            "day": _day,
            "part_of_day": _maybe(_choice(PartOfDay)),
            "duration": _maybe(_duration),
            "kind": _literal("tbc"),
        },
    ),
    "all-day": (AllDay, {"day": _day, "last_day": _maybe(_day), "kind": _literal("all-day")}),
}


def _time(value: Any) -> ExactTime | TimeTBC | AllDay:
    if type(value) is not dict:
        raise Irregular(f"expected an object, got {value!r}")
    kind, fields = _TIMES[value["kind"]]
    built: ExactTime | TimeTBC | AllDay = _build(kind, fields, value)
    return built


_MEETING: dict[str, Convert] = {
    "id": _text,
    "title": _text,
    "place_id": _maybe(_text),
    "time": _time,
    "participants": _many(lambda row: _build(Participant, _PARTICIPANT, row)),
    "topic": _text,
    "notes": _text,
    "status": _choice(Status),
    "provenance": _provenance,
    "field_provenance": _field_provenance,
    "sequence": _whole,
    "calendar": _maybe(lambda row: _build(CalendarOrigin, _CALENDAR, row)),
}
_LEG: dict[str, Convert] = {
    "from_place": _text,
    "to_place": _text,
    "day": _day,
    "mode": _text,
    "notes": _text,
    "provenance": _provenance,
    "depart": _maybe(_zoned),
    "arrive": _maybe(_zoned),
}
_SOURCE: dict[str, Convert] = {
    "id": _text,
    "title": _text,
    "url": _maybe(_text),
    "note": _text,
}
