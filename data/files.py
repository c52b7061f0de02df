"""Writing files safely, and naming them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
