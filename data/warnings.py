"""Warnings about a planned trip, in plain words, for the agenda and the details pane.

Nothing here refuses anything: a trip with warnings is still a valid trip (a planner
may keep an overlap on purpose). Only exact times can overlap or be too close, so
meetings whose time is to be confirmed, all-day items and cancelled meetings are left
out of those two checks. Instants are compared in UTC, so zones never fool a check.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from data.agenda import format_duration, zone_abbreviation
from data.model import AllDay, ExactTime, Meeting, Status, Trip
from data.travel import DEFAULT_ASSUMPTIONS, TravelAssumptions, travel_needed


class WarningKind(StrEnum):
    OVERLAP = "overlap"  # the same person in two meetings at once
    TOO_CLOSE = "too-close"  # not enough time to travel between two cities
    OUTSIDE_DATES = "outside-dates"  # a meeting before the trip starts or after it ends
    NONEXISTENT_TIME = "nonexistent-time"  # a local time skipped by a spring-forward change
    AMBIGUOUS_TIME = "ambiguous-time"  # a local time that happens twice in an autumn fold


@dataclass(frozen=True, slots=True)
class TripWarning:
    kind: WarningKind
    meeting_ids: tuple[str, ...]
    message: str


def check_trip(
    trip: Trip, assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS
) -> list[TripWarning]:
    """Every warning for ``trip``, in agenda order of the meetings concerned."""
    timed = sorted(
        (
            m
            for m in trip.meetings
            if isinstance(m.time, ExactTime) and m.status is not Status.CANCELLED
        ),
        key=_start,
    )
    return [
        *_overlaps(timed),
        *_too_close(trip, timed, assumptions),
        *_outside_dates(trip),
        *_clock_changes(trip.meetings),
    ]


def warnings_by_meeting(warnings: Iterable[TripWarning]) -> dict[str, list[TripWarning]]:
    """Each meeting's warnings (a warning about two meetings is listed under both)."""
    found: dict[str, list[TripWarning]] = defaultdict(list)
    for warning in warnings:
        for meeting_id in warning.meeting_ids:
            found[meeting_id].append(warning)
    return dict(found)


def clock_change_problem(moment: datetime) -> tuple[WarningKind, str] | None:
    """Whether a zoned wall time is skipped or repeated by a daylight-saving change.

    Public so an editor can say it at the time field as it is typed.
    """
    tz = moment.tzinfo
    if not isinstance(tz, ZoneInfo):
        raise ValueError(f"{moment!r} has no IANA zone")
    # Keyed by wall time, zone and fold: aware datetimes of one instant compare equal.
    return _clock_change_problem(moment.replace(tzinfo=None), tz, moment.fold)


@lru_cache(maxsize=1 << 16)  # every check of a trip asks again for all its meetings
def _clock_change_problem(
    wall: datetime, tz: ZoneInfo, fold: int
) -> tuple[WarningKind, str] | None:
    moment = wall.replace(tzinfo=tz, fold=fold)
    when = f"{wall:%H:%M} on {wall:%a %d %b %Y}"
    earlier, later = wall.replace(tzinfo=tz, fold=0), wall.replace(tzinfo=tz, fold=1)
    if earlier.utcoffset() == later.utcoffset():
        return None
    if earlier.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
        real = moment.astimezone(UTC).astimezone(tz)
        return (
            WarningKind.NONEXISTENT_TIME,
            f"{when} does not exist in {tz.key}: the clocks go forward then, "
            f"so it would be {real:%H:%M} {zone_abbreviation(real)}",
        )
    return (
        WarningKind.AMBIGUOUS_TIME,
        f"{when} happens twice in {tz.key} as the clocks go back; this is the "
        f"{'second' if moment.fold else 'first'} one ({zone_abbreviation(moment)})",
    )


def _start(meeting: Meeting) -> datetime:
    assert isinstance(meeting.time, ExactTime)
    return meeting.time.start.astimezone(UTC)


def _end(meeting: Meeting) -> datetime:
    assert isinstance(meeting.time, ExactTime)
    return meeting.time.end.astimezone(UTC)


def _people(meeting: Meeting) -> dict[str, str]:
    return {p.name.strip().casefold(): p.name.strip() for p in meeting.participants}


