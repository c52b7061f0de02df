"""Two-way sync of a trip with one calendar collection on a CalDAV server (RFC 4791).

A sync runs in three steps so that the window can keep the network off its GUI thread:
:func:`snapshot` reads the trip and what the last sync remembered
(:mod:`data.sync_state`); :func:`exchange` talks to the server, pulling what changed
there (by sync-token, RFC 6578, or by listing ETags where the server has none) and
pushing what changed here (with If-Match / If-None-Match, so nothing on the server is
overwritten unseen); :func:`commit` applies what came down to the store in one
transaction, together with the new sync state. :func:`sync` does all three.

A meeting changed on both sides since the last sync is a conflict: the trip keeps the
local version, the server keeps its own, both are recorded (``caldav_conflicts``) until
:func:`resolve` settles it. A failure (server down, password refused, network gone)
raises :class:`SyncError` with one line and changes nothing here.

Meetings travel as the VEVENTs of data/ics_export.py and come back through
data/ics_import.py, so a calendar object is exactly what an .ics export would hold.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, unquote, urlsplit

from pydantic import TypeAdapter

from data import sync_state
from data.gazetteer import Gazetteer
from data.ics_common import IcsError, file_stem_for, meeting_uid
from data.ics_export import build_event, calendar_head
from data.ics_import import merge_events
from data.ics_read import IcsEvent, meeting_of, parse_ics
from data.ics_writer import encode, text
from data.model import (
    ExactTime,
    Meeting,
    Place,
    Provenance,
    ProvenanceKind,
    Source,
    Trip,
    upsert,
)
from data.passwords import SecretMissing, remember_secret, secret
from data.store import Changes, Store, StoreError
from data.sync_state import Account, Conflict, StateChanges, Synced

if TYPE_CHECKING:
    import sqlite3

PASSWORD_ENV = "SHUTTLE_CALDAV_PASSWORD"
KEYRING_SERVICE = "Shuttle CalDAV"
SERVER_SOURCE = "calendar-server"  # the Source id meetings changed on the server cite
FETCH_BATCH = 100  # objects per calendar-multiget REPORT
_FIXED_STAMP = datetime(2000, 1, 1, tzinfo=UTC)  # DTSTAMP is not content
_GETETAG = "{DAV:}getetag"

ProgressFn = Callable[[int, int, str], None]  # (done, total, what is being done)
CancelledFn = Callable[[], bool]


class SyncError(RuntimeError):
    """A sync that could not be done; nothing was changed here. ``str()`` is one line."""


class SyncCancelled(SyncError):
    """The user stopped the sync; nothing was changed here."""


# -- the password -----------------------------------------------------------------------------


def keyring_user(url: str, user: str) -> str:
    return f"{user}@{url}"


def password_for(url: str, user: str) -> str:
    """``$SHUTTLE_CALDAV_PASSWORD``, else the system keyring's entry for this server and user."""
    try:
        return secret(
            PASSWORD_ENV,
            KEYRING_SERVICE,
            keyring_user(url, user),
            "Trip → Share on Calendar Server…",
        )
    except SecretMissing as exc:
        raise SyncError(str(exc)) from None


def remember_password(url: str, user: str, password: str) -> None:
    """Keep the password in the system keyring (never in the store)."""
    try:
        remember_secret(PASSWORD_ENV, KEYRING_SERVICE, keyring_user(url, user), password)
    except SecretMissing as exc:
        raise SyncError(str(exc)) from None


# -- content ----------------------------------------------------------------------------------


_MEETING_JSON: TypeAdapter[Meeting] = TypeAdapter(Meeting)
_PLACE_JSON: TypeAdapter[Place] = TypeAdapter(Place)


def fingerprint(trip: Trip, meeting: Meeting) -> str:
    """The meeting as stored, with its place and the sources it cites, hashed: what its
    calendar object is made from, so equal means nothing to send. (Cheaper than the
    object itself: a no-change sync of 1,000 meetings hashes them all.)"""
    digest = hashlib.sha256(_MEETING_JSON.dump_json(meeting))
    place = trip.place_of(meeting)
    digest.update(_PLACE_JSON.dump_json(place) if place is not None else b"null")
    cited = set(meeting.cited_sources())
    for source in trip.sources:
        if source.id in cited:
            digest.update(f"\n{source.id}\n{source.title}\n{source.url}".encode())
    return digest.hexdigest()[:32]


def _event_lines(trip: Trip, meeting: Meeting) -> list[str]:
    return build_event(trip, meeting, _FIXED_STAMP, internal=True)


