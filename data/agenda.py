"""The trip as an agenda: meetings grouped by day, with the words every view shares.

Plain text only; the window, the command line and the printed itinerary all take their
labels from here so "time TBC (evening, ~3 h)" reads the same everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from data.distances import in_town, in_town_words, places_km
from data.locale_format import (
    long_day,
    short_day,
    short_weekday,
    translate,
    whole_number,
    word,
)
from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Leg,
    Meeting,
    Participant,
    Place,
    Status,
    TimeTBC,
    Trip,
)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    meeting: Meeting
    place: Place | None  # None: the place is not given


class PlannedTravel(Protocol):
    """A leg with the time it takes (``data.travel.PlannedLeg``)."""

    @property
    def leg(self) -> Leg: ...

    @property
    def travel_time(self) -> timedelta: ...


@dataclass(frozen=True, slots=True)
class LegItem:
    leg: Leg
    origin: Place
    destination: Place
    km: float
    travel_time: timedelta | None = None  # None: the caller gave no plan
    estimated: bool = True  # travel_time is an estimate, not the leg's own times


@dataclass(frozen=True, slots=True)
class AgendaDay:
    day: date
    items: tuple[AgendaItem | LegItem, ...]


def format_duration(length: timedelta) -> str:
    minutes = round(length.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return translate("Agenda", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{rest:02d}"
        )
    if hours:
        return translate("Agenda", "{hours} h").format(hours=hours)
    return translate("Agenda", "{minutes} min").format(minutes=rest)


def duration_words(length: timedelta) -> str:
    """'3 hours', 'one hour', '1 hour 30 minutes': for sentences in invites and on paper."""
    minutes = round(length.total_seconds() / 60)
    if minutes == 60:
        return translate("Agenda", "one hour")
    hours, rest = divmod(minutes, 60)
    parts = [translate("Agenda", "%n hour(s)", None, hours)] if hours else []
    if rest or not hours:
        parts.append(translate("Agenda", "%n minute(s)", None, rest))
    return " ".join(parts)


def tbc_words(time: TimeTBC) -> str:
    """'time to be confirmed, evening, about 3 hours'."""
    words = [translate("Agenda", "time to be confirmed")]
    if time.part_of_day is not None:
        words.append(word(time.part_of_day))
    if time.duration is not None:
        about = translate("Agenda", "about {duration}")
        words.append(about.format(duration=duration_words(time.duration)))
    return ", ".join(words)


def tbc_label(time: TimeTBC) -> str:
    """'time TBC (evening, ~3 h)': nothing more precise than what is known."""
    details = []
    if time.part_of_day is not None:
        details.append(word(time.part_of_day))
    if time.duration is not None:
        details.append(f"~{format_duration(time.duration)}")
    tbc = translate("Agenda", "time TBC")
    return tbc + (f" ({', '.join(details)})" if details else "")


def zone_abbreviation(moment: datetime) -> str:
    name = moment.tzname() or ""
    # Zones without a letter abbreviation report "+03"; show them as UTC+03.
    return f"UTC{name}" if name[:1] in "+-" else name


def local_time_label(meeting: Meeting, display_tz: tzinfo | None = None) -> str:
    """The meeting's time in the venue's zone, or in ``display_tz`` when given."""
    time = meeting.time
    if isinstance(time, TimeTBC):
        return tbc_label(time)
    if isinstance(time, AllDay):
        if time.last_day is None:
            return translate("Agenda", "all day")
        return translate("Agenda", "all day, to {day}").format(day=short_day(time.end_day))
    start, end = time.start, time.end
    if display_tz is not None:
        start, end = start.astimezone(display_tz), end.astimezone(display_tz)
    end_text = f"{end:%H:%M}" if end.date() == start.date() else f"{short_weekday(end)} {end:%H:%M}"
    return f"{start:%H:%M}–{end_text} {zone_abbreviation(start)}"


def other_zone_label(meeting: Meeting, place: Place | None, display_tz: ZoneInfo) -> str:
    """The time seen from another zone; a TBC time gives the clock difference instead."""
    time = meeting.time
    if isinstance(time, ExactTime):
        start = time.start.astimezone(display_tz)
        label = local_time_label(meeting, display_tz)
        if start.date() != time.start.date():
            label = f"{short_day(start)} {label}"
        return label
    if place is None:
        return "TBC"
    shift = zone_shift(display_tz, place.tz, meeting.day)
    return translate("Agenda", "TBC ({city} {difference})").format(
        city=place.city, difference=clock_difference(shift)
    )


def zone_shift(origin: ZoneInfo, destination: ZoneInfo, day: date) -> timedelta:
    """How far ``destination``'s clocks are ahead of ``origin``'s at noon UTC on ``day``."""
    noon = datetime.combine(day, datetime.min.time(), UTC).replace(hour=12)
    return _offset(noon, destination) - _offset(noon, origin)


def _offset(moment: datetime, tz: ZoneInfo) -> timedelta:
    return moment.astimezone(tz).utcoffset() or timedelta(0)


def clock_difference(shift: timedelta) -> str:
    """'+6 h' style difference between two zones."""
    if not shift:
        return translate("Agenda", "same clock")
    sign = "+" if shift > timedelta(0) else "−"
    return f"{sign}{format_duration(abs(shift))}"


def participant_label(person: Participant) -> str:
    label = person.name
    if person.attendance is Attendance.UNCERTAIN:
        label += translate("Agenda", " (attendance uncertain)")
    if person.reply is not None:
        label += f" ({word(person.reply)})"
    return label


def participant_with_role(person: Participant) -> str:
    role = ", ".join(p for p in (person.role, person.organisation) if p)
    label = f"{person.name} ({role})" if role else person.name
    if person.attendance is Attendance.UNCERTAIN:
        label += translate("Agenda", " — attendance uncertain")
    if person.reply is not None:
        label += f" — {word(person.reply)}"
    return label


def place_label(place: Place) -> str:
    return place.name if place.city in place.name else f"{place.name}, {place.city}"


def where_label(place: Place | None) -> str:
    """'Villa Taverna, Rome, Italy', or 'place not given'."""
    if place is None:
        return translate("Agenda", "place not given")
    label = place_label(place)
    if place.country and not label.endswith(place.country):
        label = f"{label}, {place.country}" if label else place.country
    return label


def status_label(status: Status) -> str:
    return "" if status is Status.CONFIRMED else word(status)


def status_words(meeting: Meeting) -> str:
    """The meeting's status and whether its time is fixed, worded so they cannot clash
    ("Status: confirmed" beside "time TBC" reads as a contradiction)."""
    if meeting.status is Status.CANCELLED:
        return translate("Status", "Meeting cancelled")
    if meeting.status is Status.TENTATIVE:
        status = translate("Status", "Meeting tentative")
    else:
        status = translate("Status", "Meeting confirmed")
    if isinstance(meeting.time, TimeTBC):
        not_fixed = translate("Status", "time not yet fixed")
        return f"{status} · {not_fixed}"
    return status


def sort_key(meeting: Meeting) -> tuple[date, int, datetime]:
    """Order within a day: all-day first, exact times by instant, TBC by part of day."""
    time = meeting.time
    if isinstance(time, AllDay):
        return (time.day, 0, datetime.min.replace(tzinfo=UTC))
    if isinstance(time, ExactTime):
        return (time.day, 1, time.start.astimezone(UTC))
    # A TBC meeting sorts at its part of day, after exact times in the same slot.
    hour = {"morning": 9, "afternoon": 14, "evening": 19, "late evening": 22}.get(
        str(time.part_of_day), 12
    )
    return (time.day, 1, datetime.combine(time.day, datetime.min.time(), UTC).replace(hour=hour))


def build_agenda(trip: Trip, legs: Sequence[Leg | PlannedTravel] | None = None) -> list[AgendaDay]:
    """Day by day (venue-local dates), meetings in order, each leg after its departure.

    ``legs`` defaults to the trip's stored legs; views pass ``travel.route_plan(trip,
    assumptions)``, whose legs come with their travel times.
    """
    by_day: dict[date, list[Meeting]] = defaultdict(list)
    for meeting in trip.meetings:
        by_day[meeting.day].append(meeting)
    legs_by_day: dict[date, list[Leg | PlannedTravel]] = defaultdict(list)
    for given in trip.legs if legs is None else legs:
        legs_by_day[given.day if isinstance(given, Leg) else given.leg.day].append(given)
    days = []
    for day in sorted(set(by_day) | set(legs_by_day)):
        # Stable sort keeps file order among equals (the trip's own order).
        meetings = sorted(by_day[day], key=sort_key)
        items: list[AgendaItem | LegItem] = [AgendaItem(m, trip.place_of(m)) for m in meetings]
        for given in legs_by_day[day]:
            leg = given if isinstance(given, Leg) else given.leg
            origin, destination = trip.place(leg.from_place), trip.place(leg.to_place)
            at = _after_last_meeting_in(items, leg.from_place)
            km = places_km(origin, destination)
            if isinstance(given, Leg):
                item = LegItem(leg, origin, destination, km)
            else:
                estimated = leg.duration is None
                item = LegItem(leg, origin, destination, km, given.travel_time, estimated)
            items.insert(at, item)
        days.append(AgendaDay(day, tuple(items)))
    return days


def _after_last_meeting_in(items: list[AgendaItem | LegItem], place_id: str) -> int:
    position = 0
    for index, item in enumerate(items):
        if (isinstance(item, AgendaItem) and item.place and item.place.id == place_id) or (
            isinstance(item, LegItem) and item.destination.id == place_id
        ):
            position = index + 1
    return position


def leg_label(item: LegItem) -> str:
    clocks = clock_change(item.origin, item.destination, item.leg.day)
    if in_town(item.origin, item.destination):
        text = in_town_words(item.origin, item.destination)
        if not item.travel_time:  # nothing to say about a move of no distance
            return text
    else:
        route = f"{item.origin.city} → {item.destination.city}"
        text = f"{word(item.leg.mode)}: {route}, {whole_number(item.km)} km"
    if item.travel_time is not None:
        text += f", {travel_time_words(item.travel_time, item.estimated)}"
    return f"{text}; {clocks}" if clocks else text


def travel_time_words(length: timedelta, estimated: bool) -> str:
    """'about 2 h 58 min' for an estimate, '2 h 10 min' for a leg's own times."""
    if not estimated:
        return format_duration(length)
    return translate("Agenda", "about {duration}").format(duration=format_duration(length))


