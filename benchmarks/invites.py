"""Benchmark: a trip's invites sent to a real local SMTP server (STARTTLS and AUTH).

The figure is Send Invites as the window and ``send-invites`` run it: plan against the
record, build each iMIP message, send it, record who accepted it, report progress. The
baseline sends the same messages, built beforehand, through ``smtplib`` alone over the
same kind of connection: what any mailer must pay for the server's work.
"""

from __future__ import annotations

import dataclasses
import smtplib
import statistics
import time
from datetime import UTC, datetime

from benchmarks import datasets
from data.ics_common import Organizer
from data.imip import build_message
from data.invitations import plan_invites
from data.mail_out import SmtpOutbox, SmtpSettings, send_plan
from data.model import Trip
from data.store import Store
from tests.smtp_server import PASSWORD, USER, LocalSmtp

ORGANIZER = Organizer("Benchmark Officer", "officer@bench.example")
NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def invite_trip(count: int) -> Trip:
    """``count`` meetings over 50 places, each participant with an address."""
    trip = datasets.trip("Invites", count, min(50, count), 10)
    meetings = tuple(
        m.replace(
            participants=tuple(
                dataclasses.replace(p, email=p.name.lower().replace(" ", ".") + "@bench.example")
                for p in m.participants
            )
        )
        for m in trip.meetings
    )
    return trip.replace(meetings=meetings)


def send_all(trip: Trip, server: LocalSmtp) -> tuple[float, int]:
    """Seconds to send every invite of ``trip`` from a fresh store; progress calls seen."""
    calls: list[int] = []
    with Store.connect(":memory:", seed=False) as store:
        trip_id = store.add_trip(trip).trip_id
        settings = SmtpSettings(server.host, server.port, "starttls", USER)
        start = time.perf_counter()
        outbox = SmtpOutbox(settings, PASSWORD, server.client_context())
        plan = plan_invites(trip, store.sent_invitations(trip_id), ORGANIZER, now=NOW)
        report = send_plan(
            store, trip_id, plan, ORGANIZER, outbox, now=NOW, progress=lambda n, _: calls.append(n)
        )
        outbox.close()
        elapsed = time.perf_counter() - start
    assert not report.failures and len(report.sent) == len(trip.meetings), report.failures[:1]
    return elapsed, len(calls)


def send_plain(trip: Trip, server: LocalSmtp) -> float:
    """The same messages, built beforehand, through smtplib alone."""
    plan = plan_invites(trip, [], ORGANIZER, now=NOW)
    messages = [(build_message(d, ORGANIZER, NOW), d.recipients) for d in plan.deliveries]
    start = time.perf_counter()
    with smtplib.SMTP(server.host, server.port) as client:
        client.starttls(context=server.client_context())
        client.login(USER, PASSWORD)
        for message, people in messages:
            client.send_message(message, ORGANIZER.email, [p.email for p in people])
    return time.perf_counter() - start


def measure(count: int, runs: int) -> tuple[float, float, int]:
    """(ours, baseline, progress calls), medians of ``runs``, interleaved."""
    trip = invite_trip(count)
    ours, plain, calls = [], [], 0
    with LocalSmtp() as server:
        for _ in range(runs):
            elapsed, calls = send_all(trip, server)
            ours.append(elapsed)
            plain.append(send_plain(trip, server))
    return statistics.median(ours), statistics.median(plain), calls
