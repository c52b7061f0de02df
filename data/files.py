"""Writing files safely, and naming them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DATA_DIR_ENV = "SHUTTLE_DATA_DIR"
CACHE_DIR_ENV = "SHUTTLE_CACHE_DIR"


def default_data_dir() -> Path:
    """Where the trip store lives (``$SHUTTLE_DATA_DIR`` overrides it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Shuttle", appauthor=False))


def default_cache_dir() -> Path:
    """Where Shuttle keeps what it can rebuild (``$SHUTTLE_CACHE_DIR`` overrides it)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Shuttle", appauthor=False))


def write_atomically(data: bytes, path: str | os.PathLike[str]) -> None:
    """A crash leaves the old file or the new one, never half of one."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes 0600 files; give the user's usual permissions instead.
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_stem(name: str, fallback: str = "trip") -> str:
    """A file name from a title: 'Kerry: Rome – Paris' -> 'Kerry-Rome-Paris'."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in name)
    return "-".join(keep.split())[:60] or fallback