def calendar_object(
    trip: Trip, meeting: Meeting, now: datetime, uid: str | None = None, extra: str | None = None
) -> str:
    """One meeting as a calendar object resource: a VCALENDAR with one VEVENT (RFC 4791).

    ``uid``: the UID another client gave the object, which must not change (servers
    refuse a new UID under the same name, and clients would see a new event). ``extra``:
    that client's own lines (:func:`foreign_extra`), kept in the event.
    """
    lines = calendar_head("PUBLISH", None, [meeting])
    lines = [line for line in lines if not line.startswith("METHOD:")]  # RFC 4791 4.1
    # The team's own server: the internal data, so every member's copy is the whole trip.
    event = build_event(trip, meeting, now, internal=True)
    if uid is not None:
        event = [f"UID:{text(uid)}" if line.startswith("UID:") else line for line in event]
    if extra:
        event[-1:-1] = _not_written(extra.split("\n"), event)  # before END:VEVENT
    lines += event
    lines.append("END:VCALENDAR")
    return encode(lines).decode()


def _not_written(extra: list[str], event: list[str]) -> list[str]:
    """``extra`` without the properties ``event`` writes itself (whatever it writes)."""
    ours = {_name(line) for line in event}
    kept, depth = [], 0
    for line in extra:
        name = _name(line)
        depth += name == "BEGIN"
        if depth or name not in ours:
            kept.append(line)
        depth -= name == "END"
    return kept


def _name(line: str) -> str:
    return re.split(r"[;:]", line, maxsplit=1)[0].upper()


def foreign_uid(data: str, meeting_id: str) -> str | None:
    """The object's UID when it is not the one Shuttle would give the meeting."""
    unfolded = re.sub(r"\r?\n[ \t]", "", data)
    found = re.search(r"^UID(?:;[^:\r\n]*)?:(.*?)\r?$", unfolded, re.MULTILINE)
    if found is None:
        return None
    uid = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], found[1]).strip()
    return None if uid == meeting_uid(meeting_id) else uid


# What Shuttle writes in a calendar object's VEVENT; another client's other properties
# and components (alarms, its own X- properties, attendees' answers) are kept as they are.
_WRITTEN = frozenset(
    {"SUMMARY", "DTSTART", "DTEND", "DURATION", "DTSTAMP", "UID", "SEQUENCE", "CATEGORIES",
     "DESCRIPTION", "GEO", "LOCATION", "STATUS", "LAST-MODIFIED"}
)  # fmt: skip


def foreign_extra(data: str) -> str | None:
    """The event's content lines (unfolded) that Shuttle does not write, or None."""
    kept: list[str] = []
    stack: list[str] = []  # VCALENDAR, then VEVENT or VTIMEZONE, then VALARM…
    for line in re.sub(r"\r?\n[ \t]", "", data).splitlines():
        if not line.strip():
            continue
        name = _name(line)
        inner = len(stack) > 2 and stack[1] == "VEVENT"  # inside a component of the event
        if name == "BEGIN":
            stack.append(line.split(":", 1)[-1].strip().upper())
            keep = len(stack) > 2 and stack[1] == "VEVENT"
        elif name == "END":
            keep = inner
            stack = stack[:-1]
        else:
            keep = inner or (
                stack[1:] == ["VEVENT"]
                and name not in _WRITTEN
                and not name.startswith("X-SHUTTLE-")
            )
        if keep:
            kept.append(line)
    return "\n".join(kept) or None


def read_object(data: str, href: str) -> IcsEvent:
    """The one event of a calendar object; IcsError when it is not one Shuttle can read."""
    calendar = parse_ics(data.encode(), href)
    if len(calendar.events) != 1:
        raise IcsError(href, f"{len(calendar.events)} events in one object (expected one)")
    if calendar.events[0].meeting is None:  # a scheduling message, not a calendar object
        raise IcsError(href, f"a {calendar.events[0].method} is not a calendar object")
    return calendar.events[0]


def _server_provenance(when: datetime) -> Provenance:
    return Provenance(
        ProvenanceKind.SOURCE,
        (SERVER_SOURCE,),
        note=f"changed on the calendar server; synced {when:%Y-%m-%d %H:%M} UTC",
    )


_FIELDS = ("title", "time", "place_id", "participants", "topic", "notes", "status")


def _from_server(
    trip: Trip, events: list[IcsEvent], collection: str, when: datetime, gazetteer: Gazetteer
) -> Trip:
    """``trip`` with the server's versions of these events, each citing the server."""
    if not events:
        return trip
    before = {m.id: m for m in trip.meetings}
    fresh = not trip.meetings and not trip.places
    merged = merge_events(trip, tuple(events), gazetteer, new=fresh)
    stamp = _server_provenance(when)
    meetings = []
    ids = {meeting_of(e).id for e in events}
    for meeting in merged.meetings:
        if meeting.id in ids:
            meeting = _cite_server(before.get(meeting.id), meeting, stamp)
        meetings.append(meeting)
    source = Source(SERVER_SOURCE, "Calendar server (CalDAV)", url=collection)
    return merged.replace(meetings=tuple(meetings), sources=upsert(merged.sources, source))


