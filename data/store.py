"""The store: every trip in one SQLite file, changed only through its operations.

Each operation runs in one transaction and returns a :class:`Changes` saying what it
touched (after Anki's ``OpChanges``), so the UI can redraw only what it must. Each
place, meeting, leg and source is a row holding the same JSON as a trip file, so a
trip read back is validated exactly like a file.

Opening is safe with several processes at once (the busy timeout first, then the schema
check and migrations in one ``BEGIN IMMEDIATE`` transaction, WAL only for a store known
to be Shuttle's); a foreign or newer file is refused untouched, a damaged one refused
with a pointer to its backups (``data/backups.py``), a read-only one opened read-only.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import stat
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from data import backups, search
from data.files import default_data_dir
from data.model import Leg, Meeting, Place, Source, Trip, upsert

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from data.travel import TravelAssumptions

STORE_FILE = "shuttle.sqlite3"
BUSY_TIMEOUT_MS = 10_000
BACKUP_LOOK_SECONDS = 60.0  # how often a store in use looks whether its daily backup is due
# Trips kept as last read or written (see Store._kept): the one shown and one more.
KEPT_TRIPS = 2
Part = Place | Leg | Source  # a trip's rows beside its meetings


def _row_json(item: Place | Meeting | Leg | Source) -> str:
    """An item's row: the JSON of its entry in a trip file."""
    kind = type(item)
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        # Imported on first write: listing trips needs neither pydantic nor its schemas.
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter.dump_json(item).decode()


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


class StoreError(RuntimeError):
    """An operation the store refuses; nothing was changed."""


class TripNotFound(StoreError):
    """No trip has the id or name asked for (nor, for a name, a part of it)."""


@dataclass(frozen=True, slots=True)
class TripSummary:
    id: int
    name: str
    traveller: str
    first_day: date | None
    last_day: date | None
    meeting_count: int
    opened_at: datetime | None


@dataclass(frozen=True, slots=True)
class SentInvitation:
    """One attendee's entry in the invitation record (per meeting and address): the
    message last sent to them.

    ``calendar`` is the .ics as sent and ``summary`` the JSON of its readable summary, so
    a CANCEL can still be written once the meeting is deleted.
    """

    uid: str
    email: str  # lower case
    meeting_id: str
    name: str
    method: str  # REQUEST or CANCEL
    sequence: int
    digest: str
    calendar: str
    summary: str
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed, for the panes to decide whether to redraw."""

    trip_id: int
    trip: bool = False  # name, traveller, zone, notes, or the trip added/removed
    meetings: frozenset[str] = field(default_factory=frozenset)
    places: bool = False
    legs: bool = False
    removed: bool = False
    settings: frozenset[str] = field(default_factory=frozenset)  # keys of changed settings


# Each entry moves the schema from version i to i + 1; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE trips (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        traveller TEXT NOT NULL,
        home_timezone TEXT NOT NULL,
        notes TEXT NOT NULL,
        first_day TEXT,
        last_day TEXT,
        created_at TEXT NOT NULL,
        opened_at TEXT
    );
    CREATE TABLE places (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (trip_id, id)
    );
    CREATE TABLE meetings (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        id TEXT NOT NULL, position INTEGER NOT NULL, day TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (trip_id, id)
    );
    CREATE INDEX meetings_by_day ON meetings (trip_id, day);
    CREATE TABLE legs (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (trip_id, position)
    );
    CREATE TABLE sources (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (trip_id, id)
    );
    """,
    # 2: a trip's explicit dates (Trip.start_day, Trip.end_day), both optional.
    """
    ALTER TABLE trips ADD COLUMN start_day TEXT;
    ALTER TABLE trips ADD COLUMN end_day TEXT;
    """,
    # 3: the invitation record (see data/invitations.py): per trip, meeting and attendee,
    # what was last sent (the UID it carried too: occurrences of a series share one). No
    # foreign key: a CANCEL is still owed to the attendees of a meeting that is gone.
    """
    CREATE TABLE IF NOT EXISTS invitations (
        trip_id INTEGER NOT NULL,
        meeting_id TEXT NOT NULL,
        email TEXT NOT NULL,
        uid TEXT NOT NULL,
        name TEXT NOT NULL,
        method TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        digest TEXT NOT NULL,
        calendar TEXT NOT NULL,
        summary TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (trip_id, meeting_id, email)
    );
    """,
    # 4: CalDAV sync (data/sync_state.py): a trip's server and sync token; per meeting the
    # object it was last synced as; conflicts kept with both versions until resolved.
    """
    CREATE TABLE caldav_trips (
        trip_id INTEGER PRIMARY KEY REFERENCES trips(id) ON DELETE CASCADE,
        url TEXT NOT NULL, user TEXT NOT NULL, collection TEXT, sync_token TEXT,
        synced_at TEXT
    );
    CREATE TABLE caldav_meetings (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL, href TEXT NOT NULL, etag TEXT, fingerprint TEXT,
        PRIMARY KEY (trip_id, meeting_id)
    );
    CREATE TABLE caldav_conflicts (
        trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL, href TEXT NOT NULL, local TEXT, server TEXT,
        server_etag TEXT, found_at TEXT NOT NULL,
        PRIMARY KEY (trip_id, meeting_id)
    );
    """,
    # 5: the UID another client gave a synced calendar object, and that client's own
    # lines in it, kept when Shuttle sends the object again (data/sync_state.py).
    """
    ALTER TABLE caldav_meetings ADD COLUMN uid TEXT;
    ALTER TABLE caldav_meetings ADD COLUMN extra TEXT;
    """,
    # 6: the search index (data/search.py), one row per meeting, kept by every write of
    # a trip's meetings or places; the trips already stored are indexed in this upgrade's
    # transaction (the 'search_stale' mark, see _check_and_migrate).
    """
    CREATE VIRTUAL TABLE meeting_search USING fts5(
        title, people, place, topic, notes, trip_id UNINDEXED, meeting_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO meta (key, value) VALUES ('search_stale', '1')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_SETTING_PREFIX = "setting:"
ASSUMPTIONS_SETTING = "travel_assumptions"  # data.travel.TravelAssumptions as JSON
_TRIP_COLUMNS = ("name", "traveller", "home_timezone", "notes", "start_day", "end_day")

SAMPLE_TRIP = Path(str(files("data").joinpath("sample_trips", "kerry-2014-12.json")))


@dataclass(frozen=True, slots=True)
class TripRows:
    """One trip's rows as :meth:`Store.trip_rows` read them, not yet a :class:`Trip`."""

    trip_id: int
    fields: dict[str, Any]  # the trips table's columns named in _TRIP_COLUMNS
    parts: dict[str, list[str]]  # places, meetings, legs, sources: each row's JSON body
    generation: tuple[int, int]  # the store's when they were read (Store.keep_read)

    @property
    def meeting_count(self) -> int:
        return len(self.parts["meetings"])

    def trip(self) -> Trip:
        """The trip these rows hold; StoreError when they do not make a valid one."""
        from data.trip_rows import Irregular, trip_from_rows

        try:
            return trip_from_rows(self.fields, **self.parts)  # as written: no pydantic needed
        except Irregular:
            pass  # validated below as a file is, for its result or its precise message
        # Join the rows into one document and validate it once.
        parts = [f"{json.dumps(key)}:{json.dumps(value)}" for key, value in self.fields.items()]
        parts += [f'"{table}":[{",".join(items)}]' for table, items in self.parts.items()]
        document = "{" + ",".join(parts) + "}"
        from data import trip_file

        try:
            return trip_file.parse_trip_json(document, f"trip {self.trip_id} in the store")
        except trip_file.TripFileError as exc:
            raise StoreError(str(exc)) from exc


