"""The search index: kept right by every write, matching by prefix without case or
accents, and reading what the user types as words only."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date

import pytest

from data import trip_file
from data.model import Meeting, Participant, Place, TimeTBC, Trip, upsert
from data.search import match_expression
from data.store import SAMPLE_TRIP, SCHEMA_VERSION, STORE_FILE, Store, StoreError


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


def titles(store: Store, text: str) -> list[str]:
    return [hit.title for hit in store.find_meetings(text)]


def geneva_trip(name: str = "Geneva talks") -> Trip:
    place = Place(
        "palais", "Palais des Nations", "Genève", "Switzerland", 46.2, 6.14, "Europe/Zurich"
    )
    meeting = Meeting(
        "m1",
        "Réunion sur l'Iran",
        "palais",
        TimeTBC(date(2025, 3, 4)),
        participants=(Participant("Javad Zarif", "Foreign Minister", "Iran"),),
        topic="Nuclear programme; sanctions relief",
        notes="Bring the draft",
    )
    return Trip(name, "Envoy", "Europe/Zurich", places=(place,), meetings=(meeting,))


def test_a_new_store_indexes_the_sample_trip(store):
    [hit] = store.find_meetings("lavrov")
    trip = store.load_trip(hit.trip_id)
    assert hit.trip_name == trip.name
    assert hit.meeting_id == trip.meetings[0].id
    assert hit.title == "Talks with Russian Foreign Minister Sergei Lavrov"
    assert hit.place.startswith("Villa Taverna")
    assert hit.day == date(2014, 12, 14)
    assert hit.when  # the agenda's words for its time
    assert any(matched and "Lavrov" in text for text, matched in hit.snippet)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("netan", "Talks with Israeli Prime Minister Benjamin Netanyahu"),  # prefix, title
        ("FABIUS", "Dinner with the French, German and British foreign ministers"),  # person
        ("london saeb", "Meeting with chief Palestinian negotiator Saeb Erakat"),  # place, person
        (
            "guantanamo",
            "Meeting with Cardinal Pietro Parolin, Holy See Secretary of State",
        ),  # topic
    ],
)
def test_title_person_place_and_topic_are_found(store, text, title):
    assert titles(store, text) == [title]


def test_every_term_must_match(store):
    assert titles(store, "lavrov netanyahu") == []


def test_case_and_accents_do_not_matter(store):
    store.add_trip(geneva_trip())
    assert titles(store, "geneve") == ["Réunion sur l'Iran"]
    assert titles(store, "GENÈVE") == ["Réunion sur l'Iran"]
    assert titles(store, "reunion") == ["Réunion sur l'Iran"]
    assert titles(store, "zarif minister") == ["Réunion sur l'Iran"]
    assert titles(store, "sanction") == ["Réunion sur l'Iran"]


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR(", "NEAR(lavrov", "lavrov OR", 'lav"rov', "title:lavrov", "^", "-", "()"],
)
def test_hostile_query_text_is_data(store, text):
    store.find_meetings(text)  # never an FTS5 syntax error


def test_query_syntax_words_are_searched_as_words(store):
    store.add_trip(geneva_trip())
    # As syntax, "OR" would find both meetings; as a word, neither has a word starting "or"...
    assert titles(store, "lavrov OR netanyahu") == []
    # ...and NEAR( is the word "near", which no meeting has.
    assert titles(store, "NEAR(lavrov") == []
    assert titles(store, "lavrov*") == ["Talks with Russian Foreign Minister Sergei Lavrov"]
    assert titles(store, '"lavrov') == ["Talks with Russian Foreign Minister Sergei Lavrov"]
    # A column filter is text too: "title:lavrov" is the words "title" and "lavrov".
    assert titles(store, "title:lavrov") == []


def test_match_expression_quotes_each_term():
    assert match_expression('say "hi" NEAR(') == '"say"* """hi"""* "NEAR("*'
    assert match_expression(' " * ( ') is None


def test_adding_editing_and_deleting_keep_the_index_right(store):
    trip_id = store.add_trip(geneva_trip()).trip_id
    meeting = store.load_trip(trip_id).meetings[0]
    store.save_meeting(trip_id, meeting.replace(title="Talks on sanctions"))
    assert titles(store, "reunion") == []
    assert titles(store, "talks sanctions") == ["Talks on sanctions"]
    second = meeting.replace(id="m2", title="Lunch with Mogherini", participants=())
    store.save_meeting(trip_id, second)
    assert titles(store, "mogherini") == [  # a match in the title ranks first
        "Lunch with Mogherini",
        "Dinner with the French, German and British foreign ministers",
    ]
    store.delete_meeting(trip_id, "m2")
    assert titles(store, "lunch") == []
    store.delete_trip(trip_id)
    assert titles(store, "sanctions") == []


def test_a_renamed_place_is_found_by_its_new_name(store):
    trip_id = store.add_trip(geneva_trip()).trip_id
    place = dataclasses.replace(store.load_trip(trip_id).places[0], name="Villa Moynier")

    store.update_trip(trip_id, lambda trip: trip.replace(places=upsert(trip.places, place)))
    assert titles(store, "moynier") == ["Réunion sur l'Iran"]
    assert titles(store, "palais") == []


def test_replacing_a_trip_replaces_its_rows(store):
    trip_id = store.add_trip(geneva_trip()).trip_id
    other = geneva_trip("Geneva, round two")
    other = other.replace(
        meetings=(other.meetings[0].replace(title="Second round", participants=()),)
    )
    store.replace_trip(trip_id, other)
    [hit] = store.find_meetings("second")
    assert (hit.trip_id, hit.trip_name) == (trip_id, "Geneva, round two")
    assert titles(store, "zarif") == []


def test_a_renamed_trip_is_shown_by_its_new_name(store):
    trip_id = store.add_trip(geneva_trip()).trip_id
    store.replace_trip(trip_id, store.load_trip(trip_id).replace(name="Renamed"))
    assert [h.trip_name for h in store.find_meetings("zarif")] == ["Renamed"]


def test_a_failed_write_leaves_the_index_as_it_was(store):
    trip_id = store.add_trip(geneva_trip()).trip_id
    bad = store.load_trip(trip_id).meetings[0].replace(title="Lost", place_id="nowhere")
    with pytest.raises(StoreError):
        store.save_meeting(trip_id, bad)
    assert titles(store, "lost") == []
    assert titles(store, "reunion") == ["Réunion sur l'Iran"]


def test_limit(store):
    assert len(store.find_meetings("kerry")) == 6
    assert len(store.find_meetings("kerry", limit=2)) == 2
    assert store.find_meetings("kerry", limit=0) == []


def test_a_version_5_store_is_indexed_when_upgraded(tmp_path):
    with Store.open(tmp_path) as store:
        store.add_trip(geneva_trip())
    path = tmp_path / STORE_FILE
    with sqlite3.connect(path) as db:  # the store as Shuttle's schema 5 left it
        db.execute("DROP TABLE meeting_search")
        db.execute("PRAGMA user_version = 5")
    with Store.open(tmp_path) as store:
        assert store.schema_version == SCHEMA_VERSION == 6
        assert titles(store, "geneve") == ["Réunion sur l'Iran"]
        assert titles(store, "lavrov") == ["Talks with Russian Foreign Minister Sergei Lavrov"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT 1 FROM meta WHERE key = 'search_stale'").fetchone() is None
    assert list((tmp_path / "backups").glob("*before-schema-6*"))


def test_resolve_takes_an_id_a_name_or_a_unique_part_of_a_name(store):
    kerry = store.resolve(trip_file.read(SAMPLE_TRIP).name)
    geneva = store.add_trip(geneva_trip()).trip_id
    store.add_trip(geneva_trip("Geneva follow-up"))
    assert store.resolve(str(kerry)) == kerry
    assert store.resolve("Geneva talks") == geneva
    assert store.resolve("kerry") == kerry
    assert store.resolve("  ROME – PARIS ") == kerry
    assert store.resolve("geneva TALKS") == geneva  # the same but for case beats a part
    assert store.resolve("TALKS") == geneva
    with pytest.raises(StoreError, match=r"'geneva' is part of 2 trips' names .*Geneva talks.*"):
        store.resolve("geneva")
    with pytest.raises(StoreError, match="no trip has the id or name 'Tokyo'"):
        store.resolve("Tokyo")