def _cite_server(previous: Meeting | None, meeting: Meeting, stamp: Provenance) -> Meeting:
    """The server is the source of the meeting (new) or of each field it changed."""
    if previous is None:
        return meeting.replace(provenance=(stamp,), field_provenance={})
    fields = dict(meeting.field_provenance)
    for name in _FIELDS:
        if _comparable(getattr(previous, name)) != _comparable(getattr(meeting, name)):
            fields[name] = (stamp,)
    return meeting.replace(field_provenance=fields)


def _comparable(value: Any) -> Any:
    if isinstance(value, tuple):  # participants, without their provenance
        return tuple(dataclasses.replace(p, provenance=()) for p in value)
    return value


# -- talking to the server --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Remote:
    """One object as the server holds it; ``data`` None means it is gone."""

    href: str
    etag: str | None
    data: str | None


class _Server:
    """The few requests a sync makes, through the caldav library's client; counts them."""

    def __init__(self, url: str, user: str, password: str, timeout: int = 30) -> None:
        from caldav.davclient import DAVClient

        if not url.startswith(("http://", "https://")):
            raise SyncError(f"{url!r} is not a server address (http:// or https://)")
        self.url, self.user = url, user
        self.client: Any = DAVClient(
            url=url,
            username=user,
            password=password,
            # Sent with the first request: one round trip fewer than waiting for a 401.
            auth_type="basic",
            timeout=timeout,
            ssl_verify_cert=True,
        )
        self.requests = 0
        self.client.session.hooks["response"].append(self._count)

    def _count(self, response: Any, *args: Any, **kwargs: Any) -> Any:
        self.requests += 1
        return response

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> _Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def absolute(self, href: str) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}{quote(href, safe='/@:+')}"

    def is_calendar(self, url: str) -> bool:
        response = self.client.propfind(
            url,
            '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
            "<d:prop><d:resourcetype/></d:prop></d:propfind>",
            depth=0,
        )
        if response.status == 404:
            return False
        _check(response, "look at", url)
        return "urn:ietf:params:xml:ns:caldav" in (response.raw or "") and (
            ":calendar" in response.raw or "<calendar" in response.raw
        )

    def calendar(self, url: str) -> Any:
        return self.client.calendar(url=url)

    def find_or_make(self, url: str, name: str) -> tuple[Any, bool]:
        """The calendar at ``url``, else the user's calendar called ``name``, else a new one."""
        if self.is_calendar(url):
            return self.calendar(url), False
        principal = self.client.principal()
        for calendar in principal.calendars():
            if calendar.get_display_name() == name:
                return calendar, False
        return principal.make_calendar(name=name), True

    def listing(
        self, calendar: Any, token: str | None, use_sync_token: bool
    ) -> tuple[dict[str, str | None], str | None, bool]:
        """Objects changed since ``token`` (ETag, None if deleted), the new token, and
        whether the listing is complete (every object, not only the changes)."""
        from caldav.lib import error

        if use_sync_token:
            for attempt in (token, None) if token else (None,):
                try:
                    found = calendar.get_objects_by_sync_token(
                        attempt, load_objects=False, disable_fallback=True
                    )
                except error.AuthorizationError:
                    raise
                except error.DAVError:
                    continue  # an expired token, or no RFC 6578: try the next way
                deleted = {unquote(u.path) for u in found.deleted_urls}
                changes: dict[str, str | None] = {}
                for obj in found:
                    href = unquote(obj.url.path)
                    changes[href] = None if href in deleted else obj.props.get(_GETETAG)
                new_token = found.sync_token
                return changes, str(new_token) if new_token else None, attempt is None
        return self.etags(calendar), None, True

    def etags(self, calendar: Any) -> dict[str, str | None]:
        """Every object's ETag by a depth-1 PROPFIND, for servers without sync tokens."""
        url = str(calendar.url)
        response = self.client.propfind(
            url,
            '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:">'
            "<d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>",
            depth=1,
        )
        _check(response, "list", url)
        own = unquote(urlsplit(url).path).rstrip("/")
        found: dict[str, str | None] = {}
        for href, props in response.expand_simple_props([_etag_element()]).items():
            path = unquote(urlsplit(str(href)).path)
            if path.rstrip("/") != own:
                found[path] = props.get(_GETETAG)
        return found

    def fetch(
        self,
        calendar: Any,
        hrefs: list[str],
        step: Callable[[str], None],
    ) -> dict[str, Remote]:
        """The objects at ``hrefs`` (a Remote without data for each that is gone)."""
        out: dict[str, Remote] = {}
        for start in range(0, len(hrefs), FETCH_BATCH):
            batch = hrefs[start : start + FETCH_BATCH]
            step(f"fetching {len(batch)} changed events")
            urls = [calendar.url.join(self.absolute(h)) for h in batch]
            for obj in calendar.multiget(urls):
                href = unquote(obj.url.path)
                out[href] = Remote(href, obj.props.get(_GETETAG), obj.data)
        for href in hrefs:
            out.setdefault(href, Remote(href, None, None))
        return out

    def get(self, href: str) -> Remote:
        response = self.client.request(self.absolute(href), "GET")
        if response.status == 404:
            return Remote(href, None, None)
        _check(response, "read", href)
        body = response.raw if isinstance(response.raw, str) else bytes(response.raw).decode()
        return Remote(href, response.headers.get("ETag"), body)

    def put(self, href: str, body: str, etag: str | None) -> tuple[int, str | None]:
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        headers |= {"If-Match": etag} if etag else {"If-None-Match": "*"}
        response = self.client.put(self.absolute(href), body, headers)
        if response.status >= 500:  # 4xx concern this object only: the caller says so
            _check(response, "store", href)
        return int(response.status), response.headers.get("ETag")

    def delete(self, href: str, etag: str | None) -> int:
        response = self.client.delete(self.absolute(href), {"If-Match": etag} if etag else {})
        if response.status >= 500:
            _check(response, "delete", href)
        return int(response.status)