class Store:
    """One SQLite file; open with :meth:`open`, which migrates and seeds it.

    ``read_only`` is set when the file cannot be written (its permissions say so);
    ``notice`` then says so in a sentence for the user, and every change is refused.
    """

    def __init__(
        self, connection: sqlite3.Connection, path: Path | None, read_only: bool = False
    ) -> None:
        self._db = connection
        self.path = path
        self.read_only = read_only
        self.notice = f"{path} is read-only: trips can be viewed, not changed" if read_only else ""
        self._backup_checked = -math.inf  # time.monotonic() of the last look at the backups
        # Trips as last read or written, by id, newest last: an edit reads its trip before
        # changing it and the window reads it back after, and a 10,000-meeting trip takes
        # a third of a second to read. Emptied by every write (those that know the trip
        # they wrote keep it again) and by any other connection's commit, which changes
        # PRAGMA data_version; _generation counts both.
        self._kept: dict[int, Trip] = {}
        self._version = -1  # data_version when _kept was last checked
        self._writes = 0

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, seed: bool = True) -> Store:
        """Open (creating if needed) the store in ``data_dir`` (default: the user's)."""
        directory = Path(data_dir) if data_dir is not None else default_data_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data folder {directory}: {exc}") from exc
        path = directory / STORE_FILE
        return cls.connect(path, seed=seed)

    @classmethod
    def connect(cls, path: str | os.PathLike[str], *, seed: bool = True) -> Store:
        target = Path(path) if str(path) != ":memory:" else None
        read_only = target is not None and _read_only(target)
        try:
            if target is not None and read_only:
                db = sqlite3.connect(
                    f"{target.resolve().as_uri()}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                )
            else:
                db = sqlite3.connect(
                    str(path),
                    isolation_level=None,
                    check_same_thread=False,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                )
            # The busy timeout before anything that may lock: concurrent first opens wait.
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise _store_error(target, exc, "opening it") from exc
        store = cls(db, target, read_only)
        try:
            store._check_and_migrate()
            store._use_wal()
            store._quick_check()
            if seed and not read_only:
                store._seed_once()
            store._backup_if_due()
        except BaseException:
            db.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _check_and_migrate(self) -> None:
        """Check what the file is and migrate it, all in one transaction.

        A second process opening the same new store waits on the lock, then finds it
        migrated; a file that is not Shuttle's is left exactly as it was.
        """
        db = self._db
        try:
            db.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "opening it") from exc
        try:
            version = self.schema_version
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer Shuttle (schema {version}; "
                    f"this one knows up to {SCHEMA_VERSION}); it was left untouched"
                )
            if (version == 0 and tables) or (version > 0 and not {"meta", "trips"} <= tables):
                raise StoreError(
                    f"{self.path} is not a Shuttle store (another program's database); "
                    "it was left untouched"
                )
            if version < SCHEMA_VERSION:
                if self.read_only:
                    raise StoreError(
                        f"{self.path} is read-only and needs an upgrade (schema {version} to "
                        f"{SCHEMA_VERSION}): make it writable and open it once"
                    )
                if version > 0 and self.path is not None:
                    try:
                        backups.take(self.path, f"before-schema-{version + 1}")
                    except OSError as exc:
                        raise StoreError(
                            f"{self.path} was not upgraded: its backup could not be written "
                            f"({exc.strerror or exc})"
                        ) from exc
                for number in range(version, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[number]):
                        db.execute(statement)
                self._reindex_if_stale(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._error(exc, "opening it") from exc
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise self._error(exc, "upgrading it") from exc

    def _reindex_if_stale(self, db: sqlite3.Connection) -> None:
        """Index every stored trip for search when a migration asked for it (SQL alone
        cannot read a trip's rows as the index wants them)."""
        if not db.execute("SELECT 1 FROM meta WHERE key = ?", (search.STALE_KEY,)).fetchone():
            return
        for (trip_id,) in db.execute("SELECT id FROM trips").fetchall():
            try:
                trip = self.load_trip(int(trip_id))
            except StoreError:
                continue  # a trip that cannot be read cannot be opened either; left unfound
            search.index_trip(db, int(trip_id), trip)
        db.execute("DELETE FROM meta WHERE key = ?", (search.STALE_KEY,))

    def _use_wal(self) -> None:
        """WAL (readers never wait for a writer), only once the file is known to be ours."""
        if self.read_only or self.path is None:
            return
        for _ in range(50):
            try:
                mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                    raise self._error(exc, "opening it") from exc
                time.sleep(0.1)  # another process holds the lock; WAL can wait for it
                continue
            if str(mode).lower() == "wal":
                return
        # Still locked after 5 s: the store works without WAL, only less concurrently.

    def _quick_check(self) -> None:
        """A damaged page is found at open, before anything is read from it or written."""
        problems = self._check("quick_check")
        if problems:
            raise StoreError(_damaged(self.path, problems[0]))

    def integrity_check(self) -> list[str]:
        """Every problem SQLite's full ``integrity_check`` finds; empty when the store is whole."""
        return self._check("integrity_check")

    def _check(self, pragma: str) -> list[str]:
        try:
            rows = [str(row[0]) for row in self._db.execute(f"PRAGMA {pragma}")]
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "checking it") from exc
        return [] if rows == ["ok"] else rows

    def _error(self, exc: sqlite3.Error, doing: str) -> StoreError:
        return _store_error(self.path, exc, doing)

    def backup_now(self, reason: str = "manual") -> Path | None:
        """A copy of the store in ``backups/`` beside it (none for an in-memory store)."""
        if self.path is None:
            return None
        try:
            return backups.take(self.path, reason)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "backing it up") from exc

    def _backup_if_due(self) -> None:
        """The daily backup, while the store is in use; looked at once a minute at most."""
        now = time.monotonic()
        if self.path is None or self.read_only or now - self._backup_checked < BACKUP_LOOK_SECONDS:
            return
        self._backup_checked = now
        if backups.due(self.path):
            # A missed daily backup must not stop the user's work; it is tried again later.
            with suppress(StoreError, OSError):
                self.backup_now("daily")

    def _seed_once(self) -> None:
        """Put the sample trip in a new store; never again once the user removed it."""
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone():
                return
            from data import trip_file

            self._insert_trip(db, trip_file.read(SAMPLE_TRIP))
            db.execute("INSERT INTO meta (key, value) VALUES ('seeded', '1')")

    @contextmanager
    def _transaction(self, trips: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is kept, or on any error (a full disk too)
        none of it, and the error is one StoreError line.

        On a read-only store it is a read transaction: reading works, the first write is
        refused with the notice. ``trips``: it may change trips' contents, so the kept
        trips go (a caller that knows what it wrote keeps it again after).
        """
        db = self._db
        try:
            db.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "starting a change") from exc
        try:
            yield db
            db.execute("COMMIT")
        except BaseException as exc:
            self._forget(trips)
            # SQLite may have rolled back already (a full disk): only roll back what is open.
            if db.in_transaction:
                # A failed rollback's transaction is dropped when the connection closes.
                with suppress(sqlite3.DatabaseError):
                    db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._error(exc, "saving") from exc
            raise
        self._forget(trips)
        self._backup_if_due()

    # -- reading --------------------------------------------------------------------------

    def trips(self) -> list[TripSummary]:
        rows = self._db.execute(
            "SELECT t.id, t.name, t.traveller, t.first_day, t.last_day,"
            " (SELECT count(*) FROM meetings m WHERE m.trip_id = t.id), t.opened_at"
            " FROM trips t ORDER BY t.first_day IS NULL, t.first_day, t.id"
        ).fetchall()
        return [
            TripSummary(
                row[0],
                row[1],
                row[2],
                _date_or_none(row[3]),
                _date_or_none(row[4]),
                row[5],
                _datetime_or_none(row[6]),
            )
            for row in rows
        ]

    def resolve(self, ref: str | int | None, *, parts: bool = True) -> int:
        """A trip's id from its id, its exact name, or a part of its name found in no
        other trip's (case and accents aside); None means the most recently opened.

        The one reading of ``--trip`` for every command and the window. Without ``parts``
        only the name but for case and accents is taken (for a command that makes a trip
        of a name no trip has).
        """
        db = self._db
        if ref is None:
            row = db.execute(
                "SELECT id FROM trips ORDER BY opened_at IS NULL, opened_at DESC, id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                raise TripNotFound("the store holds no trip; add one with import-trip")
            return int(row[0])
        text = str(ref).strip()
        if text.isdigit():
            row = db.execute("SELECT id FROM trips WHERE id = ?", (int(text),)).fetchone()
            if row:
                return int(row[0])
        row = db.execute("SELECT id FROM trips WHERE name = ?", (text,)).fetchone()
        if row:
            return int(row[0])
        wanted = _folded(text)
        names = [(int(r[0]), str(r[1])) for r in db.execute("SELECT id, name FROM trips")]
        # A name equal but for case wins over names that merely contain it.
        for found in (
            [n for n in names if _folded(n[1]) == wanted],
            [n for n in names if parts and wanted and wanted in _folded(n[1])],
        ):
            if len(found) == 1:
                return found[0][0]
            if found:
                listed = "; ".join(f"{trip_id}: {name}" for trip_id, name in sorted(found))
                raise StoreError(
                    f"{text!r} is part of {len(found)} trips' names ({listed}); "
                    "give more of the name, or the id"
                )
        raise TripNotFound(f"no trip has the id or name {text!r}; 'trips' lists them")

    def find_meetings(self, text: str, limit: int = search.DEFAULT_LIMIT) -> list[search.Hit]:
        """Meetings of every trip matching the words of ``text`` (see data/search.py)."""
        try:
            return search.find(self._db, text, limit)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "searching it") from exc

    def load_trip(self, trip_id: int) -> Trip:
        kept = self.kept_trip(trip_id)
        if kept is not None:
            return kept
        rows = self.trip_rows(trip_id)
        return self.keep_read(rows, rows.trip())

    def kept_trip(self, trip_id: int) -> Trip | None:
        """Trip ``trip_id`` if it is kept as last read or written and still stored so."""
        self._generation()
        trip = self._kept.pop(trip_id, None)
        if trip is not None:
            self._kept[trip_id] = trip  # the newest now
        return trip

    def keep_read(self, rows: TripRows, trip: Trip) -> Trip:
        """``trip`` (made of ``rows``), kept for :meth:`kept_trip` unless the store has
        changed since the rows were read."""
        if rows.generation == self._generation():
            self._keep(rows.trip_id, trip)
        return trip

    def _forget(self, trips: bool) -> None:
        """After a write that may have changed trips' contents: none is kept."""
        if trips:
            self._kept.clear()
            self._writes += 1

    def _keep(self, trip_id: int, trip: Trip) -> None:
        self._kept.pop(trip_id, None)
        self._kept[trip_id] = trip
        while len(self._kept) > KEPT_TRIPS:
            del self._kept[next(iter(self._kept))]

    def _generation(self) -> tuple[int, int]:
        """Changes with every change of the file: this connection's writes and others'."""
        try:
            version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "reading it") from exc
        if version != self._version:
            self._version = version
            self._kept.clear()
        return version, self._writes

    def trip_rows(self, trip_id: int) -> TripRows:
        """A trip's rows as stored, read at once; :meth:`TripRows.trip` turns them into
        the trip, the longer part for a big trip, on any thread."""
        db = self._db
        generation = self._generation()  # before reading: a change after it shows in it
        own = not db.in_transaction  # one snapshot of all the rows, not one per table
        try:
            if own:
                db.execute("BEGIN")
            head = db.execute(
                "SELECT name, traveller, home_timezone, notes, start_day, end_day FROM trips"
                " WHERE id = ?",
                (trip_id,),
            ).fetchone()
            if head is None:
                raise StoreError(f"no trip has the id {trip_id}")
            parts = {
                table: [
                    row[0]
                    for row in db.execute(
                        f"SELECT body FROM {table} WHERE trip_id = ? ORDER BY position",
                        (trip_id,),
                    )
                ]
                for table in ("places", "meetings", "legs", "sources")
            }
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "reading it") from exc
        finally:
            if own and db.in_transaction:
                db.execute("COMMIT")
        return TripRows(trip_id, dict(zip(_TRIP_COLUMNS, head, strict=True)), parts, generation)

    # -- operations -----------------------------------------------------------------------

    def add_trip(self, trip: Trip, trip_id: int | None = None) -> Changes:
        """Add a trip; refused when its name is taken (names identify trips).

        ``trip_id`` puts it back under a given (free) id: undoing a trip's deletion
        must bring back the trip the undo stack's other edits refer to.
        """
        with self._transaction() as db:
            trip_id = self._insert_trip(db, trip, trip_id)
            self._touch_opened(db, trip_id)
        self._keep(trip_id, trip)
        return Changes(trip_id, trip=True, meetings=_ids(trip), places=True, legs=True)

    def replace_trip(self, trip_id: int, trip: Trip) -> Changes:
        """Put ``trip`` in place of the stored one (its meetings' SEQUENCEs rise where
        they changed, as in :meth:`save_meeting`)."""
        with self._transaction() as db:
            old = self._require(db, trip_id)
            try:
                trip = _with_sequences(self.load_trip(trip_id), trip)
            except ValueError as exc:
                raise StoreError(str(exc)) from exc
            if trip.name != old:
                self._check_name_free(db, trip.name)
            self._write_head(db, trip_id, trip)
            for table in ("places", "meetings", "legs", "sources"):
                db.execute(f"DELETE FROM {table} WHERE trip_id = ?", (trip_id,))
            self._insert_parts(db, trip_id, trip)
        self._keep(trip_id, trip)
        return Changes(trip_id, trip=True, meetings=_ids(trip), places=True, legs=True)

    def delete_trip(self, trip_id: int) -> Changes:
        with self._transaction() as db:
            self._require(db, trip_id)
            db.execute("DELETE FROM trips WHERE id = ?", (trip_id,))
            search.index_trip(db, trip_id, None)
        return Changes(trip_id, trip=True, removed=True)

    def save_meeting(self, trip_id: int, meeting: Meeting) -> Changes:
        """Add or update one meeting; the trip must stay valid with it."""
        return self._edit_meetings(trip_id, lambda trip: _with_meeting(trip, meeting))

    def delete_meeting(self, trip_id: int, meeting_id: str) -> Changes:
        def without(trip: Trip) -> Trip:
            trip.meeting(meeting_id)  # KeyError if unknown
            return trip.replace(meetings=tuple(m for m in trip.meetings if m.id != meeting_id))

        return self._edit_meetings(trip_id, without, touched=frozenset({meeting_id}))

    def update_trip(
        self,
        trip_id: int,
        edit: Callable[[Trip], Trip],
        also: Callable[[sqlite3.Connection, Trip], None] | None = None,
    ) -> Changes:
        """Replace a trip's contents (not its name) with ``edit(trip)`` in one transaction.

        For bulk changes such as an .ics import: the edit sees the stored trip and the
        whole change is kept or, on any error, dropped. Sequences rise as in
        :meth:`save_meeting`. ``also(db, trip)`` runs in the same transaction with the
        trip as stored, for a module keeping its own tables (data/sync_state.py).
        """
        with self._transaction() as db:
            before = self.load_trip(trip_id)
            try:
                after = _with_sequences(before, edit(before))
            except ValueError as exc:
                raise StoreError(str(exc)) from exc
            if also is not None:
                also(db, after)
            if after.name != before.name:
                after = after.replace(name=before.name)
            self._write_head(db, trip_id, after)
            changed = self._write_changes(db, trip_id, before, after)
        self._keep(trip_id, after)
        return Changes(
            trip_id,
            meetings=frozenset(changed),
            places=after.places != before.places,
            legs=after.legs != before.legs,
        )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction for a module keeping its own tables here (data/sync_state.py).

        Trips' rows change only through the operations above, so the trips kept stay.
        """
        with self._transaction(trips=False) as db:
            yield db

    # -- settings -------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        """A user setting (e.g. ``organizer``), kept in the store beside the trips."""
        row = self._db.execute(
            "SELECT value FROM meta WHERE key = ?", (_SETTING_PREFIX + key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str | None) -> None:
        """Set a user setting; None removes it. Travel assumptions are checked first."""
        if key == ASSUMPTIONS_SETTING and value is not None:
            self._parse_assumptions(value)
        with self._transaction(trips=False) as db:
            if value is None:
                db.execute("DELETE FROM meta WHERE key = ?", (_SETTING_PREFIX + key,))
            else:
                db.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (_SETTING_PREFIX + key, value),
                )

    # -- the invitation record ---------------------------------------------------------

    def sent_invitations(self, trip_id: int) -> list[SentInvitation]:
        """What was last sent to each attendee of the trip's meetings (deleted ones too)."""
        rows = self._db.execute(
            "SELECT uid, email, meeting_id, name, method, sequence, digest, calendar, summary,"
            " sent_at FROM invitations WHERE trip_id = ? ORDER BY meeting_id, email",
            (trip_id,),
        ).fetchall()
        return [
            SentInvitation(
                uid=row[0],
                email=row[1],
                meeting_id=row[2],
                name=row[3],
                method=row[4],
                sequence=int(row[5]),
                digest=row[6],
                calendar=row[7],
                summary=row[8],
                sent_at=datetime.fromisoformat(row[9]),
            )
            for row in rows
        ]

    def record_invitations(self, trip_id: int, sent: Iterable[SentInvitation]) -> None:
        """Note messages the server (or the .eml folder) accepted, in one transaction."""
        with self._transaction(trips=False) as db:
            db.executemany(
                "INSERT INTO invitations (trip_id, uid, email, meeting_id, name, method,"
                " sequence, digest, calendar, summary, sent_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trip_id, meeting_id, email)"
                " DO UPDATE SET uid = excluded.uid, name = excluded.name,"
                " method = excluded.method, sequence = excluded.sequence,"
                " digest = excluded.digest, calendar = excluded.calendar,"
                " summary = excluded.summary, sent_at = excluded.sent_at",
                [
                    (
                        trip_id,
                        s.uid,
                        s.email.lower(),
                        s.meeting_id,
                        s.name,
                        s.method,
                        s.sequence,
                        s.digest,
                        s.calendar,
                        s.summary,
                        s.sent_at.isoformat(),
                    )
                    for s in sent
                ],
            )

    def travel_assumptions(self) -> TravelAssumptions:
        """The travel assumptions every view estimates with (the defaults until set).

        Raises StoreError when the stored value is not valid assumptions.
        """
        from data.travel import DEFAULT_ASSUMPTIONS

        raw = self.get_setting(ASSUMPTIONS_SETTING)
        return DEFAULT_ASSUMPTIONS if raw is None else self._parse_assumptions(raw)

    def set_travel_assumptions(self, value: TravelAssumptions | None) -> None:
        """Keep ``value`` as the travel assumptions; None goes back to the defaults."""
        from data.travel import assumptions_json

        self.set_setting(ASSUMPTIONS_SETTING, None if value is None else assumptions_json(value))

    def _parse_assumptions(self, raw: str) -> TravelAssumptions:
        # data.travel loads distances (geopy): only when assumptions are asked for.
        from data.travel import parse_assumptions

        try:
            return parse_assumptions(raw)
        except ValueError as exc:
            where = self.path or "the store"
            raise StoreError(f"{where}: setting {ASSUMPTIONS_SETTING}: {exc}") from None

    def mark_opened(self, trip_id: int) -> None:
        if self.read_only:
            self._require(self._db, trip_id)
            return  # which trip was opened last is not worth refusing the viewing for
        with self._transaction(trips=False) as db:  # when, not what: kept trips stay
            self._require(db, trip_id)
            self._touch_opened(db, trip_id)

    def create_trip(
        self,
        name: str,
        traveller: str,
        home_timezone: str,
        start_day: date | None = None,
        end_day: date | None = None,
    ) -> Changes:
        """A new, empty trip; refused for a taken name, an unknown zone, an end before start."""
        try:
            trip = Trip(
                name.strip(), traveller.strip(), home_timezone, start_day=start_day, end_day=end_day
            )
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        return self.add_trip(trip)

    def set_legs(self, trip_id: int, legs: list[Leg] | tuple[Leg, ...]) -> Changes:
        """Replace the trip's legs, if the trip stays valid with them (see data.travel)."""
        with self._transaction() as db:
            self._require(db, trip_id)
            try:
                after = self.load_trip(trip_id).replace(legs=tuple(legs))
            except ValueError as exc:
                raise StoreError(str(exc)) from exc
            db.execute("DELETE FROM legs WHERE trip_id = ?", (trip_id,))
            db.executemany(
                "INSERT INTO legs (trip_id, position, body) VALUES (?, ?, ?)",
                [(trip_id, i, _row_json(leg)) for i, leg in enumerate(after.legs)],
            )
        self._keep(trip_id, after)
        return Changes(trip_id, legs=True)

    def insert_meeting(self, trip_id: int, meeting: Meeting, position: int) -> Changes:
        """Add a meeting at ``position`` in the trip's order; refused when its id is in use.

        For putting a deleted meeting back where it was (undo) and a duplicate beside its
        original; unlike ``save_meeting`` it never updates an existing meeting.
        """

        def edit(trip: Trip) -> Trip:
            if any(m.id == meeting.id for m in trip.meetings):
                raise ValueError(f"trip {trip_id} already has a meeting {meeting.id!r}")
            meetings = list(trip.meetings)
            meetings.insert(position, meeting)
            return trip.replace(meetings=tuple(meetings))

        return self._edit_meetings(trip_id, edit)

    # -- internals ------------------------------------------------------------------------

    def _edit_meetings(
        self,
        trip_id: int,
        edit: Callable[[Trip], Trip],
        touched: frozenset[str] | None = None,
    ) -> Changes:
        """:meth:`update_trip` for an edit of meetings, which names a missing meeting."""

        def checked(trip: Trip) -> Trip:
            try:
                return edit(trip)  # building the Trip validates cross-references
            except KeyError as exc:
                raise ValueError(f"trip {trip_id} has no meeting {exc.args[0]!r}") from None

        changes = self.update_trip(trip_id, checked)
        return Changes(trip_id, meetings=changes.meetings | (touched or frozenset()))

    def _insert_trip(self, db: sqlite3.Connection, trip: Trip, trip_id: int | None = None) -> int:
        self._check_name_free(db, trip.name)
        if trip_id is None:
            trip_id = self._next_trip_id(db)
        elif self._exists(db, trip_id):
            raise StoreError(f"the store already has a trip with the id {trip_id}")
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('last_trip_id', ?) ON CONFLICT (key)"
            " DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            (trip_id,),
        )
        cursor = db.execute(
            "INSERT INTO trips (id, name, traveller, home_timezone, notes, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (trip_id, trip.name, trip.traveller, trip.home_timezone, trip.notes, _now()),
        )
        trip_id = int(cursor.lastrowid or 0)
        self._write_head(db, trip_id, trip)
        self._insert_parts(db, trip_id, trip)
        return trip_id

    def _write_head(self, db: sqlite3.Connection, trip_id: int, trip: Trip) -> None:
        db.execute(
            "UPDATE trips SET name = ?, traveller = ?, home_timezone = ?, notes = ?,"
            " start_day = ?, end_day = ? WHERE id = ?",
            (
                trip.name,
                trip.traveller,
                trip.home_timezone,
                trip.notes,
                trip.start_day and trip.start_day.isoformat(),
                trip.end_day and trip.end_day.isoformat(),
                trip_id,
            ),
        )

    def _next_trip_id(self, db: sqlite3.Connection) -> int:
        """Ids are never reused, so an undo can bring a deleted trip back under its own."""
        row = db.execute(
            "SELECT max(coalesce((SELECT max(id) FROM trips), 0),"
            " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_trip_id'), 0))"
        ).fetchone()
        return int(row[0]) + 1

    def _exists(self, db: sqlite3.Connection, trip_id: int) -> bool:
        return db.execute("SELECT 1 FROM trips WHERE id = ?", (trip_id,)).fetchone() is not None

    def _insert_parts(self, db: sqlite3.Connection, trip_id: int, trip: Trip) -> None:
        self._insert_part(db, trip_id, "places", trip.places)
        self._insert_meetings(db, trip_id, trip.meetings)
        self._insert_part(db, trip_id, "legs", trip.legs)
        self._insert_part(db, trip_id, "sources", trip.sources)
        self._update_derived(db, trip_id, trip)

    def _insert_part(
        self, db: sqlite3.Connection, trip_id: int, table: str, items: Sequence[Part]
    ) -> None:
        """The rows of places, legs or sources (legs have no id: their position is key)."""
        if table == "legs":
            db.executemany(
                "INSERT INTO legs (trip_id, position, body) VALUES (?, ?, ?)",
                [(trip_id, i, _row_json(leg)) for i, leg in enumerate(items)],
            )
            return
        db.executemany(
            f"INSERT INTO {table} (trip_id, id, position, body) VALUES (?, ?, ?, ?)",
            [
                (trip_id, item.id, i, _row_json(item))
                for i, item in enumerate(items)
                if not isinstance(item, Leg)
            ],
        )

    def _write_changes(
        self, db: sqlite3.Connection, trip_id: int, before: Trip, after: Trip
    ) -> set[str]:
        """Write the parts of ``after`` that differ from ``before`` (the trip stored), and
        what is kept from them; the ids of the meetings changed, added or removed.

        An edit of one meeting in a trip of thousands writes its row (and the positions
        that moved) and its search row, an import of new meetings their rows alone.
        """
        parts: tuple[tuple[str, Sequence[Part], Sequence[Part]], ...] = (
            ("places", before.places, after.places),
            ("legs", before.legs, after.legs),
            ("sources", before.sources, after.sources),
        )
        for table, old_part, new_part in parts:
            if old_part != new_part:  # a few rows a trip: all written again
                db.execute(f"DELETE FROM {table} WHERE trip_id = ?", (trip_id,))
                self._insert_part(db, trip_id, table, new_part)
        changed, replaced = self._write_meetings(db, trip_id, before.meetings, after.meetings)
        if after.places != before.places:  # places' names are in the search rows
            search.index_trip(db, trip_id, after)
        else:
            search.index_meetings(db, trip_id, after, changed, replaced)
        self._write_span(db, trip_id, after)
        return changed

    def _write_meetings(
        self,
        db: sqlite3.Connection,
        trip_id: int,
        before: tuple[Meeting, ...],
        after: tuple[Meeting, ...],
    ) -> tuple[set[str], set[str]]:
        """Rewrite only the meeting rows that differ; the ids of the meetings changed,
        added or removed, and of those among them that had rows."""
        old = {m.id: (i, m) for i, m in enumerate(before)}
        gone = set(old) - {m.id for m in after}
        db.executemany(
            "DELETE FROM meetings WHERE trip_id = ? AND id = ?", [(trip_id, i) for i in gone]
        )
        changed, moved = [], []
        for position, meeting in enumerate(after):
            was = old.get(meeting.id)
            if was is None or (was[1] is not meeting and was[1] != meeting):
                changed.append((position, meeting))
            elif was[0] != position:
                moved.append((position, trip_id, meeting.id))
        db.executemany("UPDATE meetings SET position = ? WHERE trip_id = ? AND id = ?", moved)
        db.executemany(
            "INSERT INTO meetings (trip_id, id, position, day, body) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (trip_id, id) DO UPDATE SET position = excluded.position,"
            " day = excluded.day, body = excluded.body",
            [(trip_id, m.id, i, m.day.isoformat(), _row_json(m)) for i, m in changed],
        )
        rewritten = {m.id for _, m in changed}
        return gone | rewritten, gone | (rewritten & old.keys())

    def _insert_meetings(
        self, db: sqlite3.Connection, trip_id: int, meetings: tuple[Meeting, ...]
    ) -> None:
        db.executemany(
            "INSERT INTO meetings (trip_id, id, position, day, body) VALUES (?, ?, ?, ?, ?)",
            [(trip_id, m.id, i, m.day.isoformat(), _row_json(m)) for i, m in enumerate(meetings)],
        )

    def _update_derived(self, db: sqlite3.Connection, trip_id: int, trip: Trip) -> None:
        """What is kept from a trip's parts, its first and last days and its search rows,
        rewritten by every write of a whole new trip; an update (_write_changes) rewrites
        the search rows of the meetings it changes alone."""
        search.index_trip(db, trip_id, trip)
        self._write_span(db, trip_id, trip)

    def _write_span(self, db: sqlite3.Connection, trip_id: int, trip: Trip) -> None:
        first, last = trip.first_day, trip.last_day
        db.execute(
            "UPDATE trips SET first_day = ?, last_day = ? WHERE id = ?",
            (first and first.isoformat(), last and last.isoformat(), trip_id),
        )

    def _touch_opened(self, db: sqlite3.Connection, trip_id: int) -> None:
        db.execute("UPDATE trips SET opened_at = ? WHERE id = ?", (_now(), trip_id))

    def _check_name_free(self, db: sqlite3.Connection, name: str) -> None:
        row = db.execute("SELECT id FROM trips WHERE name = ?", (name,)).fetchone()
        if row:
            raise StoreError(f"a trip named {name!r} is already in the store (id {row[0]})")

    def _require(self, db: sqlite3.Connection, trip_id: int) -> str:
        row = db.execute("SELECT name FROM trips WHERE id = ?", (trip_id,)).fetchone()
        if row is None:
            raise StoreError(f"no trip has the id {trip_id}")
        return str(row[0])


