"""What a trip's CalDAV sync remembers between runs, in the store's own tables.

Per trip: the server, the user, the calendar collection and the last sync token. Per
meeting: the object it was last synced as (href, ETag) and a fingerprint of the content
it had then, so that "changed here since" (fingerprint differs) and "changed on the
server since" (ETag differs) are both decidable. Conflicts are kept with both versions
until resolved. The password is never here (see data/caldav_sync.py).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from data.store import Store


@dataclass(frozen=True, slots=True)
class Account:
    """Where a trip is shared: the URL the user gave and the calendar it resolved to."""

    url: str
    user: str
    collection: str | None = None  # the calendar collection's URL, once found or made
    sync_token: str | None = None
    synced_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Synced:
    """A meeting as last synced: its object on the server and a fingerprint of its content."""

    href: str  # the object's path on the server, unquoted
    etag: str | None
    fingerprint: str | None  # None: send it at the next sync whatever it holds
    uid: str | None = None  # the object's UID when another client chose it
    extra: str | None = None  # that client's own lines in the event, kept when sending


@dataclass(frozen=True, slots=True)
class Conflict:
    """A meeting changed on both sides; None on a side means deleted there."""

    meeting_id: str
    href: str
    local: str | None  # the meeting's JSON as it was here when the conflict was found
    server: str | None  # the server's iCalendar object
    server_etag: str | None
    found_at: datetime


def account(store: Store, trip_id: int) -> Account | None:
    with store.transaction() as db:
        row = db.execute(
            "SELECT url, user, collection, sync_token, synced_at FROM caldav_trips"
            " WHERE trip_id = ?",
            (trip_id,),
        ).fetchone()
    if row is None:
        return None
    synced = datetime.fromisoformat(row[4]) if row[4] else None
    return Account(row[0], row[1], row[2], row[3], synced)


def set_account(store: Store, trip_id: int, url: str, user: str) -> None:
    """Share the trip on ``url`` as ``user``; another server or user starts afresh."""
    with store.transaction() as db:
        old = db.execute(
            "SELECT url, user FROM caldav_trips WHERE trip_id = ?", (trip_id,)
        ).fetchone()
        if old is not None and (old[0], old[1]) == (url, user):
            return
        forget(db, trip_id)
        db.execute(
            "INSERT INTO caldav_trips (trip_id, url, user) VALUES (?, ?, ?)", (trip_id, url, user)
        )


def forget(db: sqlite3.Connection, trip_id: int) -> None:
    for table in ("caldav_trips", "caldav_meetings", "caldav_conflicts"):
        db.execute(f"DELETE FROM {table} WHERE trip_id = ?", (trip_id,))


def synced(store: Store, trip_id: int) -> dict[str, Synced]:
    with store.transaction() as db:
        rows = db.execute(
            "SELECT meeting_id, href, etag, fingerprint, uid, extra FROM caldav_meetings"
            " WHERE trip_id = ?",
            (trip_id,),
        ).fetchall()
    return {row[0]: Synced(*row[1:]) for row in rows}


def conflicts(store: Store, trip_id: int) -> dict[str, Conflict]:
    with store.transaction() as db:
        rows = db.execute(
            "SELECT meeting_id, href, local, server, server_etag, found_at"
            " FROM caldav_conflicts WHERE trip_id = ? ORDER BY found_at, meeting_id",
            (trip_id,),
        ).fetchall()
    return {
        row[0]: Conflict(row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]))
        for row in rows
    }


@dataclass(frozen=True, slots=True)
class StateChanges:
    """What a sync writes back, applied in the transaction that changes the trip."""

    trip_id: int
    collection: str
    sync_token: str | None
    synced_at: datetime
    put: dict[str, Synced]  # meeting id -> as now synced
    dropped: frozenset[str]  # meeting ids no longer on either side
    conflicts: tuple[Conflict, ...]  # found (or found again) by this sync
    resolved: frozenset[str]  # conflicts that no longer hold

    def write(self, db: sqlite3.Connection) -> None:
        trip_id = self.trip_id
        db.execute(
            "UPDATE caldav_trips SET collection = ?, sync_token = ?, synced_at = ?"
            " WHERE trip_id = ?",
            (self.collection, self.sync_token, self.synced_at.isoformat(), trip_id),
        )
        for meeting_id, synced in self.put.items():
            record(db, trip_id, meeting_id, synced)
        db.executemany(
            "DELETE FROM caldav_meetings WHERE trip_id = ? AND meeting_id = ?",
            [(trip_id, m) for m in self.dropped],
        )
        db.executemany(
            "DELETE FROM caldav_conflicts WHERE trip_id = ? AND meeting_id = ?",
            [(trip_id, m) for m in self.resolved],
        )
        db.executemany(
            "INSERT INTO caldav_conflicts"
            " (trip_id, meeting_id, href, local, server, server_etag, found_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trip_id, meeting_id) DO UPDATE SET"
            " href = excluded.href, server = excluded.server,"
            " server_etag = excluded.server_etag",
            [
                (trip_id, c.meeting_id, c.href, c.local, c.server, c.server_etag,
                 c.found_at.isoformat())
                for c in self.conflicts
            ],
        )  # fmt: skip


def record(db: sqlite3.Connection, trip_id: int, meeting_id: str, synced: Synced) -> None:
    """One meeting's sync state (a sync's, or what a conflict's resolution leaves)."""
    db.execute(
        "INSERT INTO caldav_meetings"
        " (trip_id, meeting_id, href, etag, fingerprint, uid, extra)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trip_id, meeting_id) DO UPDATE SET"
        " href = excluded.href, etag = excluded.etag, fingerprint = excluded.fingerprint,"
        " uid = excluded.uid, extra = excluded.extra",
        (trip_id, meeting_id, *dataclasses.astuple(synced)),
    )


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
