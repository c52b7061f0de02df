"""`sync` and `serve-calendar` from the command line, against a real Radicale."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

from icalendar import Calendar

from data.caldav_sync import PASSWORD_ENV
from data.ics_common import meeting_uid
from tests.conftest import ROOT
from tests.radicale import USERS, free_port
from tests.test_cli import shuttle


def test_sync_sends_the_trip_then_reports_conflicts_and_settles_them(radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, USERS["alice"])
    first = shuttle("sync", "--url", radicale.url, "--user", "alice")
    assert first.stdout.startswith("synced: 6 sent, 0 received (http://127.0.0.1:")
    collection = first.stdout.split("(", 1)[1].split(")", 1)[0]
    assert shuttle("sync").stdout.startswith("synced: 0 sent, 0 received")  # remembered

    calendar = radicale.client().calendar(url=collection)
    obj = next(o for o in calendar.search(event=True) if "Lavrov" in o.data)
    parsed = Calendar.from_ical(obj.data)
    event = parsed.walk("VEVENT")[0]
    uid = str(event["UID"])
    event["SUMMARY"] = "Lavrov: changed by Bob"
    obj.data = parsed.to_ical().decode()
    obj.save()
    meeting_id = uid.removesuffix("@shuttle")
    assert meeting_uid(meeting_id) == uid
    # Alice changes the same meeting here.
    from data.store import Store

    with Store.open() as store:
        trip_id = store.resolve(None)
        meeting = store.load_trip(trip_id).meeting(meeting_id)
        store.save_meeting(trip_id, meeting.replace(title="Lavrov: changed by Alice"))

    clash = shuttle("sync")
    assert f"conflict: “Lavrov: changed by Alice” ({meeting_id})" in clash.stdout
    assert clash.returncode == 0
    settled = shuttle("sync", "--take-server", meeting_id)
    assert "conflict" not in settled.stdout
    assert "Lavrov: changed by Bob" in shuttle("agenda").stdout


def test_sync_failures_exit_non_zero_with_one_line(radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "not her password")
    refused = shuttle("sync", "--url", radicale.url, "--user", "alice", check=False)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert "refused user 'alice'" in refused.stderr
    down = f"http://127.0.0.1:{free_port()}/"
    unreachable = shuttle("sync", "--url", down, "--user", "alice", check=False)
    assert unreachable.returncode == 1
    assert unreachable.stderr == (
        f"shuttle: error: cannot reach the calendar server at {down}: Connection refused\n"
    )
    monkeypatch.delenv(PASSWORD_ENV)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    missing = shuttle("sync", "--url", radicale.url, "--user", "alice", check=False)
    assert missing.returncode == 1 and PASSWORD_ENV in missing.stderr


def test_serve_calendar_runs_radicale_with_its_users_for_sync(tmp_path, monkeypatch):
    folder = tmp_path / "server"
    monkeypatch.setenv(PASSWORD_ENV, "team-secret")
    added = shuttle("serve-calendar", "--dir", str(folder), "--add-user", "carol")
    assert "carol" in added.stdout
    assert (folder / "users").read_text().startswith("carol:$2")  # bcrypt, never plain
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve-calendar", "--dir", str(folder),
         "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        assert banner.startswith(f"Calendar server at http://127.0.0.1:{port}/ for carol")
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
        url = f"http://127.0.0.1:{port}/"
        done = shuttle("sync", "--url", url, "--user", "carol")
        assert done.stdout.startswith("synced: 6 sent")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


def test_serve_calendar_without_users_says_how_to_add_one(tmp_path):
    empty = shuttle("serve-calendar", "--dir", str(tmp_path / "s"), check=False)
    assert empty.returncode == 1
    assert "serve-calendar --add-user NAME" in empty.stderr
