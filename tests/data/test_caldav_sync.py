"""Two-way CalDAV sync against a real Radicale, with a second team member editing on it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from icalendar import Calendar

from data import caldav_sync, sync_state
from data.caldav_sync import SyncError
from data.ics_common import meeting_uid
from data.model import Meeting, ProvenanceKind, Status
from data.store import Store
from tests.data.ics_helpers import (
    dst_trip,
    read_with_icalendar,
    read_with_icaljs,
    read_with_vobject,
)
from tests.radicale import USERS, Radicale, free_port

ALICE = "alice"


@pytest.fixture
def store(data_dir):
    with Store.open(data_dir) as opened:
        yield opened


def shared(store: Store, radicale: Radicale, url: str | None = None, user: str = ALICE) -> int:
    trip_id = store.resolve(None)
    caldav_sync.share(store, trip_id, url or radicale.url, user)
    return trip_id


def sync(store: Store, trip_id: int, user: str = ALICE, **kwargs: Any) -> caldav_sync.SyncReport:
    return caldav_sync.sync(store, trip_id, USERS[user], **kwargs)


def server_events(radicale: Radicale, collection: str) -> dict[str, Any]:
    """UID -> the VEVENT the other team member reads from the server."""
    calendar = radicale.client().calendar(url=collection)
    out = {}
    for obj in calendar.search(event=True):
        event = Calendar.from_ical(obj.data).walk("VEVENT")[0]
        out[str(event["UID"])] = obj
    return out


def edit_on_server(obj: Any, **props: str) -> None:
    calendar = Calendar.from_ical(obj.data)
    event = calendar.walk("VEVENT")[0]
    for name, value in props.items():
        event[name.upper()] = value
    event["SEQUENCE"] = int(event.get("SEQUENCE", 0)) + 1
    obj.data = calendar.to_ical().decode()
    obj.save()


def collection_of(store: Store, trip_id: int) -> str:
    found = sync_state.account(store, trip_id)
    assert found is not None and found.collection
    return found.collection


def test_first_sync_puts_every_meeting_on_the_server_under_its_uid(store, radicale):
    trip_id = shared(store, radicale)
    trip = store.load_trip(trip_id)
    report = sync(store, trip_id)
    assert report.created
    assert len(report.sent) == len(trip.meetings) == 6
    events = server_events(radicale, report.collection)
    assert set(events) == {meeting_uid(m.id) for m in trip.meetings}
    # The collection is named after the trip, so the team finds it.
    calendar = radicale.client().calendar(url=report.collection)
    assert calendar.get_display_name() == trip.name
    # Nothing changed: the next sync sends and receives nothing, in about one request.
    again = sync(store, trip_id)
    assert (again.sent, again.received, again.conflicts) == ([], [], [])
    assert again.requests == 1  # the sync-collection REPORT


def test_a_remote_edit_and_a_remote_delete_come_down_citing_the_server(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    trip = store.load_trip(trip_id)
    edited, deleted = trip.meetings[0], trip.meetings[1]
    events = server_events(radicale, collection_of(store, trip_id))
    edit_on_server(events[meeting_uid(edited.id)], summary="Lavrov, moved to the Embassy")
    events[meeting_uid(deleted.id)].delete()

    report = sync(store, trip_id)
    after = store.load_trip(trip_id)
    assert after.meeting(edited.id).title == "Lavrov, moved to the Embassy"
    assert deleted.id not in {m.id for m in after.meetings}
    assert len(report.received) == 2 and report.sent == []
    # Where the change came from: the calendar server, with the time of the sync.
    cited = after.meeting(edited.id).field_provenance["title"]
    assert cited[0].kind is ProvenanceKind.SOURCE and cited[0].sources == ("calendar-server",)
    assert "synced" in cited[0].note
    assert after.source("calendar-server").url == collection_of(store, trip_id)
    # What did not change keeps its own provenance.
    assert after.meeting(edited.id).provenance == edited.provenance
    assert after.meeting(edited.id).place_id == edited.place_id
    assert (sync(store, trip_id).sent, sync(store, trip_id).received) == ([], [])


def test_remote_changes_also_come_down_by_etag_listing_without_sync_tokens(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id, use_sync_token=False)
    trip = store.load_trip(trip_id)
    events = server_events(radicale, collection_of(store, trip_id))
    edit_on_server(events[meeting_uid(trip.meetings[2].id)], summary="Netanyahu (confirmed)")
    events[meeting_uid(trip.meetings[3].id)].delete()
    report = sync(store, trip_id, use_sync_token=False)
    after = store.load_trip(trip_id)
    assert after.meeting(trip.meetings[2].id).title == "Netanyahu (confirmed)"
    assert trip.meetings[3].id not in {m.id for m in after.meetings}
    assert len(report.received) == 2


def test_a_local_edit_add_and_delete_go_up(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    trip = store.load_trip(trip_id)
    first, gone = trip.meetings[0], trip.meetings[5]
    store.save_meeting(trip_id, first.replace(title="Lavrov (dinner)", status=Status.TENTATIVE))
    added = Meeting("m-new", "Press briefing", trip.meetings[0].place_id, first.time)
    store.save_meeting(trip_id, added)
    store.delete_meeting(trip_id, gone.id)

    report = sync(store, trip_id)
    assert len(report.sent) == 3 and report.received == []
    events = server_events(radicale, collection_of(store, trip_id))
    assert meeting_uid(gone.id) not in events
    read = {uid: Calendar.from_ical(o.data).walk("VEVENT")[0] for uid, o in events.items()}
    assert str(read[meeting_uid(first.id)]["SUMMARY"]) == "Lavrov (dinner)"
    assert str(read[meeting_uid("m-new")]["SUMMARY"]) == "Press briefing"
    assert (sync(store, trip_id).sent, sync(store, trip_id).received) == ([], [])


def test_a_conflicting_edit_is_reported_and_both_versions_survive(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    meeting = store.load_trip(trip_id).meetings[0]
    events = server_events(radicale, collection_of(store, trip_id))
    edit_on_server(events[meeting_uid(meeting.id)], summary="Server: Lavrov at 20:00")
    store.save_meeting(trip_id, meeting.replace(title="Local: Lavrov at the Villa"))

    report = sync(store, trip_id)
    assert report.conflicts == [(meeting.id, "Local: Lavrov at the Villa")]
    assert f"conflict: “Local: Lavrov at the Villa” ({meeting.id})" in report.lines()
    # The trip keeps the local version, the server its own; both are recorded.
    assert store.load_trip(trip_id).meeting(meeting.id).title == "Local: Lavrov at the Villa"
    on_server = server_events(radicale, collection_of(store, trip_id))[meeting_uid(meeting.id)]
    assert "Server: Lavrov at 20:00" in on_server.data
    view = caldav_sync.view_conflict(store, trip_id, meeting.id)
    assert view.local is not None and view.local.title == "Local: Lavrov at the Villa"
    assert view.server is not None and view.server.title == "Server: Lavrov at 20:00"
    # A later sync still reports it and overwrites neither side.
    again = sync(store, trip_id)
    assert [mid for mid, _ in again.conflicts] == [meeting.id]
    assert (
        "Server: Lavrov at 20:00"
        in server_events(radicale, collection_of(store, trip_id))[meeting_uid(meeting.id)].data
    )


@pytest.mark.parametrize("choice", ["local", "server", "merge"])
def test_a_resolved_conflict_syncs(store, radicale, choice):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    meeting = store.load_trip(trip_id).meetings[0]
    events = server_events(radicale, collection_of(store, trip_id))
    edit_on_server(events[meeting_uid(meeting.id)], summary="Server title")
    store.save_meeting(trip_id, meeting.replace(title="Local title", notes="Local notes"))
    assert sync(store, trip_id).conflicts

    if choice == "merge":
        view = caldav_sync.view_conflict(store, trip_id, meeting.id)
        caldav_sync.resolve(store, trip_id, meeting.id, caldav_sync.merged(view, {"title"}))
        want_title, want_notes = "Server title", "Local notes"
    else:
        caldav_sync.resolve(store, trip_id, meeting.id, choice)  # type: ignore[arg-type]
        want_title = "Local title" if choice == "local" else "Server title"
        want_notes = "Local notes" if choice == "local" else meeting.notes
    report = sync(store, trip_id)
    assert report.conflicts == []
    assert sync_state.conflicts(store, trip_id) == {}
    local = store.load_trip(trip_id).meeting(meeting.id)
    assert (local.title, local.notes) == (want_title, want_notes)
    event = Calendar.from_ical(
        server_events(radicale, collection_of(store, trip_id))[meeting_uid(meeting.id)].data
    ).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == want_title
    assert (sync(store, trip_id).sent, sync(store, trip_id).received) == ([], [])


def test_edited_here_and_deleted_on_the_server_is_a_conflict(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    meeting = store.load_trip(trip_id).meetings[0]
    server_events(radicale, collection_of(store, trip_id))[meeting_uid(meeting.id)].delete()
    store.save_meeting(trip_id, meeting.replace(title="Still on"))
    report = sync(store, trip_id)
    assert [mid for mid, _ in report.conflicts] == [meeting.id]
    assert store.load_trip(trip_id).meeting(meeting.id).title == "Still on"
    caldav_sync.resolve(store, trip_id, meeting.id, "local")
    sync(store, trip_id)
    assert meeting_uid(meeting.id) in server_events(radicale, collection_of(store, trip_id))


def _state(store: Store, trip_id: int) -> tuple[Any, ...]:
    return (
        store.load_trip(trip_id),
        sync_state.account(store, trip_id),
        sync_state.synced(store, trip_id),
        sync_state.conflicts(store, trip_id),
    )


def test_server_down_changes_nothing_and_says_so(store):
    trip_id = store.resolve(None)
    url = f"http://127.0.0.1:{free_port()}/"
    caldav_sync.share(store, trip_id, url, ALICE)
    before = _state(store, trip_id)
    with pytest.raises(SyncError) as caught:
        sync(store, trip_id)
    assert str(caught.value) == f"cannot reach the calendar server at {url}: Connection refused"
    assert _state(store, trip_id) == before


def test_a_wrong_password_changes_nothing_on_either_side_and_says_so(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    meeting = store.load_trip(trip_id).meetings[0]
    store.save_meeting(trip_id, meeting.replace(title="Waiting to go up"))
    before = _state(store, trip_id)
    with pytest.raises(SyncError) as caught:
        caldav_sync.sync(store, trip_id, "wrong password")
    assert "refused user 'alice'" in str(caught.value)
    assert "\n" not in str(caught.value) and "wrong password" not in str(caught.value).split(":")[0]
    assert _state(store, trip_id) == before
    on_server = server_events(radicale, collection_of(store, trip_id))[meeting_uid(meeting.id)]
    assert "Waiting to go up" not in on_server.data
    # The local change waits and goes up at the next sync.
    assert len(sync(store, trip_id).sent) == 1


def test_a_trip_synced_from_store_a_appears_whole_in_a_fresh_store_b(store, radicale, tmp_path):
    trip_id = shared(store, radicale)
    report = sync(store, trip_id)
    trip = store.load_trip(trip_id)
    with Store.open(tmp_path / "b", seed=False) as other:
        made = other.create_trip(trip.name, "", "UTC").trip_id
        caldav_sync.share(other, made, report.collection, "bob")
        received = sync(other, made, user="bob")
        assert len(received.received) == 6 and received.sent == []
        copy = other.load_trip(made)
        again = sync(other, made, user="bob")
        assert (again.sent, again.received, again.requests) == ([], [], 1)
    assert copy.home_timezone == "Europe/Rome"
    assert {m.id for m in copy.meetings} == {m.id for m in trip.meetings}
    for mine in trip.meetings:
        theirs = copy.meeting(mine.id)
        for name in ("title", "time", "topic", "notes", "status", "sequence"):
            assert getattr(theirs, name) == getattr(mine, name), name
        assert [(p.name, p.role, p.attendance) for p in theirs.participants] == [
            (p.name, p.role, p.attendance) for p in mine.participants
        ]
        here, there = trip.place(mine.place_id), copy.place(theirs.place_id)
        for name in ("name", "city", "country", "lat", "lon", "timezone", "kind"):
            assert getattr(there, name) == getattr(here, name), name
        assert theirs.provenance[0].sources == ("calendar-server",)


def test_the_three_readers_agree_on_what_is_stored_on_the_server(store, radicale, tmp_path):
    trip = dst_trip()
    trip_id = store.add_trip(trip).trip_id
    caldav_sync.share(store, trip_id, radicale.url, ALICE)
    report = sync(store, trip_id)
    events = server_events(radicale, report.collection)
    assert len(events) == len(trip.meetings)
    for uid, obj in events.items():
        data = obj.data.encode()
        path = tmp_path / "object.ics"
        path.write_bytes(data)
        by_icalendar = read_with_icalendar(data)
        assert set(by_icalendar) == {uid}
        assert read_with_vobject(data) == by_icalendar
        assert read_with_icaljs(path) == by_icalendar


def test_progress_is_reported_and_a_cancelled_sync_changes_nothing_here(store, radicale):
    trip_id = shared(store, radicale)
    seen: list[tuple[int, int, str]] = []
    before = _state(store, trip_id)
    with pytest.raises(caldav_sync.SyncCancelled):
        caldav_sync.sync(
            store,
            trip_id,
            USERS[ALICE],
            progress=lambda done, total, what: seen.append((done, total, what)),
            cancelled=lambda: len(seen) >= 4,
        )
    assert _state(store, trip_id) == before
    assert seen[0][2] == "connecting"
    # What was sent before the cancel is recognised, not duplicated or in conflict.
    report = sync(store, trip_id)
    assert report.conflicts == []
    assert len(server_events(radicale, report.collection)) == 6


def test_the_password_comes_from_the_environment_or_a_clear_message(monkeypatch):
    monkeypatch.setenv(caldav_sync.PASSWORD_ENV, "from-env")
    assert caldav_sync.password_for("https://cal.example.org/", ALICE) == "from-env"
    monkeypatch.delenv(caldav_sync.PASSWORD_ENV)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(SyncError, match="SHUTTLE_CALDAV_PASSWORD"):
        caldav_sync.password_for("https://cal.example.org/", ALICE)


def test_sync_state_is_kept_with_the_time_of_the_sync(store, radicale):
    trip_id = shared(store, radicale)
    before = datetime.now(UTC).replace(microsecond=0)
    sync(store, trip_id)
    found = sync_state.account(store, trip_id)
    assert found is not None and found.sync_token and found.synced_at
    assert found.synced_at >= before
    assert len(sync_state.synced(store, trip_id)) == 6


def test_a_change_made_on_the_server_during_a_sync_comes_down_at_the_next(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    trip = store.load_trip(trip_id)
    mine, theirs = trip.meetings[0], trip.meetings[1]
    store.save_meeting(trip_id, mine.replace(title="Sent up"))
    events = server_events(radicale, collection_of(store, trip_id))

    def meanwhile(done: int, total: int, what: str) -> None:
        if what.startswith("sending") and "Bob" not in events:
            events["Bob"] = True
            edit_on_server(events[meeting_uid(theirs.id)], summary="Edited by Bob meanwhile")

    report = caldav_sync.sync(store, trip_id, USERS[ALICE], progress=meanwhile)
    assert len(report.sent) == 1
    assert store.load_trip(trip_id).meeting(theirs.id).title == theirs.title
    later = sync(store, trip_id)
    assert store.load_trip(trip_id).meeting(theirs.id).title == "Edited by Bob meanwhile"
    assert len(later.received) == 1 and later.sent == []
    assert sync(store, trip_id).requests == 1


def test_an_event_created_in_another_client_comes_down_and_edits_go_back_to_it(store, radicale):
    trip_id = shared(store, radicale)
    sync(store, trip_id)
    calendar = radicale.client().calendar(url=collection_of(store, trip_id))
    calendar.save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar//EN\r\n"
        "BEGIN:VEVENT\r\nUID:7c1e-thunderbird\r\nDTSTAMP:20141201T090000Z\r\n"
        "DTSTART;TZID=Europe/Rome:20141215T180000\r\nDTEND;TZID=Europe/Rome:20141215T190000\r\n"
        "SUMMARY:Security briefing\r\nLOCATION:Rome\r\nX-MOZ-GENERATION:3\r\n"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Reminder\r\n"
        "END:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    report = sync(store, trip_id)
    assert len(report.received) == 1
    trip = store.load_trip(trip_id)
    added = trip.meeting("7c1e-thunderbird")
    assert added.title == "Security briefing"
    assert trip.place(added.place_id).timezone == "Europe/Rome"
    assert added.provenance[0].sources == ("calendar-server",)
    store.save_meeting(trip_id, added.replace(title="Security briefing (moved)"))
    assert len(sync(store, trip_id).sent) == 1
    objects = calendar.search(event=True)
    assert len(objects) == 7  # the same object changed, no copy
    [theirs] = [o for o in objects if "7c1e-thunderbird" in o.data]
    assert "Security briefing (moved)" in theirs.data
    # Under the UID the other client gave it: for every client it is the same event.
    event = Calendar.from_ical(theirs.data).walk("VEVENT")[0]
    assert str(event["UID"]) == "7c1e-thunderbird"
    # What that client keeps in the event and Shuttle does not model stays: the alarm.
    assert str(event["X-MOZ-GENERATION"]) == "3"
    [alarm] = event.walk("VALARM")
    assert (str(alarm["ACTION"]), str(alarm["DESCRIPTION"])) == ("DISPLAY", "Reminder")
    assert str(event["SUMMARY"]) == "Security briefing (moved)"


def test_two_team_members_editing_different_meetings_both_see_both(store, radicale, tmp_path):
    trip_id = shared(store, radicale)
    collection = sync(store, trip_id).collection
    name = store.load_trip(trip_id).name
    with Store.open(tmp_path / "b", seed=False) as other:
        theirs = other.create_trip(name, "", "UTC").trip_id
        caldav_sync.share(other, theirs, collection, "bob")
        sync(other, theirs, user="bob")
        first, second = store.load_trip(trip_id).meetings[:2]
        store.save_meeting(trip_id, first.replace(title="Alice's change"))
        bobs = other.load_trip(theirs).meeting(second.id)
        other.save_meeting(theirs, bobs.replace(notes="Bob's note"))
        assert len(sync(store, trip_id).sent) == 1
        report = sync(other, theirs, user="bob")
        assert (len(report.sent), len(report.received), report.conflicts) == (1, 1, [])
        assert other.load_trip(theirs).meeting(first.id).title == "Alice's change"
    back = sync(store, trip_id)
    assert (len(back.received), back.conflicts) == (1, [])
    assert store.load_trip(trip_id).meeting(second.id).notes == "Bob's note"


def test_only_what_shuttle_does_not_write_is_kept_from_another_clients_event():
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Talks\r\nX-SHUTTLE-STATUS:confirmed\r\n"
        "CLASS:PRIVATE\r\nATTENDEE;CN=Jane;PARTSTAT=ACCEPTED:mailto:jane@example.org\r\n"
        "X-MOZ-SNOOZE:a long value that the server\r\n  folded\r\n"
        "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nACTION:AUDIO\r\nEND:VALARM\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert caldav_sync.foreign_extra(data) == (
        "CLASS:PRIVATE\nATTENDEE;CN=Jane;PARTSTAT=ACCEPTED:mailto:jane@example.org\n"
        "X-MOZ-SNOOZE:a long value that the server folded\n"
        "BEGIN:VALARM\nTRIGGER:-PT5M\nACTION:AUDIO\nEND:VALARM"
    )
    assert caldav_sync.foreign_extra(data.replace("CLASS", "X-SHUTTLE-TOPIC")).startswith(
        "ATTENDEE"
    )