def _etag_element() -> Any:
    from caldav.elements import dav

    return dav.GetEtag()


def _check(response: Any, what: str, where: str) -> None:
    status = int(response.status)
    if status >= 400:
        reason = getattr(response, "reason", "") or ""
        raise SyncError(f"the calendar server would not {what} {where}: HTTP {status} {reason}")


# -- one sync ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a sync starts from, read from the store (on the thread that owns it)."""

    trip_id: int
    trip: Trip
    account: Account
    synced: dict[str, Synced]
    conflicts: dict[str, Conflict]


def snapshot(store: Store, trip_id: int, trip: Trip | None = None) -> Snapshot:
    """``trip``: the trip as just read from the store, if the caller has it."""
    found = sync_state.account(store, trip_id)
    if found is None:
        raise SyncError("this trip is not shared on a calendar server yet (give its URL)")
    return Snapshot(
        trip_id,
        trip if trip is not None else store.load_trip(trip_id),
        found,
        sync_state.synced(store, trip_id),
        sync_state.conflicts(store, trip_id),
    )


@dataclass(slots=True)
class SyncReport:
    """What a sync did, for the command line and the status bar."""

    collection: str = ""
    created: bool = False
    sent: list[str] = field(default_factory=list)  # "added “Talks”", "deleted “Lunch”"
    received: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (meeting id, title)
    skipped: list[str] = field(default_factory=list)  # objects Shuttle cannot read
    requests: int = 0

    def summary(self) -> str:
        parts = [f"{len(self.sent)} sent", f"{len(self.received)} received"]
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} in conflict")
        return "synced: " + ", ".join(parts)

    def lines(self) -> list[str]:
        out = [self.summary() + f" ({self.collection})"]
        out += [f"sent: {line}" for line in self.sent]
        out += [f"received: {line}" for line in self.received]
        out += [f"skipped: {line}" for line in self.skipped]
        out += [f"conflict: “{title}” ({mid})" for mid, title in self.conflicts]
        return out


@dataclass(slots=True)
class Outcome:
    """What :func:`exchange` found and did, still to be applied here by :func:`commit`."""

    trip_id: int
    collection: str
    sync_token: str | None
    when: datetime
    report: SyncReport
    pull: dict[str, tuple[IcsEvent, Remote, str | None]] = field(default_factory=dict)
    remove: dict[str, str] = field(default_factory=dict)  # meeting id -> fingerprint seen
    put: dict[str, Synced] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)
    conflicts: list[Conflict] = field(default_factory=list)
    resolved: set[str] = field(default_factory=set)


def exchange(
    snap: Snapshot,
    password: str,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    *,
    use_sync_token: bool = True,
    timeout: int = 30,
) -> Outcome:
    """Talk to the server: what changed there comes back, what changed here goes up.

    Changes nothing in the store (safe off the store's thread). Raises SyncError in one
    line when the server cannot be reached or refuses, SyncCancelled when stopped.
    """
    from caldav.lib import error

    account = snap.account
    try:
        with _Server(account.url, account.user, password, timeout) as server:
            return _exchange(snap, server, progress, cancelled, use_sync_token)
    except SyncError:
        raise
    except error.AuthorizationError:
        raise SyncError(
            f"the calendar server at {account.url} refused user {account.user!r}: "
            "wrong user name or password, or no access"
        ) from None
    except error.DAVError as exc:
        raise SyncError(
            f"the calendar server at {account.url} failed: {_first_line(exc)}"
        ) from None
    except OSError as exc:  # connection refused, name unknown, timeouts, TLS
        raise SyncError(
            f"cannot reach the calendar server at {account.url}: {_reason(exc)}"
        ) from None


