"""Travel between meetings: legs derived from the agenda, and how long they take.

Estimates are only as good as their assumptions, so the assumptions are a value the
planner can see (``describe()``) and change, never constants buried in a formula.
A leg's mode is free text as reported ("U.S. Air Force plane"); ``mode_kind`` reads it
as a flight, a train or a road journey for the estimate.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from data.agenda import format_duration, sort_key
from data.distances import in_town, in_town_words, places_km
from data.model import Leg, Meeting, Place, Status, Trip


class TravelMode(StrEnum):
    FLIGHT = "flight"
    TRAIN = "train"
    ROAD = "road"


# Words in a reported mode that say how it travels ("U.S. Air Force plane" flies).
_MODE_WORDS = {
    TravelMode.FLIGHT: ("flight", "fly", "plane", "air", "jet", "helicopter"),
    TravelMode.TRAIN: ("train", "rail", "eurostar", "tgv"),
}


@dataclass(frozen=True, slots=True)
class TravelAssumptions:
    """What an estimated travel time takes for granted; every number can be changed."""

    cruise_kmh: float = 750.0  # block speed of a flight, gate to gate
    airport_time: timedelta = timedelta(hours=1, minutes=30)  # at both airports, in all
    train_kmh: float = 120.0
    road_kmh: float = 40.0  # door to door in traffic, motorcades included
    flight_from_km: float = 150.0  # a new leg shorter than this goes by road

    def __post_init__(self) -> None:
        for name in ("cruise_kmh", "train_kmh", "road_kmh"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name}: a speed must be above zero")
        if self.airport_time < timedelta(0) or self.flight_from_km < 0:
            raise ValueError("airport time and the flight threshold cannot be negative")

    def describe(self) -> str:
        """One sentence a planner can check: what the estimates assume."""
        return (
            f"Estimates assume flights at {self.cruise_kmh:,.0f} km/h plus "
            f"{format_duration(self.airport_time)} at the airports in all, trains at "
            f"{self.train_kmh:,.0f} km/h, and road travel at {self.road_kmh:,.0f} km/h, "
            f"used for distances under {self.flight_from_km:,.0f} km."
        )


DEFAULT_ASSUMPTIONS = TravelAssumptions()

# How assumptions are kept in the store: JSON numbers, the airport time in minutes.
_STORED_FIELDS = ("cruise_kmh", "airport_minutes", "train_kmh", "road_kmh", "flight_from_km")


def assumptions_json(value: TravelAssumptions) -> str:
    numbers = {
        "cruise_kmh": value.cruise_kmh,
        "airport_minutes": value.airport_time.total_seconds() / 60,
        "train_kmh": value.train_kmh,
        "road_kmh": value.road_kmh,
        "flight_from_km": value.flight_from_km,
    }
    return json.dumps(numbers, sort_keys=True)


def parse_assumptions(text: str) -> TravelAssumptions:
    """Assumptions from their stored JSON; ValueError says which field is wrong."""
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(values, dict):
        raise ValueError("not a JSON object")
    missing = [key for key in _STORED_FIELDS if key not in values]
    unknown = sorted(set(values) - set(_STORED_FIELDS))
    problems = [f"missing {', '.join(missing)}"] if missing else []
    problems += [f"unknown {', '.join(unknown)}"] if unknown else []
    if problems:
        raise ValueError("; ".join(problems))
    numbers: dict[str, float] = {}
    for key in _STORED_FIELDS:
        value = values[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{key}: {value!r} is not a number")
        if not math.isfinite(value) or abs(value) > 1e6:
            raise ValueError(f"{key}: {value!r} is out of range")
        numbers[key] = float(value)
    return TravelAssumptions(
        cruise_kmh=numbers["cruise_kmh"],
        airport_time=timedelta(minutes=numbers["airport_minutes"]),
        train_kmh=numbers["train_kmh"],
        road_kmh=numbers["road_kmh"],
        flight_from_km=numbers["flight_from_km"],
    )


def mode_kind(mode: str) -> TravelMode:
    """How a reported mode travels: a flight, a train, or (anything else) by road."""
    words = mode.casefold()
    for kind, markers in _MODE_WORDS.items():
        if any(marker in words for marker in markers):
            return kind
    return TravelMode.ROAD


def default_mode(km: float, assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS) -> TravelMode:
    return TravelMode.FLIGHT if km >= assumptions.flight_from_km else TravelMode.ROAD


def estimate(
    km: float, mode: str, assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS
) -> timedelta:
    """Estimated door-to-door time for ``km`` by ``mode``, rounded up to the minute."""
    if km < 0:
        raise ValueError("a distance cannot be negative")
    kind = mode_kind(mode)
    if kind is TravelMode.FLIGHT:
        hours = km / assumptions.cruise_kmh + assumptions.airport_time.total_seconds() / 3600
    elif kind is TravelMode.TRAIN:
        hours = km / assumptions.train_kmh
    else:
        hours = km / assumptions.road_kmh
    return timedelta(minutes=math.ceil(round(hours * 60, 6)))


@dataclass(frozen=True, slots=True)
class PlannedLeg:
    """A leg between two consecutive meetings in different places.

    ``leg`` is the stored leg when one matches (its mode, notes, times and provenance
    kept), else a new one with the default mode; ``stored`` says which.
    ``travel_time`` is the leg's own planned time when it has both ends, else the
    estimate for its mode.
    """

    leg: Leg
    origin: Place
    destination: Place
    km: float
    estimate: timedelta
    after_meeting: str
    before_meeting: str
    stored: bool

    @property
    def travel_time(self) -> timedelta:
        return self.leg.duration or self.estimate


def planning_order(trip: Trip) -> list[Meeting]:
    """The meetings in agenda order, leaving out cancelled ones (nobody travels to them)
    and those whose place is not given (there is nowhere to travel to)."""
    live = [m for m in trip.meetings if m.status is not Status.CANCELLED and m.place_id is not None]
    return sorted(live, key=sort_key)


def derive_legs(
    trip: Trip, assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS
) -> list[PlannedLeg]:
    """Legs from the order of meetings: one each time the next meeting is elsewhere.

    A stored leg is kept when its places match and its day lies between the two
    meetings' days; a new leg is dated on the day of the meeting it leaves.
    """
    unused = list(trip.legs)
    planned = []
    order = planning_order(trip)
    for before, after in itertools.pairwise(order):
        if before.place_id == after.place_id or before.place_id is None:
            continue
        if after.place_id is None:
            continue
        origin, destination = trip.place(before.place_id), trip.place(after.place_id)
        km = places_km(origin, destination)
        stored = _take_matching(unused, before, after)
        leg = stored or Leg(
            origin.id, destination.id, before.day, mode=str(default_mode(km, assumptions))
        )
        planned.append(
            PlannedLeg(
                leg,
                origin,
                destination,
                km,
                estimate(km, leg.mode, assumptions),
                before.id,
                after.id,
                stored is not None,
            )
        )
    return planned


def _take_matching(legs: list[Leg], before: Meeting, after: Meeting) -> Leg | None:
    for index, leg in enumerate(legs):
        if (
            leg.from_place == before.place_id
            and leg.to_place == after.place_id
            and before.day <= leg.day <= after.day
        ):
            return legs.pop(index)
    return None


LOCAL_KM = 50.0  # shorter moves (across a city, to its airport) are not drawn as route legs


def route_plan(
    trip: Trip, assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS
) -> tuple[PlannedLeg, ...]:
    """The legs the agenda, map and printout show, with their travel times: derived from
    the order of meetings, stored ones with their details, local moves under LOCAL_KM
    left out."""
    return tuple(p for p in derive_legs(trip, assumptions) if p.stored or p.km >= LOCAL_KM)


def route_legs(trip: Trip, assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS) -> tuple[Leg, ...]:
    """:func:`route_plan`'s legs alone."""
    return tuple(p.leg for p in route_plan(trip, assumptions))


