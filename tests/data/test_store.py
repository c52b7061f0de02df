import dataclasses
import random
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from data import trip_file
from data.model import Meeting, Status, TimeTBC
from data.store import SAMPLE_TRIP, SCHEMA_VERSION, STORE_FILE, Store, StoreError
from tests.conftest import ROOT


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


@pytest.fixture
def sample():
    return trip_file.read(SAMPLE_TRIP)


def dump(path) -> list:
    """Everything in a store file, to prove an operation left it exactly as it was."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(t, sorted(db.execute(f"SELECT * FROM {t}").fetchall())) for t in sorted(tables)]


def test_a_new_store_is_seeded_with_the_sample_trip_once(tmp_path, sample):
    with Store.open(tmp_path) as store:
        [row] = store.trips()
        assert (row.name, row.meeting_count) == (sample.name, 6)
        assert (row.first_day, row.last_day) == (date(2014, 12, 14), date(2014, 12, 16))
        store.delete_trip(row.id)
    with Store.open(tmp_path) as store:
        assert store.trips() == []  # a removed sample does not come back


def test_round_trip_through_the_store(store, sample):
    trip_id = store.resolve(sample.name)
    assert store.load_trip(trip_id) == sample


def test_migration_from_an_empty_database(tmp_path):
    path = tmp_path / STORE_FILE
    sqlite3.connect(path).close()  # an empty file at schema version 0
    with Store.connect(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert len(store.trips()) == 1


def test_a_store_from_a_newer_shuttle_is_refused(tmp_path):
    path = tmp_path / STORE_FILE
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer Shuttle"):
        Store.connect(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / STORE_FILE
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Shuttle store"):
        Store.connect(path)


def test_several_trips_and_how_they_are_named(store, sample):
    second = sample.replace(name="Second trip")
    changes = store.add_trip(second)
    assert changes.trip and changes.meetings == {m.id for m in second.meetings}
    assert [t.name for t in store.trips()] == [sample.name, "Second trip"]
    assert store.resolve(str(changes.trip_id)) == changes.trip_id
    assert store.resolve("Second trip") == changes.trip_id
    assert store.resolve(None) == changes.trip_id  # the last opened
    store.mark_opened(store.resolve(sample.name))
    assert store.resolve(None) == store.resolve(sample.name)
    with pytest.raises(StoreError, match="no trip has the id or name 'Third'"):
        store.resolve("Third")


def test_a_duplicate_name_is_refused_and_nothing_changes(tmp_path, store, sample):
    before = dump(tmp_path / STORE_FILE)
    with pytest.raises(StoreError, match="already in the store"):
        store.add_trip(sample)
    assert dump(tmp_path / STORE_FILE) == before


def test_saving_a_meeting_reports_what_changed(store, sample):
    trip_id = store.resolve(None)
    meeting = sample.meetings[0].replace(title="Talks with Sergey Lavrov")
    changes = store.save_meeting(trip_id, meeting)
    assert changes.meetings == {meeting.id}
    assert store.load_trip(trip_id).meetings[0].title == "Talks with Sergey Lavrov"
    new = Meeting("new-one", "Press availability", "london", TimeTBC(date(2014, 12, 16)))
    assert store.save_meeting(trip_id, new).meetings == {"new-one"}
    assert store.load_trip(trip_id).meetings[-1] == new
    assert store.delete_meeting(trip_id, "new-one").meetings == {"new-one"}
    assert len(store.load_trip(trip_id).meetings) == 6


def test_an_invalid_meeting_is_refused_and_nothing_changes(tmp_path, store):
    trip_id = store.resolve(None)
    before = dump(tmp_path / STORE_FILE)
    stray = Meeting("stray", "Nowhere talks", "atlantis", TimeTBC(date(2014, 12, 16)))
    with pytest.raises(StoreError, match="unknown place 'atlantis'"):
        store.save_meeting(trip_id, stray)
    with pytest.raises(StoreError, match="no meeting 'ghost'"):
        store.delete_meeting(trip_id, "ghost")
    assert dump(tmp_path / STORE_FILE) == before


def _killed_writer(tmp_path, commit_first: bool) -> int:
    """Run a writer that is SIGKILLed mid-way; return its exit status."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from data.store import Store
        from data import trip_file
        store = Store.open({str(tmp_path)!r})
        trip = store.load_trip(1)
        store.add_trip(trip.replace(name="Committed"))
        if not {commit_first}:
            db = store._db
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE trips SET name = 'half-written' WHERE id = 1")
            db.execute("DELETE FROM meetings")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False)
    return result.returncode


