"""A store that heals: concurrent first opens, foreign and damaged files, backups and
restoring them, a read-only file, a full disk and a killed import."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from data import backups, trip_file
from data.store import (
    MIGRATIONS,
    SAMPLE_TRIP,
    STORE_FILE,
    Store,
    StoreError,
    list_backups,
    restore_backup,
)
from tests.conftest import ROOT
from tests.full_disk import fill


def shuttle(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def big_trip_file(path: Path, meetings: int) -> Path:
    document = json.loads(SAMPLE_TRIP.read_text(encoding="utf-8"))
    trip = document["trip"]
    template = trip["meetings"][0]
    trip["name"] = f"Big trip of {meetings}"
    trip["meetings"] = [
        {**template, "id": f"m{i}", "title": f"Meeting {i} " + "x" * 200} for i in range(meetings)
    ]
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def whole(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    assert store.integrity_check() == []
    return store


# -- opening ---------------------------------------------------------------------------------


def test_several_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    script = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        go = Path(sys.argv[1])
        while not go.exists():
            time.sleep(0.005)
        from data.store import Store
        with Store.open(sys.argv[2]) as store:
            print(len(store.trips()))
        """
    )
    for round_ in range(4):
        folder = tmp_path / f"store{round_}"
        go = tmp_path / f"go{round_}"
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", script, str(go), str(folder)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        go.touch()
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
            assert out.strip() == "1"  # the sample, seeded once
        with sqlite3.connect(folder / STORE_FILE) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_foreign_database_is_refused_untouched(tmp_path):
    path = tmp_path / STORE_FILE
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"not a Shuttle store .* left untouched"):
        Store.connect(path)
    assert path.read_bytes() == before  # still in rollback-journal mode, not WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE_FILE]


def test_a_newer_store_is_refused_untouched(tmp_path):
    path = tmp_path / STORE_FILE
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer Shuttle"):
        Store.connect(path)
    assert path.read_bytes() == before


def test_a_tampered_derived_column_does_not_break_the_trip_list(data_dir):
    Store.open(data_dir).close()
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        db.execute("UPDATE trips SET first_day = 'yesterday', opened_at = 'soon'")
    db.close()
    with Store.open(data_dir) as store:
        [summary] = store.trips()
        assert summary.first_day is None and summary.opened_at is None
    result = shuttle(data_dir, "trips")
    assert result.returncode == 0, result.stderr


# -- damage and backups ----------------------------------------------------------------------