def travel_needed(
    trip: Trip,
    before: Meeting,
    after: Meeting,
    assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS,
) -> tuple[timedelta, str]:
    """Time to get from one meeting's place to the next's, and the mode it assumes.

    A matching stored leg decides the mode (and the time, when it has both ends).
    Either place not given: no travel is known (zero).
    """
    if before.place_id is None or after.place_id is None:
        return timedelta(0), ""
    origin, destination = trip.place(before.place_id), trip.place(after.place_id)
    km = places_km(origin, destination)
    stored = _take_matching(list(trip.legs), before, after)
    if stored is not None:
        return stored.duration or estimate(km, stored.mode, assumptions), stored.mode
    mode = default_mode(km, assumptions)
    return estimate(km, mode, assumptions), str(mode)


def leg_summary(planned: PlannedLeg) -> str:
    """'Rome → Paris by U.S. Air Force plane, 1,095 km: about 2 h 58 min (estimated)';
    within one city, :func:`in_town_words` (with the leg's times when it has them)."""
    leg = planned.leg
    if in_town(planned.origin, planned.destination):
        text = in_town_words(planned.origin, planned.destination)
        if leg.depart is not None and leg.arrive is not None:
            text += f" ({format_duration(planned.travel_time)})"
        return text
    text = (
        f"{planned.origin.city or planned.origin.name} → "
        f"{planned.destination.city or planned.destination.name} by {leg.mode}, "
        f"{planned.km:,.0f} km: "
    )
    if leg.depart is not None and leg.arrive is not None:
        return text + (
            f"departs {leg.depart:%a %d %b %H:%M %Z}, arrives {leg.arrive:%a %d %b %H:%M %Z} "
            f"({format_duration(planned.travel_time)})"
        )
    return text + f"about {format_duration(planned.estimate)} (estimated)"