@pytest.mark.parametrize("commit_first", [True, False])
def test_a_killed_writer_loses_nothing_it_committed(tmp_path, sample, commit_first):
    assert _killed_writer(tmp_path, commit_first) == -9
    with Store.open(tmp_path) as store:
        names = sorted(t.name for t in store.trips())
        assert names == sorted([sample.name, "Committed"])
        assert store.load_trip(store.resolve(sample.name)) == sample
        assert len(store.load_trip(store.resolve("Committed")).meetings) == 6


def test_sequence_rises_once_when_time_place_status_or_title_changes(store, sample):
    trip_id = store.resolve(None)
    first = sample.meetings[0]
    assert first.sequence == 0

    def stored():
        return store.load_trip(trip_id).meeting(first.id)

    store.save_meeting(trip_id, first.replace(notes="a note", topic="a topic"))
    assert stored().sequence == 0  # notes and topic are not news for invitees
    store.save_meeting(trip_id, stored().replace(title="Renamed"))
    assert stored().sequence == 1
    store.save_meeting(trip_id, stored().replace(time=TimeTBC(date(2014, 12, 15))))
    assert stored().sequence == 2
    store.save_meeting(trip_id, stored().replace(place_id="orly"))
    assert stored().sequence == 3
    store.save_meeting(trip_id, stored().replace(status=Status.CANCELLED))
    assert stored().sequence == 4
    # A stale copy (sequence 0) never lowers it; a higher one (from a file) is kept.
    store.save_meeting(trip_id, first.replace(sequence=0, status=Status.CANCELLED))
    assert stored().sequence == 5  # title and place changed back: another change
    store.save_meeting(trip_id, stored().replace(sequence=9))
    assert stored().sequence == 9
    # An update that already carries its raised SEQUENCE (an imported REQUEST) is kept.
    store.save_meeting(trip_id, stored().replace(title="Moved again", sequence=10))
    assert stored().sequence == 10


def test_replacing_a_trip_from_a_file_raises_the_sequence_of_what_changed(store, sample):
    trip_id = store.resolve(None)
    first, second = sample.meetings[:2]
    moved = sample.replace(
        meetings=(first.replace(time=TimeTBC(date(2014, 12, 15))), *sample.meetings[1:])
    )
    store.replace_trip(trip_id, moved)
    after = store.load_trip(trip_id)
    assert after.meeting(first.id).sequence == 1
    assert after.meeting(second.id).sequence == 0
    store.replace_trip(trip_id, moved)  # the same file again: no change, no rise
    assert store.load_trip(trip_id).meeting(first.id).sequence == 1


def written(path, trip_id: int) -> tuple[list, list, tuple]:
    """A trip's meeting rows in order, its search rows, its span and its other rows, as
    the file has them."""
    with sqlite3.connect(path) as db:
        meetings = db.execute(
            "SELECT id, day, body FROM meetings WHERE trip_id = ? ORDER BY position", (trip_id,)
        ).fetchall()
        found = sorted(
            db.execute(
                "SELECT title, people, place, topic, notes, meeting_id FROM meeting_search"
                " WHERE trip_id = ?",
                (trip_id,),
            ).fetchall()
        )
        span = db.execute(
            "SELECT first_day, last_day FROM trips WHERE id = ?", (trip_id,)
        ).fetchone()
        parts = [
            db.execute(
                f"SELECT body FROM {table} WHERE trip_id = ? ORDER BY position", (trip_id,)
            ).fetchall()
            for table in ("places", "legs", "sources")
        ]
    return meetings, found, (span, parts)


