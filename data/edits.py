"""Edits as small command objects, each able to give back the edit that undoes it.

``edit.apply(store)`` makes the change through one store operation (one transaction)
and returns its ``Changes`` with the inverse edit, read from the store just before.
An undo stack keeps that inverse: undo applies it, and the inverse's own inverse is
the redo, so ids stay stable (a duplicate redone is the same meeting, with the same
id, as before the undo). A refused edit raises ``StoreError`` and changes nothing.

``label`` names the edit for menus ("Undo Delete meeting “Talks”"). Meeting
``sequence`` numbers are the store's business: an undo is a new change to the meeting,
and the store decides whether its sequence rises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from data.ids import new_meeting_id
from data.model import Leg, Meeting, Place, Source, Trip, upsert
from data.store import ASSUMPTIONS_SETTING, Changes, Store, StoreError
from data.travel import TravelAssumptions, assumptions_json

if TYPE_CHECKING:
    from data.gazetteer import Gazetteer
    from data.ics_read import IcsCalendar


class Edit(Protocol):
    @property
    def label(self) -> str: ...

    def apply(self, store: Store) -> tuple[Changes, Edit]: ...


def _quoted(what: str, title: str) -> str:
    return f"{what} “{title}”" if title else what


# -- meetings -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeleteMeeting:
    """Delete a meeting; ``title`` is only for the label."""

    trip_id: int
    meeting_id: str
    title: str = ""

    @property
    def label(self) -> str:
        return _quoted("Delete meeting", self.title)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        trip = store.load_trip(self.trip_id)
        position, meeting = _position(trip, self.meeting_id)
        if meeting is None:
            raise StoreError(f"trip {self.trip_id} has no meeting {self.meeting_id!r}")
        changes = store.delete_meeting(self.trip_id, self.meeting_id)
        return changes, RestoreMeeting(self.trip_id, meeting, position)


@dataclass(frozen=True, slots=True)
class DeleteMeetings:
    """Delete several meetings as one step; the undo puts each back where it was."""

    trip_id: int
    meeting_ids: tuple[str, ...]
    what: str = "Delete meetings"

    @property
    def label(self) -> str:
        return self.what

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        before = store.load_trip(self.trip_id)
        unknown = set(self.meeting_ids) - {m.id for m in before.meetings}
        if unknown:
            raise StoreError(f"trip {self.trip_id} has no meeting {sorted(unknown)[0]!r}")
        gone = set(self.meeting_ids)
        changes = store.update_trip(
            self.trip_id,
            lambda trip: trip.replace(meetings=tuple(m for m in trip.meetings if m.id not in gone)),
        )
        return changes, ChangeTrip(self.trip_id, lambda _now: before, self.what)


@dataclass(frozen=True, slots=True)
class RestoreMeeting:
    """Put a meeting back at its place in the trip's order (the undo of a delete)."""

    trip_id: int
    meeting: Meeting
    position: int

    @property
    def label(self) -> str:
        return _quoted("Restore meeting", self.meeting.title)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        changes = store.insert_meeting(self.trip_id, self.meeting, self.position)
        return changes, DeleteMeeting(self.trip_id, self.meeting.id, self.meeting.title)


@dataclass(frozen=True, slots=True)
class DuplicateMeeting:
    """A copy of a meeting right after it: new id, " (copy)" after the title."""

    trip_id: int
    meeting_id: str
    title: str = ""
    new_id: str = field(default_factory=new_meeting_id)

    @property
    def label(self) -> str:
        return _quoted("Duplicate meeting", self.title)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        trip = store.load_trip(self.trip_id)
        position, original = _position(trip, self.meeting_id)
        if original is None:
            raise StoreError(f"trip {self.trip_id} has no meeting {self.meeting_id!r}")
        # A new event for calendars: its own UID, not the one an imported original came with.
        copy = original.replace(
            id=self.new_id, title=f"{original.title} (copy)", sequence=0, calendar=None
        )
        changes = store.insert_meeting(self.trip_id, copy, position + 1)
        return changes, DeleteMeeting(self.trip_id, copy.id, copy.title)


def _find_meeting(trip: Trip, meeting_id: str) -> Meeting | None:
    return next((m for m in trip.meetings if m.id == meeting_id), None)


def _position(trip: Trip, meeting_id: str) -> tuple[int, Meeting | None]:
    for index, meeting in enumerate(trip.meetings):
        if meeting.id == meeting_id:
            return index, meeting
    return -1, None


# -- places and legs ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SetLegs:
    """Replace the trip's legs, e.g. with ``[p.leg for p in derive_legs(trip)]``."""

    trip_id: int
    legs: tuple[Leg, ...]
    what: str = "Change travel"

    @property
    def label(self) -> str:
        return self.what

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        old = store.load_trip(self.trip_id).legs
        changes = store.set_legs(self.trip_id, self.legs)
        return changes, SetLegs(self.trip_id, old, self.what)


def edit_leg(trip_id: int, trip: Trip, index: int, leg: Leg) -> SetLegs:
    """An edit changing one stored leg (its mode, times or notes), labelled for menus."""
    legs = list(trip.legs)
    legs[index] = leg  # IndexError for a leg that is not there: a caller's mistake
    origin, destination = trip.place(leg.from_place), trip.place(leg.to_place)
    return SetLegs(trip_id, tuple(legs), f"Change travel {origin.city} → {destination.city}")


# -- trips --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CreateTrip:
    """A new, empty trip; ``Changes.trip_id`` says which id it got."""

    name: str
    traveller: str
    home_timezone: str
    start_day: date | None = None
    end_day: date | None = None

    @property
    def label(self) -> str:
        return _quoted("New trip", self.name.strip())

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        changes = store.create_trip(
            self.name, self.traveller, self.home_timezone, self.start_day, self.end_day
        )
        return changes, DeleteTrip(changes.trip_id, self.name.strip())


