"""The headless commands, run as a user runs them: a separate process."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def shuttle(*args, check=True):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_help_lists_every_command():
    out = shuttle("--help").stdout
    for command in (
        "trips",
        "agenda",
        "import-trip",
        "export-trip",
        "export-ics",
        "import-ics",
        "settings",
        "place",
        "--data-dir",
    ):
        assert command in out


def test_trips_lists_the_seeded_sample():
    out = shuttle("trips").stdout
    assert re.search(r"^\s+1\s+2014-12-14 – 2014-12-16\s+6\s+Kerry: Rome", out, re.M)


def test_agenda_prints_the_six_meetings_in_order_on_their_days():
    out = shuttle("agenda").stdout
    days = ["Sunday 14 December 2014", "Monday 15 December 2014", "Tuesday 16 December 2014"]
    titles = ["Lavrov", "Parolin", "Netanyahu", "foreign ministers", "Erakat", "Elaraby"]
    positions = [
        out.index(t)
        for t in days[:1] + titles[:1] + days[1:2] + titles[1:4] + days[2:] + titles[4:]
    ]
    assert positions == sorted(positions)
    assert out.count("time TBC") == 6
    assert not re.search(r"\b\d\d:\d\d\b", out)  # no invented clock time
    assert "Paris-Orly Airport (ORY)" in out and "London (venue not reported)" in out
    assert "Federica Mogherini (attendance uncertain)" in out


def test_agenda_with_a_second_zone_and_a_bad_zone():
    assert "TBC (Rome +6 h)" in shuttle("agenda", "--tz", "America/New_York").stdout
    bad = shuttle("agenda", "--tz", "Mars/Olympus", check=False)
    assert bad.returncode == 1
    assert "unknown time zone 'Mars/Olympus'" in bad.stderr


def test_export_then_import_a_trip(tmp_path):
    out = tmp_path / "kerry.json"
    shuttle("export-trip", "--trip", "1", "-o", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    document["trip"]["name"] = "Kerry, copy"
    out.write_text(json.dumps(document), encoding="utf-8")
    assert "Imported trip 2: Kerry, copy (6 meetings)" in shuttle("import-trip", str(out)).stdout
    assert "Kerry, copy" in shuttle("agenda", "--trip", "Kerry, copy").stdout
    again = shuttle("import-trip", str(out), check=False)
    assert again.returncode == 1 and "already in the store" in again.stderr
    assert "Replaced trip 2" in shuttle("import-trip", "--replace", str(out)).stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ not json", "line 1, column 3"),
        (
            '{"format": "shuttle-trip", "schema_version": 1, "trip": {"name": "x"}}',
            "trip.traveller: required field is missing",
        ),
    ],
)
def test_a_bad_trip_file_is_refused_and_the_store_is_unchanged(tmp_path, content, message):
    before = shuttle("trips").stdout
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = shuttle("import-trip", str(bad), check=False)
    assert result.returncode == 1
    assert str(bad) in result.stderr and message in result.stderr
    assert shuttle("trips").stdout == before


def test_an_unknown_trip_is_a_clear_error():
    result = shuttle("agenda", "--trip", "Nonexistent", check=False)
    assert result.returncode == 1
    assert "no trip has the id or name 'Nonexistent'" in result.stderr


def test_data_dir_option_wins(tmp_path):
    shuttle("--data-dir", str(tmp_path), "trips")
    assert (tmp_path / "shuttle.sqlite3").exists()


def test_place_lookup_offline():
    out = shuttle("place", "Paris").stdout
    assert "Europe/Paris" in out and "Paris, France" in out.splitlines()[0]
    missing = shuttle("place", "Qwertyuiopville", check=False)
    assert missing.returncode == 1 and "--online" in missing.stderr


def test_export_ics_invites_settings_and_import_ics(tmp_path):
    out = tmp_path / "trip.ics"
    assert "Wrote" in shuttle("export-ics", "-o", str(out)).stdout
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    one = tmp_path / "one.ics"
    shuttle("export-ics", "--meeting", "kerry-2014-12-m1-lavrov", "-o", str(one))
    assert one.read_bytes().count(b"BEGIN:VEVENT") == 1
    missing = shuttle("export-ics", "--invites", str(tmp_path / "inv"), check=False)
    assert missing.returncode == 1 and "--organizer" in missing.stderr
    shuttle("settings", "organizer", "Jane Doe <jane@example.org>")
    assert shuttle("settings", "organizer").stdout == "Jane Doe <jane@example.org>\n"
    invites = shuttle("export-ics", "--invites", str(tmp_path / "inv")).stdout
    assert "0 invites written, 6 meetings skipped" in invites
    bad = shuttle("settings", "organizer", "nobody", check=False)
    assert bad.returncode == 1 and "NAME <EMAIL>" in bad.stderr
    copy = tmp_path / "copy.ics"
    copy.write_bytes(out.read_bytes().replace(b"X-WR-CALNAME", b"X-OTHER"))
    assert "into trip 2: copy; 6 meetings" in shuttle("import-ics", str(copy)).stdout
    assert "0 meetings added or changed" in shuttle("import-ics", str(copy)).stdout
    before = shuttle("trips").stdout
    broken = tmp_path / "broken.ics"
    broken.write_bytes(out.read_bytes()[:500])
    result = shuttle("import-ics", str(broken), check=False)
    assert result.returncode == 1 and f"{broken}, line" in result.stderr
    assert "truncated" in result.stderr
    assert shuttle("trips").stdout == before


def agenda_in(lang):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "agenda", "--tz", "America/New_York"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "LANG": lang},
    )
    return result.stdout


def test_agenda_in_french_dates_the_days_in_french():
    out = agenda_in("fr_FR.UTF-8")
    assert "dimanche 14 décembre 2014" in out and "mardi 16 décembre 2014" in out
    assert "Sunday" not in out and "December 2014\n" not in out.split("\n", 3)[3]
    assert "Talks with Russian Foreign Minister Sergei Lavrov" in out  # the trip's own words


def test_agenda_in_arabic_has_arabic_month_and_day_names():
    out = agenda_in("ar_EG.UTF-8")
    assert "الأحد، 14 ديسمبر 2014" in out and "الثلاثاء، 16 ديسمبر 2014" in out
    assert "Sunday" not in out


def test_agenda_in_english_or_the_c_locale_is_unchanged():
    for lang in ("en_US.UTF-8", "C", ""):
        assert "Sunday 14 December 2014" in agenda_in(lang)


def modules_after(*args):
    """The modules a command has imported when it finishes (run in a fresh interpreter)."""
    code = (
        "import sys; sys.argv[0] = 'main.py'; import main; "
        f"status = main.main({list(args)!r}); print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(done.stdout.splitlines()[-1].split())


def test_each_command_imports_only_what_it_needs(tmp_path):
    shuttle("trips")  # seeds the store first (the sample trip is a validated file)
    trips = modules_after("trips")
    assert "data.store" in trips
    assert not {"pydantic", "icalendar", "geopy", "geographiclib", "PySide6"} & trips
    agenda = modules_after("agenda")
    assert "geographiclib" in agenda  # its legs' distances
    # The store's rows are read back without pydantic (data/trip_rows.py).
    assert not {"pydantic", "icalendar", "geopy", "PySide6", "folium"} & agenda
    exported = modules_after("export-ics", "-o", str(tmp_path / "trip.ics"))
    assert not {"pydantic", "icalendar", "geopy", "PySide6", "folium"} & exported


def test_print_in_french(tmp_path):
    target = tmp_path / "trip.pdf"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "print", "--pdf", str(target)],
        capture_output=True,
        check=True,
        env={**os.environ, "LANG": "fr_FR.UTF-8"},
    )
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Voyageur :", "dimanche 14 décembre 2014", "Page 1 sur", "heure à confirmer"):
        assert words in text
    assert "Talks with Russian Foreign Minister Sergei Lavrov" in text  # the trip's own words


def test_a_file_to_open_that_is_not_there_is_one_line(tmp_path):
    result = shuttle(str(tmp_path / "gone.ics"), check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == f"shuttle: error: {tmp_path / 'gone.ics'}: no such file"


def test_files_are_told_apart_from_commands():
    import main

    assert main._split_files(["agenda", "--tz", "UTC"]) == (["agenda", "--tz", "UTC"], [])
    assert main._split_files(["--data-dir", "d", "a.ics", "b.ics"]) == (
        ["--data-dir", "d"],
        [Path("a.ics"), Path("b.ics")],
    )
    assert main._split_files(["--data-dir=d", "trips"]) == (["--data-dir=d", "trips"], [])
    assert main._split_files(["-h"]) == (["-h"], [])


def test_import_ics_takes_a_series_in_dates_and_says_what_it_ignored(tmp_path):
    crafted = ROOT / "tests" / "data" / "ics_corpus" / "crafted"
    series = str(crafted / "weekly-series.ics")
    out = shuttle("import-ics", series, "--from", "2026-10-01", "--to", "2026-10-31").stdout
    assert "repeating events: 3 occurrence(s) from 2026-10-01 to 2026-10-31 taken" in out
    assert "into trip 2: weekly-series; 3 meetings added or changed" in out
    cancel = tmp_path / "cancel.ics"
    cancel.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\n"
        b"UID:ghost@elsewhere\r\nDTSTAMP:20260901T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    out = shuttle("import-ics", str(cancel), "--trip", "weekly-series").stdout
    assert (
        f"{cancel}: line 5 (ghost@elsewhere): ignored CANCEL for a meeting this trip "
        "does not have\n" in out
    )
    refused = shuttle("import-ics", str(crafted / "method-counter.ics"), check=False)
    assert refused.returncode == 1
    assert "method-counter.ics, line 4: METHOD:COUNTER is not supported" in refused.stderr
    half = shuttle("import-ics", series, "--from", "2026-10-01", check=False)
    assert half.returncode == 1 and "--from and --to go together" in half.stderr


def test_export_ics_adds_internal_data_only_when_asked(tmp_path):
    public, team = tmp_path / "public.ics", tmp_path / "team.ics"
    shuttle("export-ics", "-o", str(public))
    shuttle("export-ics", "--internal", "-o", str(team))
    assert b"X-SHUTTLE-PARTICIPANT" not in public.read_bytes()
    assert b"X-SHUTTLE-PARTICIPANT" in team.read_bytes()
    wrong = shuttle("export-ics", "--internal", "--invites", str(tmp_path / "inv"), check=False)
    assert wrong.returncode == 1 and "--internal goes with -o" in wrong.stderr
