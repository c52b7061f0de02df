"""`send-invites` and `import-ics` of an .eml, run as a user runs them: a separate process,
against a real SMTP server (aiosmtpd with STARTTLS and AUTH) or into a folder."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from data.model import ExactTime, Reply
from data.store import Store
from tests.conftest import ROOT
from tests.data.invite_helpers import (
    ORGANIZER,
    attachment,
    calendar_part,
    email_for,
    event_of,
    recipients,
    reply_email,
    sample_store,
)
from tests.smtp_server import PASSWORD, USER, LocalSmtp, free_port

SENDER = f"{ORGANIZER.name} <{ORGANIZER.email}>"


@pytest.fixture
def trip_id(data_dir: Path) -> int:
    with Store.open(data_dir) as store:
        return sample_store(store)


@pytest.fixture
def server():
    with LocalSmtp() as running:
        yield running


def shuttle(*args: str, password: str | None = PASSWORD, cert: Path | None = None):
    env = dict(os.environ)
    env.pop("SHUTTLE_SMTP_PASSWORD", None)
    if password is not None:
        env["SHUTTLE_SMTP_PASSWORD"] = password
    if cert is not None:
        env["SSL_CERT_FILE"] = str(cert)  # the client trusts the test's certificate
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
    )


def over_smtp(server: LocalSmtp, *extra: str, password: str | None = PASSWORD):
    return shuttle(
        "send-invites",
        "--organizer",
        SENDER,
        "--smtp",
        server.address,
        "--smtp-user",
        USER,
        "--starttls",
        *extra,
        password=password,
        cert=server.cert,
    )


def recorded(data_dir: Path, trip_id: int) -> list:
    with Store.open(data_dir) as store:
        return store.sent_invitations(trip_id)


def test_send_invites_over_smtp_then_again_sends_nothing(trip_id, server, data_dir):
    done = over_smtp(server)
    assert done.returncode == 0, done.stderr
    assert "16 of 16 recipients sent through 127.0.0.1:" in done.stdout
    assert "No email address, not invited: 'Meeting with chief Palestinian" in done.stdout
    assert len(server.received) == 6
    for received in server.received:
        assert calendar_part(received.message)[0] == "REQUEST"
    again = over_smtp(server)
    assert again.returncode == 0, again.stderr
    assert "0 messages to send for the whole trip (6 meetings); nothing sent" in again.stdout
    assert len(server.received) == 6


def test_a_wrong_password_is_one_line_and_nothing_is_recorded(trip_id, server, data_dir):
    done = over_smtp(server, password="not it")
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("shuttle: error: 16 of 16 not sent: ")
    assert f"refused the login for {USER}: 535" in last
    assert "not it" not in done.stderr + done.stdout
    assert recorded(data_dir, trip_id) == [] and server.received == []
    assert over_smtp(server).returncode == 0
    assert len(server.received) == 6


def test_no_password_anywhere_is_a_clear_message(trip_id, server):
    done = over_smtp(server, password=None)
    assert done.returncode == 1
    assert "no password for officer@127.0.0.1: set SHUTTLE_SMTP_PASSWORD" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_refused_recipient_is_listed_and_retried_alone(trip_id, server, data_dir):
    refused = email_for("Philip Hammond")
    server.handler.refuse = {refused}
    done = over_smtp(server)
    assert done.returncode == 1
    title = "Dinner with the French, German and British foreign ministers"
    assert f"shuttle: not sent: {title!r} to {refused}: refused by the server (550" in done.stderr
    assert refused not in {r.email for r in recorded(data_dir, trip_id)}
    server.handler.refuse = set()
    retry = over_smtp(server)
    assert retry.returncode == 0, retry.stderr
    [last] = server.received[6:]
    assert last.recipients == [refused]


def test_an_unreachable_server_and_bad_options_are_one_line_each(trip_id):
    done = shuttle(
        "send-invites", "--organizer", SENDER, "--smtp", f"127.0.0.1:{free_port()}", "--starttls"
    )
    assert done.returncode == 1
    assert "not sent: cannot reach 127.0.0.1:" in done.stderr.splitlines()[-1]
    plain = shuttle(
        "send-invites", "--organizer", SENDER, "--smtp", "localhost", "--smtp-user", "me"
    )
    assert plain.returncode == 1
    assert "add --starttls or --ssl" in plain.stderr
    bad = shuttle("send-invites", "--organizer", "nobody", "--eml-dir", "x")
    assert bad.returncode == 1 and "organizer:" in bad.stderr
    unknown = shuttle("send-invites", "--organizer", SENDER, "--eml-dir", "x", "--meeting", "zz")
    assert unknown.returncode == 1 and "has no meeting 'zz'" in unknown.stderr


def test_a_bad_address_is_reported_and_the_rest_sent(trip_id, data_dir, tmp_path):
    with Store.open(data_dir) as store:
        trip = store.load_trip(trip_id)
        meeting = trip.meeting("kerry-2014-12-m1-lavrov")
        people = list(meeting.participants)
        people[1] = people[1].__class__(people[1].name, email="lavrov@@mid.example")
        store.save_meeting(trip_id, meeting.replace(participants=tuple(people)))
    out = tmp_path / "out"
    done = shuttle("send-invites", "--organizer", SENDER, "--eml-dir", str(out))
    assert done.returncode == 1
    assert "'lavrov@@mid.example' is not a valid email address" in done.stderr
    assert len(list(out.glob("*.eml"))) == 6  # Kerry still gets the Lavrov invite


def test_dry_run_says_what_and_records_nothing(trip_id, data_dir, tmp_path):
    done = shuttle(
        "send-invites", "--organizer", SENDER, "--eml-dir", str(tmp_path / "x"), "--dry-run"
    )
    assert done.returncode == 0, done.stderr
    assert "Would send new 'Talks with Russian Foreign Minister Sergei Lavrov' to " in done.stdout
    assert not (tmp_path / "x").exists() and recorded(data_dir, trip_id) == []


def test_eml_files_are_named_by_date_and_title_and_parse_like_the_mail(trip_id, data_dir, tmp_path):
    folder = tmp_path / "new" / "invites"
    done = shuttle("send-invites", "--organizer", SENDER, "--eml-dir", str(folder))
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "2014-12-14-Talks-with-Russian-Foreign-Minister-Sergei-Lavrov.eml"
    assert len(names) == 6
    for path in folder.iterdir():
        message = read_eml(path)
        method, data = calendar_part(message)
        assert method == "REQUEST" and attachment(message) == data
        assert event_of(data)[0] == "REQUEST"
        assert recipients(message)
    again = shuttle("send-invites", "--organizer", SENDER, "--eml-dir", str(folder))
    assert again.returncode == 0 and len(list(folder.iterdir())) == 6
    with Store.open(data_dir) as store:
        meeting = store.load_trip(trip_id).meeting("kerry-2014-12-m1-lavrov")
        start = datetime(2014, 12, 14, 20, tzinfo=ZoneInfo("Europe/Rome"))
        timed = ExactTime(start, start + timedelta(hours=3))
        store.save_meeting(trip_id, meeting.replace(time=timed))
    moved = shuttle("send-invites", "--organizer", SENDER, "--eml-dir", str(folder))
    assert moved.returncode == 0, moved.stderr
    update = folder / "2014-12-14-Talks-with-Russian-Foreign-Minister-Sergei-Lavrov-update.eml"
    message = read_eml(update)
    assert message["Subject"].startswith("Updated: ")
    assert event_of(calendar_part(message)[1])[1]["DTSTART"].dt == start


def read_eml(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def test_import_ics_refuses_an_email_without_a_calendar(tmp_path):
    mail = EmailMessage()
    mail["Subject"] = "hello"
    mail.set_content("no calendar here")
    path = tmp_path / "hello.eml"
    path.write_bytes(mail.as_bytes())
    done = shuttle("import-ics", str(path))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"shuttle: error: {path}: this email carries no calendar (no text/calendar part)"
    )


def test_a_reply_eml_updates_the_attendees_answer_only(trip_id, data_dir, tmp_path):
    folder = tmp_path / "out"
    assert shuttle("send-invites", "--organizer", SENDER, "--eml-dir", str(folder)).returncode == 0
    [sent] = folder.glob("2014-12-14-*.eml")
    lavrov = email_for("Sergei Lavrov")
    reply = tmp_path / "Accepted.eml"
    reply.write_bytes(reply_email(read_eml(sent), lavrov, "ACCEPTED"))
    with Store.open(data_dir) as store:
        before = store.load_trip(trip_id).meeting("kerry-2014-12-m1-lavrov")
    done = shuttle("import-ics", str(reply), "--trip", str(trip_id))
    assert done.returncode == 0, done.stderr
    with Store.open(data_dir) as store:
        after = store.load_trip(trip_id).meeting("kerry-2014-12-m1-lavrov")
    answers = {p.email: p.reply for p in after.participants}
    assert answers[lavrov] is Reply.ACCEPTED
    assert after.replace(participants=before.participants) == before  # nothing else moved
    # An answer is not a change: nothing to send again.
    again = shuttle("send-invites", "--organizer", SENDER, "--eml-dir", str(folder))
    assert "0 messages to send" in again.stdout
