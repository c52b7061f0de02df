"""Export: golden files (order-insensitive, clock pinned), RFC 5545 details that real
clients need, and agreement between icalendar, vobject and ical.js."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from data import trip_file
from data.ics_common import PRODID, Organizer, parse_organizer
from data.ics_export import export_calendar, invite, tbc_sentence, write_invites
from data.model import ExactTime, TimeTBC
from data.store import SAMPLE_TRIP
from tests.data.ics_helpers import (
    ELARABY,
    PINNED,
    assert_matches_golden,
    dst_trip,
    read_with_icalendar,
    read_with_icaljs,
    read_with_vobject,
    unfold,
)

ORGANIZER = Organizer("Doe, Jane (Shuttle)", "jane.doe@example.org")


@pytest.fixture(scope="module")
def sample():
    return trip_file.read(SAMPLE_TRIP)


def test_the_sample_trip_matches_its_golden_file(sample):
    assert_matches_golden(export_calendar(sample, now=PINNED, internal=True), "sample-trip.ics")


def test_the_dst_trip_matches_its_golden_file():
    assert_matches_golden(export_calendar(dst_trip(), now=PINNED, internal=True), "dst-trip.ics")


def test_invites_match_their_golden_files(tmp_path):
    report = write_invites(dst_trip(), tmp_path, ORGANIZER, now=PINNED)
    assert [p.name for p in report.written] == [
        "rome-summer.ics",
        "paris-spring-forward.ics",
        "paris-summer.ics",
        "paris-after-fall-back.ics",
        "london-winter.ics",
        "cairo-tbc.ics",
        "london-cancelled.ics",
    ]
    assert report.skipped == (("rome-all-day", "no participant has an email address"),)
    for path in report.written:
        assert_matches_golden(path.read_bytes(), f"invites/{path.name}")


def test_lines_are_crlf_folded_at_75_octets_without_splitting_characters():
    data = export_calendar(dst_trip(), now=PINNED, internal=True)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a split UTF-8 sequence would not decode
    text = "\n".join(unfold(data))
    # Arabic and accented names survive byte for byte.
    assert f"CN={ELARABY}" not in text  # (only in invites)
    assert ELARABY.encode() in "".join(unfold(data)).encode()
    assert "Renée Ørsted" in text and "مقر جامعة الدول العربية" in text


def test_text_is_escaped_and_parameters_quoted():
    trip = dst_trip()
    text = unfold(export_calendar(trip, ["rome-summer"], now=PINNED))
    [description] = [line for line in text if line.startswith("DESCRIPTION:")]
    assert description.startswith(
        "DESCRIPTION:Line one\\nLine two\\, with a comma\\; and a semicolon \\\\ slash"
    )
    lines = unfold(invite(trip, trip.meeting("london-winter"), ORGANIZER, PINNED) or b"")
    assert 'ORGANIZER;CN="Doe, Jane (Shuttle)":mailto:jane.doe@example.org' in lines
    [elaraby] = [line for line in lines if "elaraby@example.org" in line]
    for part in (f'CN="{ELARABY}"', "ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE"):
        assert part in elaraby
    # The organizer is a participant: listed as having accepted, not asked to answer.
    [jane] = [line for line in lines if "jane.doe@example.org" in line and "ATTENDEE" in line]
    assert "PARTSTAT=ACCEPTED" in jane and "RSVP" not in jane


def test_each_event_carries_what_clients_need(sample):
    lines = unfold(export_calendar(dst_trip(), now=PINNED))
    assert f"PRODID:{PRODID}" in lines and "METHOD:PUBLISH" in lines
    assert "X-WR-CALNAME:DST test trip\\, 2014" in lines
    assert "DTSTART;TZID=Europe/Paris:20140330T013000" in lines
    assert "DTEND;TZID=Europe/Paris:20140330T040000" in lines
    assert "UID:paris-summer@shuttle" in lines and "SEQUENCE:3" in lines
    assert "DTSTAMP:20141201T093000Z" in lines
    assert "GEO:51.504;-0.1385" in lines
    assert "LOCATION:Lancaster House\\; State Room\\, London\\, United Kingdom" in lines
    assert "STATUS:CANCELLED" in lines and "STATUS:TENTATIVE" in lines
    tzids = {line[5:] for line in lines if line.startswith("TZID:")}
    assert tzids == {"Europe/Rome", "Europe/Paris", "Europe/London"}  # Cairo is TBC: no zone
    assert not [line for line in lines if line.startswith("RDATE")]  # one DTSTART each


def test_a_tbc_meeting_is_a_tentative_all_day_event(sample):
    lines = unfold(export_calendar(sample, ["kerry-2014-12-m1-lavrov"], now=PINNED))
    assert "DTSTART;VALUE=DATE:20141214" in lines and "DTEND;VALUE=DATE:20141215" in lines
    assert "STATUS:TENTATIVE" in lines
    assert "Time to be confirmed (evening\\, about 3 hours)" in "".join(lines)
    assert tbc_sentence(TimeTBC(sample.first_day)) == "Time to be confirmed"
    assert (
        tbc_sentence(TimeTBC(sample.first_day, None, timedelta(minutes=90)))
        == "Time to be confirmed (about 1 hour 30 minutes)"
    )


def test_invites_on_the_sample_trip_skip_every_meeting(sample, tmp_path):
    report = write_invites(sample, tmp_path, ORGANIZER, now=PINNED)
    assert report.written == () and len(report.skipped) == 6
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_meeting_is_sent_as_a_cancel():
    trip = dst_trip()
    lines = unfold(invite(trip, trip.meeting("london-cancelled"), ORGANIZER, PINNED) or b"")
    assert "METHOD:CANCEL" in lines and "STATUS:CANCELLED" in lines
    assert not [line for line in lines if "RSVP" in line]
    request = unfold(invite(trip, trip.meeting("rome-summer"), ORGANIZER, PINNED) or b"")
    assert "METHOD:REQUEST" in request
    assert any(line.startswith("DESCRIPTION:") for line in request)
    # Outsiders get what they need, nothing internal: no notes, roles, other guests' data.
    text = "".join(request)
    assert "Line one" in text  # the topic
    for internal in ("X-SHUTTLE-PARTICIPANT", "X-SHUTTLE-PLACE", "X-SHUTTLE-NOTES", "note-taker"):
        assert internal not in text
    assert "Not invited" not in text and "Sources" not in text
    winter = "".join(unfold(invite(trip, trip.meeting("london-winter"), ORGANIZER, PINNED) or b""))
    assert 'State Room", 1st floor' not in winter and "X-SHUTTLE" not in winter


def test_the_organizer_is_parsed_or_refused():
    assert parse_organizer("Jane Doe <jane@example.org>") == Organizer(
        "Jane Doe", "jane@example.org"
    )
    assert str(Organizer("Doe, Jane", "j@x.org")) == '"Doe, Jane" <j@x.org>'
    for bad in ("jane@example.org", "Jane Doe", "Jane <not an address>"):
        with pytest.raises(ValueError):
            parse_organizer(bad)


def _expected(trip) -> dict[str, dict]:
    out = {}
    for meeting in trip.meetings:
        time = meeting.time
        if isinstance(time, ExactTime):
            start = time.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            end = time.end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            last = getattr(time, "end_day", time.day)
            start, end = time.day.isoformat(), (last + timedelta(days=1)).isoformat()
        out[f"{meeting.id}@shuttle"] = {"summary": meeting.title, "start": start, "end": end}
    return out


@pytest.mark.parametrize("which", ["dst", "sample"])
def test_readers_agree_on_titles_places_descriptions_and_instants(which, sample, tmp_path):
    trip = dst_trip() if which == "dst" else sample
    data = export_calendar(trip, now=PINNED)
    path = tmp_path / "trip.ics"
    path.write_bytes(data)
    by_icalendar = read_with_icalendar(data)
    assert read_with_vobject(data) == by_icalendar
    expected = _expected(trip)
    for uid, event in by_icalendar.items():
        assert {k: event[k] for k in ("summary", "start", "end")} == expected[uid]
    assert read_with_icaljs(path) == by_icalendar


def test_readers_agree_on_invites(tmp_path):
    report = write_invites(dst_trip(), tmp_path, ORGANIZER, now=PINNED)
    for path in report.written:
        data = path.read_bytes()
        assert read_with_vobject(data) == read_with_icalendar(data)
        assert read_with_icaljs(path) == read_with_icalendar(data), path.name