def _overlaps(timed: list[Meeting]) -> list[TripWarning]:
    """Shared people in overlapping meetings, by a sweep over ``timed`` (sorted by UTC
    start): each meeting is compared only with the later-starting ones that start before
    it ends, so a trip of thousands costs about its overlaps, not every pair. The pairs
    come out in the order every pair would (first by the earlier meeting, then the later)."""
    starts = [_start(m) for m in timed]
    people = [_people(m) for m in timed]
    out = []
    for i, first in enumerate(timed):
        end = _end(first)
        for j in range(i + 1, len(timed)):
            if starts[j] >= end:
                break  # every later meeting starts later still
            # starts[i] <= starts[j] < end, and every meeting ends after it starts: overlap.
            shared = people[i].keys() & people[j].keys()
            if shared:
                out.append(_overlap_warning(first, timed[j], people[i], shared))
    return out


def _overlap_warning(
    first: Meeting, second: Meeting, names_of: dict[str, str], shared: set[str]
) -> TripWarning:
    names = sorted(names_of[key] for key in shared)
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "is" if len(names) == 1 else "are"
    return TripWarning(
        WarningKind.OVERLAP,
        (first.id, second.id),
        f"{who} {verb} in two meetings at once: “{first.title}” and “{second.title}” overlap.",
    )


def _too_close(
    trip: Trip, timed: list[Meeting], assumptions: TravelAssumptions
) -> list[TripWarning]:
    out = []
    placed = [m for m in timed if m.place_id is not None]
    for before, after in pairwise(placed):
        assert before.place_id is not None and after.place_id is not None
        origin, destination = trip.place(before.place_id), trip.place(after.place_id)
        if _city(origin.city, origin.country) == _city(destination.city, destination.country):
            continue
        needed, mode = travel_needed(trip, before, after, assumptions)
        gap = _start(after) - _end(before)
        if gap >= needed:
            continue
        assert isinstance(before.time, ExactTime) and isinstance(after.time, ExactTime)
        ends, starts = before.time.end, after.time.start
        between = f"only {format_duration(gap)}" if gap > timedelta(0) else "no time"
        out.append(
            TripWarning(
                WarningKind.TOO_CLOSE,
                (before.id, after.id),
                f"{between.capitalize()} between “{before.title}” in {origin.city} (ends "
                f"{ends:%H:%M} {zone_abbreviation(ends)}) and “{after.title}” in "
                f"{destination.city} (starts {starts:%H:%M} {zone_abbreviation(starts)}); "
                f"the {mode} needs about {format_duration(needed)}.",
            )
        )
    return out


def _city(city: str, country: str) -> tuple[str, str]:
    return city.strip().casefold(), country.strip().casefold()


def _outside_dates(trip: Trip) -> list[TripWarning]:
    start, end = trip.start_day, trip.end_day
    if start is None and end is None:
        return []
    out = []
    for meeting in trip.meetings:
        first, last = meeting.day, _last_day(meeting)
        if start is not None and first < start:
            where = f"before the trip starts ({start:%a %d %b %Y})"
        elif end is not None and last > end:
            where = f"after the trip ends ({end:%a %d %b %Y})"
        else:
            continue
        out.append(
            TripWarning(
                WarningKind.OUTSIDE_DATES,
                (meeting.id,),
                f"“{meeting.title}” on {first:%a %d %b %Y} is {where}.",
            )
        )
    return out


def _last_day(meeting: Meeting) -> date:
    time = meeting.time
    if isinstance(time, ExactTime):
        return time.end.date()
    if isinstance(time, AllDay):
        return time.end_day
    return time.day


def _clock_changes(meetings: Iterable[Meeting]) -> list[TripWarning]:
    out = []
    for meeting in meetings:
        if not isinstance(meeting.time, ExactTime):
            continue
        for label, moment in (("starts", meeting.time.start), ("ends", meeting.time.end)):
            problem = clock_change_problem(moment)
            if problem is not None:
                kind, text = problem
                out.append(
                    TripWarning(kind, (meeting.id,), f"“{meeting.title}” {label} at {text}.")
                )
    return out
