"""Zoned datetimes as text: RFC 9557 ``2014-12-14T19:00:00+01:00[Europe/Rome]``.

The offset pins the instant (it decides which of two repeated wall times is meant at a
daylight-saving fold); the bracketed IANA name keeps the zone, so the value reads back
as a ``ZoneInfo``-aware datetime, never a bare offset.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def format_zoned(value: datetime) -> str:
    key = getattr(value.tzinfo, "key", None)
    if key is None:
        raise ValueError(f"{value!r} has no IANA zone")
    return f"{value.isoformat()}[{key}]"


def parse_zoned(text: str) -> datetime:
    """Parse RFC 9557 text; ValueError naming what is wrong."""
    if not isinstance(text, str):
        raise ValueError(f"expected text like 2014-12-14T19:00:00+01:00[Europe/Rome], got {text!r}")
    stamp, bracket, rest = text.partition("[")
    if not bracket or not rest.endswith("]"):
        raise ValueError(f"{text!r} lacks a time zone in brackets, e.g. ...+01:00[Europe/Rome]")
    key = rest[:-1]
    try:
        tz = ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {key!r}") from exc
    try:
        fixed = datetime.fromisoformat(stamp)
    except ValueError as exc:
        raise ValueError(f"{stamp!r} is not an ISO 8601 date and time") from exc
    if fixed.tzinfo is None:
        raise ValueError(f"{stamp!r} lacks its UTC offset, e.g. +01:00")
    wall = fixed.replace(tzinfo=None)
    for fold in (0, 1):
        local = wall.replace(tzinfo=tz, fold=fold)
        if local.utcoffset() == fixed.utcoffset():
            return local
    raise ValueError(
        f"{stamp} does not exist in {key}: its offset there is "
        f"{wall.replace(tzinfo=tz).strftime('%z')}, not {fixed.strftime('%z')}"
    )


class ZonedDatetime:
    """``Annotated[datetime, ZonedDatetime]``: pydantic reads and writes RFC 9557 text."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def validate(value: Any) -> datetime:
            if isinstance(value, datetime) and isinstance(value.tzinfo, ZoneInfo):
                return value
            return parse_zoned(value)

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                format_zoned, when_used="json"
            ),
        )
