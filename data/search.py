"""Finding meetings across every trip: SQLite FTS5 over each meeting's words.

The index (table ``meeting_search``, made by the store's migration 6) holds one row per
meeting: its title, people (name, role, organisation), place (name, city, country),
topic and notes. The store rewrites a trip's rows in the same transaction as every write
of its meetings or places (:func:`index_trip`), so the index never disagrees with the
trips. Words match by prefix, whatever their case or accents (``unicode61
remove_diacritics 2``). What the user types is always searched as words: each term is
quoted, so FTS5's own syntax (``OR``, ``NEAR(``, ``*``, ``"``, column filters) is never
interpreted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from data.model import Meeting, Place, Trip

TABLE = "meeting_search"
MANY_MEETINGS = 500  # more changed than this: the trip's rows are all written again
# A migration that changes what is indexed sets this key in ``meta``; the store then
# rebuilds every trip's rows in the same upgrade transaction.
STALE_KEY = "search_stale"
DEFAULT_LIMIT = 50

# Where a snippet's matched words begin and end (private-use characters, taken out of
# the indexed text so no trip text can fake them).
_OPEN, _CLOSE = "\ue000", "\ue001"
# Title counts most, then people and place, then topic, then notes.
_WEIGHTS = "10.0, 5.0, 5.0, 3.0, 1.0"


@dataclass(frozen=True, slots=True)
class Hit:
    """One meeting found; ``snippet`` is its best-matching text as (text, matched) runs."""

    trip_id: int
    trip_name: str
    meeting_id: str
    title: str
    day: date
    when: str  # the meeting's time as the agenda words it ("09:30–10:30 CET", "time TBC")
    place: str
    snippet: tuple[tuple[str, bool], ...]

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)


def index_trip(db: sqlite3.Connection, trip_id: int, trip: Trip | None) -> None:
    """Replace the trip's rows in the index (none when ``trip`` is None: it was deleted)."""
    db.execute(f"DELETE FROM {TABLE} WHERE trip_id = ?", (trip_id,))
    if trip is not None:
        _insert(db, trip_id, trip, trip.meetings)


def index_meetings(
    db: sqlite3.Connection, trip_id: int, trip: Trip, ids: set[str], indexed: set[str]
) -> None:
    """Write the rows of meetings ``ids`` again (those no longer in ``trip`` go);
    ``indexed``: those of them that have rows. The trip's places are as indexed (an edit
    of places indexes the whole trip)."""
    if len(indexed) > MANY_MEETINGS:  # each statement below reads every row of the index
        index_trip(db, trip_id, trip)
        return
    listed = sorted(indexed)
    for start in range(0, len(listed), 100):  # within SQLite's variable limit
        chunk = listed[start : start + 100]
        db.execute(
            f"DELETE FROM {TABLE} WHERE rowid IN (SELECT rowid FROM {TABLE}"
            f" WHERE trip_id = ? AND meeting_id IN ({','.join('?' * len(chunk))}))",
            (trip_id, *chunk),
        )
    _insert(db, trip_id, trip, [m for m in trip.meetings if m.id in ids])


def _insert(db: sqlite3.Connection, trip_id: int, trip: Trip, meetings: Iterable[Meeting]) -> None:
    db.executemany(
        f"INSERT INTO {TABLE} (title, people, place, topic, notes, trip_id, meeting_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [_row(m, trip.place_of(m), trip_id) for m in meetings],
    )


def _row(meeting: Meeting, place: Place | None, trip_id: int) -> tuple[str | int, ...]:
    people = "; ".join(
        ", ".join(part for part in (p.name, p.role, p.organisation) if part)
        for p in meeting.participants
    )
    where = ""
    if place is not None:
        parts = [place.name] + [x for x in (place.city, place.country) if x not in place.name]
        where = ", ".join(part for part in parts if part)
    return (
        _clean(meeting.title),
        _clean(people),
        _clean(where),
        _clean(meeting.topic),
        _clean(meeting.notes),
        trip_id,
        meeting.id,
    )


def _clean(text: str) -> str:
    return text.replace(_OPEN, "").replace(_CLOSE, "")


def match_expression(text: str) -> str | None:
    """The FTS5 query for what the user typed: every term a quoted prefix, all required.

    Terms with no letter or digit (``"``, ``*``, ``(``) find nothing and are left out;
    None when no term is left.
    """
    terms = [term for term in text.split() if any(ch.isalnum() for ch in term)]
    if not terms:
        return None
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def find(db: sqlite3.Connection, text: str, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """Meetings of every trip matching ``text``, best first (then by day)."""
    expression = match_expression(text)
    if expression is None or limit <= 0:
        return []
    rows = db.execute(
        f"SELECT s.trip_id, t.name, s.meeting_id, s.title, s.place, m.day, m.body,"
        f" snippet({TABLE}, -1, ?, ?, '…', 12)"
        f" FROM {TABLE} s"
        " JOIN trips t ON t.id = s.trip_id"
        " JOIN meetings m ON m.trip_id = s.trip_id AND m.id = s.meeting_id"
        f" WHERE {TABLE} MATCH ?"
        f" ORDER BY bm25({TABLE}, {_WEIGHTS}), m.day, t.id, m.position LIMIT ?",
        (_OPEN, _CLOSE, expression, limit),
    ).fetchall()
    return [
        Hit(
            trip_id=int(row[0]),
            trip_name=str(row[1]),
            meeting_id=str(row[2]),
            title=str(row[3]),
            place=str(row[4]),
            day=date.fromisoformat(row[5]),
            when=_when(str(row[6])),
            snippet=_runs(str(row[7])),
        )
        for row in rows
    ]


def _when(body: str) -> str:
    """The time label of a meeting row; empty if the row is not as the store writes it."""
    from data.agenda import local_time_label
    from data.trip_rows import Irregular, meeting_from_row

    try:
        return local_time_label(meeting_from_row(body))
    except Irregular:
        return ""


def _runs(snippet: str) -> tuple[tuple[str, bool], ...]:
    runs: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(_OPEN)
        if start < 0:
            runs.append((rest, False))
            break
        if start:
            runs.append((rest[:start], False))
        end = rest.find(_CLOSE, start)
        end = len(rest) if end < 0 else end
        runs.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return tuple((text, matched) for text, matched in runs if text)