def clock_change(origin: Place, destination: Place, day: date) -> str:
    """'London is 1 h behind Paris', or '' when the clocks agree."""
    shift = zone_shift(origin.tz, destination.tz, day)
    return clock_relation(destination.city, origin.city, shift) if shift else ""


def clock_relation(name: str, other: str, shift: timedelta, words: bool = False) -> str:
    """'London is 1 h behind Paris' ('one hour' with ``words``) for ``name``'s clock
    ``shift`` ahead of ``other``'s."""
    if not shift:
        return translate("Agenda", "{name} keeps the same time as {other}").format(
            name=name, other=other
        )
    amount = duration_words(abs(shift)) if words else format_duration(abs(shift))
    if shift > timedelta(0):
        sentence = translate("Agenda", "{name} is {amount} ahead of {other}")
    else:
        sentence = translate("Agenda", "{name} is {amount} behind {other}")
    return sentence.format(name=name, amount=amount, other=other)


def zone_city(tz: ZoneInfo) -> str:
    """'America/New_York' -> 'New York'."""
    return tz.key.rsplit("/", 1)[-1].replace("_", " ")


def render_text(
    trip: Trip,
    display_tz: ZoneInfo | None = None,
    legs: Sequence[Leg | PlannedTravel] | None = None,
) -> str:
    """The agenda as plain text for a terminal."""
    heading = translate("Agenda", "Traveller: {traveller} · home zone {zone}")
    lines = [trip.name, heading.format(traveller=trip.traveller, zone=trip.home_timezone)]
    if display_tz is not None:
        second = translate("Agenda", "Second column: times in {zone}")
        lines.append(second.format(zone=display_tz.key))
    width = 30
    for day in build_agenda(trip, legs):
        lines.append("")
        lines.append(long_day(day.day))
        for item in day.items:
            if isinstance(item, LegItem):
                lines.append(f"  {'':<{width}}  ✈ {leg_label(item)}")
                continue
            meeting, place = item.meeting, item.place
            when = local_time_label(meeting)
            title = meeting.title
            status = status_label(meeting.status)
            if status:
                title = f"[{status}] {title}"
            row = f"  {when:<{width}}"
            if display_tz is not None:
                row += f"  {other_zone_label(meeting, place, display_tz):<{width}}"
            lines.append(f"{row}  {title}")
            pad = " " * (len(row) + 2)
            lines.append(f"{pad}{where_label(place)}")
            if meeting.participants:
                people = ", ".join(participant_label(p) for p in meeting.participants)
                lines.append(pad + translate("Agenda", "With: {people}").format(people=people))
    return "\n".join(lines) + "\n"


def display_day(meeting: Meeting, display_tz: tzinfo | None = None) -> date:
    """The meeting's day as seen in ``display_tz`` (None: the venue's own zone).

    Only exact times move between days; a TBC or all-day item keeps its date.
    """
    time = meeting.time
    if display_tz is not None and isinstance(time, ExactTime):
        return time.start.astimezone(display_tz).date()
    return meeting.day


def home_time_label(meeting: Meeting, trip: Trip) -> str:
    """The time at home (the trip's home zone), for the details and the printout."""
    time = meeting.time
    if isinstance(time, ExactTime):
        start = time.start.astimezone(trip.home_tz)
        label = local_time_label(meeting, trip.home_tz)
        return f"{short_day(start)} {label}" if start.date() != time.day else label
    place = trip.place_of(meeting)
    if place is None:
        return translate("Agenda", "to be confirmed")
    shift = zone_shift(trip.home_tz, place.tz, meeting.day)
    relation = clock_relation(place.city, zone_city(trip.home_tz), shift)
    return translate("Agenda", "to be confirmed ({relation})").format(relation=relation)
