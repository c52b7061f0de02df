"""The trip's stops and legs as plain data that the map page's script draws.

Every text here ends up in HTML (popups, labels), so it is escaped on the way in; the
page treats the payload as data and never evaluates it as code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from data.agenda import AgendaItem, build_agenda, local_time_label, place_label, status_label
from data.distances import in_town, in_town_words, places_km
from data.locale_format import short_day, whole_number
from data.map_document import DEFAULT_BOUNDS
from data.markup import html_text as text
from data.model import Leg, Meeting, Place, PlaceKind, Trip
from data.travel import route_legs


@dataclass(frozen=True, slots=True)
class Stop:
    """A place on the map with its number in trip order and the meetings held there."""

    number: int
    place: Place
    meetings: tuple[Meeting, ...]


def stops(trip: Trip) -> list[Stop]:
    """Places numbered by their first visit; places never visited come last."""
    order: dict[str, None] = {}  # insertion-ordered set
    meetings: dict[str, list[Meeting]] = {p.id: [] for p in trip.places}
    for day in build_agenda(trip, ()):
        for item in day.items:
            if isinstance(item, AgendaItem) and item.place is not None:
                meetings[item.place.id].append(item.meeting)
                order.setdefault(item.place.id)
    for place in trip.places:
        order.setdefault(place.id)
    return [
        Stop(number, trip.place(pid), tuple(meetings[pid])) for number, pid in enumerate(order, 1)
    ]


def short_label(place: Place) -> str:
    """What a marker's label says: the city, or the airport's name."""
    return place.name if place.kind is PlaceKind.AIRPORT else place.city


def popup_html(stop: Stop) -> str:
    place = stop.place
    rows = []
    for meeting in stop.meetings:
        status = status_label(meeting.status)
        flag = f' <span class="status">({text(status)})</span>' if status else ""
        rows.append(
            f'<li data-meeting="{text(meeting.id)}"><span class="when">'
            f"{text(short_day(meeting.day))} · {text(local_time_label(meeting))}</span><br>"
            f"<b>{text(meeting.title)}</b>{flag}</li>"
        )
    listing = f"<ul>{''.join(rows)}</ul>" if rows else "<p>No meetings here.</p>"
    return (
        f'<div class="shuttle-popup"><h4>{stop.number}. {text(place_label(place))}</h4>'
        f'<p class="where">{text(place.country)} · {text(place.timezone)}</p>{listing}</div>'
    )


def map_payload(trip: Trip, legs: Iterable[Leg] | None = None) -> dict[str, Any]:
    """The trip's stops, legs and bounds, for ``shuttleMap.update`` in the loaded page.

    ``legs``: the route's legs when the caller has them planned (None: ``route_legs``).
    """
    all_stops = stops(trip)
    payload: dict[str, Any] = {"stops": [], "legs": [], "bounds": _bounds(all_stops)}
    for stop in all_stops:
        place = stop.place
        payload["stops"].append(
            {
                "place": place.id,
                "number": stop.number,
                "lat": place.lat,
                "lon": place.lon,
                "label": text(short_label(place)),
                "popup": popup_html(stop),
                "meetings": [m.id for m in stop.meetings],
            }
        )
    for leg in route_legs(trip) if legs is None else legs:
        origin, destination = trip.place(leg.from_place), trip.place(leg.to_place)
        km = places_km(origin, destination)
        if in_town(origin, destination):
            label = text(in_town_words(origin, destination))
        else:
            label = f"{text(origin.city)} → {text(destination.city)} · {whole_number(km)} km"
        payload["legs"].append(
            {
                "from": origin.id,
                "to": destination.id,
                "km": round(km, 1),
                # The page draws the great circle between the ends (map_bridge.js).
                "ends": [[origin.lat, origin.lon], [destination.lat, destination.lon]],
                "label": label,
            }
        )
    return payload


def _bounds(all_stops: list[Stop]) -> list[list[float]]:
    if not all_stops:
        return DEFAULT_BOUNDS
    lats = [s.place.lat for s in all_stops]
    lons = [s.place.lon for s in all_stops]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