def damage(path: Path) -> None:
    """Scribble over the b-tree pages after the first (the header stays readable)."""
    page = 4096
    with path.open("r+b") as file:
        file.seek(page)
        file.write(bytes(range(256)) * (page * 3 // 256))


def test_a_damaged_store_is_detected_and_restored_from_its_backup(data_dir):
    with Store.open(data_dir) as store:  # a new store: the day's backup is taken
        assert [b.reason for b in list_backups(data_dir)] == ["daily"]
        sample = store.load_trip(store.resolve(None))
    store_path = data_dir / STORE_FILE
    damage(store_path)
    with pytest.raises(StoreError, match=r"is damaged .*restore-backup --list"):
        Store.open(data_dir)
    failed = shuttle(data_dir, "trips")
    assert failed.returncode == 1
    assert failed.stderr.count("\n") == 1 and "damaged" in failed.stderr

    listed = shuttle(data_dir, "restore-backup", "--list")
    assert listed.returncode == 0, listed.stderr
    [name] = [line.split()[0] for line in listed.stdout.splitlines()]
    restored = shuttle(data_dir, "restore-backup", name)
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout

    with whole(data_dir) as store:
        assert store.load_trip(store.resolve(None)) == sample
    kept = [p for p in data_dir.iterdir() if ".replaced-" in p.name]
    assert kept  # the damaged file is kept, not deleted
    assert shuttle(data_dir, "check-store").stdout.endswith(": ok\n")


def test_a_damaged_backup_is_not_restored(data_dir):
    Store.open(data_dir).close()
    [backup] = list_backups(data_dir)
    damage(backup.path)
    before = (data_dir / STORE_FILE).read_bytes()
    with pytest.raises(StoreError, match=r"cannot restore: .*(damaged too|not a readable)"):
        restore_backup(data_dir, backup.path.name)
    assert (data_dir / STORE_FILE).read_bytes() == before


def test_a_backup_is_taken_before_each_migration(data_dir):
    path = data_dir / STORE_FILE
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO trips (name, traveller, home_timezone, notes, created_at)"
        " VALUES ('Old', 'X', 'UTC', '', '2025-01-01T00:00:00+00:00')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store.connect(path, seed=False) as store:
        assert store.schema_version == len(MIGRATIONS)
    migration = [b for b in list_backups(data_dir) if b.reason == "before-schema-2"]
    assert len(migration) == 1
    with sqlite3.connect(migration[0].path) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT name FROM trips").fetchall() == [("Old",)]
    copy.close()


def test_daily_backups_and_only_the_newest_are_kept(data_dir):
    with Store.open(data_dir) as store:
        assert not backups.due(store.path)
        later = datetime.now(UTC) + timedelta(days=1, minutes=1)
        assert backups.due(store.path, now=later)
        for _ in range(backups.KEEP + 3):
            store.backup_now("manual")
        kept = list_backups(data_dir)
    assert len(kept) == backups.KEEP
    assert all(b.reason == "manual" for b in kept)  # the oldest (the daily one) went first


# -- read-only -------------------------------------------------------------------------------


def test_a_read_only_store_opens_read_only_with_a_notice(data_dir):
    Store.open(data_dir).close()
    (data_dir / STORE_FILE).chmod(0o444)
    with Store.open(data_dir) as store:
        assert store.read_only and "read-only" in store.notice
        assert len(store.trips()) == 1
        with pytest.raises(StoreError, match="read-only"):
            store.create_trip("New", "X", "UTC")
    listed = shuttle(data_dir, "trips")
    assert listed.returncode == 0 and "Kerry" in listed.stdout
    assert "note:" in listed.stderr and "read-only" in listed.stderr
    refused = shuttle(data_dir, "import-trip", str(SAMPLE_TRIP), "--replace")
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert "Traceback" not in refused.stderr


# -- a killed import -------------------------------------------------------------------------


def test_kill_9_during_a_big_import_leaves_the_store_whole(data_dir, tmp_path):
    Store.open(data_dir).close()
    big = big_trip_file(tmp_path / "big.json", 20_000)
    wal = data_dir / f"{STORE_FILE}-wal"
    run = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(data_dir),
            "import-trip",
            str(big),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it once its transaction is writing (the log grows past what opening writes).
    while run.poll() is None:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            os.kill(run.pid, signal.SIGKILL)
            break
    run.wait()
    with whole(data_dir) as store:
        counts = sorted(t.meeting_count for t in store.trips())
    assert counts in ([6], [6, 20_000])  # all of the import or none of it


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_is_one_clear_line_and_a_rolled_back_import(small_disk, tmp_path):
    data_dir = small_disk / "store"
    Store.open(data_dir).close()
    big = big_trip_file(tmp_path / "big.json", 3_000)
    fill(small_disk)
    result = shuttle(data_dir, "import-trip", str(big))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "full" in result.stderr and "Traceback" not in result.stderr
    (small_disk / "filler").unlink()
    with whole(data_dir) as store:
        assert [t.meeting_count for t in store.trips()] == [6]
        store.create_trip("After", "X", "UTC")  # and it works again once there is room


def test_a_full_disk_leaves_the_old_export_whole(small_disk, data_dir):
    Store.open(data_dir).close()
    target = small_disk / "trip.ics"
    assert shuttle(data_dir, "export-ics", "-o", str(target)).returncode == 0
    old = target.read_bytes()
    trip_json = small_disk / "trip.json"
    assert shuttle(data_dir, "export-trip", "-o", str(trip_json)).returncode == 0
    old_trip = trip_json.read_bytes()
    fill(small_disk)
    for args in (("export-ics", "-o", str(target)), ("export-trip", "-o", str(trip_json))):
        result = shuttle(data_dir, *args, "--force")
        assert result.returncode == 1
        assert "No space left" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == old
    assert trip_file.read(trip_json) == trip_file.loads(old_trip)
    assert sorted(p.name for p in small_disk.iterdir()) == [
        "filler",
        "trip.ics",
        "trip.json",
    ]


def test_opening_a_store_on_a_full_disk_says_the_disk_is_full(small_disk):
    data_dir = small_disk / "store"
    Store.open(data_dir).close()
    fill(small_disk)
    result = shuttle(data_dir, "import-trip", str(SAMPLE_TRIP))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "is full" in result.stderr, result.stderr
    (small_disk / "filler").unlink()
    with whole(data_dir) as store:
        assert len(store.trips()) == 1


def test_a_store_in_use_takes_its_daily_backup(data_dir, monkeypatch):
    from data import store as store_module

    with Store.open(data_dir) as store:
        assert len(list_backups(data_dir)) == 1  # taken at the first open
        monkeypatch.setattr(store_module, "BACKUP_LOOK_SECONDS", 0.0)
        monkeypatch.setattr(backups, "INTERVAL", timedelta(0))  # a day has passed
        store.create_trip("Later", "X", "UTC")
        newest = list_backups(data_dir)[0]
    assert len(list_backups(data_dir)) == 2 and newest.reason == "daily"
    with sqlite3.connect(newest.path) as copy:  # the backup holds the change just made
        assert ("Later",) in copy.execute("SELECT name FROM trips").fetchall()
    copy.close()
