"""Time zones found by the name of a city or of the zone: "Paris", "New York", "Washington".

People know where they live, not the IANA name of its zone. A zone is found by its own
name ("Europe/Paris"), by the city part of one ("New York" is America/New_York), or by a
gazetteer city, which carries its zone ("Washington" is in America/New_York).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from data.gazetteer import Gazetteer, fold
from data.model import zone

SEPARATOR = " — "  # between a city and its zone in a completion: "Paris, France — Europe/Paris"


@dataclass(frozen=True, slots=True)
class ZoneOption:
    label: str  # what the field shows and the completion list offers
    zone: str  # the IANA name it stands for


@cache
def _zones() -> tuple[tuple[str, str], ...]:
    """Every IANA zone with its folded city part ("new york"), canonical areas first."""
    names = sorted(available_timezones(), key=lambda n: ("/" not in n, n.startswith("Etc/"), n))
    return tuple((name, fold(name.rsplit("/", 1)[-1].replace("_", " "))) for name in names)


def resolve_zone(text: str, gazetteer: Gazetteer) -> str | None:
    """The IANA zone ``text`` names, or None."""
    typed = text.strip()
    if SEPARATOR in typed:
        typed = typed.rsplit(SEPARATOR, 1)[1].strip()
    if not typed:
        return None
    try:
        return zone(typed).key
    except ValueError:
        pass
    key = fold(typed.replace("_", " "))
    for name, city in _zones():
        if city == key or fold(name) == fold(typed):
            return name
    city_name, _, country = typed.partition(",")
    found = gazetteer.best(city_name.strip(), country.strip() or None)
    return found.timezone if found else None


def zone_options(text: str, gazetteer: Gazetteer, limit: int = 12) -> list[ZoneOption]:
    """Zones for the text typed so far: zones whose city part starts with it, then
    gazetteer cities that do (with their zone), then zones whose name contains it."""
    key = fold(text.replace("_", " "))
    if not key:
        return []
    out: list[ZoneOption] = []
    for name, city in _zones():
        if city.startswith(key):
            out.append(ZoneOption(name, name))
    for found in gazetteer.complete(text.strip(), limit):
        out.append(ZoneOption(f"{found.label}{SEPARATOR}{found.timezone}", found.timezone))
    for name, _ in _zones():
        if key in fold(name.replace("_", " ")) and all(o.label != name for o in out):
            out.append(ZoneOption(name, name))
    return out[:limit]