@dataclass(frozen=True, slots=True)
class DeleteTrip:
    trip_id: int
    name: str = ""

    @property
    def label(self) -> str:
        return _quoted("Delete trip", self.name)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        trip = store.load_trip(self.trip_id)
        changes = store.delete_trip(self.trip_id)
        return changes, RestoreTrip(self.trip_id, trip)


@dataclass(frozen=True, slots=True)
class RestoreTrip:
    """Bring a deleted trip back under its own id (store ids are never reused)."""

    trip_id: int
    trip: Trip

    @property
    def label(self) -> str:
        return _quoted("Restore trip", self.trip.name)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        changes = store.add_trip(self.trip, trip_id=self.trip_id)
        return changes, DeleteTrip(self.trip_id, self.trip.name)


@dataclass(frozen=True, slots=True)
class AddTrip:
    """A whole trip into the store (opening a trip file); undone by deleting it."""

    trip: Trip

    @property
    def label(self) -> str:
        return _quoted("Open trip", self.trip.name)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        changes = store.add_trip(self.trip)
        return changes, DeleteTrip(changes.trip_id, self.trip.name)


@dataclass(frozen=True, slots=True)
class ReplaceTrip:
    """A stored trip replaced as a whole (a trip file's newer version); undone in kind."""

    trip_id: int
    trip: Trip

    @property
    def label(self) -> str:
        return _quoted("Replace trip", self.trip.name)

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        before = store.load_trip(self.trip_id)
        changes = store.replace_trip(self.trip_id, self.trip)
        return changes, ReplaceTrip(self.trip_id, before)


@dataclass(frozen=True, slots=True)
class ChangeTripDetails:
    """A trip's name, traveller, home zone and dates; the undo puts back the old ones."""

    trip_id: int
    name: str
    traveller: str
    home_timezone: str
    start_day: date | None = None
    end_day: date | None = None

    @property
    def label(self) -> str:
        return _quoted("Edit trip", self.name.strip())

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        before = store.load_trip(self.trip_id)
        try:
            after = before.replace(
                name=self.name.strip(),
                traveller=self.traveller.strip(),
                home_timezone=self.home_timezone,
                start_day=self.start_day,
                end_day=self.end_day,
            )
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        changes = store.replace_trip(self.trip_id, after)
        return changes, ReplaceTrip(self.trip_id, before)


@dataclass(frozen=True, slots=True)
class ImportCalendar:
    """A parsed calendar's events into a trip (``trip_ref``, else the one named after it).

    The undo puts back the trip as it was before (or deletes the trip the import made),
    so it removes exactly what the import changed; the redo puts the imported trip back.
    """

    calendar: IcsCalendar
    source_name: str
    trip_ref: int | None = None
    gazetteer: Gazetteer | None = None
    # Filled by apply: events ignored or applied partly (stale, unknown, ...), one line each.
    notices: list[str] = field(default_factory=list, compare=False)

    @property
    def label(self) -> str:
        return f"Import {Path(self.source_name).name}"

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        # Loaded on first use: icalendar is not needed to start the window.
        from data.ics_common import IcsError
        from data.ics_import import import_calendar

        try:
            changes, before = import_calendar(
                store, self.calendar, self.source_name, self.trip_ref, self.gazetteer, self.notices
            )
        except IcsError as exc:
            raise StoreError(str(exc)) from exc
        if before is None:
            return changes, DeleteTrip(changes.trip_id, store.load_trip(changes.trip_id).name)
        return changes, ChangeTrip(changes.trip_id, lambda _now: before, self.label)


# -- settings -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SetSetting:
    """Set a user setting (None removes it); ``trip_id`` is the trip whose views follow."""

    trip_id: int
    key: str
    value: str | None
    what: str = ""

    @property
    def label(self) -> str:
        return self.what or f"Set {self.key}"

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        old = store.get_setting(self.key)
        store.set_setting(self.key, self.value)
        changes = Changes(self.trip_id, settings=frozenset({self.key}))
        return changes, SetSetting(self.trip_id, self.key, old, self.what)


def set_travel_assumptions(trip_id: int, value: TravelAssumptions) -> SetSetting:
    """An edit keeping ``value`` as the travel assumptions (validated by the store)."""
    return SetSetting(
        trip_id, ASSUMPTIONS_SETTING, assumptions_json(value), "Change travel assumptions"
    )


# -- several parts of a trip at once ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeTrip:
    """Any change to a trip's contents as one step (one transaction, one undo).

    ``change`` maps the stored trip to the new one; the inverse puts back the trip as it
    was. The meeting editor uses it to save a meeting with its new place and sources.
    """

    trip_id: int
    change: Callable[[Trip], Trip]
    what: str

    @property
    def label(self) -> str:
        return self.what

    def apply(self, store: Store) -> tuple[Changes, Edit]:
        before = store.load_trip(self.trip_id)
        changes = store.update_trip(self.trip_id, self.change)
        return changes, ChangeTrip(self.trip_id, lambda _now: before, self.what)


def save_meeting_with(
    trip: Trip, meeting: Meeting, place: Place | None = None, sources: Iterable[Source] = ()
) -> Trip:
    """``trip`` with ``meeting`` added or replaced, plus its new or changed place and sources."""
    places = upsert(trip.places, place) if place is not None else trip.places
    return trip.replace(
        places=places,
        meetings=upsert(trip.meetings, meeting),
        sources=trip.sources + tuple(sources),
    )
