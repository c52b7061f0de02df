"""Trip files: versioned, human-readable JSON that planners share.

Layout::

    {"format": "shuttle-trip", "schema_version": 1, "trip": {...}}

``trip`` mirrors :class:`data.model.Trip`; exact times are RFC 9557 text
(``2014-12-14T19:00:00+01:00[Europe/Rome]``), durations ISO 8601 (``PT3H``).
Reading validates everything and refuses a bad file with the file, the field path
and what is wrong.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from pydantic import TypeAdapter, ValidationError

from data.files import FileRefused, JsonError, parse_json, read_file, write_atomically
from data.model import Trip

FORMAT = "shuttle-trip"
SCHEMA_VERSION = 1
KNOWN_VERSIONS = range(1, SCHEMA_VERSION + 1)
MAX_FILE_BYTES = 20 * 1024 * 1024

_TRIP = TypeAdapter(Trip)
_REF_PATH = re.compile(r"[a-z_]+(\[\d+\])?(\.[a-z_]+)*")
_TIME_KINDS = {"exact", "tbc", "all-day"}  # discriminator tags pydantic puts into error paths


class TripFileError(ValueError):
    """A trip file that cannot be read; ``str()`` says which file, where, and what."""

    def __init__(self, source: str, where: str, what: str) -> None:
        self.source, self.where, self.what = source, where, what
        place = f" at {where}" if where else ""
        super().__init__(f"{source}{place}: {what}")


# Optional fields added after files were first written: left out while unset, so a
# file that never used them reads and writes back byte for byte as before.
_LATER_TRIP_FIELDS = ("start_day", "end_day")
_LATER_LEG_FIELDS = ("depart", "arrive")
_LATER_MEETING_FIELDS = ("calendar",)
_LATER_PARTICIPANT_FIELDS = ("reply",)


def trip_to_dict(trip: Trip) -> dict[str, Any]:
    data = _TRIP.dump_python(trip, mode="json")
    _drop_unset(data, _LATER_TRIP_FIELDS)
    for leg in data["legs"]:
        _drop_unset(leg, _LATER_LEG_FIELDS)
    for meeting in data["meetings"]:
        _drop_unset(meeting, _LATER_MEETING_FIELDS)
        for person in meeting["participants"]:
            _drop_unset(person, _LATER_PARTICIPANT_FIELDS)
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "trip": data}


def _drop_unset(data: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        if data.get(key, 0) is None:
            del data[key]


def dumps(trip: Trip) -> str:
    return json.dumps(trip_to_dict(trip), ensure_ascii=False, indent=2) + "\n"


def loads(text: str | bytes, source: str = "<trip>") -> Trip:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            raise TripFileError(source, f"line {line}", "not UTF-8 text") from None
    try:
        document = parse_json(text.removeprefix("\ufeff"))
    except JsonError as exc:
        raise TripFileError(source, f"line {exc.line}, column {exc.column}", exc.what) from None
    if not isinstance(document, dict):
        raise TripFileError(source, "", "expected a JSON object at the top")
    if document.get("format") != FORMAT:
        raise TripFileError(source, "format", f"expected {FORMAT!r}; is this a Shuttle trip file?")
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TripFileError(source, "schema_version", "missing or not a whole number")
    if version > SCHEMA_VERSION:
        raise TripFileError(
            source,
            "schema_version",
            f"version {version} was written by a newer Shuttle; this one reads up to "
            f"{SCHEMA_VERSION}",
        )
    if version not in KNOWN_VERSIONS:
        raise TripFileError(
            source, "schema_version", f"unknown version {version} (known: 1 to {SCHEMA_VERSION})"
        )
    document = _upgrade(document, version)
    extra = set(document) - {"format", "schema_version", "trip"}
    if extra:
        raise TripFileError(source, sorted(extra)[0], "unknown field")
    if "trip" not in document:
        raise TripFileError(source, "trip", "missing")
    return trip_from_data(document["trip"], source)


def trip_from_data(data: Any, source: str = "<trip>") -> Trip:
    """Validate the ``trip`` part of a file (already parsed from JSON)."""
    return parse_trip_json(json.dumps(data), source)


def parse_trip_json(text: str | bytes, source: str = "<trip>") -> Trip:
    """Validate JSON text holding just the ``trip`` part."""
    try:
        return _TRIP.validate_json(text)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where, what = _path("trip", first["loc"]), _message(first)
        # Cross-reference checks on the whole trip put their own path first.
        inner, sep, rest = what.partition(": ")
        if sep and not first["loc"] and _REF_PATH.fullmatch(inner):
            where, what = f"trip.{inner}", rest
        raise TripFileError(source, where, what) from None


def read(path: str | os.PathLike[str]) -> Trip:
    try:
        raw = read_file(path, MAX_FILE_BYTES, "trip file")
    except FileRefused as exc:
        raise TripFileError(exc.path, "", exc.what) from None
    return loads(raw, str(path))


def write(trip: Trip, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one.

    ``overwrite=False`` refuses an existing file (FileRefused, as for any unsafe target).
    """
    write_atomically(dumps(trip).encode("utf-8"), path, overwrite=overwrite)


def _upgrade(document: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older file up to SCHEMA_VERSION (none older exists yet)."""
    return document


def _path(root: str, loc: tuple[int | str, ...]) -> str:
    out = root
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part not in _TIME_KINDS:
            out += f".{part}"
    return out


def _message(error: Any) -> str:
    msg = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if error["type"] == "missing":
        return "required field is missing"
    if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown field"
    return msg
