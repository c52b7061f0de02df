"""The one reader, the one JSON parser and the one atomic writer (data/files.py)."""

import os
import stat

import pytest

from data import trip_file
from data.files import (
    FileRefused,
    JsonError,
    check_writable,
    parse_json,
    read_file,
    write_atomically,
)
from data.ics_common import IcsError
from data.ics_read import read_ics_file
from data.store import SAMPLE_TRIP
from data.trip_file import TripFileError

# -- reading ---------------------------------------------------------------------------------


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "trip.json"
    os.mkfifo(fifo)
    with pytest.raises(TripFileError, match=r"trip\.json: a named pipe \(FIFO\), not a trip file"):
        trip_file.read(fifo)
    with pytest.raises(IcsError, match="named pipe"):
        read_ics_file(fifo)


def test_a_device_that_never_ends_is_refused_before_reading():
    # stat says /dev/zero holds 0 bytes; reading it would never end.
    with pytest.raises(TripFileError, match="/dev/zero: a device, not a trip file"):
        trip_file.read("/dev/zero")
    with pytest.raises(IcsError, match="a device"):
        read_ics_file("/dev/zero")


def test_a_folder_and_a_missing_file_are_refused_clearly(tmp_path):
    with pytest.raises(TripFileError, match="a folder, not a trip file"):
        trip_file.read(tmp_path)
    with pytest.raises(TripFileError, match="No such file"):
        trip_file.read(tmp_path / "missing.json")


def test_the_size_cap_holds_whatever_stat_says(tmp_path):
    big = tmp_path / "big.ics"
    big.write_bytes(b"x" * 101)
    assert read_file(big, 101) == b"x" * 101
    with pytest.raises(FileRefused, match="larger than 100 bytes"):
        read_file(big, 100)


def test_a_symlink_to_a_regular_file_is_read(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(SAMPLE_TRIP)
    assert trip_file.read(link) == trip_file.read(SAMPLE_TRIP)


# -- JSON ------------------------------------------------------------------------------------


def test_deep_nesting_is_refused_at_its_line_and_column():
    text = '{"a":\n  ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(JsonError) as info:
        parse_json(text)
    assert (info.value.line, info.value.column) == (2, 3 + 31)
    assert "nested more than 32 levels" in str(info.value)


def test_brackets_inside_strings_do_not_count_as_nesting():
    assert parse_json('["' + "[" * 100 + '"]') == ["[" * 100]


def test_a_key_used_twice_is_refused_where_it_is_used_again():
    text = '{"a": {"b": 1,\n "c": [{"b": 2}], "b": 3}}'
    with pytest.raises(JsonError, match=r"line 2, column 19: key 'b' is used twice"):
        parse_json(text)
    # The same key in different objects is fine; escapes count as the key they spell.
    assert parse_json('[{"b": 1}, {"b": 2}]') == [{"b": 1}, {"b": 2}]
    with pytest.raises(JsonError, match="key 'b' is used twice"):
        parse_json('{"b": 1, "\\u0062": 2}')


def test_a_lone_surrogate_is_reported_in_the_users_file():
    text = '{\n  "title": "ok \\ud83d\\ude00",\n  "name": "bad \\udc00 here"\n}'
    with pytest.raises(JsonError, match=r"line 3, column 16: a lone surrogate"):
        parse_json(text)
    assert parse_json('"\\\\ud800"') == "\\ud800"  # an escaped backslash, not an escape


def test_trip_file_errors_point_at_the_users_line_and_column():
    text = SAMPLE_TRIP.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if '"traveller"' in line)
    lines.insert(index + 1, lines[index])  # the same key again
    with pytest.raises(TripFileError, match=rf"x\.json at line {index + 2}, column 5: key"):
        trip_file.loads("\n".join(lines), "x.json")
    bad = text.replace('"name": "Kerry', '"name": "\\ud800Kerry', 1)
    line = next(i for i, ln in enumerate(bad.splitlines(), 1) if "\\ud800" in ln)
    with pytest.raises(TripFileError, match=rf"at line {line}, column \d+: a lone surrogate"):
        trip_file.loads(bad, "x.json")


# -- writing ---------------------------------------------------------------------------------


def test_an_existing_file_is_replaced_only_when_asked(tmp_path):
    target = tmp_path / "out.ics"
    target.write_bytes(b"old")
    with pytest.raises(FileRefused, match="already exists"):
        write_atomically(b"new", target, overwrite=False)
    assert target.read_bytes() == b"old"
    target.chmod(0o640)
    write_atomically(b"new", target, overwrite=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]


def test_a_symlink_is_never_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"precious")
    link = tmp_path / "out.ics"
    link.symlink_to(elsewhere)
    for overwrite in (False, True):
        with pytest.raises(FileRefused, match="symbolic link"):
            write_atomically(b"new", link, overwrite=overwrite)
    assert elsewhere.read_bytes() == b"precious"
    assert link.is_symlink()


def test_a_read_only_file_is_refused_even_with_overwrite(tmp_path):
    target = tmp_path / "out.ics"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(FileRefused, match="read-only"):
        write_atomically(b"new", target, overwrite=True)
    assert target.read_bytes() == b"old"


def test_folders_devices_and_missing_folders_are_refused(tmp_path):
    with pytest.raises(FileRefused, match="a folder"):
        check_writable(tmp_path, overwrite=True)
    with pytest.raises(FileRefused, match="a device"):
        check_writable("/dev/null", overwrite=True)
    with pytest.raises(FileRefused, match="no folder"):
        check_writable(tmp_path / "nowhere" / "x.ics")
