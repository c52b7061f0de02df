"""Every edit undoes and redoes: apply, apply its inverse, apply that inverse's inverse."""

from datetime import date

import pytest

from data.edits import (
    AddTrip,
    ChangeTrip,
    ChangeTripDetails,
    CreateTrip,
    DeleteMeeting,
    DeleteMeetings,
    DeleteTrip,
    DuplicateMeeting,
    ImportCalendar,
    ReplaceTrip,
    SetLegs,
    SetSetting,
    edit_leg,
    save_meeting_with,
    set_travel_assumptions,
)
from data.ics_export import export_calendar
from data.ics_import import parse_ics
from data.model import Leg, Meeting, Place, TimeTBC, Trip
from data.store import STORE_FILE, Store, StoreError
from data.travel import TravelAssumptions
from tests.data.test_store import dump

LAVROV = "kerry-2014-12-m1-lavrov"
ERAKAT = "kerry-2014-12-m5-erakat"
ELYSEE = Place("elysee", "Élysée Palace", "Paris", "France", 48.8704, 2.3167, "Europe/Paris")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


def state(store: Store) -> list[tuple[int, Trip]]:
    """Every trip in the store, sequence numbers aside (the store may raise them)."""
    out = []
    for row in store.trips():
        trip = store.load_trip(row.id)
        meetings = tuple(m.replace(sequence=0) for m in trip.meetings)
        out.append((row.id, trip.replace(meetings=meetings)))
    return out


def sample_id(store: Store) -> int:
    return store.resolve(None)


NEW = Meeting("new-one", "Press availability", "elysee", TimeTBC(date(2014, 12, 16)))
GULF = Trip("Gulf", "Envoy", "Asia/Dubai")


def calendar(trip: Trip, *meetings: Meeting):
    """A parsed .ics holding ``meetings`` (as a calendar client would send them back)."""
    changed = trip.replace(meetings=upsert_all(trip.meetings, meetings))
    return parse_ics(export_calendar(changed, [m.id for m in meetings]), "update.ics")


