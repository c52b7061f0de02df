"""Invites by email through a real SMTP server (aiosmtpd, STARTTLS and AUTH), and the
invitation record that makes a second send send only what changed."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from data.agenda import place_label
from data.invitations import Kind, Recipient, plan_invites
from data.mail_out import (
    PASSWORD_ENV,
    SendError,
    SmtpOutbox,
    SmtpSettings,
    send_plan,
    smtp_password,
)
from data.model import ExactTime
from data.store import Store
from tests.data.ics_helpers import read_with_icalendar, read_with_icaljs, read_with_vobject
from tests.data.invite_helpers import (
    ORGANIZER,
    attachment,
    calendar_part,
    event_of,
    invitees,
    recipients,
    sample_store,
)
from tests.smtp_server import PASSWORD, USER, LocalSmtp

NOW = datetime(2014, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def server():
    with LocalSmtp() as running:
        yield running


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


def outbox(server: LocalSmtp, password: str = PASSWORD) -> SmtpOutbox:
    settings = SmtpSettings(server.host, server.port, "starttls", USER)
    return SmtpOutbox(settings, password, server.client_context())


def send(store: Store, trip_id: int, server: LocalSmtp, password: str = PASSWORD, **plan_args):
    trip = store.load_trip(trip_id)
    plan = plan_invites(trip, store.sent_invitations(trip_id), ORGANIZER, now=NOW, **plan_args)
    box = outbox(server, password)
    try:
        return plan, send_plan(store, trip_id, plan, ORGANIZER, box, now=NOW)
    finally:
        box.close()


def by_uid(server: LocalSmtp) -> dict[str, list]:
    out: dict[str, list] = {}
    for received in server.received:
        _, data = calendar_part(received.message)
        _, event = event_of(data)
        out.setdefault(str(event["UID"]), []).append(received)
    return out


def test_the_sample_trip_goes_out_one_message_per_meeting_to_its_attendees(store, server, tmp_path):
    trip_id = sample_store(store)
    trip = store.load_trip(trip_id)
    plan, report = send(store, trip_id, server)
    assert report.failures == ()
    assert len(server.received) == len(trip.meetings) == 6
    assert {d.kind for d in plan.deliveries} == {Kind.NEW}
    # Unnamed groups have no address and are named as such.
    assert {n.meeting_id for n in plan.no_email} == {
        "kerry-2014-12-m2-parolin",
        "kerry-2014-12-m5-erakat",
        "kerry-2014-12-m6-arab-league",
    }
    for uid, [received] in by_uid(server).items():
        meeting = trip.meeting(uid.removesuffix("@shuttle"))
        message = received.message
        wanted = invitees(trip, meeting.id)
        assert recipients(message) == wanted
        assert set(received.recipients) == wanted  # the envelope too: nobody else
        assert received.sender == ORGANIZER.email
        assert message["From"].addresses[0].addr_spec == ORGANIZER.email
        place = trip.place(meeting.place_id)
        assert message["Subject"] == (
            f"Invitation: {meeting.title} ({meeting.day:%a %d %b %Y}, {place_label(place)})"
        )
        assert message["Message-ID"] and message["Date"]
        method, data = calendar_part(message)
        assert method == "REQUEST"
        assert attachment(message) == data
        ics_method, event = event_of(data)
        assert ics_method == "REQUEST"
        assert int(event["SEQUENCE"]) == meeting.sequence
        attendees = {str(a).removeprefix("mailto:") for a in _list(event.get("ATTENDEE"))}
        assert wanted <= attendees
        plain = message.get_body(("plain",)).get_content()
        assert meeting.title in plain and "Where:" in plain
        assert "At home (America/New_York): " in plain
        assert "uncertain" not in plain  # the team's own notes stay with the team
        # Three readers agree on what the calendar part says.
        path = tmp_path / f"{meeting.id}.ics"
        path.write_bytes(data)
        readers = [read_with_icalendar(data), read_with_vobject(data)]
        assert readers[0] == readers[1]
        assert readers[0][uid]["summary"] == meeting.title
        assert read_with_icaljs(path) == readers[0]


def test_a_second_send_with_nothing_changed_sends_nothing(store, server):
    trip_id = sample_store(store)
    send(store, trip_id, server)
    plan, report = send(store, trip_id, server)
    assert plan.deliveries == () and report.sent == ()
    assert len(plan.unchanged) == 6
    assert len(server.received) == 6
    # Unless resending on purpose.
    plan, _ = send(store, trip_id, server, resend=True)
    assert {d.kind for d in plan.deliveries} == {Kind.RESEND}
    assert len(server.received) == 12


def test_a_changed_time_sends_one_update_with_a_higher_sequence(store, server):
    trip_id = sample_store(store)
    send(store, trip_id, server)
    trip = store.load_trip(trip_id)
    meeting = trip.meeting("kerry-2014-12-m4-paris-ministers")
    paris = ZoneInfo("Europe/Paris")
    start = datetime(2014, 12, 15, 21, 30, tzinfo=paris)
    store.save_meeting(trip_id, meeting.replace(time=ExactTime(start, start + timedelta(hours=2))))
    plan, report = send(store, trip_id, server)
    [delivery] = plan.deliveries
    assert delivery.kind is Kind.UPDATE and report.failures == ()
    [received] = server.received[6:]
    message = received.message
    assert message["Subject"].startswith("Updated: ")
    assert recipients(message) == invitees(trip, meeting.id)
    _, event = event_of(calendar_part(message)[1])
    assert int(event["SEQUENCE"]) > meeting.sequence
    assert event["DTSTART"].dt == start
    assert "21:30–23:30 CET (Europe/Paris)" in message.get_body(("plain",)).get_content()


def test_a_deleted_meeting_sends_a_cancel_once(store, server):
    trip_id = sample_store(store)
    send(store, trip_id, server)
    trip = store.load_trip(trip_id)
    gone = trip.meeting("kerry-2014-12-m3-netanyahu")
    store.delete_meeting(trip_id, gone.id)
    plan, _ = send(store, trip_id, server)
    [delivery] = plan.deliveries
    assert delivery.kind is Kind.CANCEL
    [received] = server.received[6:]
    message = received.message
    assert message["Subject"].startswith(f"Cancelled: {gone.title}")
    assert recipients(message) == invitees(trip, gone.id)
    method, data = calendar_part(message)
    assert method == "CANCEL"
    ics_method, event = event_of(data)
    assert ics_method == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == gone.sequence + 1
    plan, _ = send(store, trip_id, server)
    assert plan.deliveries == ()


def test_a_removed_attendee_gets_a_cancel_and_the_others_an_update(store, server):
    trip_id = sample_store(store)
    send(store, trip_id, server)
    trip = store.load_trip(trip_id)
    meeting = trip.meeting("kerry-2014-12-m4-paris-ministers")
    hammond = next(p for p in meeting.participants if p.name == "Philip Hammond")
    kept = tuple(p for p in meeting.participants if p is not hammond)
    store.save_meeting(trip_id, meeting.replace(participants=kept))
    plan, _ = send(store, trip_id, server)
    kinds = {d.kind: {r.email for r in d.recipients} for d in plan.deliveries}
    assert kinds[Kind.CANCEL] == {hammond.email}
    assert kinds[Kind.UPDATE] == invitees(trip, meeting.id) - {hammond.email}
    cancel = next(r.message for r in server.received[6:] if hammond.email in r.recipients)
    _, event = event_of(calendar_part(cancel)[1])
    assert {str(a) for a in _list(event["ATTENDEE"])} == {f"mailto:{hammond.email}"}


def test_a_cancelled_meeting_sends_a_cancel(store, server):
    from data.model import Status

    trip_id = sample_store(store)
    send(store, trip_id, server)
    meeting = store.load_trip(trip_id).meeting("kerry-2014-12-m1-lavrov")
    store.save_meeting(trip_id, meeting.replace(status=Status.CANCELLED))
    plan, _ = send(store, trip_id, server)
    [delivery] = plan.deliveries
    assert delivery.kind is Kind.CANCEL
    assert calendar_part(server.received[-1].message)[0] == "CANCEL"
    assert send(store, trip_id, server)[0].deliveries == ()


def test_a_wrong_password_is_reported_and_a_retry_sends_each_once(store, server):
    trip_id = sample_store(store)
    with pytest.raises(SendError, match="refused the login for officer"):
        outbox(server, "wrong").connect()
    _, report = send(store, trip_id, server, password="wrong")
    assert report.sent == () and len(report.failures) == report_size(store, trip_id)
    assert "refused the login" in report.failures[0].reason
    assert "wrong" not in str(report.failures[0])
    assert store.sent_invitations(trip_id) == [] and server.received == []
    send(store, trip_id, server)
    assert len(server.received) == 6


def report_size(store: Store, trip_id: int) -> int:
    trip = store.load_trip(trip_id)
    return sum(len(invitees(trip, m.id)) for m in trip.meetings)


def test_a_refused_recipient_is_reported_and_retried_without_duplicates(store, server):
    trip_id = sample_store(store)
    trip = store.load_trip(trip_id)
    fabius = next(
        p.email
        for p in trip.meeting("kerry-2014-12-m4-paris-ministers").participants
        if p.name == "Laurent Fabius"
    )
    server.handler.refuse = {fabius}
    _, report = send(store, trip_id, server)
    [failure] = report.failures
    assert failure.email == fabius and "550" in failure.reason
    assert fabius not in {r.email for r in store.sent_invitations(trip_id)}
    server.handler.refuse = set()
    plan, report = send(store, trip_id, server)
    [delivery] = plan.deliveries
    assert delivery.kind is Kind.NEW and [r.email for r in delivery.recipients] == [fabius]
    counts: dict[str, int] = {}
    for received in server.received:
        for address in received.recipients:
            counts[address] = counts.get(address, 0) + 1
    assert counts[fabius] == 1
    assert all(n == 1 for a, n in counts.items() if "kerry" not in a)


def test_an_unreachable_server_is_one_clear_line(store):
    from tests.smtp_server import free_port

    box = SmtpOutbox(SmtpSettings("127.0.0.1", free_port(), "starttls", USER), PASSWORD)
    with pytest.raises(SendError, match=r"^cannot reach 127\.0\.0\.1:\d+: "):
        box.connect()


def test_the_password_comes_from_the_environment_or_a_clear_keyring_message(monkeypatch):
    settings = SmtpSettings("smtp.example.org", 587, "starttls", "jane")
    monkeypatch.setenv(PASSWORD_ENV, "s3cret")
    assert smtp_password(settings) == "s3cret"
    monkeypatch.delenv(PASSWORD_ENV)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    message = f"no password for jane@smtp.example.org: set {PASSWORD_ENV}"
    with pytest.raises(SendError, match=message):
        smtp_password(settings)


def _list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def test_user_text_is_escaped_in_html_and_cannot_add_headers(store):
    from email import policy
    from email.parser import BytesParser

    from data.imip import as_bytes, build_message

    trip_id = sample_store(store)
    meeting = store.load_trip(trip_id).meeting("kerry-2014-12-m6-arab-league")
    hostile = "<script>alert(1)</script> لقاء مع نبيل العربي"
    people = (meeting.participants[1].__class__("Nabil <b>Elaraby</b>", email="n@x.org"),)
    store.save_meeting(trip_id, meeting.replace(title=hostile, participants=people))
    trip = store.load_trip(trip_id)
    plan = plan_invites(trip, [], ORGANIZER, [meeting.id], now=NOW)
    [delivery] = plan.deliveries
    # The store refuses line breaks in titles and names; the message does not rely on it.
    title = f"{hostile}\r\nBcc: spy@evil.example"
    delivery = dataclasses.replace(
        delivery,
        summary=dataclasses.replace(delivery.summary, title=title),
        recipients=(Recipient("Nabil\nX-Evil: 1", "n@x.org"),),
    )
    message = BytesParser(policy=policy.default).parsebytes(
        as_bytes(build_message(delivery, ORGANIZER, NOW))
    )
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert "لقاء مع نبيل العربي" in message["Subject"] and "\n" not in message["Subject"]
    assert recipients(message) == {"n@x.org"}
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;Elaraby" in html


def test_ssl_from_the_start_works_too(store):
    trip_id = sample_store(store)
    trip = store.load_trip(trip_id)
    with LocalSmtp(implicit_tls=True) as server:
        settings = SmtpSettings(server.host, server.port, "ssl", USER)
        box = SmtpOutbox(settings, PASSWORD, server.client_context())
        plan = plan_invites(trip, [], ORGANIZER, now=NOW)
        report = send_plan(store, trip_id, plan, ORGANIZER, box, now=NOW)
        box.close()
        assert report.failures == () and len(server.received) == 6


def test_an_untrusted_certificate_is_one_clear_line(store, server):
    import ssl

    settings = SmtpSettings(server.host, server.port, "starttls", USER)
    box = SmtpOutbox(settings, PASSWORD, ssl.create_default_context())  # system CAs only
    with pytest.raises(SendError, match=r"^127\.0\.0\.1:\d+: secure connection failed: "):
        box.connect()


def test_a_meeting_back_after_its_cancel_outranks_it_and_so_do_later_changes(store, server):
    trip_id = sample_store(store)
    send(store, trip_id, server)
    trip = store.load_trip(trip_id)
    gone = trip.meeting("kerry-2014-12-m1-lavrov")
    store.delete_meeting(trip_id, gone.id)
    send(store, trip_id, server)  # the CANCEL, SEQUENCE + 1
    cancel_sequence = int(event_of(calendar_part(server.received[-1].message)[1])[1]["SEQUENCE"])
    assert cancel_sequence == gone.sequence + 1
    store.insert_meeting(trip_id, gone, 0)  # the deletion undone
    plan, _ = send(store, trip_id, server)
    [delivery] = plan.deliveries
    assert delivery.kind is Kind.NEW and delivery.sequence == cancel_sequence + 1
    _, event = event_of(calendar_part(server.received[-1].message)[1])
    assert int(event["SEQUENCE"]) == cancel_sequence + 1
    # A later move (the store's SEQUENCE + 1, still below what they hold) goes above it.
    start = datetime(2014, 12, 14, 20, tzinfo=ZoneInfo("Europe/Rome"))
    moved = store.load_trip(trip_id).meeting(gone.id)
    store.save_meeting(trip_id, moved.replace(time=ExactTime(start, start + timedelta(hours=3))))
    plan, _ = send(store, trip_id, server)
    [delivery] = plan.deliveries
    assert delivery.kind is Kind.UPDATE and delivery.sequence == cancel_sequence + 2
    assert send(store, trip_id, server)[0].deliveries == ()