def _exchange(
    snap: Snapshot,
    server: _Server,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
    use_sync_token: bool,
) -> Outcome:
    trip, account = snap.trip, snap.account
    report = SyncReport()
    done, total = 0, 1

    def step(what: str) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise SyncCancelled("sync cancelled; nothing changed here")
        if progress is not None:
            progress(done, total, what)
        done += 1

    step("connecting")
    if account.collection:
        calendar, created = server.calendar(account.collection), False
    else:
        calendar, created = server.find_or_make(account.url, trip.name)
    collection = str(calendar.url)
    base = unquote(urlsplit(collection).path).rstrip("/") + "/"
    report.collection, report.created = collection, created
    token = account.sync_token if account.collection else None
    step("asking what changed")
    listing, new_token, complete = server.listing(calendar, token, use_sync_token)

    local = {m.id: m for m in trip.meetings}
    prints = {mid: fingerprint(trip, m) for mid, m in local.items()}
    state = dict(snap.synced)
    by_href = {s.href: mid for mid, s in state.items()}
    if complete:
        for href in by_href:
            listing.setdefault(href, None)
    changed = [
        h
        for h, etag in listing.items()
        if etag is not None and (h not in by_href or state[by_href[h]].etag != etag)
    ]
    gone = [h for h, etag in listing.items() if etag is None and h in by_href]
    pushes = [
        mid for mid, m in local.items() if mid not in state or state[mid].fingerprint != prints[mid]
    ] + [mid for mid in state if mid not in local]
    total = done + (len(changed) + FETCH_BATCH - 1) // FETCH_BATCH + len(pushes) + 1

    out = Outcome(snap.trip_id, collection, new_token, sync_state.now(), report)
    handled: set[str] = set()

    def conflict(mid: str, href: str, remote: Remote | None) -> None:
        meeting = local.get(mid)
        if meeting is None and (remote is None or remote.data is None):
            out.dropped.add(mid)  # deleted on both sides: nothing to keep
            out.resolved.add(mid)
            return
        previous = snap.conflicts.get(mid)
        out.conflicts.append(
            Conflict(
                mid,
                href,
                _meeting_json(meeting) if previous is None else previous.local,
                None if remote is None else remote.data,
                None if remote is None else remote.etag,
                out.when if previous is None else previous.found_at,
            )
        )
        title = meeting.title if meeting is not None else _title(remote)
        report.conflicts.append((mid, title))

    # What changed on the server.
    fetched = server.fetch(calendar, changed, step) if changed else {}
    for href in changed:
        remote = fetched[href]
        if remote.data is None:
            if href in by_href:
                gone.append(href)
            continue
        try:
            event = read_object(remote.data, href)
        except IcsError as exc:
            report.skipped.append(str(exc))
            continue
        mid = by_href.get(href, meeting_of(event).id)
        if meeting_of(event).id != mid:
            event = dataclasses.replace(event, meeting=meeting_of(event).replace(id=mid))
        handled.add(mid)
        known, meeting = state.get(mid), local.get(mid)
        if mid in snap.conflicts:
            conflict(mid, href, remote)
            continue
        unchanged_here = meeting is not None and known is not None
        unchanged_here = unchanged_here and known.fingerprint == prints[mid]  # type: ignore[union-attr]
        if (known is None and meeting is None) or unchanged_here:
            out.pull[mid] = (event, remote, prints.get(mid))
        elif meeting is not None and _same(trip, meeting, event, collection):
            out.put[mid] = _synced(href, remote, prints[mid], mid)
        else:
            conflict(mid, href, remote)
    for href in gone:
        mid = by_href[href]
        handled.add(mid)
        meeting = local.get(mid)
        if mid in snap.conflicts:
            conflict(mid, href, None)
        elif meeting is None:
            out.dropped.add(mid)
        elif state[mid].fingerprint == prints[mid]:
            out.remove[mid] = prints[mid]
            out.dropped.add(mid)
        else:
            conflict(mid, href, None)
    for mid in snap.conflicts:
        if mid not in handled:  # nothing new on the server: still in conflict
            handled.add(mid)
            previous = snap.conflicts[mid]
            title = (
                local[mid].title
                if mid in local
                else _title(Remote(previous.href, previous.server_etag, previous.server))
            )
            report.conflicts.append((mid, title))

    # What changed here.
    deleted: set[str] = set()
    for mid in pushes:
        if mid in handled:
            continue
        meeting, known = local.get(mid), state.get(mid)
        if meeting is None:
            assert known is not None
            step(f"deleting an event ({len(out.put) + len(out.dropped) + 1})")
            status = server.delete(known.href, known.etag)
            if status >= 400 and status not in (404, 412):
                report.skipped.append(f"deleting {mid}: the server refused it (HTTP {status})")
                continue
            if status == 412:
                conflict(mid, known.href, server.get(known.href))
            else:
                deleted.add(known.href)
                out.dropped.add(mid)
                report.sent.append(f"deleted {mid}")
            continue
        href = known.href if known is not None else base + file_stem_for(mid) + ".ics"
        etag = known.etag if known is not None else None
        step(f"sending “{meeting.title}”")
        uid = known.uid if known is not None else None
        extra = known.extra if known is not None else None
        body = calendar_object(trip, meeting, out.when, uid, extra)
        status, new_etag = server.put(href, body, etag)
        if status not in (412,) and status >= 400:
            report.skipped.append(f"“{meeting.title}”: the server refused it (HTTP {status})")
            continue
        if status == 412:
            remote = server.get(href)
            if remote.data is not None and _same(trip, meeting, read_object(remote.data, href),
                                                 collection):  # fmt: skip
                out.put[mid] = _synced(href, remote, prints[mid], mid)
            else:
                conflict(mid, href, remote)
            continue
        out.put[mid] = Synced(href, new_etag, prints[mid], uid, extra)
        verb = "changed" if known is not None else "added"
        report.sent.append(f"{verb} “{meeting.title}”")
    for mid in snap.conflicts:
        if mid not in {c.meeting_id for c in out.conflicts} and mid not in out.resolved:
            # Still open, untouched by this sync: keep it as it was.
            out.conflicts.append(snap.conflicts[mid])
    if out.sync_token and use_sync_token and (deleted or report.sent):
        # Move the token past our own changes, so that the next sync need not list them;
        # only when nobody else changed anything meanwhile (else the next sync takes it).
        step("confirming")
        since, newer, complete = server.listing(calendar, out.sync_token, True)
        ours = {s.href: s.etag for s in out.put.values()}
        if not complete and all(
            href in deleted if etag is None else ours.get(href) == etag
            for href, etag in since.items()
        ):
            out.sync_token = newer
    report.requests = server.requests
    if progress is not None:
        progress(total, total, "done")
    return out


