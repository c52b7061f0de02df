"""Scheduling messages (iTIP, RFC 5546) on import: REPLY sets one answer, a stale REQUEST
is ignored, CANCEL cancels what is known, other methods are refused; SEQUENCE rises once
per change; invites and cancellations as the mail helper sends them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from data.agenda import participant_label, participant_with_role, render_text
from data.gazetteer import Gazetteer
from data.ics_common import IcsError, Organizer
from data.ics_export import export_calendar, invite_calendar
from data.ics_import import import_ics, merge_calendar
from data.ics_read import IcsCalendar, parse_ics
from data.model import Participant, Reply, Status
from data.report import ReportOptions, build_report_html
from data.store import Store
from tests.data.ics_helpers import PINNED, dst_trip, read_with_icalendar, unfold

GAZETTEER = Gazetteer()
ORGANIZER = Organizer("Doe, Jane", "jane.doe@example.org")
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path, seed=False) as opened:
        opened.add_trip(dst_trip())
        yield opened


def trip_id(store: Store) -> int:
    return store.resolve("DST test trip, 2014")


def message(method: str, *event: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", f"METHOD:{method}"]
    lines += ["BEGIN:VEVENT", *event, "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


def bring(store: Store, data: bytes) -> tuple[str, ...]:
    return import_ics(store, data, "msg.ics", trip_id(store), GAZETTEER).notices


def test_a_reply_sets_only_the_answer_of_the_one_who_replied(store):
    before = store.load_trip(trip_id(store))
    reply = message(
        "REPLY",
        "UID:paris-summer@shuttle",
        "DTSTAMP:20141002T100000Z",
        "SEQUENCE:3",
        "ORGANIZER:mailto:jane.doe@example.org",
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Renée:mailto:RENEE@example.org",
    )
    assert bring(store, reply) == ()
    after = store.load_trip(trip_id(store))
    meeting, old = after.meeting("paris-summer"), before.meeting("paris-summer")
    renee = next(p for p in meeting.participants if p.email == "renee@example.org")
    assert renee.reply is Reply.ACCEPTED
    # Nothing else moved: title, time, place, status, sequence, the other participant.
    assert meeting.replace(participants=old.participants) == old
    assert [p.reply for p in meeting.participants] == [None, Reply.ACCEPTED]
    others = [m for m in after.meetings if m.id != "paris-summer"]
    assert others == [m for m in before.meetings if m.id != "paris-summer"]
    # A decline later, then a tentative: each replaces the answer.
    for partstat, answer in (("DECLINED", Reply.DECLINED), ("TENTATIVE", Reply.TENTATIVE)):
        bring(store, reply.replace(b"PARTSTAT=ACCEPTED", f"PARTSTAT={partstat}".encode()))
        meeting = store.load_trip(trip_id(store)).meeting("paris-summer")
        assert meeting.participants[1].reply is answer


def test_replies_are_shown_in_agenda_details_and_print(store):
    people = (
        Participant("A", email="a@x.org", reply=Reply.ACCEPTED),
        Participant("B", email="b@x.org", reply=Reply.DECLINED),
        Participant("C", email="c@x.org", reply=Reply.TENTATIVE),
        Participant("D", email="d@x.org", reply=Reply.NO_ANSWER),
    )
    assert [participant_label(p) for p in people] == [
        "A (accepted)",
        "B (declined)",
        "C (tentative)",
        "D (no answer)",
    ]
    assert participant_with_role(people[1]) == "B — declined"
    trip = store.load_trip(trip_id(store))
    meeting = trip.meeting("rome-summer").replace(participants=people)
    trip = trip.replace(meetings=(meeting,))
    assert "With: A (accepted), B (declined), C (tentative), D (no answer)" in render_text(trip)
    assert "D — no answer" in build_report_html(trip, None, ReportOptions())


def test_a_reply_for_an_unknown_meeting_or_person_is_a_notice(store):
    before = store.load_trip(trip_id(store))
    unknown = message(
        "REPLY",
        "UID:nothing-here@elsewhere",
        "DTSTAMP:20141002T100000Z",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:renee@example.org",
    )
    [notice] = bring(store, unknown)
    assert (
        notice
        == "line 5 (nothing-here@elsewhere): ignored REPLY for a meeting this trip does not have"
    )
    stranger = message(
        "REPLY",
        "UID:paris-summer@shuttle",
        "DTSTAMP:20141002T100000Z",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:stranger@example.org",
    )
    [notice] = bring(store, stranger)
    assert "stranger@example.org, who is not invited" in notice
    assert store.load_trip(trip_id(store)) == before


def test_a_stale_request_is_ignored_with_a_notice(store):
    before = store.load_trip(trip_id(store))
    cancelled = before.meeting("london-cancelled")  # SEQUENCE 1, cancelled
    stale = message(
        "REQUEST",
        "UID:london-cancelled@shuttle",
        "DTSTAMP:20141101T000000Z",
        "SEQUENCE:0",
        "SUMMARY:Breakfast",
        "STATUS:CONFIRMED",
        "DTSTART;TZID=Europe/London:20141217T080000",
        "DTEND;TZID=Europe/London:20141217T090000",
    )
    [notice] = bring(store, stale)
    assert notice == (
        "line 5 (Breakfast): ignored REQUEST, older than the meeting held "
        "(SEQUENCE 0, the trip has 1)"
    )
    assert store.load_trip(trip_id(store)).meeting(cancelled.id) == cancelled
    # The same SEQUENCE with an earlier DTSTAMP than the one taken is older too.
    newer = stale.replace(b"SEQUENCE:0", b"SEQUENCE:2").replace(
        b"20141217T080000", b"20141217T083000"
    )
    assert bring(store, newer) == ()
    moved = store.load_trip(trip_id(store)).meeting(cancelled.id)
    assert moved.status is Status.CONFIRMED and moved.sequence == 2  # raised once, not twice
    assert moved.time.start.hour == 8 and moved.time.start.minute == 30


def test_a_foreign_request_older_by_dtstamp_is_ignored(store):
    first = message(
        "REQUEST",
        "UID:abc@other.example",
        "DTSTAMP:20141105T120000Z",
        "SEQUENCE:4",
        "SUMMARY:Lunch",
        "DTSTART;TZID=Europe/Paris:20141120T120000",
        "DTEND;TZID=Europe/Paris:20141120T130000",
        "LOCATION:Paris",
    )
    assert bring(store, first) == ()
    earlier = first.replace(b"20141105T120000Z", b"20141104T120000Z").replace(b"Lunch", b"Old")
    [notice] = bring(store, earlier)
    assert "ignored REQUEST, older than the meeting held (SEQUENCE 4" in notice
    assert store.load_trip(trip_id(store)).meeting("abc@other.example").title == "Lunch"


def test_cancel_cancels_a_known_meeting_and_only_notes_an_unknown_one(store):
    cancel = message(
        "CANCEL",
        "UID:rome-summer@shuttle",
        "DTSTAMP:20141002T100000Z",
        "SEQUENCE:1",
        "STATUS:CANCELLED",
    )
    assert bring(store, cancel) == ()
    meeting = store.load_trip(trip_id(store)).meeting("rome-summer")
    assert meeting.status is Status.CANCELLED and meeting.sequence == 1
    before = store.load_trip(trip_id(store))
    [notice] = bring(store, cancel.replace(b"rome-summer@shuttle", b"ghost@elsewhere"))
    assert (
        notice == "line 5 (ghost@elsewhere): ignored CANCEL for a meeting this trip does not have"
    )
    assert store.load_trip(trip_id(store)) == before  # no new cancelled meeting


@pytest.mark.parametrize("method", ["COUNTER", "REFRESH", "ADD", "DECLINECOUNTER", "BOGUS"])
def test_other_methods_are_refused_with_file_and_line(store, method):
    with pytest.raises(IcsError) as caught:
        bring(store, message(method, "UID:x", "DTSTART:20141201T100000Z"))
    assert str(caught.value) == (
        f"msg.ics, line 4: METHOD:{method} is not supported "
        "(Shuttle reads PUBLISH, REQUEST, REPLY, CANCEL)"
    )


def test_every_meaningful_change_raises_sequence_once_whatever_the_path(store):
    tid = trip_id(store)
    meeting = store.load_trip(tid).meeting("paris-after-fall-back")
    assert meeting.sequence == 0
    # An edit in the window or the CLI (the store's operations).
    store.save_meeting(tid, meeting.replace(title="Renamed"))
    assert store.load_trip(tid).meeting(meeting.id).sequence == 1
    # A PUBLISH re-import of the team's own export, moved by another client.
    data = export_calendar(store.load_trip(tid), [meeting.id], now=PINNED, internal=True)
    data = data.replace(b"20141026T100000", b"20141026T103000")
    bring(store, data)
    assert store.load_trip(tid).meeting(meeting.id).sequence == 2
    # Importing the very same file again changes nothing and raises nothing.
    bring(store, data)
    assert store.load_trip(tid).meeting(meeting.id).sequence == 2
    # The pure merge (the window's path) leaves the raise to the store, once.
    trip = store.load_trip(tid)
    data = export_calendar(trip, [meeting.id], now=PINNED, internal=True)
    parsed = parse_ics(data.replace(b"Renamed", b"Renamed again"), "x.ics")
    merged = merge_calendar(trip, IcsCalendar(None, parsed.events), GAZETTEER)
    store.replace_trip(tid, merged.trip)
    assert store.load_trip(tid).meeting(meeting.id).sequence == 3


def test_invites_carry_the_organizer_once_and_cancel_for_deleted_or_removed(store):
    trip = store.load_trip(trip_id(store))
    meeting = trip.meeting("paris-summer")  # Jane (the organizer) and Renée
    request = unfold(invite_calendar(trip, meeting, ORGANIZER, "REQUEST", now=PINNED))
    assert 'ORGANIZER;CN="Doe, Jane":mailto:jane.doe@example.org' in request
    attendees = [line for line in request if line.startswith("ATTENDEE")]
    assert len(attendees) == 2
    assert "PARTSTAT=ACCEPTED" in attendees[0] and "RSVP" not in attendees[0]
    assert "PARTSTAT=NEEDS-ACTION" in attendees[1] and "RSVP=TRUE" in attendees[1]
    # The meeting was deleted: CANCEL to everyone invited, with a raised SEQUENCE.
    deleted = trip.replace(meetings=tuple(m for m in trip.meetings if m.id != meeting.id))
    gone = meeting.replace(sequence=meeting.sequence + 1)
    cancel = unfold(invite_calendar(deleted, gone, ORGANIZER, "CANCEL", now=PINNED))
    assert "METHOD:CANCEL" in cancel and "STATUS:CANCELLED" in cancel and "SEQUENCE:4" in cancel
    assert not [line for line in cancel if "RSVP" in line or "NEEDS-ACTION" in line]
    # Renée was taken off it: CANCEL to her alone.
    [renee] = [p for p in meeting.participants if p.email == "renee@example.org"]
    removed = invite_calendar(trip, gone, ORGANIZER, "CANCEL", [renee], now=PINNED)
    assert [line for line in unfold(removed) if line.startswith("ATTENDEE")] == [
        'ATTENDEE;CN="Renée Ørsted";CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT:mailto:renee@example.org'
    ]
    assert read_with_icalendar(removed)["paris-summer@shuttle"]["summary"] == meeting.title


def test_an_imported_request_keeps_the_organizer_apart_from_the_attendees():
    data = message(
        "REQUEST",
        "UID:req@other.example",
        "DTSTAMP:20141105T120000Z",
        "SUMMARY:Talks",
        "DTSTART;TZID=Europe/Paris:20141120T120000",
        "DTEND;TZID=Europe/Paris:20141120T130000",
        "ORGANIZER;CN=Anna:mailto:anna@other.example",
        "ATTENDEE;CN=Anna;PARTSTAT=ACCEPTED:mailto:anna@other.example",
        "ATTENDEE;CN=Bob;PARTSTAT=TENTATIVE:mailto:bob@other.example",
    )
    [event] = parse_ics(data, "req.ics").events
    assert event.meeting is not None
    anna, bob = event.meeting.participants
    assert (anna.role, anna.reply) == ("organiser", None)
    assert (bob.name, bob.reply) == ("Bob", Reply.TENTATIVE)
    assert event.meeting.time.start == datetime(2014, 11, 20, 12, tzinfo=PARIS)