def _with_meeting(trip: Trip, meeting: Meeting) -> Trip:
    return trip.replace(meetings=upsert(trip.meetings, meeting))


def _with_sequences(before: Trip, after: Trip) -> Trip:
    """Raise SEQUENCE where a meeting's time, place, status or title changed; never
    lower it. Raised once per change, whichever path made it: a SEQUENCE the change
    already raised (an imported update) is kept.

    Calendar clients only take an update whose SEQUENCE is higher than the one they
    hold, so the store, not each caller, keeps this rule.
    """
    old = {m.id: m for m in before.meetings}
    meetings = []
    for meeting in after.meetings:
        previous = old.get(meeting.id)
        if previous is not None and previous is not meeting:  # an edit keeps most as they are
            moved = (previous.time, previous.place_id, previous.status, previous.title) != (
                meeting.time,
                meeting.place_id,
                meeting.status,
                meeting.title,
            )
            floor = previous.sequence + 1 if moved else previous.sequence
            if meeting.sequence < floor:
                meeting = meeting.replace(sequence=floor)
        meetings.append(meeting)
    if all(m is n for m, n in zip(meetings, after.meetings, strict=True)):
        return after  # no sequence raised: the trip is not built (validated) again
    return after.replace(meetings=tuple(meetings))


def _ids(trip: Trip) -> frozenset[str]:
    return frozenset(m.id for m in trip.meetings)


