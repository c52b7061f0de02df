"""Backups of the store, taken with SQLite's backup API, in ``backups/`` beside it.

Taken before each schema migration and once a day while the store is in use (see
``Store._backup_if_due``); the newest :data:`KEEP` are kept. A backup is a complete,
consistent SQLite file (the backup API copies a snapshot even while others write),
written under a temp name and renamed, so a half-written backup never shows up.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from data.files import replace_with, temp_path_beside

FOLDER = "backups"
KEEP = 10
INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z0-9-]+)\.sqlite3")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime
    reason: str  # "daily", "before-schema-3", "before-restore", "manual"
    size: int


def folder_for(store_path: Path) -> Path:
    return store_path.parent / FOLDER


def take(store_path: Path, reason: str) -> Path:
    """Copy the store into a new backup; prune old ones. Returns the backup's path.

    Read through a connection of its own: SQLite cannot back up from a connection that
    is inside a write transaction, and a migration takes its backup inside one (its lock
    taken, nothing written yet).
    """
    folder = folder_for(store_path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime(_STAMP)
    target = folder / f"{store_path.stem}-{stamp}-{reason}.sqlite3"
    tmp = temp_path_beside(target, overwrite=False)
    try:
        _copy(store_path, tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    replace_with(tmp, target, overwrite=False)
    prune(store_path)
    return target


def _copy(source_path: Path, target: Path) -> None:
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def list_backups(store_path: Path) -> list[Backup]:
    """The store's backups, newest first."""
    folder = folder_for(store_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.fullmatch(path.name)
        if match is None or match["stem"] != store_path.stem or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(Backup(path, taken, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def due(store_path: Path, now: datetime | None = None) -> bool:
    """True when no backup is younger than :data:`INTERVAL`."""
    newest = next(iter(list_backups(store_path)), None)
    return newest is None or (now or datetime.now(UTC)) - newest.taken >= INTERVAL


def prune(store_path: Path) -> None:
    for old in list_backups(store_path)[KEEP:]:
        old.path.unlink(missing_ok=True)


def find(store_path: Path, name: str | os.PathLike[str]) -> Path:
    """A backup given as a path, or as a name from :func:`list_backups`."""
    given = Path(name)
    if given.is_file():
        return given
    inside = folder_for(store_path) / given.name
    if inside.is_file():
        return inside
    raise FileNotFoundError(f"no backup {name} (neither a file nor in {folder_for(store_path)})")


def check(path: Path, max_version: int) -> None:
    """ValueError unless ``path`` is a whole Shuttle store of a known schema."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ValueError(f"{path} cannot be opened: {exc}") from None
    try:
        rows = [str(row[0]) for row in db.execute("PRAGMA integrity_check")]
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        raise ValueError(f"{path} is not a readable store: {exc}") from None
    finally:
        db.close()
    if rows != ["ok"]:
        raise ValueError(f"{path} is damaged too ({rows[0]})")
    if not 1 <= version <= max_version or not {"meta", "trips"} <= tables:
        raise ValueError(f"{path} is not a Shuttle store this Shuttle can read")


def restore(store_path: Path, backup: Path) -> Path | None:
    """Put ``backup`` in the store's place; the store it replaces is kept beside it.

    Returns where the replaced store was kept (None when there was none). Shuttle must
    not have the store open meanwhile.
    """
    tmp = temp_path_beside(store_path, overwrite=True)
    try:
        _copy(backup, tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    kept: Path | None = None
    if store_path.exists():
        stamp = datetime.now(UTC).strftime(_STAMP)
        kept = store_path.with_name(f"{store_path.name}.replaced-{stamp}")
        # The file and its write-ahead log move together: they are one database.
        for suffix in ("-wal", ""):
            part = Path(f"{store_path}{suffix}")
            if part.exists():
                part.replace(f"{kept}{suffix}")
    Path(f"{store_path}-shm").unlink(missing_ok=True)
    replace_with(tmp, store_path, overwrite=True)
    return kept