def test_edits_of_some_meetings_write_what_writing_the_whole_trip_would(tmp_path, store):
    """Saving, deleting and putting back single meetings rewrites only their rows: the
    file ends as it would with the whole trip written at once."""
    rng = random.Random(7)
    trip_id = store.resolve(None)
    removed: list[Meeting] = []
    for step in range(40):
        trip = store.load_trip(trip_id)
        meeting = rng.choice(trip.meetings)
        action = rng.choice(("title", "day", "delete", "put back", "new"))
        if action == "title":
            store.save_meeting(trip_id, meeting.replace(title=f"Talks, round {step}"))
        elif action == "day":
            store.save_meeting(trip_id, meeting.replace(time=TimeTBC(date(2014, 12, 13))))
        elif action == "delete" and len(trip.meetings) > 1:
            store.delete_meeting(trip_id, meeting.id)
            removed.append(meeting)
        elif action == "put back" and removed:
            back = removed.pop(rng.randrange(len(removed)))
            store.insert_meeting(trip_id, back, rng.randrange(len(trip.meetings) + 1))
        else:
            store.save_meeting(trip_id, meeting.replace(id=f"new-{step}", title=f"New {step}"))
    final = store.load_trip(trip_id)
    with Store.open(tmp_path / "whole", seed=False) as whole:
        whole_id = whole.add_trip(final).trip_id
    ours = written(tmp_path / STORE_FILE, trip_id)
    assert ours == written(tmp_path / "whole" / STORE_FILE, whole_id)
    assert [row[0] for row in ours[0]] == [m.id for m in final.meetings]
    assert len(ours[1]) == len(final.meetings)


def test_updates_of_a_trip_write_what_writing_the_whole_trip_would(tmp_path, store):
    """An update (an import, a sync) rewrites the meetings that differ and the parts that
    changed: the file ends as it would with the whole trip written at once."""
    trip_id = store.resolve(None)
    first = store.load_trip(trip_id)
    updates = [
        # One meeting gone, one changed, one new (as an import or a sync brings them).
        lambda t: t.replace(
            meetings=(
                *t.meetings[1:3],
                t.meetings[3].replace(title="Moved talks"),
                *t.meetings[4:],
                t.meetings[0].replace(id="imported", title="Imported"),
            )
        ),
        # A place renamed: its meetings' search rows name it.
        lambda t: t.replace(
            places=tuple(dataclasses.replace(p, name=f"{p.name} (renamed)") for p in t.places)
        ),
        lambda t: t.replace(legs=t.legs[1:], sources=t.sources[::-1]),
        lambda t: t,  # nothing changed: nothing written
    ]
    for step, update in enumerate(updates):
        store.update_trip(trip_id, update)
        final = store.load_trip(trip_id)
        with Store.open(tmp_path / f"whole-{step}", seed=False) as whole:
            whole_id = whole.add_trip(final).trip_id
        assert written(tmp_path / STORE_FILE, trip_id) == written(
            tmp_path / f"whole-{step}" / STORE_FILE, whole_id
        ), step
    assert final != first and "(renamed)" in final.places[0].name


def test_update_trip_is_one_transaction(tmp_path, store):
    trip_id = store.resolve(None)
    before = dump(tmp_path / STORE_FILE)

    def bad(trip):
        return trip.replace(
            meetings=(*trip.meetings, trip.meetings[0].replace(id="n", place_id="x"))
        )

    with pytest.raises(StoreError, match="unknown place 'x'"):
        store.update_trip(trip_id, bad)
    assert dump(tmp_path / STORE_FILE) == before
    changes = store.update_trip(trip_id, lambda t: t.replace(meetings=t.meetings[:1]))
    assert len(changes.meetings) == 5 and not changes.places
    assert len(store.load_trip(trip_id).meetings) == 1


def test_settings_are_kept_in_the_store(tmp_path):
    with Store.open(tmp_path) as store:
        assert store.get_setting("organizer") is None
        store.set_setting("organizer", "Jane Doe <jane@example.org>")
        store.set_setting("organizer", "Jane Roe <jane@example.org>")
    with Store.open(tmp_path) as store:
        assert store.get_setting("organizer") == "Jane Roe <jane@example.org>"
        assert store.get_setting("seeded") is None  # settings do not see internal keys
        store.set_setting("organizer", None)
        assert store.get_setting("organizer") is None
