"""`search` and `--trip` as a user types them: a separate process, one line per answer."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from data.store import STORE_FILE
from tests.conftest import ROOT

KERRY = "Kerry: Rome – Paris – London, December 2014"


def shuttle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def second_trip(tmp_path, name: str) -> None:
    exported = tmp_path / "kerry.json"
    assert shuttle("export-trip", "-o", str(exported)).returncode == 0
    document = json.loads(exported.read_text())
    document["trip"]["name"] = name
    document["trip"]["meetings"] = document["trip"]["meetings"][:1]
    document["trip"]["meetings"][0]["title"] = "Talks with Lavrov again"
    exported.write_text(json.dumps(document))
    assert shuttle("import-trip", str(exported)).returncode == 0


def test_search_prints_one_line_per_meeting_of_every_trip(tmp_path):
    second_trip(tmp_path, "Kerry in Geneva, January 2015")
    result = shuttle("search", "LAVROV")
    assert result.returncode == 0 and result.stderr == ""
    assert sorted(result.stdout.splitlines()) == [
        "Kerry in Geneva, January 2015\t2014-12-14\tTalks with Lavrov again"
        "\tVilla Taverna, U.S. Ambassador's residence, Rome, Italy",
        f"{KERRY}\t2014-12-14\tTalks with Russian Foreign Minister Sergei Lavrov"
        "\tVilla Taverna, U.S. Ambassador's residence, Rome, Italy",
    ]
    limited = shuttle("search", "lavrov", "--limit", "1")
    assert len(limited.stdout.splitlines()) == 1


def test_search_words_are_all_required_and_never_query_syntax():
    assert shuttle("search", "parolin", "guantan").stdout.count("\n") == 1
    for text in ('"', "NEAR(", "lavrov OR netanyahu", "*"):
        result = shuttle("search", text)
        assert (result.returncode, result.stdout) == (1, ""), result.stderr
        assert result.stderr == "No meeting matches.\n"


def test_search_output_is_sanitised_for_the_terminal(tmp_path, data_dir):
    shuttle("trips")  # makes the store
    with sqlite3.connect(data_dir / STORE_FILE) as db:  # a store edited by another program
        db.execute("UPDATE meeting_search SET title = 'Lavrov \x1b]0;owned\x07talks\x1b[2J'")
    result = shuttle("search", "lavrov")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\tLavrov talks\t" in result.stdout


def test_trip_takes_a_unique_part_of_a_name(tmp_path):
    result = shuttle("agenda", "--trip", "kerry")
    assert result.returncode == 0 and "Lavrov" in result.stdout
    assert shuttle("--trip", "PARIS", "agenda").stdout == result.stdout  # before the command
    second_trip(tmp_path, "Kerry in Geneva, January 2015")
    ambiguous = shuttle("agenda", "--trip", "Kerry")
    assert ambiguous.returncode == 1 and ambiguous.stdout == ""
    assert ambiguous.stderr == (
        "shuttle: error: 'Kerry' is part of 2 trips' names "
        f"(1: {KERRY}; 2: Kerry in Geneva, January 2015); give more of the name, or the id\n"
    )
    assert "Lavrov again" in shuttle("agenda", "--trip", "geneva").stdout
    missing = shuttle("export-trip", "--trip", "Tokyo", "-o", str(tmp_path / "x.json"))
    assert missing.returncode == 1
    assert missing.stderr == (
        "shuttle: error: no trip has the id or name 'Tokyo'; 'trips' lists them\n"
    )


def test_trip_before_a_command_without_trips_is_refused():
    result = shuttle("--trip", "kerry", "trips")
    assert result.returncode == 2 and "trips takes no --trip" in result.stderr


def test_trip_before_files_to_open_is_an_option_not_a_file():
    import main

    assert main._split_files(["--trip", "Kerry", "a.ics"]) == (
        ["--trip", "Kerry"],
        [Path("a.ics")],
    )
    assert main._split_files(["--trip", "Kerry"]) == (["--trip", "Kerry"], [])


def test_sync_to_a_new_calendar_takes_no_part_of_a_name(data_dir):
    # With --url a name no trip has makes a new trip; a part of an existing name would be
    # read either way, so it is refused before anything is sent or made.
    result = shuttle("sync", "--trip", "Kerry: Rome", "--url", "http://127.0.0.1:9/cal/")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"shuttle: error: 'Kerry: Rome' is part of the name of trip 1 ({KERRY}): give its "
        "whole name or id to sync it, or another name for a new trip\n"
    )
    assert "Kerry: Rome\n" not in shuttle("trips").stdout
