"""Every edit undoes and redoes: apply, apply its inverse, apply that inverse's inverse."""

from dataclasses import replace
from datetime import date

import pytest

from data.edits import (
    AddMeeting,
    CreateTrip,
    DeleteMeeting,
    DeletePlace,
    DeleteTrip,
    DuplicateMeeting,
    SaveMeeting,
    SavePlace,
    SetLegs,
    UpdateTrip,
    edit_leg,
    legs_from_plan,
    new_meeting_id,
)
from data.model import Meeting, Place, TimeTBC, Trip
from data.store import STORE_FILE, Store, StoreError
from data.travel import derive_legs
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


UNUSED = replace(ELYSEE, id="unused", name="Unused")
LANCASTER = Place("london", "Lancaster House", "London", "UK", 51.504, -0.1385, "Europe/London")
NEW = Meeting("new-one", "Press availability", "london", TimeTBC(date(2014, 12, 16)))

EDITS = {
    "edit meeting": lambda t, trip: SaveMeeting(t, trip.meeting(LAVROV).replace(title="Talks")),
    "save new meeting": lambda t, trip: SaveMeeting(t, NEW),
    "add meeting": lambda t, trip: AddMeeting(t, NEW),
    "delete meeting": lambda t, trip: DeleteMeeting(t, LAVROV, "Lavrov"),
    "duplicate meeting": lambda t, trip: DuplicateMeeting(t, LAVROV, "Lavrov"),
    "add place": lambda t, trip: SavePlace(t, ELYSEE),
    "move place": lambda t, trip: SavePlace(t, LANCASTER),
    "delete place": lambda t, trip: DeletePlace(t, "unused", "Unused"),
    "set legs": lambda t, trip: SetLegs(t, ()),
    "update trip": lambda t, trip: UpdateTrip(t, name="Renamed", start_day=date(2014, 12, 13)),
    "create trip": lambda t, trip: CreateTrip("Gulf", "Envoy", "Asia/Dubai", date(2025, 5, 2)),
    "delete trip": lambda t, trip: DeleteTrip(t, "Kerry"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_every_edit_undoes_and_redoes(store, name):
    trip_id = sample_id(store)
    store.save_place(trip_id, UNUSED)
    original = state(store)
    changes, undo = EDITS[name](trip_id, store.load_trip(trip_id)).apply(store)
    edited = state(store)
    assert edited != original
    undo_changes, redo = undo.apply(store)
    assert state(store) == original
    assert undo_changes.trip_id == changes.trip_id
    redo.apply(store)
    assert state(store) == edited


def test_labels_name_what_they_touch(store):
    trip_id = sample_id(store)
    lavrov = store.load_trip(trip_id).meeting(LAVROV)
    assert DeleteMeeting(trip_id, LAVROV, lavrov.title).label == f"Delete meeting “{lavrov.title}”"
    assert DeleteMeeting(trip_id, LAVROV).label == "Delete meeting"
    assert SaveMeeting(trip_id, lavrov).label == f"Edit meeting “{lavrov.title}”"
    assert SavePlace(trip_id, ELYSEE).label == "Save place “Élysée Palace”"
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


def test_new_meeting_ids_are_unique():
    ids = {new_meeting_id() for _ in range(100)}
    assert len(ids) == 100 and all(i.startswith("m-") for i in ids)
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


def test_update_trip_undoes_only_what_it_changed(store):
    trip_id = sample_id(store)
    before = store.load_trip(trip_id)
    _, undo = UpdateTrip(trip_id, end_day=date(2014, 12, 17)).apply(store)
    store.update_trip_details(trip_id, traveller="Someone else")  # an unrelated later change
    undo.apply(store)
    after = store.load_trip(trip_id)
    assert after == before.replace(traveller="Someone else")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: DeleteMeeting(t, "ghost"), "no meeting 'ghost'"),
        (lambda t: DuplicateMeeting(t, "ghost"), "no meeting 'ghost'"),
        (lambda t: AddMeeting(t, NEW.replace(id=LAVROV)), "already has a meeting"),
        (lambda t: DeletePlace(t, "london"), "unknown place 'london'"),
        (lambda t: UpdateTrip(t, home_timezone="Nowhere/City"), "unknown time zone"),
        (lambda t: CreateTrip("X", "Y", "UTC", date(2025, 2, 2), date(2025, 1, 1)), "before"),
    ],
)
def test_a_refused_edit_changes_nothing(tmp_path, store, edit, message):
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(StoreError, match=message):
        edit(sample_id(store)).apply(store)
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
    legs_from_plan(trip_id, derive_legs(trip)).apply(store)
    stored = store.load_trip(trip_id).legs
    assert [(leg.from_place, leg.to_place) for leg in stored] == [
        ("villa-taverna", "vatican"),
        ("vatican", "villa-taverna"),
        ("villa-taverna", "orly"),
        ("orly", "london"),
    ]
    assert stored[2:] == trip.legs


def test_a_duplicate_of_an_imported_event_gets_its_own_uid(store):
    from data.ics_export import export_calendar
    from data.model import CalendarOrigin

    trip_id = store.resolve(None)
    origin = CalendarOrigin("abc@other.example", location="Villa Taverna")
    lavrov = store.load_trip(trip_id).meeting(LAVROV)
    SaveMeeting(trip_id, lavrov.replace(calendar=origin)).apply(store)
    DuplicateMeeting(trip_id, LAVROV, new_id="copy-1").apply(store)
    trip = store.load_trip(trip_id)
    assert trip.meeting(LAVROV).calendar == origin
    assert trip.meeting("copy-1").calendar is None
    text = export_calendar(trip, [LAVROV, "copy-1"]).decode()
    assert "UID:abc@other.example\r\n" in text and "UID:copy-1@shuttle\r\n" in text