def _synced(href: str, remote: Remote, print_: str | None, meeting_id: str) -> Synced:
    """The state of a meeting that now matches the server's object ``remote``."""
    data = remote.data or ""
    return Synced(
        href, remote.etag, print_, foreign_uid(data, meeting_id) if data else None,
        foreign_extra(data) if data else None,
    )  # fmt: skip


def _same(trip: Trip, meeting: Meeting, event: IcsEvent, collection: str) -> bool:
    """Whether the server's event says what the local meeting says."""
    try:
        theirs = _from_server(trip, [event], collection, _FIXED_STAMP, Gazetteer())
        other = theirs.meeting(meeting.id)
        return _event_lines(theirs, other.replace(
            provenance=meeting.provenance, field_provenance=meeting.field_provenance
        )) == _event_lines(trip, meeting)  # fmt: skip
    except (ValueError, KeyError):
        return False


def _meeting_json(meeting: Meeting | None) -> str | None:
    return None if meeting is None else _MEETING_JSON.dump_json(meeting).decode()


def _title(remote: Remote | None) -> str:
    if remote is None or remote.data is None:
        return "(deleted on the server)"
    try:
        return meeting_of(read_object(remote.data, remote.href)).title
    except IcsError:
        return remote.href


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _reason(exc: BaseException) -> str:
    """The innermost cause, e.g. 'Connection refused', without the library's wrapping."""
    inner: BaseException = exc
    while True:
        nested = inner.__cause__ or inner.__context__
        if nested is None or nested is inner:
            break
        inner = nested
    if isinstance(inner, OSError) and inner.strerror:
        return inner.strerror
    return _first_line(inner)


# -- applying it here -------------------------------------------------------------------------