def upsert_all(old: tuple[Meeting, ...], new: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    ids = {m.id for m in new}
    return tuple(m for m in old if m.id not in ids) + new


EDITS = {
    "edit meeting": lambda t, trip: ChangeTrip(
        t,
        lambda now: save_meeting_with(now, now.meeting(LAVROV).replace(title="Talks")),
        "Edit meeting",
    ),
    "new meeting and place": lambda t, trip: ChangeTrip(
        t, lambda now: save_meeting_with(now, NEW, ELYSEE), "Add meeting"
    ),
    "delete meeting": lambda t, trip: DeleteMeeting(t, LAVROV, "Lavrov"),
    "delete meetings": lambda t, trip: DeleteMeetings(t, (LAVROV, ERAKAT)),
    "duplicate meeting": lambda t, trip: DuplicateMeeting(t, LAVROV, "Lavrov"),
    "set legs": lambda t, trip: SetLegs(t, ()),
    "create trip": lambda t, trip: CreateTrip("Gulf", "Envoy", "Asia/Dubai", date(2025, 5, 2)),
    "delete trip": lambda t, trip: DeleteTrip(t, "Kerry"),
    "trip details": lambda t, trip: ChangeTripDetails(
        t, "Renamed", "Envoy", "Europe/Rome", date(2014, 12, 13), date(2014, 12, 17)
    ),
    "open a trip file": lambda t, trip: AddTrip(GULF),
    "replace a trip": lambda t, trip: ReplaceTrip(t, trip.replace(meetings=trip.meetings[:2])),
    "import into the trip": lambda t, trip: ImportCalendar(
        calendar(trip, trip.meeting(LAVROV).replace(title="Moved"), NEW.replace(place_id="london")),
        "update.ics",
        t,
    ),
    "import as a new trip": lambda t, trip: ImportCalendar(
        calendar(trip.replace(name="Gulf talks"), trip.meetings[0]), "gulf.ics"
    ),
    "organizer": lambda t, trip: SetSetting(t, "organizer", "Jane Doe <jane@example.org>"),
    "travel assumptions": lambda t, trip: set_travel_assumptions(t, TravelAssumptions(road_kmh=9)),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_every_edit_undoes_and_redoes(store, name):
    trip_id = sample_id(store)
    original = state(store)
    settings = store.get_setting("organizer"), store.travel_assumptions()
    changes, undo = EDITS[name](trip_id, store.load_trip(trip_id)).apply(store)
    edited = state(store), store.get_setting("organizer"), store.travel_assumptions()
    assert edited != (original, *settings)
    undo_changes, redo = undo.apply(store)
    assert state(store) == original
    assert (store.get_setting("organizer"), store.travel_assumptions()) == settings
    assert undo_changes.trip_id == changes.trip_id
    redo.apply(store)
    assert (state(store), store.get_setting("organizer"), store.travel_assumptions()) == edited


def held(path) -> list[tuple[int, Trip]]:
    """Every trip as a new connection reads it from the file."""
    with Store.open(path) as fresh:
        return [(row.id, fresh.load_trip(row.id)) for row in fresh.trips()]


@pytest.mark.parametrize("name", list(EDITS))
def test_the_trips_a_store_keeps_are_the_trips_its_file_holds(tmp_path, store, name):
    """The store keeps trips as read or written (data/store.py): every edit, its undo
    and redo leave them equal to what the file holds, sequences included."""

    def kept() -> list[tuple[int, Trip]]:
        return [(row.id, store.load_trip(row.id)) for row in store.trips()]

    trip_id = sample_id(store)
    assert kept() == held(tmp_path)
    _changes, undo = EDITS[name](trip_id, store.load_trip(trip_id)).apply(store)
    assert kept() == held(tmp_path)
    _changes, redo = undo.apply(store)
    assert kept() == held(tmp_path)
    redo.apply(store)
    assert kept() == held(tmp_path)


def test_a_kept_trip_is_read_again_once_another_connection_changed_it(tmp_path, store):
    trip_id = sample_id(store)
    first = store.load_trip(trip_id)
    assert store.load_trip(trip_id) is first  # kept: not read again
    with Store.open(tmp_path) as other:  # a command line, say, while the window is open
        other.delete_meeting(trip_id, LAVROV)
    after = store.load_trip(trip_id)
    assert LAVROV not in {m.id for m in after.meetings}
    assert after == held(tmp_path)[0][1]


def test_labels_name_what_they_touch(store):
    trip_id = sample_id(store)
    lavrov = store.load_trip(trip_id).meeting(LAVROV)
    assert DeleteMeeting(trip_id, LAVROV, lavrov.title).label == f"Delete meeting “{lavrov.title}”"
    assert DeleteMeeting(trip_id, LAVROV).label == "Delete meeting"
    assert AddTrip(GULF).label == "Open trip “Gulf”"
    assert ReplaceTrip(trip_id, GULF).label == "Replace trip “Gulf”"
    assert CreateTrip(" Gulf ", "E", "UTC").label == "New trip “Gulf”"
    _, undo = DeleteMeeting(trip_id, LAVROV, lavrov.title).apply(store)
    assert undo.label == f"Restore meeting “{lavrov.title}”"


def test_a_duplicate_sits_after_its_original_and_keeps_its_id_through_redo(store):
    trip_id = sample_id(store)
    changes, undo = DuplicateMeeting(trip_id, LAVROV, new_id="copy-1").apply(store)
    assert changes.meetings == {"copy-1"}
    trip = store.load_trip(trip_id)
    original, copy = trip.meetings[0], trip.meetings[1]
    assert copy == original.replace(id="copy-1", title=f"{original.title} (copy)", sequence=0)
    _, redo = undo.apply(store)
    redo.apply(store)
    assert store.load_trip(trip_id).meetings[1].id == "copy-1"


def test_duplicates_get_new_ids():
    assert DuplicateMeeting(1, "x").new_id != DuplicateMeeting(1, "x").new_id


def test_undoing_a_trips_creation_and_deletion(store):
    changes, undo = CreateTrip("Gulf", "Envoy", "Asia/Dubai").apply(store)
    assert undo == DeleteTrip(changes.trip_id, "Gulf")
    _, redo = undo.apply(store)
    assert len(store.trips()) == 1
    # A later trip never takes the deleted one's id, so the redo brings it back under it.
    CreateTrip("Other", "Envoy", "UTC").apply(store)
    assert store.resolve("Other") != changes.trip_id
    redo.apply(store)
    assert store.resolve("Gulf") == changes.trip_id


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: DeleteMeeting(t, "ghost"), "no meeting 'ghost'"),
        (lambda t: DuplicateMeeting(t, "ghost"), "no meeting 'ghost'"),
        (lambda t: DeleteMeetings(t, (LAVROV, "ghost")), "no meeting 'ghost'"),
        (lambda t: ChangeTripDetails(t, "K", "E", "Nowhere/City"), "unknown time zone"),
        (lambda t: AddTrip(GULF.replace(name="Kerry")), None),
        (lambda t: SetLegs(t, (Leg("nowhere", "london", date(2014, 12, 16)),)), "nowhere"),
        (lambda t: SetSetting(t, "travel_assumptions", "{}"), "missing"),
        (lambda t: CreateTrip("X", "Y", "UTC", date(2025, 2, 2), date(2025, 1, 1)), "before"),
    ],
)
def test_a_refused_edit_changes_nothing(tmp_path, store, edit, message):
    trip_id = sample_id(store)
    if message is None:  # a trip named as the stored one
        message = "already in the store"
        store.create_trip("Kerry", "x", "UTC")
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(StoreError, match=message):
        edit(trip_id).apply(store)
    assert dump(tmp_path / STORE_FILE) == before


def test_one_legs_mode_and_the_legs_from_the_meetings(store):
    trip_id = sample_id(store)
    trip = store.load_trip(trip_id)
    edit = edit_leg(trip_id, trip, 1, trip.legs[1].replace(mode="Eurostar"))
    assert edit.label == "Change travel Paris → London"
    changes, undo = edit.apply(store)
    assert changes.legs and store.load_trip(trip_id).legs[1].mode == "Eurostar"
    undo.apply(store)
    assert store.load_trip(trip_id).legs == trip.legs


def test_a_duplicate_of_an_imported_event_gets_its_own_uid(store):
    from data.ics_export import export_calendar
    from data.model import CalendarOrigin

    trip_id = store.resolve(None)
    origin = CalendarOrigin("abc@other.example", location="Villa Taverna")
    lavrov = store.load_trip(trip_id).meeting(LAVROV)
    store.save_meeting(trip_id, lavrov.replace(calendar=origin))
    DuplicateMeeting(trip_id, LAVROV, new_id="copy-1").apply(store)
    trip = store.load_trip(trip_id)
    assert trip.meeting(LAVROV).calendar == origin
    assert trip.meeting("copy-1").calendar is None
    text = export_calendar(trip, [LAVROV, "copy-1"]).decode()
    assert "UID:abc@other.example\r\n" in text and "UID:copy-1@shuttle\r\n" in text
