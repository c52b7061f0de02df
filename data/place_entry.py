"""What a typed place means: a place of the trip, a city, or a new venue in a city.

The meeting editor has one place field. People type "Villa Taverna, Rome", "Rome, Villa
Taverna", pick "Amman, Jordan" from the completion list and go on typing ", Le Royal
Hotel", or type a trip place's label. :func:`resolve_place` reads every such text without
dropping any part of it: the part that names a gazetteer city (with its country, if
given) is the city, the rest is the venue. When no part names a city the text is kept
as typed and the choice says so, rather than guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from data.gazetteer import City, Gazetteer, fold
from data.locale_format import translate
from data.model import Place, PlaceKind
from data.places import place_from_city


class Match(StrEnum):
    EMPTY = "empty"  # nothing typed
    KNOWN = "known"  # one of the places given (the trip's, or one picked on the map)
    CITY = "city"  # a new place at a city's centre
    VENUE = "venue"  # a new venue in a city
    UNKNOWN = "unknown"  # no part names a city: kept as typed, not guessed


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    match: Match
    text: str  # what was typed, stripped
    place: Place | None = None  # the place meant (None for EMPTY and UNKNOWN)
    city: City | None = None  # the gazetteer city read from the text, if any
    venue: str = ""  # the venue part of the text ("" when only a city was typed)


def place_label(place: Place) -> str:
    """How a place is written in the field: "Name, City", or the city alone."""
    if not place.city or fold(place.name) == fold(place.city):
        return place.name
    return f"{place.name}, {place.city}"


def resolve_place(
    text: str, places: Sequence[Place], gazetteer: Gazetteer, taken: Sequence[str] = ()
) -> PlaceChoice:
    """The place ``text`` names; ``places`` are those it may name as they are (the trip's
    and any made by a map click or an online lookup), ``taken`` the ids a new one avoids."""
    typed = " ".join(text.split())
    if not typed:
        return PlaceChoice(Match.EMPTY, typed)
    key = fold(typed)
    for place in places:
        if key in (fold(place_label(place)), fold(place.name)):
            return PlaceChoice(Match.KNOWN, typed, place)
    found = _split(typed, gazetteer)
    if found is None:
        return PlaceChoice(Match.UNKNOWN, typed, venue=typed)
    city, venue = found
    known = _known_in_city(venue, city, places)
    if known is not None:
        return PlaceChoice(Match.KNOWN, typed, known, city, venue)
    if not venue:
        return PlaceChoice(Match.CITY, typed, place_from_city(city, taken=taken), city)
    place = place_from_city(city, name=venue, kind=PlaceKind.VENUE, taken=taken)
    return PlaceChoice(Match.VENUE, typed, place, city, venue)


def place_suggestions(
    text: str, places: Sequence[Place], gazetteer: Gazetteer, limit: int = 12
) -> list[str]:
    """Completions for the text typed so far, each the whole field's new text.

    The trip's places whose label contains the text come first; then cities for the
    part after the last comma, unless the text before it already names a city (the
    user is typing the venue, and a list of cities would only be in the way).
    """
    typed = text.lstrip()
    key = fold(typed)
    if not key:
        return []
    out = [place_label(p) for p in places if key in fold(place_label(p))]
    head, comma, tail = typed.rpartition(",")
    if comma and _split(head.strip(), gazetteer) is not None:
        return out[:limit]
    prefix = f"{head.strip()}, " if comma else ""
    for city in gazetteer.complete(tail.strip(), limit):
        label = prefix + city.label
        if label not in out:
            out.append(label)
    return out[:limit]


def describe(choice: PlaceChoice, is_new: bool = False) -> str:
    """One line under the field saying what the text was read as."""
    place = choice.place
    if choice.match is Match.EMPTY:
        return ""
    if choice.match is Match.UNKNOWN or place is None:
        return translate(
            "PlaceEntry",
            "No city found in “{text}”: add the city (e.g. “{text}, Geneva”), "
            "or use Look up Online or Pick on Map.",
        ).format(text=choice.text)
    where = ", ".join(part for part in (place.city, place.country) if part)
    if choice.match is Match.VENUE:
        return translate("PlaceEntry", "{venue} — new venue in {city}").format(
            venue=place.name, city=where
        )
    if choice.match is Match.CITY:
        return translate("PlaceEntry", "{city} — new place at the city centre").format(city=where)
    if is_new:
        text = translate("PlaceEntry", "{name} — new place in {city} ({lat:.4f}, {lon:.4f})")
        return text.format(name=place.name, city=where or "?", lat=place.lat, lon=place.lon)
    return translate("PlaceEntry", "{name} — a place of this trip, in {city}").format(
        name=place.name, city=where or "?"
    )


def _split(text: str, gazetteer: Gazetteer) -> tuple[City, str] | None:
    """The city named in ``text`` and the venue (the other parts, in their order).

    Parts are separated by commas. A part names the city when the gazetteer knows it;
    a country right after it (as the completion list writes "Amman, Jordan") confirms
    it and is not part of the venue. Among several candidates, one followed by its
    country wins, then one named by its own name (not an alias), then the largest.
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    best: tuple[tuple[bool, bool, int], int, City, int] | None = None
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        for city in gazetteer.lookup(part)[:5]:
            qualified = bool(following) and _is_country(following, city)
            score = (qualified, fold(city.name) == fold(part), city.population)
            if best is None or score > best[0]:
                best = (score, index, city, 2 if qualified else 1)
    if best is None:
        return _split_words(parts, gazetteer)
    _, index, city, used = best
    rest = parts[:index] + parts[index + used :]
    # "Amman, Jordan Le Royal Hotel": the venue typed straight after the picked country.
    if used == 1 and index + 1 < len(parts):
        country = fold(city.country)
        following = fold(parts[index + 1])
        if following.startswith(country + " "):
            rest[index] = parts[index + 1][len(city.country) :].strip()
    return city, ", ".join(rest)


def _split_words(parts: list[str], gazetteer: Gazetteer) -> tuple[City, str] | None:
    """A city at the start or end of a part typed without a comma ("Amman Le Royal
    Hotel"): only a large city by its own name, so that ordinary words in a venue's
    name ("Palais des Nations") are not read as towns."""
    for index, part in enumerate(parts):
        words = part.split()
        for size in range(len(words) - 1, 0, -1):
            for city_words, venue_words in (
                (words[:size], words[size:]),
                (words[-size:], words[:-size]),
            ):
                name = " ".join(city_words)
                found = [
                    c
                    for c in gazetteer.lookup(name)
                    if fold(c.name) == fold(name) and c.population >= _WORD_CITY_POPULATION
                ]
                if found:
                    rest = [*parts[:index], " ".join(venue_words), *parts[index + 1 :]]
                    return found[0], ", ".join(rest)
    return None


_WORD_CITY_POPULATION = 100_000


def _is_country(text: str, city: City) -> bool:
    return fold(text) in (fold(city.country), fold(city.country_code))


def _known_in_city(venue: str, city: City, places: Sequence[Place]) -> Place | None:
    """A given place in that city with that venue name ("Villa Taverna" names the trip's
    "Villa Taverna, U.S. Ambassador's residence"); with no venue, the city's own place."""
    want = fold(venue)
    for place in places:
        if fold(place.city) != fold(city.name) or fold(place.country) != fold(city.country):
            continue
        name = fold(place.name)
        if not want:
            own = fold(city.name)
            if place.kind is PlaceKind.CITY and (name == own or name.startswith(own + " (")):
                return place
            continue
        if name == want or name.startswith((want + ",", want + " (")):
            return place
    return None