@dataclass(slots=True)
class _Apply:
    """The trip edit and sync-state writes of one outcome, for one store transaction."""

    outcome: Outcome
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    late: list[Conflict] = field(default_factory=list)  # edited here during the sync

    def edit(self, trip: Trip) -> Trip:
        out = self.outcome
        touched = set(out.pull) | set(out.remove)
        now_prints = {m.id: fingerprint(trip, m) for m in trip.meetings if m.id in touched}
        events = []
        for mid, (event, remote, seen) in out.pull.items():
            if now_prints.get(mid) != seen:
                self.late.append(self._late(trip, mid, remote))
                continue
            events.append(event)
        removed = set()
        for mid, seen in out.remove.items():
            if now_prints.get(mid) != seen:
                self.late.append(self._late(trip, mid, None))
            else:
                removed.add(mid)
        if removed:
            trip = trip.replace(meetings=tuple(m for m in trip.meetings if m.id not in removed))
        return _from_server(trip, events, out.collection, out.when, self.gazetteer)

    def _late(self, trip: Trip, mid: str, remote: Remote | None) -> Conflict:
        meeting = next((m for m in trip.meetings if m.id == mid), None)
        href = remote.href if remote is not None else ""
        self.outcome.report.conflicts.append((mid, meeting.title if meeting else mid))
        return Conflict(
            mid,
            href,
            _meeting_json(meeting),
            remote.data if remote else None,
            remote.etag if remote else None,
            self.outcome.when,
        )

    def also(self, db: sqlite3.Connection, trip: Trip | None) -> None:
        """Write the sync state; ``trip`` is the trip as stored (None: it did not change)."""
        out = self.outcome
        put = dict(out.put)
        late = {c.meeting_id for c in self.late}
        for mid, (_event, remote, _seen) in out.pull.items():
            if mid not in late and trip is not None:
                print_ = fingerprint(trip, trip.meeting(mid))
                put[mid] = _synced(remote.href, remote, print_, mid)
        dropped = set(out.dropped) - late
        found = [*out.conflicts, *self.late]
        open_ids = {c.meeting_id for c in found}
        # A conflict that no sync step saw again stays; one settled here goes.
        resolved = frozenset(out.resolved - open_ids)
        StateChanges(
            out.trip_id,
            out.collection,
            out.sync_token,
            out.when,
            put,
            frozenset(dropped),
            tuple(found),
            resolved,
        ).write(db)
        for mid in out.pull:
            if mid not in late and trip is not None:
                out.report.received.append(f"“{trip.meeting(mid).title}”")
        for mid in out.remove:
            if mid not in late:
                out.report.received.append(f"deleted {mid}")


def commit(store: Store, outcome: Outcome, gazetteer: Gazetteer | None = None) -> Changes:
    """Apply what came from the server, and the new sync state, in one transaction.

    ``gazetteer`` places events made in other clients (default: a new one)."""
    apply = _Apply(outcome, gazetteer or Gazetteer())
    if not outcome.pull and not outcome.remove:  # the trip stays as it is: only the state
        with store.transaction() as db:
            apply.also(db, None)
        return Changes(outcome.trip_id)
    try:
        return store.update_trip(outcome.trip_id, apply.edit, also=apply.also)
    except StoreError as exc:
        raise SyncError(f"the server's changes do not fit the trip: {exc}") from None


def sync(
    store: Store,
    trip_id: int,
    password: str,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    *,
    use_sync_token: bool = True,
) -> SyncReport:
    """Snapshot, exchange and commit: one whole sync of the trip with its calendar."""
    outcome = exchange(
        snapshot(store, trip_id), password, progress, cancelled, use_sync_token=use_sync_token
    )
    commit(store, outcome)
    return outcome.report


def share(store: Store, trip_id: int, url: str, user: str) -> None:
    """Remember where the trip is shared; the password is not kept here."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise SyncError(f"{url!r} is not a server address (http:// or https://)")
    if not user.strip():
        raise SyncError("a user name is needed for the calendar server")
    store.load_trip(trip_id)  # StoreError for an unknown trip
    sync_state.set_account(store, trip_id, url, user.strip())


def check_connection(url: str, user: str, password: str, timeout: int = 15) -> str:
    """One line saying whether the server answers and takes the password."""
    from caldav.lib import error

    try:
        with _Server(url, user, password, timeout) as server:
            principal = server.client.principal()
            count = len(principal.calendars())
    except SyncError:
        raise
    except error.AuthorizationError:
        raise SyncError(f"the calendar server at {url} refused user {user!r}") from None
    except error.DAVError as exc:
        raise SyncError(f"the calendar server at {url} failed: {_first_line(exc)}") from None
    except OSError as exc:
        raise SyncError(f"cannot reach the calendar server at {url}: {_reason(exc)}") from None
    return f"connected as {user}; {count} calendar{'s' if count != 1 else ''} on the server"


# -- conflicts --------------------------------------------------------------------------------

Choice = Literal["local", "server"]
MERGE_FIELDS = _FIELDS


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A conflict's two versions as meetings (None: deleted on that side), for display."""

    conflict: Conflict
    local: Meeting | None
    server: Meeting | None
    trip: Trip  # the trip with the server's place added, for showing the server's version


def view_conflict(store: Store, trip_id: int, meeting_id: str) -> ConflictView:
    found = sync_state.conflicts(store, trip_id).get(meeting_id)
    if found is None:
        raise SyncError(f"meeting {meeting_id!r} is not in conflict")
    trip = store.load_trip(trip_id)
    local = next((m for m in trip.meetings if m.id == meeting_id), None)
    server = None
    shown = trip
    if found.server is not None:
        event = read_object(found.server, found.href)
        event = dataclasses.replace(event, meeting=meeting_of(event).replace(id=meeting_id))
        shown = merge_events(trip, (event,), Gazetteer())
        server = shown.meeting(meeting_id)
    return ConflictView(found, local, server, shown)


