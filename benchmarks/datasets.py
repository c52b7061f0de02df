"""Deterministic synthetic trips for the benchmarks (seeded; never committed as files).

Places are spread over real IANA zones with daylight-saving rules, so the exporter has
real VTIMEZONEs to write and the importer real TZIDs to read.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

from data.model import ExactTime, Meeting, Participant, Place, Status, TimeTBC, Trip
from data.store import Store

SEED = 20141214


def zones(count: int) -> list[str]:
    """``count`` distinct zones, the same on every run (sorted, then a seeded sample)."""
    names = sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))
    return random.Random(SEED).sample(names, count)


def places(count: int, zone_count: int, rng: random.Random) -> list[Place]:
    keys = zones(min(zone_count, count))
    return [
        Place(
            id=f"p{i}",
            name=f"Venue {i}",
            city=f"City {i % 97}",
            country=f"Country {i % 31}",
            lat=round(rng.uniform(-60, 70), 5),
            lon=round(rng.uniform(-179, 179), 5),
            timezone=keys[i % len(keys)],
        )
        for i in range(count)
    ]


def meetings(
    count: int, all_places: list[Place], first_day: date, rng: random.Random, prefix: str = "m"
) -> list[Meeting]:
    out = []
    day = first_day
    for i in range(count):
        place = all_places[i % len(all_places)] if i < len(all_places) else rng.choice(all_places)
        if i % 3 == 2:
            day += timedelta(days=1)
        people = tuple(
            Participant(f"Person {rng.randrange(500)}", role="Minister") for _ in range(2)
        )
        if i % 10 == 9:
            time: ExactTime | TimeTBC = TimeTBC(day, duration=timedelta(hours=2))
        else:
            start = datetime(
                day.year, day.month, day.day, 9 + i % 3 * 3, tzinfo=ZoneInfo(place.timezone)
            )
            time = ExactTime(start, start + timedelta(hours=1, minutes=30))
        out.append(
            Meeting(
                id=f"{prefix}{i}",
                title=f"Talks {i} on the ceasefire",
                place_id=place.id,
                time=time,
                participants=people,
                topic="Ceasefire, prisoners, crossings",
                status=Status.TENTATIVE if i % 7 == 0 else Status.CONFIRMED,
            )
        )
    return out


def trip(
    name: str, meeting_count: int, place_count: int, zone_count: int = 40, seed: int = SEED
) -> Trip:
    rng = random.Random(seed)
    all_places = places(place_count, zone_count, rng)
    first = date(2023, 1, 2) + timedelta(days=rng.randrange(700))
    return Trip(
        name=name,
        traveller="The Envoy",
        home_timezone="America/New_York",
        places=tuple(all_places),
        meetings=tuple(meetings(meeting_count, all_places, first, rng)),
    )


def store_with(path: Path, trips: list[Trip]) -> Path:
    """A store at ``path`` holding ``trips`` (no sample trip); the last one opened last."""
    path.mkdir(parents=True, exist_ok=True)
    with Store.open(path, seed=False) as store:
        for item in trips:
            store.add_trip(item)
    return path


def many_trips(total_meetings: int, trip_count: int, target: Trip) -> list[Trip]:
    """``trip_count`` trips holding ``total_meetings`` meetings, ``target`` last."""
    rest = trip_count - 1
    per = (total_meetings - len(target.meetings)) // rest
    others = [trip(f"Trip {i}", per, 8, 8, seed=SEED + i) for i in range(rest)]
    return [*others, target]