def _now() -> str:
    # Microseconds keep 'most recently opened' well ordered within one second.
    return datetime.now(UTC).isoformat()


def _folded(text: str) -> str:
    """``text`` compared without case or accents: "genève" matches "Geneve"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _date_or_none(text: str | None) -> date | None:
    # A derived column (rewritten on every change): text that is not a date reads as unknown.
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _datetime_or_none(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _store_error(path: Path | None, exc: sqlite3.Error, doing: str) -> StoreError:
    """One clear line for what SQLite reports."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _disk_full(path)):
        return StoreError(f"the disk holding {path} is full: nothing was saved")
    if code == sqlite3.SQLITE_READONLY:
        return StoreError(f"{path} is read-only: trips can be viewed, not changed")
    if code == sqlite3.SQLITE_CORRUPT:
        return StoreError(_damaged(path, str(exc)))
    if code == sqlite3.SQLITE_NOTADB:
        return StoreError(f"{path} is not a Shuttle store ({exc}); it was left untouched")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreError(f"{path} is busy (another Shuttle is writing): try again")
    return StoreError(f"{path}: {exc} (while {doing})")


def _disk_full(path: Path | None) -> bool:
    """SQLite reports a full disk met while mapping its shared memory as an I/O error."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _damaged(path: Path | None, what: str) -> str:
    return (
        f"{path} is damaged ({what}); nothing was changed. "
        "`python main.py restore-backup --list` lists its backups"
    )


def _read_only(path: Path) -> bool:
    """A store file that says it must not be written (even for root, who could)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def restore_backup(data_dir: str | os.PathLike[str] | None, name: str) -> tuple[Path, Path | None]:
    """Replace the store in ``data_dir`` with a backup (a path, or a name in ``backups/``).

    The backup is checked whole first; the replaced store is kept beside the new one.
    Returns the backup used and where the old store was kept.
    """
    path = (Path(data_dir) if data_dir is not None else default_data_dir()) / STORE_FILE
    try:
        backup = backups.find(path, name)
        backups.check(backup, SCHEMA_VERSION)
        kept = backups.restore(path, backup)
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise StoreError(f"cannot restore: {exc}") from exc
    return backup, kept


def list_backups(data_dir: str | os.PathLike[str] | None) -> list[backups.Backup]:
    """The store's backups, newest first (readable even when the store is damaged)."""
    path = (Path(data_dir) if data_dir is not None else default_data_dir()) / STORE_FILE
    return backups.list_backups(path)