def merged(view: ConflictView, from_server: Iterable[str]) -> Meeting:
    """The local meeting with the chosen fields taken from the server's version."""
    local, server = view.local, view.server
    if local is None or server is None:
        raise SyncError("a deleted meeting cannot be merged field by field; pick a side")
    changes: dict[str, object] = {name: getattr(server, name) for name in from_server}
    result = local.replace(**changes)
    place = view.trip.place_of(result)
    time = result.time
    if (
        place is not None
        and isinstance(time, ExactTime)
        and getattr(time.start.tzinfo, "key", "") != place.timezone
    ):
        result = result.replace(
            time=ExactTime(time.start.astimezone(place.tz), time.end.astimezone(place.tz))
        )
    return result


def resolve(store: Store, trip_id: int, meeting_id: str, choice: Choice | Meeting) -> Changes:
    """Settle a conflict: keep the local version, take the server's, or a merged meeting.

    The choice goes to the server at the next sync (the caller usually syncs at once):
    the local or merged version replaces the server's object (If-Match its ETag).
    """
    view = view_conflict(store, trip_id, meeting_id)
    found = view.conflict

    def clear(db: sqlite3.Connection) -> None:
        db.execute(
            "DELETE FROM caldav_conflicts WHERE trip_id = ? AND meeting_id = ?",
            (trip_id, meeting_id),
        )

    def mark(db: sqlite3.Connection, print_: str | None) -> None:
        clear(db)
        remote = Remote(found.href, found.server_etag, found.server)
        known = _synced(found.href, remote, print_, meeting_id)
        sync_state.record(db, trip_id, meeting_id, known)

    if choice == "local":
        # Send the local version (or its deletion) over the server's.
        return store.update_trip(trip_id, lambda t: t, also=lambda db, _t: mark(db, None))
    if choice == "server":
        if view.server is None:

            def drop(trip: Trip) -> Trip:
                return trip.replace(meetings=tuple(m for m in trip.meetings if m.id != meeting_id))

            def forget(db: sqlite3.Connection, _trip: Trip) -> None:
                clear(db)
                db.execute(
                    "DELETE FROM caldav_meetings WHERE trip_id = ? AND meeting_id = ?",
                    (trip_id, meeting_id),
                )

            return store.update_trip(trip_id, drop, also=forget)
        event = read_object(found.server or "", found.href)
        event = dataclasses.replace(event, meeting=meeting_of(event).replace(id=meeting_id))
        collection = (sync_state.account(store, trip_id) or Account("", "")).collection or ""
        when = sync_state.now()

        def take(trip: Trip) -> Trip:
            return _from_server(trip, [event], collection, when, Gazetteer())

        def settle(db: sqlite3.Connection, trip: Trip) -> None:
            mark(db, fingerprint(trip, trip.meeting(meeting_id)))

        return store.update_trip(trip_id, take, also=settle)
    chosen = choice
    if not isinstance(chosen, Meeting):
        raise ValueError(f"unknown choice {choice!r}")

    def put_merged(trip: Trip) -> Trip:
        places = trip.places
        if chosen.place_id is not None and chosen.place_id not in {p.id for p in places}:
            places = (*places, view.trip.place(chosen.place_id))
        return trip.replace(places=places, meetings=upsert(trip.meetings, chosen))

    return store.update_trip(trip_id, put_merged, also=lambda db, _t: mark(db, None))


# -- as edits, for the window's one write path (data/edits.py) --------------------------------


@dataclass(frozen=True, slots=True)
class _Done:
    """The inverse of a sync step: a sync is not undone (the next sync would redo it)."""

    trip_id: int
    label: str = "Sync with the calendar server"

    def apply(self, store: Store) -> tuple[Changes, _Done]:
        return Changes(self.trip_id), self


@dataclass(frozen=True, slots=True)
class ApplySync:
    """What a sync brought from the server, applied here (see :func:`commit`)."""

    outcome: Outcome
    gazetteer: Gazetteer | None = None

    @property
    def label(self) -> str:
        return "Sync with the calendar server"

    def apply(self, store: Store) -> tuple[Changes, _Done]:
        try:
            changes = commit(store, self.outcome, self.gazetteer)
        except SyncError as exc:
            raise StoreError(str(exc)) from None
        return changes, _Done(self.outcome.trip_id)


@dataclass(frozen=True, slots=True)
class ResolveConflict:
    """Settle a conflict (see :func:`resolve`); the next sync sends the choice."""

    trip_id: int
    meeting_id: str
    choice: Choice | Meeting

    @property
    def label(self) -> str:
        return "Resolve a sync conflict"

    def apply(self, store: Store) -> tuple[Changes, _Done]:
        try:
            changes = resolve(store, self.trip_id, self.meeting_id, self.choice)
        except (SyncError, IcsError) as exc:
            raise StoreError(str(exc)) from None
        return changes, _Done(self.trip_id)
