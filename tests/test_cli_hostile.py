"""The command line against hostile files and targets: one clear line, nothing lost."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from data import trip_file
from data.files import FileRefused
from data.ics_common import Organizer
from data.ics_export import write_invites
from data.model import Participant
from data.store import SAMPLE_TRIP, STORE_FILE, Store
from tests.conftest import ROOT
from tests.full_disk import fill


def shuttle(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,  # a safety net against a hang, not a timing assertion
    )


def refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("shuttle: error: ") and result.stderr.count("\n") == 1
    for word in words:
        assert word in result.stderr


@pytest.mark.parametrize("command", [["export-trip"], ["export-ics"]])
def test_an_existing_file_is_replaced_only_with_force(data_dir, tmp_path, command):
    target = tmp_path / "out"
    target.write_text("keep me")
    refused(shuttle(data_dir, *command, "-o", str(target)), "already exists", "--force")
    assert target.read_text() == "keep me"
    assert shuttle(data_dir, *command, "-o", str(target), "--force").returncode == 0
    assert target.read_text() != "keep me"


def test_a_symlink_is_not_written_through_even_with_force(data_dir, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    link = tmp_path / "trip.ics"
    link.symlink_to(precious)
    refused(shuttle(data_dir, "export-ics", "-o", str(link), "--force"), "symbolic link")
    assert precious.read_text() == "precious" and link.is_symlink()


def test_a_read_only_target_is_refused_even_with_force(data_dir, tmp_path):
    target = tmp_path / "trip.json"
    target.write_text("old")
    target.chmod(0o444)
    refused(shuttle(data_dir, "export-trip", "-o", str(target), "--force"), "read-only")
    assert target.read_text() == "old"


def test_print_refuses_an_existing_pdf_before_rendering(data_dir, tmp_path):
    pdf = tmp_path / "itinerary.pdf"
    pdf.write_bytes(b"%PDF-1.4 old")
    refused(shuttle(data_dir, "print", "--pdf", str(pdf)), "already exists", "--force")
    assert pdf.read_bytes() == b"%PDF-1.4 old"


def test_invites_replace_nothing_unless_asked(tmp_path):
    trip = trip_file.read(SAMPLE_TRIP)
    first = trip.meetings[0]
    guest = Participant("Guest", email="guest@example.org")
    trip = trip.replace(meetings=(first.replace(participants=(guest,)), *trip.meetings[1:]))
    organizer = Organizer("Jane Doe", "jane@example.org")
    [written] = write_invites(trip, tmp_path, organizer).written
    written.write_text("edited by hand")
    with pytest.raises(FileRefused, match="already exists"):
        write_invites(trip, tmp_path, organizer, overwrite=False)
    assert written.read_text() == "edited by hand"


def test_an_empty_zone_is_refused(data_dir):
    refused(shuttle(data_dir, "agenda", "--tz", ""), "--tz", "unknown time zone ''")


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_import_refuses_what_is_not_a_file_without_hanging(data_dir, tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "trip.json"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path
    for command in ("import-trip", "import-ics"):
        refused(shuttle(data_dir, command, str(path)), str(path), "not a")


def test_trip_text_cannot_drive_the_terminal(data_dir):
    Store.open(data_dir).close()
    hostile = "Kerry\x1b]0;owned\x07\x1b[2J\x1b[31m"
    with sqlite3.connect(data_dir / STORE_FILE) as db:  # past the model's own checks
        db.execute("UPDATE trips SET name = ?", (hostile,))
    db.close()
    listed = shuttle(data_dir, "trips")
    assert listed.returncode == 0 and "Kerry" in listed.stdout
    agenda = shuttle(data_dir, "agenda")
    for out in (listed.stdout, listed.stderr, agenda.stdout, agenda.stderr):
        assert not any(c in out for c in "\x1b\x07\x9b")
    refused(agenda, "control character")


def test_a_full_disk_leaves_the_old_pdf_whole(data_dir, small_disk):
    pdf = small_disk / "itinerary.pdf"
    assert shuttle(data_dir, "print", "--pdf", str(pdf)).returncode == 0
    old = pdf.read_bytes()
    assert old.startswith(b"%PDF")
    fill(small_disk)
    result = shuttle(data_dir, "print", "--pdf", str(pdf), "--force")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert pdf.read_bytes() == old
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "itinerary.pdf"]
